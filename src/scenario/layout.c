/* The layout of a scenario's outputs (layout.h): its series variables, one file per
 * sector and sides.csv, and its metrics from the metric table. */
#include "layout.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

typedef struct builder {
  int n, cap;
  char (*names)[FSIM_VAR_NAME];
  int *tag; /* the series' file */
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

/* Family f's outer and inner dimension. */
static int outer_dim(int f) { return fsim_metric_scopes[fsim_metric_families[f].scope].outer; }
static int inner_dim(int f) { return fsim_metric_scopes[fsim_metric_families[f].scope].inner; }

/* The metrics, family by family in the table's order: a run of families with the
 * same outer dimension is expanded instance by instance (blue's losses, claimed
 * losses, personnel; then red's), and within it a run with the same inner one. */
static fsim_status build_metrics(fsim_layout *lay, const fsim_scenario *sc) {
  int nslots = 0;
  for (int f = 0; f < FSIM_NFAMILIES; f++) {
    lay->slot_base[f] = nslots;
    lay->slot_stride[f] = fsim_metric_dim_count(sc, inner_dim(f));
    nslots += fsim_metric_dim_count(sc, outer_dim(f)) * lay->slot_stride[f];
  }
  /* At most one metric per slot. */
  const size_t cap = (size_t)nslots + 1;
  lay->metric_slot = malloc(cap * sizeof *lay->metric_slot);
  lay->metric_name = malloc(cap * sizeof *lay->metric_name);
  lay->metric_kind = malloc(cap * sizeof *lay->metric_kind);
  lay->metric_ref = malloc(cap * sizeof *lay->metric_ref);
  if (!lay->metric_slot || !lay->metric_name || !lay->metric_kind || !lay->metric_ref)
    return FSIM_E_NOMEM;
  for (int i = 0; i < nslots; i++) lay->metric_slot[i] = -1;
  int n = 0;
  for (int first = 0, last; first < FSIM_NFAMILIES; first = last) {
    for (last = first; last < FSIM_NFAMILIES && outer_dim(last) == outer_dim(first);) last++;
    for (int a = 0; a < fsim_metric_dim_count(sc, outer_dim(first)); a++)
      for (int from = first, to; from < last; from = to) {
        for (to = from; to < last && inner_dim(to) == inner_dim(from);) to++;
        for (int b = 0; b < fsim_metric_dim_count(sc, inner_dim(from)); b++)
          for (int f = from; f < to; f++) {
            if (!fsim_metric_applies(sc, f, a, b)) continue;
            fsim_metric_text(lay->metric_name[n], FSIM_VAR_NAME, fsim_metric_families[f].pattern,
                             sc, f, a, b, 0);
            lay->metric_kind[n] = fsim_metric_families[f].kind;
            lay->metric_ref[n] = (fsim_metric_ref){.family = f, .a = a, .b = b};
            lay->metric_slot[lay->slot_base[f] + a * lay->slot_stride[f] + b] = n++;
          }
      }
  }
  lay->nmetrics = n;
  return FSIM_OK;
}

fsim_status fsim_layout_build(fsim_layout *lay, const fsim_scenario *sc, fsim_error *err) {
  memset(lay, 0, sizeof *lay);
  const int S = sc->nsectors;
  const char *const k[FSIM_NSIDES] = {fsim_side_key(FSIM_BLUE), fsim_side_key(FSIM_RED)};
  lay->sv = calloc((size_t)S + 1, sizeof *lay->sv);
  builder sb = {0};
  if (!lay->sv) sb.failed = 1;

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
    for (int i = 0; i < FSIM_NSIDES; i++)
      v->seen[i] = fsim_side_perceives(sc, i) ? add(&sb, s, "%s.%s_perceived_over_true", nm, k[i]) : -1;
  }
  for (int i = 0; i < FSIM_NSIDES && !sb.failed; i++) {
    fsim_side_vars *v = &lay->side[i];
    v->personnel = add(&sb, -1, FSIM_SERIES_SIDES ".%s_personnel", k[i]);
    v->reserve = add(&sb, -1, FSIM_SERIES_SIDES ".%s_reserve", k[i]);
    v->transit = add(&sb, -1, FSIM_SERIES_SIDES ".%s_transit", k[i]);
    v->at = sb.n;
    for (int s = 0; s < S; s++)
      add(&sb, -1, FSIM_SERIES_SIDES ".%s_at_%s", k[i], sc->sectors[s].name);
    v->losses = add(&sb, -1, FSIM_SERIES_SIDES ".%s_losses", k[i]);
    v->losses_cum = add(&sb, -1, FSIM_SERIES_SIDES ".%s_losses_cum", k[i]);
    v->claimed_cum = add(&sb, -1, FSIM_SERIES_SIDES ".%s_claimed_cum", k[i]);
  }

  lay->nseries = sb.n;
  lay->series_name = sb.names;
  lay->series_file = sb.tag;
  lay->series_column = calloc((size_t)sb.n + 1, sizeof(const char *));
  if (sb.failed || !lay->series_column || build_metrics(lay, sc) != FSIM_OK) {
    fsim_layout_destroy(lay);
    return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  for (int v = 0; v < sb.n; v++) lay->series_column[v] = strchr(sb.names[v], '.') + 1;
  return FSIM_OK;
}

void fsim_layout_destroy(fsim_layout *lay) {
  free(lay->series_column);
  free(lay->metric_slot);
  free(lay->metric_ref);
  free(lay->metric_kind);
  free(lay->metric_name);
  free(lay->series_file);
  free(lay->series_name);
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

const char *fsim_layout_nearest_series(const fsim_layout *lay, const char *name) {
  fsim_nearest n;
  fsim_nearest_init(&n, name);
  for (int i = 0; i < lay->nseries; i++) fsim_nearest_offer(&n, lay->series_name[i]);
  return fsim_nearest_result(&n);
}

const char *fsim_layout_nearest_metric(const fsim_layout *lay, const char *name) {
  fsim_nearest n;
  fsim_nearest_init(&n, name);
  for (int i = 0; i < lay->nmetrics; i++) fsim_nearest_offer(&n, lay->metric_name[i]);
  return fsim_nearest_result(&n);
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The first name in names[0..n) that stands twice, or NULL (sorts a copy). */
static const char *first_twice(char (*names)[FSIM_VAR_NAME], int n) {
  const char **sorted = malloc((size_t)(n > 0 ? n : 1) * sizeof *sorted);
  if (!sorted) return NULL;
  for (int i = 0; i < n; i++) sorted[i] = names[i];
  qsort(sorted, (size_t)n, sizeof *sorted, by_name);
  const char *dup = NULL;
  for (int i = 1; i < n && !dup; i++)
    if (strcmp(sorted[i - 1], sorted[i]) == 0) dup = sorted[i];
  free(sorted);
  return dup;
}

const char *fsim_layout_duplicate(const fsim_layout *lay) {
  /* Metrics and series are named apart (summary.csv's rows, the series files'
     columns): a name may be both, but neither list may hold it twice. */
  const char *dup = first_twice(lay->metric_name, lay->nmetrics);
  return dup ? dup : first_twice(lay->series_name, lay->nseries);
}
