/* The results of a run: the shape of what was measured (the scenario it borrows,
 * the layout of its metrics and series, the days) and the values. This is what
 * the layers above the model (output, experiment) see of a run; the engine that
 * produced it is private to src/model and gone once fsim_run returns. */
#ifndef FRONTSIM_RESULTS_H
#define FRONTSIM_RESULTS_H

#include <stdint.h>

#include "frontsim/run.h"
#include "layout.h"
#include "run_options.h"
#include "series_store.h"

struct fsim_results {
  const fsim_scenario *sc; /* borrowed: must outlive the results */
  fsim_layout layout;      /* owned: names and positions of metrics and series */
  int days;                /* D: series hold days 0..D */
  long nreps;
  uint64_t seed;
  uint64_t point;
  long first_rep;
  int threads_used;
  volatile int *stop; /* the run's stop flag (may be NULL): also stops the writing */
  double *metrics;   /* [rep * nmetrics + m] */
  uint64_t *rep_key; /* [rep] */
  fsim_series_store ser; /* the daily series kept (ser.nsel = 0: none) */
};

/* A results record with its layout built and no values yet (fsim_run fills it). */
fsim_status fsim_results_new(const fsim_scenario *sc, fsim_results **out, fsim_error *err);

/* Appends the replications of `more` to `res`: both of the same scenario, seed and
 * point, metrics only (no series), `more` starting where `res` ends. `more` is
 * left as it was (the caller frees it). */
fsim_status fsim_results_extend(fsim_results *res, const fsim_results *more, fsim_error *err);

#endif
