/* Running replications of a scenario and reading their results. */
#ifndef FRONTSIM_RUN_H
#define FRONTSIM_RUN_H

#include "frontsim/export.h"

#include <stdint.h>

#include "frontsim/error.h"
#include "frontsim/scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Progress and cancellation: called now and then from one thread with the work
 * done and the total. A non-zero return cancels: the call stops soon after (between
 * replications, points or charts) and returns FSIM_E_INTERRUPTED, with nothing
 * written. The callback must not call back into the library. */
typedef int (*fsim_progress_fn)(void *ctx, long done, long total);

/* Options of a run, opaque and set by name, so that adding one changes no ABI
 * (docs/API.md lists them): "replications" (0: the scenario's run.replications),
 * "seed" (instead of run.seed), "threads" (0: OpenMP's default; results do not
 * depend on it), "series" ("all", "none" or variable names separated by commas,
 * as fsim_results_series_name spells them), "series_exact_max" (up to this many
 * replications the series' statistics are exact; 0: 10,000), "point" (p in the
 * seeding hash, docs/MODEL.md 11) and "first_replication" (to extend a run). */
typedef struct fsim_run_options fsim_run_options;
/* NULL when memory ran out. */
FSIM_API fsim_run_options *fsim_run_options_new(void);
FSIM_API void fsim_run_options_free(fsim_run_options *opt);
/* Sets option `name` from text ("1000", "all"); FSIM_E_INPUT naming the option and
 * what it expects, with "did you mean" for a misspelt name. */
FSIM_API fsim_status fsim_run_options_set(fsim_run_options *opt, const char *name,
                                          const char *value, fsim_error *err);
/* The option's value as text, in the form fsim_run_options_set reads. */
FSIM_API fsim_status fsim_run_options_get(const fsim_run_options *opt, const char *name,
                                          char *buf, size_t size, fsim_error *err);
FSIM_API void fsim_run_options_set_progress(fsim_run_options *opt, fsim_progress_fn fn,
                                            void *ctx);

typedef struct fsim_results fsim_results;

FSIM_API fsim_status fsim_run(const fsim_scenario *sc, const fsim_run_options *opt,
                              fsim_results **out, fsim_error *err);
FSIM_API void fsim_results_free(fsim_results *res);

/* Runs with more and more replications until the 95% CI half-width of `metric` is
 * at most `halfwidth` (or max_reps is reached; *reached tells). Replication keys do
 * not depend on the total, so the result equals a plain run of the final number. */
FSIM_API fsim_status fsim_run_target(const fsim_scenario *sc, const fsim_run_options *opt,
                                     const char *metric, double halfwidth, long max_reps,
                                     fsim_results **out, int *reached, fsim_error *err);

/* The accessors answer 0, NULL, -1 or NaN for a NULL record, an index out of range
 * or an unknown name. */
FSIM_API long fsim_results_replications(const fsim_results *res);
/* run.days: the series have days + 1 values (day 0, the initial state, to the last). */
FSIM_API int fsim_results_days(const fsim_results *res);
FSIM_API uint64_t fsim_results_seed(const fsim_results *res);
/* The seed key of one replication (recorded in replications.csv). */
FSIM_API uint64_t fsim_results_rep_seed(const fsim_results *res, long rep);

/* Summary metrics, one value per replication (NaN where undefined, e.g. the day a
 * route was cut in a replication where it was not). */
FSIM_API int fsim_results_nmetrics(const fsim_results *res);
FSIM_API const char *fsim_results_metric_name(const fsim_results *res, int m);
FSIM_API int fsim_results_metric_index(const fsim_results *res, const char *name); /* -1: none */
FSIM_API double fsim_results_value(const fsim_results *res, long rep, int m);

/* Daily series (only with keep_series): variable v on day d (0 = initial state);
 * NaN for a variable not kept, or beyond series_exact_max replications. */
FSIM_API int fsim_results_nseries(const fsim_results *res);
FSIM_API const char *fsim_results_series_name(const fsim_results *res, int v);
FSIM_API int fsim_results_series_index(const fsim_results *res, const char *name); /* -1: none */
FSIM_API double fsim_results_series_value(const fsim_results *res, int v, int day, long rep);

/* Bulk copies into the caller's array, which must hold what is asked for:
 * metric m of replications first .. first + count - 1 (count values); every metric
 * of those replications, replication by replication (count x nmetrics values); or
 * series variable v of those replications, replication by replication, days + 1
 * values each (FSIM_E_INPUT when the run did not keep it replication by
 * replication). FSIM_E_INPUT for a range or index out of bounds, NULL arguments. */
FSIM_API fsim_status fsim_results_metric_column(const fsim_results *res, int m, long first,
                                                long count, double *out, fsim_error *err);
FSIM_API fsim_status fsim_results_metric_block(const fsim_results *res, long first, long count,
                                               double *out, fsim_error *err);
FSIM_API fsim_status fsim_results_series_block(const fsim_results *res, int v, long first,
                                               long count, double *out, fsim_error *err);

/* Writes the output directory of a run (docs/USAGE.md) atomically: files go to a temporary
 * directory that replaces `dir` only when complete; an earlier frontsim output in
 * `dir` is replaced, anything else there is refused. */
FSIM_API fsim_status fsim_results_write_dir(const fsim_results *res, const fsim_scenario *sc,
                                            const char *dir, const char *command_line,
                                            fsim_error *err);

/* The tables' shapes: wide (one column per metric statistic or per variable
 * statistic; always written, the charts read them) and, with FSIM_FORMAT_LONG, the
 * long tables beside them (summary_long.csv, series_long.csv: docs/USAGE.md). */
typedef enum fsim_format { FSIM_FORMAT_WIDE = 0, FSIM_FORMAT_LONG } fsim_format;
FSIM_API fsim_status fsim_results_write_dir_as(const fsim_results *res, const fsim_scenario *sc,
                                      const char *dir, const char *command_line,
                                      fsim_format format, fsim_error *err);

#ifdef __cplusplus
}
#endif
#endif
