/* Internal steps of scenario loading. */
#ifndef FRONTSIM_SCENARIO_LOAD_H
#define FRONTSIM_SCENARIO_LOAD_H

#include <libconfig.h>

#include "scenario_internal.h"

/* Fills sc from the tree under root by walking the settings table (walk.c); name is
 * the file of settings that carry none. */
fsim_status fsim_walk_scenario(const config_setting_t *root, const char *name,
                               fsim_scenario *sc, fsim_error *err);

/* Resolves names to indices, derives dates, adds the implicit reserve formations
 * and checks everything that involves more than one setting. cfg is the tree the
 * scenario was read from (for file and line of each complaint). */
fsim_status fsim_scenario_resolve(fsim_scenario *sc, config_t *cfg, const char *name,
                                  fsim_error *err);

/* Checks the sweep section (sweep_resolve.c). */
fsim_status fsim_sweep_resolve(fsim_scenario *sc, config_t *cfg, const char *name,
                               fsim_error *err);

/* Checks the optimize section (optimize_resolve.c). */
fsim_status fsim_optimize_resolve(fsim_scenario *sc, config_t *cfg, const char *name,
                                  fsim_error *err);

#endif
