/* The run options behind the opaque fsim_run_options of the public API
 * (include/frontsim/run.h): the library's own code and the white-box tests fill the
 * struct directly; everyone else sets options by name (run_options.c). */
#ifndef FSIM_MODEL_RUN_OPTIONS_H
#define FSIM_MODEL_RUN_OPTIONS_H

#include <stdint.h>

#include "frontsim/run.h"

struct fsim_run_options {
  long replications; /* 0: the scenario's run.replications */
  int has_seed;      /* 1: use `seed` instead of run.seed */
  uint64_t seed;
  int threads;     /* 0: OpenMP's default; results do not depend on it */
  int keep_series; /* 1: keep daily series for percentiles (run); 0: metrics only */
  /* With keep_series, which variables: NULL or "all", "none", or names separated by
   * commas as fsim_results_series_name spells them ("kursk.blue_personnel"). An
   * unknown name fails the run (FSIM_E_INPUT) before any replication. */
  const char *series;
  /* Up to this many replications (0: 10,000) the series' statistics are exact and
   * fsim_results_series_value reads every replication; beyond, they come from
   * summaries of bounded memory (docs/VALIDATION.md) and it returns NaN. */
  long series_exact_max;
  uint64_t point;         /* p in the seeding hash (docs/MODEL.md 11): 0 for a run, and
                             for every point of a sweep too (common random numbers);
                             another value gives independent streams */
  long first_replication; /* index of the first replication (to extend a run) */
  /* Called from one thread now and then; may be NULL. A non-zero return cancels. */
  fsim_progress_fn progress;
  void *progress_ctx;
  /* The library's own cancellation (a sweep stopping the run of its point): when
   * non-NULL and set non-zero, the run stops between replications and returns
   * FSIM_E_INTERRUPTED. The results keep the flag: fsim_results_write_dir of them
   * stops too (FSIM_E_INTERRUPTED, nothing written). Not in the public API, whose
   * callers cancel through `progress`. */
  volatile int *stop;
};

/* The table of the run options (optable.h), which a comparison's options embed. */
struct fsim_opt_table;
extern const struct fsim_opt_table fsim_run_option_table;

/* The defaults: every field 0 but keep_series. */
void fsim_run_options_init(fsim_run_options *opt);

#endif
