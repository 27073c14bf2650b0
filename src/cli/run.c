/* frontsim run SCENARIO: replications, then the output directory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "cli_common.h"
#include "frontsim/output.h"
#include "frontsim/run.h"

static const char run_help[] =
    "usage: frontsim run SCENARIO [-o DIR] [-n REPS] [--seed N] [--set path=value]...\n"
    "                    [-j THREADS] [--series all|none|VAR,...] [--format wide|long]\n"
    "                    [--quiet]\n"
    "\n"
    "Runs the replications of SCENARIO and writes DIR (default out/ and a name made\n"
    "from the label): scenario.cfg, series/<sector>.csv, series/sides.csv,\n"
    "replications.csv, summary.csv, summary.txt and columns.csv (the unit and meaning\n"
    "of every column). The directory is replaced only\n"
    "when complete, and only when it holds a run of the same label and no file frontsim\n"
    "did not write (or --force); never while another frontsim command works on it.\n"
    "\n"
    "  -o DIR          output directory\n"
    "  --label TEXT    the run's name in every output (sets run.label)\n"
    "  --force         replace DIR even when it holds another label's or kind's output,\n"
    "                  or files frontsim did not write\n"
    "  -n REPS         replications (sets run.replications)\n"
    "  --seed N        master seed (sets run.seed)\n"
    "  --set p=v       override a setting, e.g. --set sectors.kursk.engagement_rate=50\n"
    "  -j THREADS      threads (default: all cores); results do not depend on it\n"
    "  --series WHICH  daily series kept: all (default), none (no series/), or\n"
    "                  variables as <file>.<column>, e.g. kursk.blue_personnel\n"
    "  --format long   also write summary_long.csv (a row per metric and statistic)\n"
    "                  and series_long.csv (a row per variable and day)\n"
    "  --target-ci METRIC=HALFWIDTH\n"
    "                  add replications until the 95% CI of METRIC is +-HALFWIDTH\n"
    "                  (at most --max-replications, default 1000000)\n"
    "  --quiet         no progress on stderr\n";

int cli_run(int argc, char **argv) {
  const char *path = NULL, *outdir = NULL, *series = NULL;
  long long threads = 0;
  int quiet = 0, force = 0, charts = 0;
  cli_target target = {"run", "", 0};
  cli_format format = {"run", FSIM_FORMAT_WIDE};
  long long max_reps = 1000000;
  fsim_overrides *ov = fsim_overrides_new();
  fsim_error err;
  fsim_error_clear(&err);
  const cli_option options[] = {
      CLI_QUIET(.flag = &quiet),
      CLI_SET_OPTION(.overrides = {ov}),
      CLI_OUTPUT(.text = &outdir),
      CLI_LABEL(.overrides = {ov}),
      CLI_FORCE(.flag = &force),
      CLI_REPLICATIONS(.set = "run.replications=%lld", .overrides = {ov}),
      CLI_SEED(.set = "run.seed=%lldL", .overrides = {ov}),
      CLI_THREADS(.number = &threads),
      {.name = "series", .kind = CLI_TEXT, .text = &series},
      {.name = "max-replications", .kind = CLI_LONG, .min = 10, .max = 10000000,
       .number = &max_reps},
      {.name = "target-ci", .kind = CLI_CALL, .call = cli_parse_target, .ctx = &target},
      {.name = "format", .kind = CLI_CALL, .call = cli_parse_format, .ctx = &format},
  };
  const cli_command cmd = {.name = "run", .help = run_help, .options = options,
                           .noptions = CLI_COUNT(options), CLI_SCENARIO_ARG(&path)};
  int rc = cli_parse_owning(&cmd, argc, argv, ov);
  if (rc != CLI_PROCEED) return rc;
  rc = 0;
  fsim_scenario *sc = NULL;
  if (rc == 0 && fsim_scenario_load(path, ov, &sc, &err) != FSIM_OK) rc = cli_report(&err);
  char outbuf[1024], cmdline[4096];
  if (rc == 0 && !outdir) {
    cli_default_output(fsim_scenario_label(sc), outbuf, sizeof outbuf);
    outdir = outbuf;
  }
  /* Before any work, and held until the end: DIR is claimed (its lock), and replaced
     only when it holds a run of the same label and nothing else (or --force). */
  fsim_output_claim *claim = NULL;
  if (rc == 0 && fsim_output_claim_dir(outdir, "run", fsim_scenario_label(sc), force, &charts,
                                       &claim, &err) != FSIM_OK)
    rc = cli_report(&err);
  fsim_results *res = NULL;
  if (rc == 0) {
    cli_command_line(argc - 1, argv + 1, "frontsim run", cmdline, sizeof cmdline);
    cli_install_stop_handler();
    cli_progress progress;
    cli_progress_init(&progress, "replications", quiet);
    fsim_run_options *opt = fsim_run_options_new();
    char num[32];
    fsim_status st = opt ? FSIM_OK : fsim_error_set(&err, FSIM_E_NOMEM, "", 0, "", "out of memory");
    if (st == FSIM_OK) st = fsim_run_options_set(opt, "threads", cli_number(num, threads), &err);
    if (st == FSIM_OK && series) st = fsim_run_options_set(opt, "series", series, &err);
    fsim_run_options_set_progress(opt, cli_progress_report, &progress);
    double t0 = cli_now();
    int reached = 1;
    if (st == FSIM_OK)
      st = target.metric[0] ? fsim_run_target(sc, opt, target.metric, target.half,
                                              (long)max_reps, &res, &reached, &err)
                            : fsim_run(sc, opt, &res, &err);
    fsim_run_options_free(opt);
    if (st == FSIM_OK && !reached)
      fprintf(stderr, "frontsim: warning: %s did not reach +-%g within %lld replications\n",
              target.metric, target.half, max_reps);
    cli_progress_done(&progress);
    if (st == FSIM_OK) st = fsim_results_write_dir_as(res, sc, outdir, cmdline, (fsim_format)format.format, &err);
    if (st != FSIM_OK) {
      rc = cli_report(&err);
    } else if (!quiet) {
      fprintf(stderr, "frontsim: wrote %s (%ld replications in %.2f s)\n", outdir,
              fsim_results_replications(res), cli_now() - t0);
    }
    if (st == FSIM_OK && charts) /* said even with --quiet: they are gone */
      fprintf(stderr, "frontsim: the charts of the earlier output in %s were removed; "
              "draw the new ones with: frontsim plot %s\n", outdir, outdir);
  }
  if (rc == 0 && !quiet) {
    char summary[1100];
    snprintf(summary, sizeof summary, "%s/summary.txt", outdir);
    cli_print_file(summary);
  }
  fsim_output_claim_release(claim);
  fsim_results_free(res);
  fsim_scenario_free(sc);
  fsim_overrides_free(ov);
  return rc;
}
