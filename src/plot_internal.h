/* What the chart writer shares between its files: the list of charts a run gets
 * (plot_charts.c), the scripts made from the templates (plot_script.c) and
 * running gnuplot (plot_gnuplot.c). fsim_plot_dir (plot.c) ties them together. */
#ifndef FRONTSIM_PLOT_INTERNAL_H
#define FRONTSIM_PLOT_INTERNAL_H

#include <stdio.h>

#include "frontsim/plot.h"
#include "scenario_internal.h"

#define FSIM_CHART_NAME (FSIM_NAME_MAX + 16)
#define FSIM_CHART_TEXT 384

typedef struct fsim_chart {
  char name[FSIM_CHART_NAME]; /* file stem in charts/, e.g. "personnel_kursk" */
  const char *kind;           /* what --only matches besides the name */
  const char *template_name;  /* plots/<template_name>.gp */
  char title[FSIM_CHART_TEXT];
  char subtitle[FSIM_CHART_TEXT];
  /* The data, relative to charts/: "../series/<file>.csv", or "../series" for
   * charts that read every sector's file. */
  char data[FSIM_CHART_NAME + 16];
  int side;   /* the side the chart is about (FSIM_BLUE, FSIM_RED), or -1 */
} fsim_chart;

/* Facts about a run that every chart uses. */
typedef struct fsim_plot_run {
  const fsim_scenario *sc;
  long replications;
  char source[FSIM_CHART_TEXT]; /* the footnote: program, scenario, replications, seed */
  int ncharts;
  fsim_chart *charts;
} fsim_plot_run;

/* The charts of a run, in the order they are drawn. `replications`, `seed`,
 * `version` and `scenario_file` come from the run's record (scenario.cfg). */
fsim_status fsim_plot_run_init(fsim_plot_run *run, const fsim_scenario *sc, long replications,
                               unsigned long long seed, const char *version,
                               const char *scenario_file, fsim_error *err);
void fsim_plot_run_free(fsim_plot_run *run);
/* 1 if `only` (NULL: everything) selects the chart. */
int fsim_chart_selected(const fsim_chart *chart, const char *only);

/* Writes the complete script of `chart` (template, style and values filled in),
 * drawing into `output` with the terminal of `format`. */
fsim_status fsim_plot_write_script(FILE *out, const fsim_plot_run *run, const fsim_chart *chart,
                                   fsim_plot_format format, const char *output,
                                   fsim_error *err);

/* The date axis of a run whose rows are dated first..last (epoch days; the
 * first day of the run is `start`): gnuplot statements setting date_format,
 * the format of x and the major and minor ticks. */
void fsim_plot_write_date_ticks(FILE *out, long first, long last, long start);

/* The gnuplot program: `configured`, else $FRONTSIM_GNUPLOT, else "gnuplot". */
const char *fsim_gnuplot_program(const char *configured);
/* Runs `program --version`; FSIM_E_EXTERNAL when it cannot (the message says
 * the data in `dir` stay usable). */
fsim_status fsim_gnuplot_check(const char *program, const char *dir, fsim_error *err);
/* Runs `program script` in the directory `cwd`; FSIM_E_EXTERNAL with the end of
 * gnuplot's error output when it fails. `shown` names the chart in messages. */
fsim_status fsim_gnuplot_run(const char *program, const char *cwd, const char *script,
                             const char *shown, fsim_error *err);

#endif
