/* Rounds of replications until a confidence interval is narrow enough: the
 * machinery of `frontsim run --target-ci` (fsim_run_target), shared with the
 * comparison's target on a paired difference (compare.c). */
#ifndef FRONTSIM_RUN_TARGET_H
#define FRONTSIM_RUN_TARGET_H

#include "frontsim/run.h"

/* The half-width to bring down, measured on the replications run so far: res[i]
 * holds those of scenario i, all of the same count. */
typedef fsim_status (*fsim_target_width_fn)(void *ctx, fsim_results *const *res, int nres,
                                            double *halfwidth, fsim_error *err);

/* Index of `metric` in the metrics of sc, before any replication runs; an unknown
 * name is FSIM_E_INPUT naming --target-ci, with the nearest metric offered. */
fsim_status fsim_target_metric(const fsim_scenario *sc, const char *metric, int *index,
                               fsim_error *err);

/* Runs the nsc scenarios with opt (metrics only) for opt->replications (at least
 * 10), then adds replications to all alike until width() is at most `halfwidth`
 * or max_reps is reached (*reached tells). Replication r draws the same numbers
 * whatever the total, so out[i] equals a plain run of the final count; the caller
 * frees out[0..nsc). */
fsim_status fsim_target_rounds(const fsim_scenario *const *sc, int nsc,
                               const fsim_run_options *opt, long max_reps, double halfwidth,
                               fsim_target_width_fn width, void *ctx, fsim_results **out,
                               int *reached, fsim_error *err);

#endif
