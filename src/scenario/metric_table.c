/* The metric table (metric_table.h): every family of metrics with its name
 * pattern, scope, kind, unit, chart texts, summary label and headline status, and
 * the expansion of its texts for one instance of a scenario. */
#include "metric_table.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "frontsim/scenario.h"

const fsim_enum_name fsim_metric_kind_names[FSIM_NMETRIC_KINDS] = {
    {.name = "value", .value = FSIM_METRIC_VALUE},
    {.name = "probability", .value = FSIM_METRIC_INDICATOR},
    {.name = "conditional", .value = FSIM_METRIC_CONDITIONAL},
};

const fsim_metric_scope fsim_metric_scopes[] = {
    [FSIM_SCOPE_RUN] = {"run", FSIM_SCOPE_RUN, FSIM_DIM_NONE, FSIM_DIM_NONE},
    [FSIM_SCOPE_SIDE] = {"side", FSIM_SCOPE_SIDE, FSIM_DIM_SIDE, FSIM_DIM_NONE},
    [FSIM_SCOPE_FORMATION] = {"formation", FSIM_SCOPE_FORMATION, FSIM_DIM_FORMATION,
                              FSIM_DIM_NONE},
    [FSIM_SCOPE_SECTOR] = {"sector", FSIM_SCOPE_SECTOR, FSIM_DIM_SECTOR, FSIM_DIM_NONE},
    [FSIM_SCOPE_SECTOR_SIDE] = {"sector×side", FSIM_SCOPE_SECTOR_SIDE, FSIM_DIM_SECTOR,
                                FSIM_DIM_SIDE},
    [FSIM_SCOPE_EVENT_SIDE] = {"event×side", FSIM_SCOPE_EVENT_SIDE, FSIM_DIM_EVENT,
                               FSIM_DIM_SIDE},
    [FSIM_SCOPE_EVENT_SECTOR] = {"event×sector", FSIM_SCOPE_EVENT_SECTOR, FSIM_DIM_EVENT,
                                 FSIM_DIM_SECTOR},
};

static const fsim_metric_unit units[] = {
    {"persons", FSIM_UNIT_PERSONS, " (persons)", 1.0, 10000.0, " (thousands of persons)", 0.001,
     0, INFINITY},
    {"share", FSIM_UNIT_SHARE, " (% of replications)", 100.0, 0, NULL, 0, 0, 1},
    {"km2", FSIM_UNIT_KM2, " (km²)", 1.0, 0, NULL, 0, 0, INFINITY},
    /* A line position is signed: past the route is below 0. */
    {"km", FSIM_UNIT_KM, " (km)", 1.0, 0, NULL, 0, -INFINITY, INFINITY},
    {"days", FSIM_UNIT_DAYS, " (days)", 1.0, 0, NULL, 0, 0, INFINITY},
    {"day", FSIM_UNIT_DAY, " (day of the run)", 1.0, 0, NULL, 0, 0, INFINITY},
    {"ratio", FSIM_UNIT_RATIO, "", 1.0, 0, NULL, 0, 0, INFINITY},
    {"fraction", FSIM_UNIT_FRACTION, " (0 to 1)", 1.0, 0, NULL, 0, 0, 1},
};

const fsim_metric_unit *fsim_metric_unit_of(int value) {
  static const fsim_metric_unit none = {"", -1, "", 1.0, 0, NULL, 0, -INFINITY, INFINITY};
  for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
    if (units[i].value == value) return &units[i];
  return &none;
}

