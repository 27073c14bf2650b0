/* Charts of a run or sweep directory, drawn by gnuplot (an external program)
 * from the CSV files the run or sweep wrote. Each chart is written with the
 * gnuplot script that drew it, so a report author can restyle the script and
 * re-run gnuplot. */
#ifndef FRONTSIM_PLOT_H
#define FRONTSIM_PLOT_H

#include "frontsim/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum fsim_plot_format { FSIM_PLOT_PNG = 0, FSIM_PLOT_SVG, FSIM_PLOT_PDF } fsim_plot_format;

typedef struct fsim_plot_options {
  fsim_plot_format format;
  /* NULL: every chart (of a sweep: of its default metrics); else one chart's
   * name ("held_area_kursk", "effect_red.losses") or a kind of chart
   * ("personnel", "allocation", "supply", "held_area", "losses", "engagements";
   * of a sweep "effect", "heatmap", "sensitivity"), or of a sweep a metric
   * ("red.losses": its charts, whether or not it is a default one). */
  const char *only;
  /* The gnuplot program; NULL: $FRONTSIM_GNUPLOT when set, else "gnuplot". */
  const char *gnuplot;
  /* Seconds each gnuplot process may take (also its --version check); past it, the
   * process and its children are killed and fsim_plot_dir returns FSIM_E_TIMEOUT
   * naming the chart. 0: $FRONTSIM_GNUPLOT_TIMEOUT when set, else 120. */
  double timeout;
  /* When non-NULL and set non-zero (e.g. by a signal handler), the chart being drawn
   * is stopped and fsim_plot_dir returns FSIM_E_INTERRUPTED; charts/ keeps the charts
   * finished before, and the staging folder is removed. */
  volatile int *stop;
  /* Called after each chart is in place (may be NULL): the image and its script. */
  void (*written)(void *ctx, const char *image, const char *script);
  void *written_ctx;
  /* Called for each chart not drawn because the run kept fewer daily series
   * (frontsim run --series) and its data are missing; may be NULL. */
  void (*skipped)(void *ctx, const char *chart, const char *why);
  void *skipped_ctx;
} fsim_plot_options;

void fsim_plot_options_init(fsim_plot_options *opt);

/* "png", "svg" or "pdf"; FSIM_E_INPUT otherwise. */
fsim_status fsim_plot_format_parse(const char *text, fsim_plot_format *out, fsim_error *err);
/* The file extension of a format, without the dot. */
const char *fsim_plot_format_extension(fsim_plot_format format);

typedef enum fsim_plot_dir_kind {
  FSIM_PLOT_DIR_RUN = 1,
  FSIM_PLOT_DIR_SWEEP,
  FSIM_PLOT_DIR_COMPARE
} fsim_plot_dir_kind;

/* What `dir` holds: a run (written by `frontsim run`: scenario.cfg and no
 * sweep.csv), a sweep (written by `frontsim sweep` or `frontsim merge`:
 * sweep.csv) or a comparison (written by `frontsim compare`: compare.csv). FSIM_E_INPUT, with what to do, when it is neither: no such
 * directory, an unfinished sweep or a shard (points.journal without sweep.csv),
 * anything else. Whether the files are complete is checked when plotting. */
fsim_status fsim_plot_dir_kind_of(const char *dir, fsim_plot_dir_kind *kind, fsim_error *err);

/* Draws the charts of `dir`, a run or a sweep directory, into dir/charts:
 * <name>.<png|svg|pdf> and <name>.gp, the script that drew it, which reads the
 * data by relative path (`cd dir/charts && gnuplot <name>.gp`). Each file is
 * written under a temporary name and renamed into place. Errors: FSIM_E_INPUT
 * when dir is neither a run nor a sweep directory, or is incomplete, or `only`
 * names no chart; FSIM_E_EXTERNAL when gnuplot is missing (nothing is
 * written) or fails (its message is in err); FSIM_E_IO when a file cannot be
 * written. */
fsim_status fsim_plot_dir(const char *dir, const fsim_plot_options *opt, fsim_error *err);

#ifdef __cplusplus
}
#endif
#endif
