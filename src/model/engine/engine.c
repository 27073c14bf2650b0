/* The engine (src/model/engine), private to the model layer: the state of a
 * replication (state.h), one day (day_step.c: MODEL.md 0-7), the allocation policies
 * (policy.c: MODEL.md 8), the random draws and samplers, one replication
 * (replicate.c). Its headers are an include directory of src/model only.
 *
 * This file: compiling a scenario into an engine, and allocating replicas. */
#include "engine.h"
#include "step.h"

#include "laws.h"
#include "rng.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

fsim_status fsim_engine_init(fsim_engine *eng, const fsim_scenario *sc, fsim_error *err) {
  memset(eng, 0, sizeof *eng);
  eng->sc = sc;
  eng->nsectors = sc->nsectors;
  eng->nlocations = sc->nsectors + 1;
  eng->nformations = sc->nformations;
  eng->days = sc->run.days;
  eng->expected = sc->run.mode == FSIM_MODE_EXPECTED;
  eng->law = sc->model.attrition.law;
  _Static_assert((int)FSIM_LAW_FREE == (int)FSIM_FIXED_LAWS, "laws.h lists the fixed laws in order");
  if (eng->law == FSIM_LAW_FREE) {
    eng->a = sc->model.attrition.a;
    eng->b = sc->model.attrition.b;
  } else {
    fsim_law_exponents(eng->law, &eng->a, &eng->b); /* MODEL.md 5 */
  }
  int maxdelay = 0;
  for (int i = 0; i < FSIM_NSIDES; i++)
    for (int r = 0; r < sc->sides.side[i].nrules; r++)
      if (sc->sides.side[i].rules[r].delay > maxdelay) maxdelay = sc->sides.side[i].rules[r].delay;
  eng->ring_slots = maxdelay + 1;
  for (int f = 0; f < eng->nformations; f++)
    if (sc->formations[f].implicit) eng->reserve_formation[sc->formations[f].side_idx] = f;
  eng->f_side = malloc((size_t)(eng->nformations > 0 ? eng->nformations : 1) * sizeof(int));
  eng->f_quality = malloc((size_t)(eng->nformations > 0 ? eng->nformations : 1) * sizeof(double));
  eng->late = malloc((size_t)(eng->nformations > 0 ? eng->nformations : 1) * sizeof(int));
  if (!eng->f_side || !eng->f_quality || !eng->late) {
    fsim_engine_destroy(eng);
    return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  for (int f = 0; f < eng->nformations; f++) {
    eng->f_side[f] = sc->formations[f].side_idx;
    eng->f_quality[f] = sc->formations[f].quality;
    if (sc->formations[f].arrival_day > 0) eng->late[eng->nlate++] = f;
    const int i = sc->formations[f].side_idx;
    if (sc->formations[f].personnel > 0 && sc->formations[f].arrival_day > eng->last_arrival[i])
      eng->last_arrival[i] = sc->formations[f].arrival_day;
  }

  for (int i = 0; i < FSIM_NSIDES; i++) {
    eng->side_formations[i] = malloc((size_t)eng->nformations * sizeof(int));
    if (!eng->side_formations[i]) {
      fsim_engine_destroy(eng);
      return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
    }
    for (int f = 0; f < eng->nformations; f++)
      if (sc->formations[f].side_idx == i)
        eng->side_formations[i][eng->nside_formations[i]++] = f;
    eng->can_exhaust[i] = !(sc->sides.side[i].replacements_per_day > 0);
    for (int r = 0; r < sc->sides.side[i].nrules; r++) {
      if (sc->sides.side[i].rules[r].type == FSIM_RULE_REINFORCE) eng->has_reinforce = 1;
      if (sc->sides.side[i].rules[r].type == FSIM_RULE_WITHDRAW) {
        eng->has_withdraw = 1;
        if (!sc->sides.side[i].rules[r].leaves_all) eng->has_partial_withdraw = 1;
      }
      eng->nrules++;
    }
  }
  fsim_status pst = fsim_perception_plan(eng, err);
  if (pst != FSIM_OK) {
    fsim_engine_destroy(eng);
    return pst;
  }
  pst = fsim_places_build(eng, err);
  if (pst != FSIM_OK) {
    fsim_engine_destroy(eng);
    return pst;
  }
  eng->event_day = calloc((size_t)eng->days + 1, 1);
  if (!eng->event_day) {
    fsim_engine_destroy(eng);
    return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  for (int e = 0; e < sc->nevents; e++) eng->event_day[sc->events[e].day_resolved] = 1;
  eng->rng_type = fsim_rng_type_find(sc->run.rng); /* checked by the loader */
  const size_t days = (size_t)eng->days + 1;
  const size_t nrules = (size_t)sc->sides.side[0].nrules + (size_t)sc->sides.side[1].nrules;
  eng->repl_in = calloc(FSIM_NSIDES * days, sizeof(double));
  eng->repl_out = calloc((nrules > 0 ? nrules : 1) * days, sizeof(double));
  if (!eng->repl_in || !eng->repl_out) {
    fsim_engine_destroy(eng);
    return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  fsim_replacements_plan(eng);

  /* Tempo per day, with the schedules applied (MODEL.md 2). */
  size_t cells = (size_t)eng->nsectors * (size_t)(eng->days + 1);
  eng->lambda = malloc(cells * sizeof(double));
  eng->pi_blue = malloc(cells * sizeof(double));
  if (!eng->lambda || !eng->pi_blue) {
    fsim_engine_destroy(eng);
    return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  for (int s = 0; s < eng->nsectors; s++) {
    const fsim_sector_def *d = &sc->sectors[s];
    double lam = d->engagement_rate, counter = d->counter_share;
    int k = 0;
    for (int t = 0; t <= eng->days; t++) {
      while (k < d->nschedule && d->schedule[k].day <= t) {
        if (!isnan(d->schedule[k].engagement_rate)) lam = d->schedule[k].engagement_rate;
        if (!isnan(d->schedule[k].counter_share)) counter = d->schedule[k].counter_share;
        k++;
      }
      size_t at = (size_t)s * (size_t)(eng->days + 1) + (size_t)t;
      eng->lambda[at] = lam;
      /* counter_share is the defender's share of the initiative. */
      eng->pi_blue[at] = d->attacker_side == FSIM_BLUE ? 1.0 - counter : counter;
    }
  }
  fsim_status st = fsim_layout_build(&eng->layout, sc, err);
  if (st != FSIM_OK) fsim_engine_destroy(eng);
  return st;
}

void fsim_engine_destroy(fsim_engine *eng) {
  fsim_layout_destroy(&eng->layout);
  fsim_places_free(eng);
  free(eng->rule_order);
  free(eng->rule_side);
  free(eng->rule_def);
  eng->rule_order = eng->rule_side = NULL;
  eng->rule_def = NULL;
  free(eng->event_day);
  eng->event_day = NULL;
  free(eng->repl_out);
  free(eng->repl_in);
  eng->repl_out = eng->repl_in = NULL;
  free(eng->late);
  eng->late = NULL;
  free(eng->f_quality);
  free(eng->f_side);
  eng->f_quality = NULL;
  eng->f_side = NULL;
  for (int i = 0; i < FSIM_NSIDES; i++) {
    free(eng->side_formations[i]);
    eng->side_formations[i] = NULL;
  }
  free(eng->pi_blue);
  free(eng->lambda);
  eng->pi_blue = eng->lambda = NULL;
}

/* The replica's arrays, with their lengths (S, F, L, R, NP in scope): none grows with
   formations x locations. */
#define REPLICA_ARRAYS(X)                                                                  \
  X(rng, S + 2) X(n, NP) X(ring, R * NP) X(ring_has, R * F) X(x, S) X(area, S)             \
  X(area_line, S) X(stock, S) X(cut_day, S) X(min_eff, S) X(loss_f, F) X(here, NP)         \
  X(nhere, L * 2) X(been, NP) X(drawn, S * 4) X(N, S * 2) X(P, S * 2) X(e, S * 2)          \
  X(phi, S) X(incoming, S * 2) X(inbound_q, S * 2) X(eng_day, S) X(att, S * 2)             \
  X(succ, S * 2) X(loss_day, S * 2) X(mu, S * 2) X(dx, S)                                   \
  X(split_weight, F) X(split_count, F) X(split_place, F) X(move_p, F) X(move_v, F)         \
  X(withdraw_day, NR) X(rearguard, S * 2) X(leaving, S * 2) X(rearguard_p, NP)             \
  X(rearguard_part, S * 2) X(split_mean, F) X(row, (size_t)eng->layout.nseries)            \
  X(metrics, (size_t)eng->layout.nmetrics) X(seen, S * 2) X(seen_over_true, S * 2)          \
  X(intel_z, S * 2)                                                                         \
  X(app_ring, LG * S * 2) X(att_cum, S * 2) X(att_ring, H * S * 2) X(x_ring, H * S)         \
  X(zero_day, S) X(withdrawn, S * 2) X(drawn_true, S * 2) X(drawn_seen, S * 2)

/* Whole cache lines: what one thread writes never shares a line with what another
 * thread reads. Allocated piecemeal, the first thread's arrays and generator states
 * landed between the engine's in the same heap, and each write there stalled the other
 * thread's reads (two threads ran 1.5 times as fast as one, not 1.9). */
#define LINE 64
static size_t lines(size_t bytes) { return (bytes + LINE - 1) / LINE * LINE; }

fsim_replica *fsim_replica_new(const fsim_engine *eng) {
  const size_t S = (size_t)eng->nsectors, F = (size_t)eng->nformations, L = (size_t)eng->nlocations;
  const size_t R = (size_t)eng->ring_slots, NP = (size_t)eng->nplaces;
  const size_t NR = (size_t)eng->nrules;
  const size_t LG = (size_t)eng->lag_slots, H = (size_t)eng->hist_slots;
  fsim_replica probe; /* for the element sizes only */
  const size_t state = lines(eng->rng_type->size ? eng->rng_type->size : 1);
  size_t bytes = lines(sizeof probe) + (S + 2) * (lines(sizeof(gsl_rng)) + state);
#define SIZE(field, count) bytes += lines(((count) > 0 ? (count) : 1) * sizeof *probe.field);
  REPLICA_ARRAYS(SIZE)
#undef SIZE
  /* One block, freed by fsim_replica_free: the replica, its arrays, its generators. */
  char *block = aligned_alloc(LINE, bytes);
  if (!block) return NULL;
  memset(block, 0, bytes);
  fsim_replica *rp = (fsim_replica *)(void *)block;
  char *at = block + lines(sizeof *rp);
  rp->eng = eng;
#define CARVE(field, count)                                          \
  rp->field = (void *)at;                                            \
  at += lines(((count) > 0 ? (count) : 1) * sizeof *rp->field);
  REPLICA_ARRAYS(CARVE)
#undef CARVE
  /* The generators as gsl_rng_alloc makes them (type, state, seeded with GSL's default
     seed), but in the block: their states are written at every draw. */
  for (size_t i = 0; i <= S + 1; i++) {
    gsl_rng *r = (gsl_rng *)(void *)at;
    at += lines(sizeof(gsl_rng));
    r->type = eng->rng_type;
    r->state = at;
    at += state;
    gsl_rng_set(r, gsl_rng_default_seed);
    rp->rng[i] = r;
  }
  /* The rules read the true power where no side perceives anything else (MODEL.md 8.7). */
  rp->view = eng->perceives ? rp->seen : rp->P;
  return rp;
}

void fsim_replica_free(fsim_replica *rp) { free(rp); }
