/* What the chart writer shares between its files: the list of charts a run gets
 * (plot_charts.c), what a sweep holds and the charts it gets (plot_sweep.c), the
 * scripts made from the templates (plot_script.c) and running gnuplot
 * (plot_gnuplot.c). fsim_plot_dir (plot.c) ties them together. */
#ifndef FRONTSIM_PLOT_INTERNAL_H
#define FRONTSIM_PLOT_INTERNAL_H

#include <stdio.h>

#include "frontsim/plot.h"
#include "layout.h"
#include "scenario_internal.h"

/* Room for a kind and a metric name (event.sector.held_area_km2). */
#define FSIM_CHART_NAME 208
#define FSIM_CHART_TEXT 384
#define FSIM_CHART_ALL_SECTORS (-2)

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
  /* The sector the chart is about, -1 for none, FSIM_CHART_ALL_SECTORS for a chart of
   * every sector: the day a held area reached 0 is marked on each chart of its
   * sector (plots/dates.gp). */
  int sector;
  /* Sweep charts: the metric (index into fsim_plot_sweep.metrics, -1 for run
   * charts), which --only also matches by name, and whether the chart is drawn
   * only on request (metrics outside the default set). */
  int metric;
  const char *topic;
  int optional;
  /* Comparison charts: the series column drawn (without "_p50"), how the axis
   * shows it, and whether the chart sets its own axes (no date axis). */
  char variable[FSIM_CHART_NAME];
  double scale;
  char axis[FSIM_CHART_TEXT];
  int own_axes;
  double taller; /* the canvas this many times as high (0 or 1: the usual) */
  /* Not drawn, and why (e.g. a metric constant over a sweep: nothing to chart, and
   * an empty range drawn as -1..1 would mislead); "" for a chart to draw. */
  char skip[160];
} fsim_chart;

typedef struct fsim_plot_sweep fsim_plot_sweep;
typedef struct fsim_plot_compare fsim_plot_compare;

/* Facts about a run that every chart uses. */
typedef struct fsim_plot_run {
  const fsim_scenario *sc;
  long replications;
  char source[FSIM_CHART_TEXT]; /* the footnote: program, scenario, replications, seed */
  int ncharts;
  fsim_chart *charts;
  const fsim_plot_sweep *sweep; /* NULL for a run directory */
  const fsim_plot_compare *compare; /* NULL but for a comparison's directory */
  int discover;                     /* 1 for a scenario discovery's directory */
  char *box_titles; /* a discovery's: its parameters' names, a gnuplot word list (or NULL) */
} fsim_plot_run;

/* dir/name into out (FSIM_PATH_MAX bytes); 0 when too long (paths.c). */
int fsim_plot_join(char *out, const char *dir, const char *name);
/* path is a regular file. */
int fsim_plot_is_file(const char *path);
/* dir/rel is a file; else a message that dir is not a complete run or sweep directory. */
fsim_status fsim_plot_need_file(const char *dir, const char *rel, fsim_plot_dir_kind kind,
                                fsim_error *err);
/* A run directory's daily series before its charts are drawn (run_data.c): every file
 * a header and every day; all there when the run kept every series, else the charts
 * whose files are missing or short of columns dropped and named, an error when none
 * asked for is left. */
fsim_status fsim_plot_run_data(const char *dir, fsim_plot_run *run, int all_series,
                               const fsim_plot_options *opt, fsim_error *err);

/* The charts of a run, in the order they are drawn. `replications`, `seed`,
 * `version` and `scenario_file` come from the run's record (scenario.cfg). */
fsim_status fsim_plot_run_init(fsim_plot_run *run, const fsim_scenario *sc, long replications,
                               unsigned long long seed, const char *version,
                               const char *scenario_file, fsim_error *err);
void fsim_plot_run_free(fsim_plot_run *run);
/* 1 if `only` selects the chart: its name, its metric, or its kind (then only
 * when the chart is not optional); NULL selects every chart that is not optional. */