const fsim_metric_family fsim_metric_families[FSIM_NFAMILIES] = {
    [FSIM_M_DAYS_RUN] = {.pattern = "days_run", .scope = FSIM_SCOPE_RUN,
                         .kind = FSIM_METRIC_VALUE, .unit = FSIM_UNIT_DAYS,
                         .title = "Days simulated before an early stop",
                         .axis = "Days simulated"},
    [FSIM_M_LOSSES] = {.pattern = "{side}.losses", .scope = FSIM_SCOPE_SIDE,
                       .kind = FSIM_METRIC_VALUE, .unit = FSIM_UNIT_PERSONS,
                       .headline = FSIM_HEADLINE_YES, .title = "Losses of {side} over the run",
                       .axis = "Losses", .label = "{side}, true:"},
    [FSIM_M_CLAIMED] = {.pattern = "{side}.claimed_losses", .scope = FSIM_SCOPE_SIDE,
                        .kind = FSIM_METRIC_VALUE, .unit = FSIM_UNIT_PERSONS,
                        .title = "Losses of {side} as claimed by {other_side}",
                        .axis = "Claimed losses", .label = "{side}, claimed by {other_side}:"},
    [FSIM_M_PERSONNEL_END] = {.pattern = "{side}.personnel_end", .scope = FSIM_SCOPE_SIDE,
                              .kind = FSIM_METRIC_VALUE, .unit = FSIM_UNIT_PERSONS,
                              .title = "Personnel of {side} at the end", .axis = "Personnel",
                              .label = "{side}:"},
    [FSIM_M_EXCHANGE] = {.pattern = "exchange_ratio", .scope = FSIM_SCOPE_RUN,
                         .kind = FSIM_METRIC_CONDITIONAL, .unit = FSIM_UNIT_RATIO,
                         .headline = FSIM_HEADLINE_YES,
                         .title = "Exchange ratio: losses of {red} per loss of {blue}",
                         .axis = "Losses of {red} per loss of {blue}",
                         .label = "exchange ratio ({red} / {blue} losses):"},
    [FSIM_M_FORMATION_LOSSES] = {.pattern = "formation.{formation}.losses",
                                 .scope = FSIM_SCOPE_FORMATION, .kind = FSIM_METRIC_VALUE,
                                 .unit = FSIM_UNIT_PERSONS,
                                 .title = "Losses of formation {formation} over the run",
                                 .axis = "Losses", .label = "{formation} ({side_key}):"},
    [FSIM_M_FRONT] = {.pattern = "{sector}.front_km", .scope = FSIM_SCOPE_SECTOR,
                      .kind = FSIM_METRIC_VALUE, .unit = FSIM_UNIT_KM,
                      .title = "Line position in {sector} at the end", .axis = "Line position"},
    [FSIM_M_HELD_AREA] = {.pattern = "{sector}.held_area_km2", .scope = FSIM_SCOPE_SECTOR,
                          .kind = FSIM_METRIC_VALUE, .unit = FSIM_UNIT_KM2,
                          .needs = FSIM_NEEDS_HELD_AREA, .headline = FSIM_HEADLINE_YES,
                          .title = "Area held by {holder} in {sector} at the end",
                          .axis = "Held area", .label = "on the last day ({last_date}), km2:"},
    [FSIM_M_ROUTE_CUT] = {.pattern = "{sector}.route_cut", .scope = FSIM_SCOPE_SECTOR,
                          .kind = FSIM_METRIC_INDICATOR, .unit = FSIM_UNIT_SHARE,
                          .needs = FSIM_NEEDS_SUPPLY, .headline = FSIM_HEADLINE_YES,
                          .title = "Supply route in {sector} cut by the last day",
                          .axis = "Route cut",
                          .label = "P(cut by the last day, {last_date}, day {days})"},
    [FSIM_M_CUT_DAY] = {.pattern = "{sector}.cut_day", .scope = FSIM_SCOPE_SECTOR,
                        .kind = FSIM_METRIC_CONDITIONAL, .unit = FSIM_UNIT_DAY,
                        .needs = FSIM_NEEDS_SUPPLY,
                        .title = "Day the supply route in {sector} was cut, where it was",
                        .axis = "Day cut", .label = "day the route is cut, where it is cut:"},
    [FSIM_M_MIN_EFF] = {.pattern = "{sector}.min_supply_eff", .scope = FSIM_SCOPE_SECTOR,
                        .kind = FSIM_METRIC_VALUE, .unit = FSIM_UNIT_FRACTION,
                        .needs = FSIM_NEEDS_SUPPLY,
                        .title = "Lowest supply effectiveness in {sector}",
                        .axis = "Lowest supply effectiveness",
                        .label = "lowest supply effectiveness (0-1):"},
    [FSIM_M_AREA_ZERO_DAY] = {.pattern = "{sector}.area_zero_day", .scope = FSIM_SCOPE_SECTOR,
                              .kind = FSIM_METRIC_CONDITIONAL, .unit = FSIM_UNIT_DAY,
                              .needs = FSIM_NEEDS_AREA_WATCH,
                              .title = "Day the area held by {holder} in {sector} reached 0, "
                                       "where it did",
                              .axis = "Day the area reached 0",
                              .label = "day the held area reaches 0, where it does:"},
    [FSIM_M_DRAWN_SECTORS] = {.pattern = "{sector}.{side}_drawn_from_sectors",
                              .scope = FSIM_SCOPE_SECTOR_SIDE, .kind = FSIM_METRIC_VALUE,
                              .unit = FSIM_UNIT_PERSONS, .headline = FSIM_HEADLINE_DIVERSION,
                              .title = "Personnel of {side} drawn into {sector} from other "
                                       "sectors",
                              .axis = "Personnel drawn in",
                              .label = "{side}, from other sectors:"},
    [FSIM_M_DRAWN_RESERVE] = {.pattern = "{sector}.{side}_drawn_from_reserve",
                              .scope = FSIM_SCOPE_SECTOR_SIDE, .kind = FSIM_METRIC_VALUE,
                              .unit = FSIM_UNIT_PERSONS,
                              .title = "Personnel of {side} drawn into {sector} from the "
                                       "reserve",
                              .axis = "Personnel drawn in", .label = "{side}, from the reserve:"},
    [FSIM_M_WITHDRAWN] = {.pattern = "{sector}.{side}_withdrawn", .scope = FSIM_SCOPE_SECTOR_SIDE,
                          .kind = FSIM_METRIC_VALUE, .unit = FSIM_UNIT_PERSONS,
                          .needs = FSIM_NEEDS_WITHDRAW,
                          .title = "Personnel of {side} withdrawn from {sector}",
                          .axis = "Personnel withdrawn", .label = "{side}, withdrawn:"},
    [FSIM_M_DRAWN_TRUE] = {.pattern = "{sector}.{side}_drawn_by_true_threat",
                           .scope = FSIM_SCOPE_SECTOR_SIDE, .kind = FSIM_METRIC_VALUE,
                           .unit = FSIM_UNIT_PERSONS, .needs = FSIM_NEEDS_PERCEPTION,
                           .title = "Personnel of {side} drawn into {sector} by the true threat",
                           .axis = "Personnel drawn in", .label = "{side}, by the true threat:"},
    [FSIM_M_DRAWN_SEEN] = {.pattern = "{sector}.{side}_drawn_by_perception",
                           .scope = FSIM_SCOPE_SECTOR_SIDE, .kind = FSIM_METRIC_VALUE,
                           .unit = FSIM_UNIT_PERSONS, .needs = FSIM_NEEDS_PERCEPTION,
                           .headline = FSIM_HEADLINE_DIVERSION,
                           .title = "Personnel of {side} drawn into {sector} by perception",
                           .axis = "Personnel drawn in",
                           .label = "{side}, beyond the true threat:"},
    [FSIM_M_EVENT_LOSSES] = {.pattern = "{event}.{side}.losses", .scope = FSIM_SCOPE_EVENT_SIDE,
                             .kind = FSIM_METRIC_VALUE, .unit = FSIM_UNIT_PERSONS,
                             .title = "Losses of {side} by {event}", .axis = "Losses",
                             .label = "{side}, true, by {event}:"},
    [FSIM_M_EVENT_HELD_AREA] = {.pattern = "{event}.{sector}.held_area_km2",
                                .scope = FSIM_SCOPE_EVENT_SECTOR, .kind = FSIM_METRIC_VALUE,
                                .unit = FSIM_UNIT_KM2, .needs = FSIM_NEEDS_HELD_AREA,
                                .title = "Area held by {holder} in {sector} by {event}",
                                .axis = "Held area", .label = "at {event} ({event_date}), km2:"},
    [FSIM_M_EVENT_ROUTE_CUT] = {.pattern = "{event}.{sector}.route_cut",
                                .scope = FSIM_SCOPE_EVENT_SECTOR, .kind = FSIM_METRIC_INDICATOR,
                                .unit = FSIM_UNIT_SHARE, .needs = FSIM_NEEDS_SUPPLY,
                                .title = "Supply route in {sector} cut by {event}",
                                .axis = "Route cut",
                                .label = "P(cut by {event}, {event_date}, day {event_day})"},
};

