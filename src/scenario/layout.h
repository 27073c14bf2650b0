/* Names and positions of the daily series variables and of the per-replication
 * metrics of a scenario, decided once so that the engine fills plain arrays and
 * the writers know what each column is. The metrics are the families of the metric
 * table (metric_table.h) expanded for the scenario. */
#ifndef FRONTSIM_LAYOUT_H
#define FRONTSIM_LAYOUT_H

#include "metric_table.h"
#include "scenario_internal.h"

#define FSIM_VAR_NAME 160

/* The stem of the sides' daily series file, series/sides.csv, beside one file per
 * sector named after it: no sector may take this name (resolve.c). */
#define FSIM_SERIES_SIDES "sides"

typedef struct fsim_sector_vars {
  int personnel[FSIM_NSIDES], power[FSIM_NSIDES], losses[FSIM_NSIDES];
  int attacks[FSIM_NSIDES], successes[FSIM_NSIDES];
  int engagements, front;
  int area;                          /* -1 without a held area */
  int route, stock, eff, cut;        /* -1 without a supply route */
  int seen[FSIM_NSIDES];             /* perceived/true enemy power; -1 where i does not perceive */
} fsim_sector_vars;

typedef struct fsim_side_vars {
  int personnel, reserve, transit, losses_cum, claimed_cum, losses;
  int at; /* first of S: personnel in each sector */
} fsim_side_vars;

/* Which family of the metric table a metric is, at which instance of its scope. */
typedef struct fsim_metric_ref {
  int family; /* FSIM_M_* */
  int a, b;   /* outer and inner instance (0 for a dimension the scope lacks) */
} fsim_metric_ref;

typedef struct fsim_layout {
  int nseries;
  char (*series_name)[FSIM_VAR_NAME]; /* "kursk.blue_personnel", "sides.red_reserve" */
  int *series_file;                    /* sector index, or -1 for sides.csv */
  const char **series_column;          /* the name inside its file (points into series_name) */
  fsim_sector_vars *sv;   /* [S] */
  fsim_side_vars side[FSIM_NSIDES];
  int nmetrics;
  char (*metric_name)[FSIM_VAR_NAME];
  int *metric_kind;            /* FSIM_METRIC_* */
  fsim_metric_ref *metric_ref; /* [nmetrics] */
  /* Family f's metric at (a, b): metric_slot[slot_base[f] + a * slot_stride[f] + b],
   * -1 where the scenario has none (fsim_layout_metric). */
  int *metric_slot;
  int slot_base[FSIM_NFAMILIES], slot_stride[FSIM_NFAMILIES];
} fsim_layout;

fsim_status fsim_layout_build(fsim_layout *lay, const fsim_scenario *sc, fsim_error *err);
void fsim_layout_destroy(fsim_layout *lay);
/* The first name the layout makes twice (among the metrics, or among the series), or
 * NULL: names
 * built from several settings (an event "formation" and a formation "blue" both make
 * "formation.blue.losses") must not collide in the outputs. */
const char *fsim_layout_duplicate(const fsim_layout *lay);
int fsim_layout_find_series(const fsim_layout *lay, const char *name);
int fsim_layout_find_metric(const fsim_layout *lay, const char *name);
/* The metric name nearest to a mistyped one ("did you mean"), or NULL. */
const char *fsim_layout_nearest_metric(const fsim_layout *lay, const char *name);
/* The same for a series variable's name (<file>.<column>). */
const char *fsim_layout_nearest_series(const fsim_layout *lay, const char *name);

/* The index of family f's metric at instance (a, b) of its scope, or -1. */
static inline int fsim_layout_metric(const fsim_layout *lay, int f, int a, int b) {
  return lay->metric_slot[lay->slot_base[f] + a * lay->slot_stride[f] + b];
}

#endif
