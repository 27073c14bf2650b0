/* The comparison options behind the opaque fsim_compare_options of the public API
 * (include/frontsim/compare.h); set by name in compare_options.c. */
#ifndef FSIM_EXPERIMENT_COMPARE_OPTIONS_H
#define FSIM_EXPERIMENT_COMPARE_OPTIONS_H

#include "frontsim/compare.h"
#include "run_options.h"

struct fsim_compare_options {
  /* seed and replications (from the base unless set), threads, series kept,
   * progress, stop: as for a run */
  fsim_run_options run;
  const char *target_metric; /* NULL: no target */
  double target_halfwidth;
  long max_replications; /* 0: 1,000,000 */
};

void fsim_compare_options_init(fsim_compare_options *opt);

#endif
