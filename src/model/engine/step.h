/* The steps of a day (day_step.c) and the allocation policies (policy.c), which
 * the engine (engine.c, replicate.c) calls; they work on the state of state.h. */
#ifndef FRONTSIM_STEP_H
#define FRONTSIM_STEP_H

#include "state.h"

void fsim_state_reset(fsim_replica *rp);
void fsim_step_day(fsim_replica *rp, int t);
void fsim_state_aggregate(fsim_replica *rp);
double fsim_route_distance(const fsim_sector_def *d, double x);
void fsim_policies_apply(fsim_replica *rp, int t);
/* What a side believes (perception.c, MODEL.md 8.7): reset with the state, and each
 * morning after the aggregates, before the rules. */
void fsim_perception_reset(fsim_replica *rp);
void fsim_perceive(fsim_replica *rp, int t);
/* The enemy j's attacks in s a day over the last `window` days, and the ground side i
 * lost there over them (km), on morning t. */
double fsim_threat_tempo(const fsim_replica *rp, int s, int j, int window, int t);
double fsim_threat_ground_lost(const fsim_replica *rp, int s, int i, int window, int t);
/* Fills eng->rule_order and the perception flags from the scenario (allocated). */
fsim_status fsim_perception_plan(fsim_engine *eng, fsim_error *err);
/* Finds the places of the engine's formations (places.c); fsim_places_free frees them. */
fsim_status fsim_places_build(fsim_engine *eng, fsim_error *err);
void fsim_places_free(fsim_engine *eng);
/* Fills eng->repl_in and eng->repl_out (allocated) from the scenario. */
void fsim_replacements_plan(fsim_engine *eng);
/* Moves `amount` of side's personnel from location `from` to location `to`,
 * landing on day t + delay; returns what was moved. */
double fsim_move_personnel(fsim_replica *rp, int side, int from, int to, double amount, int t,
                           int delay);

#endif
