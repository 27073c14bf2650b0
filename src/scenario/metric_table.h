/* The metrics of a run, declared once: one row per family of metrics (a name
 * pattern such as "{sector}.held_area_km2" that a scenario expands into one metric
 * per sector), with its scope, kind, unit, chart title and axis label, the label of
 * its line in summary.txt and whether it is a headline metric. The layout (names
 * and positions, layout.c), summary.txt, the sweep charts and every chart title
 * read it, so adding a metric is a row here, an id below and the code that
 * computes it (model/engine/replicate.c). */
#ifndef FRONTSIM_METRIC_TABLE_H
#define FRONTSIM_METRIC_TABLE_H

#include <stddef.h>

#include "scenario_internal.h"


/* How a metric is summarised: a value, a 0/1 indicator (a probability, Wilson
 * interval), or a value defined only in some replications. */
enum { FSIM_METRIC_VALUE = 0, FSIM_METRIC_INDICATOR, FSIM_METRIC_CONDITIONAL, FSIM_NMETRIC_KINDS };
/* summary.csv's kind column (FSIM_ENUM_NAME, scenario_internal.h) */
extern const fsim_enum_name fsim_metric_kind_names[FSIM_NMETRIC_KINDS];

/* What a family has one metric per: nothing (the run), each side, each formation,
 * each sector, each sector and side, each event and side, each event and sector. */
enum { FSIM_SCOPE_RUN = 0, FSIM_SCOPE_SIDE, FSIM_SCOPE_FORMATION, FSIM_SCOPE_SECTOR,
       FSIM_SCOPE_SECTOR_SIDE, FSIM_SCOPE_EVENT_SIDE, FSIM_SCOPE_EVENT_SECTOR };
/* A scope's two dimensions, outer (index a) and inner (index b). */
enum { FSIM_DIM_NONE = 0, FSIM_DIM_SIDE, FSIM_DIM_FORMATION, FSIM_DIM_SECTOR, FSIM_DIM_EVENT };
typedef struct fsim_metric_scope {
  const char *name;
  int value;
  int outer, inner; /* FSIM_DIM_* */
} fsim_metric_scope;
extern const fsim_metric_scope fsim_metric_scopes[]; /* indexed by FSIM_SCOPE_* */

/* The unit of a metric's values, and how a chart shows it: the suffix of its title
 * and axis label and a scale (shares in %; persons in thousands from `large`). */
enum { FSIM_UNIT_PERSONS = 0, FSIM_UNIT_SHARE, FSIM_UNIT_KM2, FSIM_UNIT_KM, FSIM_UNIT_DAYS,
       FSIM_UNIT_DAY, FSIM_UNIT_RATIO, FSIM_UNIT_FRACTION };
typedef struct fsim_metric_unit {
  const char *name;
  int value;
  const char *suffix;
  double scale;
  double large; /* 0, or |values| from which large_suffix and large_scale apply */
  const char *large_suffix;
  double large_scale;
  /* The values a metric of this unit can take, before scale (a count or an area is
   * never negative, a share at most 1): charts clip confidence intervals to them. */
  double lower, upper;
} fsim_metric_unit;
/* The unit of `value` (FSIM_UNIT_*, or -1 for none: no suffix, scale 1). */
const fsim_metric_unit *fsim_metric_unit_of(int value);

/* Which sectors have a metric of a family with a sector: all, or those with a held
 * area or a supply route. */
enum { FSIM_NEEDS_NOTHING = 0, FSIM_NEEDS_HELD_AREA, FSIM_NEEDS_SUPPLY,
       FSIM_NEEDS_AREA_WATCH, /* a held area that a version-2 rule or a quiet rate watches */
       FSIM_NEEDS_WITHDRAW,   /* a withdraw rule of the side in the sector */
       FSIM_NEEDS_PERCEPTION  /* a reinforce rule of the side in the sector, version 2 */ };
/* Whether a sweep charts it when its metrics were not listed. */
enum { FSIM_HEADLINE_NO = 0, FSIM_HEADLINE_YES, FSIM_HEADLINE_DIVERSION /* its sector's */ };

/* The families, in the order of the layout: consecutive families with the same
 * outer dimension are expanded together (per side: losses, claimed losses,
 * personnel at the end), and within them those with the same inner one. */
enum {
  FSIM_M_DAYS_RUN = 0,
  FSIM_M_LOSSES,
  FSIM_M_CLAIMED,
  FSIM_M_PERSONNEL_END,
  FSIM_M_EXCHANGE,
  FSIM_M_FORMATION_LOSSES,
  FSIM_M_FRONT,
  FSIM_M_HELD_AREA,
  FSIM_M_ROUTE_CUT,
  FSIM_M_CUT_DAY,
  FSIM_M_MIN_EFF,
  FSIM_M_AREA_ZERO_DAY,
  FSIM_M_DRAWN_SECTORS,
  FSIM_M_DRAWN_RESERVE,
  FSIM_M_WITHDRAWN,
  FSIM_M_DRAWN_TRUE,
  FSIM_M_DRAWN_SEEN,
  FSIM_M_EVENT_LOSSES,
  FSIM_M_EVENT_HELD_AREA,
  FSIM_M_EVENT_ROUTE_CUT,
  FSIM_NFAMILIES
};

/* Texts hold placeholders: {side} (the side's key in a name, its display name in
 * other texts; a formation's side for a formation), {side_key}, {other_side},
 * {blue}, {red}, {sector}, {holder} (who holds the sector's area), {event},
 * {event_date}, {event_day}, {formation}, {last_date}, {days}. */
typedef struct fsim_metric_family {
  const char *pattern; /* the metric's name */
  int scope;           /* FSIM_SCOPE_* */
  int kind;            /* FSIM_METRIC_* */
  int unit;            /* FSIM_UNIT_* */
  int needs;           /* FSIM_NEEDS_* */
  int headline;        /* FSIM_HEADLINE_* */
  const char *title;   /* of its sweep charts, without the unit */
  const char *axis;    /* the axis label of its values, without the unit */
  const char *label;   /* its line in summary.txt; NULL where it has none */
} fsim_metric_family;
extern const fsim_metric_family fsim_metric_families[FSIM_NFAMILIES];

/* 1 when side i has rules that read the enemy's power as it perceives it (MODEL.md
 * 8.7) in a version-2 scenario: a reinforce rule, or a withdraw rule on the ratio. Its
 * perceived/true series exist then. They depend on the rules alone, not on the values
 * of the perception settings, so every point of a sweep over those has the same
 * outputs. */
int fsim_side_perceives(const fsim_scenario *sc, int i);

/* Instances of dimension `dim` in a scenario (1 for FSIM_DIM_NONE). */
int fsim_metric_dim_count(const fsim_scenario *sc, int dim);
/* 1 when family f has a metric at instance (a, b) of its scope in sc. */
int fsim_metric_applies(const fsim_scenario *sc, int f, int a, int b);
/* Expands `text` (a pattern, title, axis or label) of family f at instance (a, b)
 * into out (size bytes, cut short if need be); `display`: display names of the
 * sides instead of their keys. */
void fsim_metric_text(char *out, size_t size, const char *text, const fsim_scenario *sc, int f,
                      int a, int b, int display);

#endif
