/* Allocation policies, evaluated every morning in the order each side lists them
 * (docs/MODEL.md 8). Personnel leave at once and land after their delay; the
 * day's combat rates still use the morning state. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "step.h"

/* floor and ceil of a number of persons, inlined: without SSE4.1 the compiler calls
 * libm for each, five times a rule. Exact: below 2^52 a positive double converts to
 * an integer by truncation, which is its floor; anything else (0, -0, negative, huge,
 * infinite, NaN) goes to libm, so every result is the very value libm gives. */
static inline double floor_persons(double x) {
  return x > 0 && x < 4503599627370496.0 ? (double)(int64_t)x : floor(x);
}

static inline double ceil_persons(double x) {
  if (!(x > 0 && x < 4503599627370496.0)) return ceil(x);
  const double t = (double)(int64_t)x;
  return t < x ? t + 1.0 : t;
}

/* Chooses who leaves: `amount` persons (whole in stochastic mode: the callers round
 * down) of the K formations gathered in rp->move_p / rp->move_v (`total` persons), in
 * proportion to their personnel (whole persons in stochastic mode, largest remainders
 * first). Leaves the compact list rp->move_p / rp->move_v (rp->nmove entries) of what
 * each gives; returns the total. */
static inline double share_among(fsim_replica *rp, int K, double total, double amount) {
  const fsim_engine *eng = rp->eng;
  rp->nmove = 0;
  if (total <= 0 || amount <= 0) return 0.0;
  if (amount >= total) amount = total;
  rp->nmove = K;
  if (K == 1) {
    rp->move_v[0] = amount;
    return amount;
  }
  double given = 0.0;
  for (int k = 0; k < K; k++) {
    double exact = rp->move_v[k] * amount / total;
    rp->split_weight[k] = exact; /* kept for the remainders */
    rp->move_v[k] = eng->expected ? exact : floor_persons(exact);
    given += rp->move_v[k];
  }
  /* Whole persons: hand the remainder out one by one, largest fraction first
   * (fewer than K persons, so each formation gets at most one). */
  while (!eng->expected && given < amount) {
    int best = -1;
    double best_frac = -1.0;
    for (int k = 0; k < K; k++) {
      double frac = rp->split_weight[k] - rp->move_v[k];
      if (frac > best_frac && frac > 0) best = k, best_frac = frac;
    }
    if (best < 0) break;
    rp->move_v[best] += 1.0;
    given += 1.0;
  }
  return given;
}

/* share_among over every formation of side's at `loc`. */
static inline double share_out(fsim_replica *rp, int side, int loc, double amount) {
  double present, total;
  const int K = fsim_gather(rp, loc, side, rp->move_p, rp->move_v, &present, &total);
  return share_among(rp, K, total, amount);
}

/* Is formation f on the rule's list? */
static int listed(const fsim_rule_def *r, int f) {
  for (int k = 0; k < r->nformations; k++)
    if (r->formation_idx[k] == f) return 1;
  return 0;
}

/* fsim_gather over the listed formations only: their places at `loc` with personnel
 * into rp->move_p / rp->move_v; returns how many, their sum in *total. */
static int gather_listed(fsim_replica *rp, const fsim_rule_def *r, int side, int loc,
                         double *total) {
  int nmine;
  const int *mine = fsim_here(rp, loc, side, &nmine);
  int K = 0;
  double pos = 0.0;
  for (int k = 0; k < nmine; k++) {
    const int p = mine[k];
    const double v = rp->n[p];
    if (v <= 0 || !listed(r, rp->eng->place_f[p])) continue;
    rp->move_p[K] = p;
    rp->move_v[K++] = v;
    pos += v;
  }
  *total = pos;
  return K;
}

/* Sends the chosen personnel from `from` to `to`, landing on day t + delay; returns
 * the quality-weighted sum moved. */
