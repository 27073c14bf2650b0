/* Read-only accessors of a loaded scenario. */
#include "scenario_internal.h"

const char *fsim_scenario_source(const fsim_scenario *sc) { return sc->source; }
int fsim_scenario_days(const fsim_scenario *sc) { return sc->run.days; }
int fsim_scenario_replications(const fsim_scenario *sc) { return sc->run.replications; }
unsigned long long fsim_scenario_seed(const fsim_scenario *sc) {
  return (unsigned long long)sc->run.seed;
}
const char *fsim_scenario_rng(const fsim_scenario *sc) { return sc->run.rng; }
const char *fsim_scenario_start_date(const fsim_scenario *sc) { return sc->run.start_date; }
int fsim_scenario_nsectors(const fsim_scenario *sc) { return sc->nsectors; }
const char *fsim_scenario_sector_name(const fsim_scenario *sc, int i) {
  return i >= 0 && i < sc->nsectors ? sc->sectors[i].name : NULL;
}
int fsim_scenario_nformations(const fsim_scenario *sc) { return sc->nformations; }
const char *fsim_scenario_formation_name(const fsim_scenario *sc, int i) {
  return i >= 0 && i < sc->nformations ? sc->formations[i].name : NULL;
}
const char *fsim_scenario_side_name(const fsim_scenario *sc, int side) {
  return side >= 0 && side < FSIM_NSIDES ? sc->sides.side[side].name : NULL;
}
