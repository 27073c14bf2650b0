/* Names and positions of the daily series variables and of the per-replication
 * metrics of a scenario, decided once so that the engine fills plain arrays and
 * the writers know what each column is. */
#ifndef FRONTSIM_LAYOUT_H
#define FRONTSIM_LAYOUT_H

#include "scenario_internal.h"

#define FSIM_VAR_NAME 160

enum { FSIM_METRIC_VALUE = 0, FSIM_METRIC_INDICATOR, FSIM_METRIC_CONDITIONAL };

typedef struct fsim_sector_vars {
  int personnel[FSIM_NSIDES], power[FSIM_NSIDES], losses[FSIM_NSIDES];
  int attacks[FSIM_NSIDES], successes[FSIM_NSIDES];
  int engagements, front;
  int area;                          /* -1 without a held area */
  int route, stock, eff, cut;        /* -1 without a supply route */
} fsim_sector_vars;

typedef struct fsim_side_vars {
  int personnel, reserve, transit, losses_cum, claimed_cum, losses;
  int at; /* first of S: personnel in each sector */
} fsim_side_vars;

typedef struct fsim_sector_metrics {
  int front, area, cut, cut_day, min_eff; /* -1 where not applicable */
  int drawn[FSIM_NSIDES][2];              /* [side][0 from sectors, 1 from reserve] */
} fsim_sector_metrics;

typedef struct fsim_event_metrics {
  int losses[FSIM_NSIDES];
  int area_base; /* + s, -1 where the sector has no held area (see sector_area_slot) */
  int cut_base;
} fsim_event_metrics;

typedef struct fsim_layout {
  int nseries;
  char (*series_name)[FSIM_VAR_NAME]; /* "kursk.blue_personnel", "sides.red_reserve" */
  int *series_file;                    /* sector index, or -1 for sides.csv */
  const char **series_column;          /* the name inside its file (points into series_name) */
  int nmetrics;
  char (*metric_name)[FSIM_VAR_NAME];
  int *metric_kind;
  fsim_sector_vars *sv;   /* [S] */
  fsim_side_vars side[FSIM_NSIDES];
  /* metrics */
  int days_run, exchange;
  int losses[FSIM_NSIDES], claimed[FSIM_NSIDES], personnel_end[FSIM_NSIDES];
  int formation_losses; /* first of F */
  fsim_sector_metrics *sm; /* [S] */
  int *event_area;  /* [e * S + s], -1 where no held area */
  int *event_cut;   /* [e * S + s], -1 where no supply */
  int *event_losses; /* [e * 2 + side] */
} fsim_layout;

fsim_status fsim_layout_build(fsim_layout *lay, const fsim_scenario *sc, fsim_error *err);
void fsim_layout_destroy(fsim_layout *lay);
int fsim_layout_find_series(const fsim_layout *lay, const char *name);
int fsim_layout_find_metric(const fsim_layout *lay, const char *name);

#endif