int fsim_metric_dim_count(const fsim_scenario *sc, int dim) {
  switch (dim) {
    case FSIM_DIM_SIDE: return FSIM_NSIDES;
    case FSIM_DIM_FORMATION: return sc->nformations;
    case FSIM_DIM_SECTOR: return sc->nsectors;
    case FSIM_DIM_EVENT: return sc->nevents;
    default: return 1;
  }
}

/* The instance of dimension `dim` in (a, b) of family f's scope, or -1. */
static int index_of(int f, int dim, int a, int b) {
  const fsim_metric_scope *s = &fsim_metric_scopes[fsim_metric_families[f].scope];
  return s->outer == dim ? a : s->inner == dim ? b : -1;
}

int fsim_side_perceives(const fsim_scenario *sc, int i) {
  if (sc->version < 2) return 0;
  const fsim_side_def *side = &sc->sides.side[i];
  for (int k = 0; k < side->nrules; k++)
    if (side->rules[k].type == FSIM_RULE_REINFORCE ||
        (side->rules[k].type == FSIM_RULE_WITHDRAW && side->rules[k].ratio_below > 0))
      return 1;
  return 0;
}

/* Has side i (or either side, i < 0) a rule of `type` in sector s (with a threat
 * trigger, for a reinforce rule)? */
