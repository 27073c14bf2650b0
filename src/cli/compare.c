/* frontsim compare BASE WHATIF...: paired runs under common random numbers. */
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "cli_common.h"
#include "frontsim/compare.h"
#include "frontsim/output.h"

static const char compare_help[] =
    "usage: frontsim compare BASE WHATIF... [-o DIR] [-n REPS] [--seed N] [--set p=v]...\n"
    "                        [--set-a p=v]... [--set-b p=v]... [--label-a T] [--label-b T]\n"
    "                        [--target-ci METRIC=HALFWIDTH] [--force] [-j THREADS] [--quiet]\n"
    "\n"
    "Runs the base scenario and up to seven what-ifs with the same seed and\n"
    "replications (common random numbers) and writes DIR (default out/compare- and\n"
    "the labels' names): a/ (the base), b/, c/, ... (each a full run output, series\n"
    "included), compare.csv and compare.txt: per what-if and metric each scenario's\n"
    "own mean, the mean difference what-if - base with its paired 95% CI, and the\n"
    "variance reduction against independent runs. `frontsim plot DIR` draws them.\n"
    "The scenarios may be one file with different overrides.\n"
    "\n"
    "  --set p=v              override a setting in every scenario\n"
    "  --set-a p=v, --set-b p=v, ... --set-h p=v\n"
    "                         override it in scenario a (the base), b, ... only\n"
    "  --label-a TEXT, ...    name scenario a, b, ... (its run.label) in every output\n"
    "  -o DIR                 output directory; replaced only when it holds the same\n"
    "                         comparison (the same labels) and no file frontsim did\n"
    "                         not write, or with --force\n"
    "  -n REPS, --seed N      replications and master seed (default: the base's)\n"
    "  --target-ci METRIC=HALFWIDTH\n"
    "                         add replications until the 95% CI of every paired\n"
    "                         difference of METRIC is +-HALFWIDTH (at most\n"
    "                         --max-replications, default 1000000)\n"
    "  -j THREADS             threads; results do not depend on it\n";

static const char *const set_names[FSIM_COMPARE_MAX] = {"set-a", "set-b", "set-c", "set-d",
                                                         "set-e", "set-f", "set-g", "set-h"};
static const char *const label_names[FSIM_COMPARE_MAX] = {
    "label-a", "label-b", "label-c", "label-d", "label-e", "label-f", "label-g", "label-h"};

enum { NFIXED = 9, NOPTIONS = NFIXED + 2 * FSIM_COMPARE_MAX };

