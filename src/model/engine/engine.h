/* The engine's life cycle: compile a scenario, allocate a replica per thread, run
 * replications. Private to src/model (run.c) and to the white-box tests and the
 * benchmark. */
#ifndef FRONTSIM_ENGINE_H
#define FRONTSIM_ENGINE_H

#include "state.h"

fsim_status fsim_engine_init(fsim_engine *eng, const fsim_scenario *sc, fsim_error *err);
void fsim_engine_destroy(fsim_engine *eng);

fsim_replica *fsim_replica_new(const fsim_engine *eng);
void fsim_replica_free(fsim_replica *rp);

/* Runs one replication from day 0 to the end. `series` (may be NULL) receives day
 * d's values of the variables var[0..nvar) (var NULL: every variable, nvar of them)
 * at series[d * nvar + k], a day at a time; metrics land in rp->metrics. */
void fsim_replicate(fsim_replica *rp, uint64_t rep_key, float *series, const int *var,
                    int nvar);

#endif
