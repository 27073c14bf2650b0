/* Paired comparison of scenarios under common random numbers: a base and one or
 * more what-ifs are run with the same seed and replications, so replication r of
 * each shares its random streams and every difference what-if - base is measured
 * with far less noise than independent runs would give. */
#ifndef FRONTSIM_COMPARE_H
#define FRONTSIM_COMPARE_H

#include "frontsim/export.h"

#include <stddef.h>

#include "frontsim/run.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The base and at most seven what-ifs: one Okabe-Ito colour each on the charts. */
#define FSIM_COMPARE_MAX 8

/* Options of a comparison, opaque and set by name (docs/API.md): every run option
 * ("replications" and "seed", from the base unless set; "threads"; "series"; ...) and
 * "target_metric" with "target_halfwidth": replications are added to all scenarios
 * alike until the 95% CI of every paired difference of that metric is at most
 * target_halfwidth wide on either side, or "max_replications" (0: 1,000,000) is
 * reached. */
typedef struct fsim_compare_options fsim_compare_options;
/* NULL when memory ran out. */
FSIM_API fsim_compare_options *fsim_compare_options_new(void);
FSIM_API void fsim_compare_options_free(fsim_compare_options *opt);
FSIM_API fsim_status fsim_compare_options_set(fsim_compare_options *opt, const char *name,
                                              const char *value, fsim_error *err);
FSIM_API fsim_status fsim_compare_options_get(const fsim_compare_options *opt,
                                              const char *name, char *buf, size_t size,
                                              fsim_error *err);
/* Called between replications of each scenario; a non-zero return cancels. */
FSIM_API void fsim_compare_options_set_progress(fsim_compare_options *opt, fsim_progress_fn fn,
                                                void *ctx);

/* Runs sc[0] (the base) and sc[1..n) (the what-ifs), 2 <= n <= FSIM_COMPARE_MAX,
 * and writes dir whole (docs/USAGE.md): a/, b/, ... (each a run's output
 * directory, series included), compare.csv, compare.txt and frontsim.meta. Labels
 * must differ (FSIM_E_INPUT before any work). *replications (may be NULL) is the
 * replications each scenario ran, *reached (may be NULL) whether the target, if
 * any, was reached. opt may be NULL: the base's own seed and replications. */
FSIM_API fsim_status fsim_compare_run(const fsim_scenario *const *sc, int n,
                                      const fsim_compare_options *opt, const char *dir,
                                      const char *command_line, long *replications,
                                      int *reached, fsim_error *err);

/* What a comparison's output is of, as recorded in its frontsim.meta and checked
 * before it is replaced: the labels joined by " vs " (long ones shortened, with a
 * hash of the whole). */
FSIM_API void fsim_compare_label(const fsim_scenario *const *sc, int n, char *buf,
                                 size_t size);
/* Its default directory name: "compare-" and each label's directory name
 * (fsim_label_dirname), joined by '-'; shortened, with a hash, when long. */
FSIM_API void fsim_compare_dirname(const fsim_scenario *const *sc, int n, char *buf,
                                   size_t size);

#ifdef __cplusplus
}
#endif
#endif
