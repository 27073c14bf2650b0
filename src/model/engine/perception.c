/* What a side believes (docs/MODEL.md 8.7): the enemy's power in a sector as its
 * intelligence reports it (bias, noise, lag, inflated by the enemy's feints), and the
 * threat signals a side sees for itself (the enemy's tempo, the ground it lost). Read
 * by the rules each morning; nothing here changes the true state. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "step.h"

/* Slot of morning u in a ring of n mornings (u may be 0 or negative: the first
 * morning's values were written into every slot). */
static inline size_t slot_of(int u, int n) { return (size_t)(((u % n) + n) % n); }

/* j's apparent power in sector s: its true power, with each feinting formation counted
 * feint_factor times on the mornings of its feint. */
static double apparent(const fsim_replica *rp, int s, int j, int t) {
  const fsim_engine *eng = rp->eng;
  const double P = rp->P[SIDE2(s, j)];
  if (!eng->has_feint || !(P > 0)) return P;
  int nmine;
  const int *mine = fsim_here(rp, s, j, &nmine);
  double q = 0.0;
  for (int k = 0; k < nmine; k++) {
    const int p = mine[k];
    const fsim_formation_def *fd = &eng->sc->formations[eng->place_f[p]];
    const int on = t >= fd->feint_start_day && (fd->feint_end_day == 0 || t <= fd->feint_end_day);
    q += rp->n[p] * eng->place_q[p] * (on ? fd->feint_factor : 1.0);
  }
  return q * rp->e[SIDE2(s, j)];
}

void fsim_perception_reset(fsim_replica *rp) {
  const fsim_engine *eng = rp->eng;
  const size_t S2 = (size_t)eng->nsectors * 2;
  memset(rp->att_cum, 0, S2 * sizeof *rp->att_cum);
  memset(rp->withdrawn, 0, S2 * sizeof *rp->withdrawn);
  memset(rp->drawn_true, 0, S2 * sizeof *rp->drawn_true);
  memset(rp->drawn_seen, 0, S2 * sizeof *rp->drawn_seen);
  memset(rp->intel_z, 0, S2 * sizeof *rp->intel_z);
  for (size_t c = 0; c < S2; c++) rp->seen_over_true[c] = 1.0;
  for (int s = 0; s < eng->nsectors; s++) {
    const fsim_sector_def *d = &eng->sc->sectors[s];
    rp->zero_day[s] = d->has_held_area && !(rp->area[s] > 0) ? 0 : -1;
  }
}

void fsim_perceive(fsim_replica *rp, int t) {
  const fsim_engine *eng = rp->eng;
  const int S = eng->nsectors;
  const size_t S2 = (size_t)S * 2;
  if (eng->has_threat) {
    /* rp->att holds yesterday's attacks (0 on the first morning). */
    for (size_t c = 0; c < S2; c++) rp->att_cum[c] += rp->att[c];
    for (int u = t == 1 ? 0 : t; u <= (t == 1 ? eng->hist_slots - 1 : t); u++) {
      const size_t slot = slot_of(u, eng->hist_slots);
      memcpy(rp->att_ring + slot * S2, rp->att_cum, S2 * sizeof *rp->att_cum);
      memcpy(rp->x_ring + slot * (size_t)S, rp->x, (size_t)S * sizeof *rp->x);
    }
  }
  if (!eng->perceives) return;
  double *now = rp->app_ring + slot_of(t, eng->lag_slots) * S2;
  for (int s = 0; s < S; s++)
    for (int j = 0; j < FSIM_NSIDES; j++) now[SIDE2(s, j)] = apparent(rp, s, j, t);
  if (t == 1) /* before the first morning, the reports are the first morning's */
    for (int u = 0; u < eng->lag_slots; u++)
      if (rp->app_ring + (size_t)u * S2 != now)
        memcpy(rp->app_ring + (size_t)u * S2, now, S2 * sizeof *now);
  for (int s = 0; s < S; s++)
    for (int i = 0; i < FSIM_NSIDES; i++) {
      const fsim_side_def *side = &eng->sc->sides.side[i];
      const size_t c = SIDE2(s, 1 - i);
      const double reported =
          rp->app_ring[slot_of(t - side->intel_lag_days, eng->lag_slots) * S2 + c];
      double factor = eng->intel_factor[i];
      if (!eng->expected) {
        factor = side->intel_bias;
        if (side->intel_sigma > 0) {
          /* AR(1) in the log (MODEL.md 8.7); with rho = 0 (keep 0, fresh 1) z is the
             draw itself, bit for bit, as when every morning was drawn afresh. */
          const double g = fsim_draw_lognormal_log(&rp->draws, rp->rng, S + 1, side->intel_sigma);
          double *z = &rp->intel_z[SIDE2(s, i)];
          *z = t == 1 ? g : eng->intel_keep[i] * *z + eng->intel_fresh[i] * g;
          factor *= exp(*z);
        }
      }
      rp->seen[c] = factor * reported;
      rp->seen_over_true[SIDE2(s, i)] = rp->P[c] > 0 ? rp->seen[c] / rp->P[c] : 1.0;
    }
}