static inline double dispatch(fsim_replica *rp, int side, int from, int to, int t, int delay) {
  const fsim_engine *eng = rp->eng;
  const size_t F = (size_t)eng->nformations;
  const size_t slot = (size_t)((t + delay) % eng->ring_slots);
  double persons = 0.0, power = 0.0;
  for (int k = 0; k < rp->nmove; k++) {
    const int p = rp->move_p[k], f = eng->place_f[p];
    const double v = rp->move_v[k];
    if (v <= 0) continue;
    rp->n[p] -= v;
    /* The rules that move f to `to` made (f, to) one of its places (places.c). */
    rp->ring[slot * (size_t)eng->nplaces + (size_t)fsim_place(eng, f, to)] += v;
    rp->ring_has[slot * F + (size_t)f] = 1;
    persons += v;
    power += v * eng->f_quality[f];
  }
  rp->held[side] -= persons;
  rp->in_transit[side] += persons;
  if (from == eng->nsectors) rp->in_reserve[side] -= persons;
  if (to < eng->nsectors) rp->inbound_q[SIDE2(to, side)] += power;
  if (to < eng->nsectors && from != to)
    rp->drawn[SIDE2(to, side) * 2 + (from == eng->nsectors ? 1 : 0)] += persons;
  return power;
}

double fsim_move_personnel(fsim_replica *rp, int side, int from, int to, double amount, int t,
                           int delay) {
  double moved = share_out(rp, side, from, rp->eng->expected ? amount : floor_persons(amount));
  if (moved > 0) dispatch(rp, side, from, to, t, delay);
  return moved;
}

static void transfer(fsim_replica *rp, int side, const fsim_rule_def *r, int rule, int t) {
  (void)rule;
  const fsim_engine *eng = rp->eng;
  if (r->day != t) return;
  if (r->nformations > 0) {
    for (int k = 0; k < r->nformations; k++) {
      const int f = r->formation_idx[k];
      for (int p = eng->place_start[f]; p < eng->place_start[f + 1]; p++) {
        const int loc = eng->place_loc[p];
        if (loc == r->to_loc || (r->from_loc >= 0 && loc != r->from_loc)) continue;
        rp->nmove = 1;
        rp->move_p[0] = p;
        rp->move_v[0] = rp->n[p];
        if (rp->move_v[0] > 0) dispatch(rp, side, loc, r->to_loc, t, r->delay);
      }
    }
    return;
  }
  double persons, qsum;
  fsim_holdings(rp, r->from_loc, side, &persons, &qsum);
  double amount = isnan(r->fraction) ? r->personnel : r->fraction * persons;
  fsim_move_personnel(rp, side, r->from_loc, r->to_loc, amount, t, r->delay);
}

static int active(const fsim_rule_def *r, int t) {
  return t >= r->start_day && (r->end_day == 0 || t <= r->end_day);
}

/* A side sends no replacements or reinforcements into a sector it is leaving: the
 * withdrawal would only send them back, through the rear guard (MODEL.md 8.3, 8.6). */
static inline int leaving(const fsim_replica *rp, int side, int loc) {
  return rp->eng->has_withdraw && loc < rp->eng->nsectors && rp->leaving[SIDE2(loc, side)];
}

/* The value of the ground at stake for `side` in the rule's sector on morning t
 * (MODEL.md 8.7): the held area, weighted where it is the side's own soil taken by the
 * enemy, and more as the rule's event approaches. */
static double ground_value(const fsim_replica *rp, int side, const fsim_rule_def *r, int t) {
  const fsim_scenario *sc = rp->eng->sc;
  const fsim_sector_def *d = &sc->sectors[r->sector_idx];
  double v = rp->area[r->sector_idx] * (d->held_area.holder_side != side ? r->own_soil_weight : 1.0);
  if (r->event_idx >= 0) {
    const int te = sc->events[r->event_idx].day_resolved;
    const double near = 1.0 - (double)(te - t) / r->event_horizon_days;
    if (t <= te && near > 0) v *= 1.0 + r->event_weight * near;
  }
  return v;
}

/* The threshold of a rule with threat triggers on morning t: its surge threshold while
 * one holds (MODEL.md 8.7). Out of line: most rules have none. */