int fsim_chart_selected(const fsim_chart *chart, const char *only);
/* Appends a chart to run->charts (room counted by the caller), zeroed but for what
 * every chart starts with: its kind and template, no side, sector or metric, scale 1, and its
 * name, `name` or "name_suffix" ("" for no suffix, never NULL). */
fsim_chart *fsim_plot_chart_add(fsim_plot_run *run, const char *kind, const char *template_name,
                                const char *name, const char *suffix);

/* Writes the complete script of `chart` (template, style and values filled in),
 * drawing into `output` with the terminal of `format`. */
fsim_status fsim_plot_write_script(FILE *out, const fsim_plot_run *run, const fsim_chart *chart,
                                   fsim_plot_format format, const char *output,
                                   fsim_error *err);
/* 1 when path holds a complete image of the format (its signature at the start and
 * its end marker at the end: PNG's IEND chunk, PDF's %%EOF, SVG's </svg>): what
 * gnuplot wrote is checked before it replaces a chart, since gnuplot exits 0 after a
 * failed write (a full disk). */
int fsim_plot_image_complete(const char *path, fsim_plot_format format);
/* The gnuplot terminal of a format, with its size and fonts (format.c). */
const char *fsim_plot_terminal(fsim_plot_format format);
/* Writes the terminal of a format with its canvas `taller` times as high (1: as
 * every chart). */
void fsim_plot_put_terminal(FILE *out, fsim_plot_format format, double taller);
/* Gives an SVG drawn by gnuplot the chart's title instead of "Gnuplot". */
fsim_status fsim_plot_svg_title(const char *path, const char *title, fsim_error *err);
/* Writes text inside a gnuplot '...' string: a quote becomes '."'".' (the string
 * closed, a quote joined, the string reopened), so the field must be an expression;
 * control characters, which a scenario's display names should not hold, become
 * spaces. */
void fsim_plot_put_quoted(FILE *out, const char *text);
/* text in buf (size bytes), shortened to at most `most` bytes where longer: cut near
 * a word's end and ended by "..." (a source line's label or file name, which a
 * precision in a format would cut mid-word without a sign). */
const char *fsim_plot_short(char *buf, size_t size, const char *text, size_t most);
/* The most characters of a source line set at its full size (9 pt) on every format's
 * canvas: 112 in PNG, the narrowest as plots/style.gp measures text (0.6 em a
 * character, 1200 px at fontscale 1.45, less its margins); PDF 125, SVG 150. */
#define FSIM_SOURCE_CHARS 112
/* A part of a source line: fixed text (shorten 0), text that may be shortened (1: a
 * name, a file name, a condition) or a list of overrides (2: fsim_plot_overrides). */
typedef struct fsim_source_part {
  const char *text;
  int shorten;
} fsim_source_part;
#define FSIM_SOURCE_PARTS 40 /* a comparison's: up to 8 labels of 3 parts, with " vs " */
/* The overrides "a=1, b=2, c=3" in buf, at most `most` bytes where they fit, else
 * every one kept: "3 overrides: " and each cut near a word's end ("sides.red...")
 * to an equal share of the room, the full list in the run's summary.txt. */
const char *fsim_plot_overrides(char *buf, size_t size, const char *list, size_t most);
/* A label's parts of a source line, in parts (up to 6): its name (in head, size
 * bytes), then its overrides as a list ("kursk-pokrovsk, a=1, b=2": what-if
 * labels), then " (file)" unless the name is the file's or scenario_file is NULL.
 * Returns how many. One rule for every chart kind that names a scenario. */
int fsim_plot_label_parts(fsim_source_part *parts, char *head, size_t size, const char *label,
                          const char *scenario_file);
/* The source line of the `n` parts in out (size bytes): where longer than
 * FSIM_SOURCE_CHARS, the longest part that may be is shortened near a word's end
 * (fsim_plot_short, fsim_plot_overrides), then the next, none asked below 24
 * characters, so the line keeps its font size (a long --set label set the whole
 * line smaller). */
