/* Paired comparison of two scenarios under common random numbers: both are run
 * with the same seed and replications, so replication r of A and of B share their
 * random streams and the difference B - A is measured with far less noise than
 * two independent runs would give. */
#ifndef FRONTSIM_COMPARE_H
#define FRONTSIM_COMPARE_H

#include "frontsim/export.h"

#include "frontsim/run.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Runs A and B with `opt` (seed and replications from A unless set in opt) and
 * writes dir: a/ and b/ (full run outputs), compare.csv and compare.txt. */
FSIM_API fsim_status fsim_compare(const fsim_scenario *a, const fsim_scenario *b,
                                  const fsim_run_options *opt, const char *dir,
                                  const char *command_line, fsim_error *err);

#ifdef __cplusplus
}
#endif
#endif