__attribute__((noinline)) static double surge_or_not(const fsim_replica *rp, int side,
                                                     const fsim_rule_def *r, int t) {
  const int s = r->sector_idx, W = r->window_days;
  const int holds =
      (r->tempo_above > 0 && fsim_threat_tempo(rp, s, 1 - side, W, t) > r->tempo_above) ||
      (r->ground_lost_above_km > 0 &&
       fsim_threat_ground_lost(rp, s, side, W, t) > r->ground_lost_above_km) ||
      (r->value_above > 0 && ground_value(rp, side, r, t) > r->value_above);
  return holds ? r->surge_threshold : r->threshold;
}

/* Counts `moved` persons sent into s, adding `gained` power there, as drawn by the true
 * threat up to what it still asks for (true_need, in power) and by perception beyond it
 * (MODEL.md 8.7); returns what the true threat still asks for. In whole persons where
 * persons are whole: the one who meets the need counts as drawn by it. */
__attribute__((noinline)) static double attribute_move(fsim_replica *rp, size_t c, double moved,
                                                       double gained, double true_need) {
  double by_truth = gained > 0 ? moved * fmin(1.0, true_need / gained) : moved;
  if (!rp->eng->expected) by_truth = fmin(moved, ceil_persons(by_truth));
  rp->drawn_true[c] += by_truth;
  rp->drawn_seen[c] += moved - by_truth;
  return fmax(0.0, true_need - gained);
}

/* Reinforce sector s while own/enemy power there is below the threshold, counting
 * what is already on its way (MODEL.md 8.2). The enemy's power is as the side
 * perceives it, and a threat trigger raises the threshold (MODEL.md 8.7). */
static inline __attribute__((always_inline)) void reinforce_as(fsim_replica *rp, int side,
                                                                const fsim_rule_def *r, int t,
                                                                const int perceived) {
  const fsim_engine *eng = rp->eng;
  const int s = r->sector_idx, enemy = 1 - side;
  const double *view = perceived ? rp->view : rp->P;
  const double enemy_power = view[SIDE2(s, enemy)];
  if (!active(r, t) || enemy_power <= 0 || leaving(rp, side, s)) return;
  double *proj = rp->incoming; /* own power at each sector, morning + on the way */
  const double threshold =
      !perceived || isnan(r->surge_threshold) ? r->threshold : surge_or_not(rp, side, r, t);
  double need = threshold * enemy_power - proj[SIDE2(s, side)];
  if (need <= 0) return;
  /* What the true state would ask for: those sent beyond it answer the perceived threat
     (where no side perceives, all of it answers the true threat). */
  double true_need = 0.0;
  if (perceived)
    true_need = fmax(0.0, r->threshold * rp->P[SIDE2(s, enemy)] - proj[SIDE2(s, side)]);
  const double e_dest = rp->e[SIDE2(s, side)] > 0 ? rp->e[SIDE2(s, side)] : 1.0;
  double cap = r->daily_cap;
  for (int k = 0; k < r->ndonors && cap > 0 && need > 0; k++) {
    const int d = r->donor_loc[k];
    double persons, qsum;
    fsim_holdings(rp, d, side, &persons, &qsum);
    if (persons <= 0) continue;
    const double avg_q = qsum / persons;
    double wanted = need / (avg_q * e_dest);
    if (!eng->expected) wanted = ceil_persons(wanted);
    double avail = persons;
    if (d < eng->nsectors && view[SIDE2(d, enemy)] > 0) {
      /* Never strip a donor sector below its own floor ratio. */
      double unit = avg_q * rp->e[SIDE2(d, side)];
      double spare = proj[SIDE2(d, side)] - r->donor_floor * view[SIDE2(d, enemy)];
      avail = unit > 0 && spare > 0 ? fmin(persons, spare / unit) : 0.0;
    }
    double amount = fmin(wanted, fmin(cap, avail));
    if (!eng->expected) amount = floor_persons(amount);
    double moved = share_out(rp, side, d, amount);
    if (moved <= 0) continue;
    double power = dispatch(rp, side, d, s, t, r->delay);
    const double gained = power * e_dest;
    if (!perceived)
      rp->drawn_true[SIDE2(s, side)] += moved; /* the truth is all it reads */
    else
      true_need = attribute_move(rp, SIDE2(s, side), moved, gained, true_need);
    cap -= moved;
    need -= gained;
    proj[SIDE2(s, side)] += gained;
    if (d < eng->nsectors) proj[SIDE2(d, side)] -= power * rp->e[SIDE2(d, side)];
  }
}