static int rule_in(const fsim_scenario *sc, int i, int type, int s) {
  for (int side = 0; side < FSIM_NSIDES; side++) {
    if (i >= 0 && side != i) continue;
    for (int k = 0; k < sc->sides.side[side].nrules; k++) {
      const fsim_rule_def *r = &sc->sides.side[side].rules[k];
      if (r->type == type && r->sector_idx == s &&
          (type != FSIM_RULE_REINFORCE || !isnan(r->surge_threshold)))
        return 1;
    }
  }
  return 0;
}

int fsim_metric_applies(const fsim_scenario *sc, int f, int a, int b) {
  const int s = index_of(f, FSIM_DIM_SECTOR, a, b), i = index_of(f, FSIM_DIM_SIDE, a, b);
  switch (fsim_metric_families[f].needs) {
    case FSIM_NEEDS_HELD_AREA: return s >= 0 && sc->sectors[s].has_held_area;
    case FSIM_NEEDS_SUPPLY: return s >= 0 && sc->sectors[s].has_supply;
    case FSIM_NEEDS_AREA_WATCH:
      return s >= 0 && sc->sectors[s].has_held_area &&
             (!isnan(sc->sectors[s].held_area.quiet_rate) ||
              rule_in(sc, -1, FSIM_RULE_WITHDRAW, s) || rule_in(sc, -1, FSIM_RULE_REINFORCE, s));
    case FSIM_NEEDS_WITHDRAW: return s >= 0 && i >= 0 && rule_in(sc, i, FSIM_RULE_WITHDRAW, s);
    case FSIM_NEEDS_PERCEPTION: {
      if (s < 0 || i < 0 || sc->version < 2) return 0;
      for (int k = 0; k < sc->sides.side[i].nrules; k++)
        if (sc->sides.side[i].rules[k].type == FSIM_RULE_REINFORCE &&
            sc->sides.side[i].rules[k].sector_idx == s)
          return 1;
      return 0;
    }
    default: return 1;
  }
}

