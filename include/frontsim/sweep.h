/* Sweeps: many design points of one scenario, each run for a number of
 * replications, collected into sweep.csv (and sensitivity.csv for sobol, morris.csv
 * for morris).
 * Crash-safe: each finished point is appended to a journal and flushed, so an
 * interrupted sweep resumes without redoing finished points. */
#ifndef FRONTSIM_SWEEP_H
#define FRONTSIM_SWEEP_H

#include "frontsim/export.h"

#include <stdint.h>
#include <stdio.h>

#include "frontsim/error.h"
#include "frontsim/run.h"
#include "frontsim/scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fsim_sweep fsim_sweep;

/* Options of a sweep, opaque and set by name (docs/API.md lists them):
 * "replications" (per point; 0: the scenario's sweep.replications), "threads"
 * (0: OpenMP's default; results do not depend on it), "resume" (1: continue an
 * interrupted sweep in the same output), "shard" ("K/N": run the points p with
 * p % N == K - 1; "" for all), "command_line" (recorded in the outputs) and
 * "long_format" (1: also write sweep_long.csv, a row per point, metric and statistic). */
typedef struct fsim_sweep_options fsim_sweep_options;
/* NULL when memory ran out. */
FSIM_API fsim_sweep_options *fsim_sweep_options_new(void);
FSIM_API void fsim_sweep_options_free(fsim_sweep_options *opt);
FSIM_API fsim_status fsim_sweep_options_set(fsim_sweep_options *opt, const char *name,
                                            const char *value, fsim_error *err);
FSIM_API fsim_status fsim_sweep_options_get(const fsim_sweep_options *opt, const char *name,
                                            char *buf, size_t size, fsim_error *err);
/* Called after each point with the points done and the total; a non-zero return
 * stops the sweep after the point (FSIM_E_INTERRUPTED; --resume goes on). */
FSIM_API void fsim_sweep_options_set_progress(fsim_sweep_options *opt, fsim_progress_fn fn,
                                              void *ctx);

/* Loads the scenario (its sweep section, or --param from ov), builds the design and
 * validates every point before any work starts. */
FSIM_API fsim_status fsim_sweep_prepare(const char *scenario_path, const fsim_overrides *ov,
                                        fsim_sweep **out, fsim_error *err);
/* The checks of fsim_sweep_prepare that need no design: the scenario loads, and each
 * level of a categorical parameter is a valid value of its setting (frontsim check
 * of a scenario with a sweep section). */
FSIM_API fsim_status fsim_sweep_check(const char *scenario_path, const fsim_overrides *ov,
                                      fsim_error *err);
FSIM_API void fsim_sweep_free(fsim_sweep *sw);
FSIM_API long fsim_sweep_points(const fsim_sweep *sw);

/* Runs the points into `dir` (sweep.csv, design.csv, scenario.cfg, sensitivity.csv or
 * morris.csv); with a shard, the directory holds that shard's journal for `frontsim merge`. */
FSIM_API fsim_status fsim_sweep_run(fsim_sweep *sw, const fsim_sweep_options *opt, const char *dir,
                                    fsim_error *err);

/* The same, step by step, for other schedulers (the MPI driver): begin opens the
 * output (resuming when asked); next hands out the points still to do (-1 at the
 * end); point_record runs one point and gives its record (valid until the next
 * call); add journals a record (from any worker); finish writes the results.
 * With dir NULL, begin gives a worker's job: point_record only, no files. */
typedef struct fsim_sweep_job fsim_sweep_job;
FSIM_API fsim_status fsim_sweep_begin(fsim_sweep *sw, const fsim_sweep_options *opt,
                                      const char *dir, fsim_sweep_job **out, fsim_error *err);
FSIM_API long fsim_sweep_job_next(fsim_sweep_job *job);
FSIM_API long fsim_sweep_job_remaining(const fsim_sweep_job *job);
FSIM_API fsim_status fsim_sweep_point_record(fsim_sweep_job *job, long p, const char **record,
                                             fsim_error *err);
FSIM_API fsim_status fsim_sweep_job_add(fsim_sweep_job *job, const char *record, fsim_error *err);
FSIM_API fsim_status fsim_sweep_job_finish(fsim_sweep_job *job, fsim_error *err);
FSIM_API void fsim_sweep_job_free(fsim_sweep_job *job);

/* Writes to `out` one line per metric of dir/sweep.csv: the range of its point means
 * across the points and where they are ("constant: v" when every point gives the
 * same). `frontsim sweep` ends with it. */
FSIM_API fsim_status fsim_sweep_summarize(const char *dir, FILE *out, fsim_error *err);
/* The same as text in memory (*out, freed with fsim_free). */
FSIM_API fsim_status fsim_sweep_summary_text(const char *dir, char **out, fsim_error *err);
/* A sobol sweep of `points` points in dir: one warning line to `out` when its base
 * sample is too small for its indices to be read (an index's 95% interval wider than
 * 0.25), with the --points that would narrow them; nothing otherwise, nor for
 * another method. `frontsim sweep` prints it, even with --quiet. */
FSIM_API fsim_status fsim_sweep_sobol_warning(const char *dir, long points, FILE *out,
                                              fsim_error *err);

/* Joins shard directories into one output identical to an unsharded run. */
FSIM_API fsim_status fsim_sweep_merge(const char *out_dir, const char *const *shard_dirs,
                                      int nshards, const char *command_line, fsim_error *err);

#ifdef __cplusplus
}
#endif
#endif
