/* frontsim plot DIR: the charts of a run or sweep directory, drawn by gnuplot. */
#include <stdio.h>

#include "args.h"
#include "cli_common.h"
#include "frontsim/plot.h"

static const char plot_help[] =
    "usage: frontsim plot DIR [--format png|svg|pdf] [--only NAME] [--baseline P] [--quiet]\n"
    "\n"
    "Draws the charts of DIR, a directory written by 'frontsim run', 'frontsim sweep' or\n"
    "'frontsim compare', into DIR/charts: each chart NAME.png (or .svg, .pdf) with NAME.gp,\n"
    "the gnuplot script that drew it. To restyle a chart, edit its script and run\n"
    "'gnuplot NAME.gp' in DIR/charts.\n"
    "\n"
    "Charts of a run: personnel_<sector> (fan charts of each side's personnel),\n"
    "allocation_blue and allocation_red (personnel by sector, reserve and in transit),\n"
    "supply_<sector> (route distance and share of replications cut), held_area_<sector>\n"
    "(held area with the event days), losses (true against claimed), engagements.\n"
    "\n"
    "Charts of a sweep, per metric of its 'metrics' setting (else headline metrics):\n"
    "effect_<metric> (mean against the parameters, 95% confidence intervals),\n"
    "heatmap_<metric> (grids of two or more parameters), sensitivity_<metric> (sobol:\n"
    "first-order and total Sobol' indices), morris_<metric> (morris: mu* against sigma),\n"
    "and with --baseline P paired_<metric> (each point's paired difference from point P).\n"
    "\n"
    "Charts of a comparison: differences (paired differences of the headline metrics\n"
    "with their 95% CIs, a row per what-if), and with every scenario overlaid:\n"
    "supply_<sector>, held_area_<sector>, allocation_<side>_<sector>, losses_<side>.\n"
    "\n"
    "  --format F      png (default), svg or pdf\n"
    "  --only NAME     one chart (e.g. losses, heatmap_red.losses), one kind (personnel,\n"
    "                  effect), or a sweep's metric (red.losses)\n"
    "  --baseline P    a sweep's point P: also chart each point's mean difference from P\n"
    "                  over replications paired by number (common random numbers), with\n"
    "                  paired 95% CIs; needs the sweep's replications.csv\n"
    "                  (sweep.per_replication = 1)\n"
    "  --quiet         do not list the files written\n"
    "  --timeout S     seconds each gnuplot may take (default 120, or\n"
    "                  FRONTSIM_GNUPLOT_TIMEOUT). One gnuplot draws up to 32 charts;\n"
    "                  past the limit it is stopped and its charts are drawn again one\n"
    "                  gnuplot each, so only a chart that alone takes longer than S\n"
    "                  fails (exit 1, naming it)\n"
    "\n"
    "Needs gnuplot (apt-get install gnuplot-nox; FRONTSIM_GNUPLOT names another\n"
    "program). Without it the exit status is 2 and DIR is left as it was. Ctrl-C\n"
    "stops between charts (exit 1); the charts drawn before stay in place.\n";

static void list_written(void *ctx, const char *image, const char *script) {
  (void)ctx;
  fprintf(stderr, "frontsim: wrote %s (script %s)\n", image, script);
}

/* Said even with --quiet: a chart missing is not what a reader expects. */
static void note_skipped(void *ctx, const char *chart, const char *why) {
  (void)ctx;
  fprintf(stderr, "frontsim: skipped chart %s: %s\n", chart, why);
}

/* Said even with --quiet: files gone from charts/. */
static void note_removed(void *ctx, const char *path) {
  (void)ctx;
  fprintf(stderr, "frontsim: removed %s (a chart this plot no longer draws)\n", path);
}

static int parse_format(void *ctx, const char *v) {
  fsim_error err;
  fsim_error_clear(&err);
  if (!v) return 2;
  return fsim_plot_format_parse(v, ctx, &err) == FSIM_OK ? 0 : cli_report(&err);
}

int cli_plot(int argc, char **argv) {
  const char *dir = NULL;
  int quiet = 0;
  long long timeout = 0;
  fsim_plot_format format = FSIM_PLOT_PNG;
  const char *only = NULL, *baseline = NULL;
  const cli_option options[] = {
      CLI_QUIET(.flag = &quiet),
      {.name = "format", .letter = 'f', .kind = CLI_CALL, .call = parse_format,
       .ctx = &format},
      {.name = "only", .kind = CLI_TEXT, .text = &only},
      {.name = "baseline", .kind = CLI_TEXT, .text = &baseline},
      {.name = "timeout", .kind = CLI_LONG, .min = 1, .max = 86400, .number = &timeout},
  };
  const cli_command cmd = {.name = "plot", .help = plot_help, .options = options,
                           .noptions = CLI_COUNT(options), .args = &dir, .nargs = 1,
                           .what = "directory", .missing = "which run or sweep directory?"};
  int rc = cli_parse(&cmd, argc, argv);
  if (rc != CLI_PROCEED) return rc;
  rc = 0;
  fsim_error err;
  fsim_error_clear(&err);
  fsim_plot_options *opt = fsim_plot_options_new();
  char num[32];
  fsim_status st = opt ? FSIM_OK : fsim_error_set(&err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  if (st == FSIM_OK)
    st = fsim_plot_options_set(opt, "format", fsim_plot_format_extension(format), &err);
  if (st == FSIM_OK && only) st = fsim_plot_options_set(opt, "only", only, &err);
  if (st == FSIM_OK && baseline) st = fsim_plot_options_set(opt, "baseline", baseline, &err);
  if (st == FSIM_OK) st = fsim_plot_options_set(opt, "timeout", cli_number(num, timeout), &err);
  if (!quiet) fsim_plot_options_set_written(opt, list_written, NULL);
  fsim_plot_options_set_skipped(opt, note_skipped, NULL);
  fsim_plot_options_set_removed(opt, note_removed, NULL);
  cli_install_stop_handler();
  fsim_plot_options_set_progress(opt, cli_stop_requested, NULL);
  if (st == FSIM_OK) st = fsim_plot_dir(dir, opt, &err);
  fsim_plot_options_free(opt);
  if (st != FSIM_OK) {
    rc = cli_report(&err);
    /* gnuplot missing or failing is a matter of the setup, not of the run: the
     * data are complete, and the status says "fix the input" (docs/USAGE.md). A
     * gnuplot stopped at its time limit or by Ctrl-C is a run that failed (1). */
    if (err.status == FSIM_E_EXTERNAL) rc = 2;
  }
  return rc;
}