static void date_of(const fsim_scenario *sc, long day, char out[11]) {
  fsim_date_format(sc->run.start_epoch_day + day - 1, out);
}

/* The value of placeholder `key` (its length n) for family f at (a, b), in buf if
 * it must be formatted; NULL for an unknown key. */
static const char *placeholder(const char *key, size_t n, const fsim_scenario *sc, int f, int a,
                               int b, int display, char *buf, size_t size) {
#define IS(word) (n == sizeof(word) - 1 && strncmp(key, word, n) == 0)
  const int side_dim = index_of(f, FSIM_DIM_SIDE, a, b);
  const int sector = index_of(f, FSIM_DIM_SECTOR, a, b);
  const int event = index_of(f, FSIM_DIM_EVENT, a, b);
  const int formation = index_of(f, FSIM_DIM_FORMATION, a, b);
  const int side = side_dim >= 0 ? side_dim : formation >= 0 ? sc->formations[formation].side_idx : -1;
  if (IS("side")) {
    if (side < 0) return NULL;
    return display ? sc->sides.side[side].name : fsim_side_key(side);
  }
  if (IS("side_key")) return side >= 0 ? fsim_side_key(side) : NULL;
  if (IS("other_side")) return side >= 0 ? sc->sides.side[1 - side].name : NULL;
  if (IS("blue")) return sc->sides.side[FSIM_BLUE].name;
  if (IS("red")) return sc->sides.side[FSIM_RED].name;
  if (IS("sector")) return sector >= 0 ? sc->sectors[sector].name : NULL;
  if (IS("holder"))
    return sector >= 0 ? sc->sides.side[sc->sectors[sector].held_area.holder_side].name : NULL;
  if (IS("event")) return event >= 0 ? sc->events[event].name : NULL;
  if (IS("formation")) return formation >= 0 ? sc->formations[formation].name : NULL;
  if (IS("event_date") && event >= 0 && size >= 11) {
    date_of(sc, sc->events[event].day_resolved, buf);
    return buf;
  }
  if (IS("event_day") && event >= 0) {
    snprintf(buf, size, "%d", sc->events[event].day_resolved);
    return buf;
  }
  if (IS("last_date") && size >= 11) {
    date_of(sc, sc->run.days, buf);
    return buf;
  }
  if (IS("days")) {
    snprintf(buf, size, "%d", sc->run.days);
    return buf;
  }
  return NULL;
#undef IS
}

void fsim_metric_text(char *out, size_t size, const char *text, const fsim_scenario *sc, int f,
                      int a, int b, int display) {
  if (size == 0) return;
  size_t len = 0;
  out[0] = '\0';
  for (const char *p = text; p && *p && len + 1 < size;) {
    const char *close = *p == '{' ? strchr(p, '}') : NULL;
    char buf[32];
    const char *value =
        close ? placeholder(p + 1, (size_t)(close - p - 1), sc, f, a, b, display, buf, sizeof buf)
              : NULL;
    /* An unknown placeholder stays as it is written: a slip shows in the output. */
    size_t n = value ? strlen(value) : 1;
    if (!value) value = p;
    if (n > size - 1 - len) n = size - 1 - len;
    memcpy(out + len, value, n);
    len += n;
    out[len] = '\0';
    p = value == p ? p + 1 : close + 1;
  }
}
