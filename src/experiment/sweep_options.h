/* The sweep options behind the opaque fsim_sweep_options of the public API
 * (include/frontsim/sweep.h); set by name in sweep_options.c. */
#ifndef FSIM_EXPERIMENT_SWEEP_OPTIONS_H
#define FSIM_EXPERIMENT_SWEEP_OPTIONS_H

#include "frontsim/sweep.h"

struct fsim_sweep_options {
  long replications;    /* per point; 0: the scenario's sweep.replications */
  int threads;          /* 0: OpenMP default; results do not depend on it */
  int resume;           /* continue an interrupted sweep in the same output */
  int force;            /* without resume: discard an interrupted sweep's points */
  int shard_k, shard_n; /* run points p with p % n == k - 1 (1 <= k <= n); n = 0: all */
  fsim_progress_fn progress; /* after each point; a non-zero return stops the sweep */
  void *progress_ctx;
  /* The library's own stop flag (not in the public API): when set, the sweep stops
   * between points and the point's run between replications. */
  volatile int *stop;
  const char *command_line;
  int long_format; /* also write sweep_long.csv (a row per point, metric and statistic) */
};

void fsim_sweep_options_init(fsim_sweep_options *opt);

#endif