double fsim_threat_tempo(const fsim_replica *rp, int s, int j, int window, int t) {
  const fsim_engine *eng = rp->eng;
  const size_t S2 = (size_t)eng->nsectors * 2;
  const double then = rp->att_ring[slot_of(t - window, eng->hist_slots) * S2 + SIDE2(s, j)];
  return (rp->att_cum[SIDE2(s, j)] - then) / window;
}

double fsim_threat_ground_lost(const fsim_replica *rp, int s, int i, int window, int t) {
  const fsim_engine *eng = rp->eng;
  const double then = rp->x_ring[slot_of(t - window, eng->hist_slots) * (size_t)eng->nsectors + (size_t)s];
  /* x > 0 is blue's gain: blue loses ground as x falls, red as it rises. */
  return i == FSIM_BLUE ? then - rp->x[s] : rp->x[s] - then;
}

fsim_status fsim_perception_plan(fsim_engine *eng, fsim_error *err) {
  const fsim_scenario *sc = eng->sc;
  const size_t nr = (size_t)(eng->nrules > 0 ? eng->nrules : 1);
  eng->rule_order = malloc(nr * sizeof(int));
  eng->rule_side = malloc(nr * sizeof(int));
  eng->rule_def = malloc(nr * sizeof *eng->rule_def);
  if (!eng->rule_order || !eng->rule_side || !eng->rule_def)
    return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  /* Each side's rules by decreasing priority, list order among equals (a stable
     insertion sort: a side has few rules). */
  int base = 0, maxlag = 0, maxwin = 0;
  for (int i = 0; i < FSIM_NSIDES; i++) {
    const fsim_side_def *side = &sc->sides.side[i];
    int *order = eng->rule_order + base;
    for (int k = 0; k < side->nrules; k++) {
      int at = k;
      for (; at > 0 && side->rules[order[at - 1] - base].priority < side->rules[k].priority; at--)
        order[at] = order[at - 1];
      order[at] = base + k;
      const fsim_rule_def *r = &side->rules[k];
      if (!isnan(r->surge_threshold)) eng->has_surge = 1;
      if (r->tempo_above > 0 || r->ground_lost_above_km > 0) {
        eng->has_threat = 1;
        if (r->window_days > maxwin) maxwin = r->window_days;
      }
    }
    for (int k = 0; k < side->nrules; k++) {
      eng->rule_side[base + k] = i;
      eng->rule_def[base + k] = &side->rules[order[k] - base];
    }
    base += side->nrules;
    if (side->intel_lag_days > maxlag) maxlag = side->intel_lag_days;
    if (side->intel_bias != 1.0 || side->intel_sigma > 0 || side->intel_lag_days > 0)
      eng->perceives = 1;
    if (side->intel_sigma > 0) eng->intel_noise = 1;
    /* Expected mode: the noise replaced by its mean (MODEL.md 10), whatever its
       persistence: each morning's noise is LogNormal(0, sigma). */
    eng->intel_factor[i] = side->intel_bias * exp(0.5 * side->intel_sigma * side->intel_sigma);
    eng->intel_keep[i] = side->intel_persistence;
    eng->intel_fresh[i] = sqrt(1.0 - side->intel_persistence * side->intel_persistence);
  }
  for (int f = 0; f < sc->nformations; f++)
    if (sc->formations[f].feint_factor != 1.0) eng->has_feint = eng->perceives = 1;
  eng->lag_slots = maxlag + 1;
  eng->hist_slots = maxwin + 1;
  return FSIM_OK;
}
