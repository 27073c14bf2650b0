/* The plot options behind the opaque fsim_plot_options of the public API
 * (include/frontsim/plot.h); set by name in plot_options.c. */
#ifndef FSIM_PLOT_OPTIONS_H
#define FSIM_PLOT_OPTIONS_H

#include "frontsim/plot.h"

struct fsim_plot_options {
  fsim_plot_format format;
  const char *only;    /* NULL or "": every chart */
  const char *gnuplot; /* NULL or "": $FRONTSIM_GNUPLOT, else "gnuplot" */
  double timeout;      /* 0: $FRONTSIM_GNUPLOT_TIMEOUT, else 120 */
  long baseline;       /* a sweep's point: paired differences from it; -1: none */
  /* The library's own stop flag (not in the public API): when set, the chart being
   * drawn is stopped as a non-zero return of `progress` stops it. */
  volatile int *stop;
  fsim_progress_fn progress;
  void *progress_ctx;
  void (*written)(void *ctx, const char *image, const char *script);
  void *written_ctx;
  void (*skipped)(void *ctx, const char *chart, const char *why);
  void *skipped_ctx;
  void (*removed)(void *ctx, const char *path);
  void *removed_ctx;
};

void fsim_plot_options_init(fsim_plot_options *opt);

#endif