/* The rule as version 1 has it where no side perceives anything but the truth, and as
 * MODEL.md 8.7 has it where one does: two copies, so the first pays nothing for the
 * second. */
static void reinforce(fsim_replica *rp, int side, const fsim_rule_def *r, int rule, int t) {
  (void)rule;
  if (rp->eng->perceives || rp->eng->has_surge)
    reinforce_as(rp, side, r, t, 1);
  else
    reinforce_as(rp, side, r, t, 0);
}

/* Hands a share of each day's replacements from the reserve to a sector (MODEL.md
 * 8.3), as planned by fsim_replacements_plan. */
static void replacements(fsim_replica *rp, int side, const fsim_rule_def *r, int rule, int t) {
  const fsim_engine *eng = rp->eng;
  if (!active(r, t) || leaving(rp, side, r->to_loc)) return; /* kept in the reserve */
  fsim_move_personnel(rp, side, eng->nsectors, r->to_loc,
                      eng->repl_out[(size_t)rule * (size_t)(eng->days + 1) + (size_t)t], t,
                      r->delay);
}

/* Pulls the side out of a sector once a trigger holds on a morning (MODEL.md 8.6):
 * from then on up to daily_cap persons a day leave for `to`, and those still there
 * are the rear guard. Whether it fired was decided before any rule acted
 * (withdrawals_decide). */
static void withdraw(fsim_replica *rp, int side, const fsim_rule_def *r, int rule, int t) {
  if (!active(r, t) || !rp->withdraw_day[rule]) return;
  const int s = r->sector_idx;
  if (r->leaves_all) {
    rp->rearguard[SIDE2(s, side)] = fmax(rp->rearguard[SIDE2(s, side)], r->rearguard_rate);
    rp->withdrawn[SIDE2(s, side)] +=
        fsim_move_personnel(rp, side, s, r->to_loc, r->daily_cap, t, r->delay);
    return;
  }
  /* Only the listed formations leave, and only theirs are the rear guard; the others
     stay and fight on (MODEL.md 8.6). */
  const fsim_engine *eng = rp->eng;
  double total;
  const int K = gather_listed(rp, r, side, s, &total);
  const double moved =
      share_among(rp, K, total, eng->expected ? r->daily_cap : floor_persons(r->daily_cap));
  if (moved > 0) dispatch(rp, side, s, r->to_loc, t, r->delay);
  rp->withdrawn[SIDE2(s, side)] += moved;
  if (!(r->rearguard_rate > 0)) return;
  rp->rearguard_part[SIDE2(s, side)] = 1;
  for (int k = 0; k < r->nformations; k++) {
    const int p = fsim_place(eng, r->formation_idx[k], s);
    if (p >= 0) rp->rearguard_p[p] = fmax(rp->rearguard_p[p], r->rearguard_rate);
  }
}

/* Decides, before any rule acts, which withdraw rules have fired by this morning and
 * marks the sectors a side is leaving (MODEL.md 8.6). The triggers read only the
 * morning state, which no rule changes, so this is what each rule would decide in its
 * turn; deciding first lets the side's other rules, whatever their order, send nobody
 * into a sector it is leaving. */
static void withdrawals_decide(fsim_replica *rp, int t) {
  const fsim_engine *eng = rp->eng;
  memset(rp->leaving, 0, (size_t)eng->nsectors * 2 * sizeof *rp->leaving);
  for (int g = 0; g < eng->nrules; g++) {
    const fsim_rule_def *r = eng->rule_def[g];
    const int rule = eng->rule_order[g], side = eng->rule_side[g], s = r->sector_idx;
    if (r->type != FSIM_RULE_WITHDRAW || !active(r, t)) continue;
    if (!rp->withdraw_day[rule]) {
      /* The enemy's power as the side perceives it (MODEL.md 8.7). */
      const double own = rp->P[SIDE2(s, side)], foe = rp->view[SIDE2(s, 1 - side)];
      /* rp->area[s] is the holder's: one trigger reads it for the holder, the other
         (moving on) for its enemy; the scenario checks which side holds it. */
      const int fired = (r->area_below_km2 > 0 && rp->area[s] < r->area_below_km2) ||
                        (r->area_retaken_below_km2 > 0 && rp->area[s] < r->area_retaken_below_km2) ||
                        (r->route_cut && rp->cut_day[s] > 0) ||
                        (r->ratio_below > 0 && own > 0 && own < r->ratio_below * foe);
      if (!fired) continue;
      rp->withdraw_day[rule] = t;
    }
    /* Listing only some formations, the side stays in the sector: its rules feed it. */
    if (r->leaves_all) rp->leaving[SIDE2(s, side)] = 1;
  }
}

