/* Sweeps: many design points of one scenario, each run for a number of
 * replications, collected into sweep.csv (and sensitivity.csv for sobol).
 * Crash-safe: each finished point is appended to a journal and flushed, so an
 * interrupted sweep resumes without redoing finished points. */
#ifndef FRONTSIM_SWEEP_H
#define FRONTSIM_SWEEP_H

#include <stdint.h>
#include <stdio.h>

#include "frontsim/error.h"
#include "frontsim/scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fsim_sweep fsim_sweep;

typedef struct fsim_sweep_options {
  long replications; /* per point; 0: the scenario's sweep.replications */
  int threads;       /* 0: OpenMP default; results do not depend on it */
  int resume;        /* continue an interrupted sweep in the same output */
  int shard_k, shard_n; /* run points p with p % n == k - 1 (1 <= k <= n); n = 0: all */
  void (*progress)(void *ctx, long done, long total);
  void *progress_ctx;
  volatile int *stop;
  const char *command_line;
  int long_format;   /* also write sweep_long.csv (a row per point, metric and statistic) */
} fsim_sweep_options;

void fsim_sweep_options_init(fsim_sweep_options *opt);

/* Loads the scenario (its sweep section, or --param from ov), builds the design and
 * validates every point before any work starts. */
fsim_status fsim_sweep_prepare(const char *scenario_path, const fsim_overrides *ov,
                               fsim_sweep **out, fsim_error *err);
void fsim_sweep_free(fsim_sweep *sw);
long fsim_sweep_points(const fsim_sweep *sw);

/* Runs the points into `dir` (sweep.csv, design.csv, scenario.cfg, sensitivity.csv);
 * with a shard, the directory holds that shard's journal for `frontsim merge`. */
fsim_status fsim_sweep_run(fsim_sweep *sw, const fsim_sweep_options *opt, const char *dir,
                           fsim_error *err);

/* The same, step by step, for other schedulers (the MPI driver): begin opens the
 * output (resuming when asked); next hands out the points still to do (-1 at the
 * end); point_record runs one point and gives its record (valid until the next
 * call); add journals a record (from any worker); finish writes the results.
 * With dir NULL, begin gives a worker's job: point_record only, no files. */
typedef struct fsim_sweep_job fsim_sweep_job;
fsim_status fsim_sweep_begin(fsim_sweep *sw, const fsim_sweep_options *opt, const char *dir,
                             fsim_sweep_job **out, fsim_error *err);
long fsim_sweep_job_next(fsim_sweep_job *job);
long fsim_sweep_job_remaining(const fsim_sweep_job *job);
fsim_status fsim_sweep_point_record(fsim_sweep_job *job, long p, const char **record,
                                    fsim_error *err);
fsim_status fsim_sweep_job_add(fsim_sweep_job *job, const char *record, fsim_error *err);
fsim_status fsim_sweep_job_finish(fsim_sweep_job *job, fsim_error *err);
void fsim_sweep_job_free(fsim_sweep_job *job);

/* Writes to `out` one line per metric of dir/sweep.csv: the range of its point means
 * across the points and where they are ("constant: v" when every point gives the
 * same). `frontsim sweep` ends with it. */
fsim_status fsim_sweep_summarize(const char *dir, FILE *out, fsim_error *err);

/* Joins shard directories into one output identical to an unsharded run. */
fsim_status fsim_sweep_merge(const char *out_dir, const char *const *shard_dirs, int nshards,
                             const char *command_line, fsim_error *err);

#ifdef __cplusplus
}
#endif
#endif
