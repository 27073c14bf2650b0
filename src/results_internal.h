/* The results of a run, as the writers and statistics see them. */
#ifndef FRONTSIM_RESULTS_INTERNAL_H
#define FRONTSIM_RESULTS_INTERNAL_H

#include "engine.h"
#include "frontsim/run.h"

struct fsim_results {
  fsim_engine eng; /* names and layout; borrows the scenario */
  long nreps;
  uint64_t seed;
  uint64_t point;
  long first_rep;
  int threads_used;
  double *metrics;   /* [rep * nmetrics + m] */
  uint64_t *rep_key; /* [rep] */
  float *series;     /* [(v * (D + 1) + d) * nreps + rep], or NULL */
};

#endif