void fsim_replacements_plan(fsim_engine *eng) {
  const fsim_scenario *sc = eng->sc;
  const size_t days = (size_t)eng->days + 1;
  for (int i = 0; i < FSIM_NSIDES; i++) {
    /* Whole persons in stochastic mode, exact over time (MODEL.md 8.4). */
    const double rate = sc->sides.side[i].replacements_per_day;
    for (int t = 1; t <= eng->days && rate > 0; t++)
      eng->repl_in[(size_t)i * days + (size_t)t] =
          eng->expected ? rate : floor(rate * t) - floor(rate * (t - 1));
  }
  int rule = 0;
  for (int i = 0; i < FSIM_NSIDES; i++) {
    const fsim_side_def *side = &sc->sides.side[i];
    for (int k = 0; k < side->nrules; k++, rule++) {
      const fsim_rule_def *r = &side->rules[k];
      if (r->type != FSIM_RULE_REPLACEMENTS) continue;
      /* Whole persons, the fractions carried over to the next active day. */
      double carry = 0.0;
      for (int t = 1; t <= eng->days; t++) {
        if (!active(r, t)) continue;
        double want = r->share * side->replacements_per_day;
        if (!eng->expected) {
          carry += want;
          want = floor(carry);
          carry -= want;
        }
        eng->repl_out[(size_t)rule * days + (size_t)t] = want;
      }
    }
  }
}

/* What each type of rule does (MODEL.md 8.1-8.6), by fsim_rule_type. */
typedef void (*rule_fn)(fsim_replica *rp, int side, const fsim_rule_def *r, int rule, int t);
static const rule_fn apply_rule[FSIM_RULE_NTYPES] = {
    [FSIM_RULE_TRANSFER] = transfer,
    [FSIM_RULE_REINFORCE] = reinforce,
    [FSIM_RULE_REPLACEMENTS] = replacements,
    [FSIM_RULE_WITHDRAW] = withdraw,
};

void fsim_policies_apply(fsim_replica *rp, int t) {
  const fsim_engine *eng = rp->eng;
  /* Projected power: the morning's, plus what is in transit towards each sector
   * (kept up to date by dispatch and land_arrivals; only reinforce rules use it). */
  for (size_t c = 0; c < (size_t)eng->nsectors * 2; c++) {
    const int s = (int)(c / 2), i = (int)(c % 2);
    rp->incoming[c] = rp->P[c] + rp->inbound_q[c] * rp->e[SIDE2(s, i)];
  }
  /* The rear guard is the day's: set by the withdrawals in force this morning. */
  if (eng->has_withdraw) {
    memset(rp->rearguard, 0, (size_t)eng->nsectors * 2 * sizeof *rp->rearguard);
    if (eng->has_partial_withdraw) {
      memset(rp->rearguard_p, 0, (size_t)eng->nplaces * sizeof *rp->rearguard_p);
      memset(rp->rearguard_part, 0, (size_t)eng->nsectors * 2 * sizeof *rp->rearguard_part);
    }
    withdrawals_decide(rp, t);
  }
  /* Blue's rules, then red's, each side's by decreasing priority (MODEL.md 8.7). */
  for (int g = 0; g < eng->nrules; g++) {
    const fsim_rule_def *r = eng->rule_def[g];
    apply_rule[r->type](rp, eng->rule_side[g], r, eng->rule_order[g], t);
  }
}
