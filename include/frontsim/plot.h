/* Charts of a run directory, drawn by gnuplot (an external program) from the
 * series the run wrote. Each chart is written with the gnuplot script that drew
 * it, so a report author can restyle the script and re-run gnuplot. */
#ifndef FRONTSIM_PLOT_H
#define FRONTSIM_PLOT_H

#include "frontsim/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum fsim_plot_format { FSIM_PLOT_PNG = 0, FSIM_PLOT_SVG, FSIM_PLOT_PDF } fsim_plot_format;

typedef struct fsim_plot_options {
  fsim_plot_format format;
  /* NULL: every chart; else one chart's name ("held_area_kursk") or a kind of
   * chart ("personnel", "allocation", "supply", "held_area", "losses",
   * "engagements"). */
  const char *only;
  /* The gnuplot program; NULL: $FRONTSIM_GNUPLOT when set, else "gnuplot". */
  const char *gnuplot;
  /* Called after each chart is in place (may be NULL): the image and its script. */
  void (*written)(void *ctx, const char *image, const char *script);
  void *written_ctx;
} fsim_plot_options;

void fsim_plot_options_init(fsim_plot_options *opt);

/* "png", "svg" or "pdf"; FSIM_E_INPUT otherwise. */
fsim_status fsim_plot_format_parse(const char *text, fsim_plot_format *out, fsim_error *err);
/* The file extension of a format, without the dot. */
const char *fsim_plot_format_extension(fsim_plot_format format);

/* Draws the charts of the run directory `dir` (written by `frontsim run`) into
 * dir/charts: <name>.<png|svg|pdf> and <name>.gp, the script that drew it, which
 * reads the data by relative path (`cd dir/charts && gnuplot <name>.gp`). Each
 * file is written under a temporary name and renamed into place. Errors:
 * FSIM_E_INPUT when dir is not a run directory or `only` names no chart;
 * FSIM_E_EXTERNAL when gnuplot is missing (nothing is written) or fails (its
 * message is in err); FSIM_E_IO when a file cannot be written. */
fsim_status fsim_plot_dir(const char *dir, const fsim_plot_options *opt, fsim_error *err);

#ifdef __cplusplus
}
#endif
#endif
