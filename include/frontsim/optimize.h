/* Directed search for the best allocation: decision variables (settings of one side),
 * an objective (a metric's mean, or a weighted sum, to minimise or maximise) and
 * constraints on other metrics, under common random numbers (docs/OPTIMIZE.md). */
#ifndef FRONTSIM_OPTIMIZE_H
#define FRONTSIM_OPTIMIZE_H

#include "frontsim/export.h"

#include "frontsim/error.h"
#include "frontsim/run.h"
#include "frontsim/scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Options, set by name (docs/API.md, docs/OPTIMIZE.md); what they leave unset is
 * taken from the scenario's optimize section, if it has one. Each set of "decision" or
 * "constraint" adds one: "decision" is "PATH=lo:hi" (continuous), "PATH=lo:hi:int"
 * (whole numbers) or "PATH=a,b,c" or "PATH=a|b|c" (a discrete set, enumerated;
 * '|' when a level holds commas); "constraint" is
 * "METRIC OP VALUE" (OP one of < <= > >=, on the metric's mean). "objective" is
 * "min EXPR" or "max EXPR", EXPR a metric or a weighted sum ("0.7*a + 0.3*b").
 * "replications" (per evaluation; 0: the scenario's run.replications), "seed"
 * (instead of run.seed), "budget" (most evaluations the search may simulate; 60),
 * "tolerance" (the simplex size at which the search stops; 1e-3), "step" (the
 * simplex's first step, in the transformed coordinates; 0.5), "fresh_replications"
 * (of the re-estimate; 0: as many as the search), "fresh_seed" (its seed; by default
 * derived from the search's, never equal to it), "threads" (0: OpenMP's default;
 * results do not depend on it), "resume" (0/1: continue from the journal), "discrete"
 * ("enumerate" every combination of the discrete decisions, or "kn": Kim and Nelson's
 * ranking and selection, with "delta" its indifference zone, "confidence" (0.95) and
 * "first_stage" (20) replications before any elimination). */
typedef struct fsim_optimize_options fsim_optimize_options;
FSIM_API fsim_optimize_options *fsim_optimize_options_new(void);
FSIM_API void fsim_optimize_options_free(fsim_optimize_options *opt);
FSIM_API fsim_status fsim_optimize_options_set(fsim_optimize_options *opt, const char *name,
                                               const char *value, fsim_error *err);
FSIM_API fsim_status fsim_optimize_options_get(const fsim_optimize_options *opt,
                                               const char *name, char *buf, size_t size,
                                               fsim_error *err);
/* Progress and cancellation (frontsim/run.h): called with the evaluations done and
 * the budget, after each evaluation and now and then during one; a non-zero return
 * stops the search with FSIM_E_INTERRUPTED, its journal kept for "resume". */
FSIM_API void fsim_optimize_options_set_progress(fsim_optimize_options *opt,
                                                 fsim_progress_fn fn, void *ctx);
/* One search over several processes (MPI ranks): each calls fsim_optimize with the
 * same arguments and this set to its `rank` of `ranks`; each runs its share of every
 * evaluation's replications, and `sum` adds a buffer of n doubles element by element
 * over all processes, in place (MPI_Allreduce with MPI_SUM), returning 0 on success.
 * Only rank 0 writes the output, the journal and the lock; the results are those of
 * one process, byte for byte. Default: rank 0 of 1. */
typedef int (*fsim_sum_fn)(void *ctx, double *buf, long n);
FSIM_API void fsim_optimize_options_set_ranks(fsim_optimize_options *opt, int rank, int ranks,
                                              fsim_sum_fn sum, void *ctx);

/* Checks the optimize section of the scenario at `path` (with `ov`, may be NULL), if
 * it has one, as fsim_optimize would before any replication: the objective and its
 * metrics, every decision's values loaded into the scenario. FSIM_OK when it has none. */
FSIM_API fsim_status fsim_optimize_check(const char *path, const fsim_overrides *ov,
                                         fsim_error *err);

/* Loads the scenario at `path` with `ov` (may be NULL), checks every decision,
 * the objective and the constraints before any replication, searches, re-estimates
 * the best decision on fresh seeds against the scenario as given and writes out_dir
 * (replacing an earlier frontsim output only): optimize.txt, decision.csv,
 * estimate.csv, evaluations.csv. Each evaluation is journaled in
 * out_dir.optimize-journal as it finishes; with "resume" a killed search continues
 * from it to the same result. */
FSIM_API fsim_status fsim_optimize(const char *path, const fsim_overrides *ov,
                                   const fsim_optimize_options *opt, const char *out_dir,
                                   const char *command_line, fsim_error *err);

#ifdef __cplusplus
}
#endif
#endif
