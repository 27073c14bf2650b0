/* One replication: reset, step day by day, record the series and the metrics. */
#include <math.h>
#include <string.h>

#include "engine.h"
#include "step.h"
#include "rng.h"

/* The state at the end of day t as series variables, and event snapshots. */
static void record(fsim_replica *rp, int t) {
  const fsim_engine *eng = rp->eng;
  const fsim_scenario *sc = eng->sc;
  const fsim_layout *lay = &eng->layout;
  const int S = eng->nsectors;
  double *row = rp->row;
  fsim_state_aggregate(rp);
  rp->aggregated = 1; /* the next morning's, unless the state moves before it */
  double total[FSIM_NSIDES] = {0}, reserve[FSIM_NSIDES] = {0}, transit[FSIM_NSIDES] = {0};
  double day_loss[FSIM_NSIDES] = {0};
  if (!eng->expected) { /* whole persons: the running totals are these sums exactly */
    for (int i = 0; i < FSIM_NSIDES; i++)
      reserve[i] = rp->in_reserve[i], transit[i] = rp->in_transit[i];
  } else {
    /* Over places, which skips only the +0 of pairs a formation never occupies. */
    const size_t P = (size_t)eng->nplaces;
    for (int f = 0; f < eng->nformations; f++) {
      const int i = sc->formations[f].side_idx, home = fsim_place(eng, f, S);
      if (home >= 0) reserve[i] += rp->n[home];
      for (int slot = 0; slot < eng->ring_slots; slot++)
        for (int p = eng->place_start[f]; p < eng->place_start[f + 1]; p++)
          transit[i] += rp->ring[(size_t)slot * P + (size_t)p];
    }
  }
  for (int s = 0; s < S; s++) {
    const fsim_sector_def *d = &sc->sectors[s];
    const fsim_sector_vars *v = &lay->sv[s];
    for (int i = 0; i < FSIM_NSIDES; i++) {
      row[v->personnel[i]] = rp->N[SIDE2(s, i)];
      row[v->power[i]] = rp->P[SIDE2(s, i)];
      row[v->losses[i]] = rp->loss_day[SIDE2(s, i)];
      row[v->attacks[i]] = rp->att[SIDE2(s, i)];
      row[v->successes[i]] = rp->succ[SIDE2(s, i)];
      row[lay->side[i].at + s] = rp->N[SIDE2(s, i)];
      total[i] += rp->N[SIDE2(s, i)];
      day_loss[i] += rp->loss_day[SIDE2(s, i)];
    }
    for (int i = 0; i < FSIM_NSIDES; i++)
      if (v->seen[i] >= 0) row[v->seen[i]] = rp->seen_over_true[SIDE2(s, i)];
    row[v->engagements] = rp->eng_day[s];
    row[v->front] = rp->x[s];
    if (v->area >= 0) row[v->area] = rp->area[s];
    if (v->route >= 0) {
      row[v->route] = fsim_route_distance(d, rp->x[s]);
      row[v->stock] = rp->stock[s];
      row[v->eff] = rp->e[SIDE2(s, d->supply.supplied_side)];
      row[v->cut] = rp->cut_day[s] > 0 ? 1.0 : 0.0;
    }
  }
  for (int i = 0; i < FSIM_NSIDES; i++) {
    const fsim_side_vars *v = &lay->side[i];
    row[v->personnel] = total[i] + reserve[i] + transit[i];
    row[v->reserve] = reserve[i];
    row[v->transit] = transit[i];
    row[v->losses] = day_loss[i];
    row[v->losses_cum] = rp->loss[i];
    row[v->claimed_cum] = rp->claimed[i];
  }
  for (int e = 0; e < sc->nevents; e++) {
    if (sc->events[e].day_resolved != t) continue;
    for (int i = 0; i < FSIM_NSIDES; i++)
      rp->metrics[fsim_layout_metric(lay, FSIM_M_EVENT_LOSSES, e, i)] = rp->loss[i];
    for (int s = 0; s < S; s++) {
      int a = fsim_layout_metric(lay, FSIM_M_EVENT_HELD_AREA, e, s);
      int c = fsim_layout_metric(lay, FSIM_M_EVENT_ROUTE_CUT, e, s);
      if (a >= 0) rp->metrics[a] = rp->area[s];
      if (c >= 0) rp->metrics[c] = rp->cut_day[s] > 0 ? 1.0 : 0.0;
    }
  }
}

/* Day t's series: the variables var[0..nvar) (NULL: every one, in layout order) at
 * series + t * nvar, a day's values side by side. */
static void store(const fsim_replica *rp, float *series, const int *var, int nvar, int t) {
  if (!series) return;
  float *out = series + (size_t)t * (size_t)nvar;
  if (!var)
    for (int v = 0; v < nvar; v++) out[v] = (float)rp->row[v];
  else
    for (int k = 0; k < nvar; k++) out[k] = (float)rp->row[var[k]];
}

/* Side i's personnel everywhere, in transit included, summed over its formations as
 * it always was: with fractional persons (expected mode) a running total could end a
 * few ulps from the 0 this sum reaches, and stop on another day. */
static double side_total_scan(const fsim_replica *rp, int i) {
  const fsim_engine *eng = rp->eng;
  const size_t P = (size_t)eng->nplaces;
  double total = 0.0;
  for (int k = 0; k < eng->nside_formations[i]; k++) {
    const int f = eng->side_formations[i][k];
    for (int p = eng->place_start[f]; p < eng->place_start[f + 1]; p++) {
      total += rp->n[p];
      for (int slot = 0; slot < eng->ring_slots; slot++)
        total += rp->ring[(size_t)slot * P + (size_t)p];
    }
  }
  return total;
}