const char *fsim_plot_source(char *out, size_t size, const fsim_source_part *parts, int n);
/* A sector's name as every chart shows it (titles, legends, the names of marks), in
 * buf: capitalised where the scenario wrote it in lower case, as a place's name
 * reads in a report ("Kursk"). */
const char *fsim_plot_place(char *buf, size_t size, const char *name);
/* Each chart's title with the scenario's sector names capitalised where they stand
 * as words ("in the Pokrovsk sector"; not inside a metric's path such as
 * pokrovsk.route_cut): a title reads as a report's heading, the names as places. */
void fsim_plot_title_places(fsim_plot_run *run, const fsim_scenario *sc);
/* The unit of a difference of two values of a metric, as a title's suffix: two
 * days of the run differ by days, two shares by percentage points; else the
 * metric's own suffix. */
const char *fsim_plot_difference_unit(int unit, const char *suffix);
/* The same in one text (a panel's title). */
void fsim_plot_places(char *text, const fsim_scenario *sc);

/* After a plot: removes from charts/ each chart (its images and script) that
 * frontsim plot drew before and this plot no longer has (of those --only asks
 * for), telling `removed` each file; files frontsim did not write stay. */
void fsim_plot_remove_stale(const char *charts, const fsim_plot_run *run, const char *only,
                            void (*removed)(void *ctx, const char *path), void *ctx);

/* ---- Sweeps (sweep_table.c, sweep_charts.c, sweep_script.c) ---- */

/* The line charts draw at most this many lines (plots/sweep_lines.gp thins the
 * values of the line parameter evenly beyond it). */
#define FSIM_SWEEP_MAX_LINES 7

/* The name of a sweep's method as read from its journal: "grid" when unknown. */
static inline const char *fsim_sweep_method_name(int method) {
  const char *name = FSIM_ENUM_NAME(fsim_sweep_method_names, method);
  return name ? name : FSIM_ENUM_NAME(fsim_sweep_method_names, FSIM_SWEEP_GRID);
}

typedef struct fsim_sweep_param {
  char path[FSIM_TEXT_MAX];  /* the setting, as the column of sweep.csv */
  /* The sweep's label for it, else its last part ("delay"), or the path when
   * ambiguous; the axis title adds the unit: "Transit delay (days)". */
  char label[FSIM_TEXT_MAX];
  char axis[FSIM_TEXT_MAX + FSIM_NAME_MAX + 4];
  int count;                 /* distinct values, in the order they first appear */
  double *values;            /* a categorical parameter's: its level numbers 1, 2, ... */
  int nlevels;               /* a categorical parameter: its level names, in order */
  char (*levels)[FSIM_NAME_MAX];
  int too_many; /* more than FSIM_GRID_VALUES_MAX values: not a grid, not indexed */
} fsim_sweep_param;

/* Values of one parameter beyond which a sweep is not drawn as a grid (lines or heat
 * map); lhs and sobol designs, whose values are all distinct, stop being indexed
 * there, so reading them stays linear in the rows. */
#define FSIM_GRID_VALUES_MAX 1000

typedef struct fsim_sweep_metric {
  char name[FSIM_VAR_NAME]; /* as in sweep.csv, without "_mean" */
  long defined;             /* points where its mean is defined */
  double max_abs;           /* largest |mean| over the points */
  double lo, hi;            /* smallest and largest mean over the points */
  int is_default;           /* charted when --only does not ask for it */
  int unit;                 /* FSIM_UNIT_* (metric_table.h), -1 when unknown */
  int kind;                 /* FSIM_METRIC_* (a conditional one counts fewer replications) */
  double scale;             /* shown = value * scale (100: %, 0.001: thousands) */
  char subject[FSIM_CHART_TEXT]; /* what it is */
  char title[FSIM_CHART_TEXT];  /* the same with its unit */
  char axis[FSIM_CHART_TEXT];   /* short axis label, with its unit */
  /* sobol: the row of sensitivity.csv is there (morris: of morris.csv, with a mu*) (a metric undefined at some point
   * has none); parameters by decreasing total index; the replication noise. */
  int has_indices;
  char order[FSIM_CHART_TEXT * 2];
  double noise_share;
  /* sobol: the smallest and largest estimate or interval end of its indices (0 and 1
   * at least; beyond them, sampling error) and the widest interval. */
  double idx_lo, idx_hi, idx_width;
} fsim_sweep_metric;

