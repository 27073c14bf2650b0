/* frontsim optimize SCENARIO --decision PATH=lo:hi --objective 'min METRIC': the
 * directed search for the best allocation (docs/OPTIMIZE.md). */
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "cli_common.h"
#include "frontsim/optimize.h"

static const char optimize_help[] =
    "usage: frontsim optimize SCENARIO --decision PATH=RANGE... --objective 'min|max EXPR'\n"
    "                         [--constraint 'METRIC OP VALUE']... [-n REPS] [--seed N]\n"
    "                         [--budget EVALS] [--tolerance T] [--step S]\n"
    "                         [--fresh-replications N] [--fresh-seed N] [-j THREADS]\n"
    "                         [--discrete enumerate|kn] [--delta D] [--confidence C]\n"
    "                         [--first-stage N0]\n"
    "                         [--set path=value]... [--resume] [-o DIR] [--force] [--quiet]\n"
    "\n"
    "Searches the decisions for the best mean objective under common random numbers\n"
    "(every decision is run with the same seed), then re-estimates the best decision on\n"
    "fresh seeds, paired with the scenario as given.\n"
    "  --decision PATH=lo:hi      a continuous setting (Nelder-Mead simplex)\n"
    "  --decision PATH=lo:hi:int  whole numbers (rounded)\n"
    "  --decision PATH=a,b,c      a discrete choice (every level enumerated, or --discrete\n"
    "                             kn); PATH=a|b|c when a level holds commas (a donor order)\n"
    "  --objective 'min pokrovsk.route_cut'   or 'max 1*m1 + -0.001*m2' (weighted sum)\n"
    "  --constraint 'negotiations.kursk.held_area_km2 >= 400'   on the metric's mean\n"
    "  -n REPS        replications per evaluation (default run.replications)\n"
    "  --budget N     most evaluations simulated (default 60)\n"
    "  --tolerance T  stop when the simplex is smaller (transformed coordinates; 1e-3)\n"
    "  --step S       the simplex's first step (transformed coordinates; 0.5)\n"
    "  --discrete kn  Kim-Nelson ranking and selection among the discrete decisions'\n"
    "                 combinations (no constraints, no continuous decisions): eliminates\n"
    "                 alternatives early; --delta D its indifference zone (required),\n"
    "                 --confidence C (0.95), --first-stage N0 replications (20)\n"
    "  --resume       continue a search that was killed, from DIR.optimize-journal\n"
    "SCENARIO may hold the problem in an optimize section; options override it.\n"
    "Writes DIR (default out/<label>-optimize): optimize.txt, decision.csv,\n"
    "estimate.csv, evaluations.csv, frontsim.meta. DIR is replaced only when it holds a\n"
    "search of the same label and no file frontsim did not write; --force replaces it.\n";

static int add_opt(fsim_optimize_options *opt, const char *name, const char *value) {
  fsim_error err;
  fsim_error_clear(&err);
  if (!value) return 2; /* cli_parse said what is missing */
  if (fsim_optimize_options_set(opt, name, value, &err) != FSIM_OK) {
    if (!err.file[0]) snprintf(err.file, sizeof err.file, "--%s", name);
    return cli_report(&err);
  }
  return 0;
}
static int add_decision(void *ctx, const char *v) { return add_opt(ctx, "decision", v); }
static int add_constraint(void *ctx, const char *v) { return add_opt(ctx, "constraint", v); }

