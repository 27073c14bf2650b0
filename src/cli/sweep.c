/* frontsim sweep SCENARIO and frontsim merge OUT SHARD... */
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "cli_common.h"
#include "cli_sweep.h"
#include "frontsim/sweep.h"

static const char sweep_help[] =
    "usage: frontsim sweep SCENARIO [-o DIR] [-n REPS] [--param path=spec]... [--set p=v]...\n"
    "                      [--method grid|lhs|sobol] [--points N] [-j THREADS]\n"
    "                      [--resume] [--shard K/N] [--quiet]\n"
    "\n"
    "Runs the design of the scenario's sweep section (or of --param) and writes DIR\n"
    "(default out/<scenario name>-sweep): sweep.csv (one row per point: parameter\n"
    "values, then per metric mean, sd, 95% CI, p5, p50, p95), design.csv, scenario.cfg,\n"
    "and sensitivity.csv for --method sobol. Replication r uses the same random\n"
    "numbers at every point (common random numbers).\n"
    "\n"
    "  --param path=a,b,c          grid values of a setting\n"
    "  --param path=from:to:steps  evenly spaced grid values\n"
    "  --param path=from:to        range, for lhs and sobol\n"
    "  --method, --points          set sweep.method and sweep.points\n"
    "  -n REPS                     replications per point (sweep.replications)\n"
    "  --resume                    continue an interrupted sweep in DIR\n"
    "  --shard K/N                 run only points p with p mod N = K-1 (join with merge)\n";

static const char merge_help[] =
    "usage: frontsim merge OUT SHARD_DIR...\n"
    "\n"
    "Joins the outputs of `frontsim sweep --shard K/N` into OUT, the same result as\n"
    "one unsharded sweep.\n";

static fsim_status run_here(fsim_sweep *sw, const fsim_sweep_options *opt, const char *dir,
                            fsim_error *err) {
  return fsim_sweep_run(sw, opt, dir, err);
}

int cli_sweep(int argc, char **argv) { return cli_sweep_with(argc, argv, run_here); }