struct fsim_plot_sweep {
  int method; /* FSIM_SWEEP_GRID, _LHS, _SOBOL: sweep.method of scenario.cfg */
  int grid;   /* 1 when the rows are every combination, the last parameter fastest */
  long npoints;
  int nparams;
  fsim_sweep_param *params;
  long *value_index; /* [p * nparams + i]: which value of parameter i row p has */
  int nmetrics;
  fsim_sweep_metric *metrics;
  int x_param, line_param; /* grid charts (0-based; line_param -1 with one parameter) */
  /* frontsim plot --baseline P (paired.c): per point and metric, the figures below;
   * the lead of each row of sweep.csv (point, parameters, replications) and its header,
   * pointing into paired_text. */
  int has_paired;
  long baseline;
  double *paired; /* [(p * nmetrics + m) * FSIM_PAIRED_NCOLS + FSIM_PAIRED_*] */
  char *paired_text, *paired_header, **paired_lead;
};

enum { FSIM_PAIRED_MEAN = 0, FSIM_PAIRED_LOW, FSIM_PAIRED_HIGH, FSIM_PAIRED_UNPAIRED_LOW,
       FSIM_PAIRED_UNPAIRED_HIGH, FSIM_PAIRED_N, FSIM_PAIRED_NCOLS };

/* Reads replications.csv of the sweep in dir (sweep.per_replication = 1; refused with
 * what to do without it): each point's paired differences from point `baseline` (of
 * `reps` replications each), with paired and unpaired 95% intervals. */
fsim_status fsim_plot_paired_read(fsim_plot_sweep *sw, const char *dir, long baseline,
                                  long reps, fsim_error *err);
/* Writes metric m's figures as the datablock $paired, columns named as sweep.csv's. */
void fsim_plot_put_paired(FILE *out, const fsim_plot_sweep *sw, int m);

/* Reads sweep.csv: the parameter columns between "point" and "replications",
 * each metric's means; checks whether the rows form a grid. The scenario the sweep
 * ran (or NULL) gives the labels, units and levels of its parameters. FSIM_E_INPUT when
 * the file is not a sweep's table. */
fsim_status fsim_plot_sweep_read_table(fsim_plot_sweep *sw, const char *path,
                                       const fsim_scenario *sc, fsim_error *err);
/* Reads sensitivity.csv into the metrics: has_indices, order, noise_share, the
 * range of the estimates and the widest interval. */
fsim_status fsim_plot_sweep_read_indices(fsim_plot_sweep *sw, const char *path,
                                         fsim_error *err);
/* Reads morris.csv into the metrics: has_indices where a parameter's mu* is defined. */
fsim_status fsim_plot_sweep_read_morris(fsim_plot_sweep *sw, const char *path,
                                        fsim_error *err);
/* Titles, units and the default set of metrics, from the scenario the sweep ran
 * (its sweep.metrics, else a headline set); the axes of the grid charts. */
fsim_status fsim_plot_sweep_describe(fsim_plot_sweep *sw, const fsim_scenario *sc,
                                     fsim_error *err);
void fsim_plot_sweep_free(fsim_plot_sweep *sw);
/* The charts of a sweep: per metric, effect_<m>, heatmap_<m> (grids of two or
 * more parameters), sensitivity_<m> (sobol), morris_<m> (morris). */
