/* Charts of a run or sweep directory, drawn by gnuplot (an external program)
 * from the CSV files the run or sweep wrote. Each chart is written with the
 * gnuplot script that drew it, so a report author can restyle the script and
 * re-run gnuplot. */
#ifndef FRONTSIM_PLOT_H
#define FRONTSIM_PLOT_H

#include "frontsim/export.h"

#include "frontsim/error.h"
#include "frontsim/run.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum fsim_plot_format { FSIM_PLOT_PNG = 0, FSIM_PLOT_SVG, FSIM_PLOT_PDF } fsim_plot_format;

/* Options of plotting, opaque and set by name (docs/API.md lists them):
 * "format" ("png", "svg" or "pdf"), "only" (one chart's name, "held_area_kursk",
 * "effect_red.losses"; a kind of chart, "personnel", "allocation", "supply",
 * "held_area", "losses", "engagements", of a sweep "effect", "heatmap",
 * "sensitivity", "morris", "paired"; or of a sweep a metric, "red.losses"; "" for every chart),
 * "gnuplot" (the program; "": $FRONTSIM_GNUPLOT when set, else "gnuplot") and
 * "timeout" (seconds each gnuplot process may take; past it the process and its
 * children are killed and fsim_plot_dir returns FSIM_E_TIMEOUT naming the chart;
 * 0: $FRONTSIM_GNUPLOT_TIMEOUT when set, else 120) and "baseline" (a sweep's point:
 * also chart each point's paired difference from it, from the sweep's
 * replications.csv; -1, the default: none). */
typedef struct fsim_plot_options fsim_plot_options;
/* NULL when memory ran out. */
FSIM_API fsim_plot_options *fsim_plot_options_new(void);
FSIM_API void fsim_plot_options_free(fsim_plot_options *opt);
FSIM_API fsim_status fsim_plot_options_set(fsim_plot_options *opt, const char *name,
                                           const char *value, fsim_error *err);
FSIM_API fsim_status fsim_plot_options_get(const fsim_plot_options *opt, const char *name,
                                           char *buf, size_t size, fsim_error *err);
/* Called with the charts drawn and the total, after each chart and now and then while
 * gnuplot draws one; a non-zero return stops the chart being drawn and
 * fsim_plot_dir returns FSIM_E_INTERRUPTED: charts/ keeps the charts finished
 * before, and the staging folder is removed. */
FSIM_API void fsim_plot_options_set_progress(fsim_plot_options *opt, fsim_progress_fn fn,
                                             void *ctx);
/* Called after each chart is in place: the image and its script. */
FSIM_API void fsim_plot_options_set_written(fsim_plot_options *opt,
                                            void (*fn)(void *ctx, const char *image,
                                                       const char *script),
                                            void *ctx);
/* Called for each chart not drawn because the run kept fewer daily series
 * (frontsim run --series) and its data are missing. */
FSIM_API void fsim_plot_options_set_skipped(fsim_plot_options *opt,
                                            void (*fn)(void *ctx, const char *chart,
                                                       const char *why),
                                            void *ctx);

/* Called for each file removed from charts/ after a plot: the images and script of
 * a chart frontsim plot drew before and this plot no longer draws (e.g. a metric
 * that became constant), of the charts --only asks for. */
FSIM_API void fsim_plot_options_set_removed(fsim_plot_options *opt,
                                            void (*fn)(void *ctx, const char *path), void *ctx);

/* "png", "svg" or "pdf"; FSIM_E_INPUT otherwise. */
FSIM_API fsim_status fsim_plot_format_parse(const char *text, fsim_plot_format *out,
                                            fsim_error *err);
/* The file extension of a format, without the dot. */
FSIM_API const char *fsim_plot_format_extension(fsim_plot_format format);

typedef enum fsim_plot_dir_kind {
  FSIM_PLOT_DIR_RUN = 1,
  FSIM_PLOT_DIR_SWEEP,
  FSIM_PLOT_DIR_COMPARE,
  FSIM_PLOT_DIR_DISCOVER
} fsim_plot_dir_kind;

/* What `dir` holds: a run (written by `frontsim run`: scenario.cfg and no
 * sweep.csv), a sweep (written by `frontsim sweep` or `frontsim merge`:
 * sweep.csv) or a comparison (written by `frontsim compare`: compare.csv). FSIM_E_INPUT, with what to do, when it is neither: no such
 * directory, an unfinished sweep or a shard (points.journal without sweep.csv),
 * anything else. Whether the files are complete is checked when plotting. */
FSIM_API fsim_status fsim_plot_dir_kind_of(const char *dir, fsim_plot_dir_kind *kind,
                                           fsim_error *err);

/* Draws the charts of `dir`, a run or a sweep directory, into dir/charts:
 * <name>.<png|svg|pdf> and <name>.gp, the script that drew it, which reads the
 * data by relative path (`cd dir/charts && gnuplot <name>.gp`). Each file is
 * written under a temporary name and renamed into place. Errors: FSIM_E_INPUT
 * when dir is neither a run nor a sweep directory, or is incomplete, or `only`
 * names no chart; FSIM_E_EXTERNAL when gnuplot is missing (nothing is
 * written) or fails (its message is in err); FSIM_E_IO when a file cannot be
 * written. */
FSIM_API fsim_status fsim_plot_dir(const char *dir, const fsim_plot_options *opt, fsim_error *err);

#ifdef __cplusplus
}
#endif
#endif