int cli_sweep_with(int argc, char **argv, cli_sweep_runner runner) {
  const char *path = NULL, *outdir = NULL;
  long long threads = 0, num = 0, reps = 0;
  int quiet = 0, resume = 0, rc = 0, shard_k = 0, shard_n = 0;
  char assignment[128];
  fsim_overrides *ov = fsim_overrides_new();
  fsim_error err;
  fsim_error_clear(&err);
  for (int i = 1; i < argc && rc == 0; i++) {
    const char *v = NULL;
    int r = 0;
    if (cli_opt_flag(argv[i], "help", 'h')) {
      fputs(sweep_help, stdout);
      fsim_overrides_free(ov);
      return 0;
    } else if (cli_opt_flag(argv[i], "quiet", 'q')) {
      quiet = 1;
    } else if (cli_opt_flag(argv[i], "resume", 0)) {
      resume = 1;
    } else if ((r = cli_opt_value(argc, argv, &i, "set", 0, &v)) != 0) {
      if (r < 0 || fsim_overrides_add(ov, v, &err) != FSIM_OK) rc = r < 0 ? 2 : cli_report(&err);
    } else if ((r = cli_opt_value(argc, argv, &i, "param", 0, &v)) != 0) {
      if (r < 0 || fsim_overrides_add_param(ov, v, &err) != FSIM_OK) rc = r < 0 ? 2 : cli_report(&err);
    } else if ((r = cli_opt_value(argc, argv, &i, "method", 0, &v)) != 0) {
      snprintf(assignment, sizeof assignment, "sweep.method=%s", r > 0 ? v : "");
      if (r < 0 || fsim_overrides_add(ov, assignment, &err) != FSIM_OK) rc = 2;
    } else if ((r = cli_opt_value(argc, argv, &i, "points", 0, &v)) != 0) {
      if (r < 0 || !cli_parse_long("--points", v, 2, 1000000, &num)) rc = 2;
      snprintf(assignment, sizeof assignment, "sweep.points=%lld", num);
      if (rc == 0) fsim_overrides_add(ov, assignment, &err);
    } else if ((r = cli_opt_value(argc, argv, &i, "output", 'o', &v)) != 0) {
      if (r < 0) rc = 2;
      outdir = v;
    } else if ((r = cli_opt_value(argc, argv, &i, "replications", 'n', &v)) != 0) {
      if (r < 0 || !cli_parse_long("-n", v, 1, 10000000, &reps)) rc = 2;
    } else if ((r = cli_opt_value(argc, argv, &i, "threads", 'j', &v)) != 0) {
      if (r < 0 || !cli_parse_long("-j", v, 1, 4096, &threads)) rc = 2;
    } else if ((r = cli_opt_value(argc, argv, &i, "shard", 0, &v)) != 0) {
      int used = 0;
      if (r < 0 || sscanf(v, "%d/%d%n", &shard_k, &shard_n, &used) != 2 || v[used] != '\0' ||
          shard_n < 1 || shard_k < 1 || shard_k > shard_n)
        rc = cli_usage_error("sweep", "--shard takes K/N with 1 <= K <= N, got \"%s\"",
                             r > 0 ? v : "");
    } else {
      rc = cli_positional("sweep", argv[i], &path, "scenario");
    }
  }
  if (rc == 0 && !path) rc = cli_usage_error("sweep", "which scenario?");
  fsim_sweep *sw = NULL;
  if (rc == 0 && fsim_sweep_prepare(path, ov, &sw, &err) != FSIM_OK) rc = cli_report(&err);
  char outbuf[1024], cmdline[4096];
  if (rc == 0 && !outdir) {
    cli_default_output(path, outbuf, sizeof outbuf - 8);
    strcat(outbuf, "-sweep");
    outdir = outbuf;
  }
  if (rc == 0) {
    cli_command_line(argc - 1, argv + 1, "frontsim sweep", cmdline, sizeof cmdline);
    cli_install_stop_handler();
    cli_progress progress;
    cli_progress_init(&progress, "points", quiet);
    fsim_sweep_options opt;
    fsim_sweep_options_init(&opt);
    opt.replications = (long)reps;
    opt.threads = (int)threads;
    opt.resume = resume;
    opt.shard_k = shard_k;
    opt.shard_n = shard_n;
    opt.progress = cli_progress_report;
    opt.progress_ctx = &progress;
    opt.stop = cli_stop_flag();
    opt.command_line = cmdline;
    double t0 = cli_now();
    fsim_status st = runner(sw, &opt, outdir, &err);
    cli_progress_done(&progress);
    if (st != FSIM_OK)
      rc = cli_report(&err);
    else if (!quiet)
      fprintf(stderr, "frontsim: wrote %s (%ld points in %.2f s)\n", outdir,
              fsim_sweep_points(sw), cli_now() - t0);
  }
  fsim_sweep_free(sw);
  fsim_overrides_free(ov);
  return rc;
}

int cli_merge(int argc, char **argv) {
  if (argc > 1 && cli_opt_flag(argv[1], "help", 'h')) {
    fputs(merge_help, stdout);
    return 0;
  }
  if (argc < 3) return cli_usage_error("merge", "give the output and at least one shard");
  for (int i = 1; i < argc; i++)
    if (argv[i][0] == '-') return cli_usage_error("merge", "unknown option %s", argv[i]);
  char cmdline[4096];
  cli_command_line(argc - 1, argv + 1, "frontsim merge", cmdline, sizeof cmdline);
  fsim_error err;
  fsim_error_clear(&err);
  if (fsim_sweep_merge(argv[1], (const char *const *)(argv + 2), argc - 2, cmdline, &err) !=
      FSIM_OK)
    return cli_report(&err);
  fprintf(stderr, "frontsim: wrote %s from %d shards\n", argv[1], argc - 2);
  return 0;
}
