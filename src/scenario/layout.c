#include "layout.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct builder {
  int n, cap;
  char (*names)[FSIM_VAR_NAME];
  int *tag; /* series: file; metrics: kind */
  int failed;
} builder;

static int add(builder *b, int tag, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int add(builder *b, int tag, const char *fmt, ...) {
  if (b->n == b->cap) {
    int cap = b->cap ? b->cap * 2 : 64;
    char(*names)[FSIM_VAR_NAME] = realloc(b->names, (size_t)cap * sizeof *names);
    if (names) b->names = names;
    int *t = realloc(b->tag, (size_t)cap * sizeof *t);
    if (t) b->tag = t;
    if (!names || !t) {
      b->failed = 1;
      return -1;
    }
    b->cap = cap;
  }
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(b->names[b->n], FSIM_VAR_NAME, fmt, ap);
  va_end(ap);
  b->tag[b->n] = tag;
  return b->n++;
}

fsim_status fsim_layout_build(fsim_layout *lay, const fsim_scenario *sc, fsim_error *err) {
  memset(lay, 0, sizeof *lay);
  const int S = sc->nsectors, E = sc->nevents;
  const char *const k[FSIM_NSIDES] = {fsim_side_key(FSIM_BLUE), fsim_side_key(FSIM_RED)};
  lay->sv = calloc((size_t)S, sizeof *lay->sv);
  lay->sm = calloc((size_t)S, sizeof *lay->sm);
  lay->event_area = calloc((size_t)(E * S + 1), sizeof(int));
  lay->event_cut = calloc((size_t)(E * S + 1), sizeof(int));
  lay->event_losses = calloc((size_t)(E * FSIM_NSIDES + 1), sizeof(int));
  builder sb = {0}, mb = {0};
  if (!lay->sv || !lay->sm || !lay->event_area || !lay->event_cut || !lay->event_losses)
    sb.failed = 1;

  /* Series: one file per sector, then sides.csv. */
  for (int s = 0; s < S && !sb.failed; s++) {
    const char *nm = sc->sectors[s].name;
    fsim_sector_vars *v = &lay->sv[s];
    for (int i = 0; i < FSIM_NSIDES; i++) v->personnel[i] = add(&sb, s, "%s.%s_personnel", nm, k[i]);
    for (int i = 0; i < FSIM_NSIDES; i++) v->power[i] = add(&sb, s, "%s.%s_power", nm, k[i]);
    for (int i = 0; i < FSIM_NSIDES; i++) v->losses[i] = add(&sb, s, "%s.%s_losses", nm, k[i]);
    v->engagements = add(&sb, s, "%s.engagements", nm);
    for (int i = 0; i < FSIM_NSIDES; i++) v->attacks[i] = add(&sb, s, "%s.%s_attacks", nm, k[i]);
    for (int i = 0; i < FSIM_NSIDES; i++)
      v->successes[i] = add(&sb, s, "%s.%s_successes", nm, k[i]);
    v->front = add(&sb, s, "%s.front_km", nm);
    v->area = sc->sectors[s].has_held_area ? add(&sb, s, "%s.held_area_km2", nm) : -1;
    v->route = v->stock = v->eff = v->cut = -1;
    if (sc->sectors[s].has_supply) {
      v->route = add(&sb, s, "%s.route_km", nm);
      v->stock = add(&sb, s, "%s.stock_days", nm);
      v->eff = add(&sb, s, "%s.supply_eff", nm);
      v->cut = add(&sb, s, "%s.route_cut", nm);
    }
  }
  for (int i = 0; i < FSIM_NSIDES && !sb.failed; i++) {
    fsim_side_vars *v = &lay->side[i];
    v->personnel = add(&sb, -1, "sides.%s_personnel", k[i]);
    v->reserve = add(&sb, -1, "sides.%s_reserve", k[i]);
    v->transit = add(&sb, -1, "sides.%s_transit", k[i]);
    v->at = sb.n;
    for (int s = 0; s < S; s++) add(&sb, -1, "sides.%s_at_%s", k[i], sc->sectors[s].name);
    v->losses = add(&sb, -1, "sides.%s_losses", k[i]);
    v->losses_cum = add(&sb, -1, "sides.%s_losses_cum", k[i]);
    v->claimed_cum = add(&sb, -1, "sides.%s_claimed_cum", k[i]);
  }

  /* Metrics. */
  lay->days_run = add(&mb, FSIM_METRIC_VALUE, "days_run");
  for (int i = 0; i < FSIM_NSIDES; i++) {
    lay->losses[i] = add(&mb, FSIM_METRIC_VALUE, "%s.losses", k[i]);
    lay->claimed[i] = add(&mb, FSIM_METRIC_VALUE, "%s.claimed_losses", k[i]);
    lay->personnel_end[i] = add(&mb, FSIM_METRIC_VALUE, "%s.personnel_end", k[i]);
  }
  lay->exchange = add(&mb, FSIM_METRIC_CONDITIONAL, "exchange_ratio");
  lay->formation_losses = mb.n;
  for (int f = 0; f < sc->nformations; f++)
    add(&mb, FSIM_METRIC_VALUE, "formation.%s.losses", sc->formations[f].name);
  for (int s = 0; s < S && !mb.failed; s++) {
    const fsim_sector_def *d = &sc->sectors[s];
    fsim_sector_metrics *m = &lay->sm[s];
    m->front = add(&mb, FSIM_METRIC_VALUE, "%s.front_km", d->name);
    m->area = d->has_held_area ? add(&mb, FSIM_METRIC_VALUE, "%s.held_area_km2", d->name) : -1;
    m->cut = m->cut_day = m->min_eff = -1;
    if (d->has_supply) {
      m->cut = add(&mb, FSIM_METRIC_INDICATOR, "%s.route_cut", d->name);
      m->cut_day = add(&mb, FSIM_METRIC_CONDITIONAL, "%s.cut_day", d->name);
      m->min_eff = add(&mb, FSIM_METRIC_VALUE, "%s.min_supply_eff", d->name);
    }
    for (int i = 0; i < FSIM_NSIDES; i++) {
      m->drawn[i][0] = add(&mb, FSIM_METRIC_VALUE, "%s.%s_drawn_from_sectors", d->name, k[i]);
      m->drawn[i][1] = add(&mb, FSIM_METRIC_VALUE, "%s.%s_drawn_from_reserve", d->name, k[i]);
    }
  }
  for (int e = 0; e < E && !mb.failed; e++) {
    const char *en = sc->events[e].name;
    for (int i = 0; i < FSIM_NSIDES; i++)
      lay->event_losses[e * FSIM_NSIDES + i] = add(&mb, FSIM_METRIC_VALUE, "%s.%s.losses", en, k[i]);
    for (int s = 0; s < S; s++) {
      const fsim_sector_def *d = &sc->sectors[s];
      lay->event_area[e * S + s] =
          d->has_held_area ? add(&mb, FSIM_METRIC_VALUE, "%s.%s.held_area_km2", en, d->name) : -1;
      lay->event_cut[e * S + s] =
          d->has_supply ? add(&mb, FSIM_METRIC_INDICATOR, "%s.%s.route_cut", en, d->name) : -1;
    }
  }

  lay->nseries = sb.n;
  lay->series_name = sb.names;
  lay->series_file = sb.tag;
  lay->nmetrics = mb.n;
  lay->metric_name = mb.names;
  lay->metric_kind = mb.tag;
  lay->series_column = calloc((size_t)sb.n + 1, sizeof(const char *));
  if (sb.failed || mb.failed || !lay->series_column) {
    fsim_layout_destroy(lay);
    return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  for (int v = 0; v < sb.n; v++) lay->series_column[v] = strchr(sb.names[v], '.') + 1;
  return FSIM_OK;
}

void fsim_layout_destroy(fsim_layout *lay) {
  free(lay->series_column);
  free(lay->metric_kind);
  free(lay->metric_name);
  free(lay->series_file);
  free(lay->series_name);
  free(lay->event_losses);
  free(lay->event_cut);
  free(lay->event_area);
  free(lay->sm);
  free(lay->sv);
  memset(lay, 0, sizeof *lay);
}

static int find(char (*names)[FSIM_VAR_NAME], int n, const char *name) {
  for (int i = 0; i < n; i++)
    if (strcmp(names[i], name) == 0) return i;
  return -1;
}

int fsim_layout_find_series(const fsim_layout *lay, const char *name) {
  return find(lay->series_name, lay->nseries, name);
}

int fsim_layout_find_metric(const fsim_layout *lay, const char *name) {
  return find(lay->metric_name, lay->nmetrics, name);
}
