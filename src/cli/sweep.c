/* frontsim sweep SCENARIO and frontsim merge OUT SHARD... */
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "cli_common.h"
#include "cli_sweep.h"
#include "frontsim/output.h"
#include "frontsim/sweep.h"

static const char sweep_help[] =
    "usage: frontsim sweep SCENARIO [-o DIR] [-n REPS] [--param path=spec]... [--set p=v]...\n"
    "                      [--label TEXT] (the sweep's name in its outputs: run.label)\n"
    "                      [--method grid|lhs|sobol|morris] [--points N] [-j THREADS]\n"
    "                      [--resume] [--shard K/N] [--format wide|long] [--force]\n"
    "                      [--quiet]\n"
    "\n"
    "Runs the design of the scenario's sweep section (or of --param) and writes DIR\n"
    "(default out/<label's name>-sweep, with a hash of the --param given): sweep.csv (one row per point: parameter\n"
    "values, then per metric mean, sd, 95% CI, p5, p50, p95), design.csv, scenario.cfg,\n"
    "columns.csv (the unit and meaning of every column), sensitivity.csv for\n"
    "--method sobol, morris.csv for --method morris, replications.csv and series.csv when sweep.per_replication\n"
    "and sweep.series ask. Replication r uses the same random\n"
    "numbers at every point (common random numbers).\n"
    "\n"
    "  --param path=a,b,c          grid values of a setting\n"
    "  --param path=from:to:steps  evenly spaced grid values\n"
    "  --param path=from:to        range, for lhs, sobol and morris\n"
    "  --param path=a|name:b|...   levels: alternatives of any type, as --set takes them\n"
    "                              (grid and lhs); any form may end in ;label=T;unit=U,\n"
    "                              the parameter's name and unit on the charts\n"
    "  --method, --points          set sweep.method and sweep.points (morris: the\n"
    "                              trajectories; sweep.morris_levels their grid)\n"
    "  -n REPS                     replications per point (sweep.replications)\n"
    "  --resume                    continue an interrupted sweep in DIR\n"
    "  --shard K/N                 run only points p with p mod N = K-1 (join with merge)\n"
    "  --format long               also write sweep_long.csv (a row per point, metric\n"
    "                              and statistic)\n"
    "  --force                     replace DIR even when it holds another label's or kind's\n"
    "                              output or files frontsim did not write; without\n"
    "                              --resume, discard an interrupted sweep's points\n";

static const char merge_help[] =
    "usage: frontsim merge [--force] OUT SHARD_DIR...\n"
    "\n"
    "Joins the outputs of `frontsim sweep --shard K/N` into OUT, the same result as\n"
    "one unsharded sweep. OUT is replaced only when it holds the same sweep (its\n"
    "label) and no file of yours, or with --force.\n";

static fsim_status run_here(fsim_sweep *sw, fsim_sweep_options *opt, const char *dir,
                            fsim_error *err) {
  return fsim_sweep_run(sw, opt, dir, err);
}

int cli_sweep(int argc, char **argv) { return cli_sweep_with(argc, argv, run_here); }

static int add_param(void *ov, const char *spec) {
  fsim_error err;
  fsim_error_clear(&err);
  if (!spec) return 2;
  return fsim_overrides_add_param(ov, spec, &err) == FSIM_OK ? 0 : cli_report(&err);
}

/* --shard K/N */
typedef struct shard {
  int k, n;
} shard;

static int parse_shard(void *ctx, const char *v) {
  shard *s = ctx;
  int used = 0;
  if (!v || sscanf(v, "%d/%d%n", &s->k, &s->n, &used) != 2 || v[used] != '\0' || s->n < 1 ||
      s->k < 1 || s->k > s->n)
    return cli_usage_error("sweep", "--shard takes K/N with 1 <= K <= N, got \"%s\"",
                           v ? v : "");
  return 0;
}

