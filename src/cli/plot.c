/* frontsim plot DIR: the charts of a run or sweep directory, drawn by gnuplot. */
#include <stdio.h>

#include "args.h"
#include "frontsim/plot.h"

static const char plot_help[] =
    "usage: frontsim plot DIR [--format png|svg|pdf] [--only NAME] [--quiet]\n"
    "\n"
    "Draws the charts of DIR, a directory written by 'frontsim run' or 'frontsim sweep',\n"
    "into DIR/charts: each chart NAME.png (or .svg, .pdf) with NAME.gp, the gnuplot\n"
    "script that drew it. To restyle a chart, edit its script and run 'gnuplot NAME.gp'\n"
    "in DIR/charts.\n"
    "\n"
    "Charts of a run: personnel_<sector> (fan charts of each side's personnel),\n"
    "allocation_blue and allocation_red (personnel by sector, reserve and in transit),\n"
    "supply_<sector> (route distance and share of replications cut), held_area_<sector>\n"
    "(held area with the event days), losses (true against claimed), engagements.\n"
    "\n"
    "Charts of a sweep, per metric of its 'metrics' setting (else headline metrics):\n"
    "effect_<metric> (mean against the parameters, 95% confidence intervals),\n"
    "heatmap_<metric> (grids of two or more parameters), sensitivity_<metric> (sobol:\n"
    "first-order and total Sobol' indices).\n"
    "\n"
    "  --format F      png (default), svg or pdf\n"
    "  --only NAME     one chart (e.g. losses, heatmap_red.losses), one kind (personnel,\n"
    "                  effect), or a sweep's metric (red.losses)\n"
    "  --quiet         do not list the files written\n"
    "\n"
    "Needs gnuplot (apt-get install gnuplot-nox; FRONTSIM_GNUPLOT names another\n"
    "program). Without it the exit status is 2 and DIR is left as it was.\n";

static void list_written(void *ctx, const char *image, const char *script) {
  (void)ctx;
  fprintf(stderr, "frontsim: wrote %s (script %s)\n", image, script);
}

int cli_plot(int argc, char **argv) {
  const char *dir = NULL;
  int quiet = 0, rc = 0;
  fsim_plot_options opt;
  fsim_plot_options_init(&opt);
  fsim_error err;
  fsim_error_clear(&err);
  for (int i = 1; i < argc && rc == 0; i++) {
    const char *v = NULL;
    int r = 0;
    if (cli_opt_flag(argv[i], "help", 'h')) {
      fputs(plot_help, stdout);
      return 0;
    } else if (cli_opt_flag(argv[i], "quiet", 'q')) {
      quiet = 1;
    } else if ((r = cli_opt_value(argc, argv, &i, "format", 'f', &v)) != 0) {
      if (r < 0)
        rc = 2;
      else if (fsim_plot_format_parse(v, &opt.format, &err) != FSIM_OK)
        rc = cli_report(&err);
    } else if ((r = cli_opt_value(argc, argv, &i, "only", 0, &v)) != 0) {
      if (r < 0) rc = 2;
      opt.only = v;
    } else if (argv[i][0] == '-' && argv[i][1]) {
      rc = cli_usage_error("plot", "unknown option %s", argv[i]);
    } else if (!dir) {
      dir = argv[i];
    } else {
      rc = cli_usage_error("plot", "one directory at a time (got %s and %s)", dir, argv[i]);
    }
  }
  if (rc == 0 && !dir) rc = cli_usage_error("plot", "which run or sweep directory?");
  if (rc != 0) return rc;

  if (!quiet) opt.written = list_written;
  if (fsim_plot_dir(dir, &opt, &err) != FSIM_OK) {
    rc = cli_report(&err);
    /* gnuplot missing or failing is a matter of the setup, not of the run: the
     * data are complete, and the status says "fix the input" (SPEC 5). */
    if (err.status == FSIM_E_EXTERNAL) rc = 2;
  }
  return rc;
}
