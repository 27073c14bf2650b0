/* Running replications of a scenario and reading their results. */
#ifndef FRONTSIM_RUN_H
#define FRONTSIM_RUN_H

#include <stdint.h>

#include "frontsim/error.h"
#include "frontsim/scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fsim_run_options {
  long replications;       /* 0: the scenario's run.replications */
  int has_seed;            /* 1: use `seed` instead of run.seed */
  uint64_t seed;
  int threads;             /* 0: OpenMP's default; results do not depend on it */
  int keep_series;         /* 1: keep daily series for percentiles (run); 0: metrics only */
  /* With keep_series, which variables: NULL or "all", "none", or names separated by
   * commas as fsim_results_series_name spells them ("kursk.blue_personnel"). An
   * unknown name fails the run (FSIM_E_INPUT) before any replication. */
  const char *series;
  /* Up to this many replications (0: 10,000) the series' statistics are exact and
   * fsim_results_series_value reads every replication; beyond, they come from
   * summaries of bounded memory (docs/VALIDATION.md) and it returns NaN. */
  long series_exact_max;
  uint64_t point;          /* p in the seeding hash (docs/MODEL.md 11): 0 for a run, and
                              for every point of a sweep too (common random numbers);
                              another value gives independent streams */
  long first_replication;  /* index of the first replication (to extend a run) */
  /* Called from one thread now and then; may be NULL. */
  void (*progress)(void *ctx, long done, long total);
  void *progress_ctx;
  /* When non-NULL and set non-zero (e.g. by a signal handler), the run stops
   * between replications and returns FSIM_E_INTERRUPTED. The results keep the flag:
   * fsim_results_write_dir of them stops too (FSIM_E_INTERRUPTED, nothing written). */
  volatile int *stop;
} fsim_run_options;

void fsim_run_options_init(fsim_run_options *opt);

typedef struct fsim_results fsim_results;

fsim_status fsim_run(const fsim_scenario *sc, const fsim_run_options *opt, fsim_results **out,
                     fsim_error *err);
void fsim_results_free(fsim_results *res);

/* Runs with more and more replications until the 95% CI half-width of `metric` is
 * at most `halfwidth` (or max_reps is reached; *reached tells). Replication keys do
 * not depend on the total, so the result equals a plain run of the final number. */
fsim_status fsim_run_target(const fsim_scenario *sc, const fsim_run_options *opt,
                            const char *metric, double halfwidth, long max_reps,
                            fsim_results **out, int *reached, fsim_error *err);

long fsim_results_replications(const fsim_results *res);
uint64_t fsim_results_seed(const fsim_results *res);
/* The seed key of one replication (recorded in replications.csv). */
uint64_t fsim_results_rep_seed(const fsim_results *res, long rep);

/* Summary metrics, one value per replication (NaN where undefined, e.g. the day a
 * route was cut in a replication where it was not). */
int fsim_results_nmetrics(const fsim_results *res);
const char *fsim_results_metric_name(const fsim_results *res, int m);
int fsim_results_metric_index(const fsim_results *res, const char *name); /* -1: none */
double fsim_results_value(const fsim_results *res, long rep, int m);

/* Daily series (only with keep_series): variable v on day d (0 = initial state);
 * NaN for a variable not kept, or beyond series_exact_max replications. */
int fsim_results_nseries(const fsim_results *res);
const char *fsim_results_series_name(const fsim_results *res, int v);
int fsim_results_series_index(const fsim_results *res, const char *name); /* -1: none */
double fsim_results_series_value(const fsim_results *res, int v, int day, long rep);

/* Writes the output directory of a run (docs/USAGE.md) atomically: files go to a temporary
 * directory that replaces `dir` only when complete; an earlier frontsim output in
 * `dir` is replaced, anything else there is refused. */
fsim_status fsim_results_write_dir(const fsim_results *res, const fsim_scenario *sc,
                                   const char *dir, const char *command_line, fsim_error *err);

/* The tables' shapes: wide (one column per metric statistic or per variable
 * statistic; always written, the charts read them) and, with FSIM_FORMAT_LONG, the
 * long tables beside them (summary_long.csv, series_long.csv: docs/USAGE.md). */
typedef enum fsim_format { FSIM_FORMAT_WIDE = 0, FSIM_FORMAT_LONG } fsim_format;
fsim_status fsim_results_write_dir_as(const fsim_results *res, const fsim_scenario *sc,
                                      const char *dir, const char *command_line,
                                      fsim_format format, fsim_error *err);

#ifdef __cplusplus
}
#endif
#endif