fsim_status fsim_plot_sweep_charts(fsim_plot_run *run, const fsim_plot_sweep *sw,
                                   fsim_error *err);
/* Writes the value of a sweep template's @KEY@ field; 0 when `key` is not one. */
/* Parameter i's name on charts, of the n parameters `paths` of a sweep (sweep_table.c). */
void fsim_plot_param_label(const fsim_scenario *sc, const char *const *paths, int n, int i,
                           char *label, size_t size);
/* text as one word of a gnuplot word list, beginning with a capital unless it is a
 * setting's path, as the sweep charts' axis titles and names (sweep_script.c). */
void fsim_plot_put_title_word(FILE *out, const char *text);
int fsim_plot_sweep_fill(FILE *out, const fsim_plot_run *run, const fsim_chart *chart,
                         const char *key);

/* ---- Comparisons (compare_charts.c) ---- */

/* Reads a comparison's directory (its scenarios' labels from a/, b/, ...
 * frontsim.meta, and compare.csv) and lists its charts: the paired differences of
 * the headline metrics, then per key series one chart with every scenario
 * overlaid. `sc` is the base's scenario (a/scenario.cfg); `version` and `seed`
 * come from the comparison's frontsim.meta. */
fsim_status fsim_plot_compare_init(fsim_plot_run *run, fsim_plot_compare **out, const char *dir,
                                   const fsim_scenario *sc, long replications,
                                   unsigned long long seed, const char *version,
                                   fsim_error *err);
void fsim_plot_compare_free(fsim_plot_compare *cmp);
/* The charts of a scenario discovery's directory (discover_charts.c). */
fsim_status fsim_plot_discover_init(fsim_plot_run *run, const char *dir, const fsim_scenario *sc,
                                    const char *version, fsim_error *err);
/* Writes the value of a comparison template's @KEY@ field; 0 when `key` is not one. */
int fsim_plot_compare_fill(FILE *out, const fsim_plot_run *run, const fsim_chart *chart,
                           const char *key);

/* The date axis of a run whose rows are dated first..last (epoch days; the
 * first day of the run is `start`): gnuplot statements setting date_format,
 * the format of x and the major and minor ticks. */
void fsim_plot_write_date_ticks(FILE *out, long first, long last, long start);

/* Whether to stop drawing: the library's own flag, or the caller's progress callback
 * (a non-zero return), asked between charts and while gnuplot draws one. */
typedef struct fsim_plot_stop {
  volatile int *flag;        /* may be NULL */
  fsim_progress_fn progress; /* may be NULL */
  void *ctx;
  long done, total; /* charts drawn and to draw, for the callback */
  int asked;        /* 1 once either asked to stop: it stays asked */
} fsim_plot_stop;
int fsim_plot_stop_asked(fsim_plot_stop *stop);

/* The gnuplot program: `configured`, else $FRONTSIM_GNUPLOT, else "gnuplot". */
const char *fsim_gnuplot_program(const char *configured);
/* Seconds a gnuplot process may take: `configured` when positive, else
 * $FRONTSIM_GNUPLOT_TIMEOUT when it is a positive number, else 120. */
double fsim_gnuplot_timeout(double configured);
/* Runs `program --version` (killed after `timeout` s); FSIM_E_EXTERNAL when it cannot
 * (the message says the data in `dir` stay usable), FSIM_E_TIMEOUT when it hangs. */
fsim_status fsim_gnuplot_check(const char *program, const char *dir, double timeout,
                               fsim_error *err);
/* Runs `program script` in the directory `cwd`; FSIM_E_EXTERNAL with the end of
 * gnuplot's error output when it fails, FSIM_E_TIMEOUT past `timeout` seconds,
 * FSIM_E_INTERRUPTED when `stop` asks to (may be NULL). `shown` names the chart. */
fsim_status fsim_gnuplot_run(const char *program, const char *cwd, const char *script,
                             const char *shown, double timeout, fsim_plot_stop *stop,
                             fsim_error *err);

#endif