int cli_optimize_with(int argc, char **argv, int (*configure)(fsim_optimize_options *opt),
                      int (*agree)(int ok)) {
  const char *path = NULL, *outdir = NULL, *objective = NULL, *reps = NULL, *seed = NULL,
             *budget = NULL, *tolerance = NULL, *step = NULL, *fresh_reps = NULL,
             *fresh_seed = NULL, *threads = NULL, *discrete = NULL, *delta = NULL,
             *confidence = NULL, *first_stage = NULL;
  int quiet = 0, resume = 0, force = 0, charts = 0;
  fsim_overrides *ov = fsim_overrides_new();
  fsim_optimize_options *opt = fsim_optimize_options_new();
  if (!ov || !opt) {
    fsim_overrides_free(ov);
    fsim_optimize_options_free(opt);
    fputs("frontsim: out of memory\n", stderr);
    return 1;
  }
  const cli_option options[] = {
      CLI_QUIET(.flag = &quiet),
      CLI_SET_OPTION(.overrides = {ov}),
      CLI_OUTPUT(.text = &outdir),
      {.name = "decision", .kind = CLI_CALL, .call = add_decision, .ctx = opt},
      {.name = "constraint", .kind = CLI_CALL, .call = add_constraint, .ctx = opt},
      {.name = "objective", .kind = CLI_TEXT, .text = &objective},
      {.name = "replications", .letter = 'n', .kind = CLI_TEXT, .text = &reps},
      {.name = "seed", .kind = CLI_TEXT, .text = &seed},
      {.name = "budget", .kind = CLI_TEXT, .text = &budget},
      {.name = "tolerance", .kind = CLI_TEXT, .text = &tolerance},
      {.name = "step", .kind = CLI_TEXT, .text = &step},
      {.name = "fresh-replications", .kind = CLI_TEXT, .text = &fresh_reps},
      {.name = "fresh-seed", .kind = CLI_TEXT, .text = &fresh_seed},
      {.name = "threads", .letter = 'j', .kind = CLI_TEXT, .text = &threads},
      {.name = "resume", .kind = CLI_FLAG, .flag = &resume},
      CLI_FORCE(.flag = &force),
      {.name = "discrete", .kind = CLI_TEXT, .text = &discrete},
      {.name = "delta", .kind = CLI_TEXT, .text = &delta},
      {.name = "confidence", .kind = CLI_TEXT, .text = &confidence},
      {.name = "first-stage", .kind = CLI_TEXT, .text = &first_stage},
  };
  const cli_command cmd = {.name = "optimize", .help = optimize_help, .options = options,
                           .noptions = CLI_COUNT(options), CLI_SCENARIO_ARG(&path)};
  int rc = cli_parse_owning(&cmd, argc, argv, ov);
  if (rc != CLI_PROCEED) {
    fsim_optimize_options_free(opt);
    return rc;
  }
  const char *const set[][2] = {
      {"objective", objective}, {"replications", reps}, {"seed", seed},
      {"budget", budget},       {"tolerance", tolerance}, {"step", step},
      {"fresh_replications", fresh_reps}, {"fresh_seed", fresh_seed},
      {"threads", threads},     {"resume", resume ? "1" : NULL},
      {"discrete", discrete},   {"delta", delta}, {"confidence", confidence},
      {"first_stage", first_stage}};
  for (size_t i = 0; rc == CLI_PROCEED && i < CLI_COUNT(set); i++)
    if (set[i][1] && (rc = add_opt(opt, set[i][0], set[i][1])) == 0) rc = CLI_PROCEED;
  fsim_error err;
  fsim_error_clear(&err);
  char outbuf[1100], cmdline[4096], label[256] = "";
  if (rc == CLI_PROCEED) { /* the label: DIR's default name, and what DIR may hold */
    fsim_scenario *sc = NULL;
    if (fsim_scenario_load(path, ov, &sc, &err) != FSIM_OK) {
      rc = cli_report(&err);
    } else {
      snprintf(label, sizeof label, "%s", fsim_scenario_label(sc));
      char base[1024];
      cli_default_output(label, base, sizeof base);
      snprintf(outbuf, sizeof outbuf, "%s-optimize", base);
      if (!outdir) outdir = outbuf;
    }
    fsim_scenario_free(sc);
  }
  /* A process that does not report (an MPI rank other than 0) is quiet. */
  const int reports = configure ? configure(opt) : 1;
  /* Before any work, and held until the end: DIR is claimed (its lock), and replaced
     only when it holds a search of the same label and nothing else (or --force). MPI
     ranks other than 0 write nothing, and only check. */
  fsim_output_claim *claim = NULL;
  if (rc == CLI_PROCEED &&
      (reports ? fsim_output_claim_dir(outdir, "optimize", label, force, &charts, &claim, &err)
               : fsim_output_may_replace(outdir, "optimize", label, force, &charts, &err)) !=
          FSIM_OK)
    rc = reports ? cli_report(&err) : 2;
  /* Every rank goes on only when all may (rank 0 alone takes the lock): a rank that
     went on alone would wait in the search's collective calls for ranks that left. */
  if (agree && !agree(rc == CLI_PROCEED) && rc == CLI_PROCEED) rc = 1;
  if (rc == CLI_PROCEED) {
    rc = 0;
    cli_command_line(argc - 1, argv + 1, "frontsim optimize", cmdline, sizeof cmdline);
    cli_install_stop_handler();
    cli_progress progress;
    cli_progress_init(&progress, "evaluations", quiet);
    fsim_optimize_options_set_progress(opt, cli_progress_report, &progress);
    fsim_status st = fsim_optimize(path, ov, opt, outdir, cmdline, &err);
    cli_progress_done(&progress);
    if (st != FSIM_OK) {
      rc = reports ? cli_report(&err) : (st == FSIM_E_INPUT ? 2 : 1);
    }
  }
  if (rc == 0 && !quiet && reports) {
    char txt[1200];
    snprintf(txt, sizeof txt, "%s/optimize.txt", outdir);
    cli_print_file(txt);
    fprintf(stderr, "frontsim: wrote %s\n", outdir);
  }
  if (rc == 0 && charts && reports) /* said even with --quiet: they are gone */
    fprintf(stderr, "frontsim: the charts of the earlier output in %s were removed\n", outdir);
  fsim_output_claim_release(claim);
  fsim_optimize_options_free(opt);
  fsim_overrides_free(ov);
  return rc;
}

int cli_optimize(int argc, char **argv) { return cli_optimize_with(argc, argv, NULL, NULL); }