/* A side with nobody left anywhere and nobody to come ends the replication (MODEL.md 12). */
static int side_exhausted(const fsim_replica *rp, int t) {
  const fsim_engine *eng = rp->eng;
  for (int i = 0; i < FSIM_NSIDES; i++) {
    if (!eng->can_exhaust[i] || t < eng->last_arrival[i]) continue;
    const double total = eng->expected ? side_total_scan(rp, i) : rp->held[i] + rp->in_transit[i];
    if (total <= 0) return 1;
  }
  return 0;
}

/* The metrics of the metric table (metric_table.h) at the end of the replication;
 * the event snapshots were taken by record(). */
static void final_metrics(fsim_replica *rp) {
  const fsim_engine *eng = rp->eng;
  const fsim_layout *lay = &eng->layout;
  double *m = rp->metrics;
#define AT(family, a, b) m[fsim_layout_metric(lay, family, a, b)]
  AT(FSIM_M_DAYS_RUN, 0, 0) = rp->alive_days;
  for (int i = 0; i < FSIM_NSIDES; i++) {
    AT(FSIM_M_LOSSES, i, 0) = rp->loss[i];
    AT(FSIM_M_CLAIMED, i, 0) = rp->claimed[i];
    AT(FSIM_M_PERSONNEL_END, i, 0) = rp->row[lay->side[i].personnel];
  }
  AT(FSIM_M_EXCHANGE, 0, 0) =
      rp->loss[FSIM_BLUE] > 0 ? rp->loss[FSIM_RED] / rp->loss[FSIM_BLUE] : NAN;
  for (int f = 0; f < eng->nformations; f++) AT(FSIM_M_FORMATION_LOSSES, f, 0) = rp->loss_f[f];
  for (int s = 0; s < eng->nsectors; s++) {
    AT(FSIM_M_FRONT, s, 0) = rp->x[s];
    if (fsim_layout_metric(lay, FSIM_M_HELD_AREA, s, 0) >= 0)
      AT(FSIM_M_HELD_AREA, s, 0) = rp->area[s];
    if (fsim_layout_metric(lay, FSIM_M_ROUTE_CUT, s, 0) >= 0) {
      AT(FSIM_M_ROUTE_CUT, s, 0) = rp->cut_day[s] > 0 ? 1.0 : 0.0;
      AT(FSIM_M_CUT_DAY, s, 0) = rp->cut_day[s] > 0 ? (double)rp->cut_day[s] : NAN;
      AT(FSIM_M_MIN_EFF, s, 0) = rp->min_eff[s];
    }
    if (fsim_layout_metric(lay, FSIM_M_AREA_ZERO_DAY, s, 0) >= 0)
      AT(FSIM_M_AREA_ZERO_DAY, s, 0) = rp->zero_day[s] >= 0 ? (double)rp->zero_day[s] : NAN;
    for (int i = 0; i < FSIM_NSIDES; i++) {
      AT(FSIM_M_DRAWN_SECTORS, s, i) = rp->drawn[SIDE2(s, i) * 2];
      AT(FSIM_M_DRAWN_RESERVE, s, i) = rp->drawn[SIDE2(s, i) * 2 + 1];
      /* Families a scenario may lack (metric_table.h: needs). */
      static const int optional[] = {FSIM_M_WITHDRAWN, FSIM_M_DRAWN_TRUE, FSIM_M_DRAWN_SEEN};
      const double *value[] = {rp->withdrawn, rp->drawn_true, rp->drawn_seen};
      for (int k = 0; k < 3; k++) {
        const int at = fsim_layout_metric(lay, optional[k], s, i);
        if (at >= 0) m[at] = value[k][SIDE2(s, i)];
      }
    }
  }
#undef AT
}

void fsim_replicate(fsim_replica *rp, uint64_t rep_key, float *series, const int *var,
                    int nvar) {
  const fsim_engine *eng = rp->eng;
  rp->rep_key = rep_key;
  fsim_state_reset(rp);
  memset(rp->loss_day, 0, (size_t)eng->nsectors * 2 * sizeof *rp->loss_day);
  memset(rp->eng_day, 0, (size_t)eng->nsectors * sizeof *rp->eng_day);
  memset(rp->att, 0, (size_t)eng->nsectors * 2 * sizeof *rp->att);
  memset(rp->succ, 0, (size_t)eng->nsectors * 2 * sizeof *rp->succ);
  /* Without series, the daily row is needed only on event days and the last day. */
  record(rp, 0);
  store(rp, series, var, nvar, 0);
  int t = 1;
  for (; t <= eng->days; t++) {
    fsim_step_day(rp, t);
    rp->alive_days = t;
    if (series || eng->event_day[t] || t == eng->days) record(rp, t);
    store(rp, series, var, nvar, t);
    if (side_exhausted(rp, t)) break;
  }
  /* Stopped early: the remaining days carry the final state, with no daily flows. */
  if (t < eng->days) {
    memset(rp->loss_day, 0, (size_t)eng->nsectors * 2 * sizeof *rp->loss_day);
    memset(rp->eng_day, 0, (size_t)eng->nsectors * sizeof *rp->eng_day);
    memset(rp->att, 0, (size_t)eng->nsectors * 2 * sizeof *rp->att);
    memset(rp->succ, 0, (size_t)eng->nsectors * 2 * sizeof *rp->succ);
    for (int u = t + 1; u <= eng->days; u++) {
      if (series || eng->event_day[u] || u == eng->days) record(rp, u);
      store(rp, series, var, nvar, u);
    }
  }
  final_metrics(rp);
}
