/* Helpers shared by the Check suites. */
#ifndef FRONTSIM_TESTUTIL_H
#define FRONTSIM_TESTUTIL_H

#include "frontsim/frontsim.h"
/* The suites are white-box: they fill the options structs directly. */
#include "compare_options.h"
#include "plot_options.h"
#include "run_options.h"
#include "sweep_options.h"

/* Loads scenario text (fails the test on error). */
fsim_scenario *tu_load(const char *text);
/* Runs with the given replications and threads, keeping series. */
fsim_results *tu_run(const fsim_scenario *sc, long reps, int threads);
/* The same, with or without series (threads 0: all that OpenMP offers). */
fsim_results *tu_run_opt(const fsim_scenario *sc, long reps, int threads, int keep_series);
/* Mean over replications of series `name` on `day`. */
double tu_series_mean(const fsim_results *res, const char *name, int day);
/* Mean over replications and days 1..D of series `name`. */
double tu_series_grand_mean(const fsim_results *res, const char *name, int days);
/* Mean over replications of metric `name`. */
double tu_metric_mean(const fsim_results *res, const char *name);

/* The smallest valid scenario: one sector "s", formations "b" (blue) and "r" (red). */
extern const char tu_minimal[];

/* Two sectors, k_1 with a held area and p-2 with a supply route, four formations,
 * two events, a diversion (testutil.c): the charts' and the layout's fixture. */
extern const char tu_two_sectors[];

#endif
