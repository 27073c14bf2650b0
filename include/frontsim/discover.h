/* Scenario discovery: where in a sweep's parameter space does a condition hold?
 * PRIM (peeling and pasting) on the points of a finished sweep (docs/DISCOVERY.md). */
#ifndef FRONTSIM_DISCOVER_H
#define FRONTSIM_DISCOVER_H

#include "frontsim/export.h"

#include "frontsim/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Options, set by name (docs/API.md): "where" ("METRIC OP VALUE", e.g.
 * "pokrovsk.route_cut < 0.4": the metric's mean at each point, or any column of
 * sweep.csv; OP one of < <= > >=), "peel" and "paste" (the share of a box's points a
 * step removes or adds; 0.05), "min_mass" (peeling stops before a box holds fewer of
 * the points; 0.05), "holdout" (the share of points kept out of the fit to check the
 * box on; 0.25), "box" (the step of the peeling trajectory to report; -1: the one
 * with the best balance of coverage and density), "baseline" (a point number: the
 * condition reads each point's metric minus the baseline point's), "against" (a
 * second sweep directory of the same design: the condition reads the metric minus
 * that sweep's at the same point) and "seed" (of the held-out split). */
typedef struct fsim_discover_options fsim_discover_options;
FSIM_API fsim_discover_options *fsim_discover_options_new(void);
FSIM_API void fsim_discover_options_free(fsim_discover_options *opt);
FSIM_API fsim_status fsim_discover_options_set(fsim_discover_options *opt, const char *name,
                                               const char *value, fsim_error *err);
FSIM_API fsim_status fsim_discover_options_get(const fsim_discover_options *opt,
                                               const char *name, char *buf, size_t size,
                                               fsim_error *err);

/* Reads the sweep in sweep_dir, runs PRIM and writes out_dir (replacing an earlier
 * frontsim output only): discover.txt, trajectory.csv, box.csv and points.csv. */
FSIM_API fsim_status fsim_discover(const char *sweep_dir, const fsim_discover_options *opt,
                                   const char *out_dir, const char *command_line,
                                   fsim_error *err);

#ifdef __cplusplus
}
#endif
#endif