int cli_compare(int argc, char **argv) {
  const char *paths[FSIM_COMPARE_MAX] = {NULL}, *outdir = NULL;
  long long threads = 0, seed = -1, max_reps = 1000000;
  int quiet = 0, force = 0, charts = 0;
  cli_target target = {"compare", "", 0};
  /* ov[s]: scenario s's; ov[FSIM_COMPARE_MAX]: what --set gave all of them. */
  fsim_overrides *ov[FSIM_COMPARE_MAX + 1];
  for (int s = 0; s <= FSIM_COMPARE_MAX; s++) ov[s] = fsim_overrides_new();
  fsim_error err;
  fsim_error_clear(&err);
  long long reps = 0;
  cli_option options[NOPTIONS] = {
      CLI_QUIET(.flag = &quiet),
      CLI_SET_OPTION(.overrides = {ov[0], ov[1], ov[2], ov[3], ov[4], ov[5], ov[6], ov[7], ov[8]}),
      CLI_OUTPUT(.text = &outdir),
      CLI_FORCE(.flag = &force),
      CLI_REPLICATIONS(.number = &reps),
      CLI_SEED(.number = &seed),
      CLI_THREADS(.number = &threads),
      {.name = "max-replications", .kind = CLI_LONG, .min = 10, .max = 10000000,
       .number = &max_reps},
      {.name = "target-ci", .kind = CLI_CALL, .call = cli_parse_target, .ctx = &target},
  };
  for (int s = 0; s < FSIM_COMPARE_MAX; s++) {
    options[NFIXED + 2 * s] =
        (cli_option){.name = set_names[s], .kind = CLI_SET, .overrides = {ov[s]}};
    options[NFIXED + 2 * s + 1] = (cli_option){
        .name = label_names[s], .kind = CLI_TEXT, .set = "run.label=%s", .overrides = {ov[s]}};
  }
  const cli_command cmd = {.name = "compare", .help = compare_help, .options = options,
                           .noptions = NOPTIONS, .args = paths, .nargs = FSIM_COMPARE_MAX,
                           .nargs_min = 2, .what = "scenarios: a base and its what-ifs",
                           .missing = "give two or more scenarios: a base and its what-ifs"};
  int rc = cli_parse(&cmd, argc, argv);
  if (rc != CLI_PROCEED) { /* the help, or bad usage */
    for (int s = 0; s <= FSIM_COMPARE_MAX; s++) fsim_overrides_free(ov[s]);
    return rc;
  }
  int n = 0;
  while (n < FSIM_COMPARE_MAX && paths[n]) n++;
  /* --set-c and beyond need that many scenarios. */
  for (int s = n; rc == CLI_PROCEED && s < FSIM_COMPARE_MAX; s++)
    if (fsim_overrides_count(ov[s]) > fsim_overrides_count(ov[FSIM_COMPARE_MAX]))
      rc = cli_usage_error("compare", "--set-%c or --label-%c given, but only %d scenarios",
                           'a' + s, 'a' + s, n);
  fsim_scenario *sc[FSIM_COMPARE_MAX] = {NULL};
  if (rc == CLI_PROCEED) {
    rc = 0;
    for (int s = 0; s < n && rc == 0; s++)
      if (fsim_scenario_load(paths[s], ov[s], &sc[s], &err) != FSIM_OK) rc = cli_report(&err);
  }
  char outbuf[1024], label[256], cmdline[4096];
  fsim_output_claim *claim = NULL;
  if (rc == 0) {
    fsim_compare_label((const fsim_scenario *const *)sc, n, label, sizeof label);
    if (!outdir) {
      char name[512];
      fsim_compare_dirname((const fsim_scenario *const *)sc, n, name, sizeof name);
      snprintf(outbuf, sizeof outbuf, "out/%s", name);
      outdir = outbuf;
    }
    /* Before any work, and held until the end: DIR is claimed (its lock), and replaced
       only when it holds a comparison of the same labels and nothing else (or --force). */
    if (fsim_output_claim_dir(outdir, "compare", label, force, &charts, &claim, &err) !=
        FSIM_OK)
      rc = cli_report(&err);
  }
  if (rc == 0) {
    cli_command_line(argc - 1, argv + 1, "frontsim compare", cmdline, sizeof cmdline);
    cli_install_stop_handler();
    cli_progress progress;
    cli_progress_init(&progress, "replications", quiet);
    fsim_compare_options *opt = fsim_compare_options_new();
    char nreps[32], nthreads[32], nseed[32], nmax[32], half[40];
    snprintf(half, sizeof half, "%.17g", target.half);
    const char *const set[][2] = {
        {"replications", cli_number(nreps, reps)},
        {"threads", cli_number(nthreads, threads)},
        {"seed", seed >= 0 ? cli_number(nseed, seed) : NULL},
        {"target_metric", target.metric[0] ? target.metric : NULL},
        {"target_halfwidth", target.metric[0] ? half : NULL},
        {"max_replications", cli_number(nmax, max_reps)}};
    fsim_status st = opt ? FSIM_OK : fsim_error_set(&err, FSIM_E_NOMEM, "", 0, "", "out of memory");
    for (size_t i = 0; st == FSIM_OK && i < CLI_COUNT(set); i++)
      if (set[i][1]) st = fsim_compare_options_set(opt, set[i][0], set[i][1], &err);
    fsim_compare_options_set_progress(opt, cli_progress_report, &progress);
    long ran = 0;
    int reached = 1;
    if (st == FSIM_OK)
      st = fsim_compare_run((const fsim_scenario *const *)sc, n, opt, outdir, cmdline, &ran,
                            &reached, &err);
    fsim_compare_options_free(opt);
    cli_progress_done(&progress);
    if (st != FSIM_OK) {
      rc = cli_report(&err);
    } else {
      if (target.metric[0] && !reached)
        fprintf(stderr,
                "frontsim: warning: the differences of %s did not reach +-%g within %lld "
                "replications\n",
                target.metric, target.half, max_reps);
      if (charts) /* said even with --quiet: they are gone */
        fprintf(stderr, "frontsim: the charts of the earlier output in %s were removed; "
                "draw the new ones with: frontsim plot %s\n", outdir, outdir);
      if (!quiet) {
        char path[1100];
        snprintf(path, sizeof path, "%s/compare.txt", outdir);
        cli_print_file(path);
        fprintf(stderr, "frontsim: wrote %s (%ld replications each)\n", outdir,
                ran);
      }
    }
  }
  fsim_output_claim_release(claim);
  for (int s = 0; s < FSIM_COMPARE_MAX; s++) fsim_scenario_free(sc[s]);
  for (int s = 0; s <= FSIM_COMPARE_MAX; s++) fsim_overrides_free(ov[s]);
  return rc;
}