int cli_sweep_with(int argc, char **argv, cli_sweep_runner runner) {
  const char *path = NULL, *outdir = NULL;
  long long threads = 0, reps = 0;
  int quiet = 0, resume = 0, force = 0, charts = 0;
  shard sh = {0, 0};
  cli_format format = {"sweep", 0};
  fsim_overrides *ov = fsim_overrides_new();
  fsim_error err;
  fsim_error_clear(&err);
  const cli_option options[] = {
      CLI_QUIET(.flag = &quiet),
      {.name = "resume", .kind = CLI_FLAG, .flag = &resume},
      CLI_SET_OPTION(.overrides = {ov}),
      {.name = "param", .kind = CLI_CALL, .call = add_param, .ctx = ov},
      {.name = "method", .kind = CLI_TEXT, .set = "sweep.method=%s", .overrides = {ov}},
      {.name = "points", .kind = CLI_LONG, .min = 2, .max = 1000000, .set = "sweep.points=%lld",
       .overrides = {ov}},
      CLI_OUTPUT(.text = &outdir),
      CLI_LABEL(.overrides = {ov}),
      CLI_FORCE(.flag = &force),
      CLI_REPLICATIONS(.number = &reps),
      CLI_THREADS(.number = &threads),
      {.name = "shard", .kind = CLI_CALL, .call = parse_shard, .ctx = &sh},
      {.name = "format", .kind = CLI_CALL, .call = cli_parse_format, .ctx = &format},
  };
  const cli_command cmd = {.name = "sweep", .help = sweep_help, .options = options,
                           .noptions = CLI_COUNT(options), CLI_SCENARIO_ARG(&path)};
  int rc = cli_parse_owning(&cmd, argc, argv, ov);
  if (rc != CLI_PROCEED) return rc;
  rc = 0;
  fsim_sweep *sw = NULL;
  if (rc == 0 && fsim_sweep_prepare(path, ov, &sw, &err) != FSIM_OK) rc = cli_report(&err);
  /* The sweep's label (run.label, else the file's name and its --set): its output
   * directory's default name, and what it may replace. */
  fsim_scenario *base = NULL;
  if (rc == 0 && fsim_scenario_load(path, ov, &base, &err) != FSIM_OK) rc = cli_report(&err);
  char outbuf[1024], cmdline[4096];
  if (rc == 0 && !outdir) {
    /* Sweeps of other --param get directories of their own: their hash is added. */
    char ident[4096];
    size_t used = (size_t)snprintf(ident, sizeof ident, "%s", fsim_scenario_label(base));
    for (size_t i = 0; i < fsim_overrides_param_count(ov) && used < sizeof ident; i++) {
      int k = snprintf(ident + used, sizeof ident - used, ", %s", fsim_overrides_param_get(ov, i));
      if (k > 0) used += (size_t)k;
    }
    cli_default_output(ident, outbuf, sizeof outbuf - 8);
    strcat(outbuf, "-sweep");
    outdir = outbuf;
  }
  /* Before any work, and held until the end: DIR is claimed (its lock), and replaced
     only when it holds a sweep of the same label and nothing else (or --force). MPI
     ranks only check: the rank that writes takes the lock in the library. */
  fsim_output_claim *claim = NULL;
  if (rc == 0 && (runner == run_here
                      ? fsim_output_claim_dir(outdir, "sweep", fsim_scenario_label(base), force,
                                              &charts, &claim, &err)
                      : fsim_output_may_replace(outdir, "sweep", fsim_scenario_label(base),
                                                force, &charts, &err)) != FSIM_OK)
    rc = cli_report(&err);
  fsim_scenario_free(base);
  if (rc == 0) {
    cli_command_line(argc - 1, argv + 1, "frontsim sweep", cmdline, sizeof cmdline);
    cli_install_stop_handler();
    cli_progress progress;
    cli_progress_init(&progress, "points", quiet);
    fsim_sweep_options *opt = fsim_sweep_options_new();
    char nreps[32], nthreads[32], kn[64] = "";
    if (sh.n > 0) snprintf(kn, sizeof kn, "%d/%d", sh.k, sh.n);
    const char *const set[][2] = {{"replications", cli_number(nreps, reps)},
                                  {"threads", cli_number(nthreads, threads)},
                                  {"resume", resume ? "1" : "0"},
                                  {"force", force ? "1" : "0"},
                                  {"shard", kn},
                                  {"long_format", format.format ? "1" : "0"},
                                  {"command_line", cmdline}};
    fsim_status st = opt ? FSIM_OK : fsim_error_set(&err, FSIM_E_NOMEM, "", 0, "", "out of memory");
    for (size_t i = 0; st == FSIM_OK && i < sizeof set / sizeof *set; i++)
      st = fsim_sweep_options_set(opt, set[i][0], set[i][1], &err);
    fsim_sweep_options_set_progress(opt, cli_progress_report, &progress);
    double t0 = cli_now();
    if (st == FSIM_OK) st = runner(sw, opt, outdir, &err);
    fsim_sweep_options_free(opt);
    cli_progress_done(&progress);
    if (st != FSIM_OK)
      rc = cli_report(&err);
    else if (!quiet)
      fprintf(stderr, "frontsim: wrote %s (%ld points in %.2f s)\n", outdir,
              fsim_sweep_points(sw), cli_now() - t0);
    /* Said even with --quiet (they are gone), but once: the MPI driver's workers run
       this too, quietly. */
    if (st == FSIM_OK && charts && !sh.n && (!quiet || runner == run_here))
      fprintf(stderr, "frontsim: the charts of the earlier output in %s were removed; "
              "draw the new ones with: frontsim plot %s\n", outdir, outdir);
    /* Said even with --quiet: indices too imprecise to read (a shard has none yet). */
    if (rc == 0 && sh.n == 0 &&
        fsim_sweep_sobol_warning(outdir, fsim_sweep_points(sw), stderr, &err) != FSIM_OK)
      rc = cli_report(&err);
    /* The answer in one screen, as a run prints its summary.txt (a shard has no
     * sweep.csv until merged). */
    if (rc == 0 && !quiet && sh.n == 0 && fsim_sweep_summarize(outdir, stdout, &err) != FSIM_OK)
      rc = cli_report(&err);
  }
  fsim_output_claim_release(claim);
  fsim_sweep_free(sw);
  fsim_overrides_free(ov);
  return rc;
}

