/* frontsim run SCENARIO: replications, then the output directory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "cli_common.h"
#include "frontsim/run.h"

static const char run_help[] =
    "usage: frontsim run SCENARIO [-o DIR] [-n REPS] [--seed N] [--set path=value]...\n"
    "                    [-j THREADS] [--quiet]\n"
    "\n"
    "Runs the replications of SCENARIO and writes DIR (default out/<scenario name>):\n"
    "scenario.cfg, series/<sector>.csv, series/sides.csv, replications.csv,\n"
    "summary.csv and summary.txt. The directory is replaced only when complete.\n"
    "\n"
    "  -o DIR          output directory\n"
    "  -n REPS         replications (sets run.replications)\n"
    "  --seed N        master seed (sets run.seed)\n"
    "  --set p=v       override a setting, e.g. --set sectors.kursk.engagement_rate=50\n"
    "  -j THREADS      threads (default: all cores); results do not depend on it\n"
    "  --target-ci METRIC=HALFWIDTH\n"
    "                  add replications until the 95% CI of METRIC is +-HALFWIDTH\n"
    "                  (at most --max-replications, default 1000000)\n"
    "  --quiet         no progress on stderr\n";

int cli_run(int argc, char **argv) {
  const char *path = NULL, *outdir = NULL;
  long long threads = 0, num;
  int quiet = 0, rc = 0;
  char target_metric[256] = "";
  double target_half = 0;
  long long max_reps = 1000000;
  char assignment[128];
  fsim_overrides *ov = fsim_overrides_new();
  fsim_error err;
  fsim_error_clear(&err);
  for (int i = 1; i < argc && rc == 0; i++) {
    const char *v = NULL;
    int r = 0;
    if (cli_opt_flag(argv[i], "help", 'h')) {
      fputs(run_help, stdout);
      fsim_overrides_free(ov);
      return 0;
    } else if (cli_opt_flag(argv[i], "quiet", 'q')) {
      quiet = 1;
    } else if ((r = cli_opt_value(argc, argv, &i, "set", 0, &v)) != 0) {
      if (r < 0 || fsim_overrides_add(ov, v, &err) != FSIM_OK) rc = r < 0 ? 2 : cli_report(&err);
    } else if ((r = cli_opt_value(argc, argv, &i, "output", 'o', &v)) != 0) {
      if (r < 0) rc = 2;
      outdir = v;
    } else if ((r = cli_opt_value(argc, argv, &i, "replications", 'n', &v)) != 0) {
      if (r < 0 || !cli_parse_long("-n", v, 1, 10000000, &num)) rc = 2;
      snprintf(assignment, sizeof assignment, "run.replications=%lld", num);
      if (rc == 0) fsim_overrides_add(ov, assignment, &err);
    } else if ((r = cli_opt_value(argc, argv, &i, "seed", 0, &v)) != 0) {
      if (r < 0 || !cli_parse_long("--seed", v, 0, 9000000000000000000LL, &num)) rc = 2;
      snprintf(assignment, sizeof assignment, "run.seed=%lldL", num);
      if (rc == 0) fsim_overrides_add(ov, assignment, &err);
    } else if ((r = cli_opt_value(argc, argv, &i, "threads", 'j', &v)) != 0) {
      if (r < 0 || !cli_parse_long("-j", v, 1, 4096, &threads)) rc = 2;
    } else if ((r = cli_opt_value(argc, argv, &i, "max-replications", 0, &v)) != 0) {
      if (r < 0 || !cli_parse_long("--max-replications", v, 10, 100000000, &max_reps)) rc = 2;
    } else if ((r = cli_opt_value(argc, argv, &i, "target-ci", 0, &v)) != 0) {
      const char *eq = r > 0 ? strchr(v, '=') : NULL;
      char *end = NULL;
      if (eq) target_half = strtod(eq + 1, &end);
      if (!eq || eq == v || !end || *end || !(target_half > 0) || (size_t)(eq - v) >= sizeof target_metric)
        rc = cli_usage_error("run", "--target-ci takes METRIC=HALFWIDTH with HALFWIDTH > 0");
      else
        snprintf(target_metric, sizeof target_metric, "%.*s", (int)(eq - v), v);
    } else {
      rc = cli_positional("run", argv[i], &path, "scenario");
    }
  }
  if (rc == 0 && !path) rc = cli_usage_error("run", "which scenario?");

  fsim_scenario *sc = NULL;
  if (rc == 0 && fsim_scenario_load(path, ov, &sc, &err) != FSIM_OK) rc = cli_report(&err);
  char outbuf[1024], cmdline[4096];
  if (rc == 0 && !outdir) {
    cli_default_output(path, outbuf, sizeof outbuf);
    outdir = outbuf;
  }
  fsim_results *res = NULL;
  if (rc == 0) {
    cli_command_line(argc - 1, argv + 1, "frontsim run", cmdline, sizeof cmdline);
    cli_install_stop_handler();
    cli_progress progress;
    cli_progress_init(&progress, "replications", quiet);
    fsim_run_options opt;
    fsim_run_options_init(&opt);
    opt.threads = (int)threads;
    opt.progress = cli_progress_report;
    opt.progress_ctx = &progress;
    opt.stop = cli_stop_flag();
    double t0 = cli_now();
    int reached = 1;
    fsim_status st = target_metric[0]
                         ? fsim_run_target(sc, &opt, target_metric, target_half, (long)max_reps,
                                           &res, &reached, &err)
                         : fsim_run(sc, &opt, &res, &err);
    if (st == FSIM_OK && !reached)
      fprintf(stderr, "frontsim: warning: %s did not reach +-%g within %lld replications\n",
              target_metric, target_half, max_reps);
    cli_progress_done(&progress);
    if (st == FSIM_OK) st = fsim_results_write_dir(res, sc, outdir, cmdline, &err);
    if (st != FSIM_OK) {
      rc = cli_report(&err);
    } else if (!quiet) {
      fprintf(stderr, "frontsim: wrote %s (%ld replications in %.2f s)\n", outdir,
              fsim_results_replications(res), cli_now() - t0);
    }
  }
  if (rc == 0 && !quiet) {
    char summary[1100];
    snprintf(summary, sizeof summary, "%s/summary.txt", outdir);
    FILE *fp = fopen(summary, "r");
    char line[512];
    while (fp && fgets(line, sizeof line, fp)) fputs(line, stdout);
    if (fp) fclose(fp);
  }
  fsim_results_free(res);
  fsim_scenario_free(sc);
  fsim_overrides_free(ov);
  return rc;
}
