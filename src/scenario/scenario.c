/* The scenario layer (src/scenario): from a libconfig file, with --set overrides, to
 * a validated, immutable fsim_scenario. The settings table (schema.c, with the kinds'
 * operations of kinds.c) says what every setting is; load.c reads the file once and
 * walks it against the table (walk.c), diagnose.c explains what libconfig does not,
 * resolve.c and sweep_resolve.c check what involves several settings; write.c and
 * settings_doc.c write the scenario and the reference back from the same table; the
 * layout (layout.c, metric_table.c) names what a scenario yields. Above core only.
 *
 * This file: read-only accessors of a loaded scenario. */
#include "scenario_internal.h"

/* A NULL scenario or an index out of range answers NULL or 0 rather than crash the
 * host (docs/API.md). */
const char *fsim_scenario_source(const fsim_scenario *sc) { return sc ? sc->source : NULL; }
const char *fsim_scenario_label(const fsim_scenario *sc) { return sc ? sc->run.label : NULL; }
const char *fsim_scenario_whatif(const fsim_scenario *sc) { return sc ? sc->whatif : NULL; }
int fsim_scenario_days(const fsim_scenario *sc) { return sc ? sc->run.days : 0; }
int fsim_scenario_replications(const fsim_scenario *sc) { return sc ? sc->run.replications : 0; }
unsigned long long fsim_scenario_seed(const fsim_scenario *sc) {
  return sc ? (unsigned long long)sc->run.seed : 0;
}
const char *fsim_scenario_rng(const fsim_scenario *sc) { return sc ? sc->run.rng : NULL; }
const char *fsim_scenario_start_date(const fsim_scenario *sc) {
  return sc ? sc->run.start_date : NULL;
}
int fsim_scenario_nsectors(const fsim_scenario *sc) { return sc ? sc->nsectors : 0; }
const char *fsim_scenario_sector_name(const fsim_scenario *sc, int i) {
  return sc && i >= 0 && i < sc->nsectors ? sc->sectors[i].name : NULL;
}
int fsim_scenario_nformations(const fsim_scenario *sc) { return sc ? sc->nformations : 0; }
const char *fsim_scenario_formation_name(const fsim_scenario *sc, int i) {
  return sc && i >= 0 && i < sc->nformations ? sc->formations[i].name : NULL;
}
const char *fsim_scenario_side_name(const fsim_scenario *sc, int side) {
  return sc && side >= 0 && side < FSIM_NSIDES ? sc->sides.side[side].name : NULL;
}