int cli_merge(int argc, char **argv) {
  if (argc > 1 && cli_opt_flag(argv[1], "help", 'h')) {
    fputs(merge_help, stdout);
    return 0;
  }
  int force = 0;
  if (argc > 1 && strcmp(argv[1], "--force") == 0) force = 1, argv++, argc--;
  if (argc < 3) return cli_usage_error("merge", "give the output and at least one shard");
  for (int i = 1; i < argc; i++)
    if (argv[i][0] == '-') return cli_usage_error("merge", "unknown option %s", argv[i]);
  char cmdline[4096];
  cli_command_line(argc - 1, argv + 1, "frontsim merge", cmdline, sizeof cmdline);
  fsim_error err;
  fsim_error_clear(&err);
  /* The merged sweep is the shards' sweep, of their label: OUT is claimed for it as
     any command claims its directory (README.md, one rule for every command). */
  char label[1024];
  fsim_output_claim *claim = NULL;
  int charts = 0;
  if (fsim_output_label(argv[2], label, sizeof label, &err) != FSIM_OK ||
      fsim_output_claim_dir(argv[1], "sweep", label, force, &charts, &claim, &err) != FSIM_OK)
    return cli_report(&err);
  const fsim_status st =
      fsim_sweep_merge(argv[1], (const char *const *)(argv + 2), argc - 2, cmdline, &err);
  fsim_output_claim_release(claim);
  if (st != FSIM_OK) return cli_report(&err);
  fprintf(stderr, "frontsim: wrote %s from %d shards\n", argv[1], argc - 2);
  if (charts)
    fprintf(stderr, "frontsim: the charts of the earlier output in %s were removed; draw the "
                    "new ones with: frontsim plot %s\n", argv[1], argv[1]);
  return 0;
}
