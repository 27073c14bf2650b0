/* frontsim compare A B: paired runs under common random numbers. */
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "cli_common.h"
#include "frontsim/compare.h"

static const char compare_help[] =
    "usage: frontsim compare A B [-o DIR] [-n REPS] [--seed N] [--set p=v]...\n"
    "                        [--set-a p=v]... [--set-b p=v]... [--label-a T] [--label-b T]\n"
    "                        [-j THREADS] [--quiet]\n"
    "\n"
    "Runs scenarios A and B with the same seed and replications (common random\n"
    "numbers) and writes DIR (default out/compare-<A>-<B>): a/ and b/ (full run\n"
    "outputs), compare.csv and compare.txt: per metric the mean difference B - A with\n"
    "its paired 95% CI, and the variance reduction against two independent runs.\n"
    "A and B may be the same file with different --set-a / --set-b overrides;\n"
    "--label-a TEXT and --label-b TEXT name them (run.label) in every output.\n";

int cli_compare(int argc, char **argv) {
  const char *paths[2] = {NULL, NULL}, *outdir = NULL;
  long long threads = 0, seed = -1;
  int quiet = 0;
  fsim_overrides *ov[2] = {fsim_overrides_new(), fsim_overrides_new()};
  fsim_error err;
  fsim_error_clear(&err);
  long long reps = 0;
  const cli_option options[] = {
      CLI_QUIET(.flag = &quiet),
      CLI_SET_OPTION(.overrides = {ov[0], ov[1]}),
      {.name = "set-a", .kind = CLI_SET, .overrides = {ov[0]}},
      {.name = "set-b", .kind = CLI_SET, .overrides = {ov[1]}},
      {.name = "label-a", .kind = CLI_TEXT, .set = "run.label=%s", .overrides = {ov[0]}},
      {.name = "label-b", .kind = CLI_TEXT, .set = "run.label=%s", .overrides = {ov[1]}},
      CLI_OUTPUT(.text = &outdir),
      CLI_REPLICATIONS(.number = &reps),
      CLI_SEED(.number = &seed),
      CLI_THREADS(.number = &threads),
  };
  const cli_command cmd = {.name = "compare", .help = compare_help, .options = options,
                           .noptions = CLI_COUNT(options), .args = paths, .nargs = 2,
                           .what = "two scenarios, A and B",
                           .missing = "give two scenarios, A and B"};
  int rc = cli_parse(&cmd, argc, argv);
  if (rc != CLI_PROCEED) {
    fsim_overrides_free(ov[0]);
    fsim_overrides_free(ov[1]);
    return rc;
  }
  rc = 0;
  fsim_scenario *sc[2] = {NULL, NULL};
  for (int s = 0; s < 2 && rc == 0; s++)
    if (fsim_scenario_load(paths[s], ov[s], &sc[s], &err) != FSIM_OK) rc = cli_report(&err);
  char outbuf[2100], cmdline[4096];
  if (rc == 0 && !outdir) {
    char a[1024], b[1024];
    cli_default_output(fsim_scenario_label(sc[0]), a, sizeof a);
    cli_default_output(fsim_scenario_label(sc[1]), b, sizeof b);
    snprintf(outbuf, sizeof outbuf, "out/compare-%.900s-%.900s", a + 4, b + 4);
    outdir = outbuf;
  }
  if (rc == 0) {
    cli_command_line(argc - 1, argv + 1, "frontsim compare", cmdline, sizeof cmdline);
    cli_install_stop_handler();
    fsim_run_options *opt = fsim_run_options_new();
    char num[32];
    fsim_status st = opt ? FSIM_OK : fsim_error_set(&err, FSIM_E_NOMEM, "", 0, "", "out of memory");
    if (st == FSIM_OK) st = fsim_run_options_set(opt, "replications", cli_number(num, reps), &err);
    if (st == FSIM_OK) st = fsim_run_options_set(opt, "threads", cli_number(num, threads), &err);
    if (st == FSIM_OK && seed >= 0)
      st = fsim_run_options_set(opt, "seed", cli_number(num, seed), &err);
    fsim_run_options_set_progress(opt, cli_stop_requested, NULL);
    if (st == FSIM_OK) st = fsim_compare(sc[0], sc[1], opt, outdir, cmdline, &err);
    fsim_run_options_free(opt);
    if (st != FSIM_OK) {
      rc = cli_report(&err);
    } else if (!quiet) {
      char path[2200];
      snprintf(path, sizeof path, "%s/compare.txt", outdir);
      cli_print_file(path);
      fprintf(stderr, "frontsim: wrote %s\n", outdir);
    }
  }
  for (int s = 0; s < 2; s++) {
    fsim_scenario_free(sc[s]);
    fsim_overrides_free(ov[s]);
  }
  return rc;
}
