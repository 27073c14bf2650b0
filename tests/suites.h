/* Every Check suite: check_<module>.c exports <module>_suite(). */
#ifndef FRONTSIM_TEST_SUITES_H
#define FRONTSIM_TEST_SUITES_H

#include <check.h>

#define FSIM_SUITES FSIM_SUITE(scenario) FSIM_SUITE(model) FSIM_SUITE(policy) FSIM_SUITE(runner) FSIM_SUITE(stats) FSIM_SUITE(design) FSIM_SUITE(samplers) FSIM_SUITE(fit) FSIM_SUITE(plot) FSIM_SUITE(validation)

#define FSIM_SUITE(name) Suite *name##_suite(void);
FSIM_SUITES
#undef FSIM_SUITE

#endif
