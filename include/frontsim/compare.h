/* Paired comparison of scenarios under common random numbers: a base and one or
 * more what-ifs are run with the same seed and replications, so replication r of
 * each shares its random streams and every difference what-if - base is measured
 * with far less noise than independent runs would give. */
#ifndef FRONTSIM_COMPARE_H
#define FRONTSIM_COMPARE_H

#include <stddef.h>

#include "frontsim/run.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The base and at most seven what-ifs: one Okabe-Ito colour each on the charts. */
#define FSIM_COMPARE_MAX 8

typedef struct fsim_compare_options {
  /* seed and replications (from the base unless set), threads, series kept,
   * progress, stop: as for a run */
  fsim_run_options run;
  /* With a metric: replications are added to all scenarios alike until the 95% CI
   * of every paired difference of that metric is at most target_halfwidth wide on
   * either side (or max_replications, 0: 1,000,000, is reached). */
  const char *target_metric;
  double target_halfwidth;
  long max_replications;
} fsim_compare_options;

void fsim_compare_options_init(fsim_compare_options *opt);

/* What a comparison did: the replications each scenario ran, and whether the
 * target (if any) was reached. */
typedef struct fsim_compare_outcome {
  long replications;
  int reached;
} fsim_compare_outcome;

/* Runs sc[0] (the base) and sc[1..n) (the what-ifs), 2 <= n <= FSIM_COMPARE_MAX,
 * and writes dir whole (docs/USAGE.md): a/, b/, ... (each a run's output
 * directory, series included), compare.csv, compare.txt and frontsim.meta. Labels
 * must differ (FSIM_E_INPUT before any work). */
fsim_status fsim_compare_run(const fsim_scenario *const *sc, int n,
                             const fsim_compare_options *opt, const char *dir,
                             const char *command_line, fsim_compare_outcome *outcome,
                             fsim_error *err);

/* What a comparison's output is of, as recorded in its frontsim.meta and checked
 * before it is replaced: the labels joined by " vs " (long ones shortened, with a
 * hash of the whole). */
void fsim_compare_label(const fsim_scenario *const *sc, int n, char *buf, size_t size);
/* Its default directory name: "compare-" and each label's directory name
 * (fsim_label_dirname), joined by '-'; shortened, with a hash, when long. */
void fsim_compare_dirname(const fsim_scenario *const *sc, int n, char *buf, size_t size);

#ifdef __cplusplus
}
#endif
#endif
