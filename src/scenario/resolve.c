/* Cross-setting validation and name resolution (after the table-driven pass). */
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config_path.h"
#include "date.h"
#include "layout.h"
#include "rng.h"
#include "scenario_load.h"
#include "text.h"

#define RESERVE_NAME "reserve"

/* Names a sector cannot take: the places a formation can be besides a sector, and
 * the stem of the sides' series file, as series/<sector>.csv lies beside it. A
 * sector name is used nowhere else as a file name: its charts are prefixed by
 * their kind (personnel_<sector>...). */
static const char *const reserved_sector_names[] = {RESERVE_NAME, "transit", FSIM_SERIES_SIDES};
#define NRESERVED (sizeof reserved_sector_names / sizeof reserved_sector_names[0])

typedef struct rctx {
  config_t *cfg;
  const char *name;
  fsim_error *err;
} rctx;

static fsim_status bad(rctx *c, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static fsim_status bad(rctx *c, const char *path, const char *fmt, ...) {
  char msg[FSIM_ERROR_TEXT];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  return fsim_config_error(c->cfg, c->name, c->err, path, "%s", msg);
}

static int side_index(const char *key) {
  for (int i = 0; i < FSIM_NSIDES; i++)
    if (strcmp(key, fsim_side_key(i)) == 0) return i;
  return -1;
}

static int sector_index(const fsim_scenario *sc, const char *name) {
  for (int i = 0; i < sc->nsectors; i++)
    if (strcmp(sc->sectors[i].name, name) == 0) return i;
  return -1;
}

/* Sector index, or nsectors for the reserve, or -1. */
static int location_index(const fsim_scenario *sc, const char *name) {
  if (strcmp(name, RESERVE_NAME) == 0) return sc->nsectors;
  return sector_index(sc, name);
}

static int formation_index(const fsim_scenario *sc, const char *name) {
  for (int i = 0; i < sc->nformations; i++)
    if (strcmp(sc->formations[i].name, name) == 0) return i;
  return -1;
}

/* "kurakhove" for "kurakove" among the sector names, or NULL. */
static const char *nearest_sector(const fsim_scenario *sc, const char *name, int with_reserve) {
  fsim_nearest n;
  fsim_nearest_init(&n, name);
  for (int i = 0; i < sc->nsectors; i++) fsim_nearest_offer(&n, sc->sectors[i].name);
  if (with_reserve) fsim_nearest_offer(&n, RESERVE_NAME);
  return fsim_nearest_result(&n);
}

static fsim_status want_side(rctx *c, const char *path, const char *key, int *out) {
  *out = side_index(key);
  if (*out < 0) return bad(c, path, "must be \"blue\" or \"red\", got \"%s\"", key);
  return FSIM_OK;
}

/* "kursk, pokrovsk", the sector names for a message. */
static void sector_names(const fsim_scenario *sc, char *buf, size_t size) {
  size_t used = 0;
  buf[0] = '\0';
  for (int i = 0; i < sc->nsectors && used < size; i++) {
    int k = snprintf(buf + used, size - used, "%s%s", i ? ", " : "", sc->sectors[i].name);
    if (k > 0) used += (size_t)k;
  }
}

static fsim_status want_location(rctx *c, const fsim_scenario *sc, const char *path,
                                 const char *name, int with_reserve, int *out) {
  *out = with_reserve ? location_index(sc, name) : sector_index(sc, name);
  if (*out >= 0) return FSIM_OK;
  const char *near = nearest_sector(sc, name, with_reserve);
  if (near) return bad(c, path, "no sector named \"%s\"; did you mean \"%s\"?", name, near);
  char names[200];
  sector_names(sc, names, sizeof names);
  if (!with_reserve && strcmp(name, RESERVE_NAME) == 0)
    return bad(c, path, "must be a sector (%s), not the reserve", names);
  return bad(c, path, "no sector named \"%s\"; the sectors are %s%s", name, names,
             with_reserve ? " (or \"reserve\")" : "");
}

/* The names of the sides' reserve pools, in side order: "<side>-reserve", as
 * fsim_scenario_resolve names their formations. */
static const char *const pool_names[FSIM_NSIDES] = {"blue-reserve", "red-reserve"};

/* The formation nearest to `name` (a typo), or NULL; with `pools`, the sides' reserve
 * pools ("blue-reserve", "red-reserve") are offered too. */
static const char *nearest_formation(const fsim_scenario *sc, const char *name, int pools) {
  fsim_nearest n;
  fsim_nearest_init(&n, name);
  for (int i = 0; i < sc->nformations; i++) fsim_nearest_offer(&n, sc->formations[i].name);
  for (int s = 0; s < FSIM_NSIDES && pools; s++) fsim_nearest_offer(&n, pool_names[s]);
  return fsim_nearest_result(&n);
}

/* Why a sector name cannot be used, at sector i (0: it can). Case is ignored
 * against the reserved names and the other sectors' names, since a sector's file
 * series/<name>.csv is one with series/<NAME>.csv on a file system that ignores
 * case (macOS, Windows). */
static fsim_status check_sector_name(rctx *c, const fsim_scenario *sc, int i, const char *p) {
  const char *name = sc->sectors[i].name;
  for (size_t r = 0; r < NRESERVED; r++)
    if (strcasecmp(name, reserved_sector_names[r]) == 0)
      return bad(c, p,
                 "\"%s\" is a reserved word; choose another sector name (reserved: %s, %s, %s; "
                 "series/%s.csv holds the sides' totals)",
                 name, reserved_sector_names[0], reserved_sector_names[1],
                 reserved_sector_names[2], FSIM_SERIES_SIDES);
  for (int j = 0; j < i; j++) {
    const char *other = sc->sectors[j].name;
    if (strcmp(other, name) == 0)
      return bad(c, p, "duplicate sector name \"%s\" (also sectors.[%d])", name, j);
    if (strcasecmp(other, name) == 0)
      return bad(c, p,
                 "\"%s\" differs from sectors.[%d] (\"%s\") only in case; both would write "
                 "series/%s.csv on a file system that ignores case",
                 name, j, other, other);
  }
  return FSIM_OK;
}

static fsim_status check_sectors(rctx *c, fsim_scenario *sc) {
  char p[FSIM_ERROR_PLACE];
  if (sc->nsectors == 0) return bad(c, "sectors", "must list at least one sector");
  for (int i = 0; i < sc->nsectors; i++) {
    fsim_sector_def *s = &sc->sectors[i];
    snprintf(p, sizeof p, "sectors.[%d].name", i);
    fsim_status st = check_sector_name(c, sc, i, p);
    if (st != FSIM_OK) return st;
    snprintf(p, sizeof p, "sectors.[%d].attacker", i);
    st = want_side(c, p, s->attacker, &s->attacker_side);
    if (st != FSIM_OK) return st;
    if (s->has_held_area) {
      snprintf(p, sizeof p, "sectors.[%d].held_area.holder", i);
      st = want_side(c, p, s->held_area.holder, &s->held_area.holder_side);
      if (st != FSIM_OK) return st;
      snprintf(p, sizeof p, "sectors.[%d].held_area.initial_km2", i);
      if (s->held_area.initial_km2 > s->held_area.max_km2)
        return bad(c, p, "must be <= max_km2 (%g), got %g", s->held_area.max_km2,
                   s->held_area.initial_km2);
    }
    if (s->has_supply) {
      snprintf(p, sizeof p, "sectors.[%d].supply.side", i);
      st = want_side(c, p, s->supply.side, &s->supply.supplied_side);
      if (st != FSIM_OK) return st;
      snprintf(p, sizeof p, "sectors.[%d].supply.stock_days", i);
      if (s->supply.stock_days > s->supply.stock_max_days)
        return bad(c, p, "must be <= stock_max_days (%g), got %g", s->supply.stock_max_days,
                   s->supply.stock_days);
    }
    for (int k = 0; k < s->nschedule; k++) {
      snprintf(p, sizeof p, "sectors.[%d].schedule.[%d].day", i, k);
      if (s->schedule[k].day > sc->run.days)
        return bad(c, p, "must be <= run.days (%d), got %d", sc->run.days, s->schedule[k].day);
      if (k > 0 && s->schedule[k].day <= s->schedule[k - 1].day)
        return bad(c, p, "must be after the day of the change before it (%d), got %d",
                   s->schedule[k - 1].day, s->schedule[k].day);
    }
  }
  return FSIM_OK;
}

static fsim_status check_formations(rctx *c, fsim_scenario *sc) {
  char p[FSIM_ERROR_PLACE];
  for (int i = 0; i < sc->nformations; i++) {
    fsim_formation_def *f = &sc->formations[i];
    snprintf(p, sizeof p, "formations.[%d].name", i);
    for (int j = 0; j < i; j++)
      if (strcmp(sc->formations[j].name, f->name) == 0)
        return bad(c, p, "duplicate formation name \"%s\" (also formations.[%d])", f->name, j);
    for (int s = 0; s < FSIM_NSIDES; s++) {
      char implicit[FSIM_NAME_MAX];
      snprintf(implicit, sizeof implicit, "%s-reserve", fsim_side_key(s));
      if (strcmp(f->name, implicit) == 0)
        return bad(c, p, "\"%s\" is the name of %s's reserve pool; choose another", f->name,
                   fsim_side_key(s));
    }
    snprintf(p, sizeof p, "formations.[%d].side", i);
    fsim_status st = want_side(c, p, f->side, &f->side_idx);
    if (st != FSIM_OK) return st;
    snprintf(p, sizeof p, "formations.[%d].location", i);
    st = want_location(c, sc, p, f->location, 1, &f->loc);
    if (st != FSIM_OK) return st;
    snprintf(p, sizeof p, "formations.[%d].arrival_day", i);
    if (f->arrival_day > sc->run.days)
      return bad(c, p, "must be <= run.days (%d), got %d", sc->run.days, f->arrival_day);
  }
  return FSIM_OK;
}

/* A rule's `formations` (transfer, withdraw): each a formation of the side, listed once,
 * with a did-you-mean for a typo. A withdraw rule may also name the side's reserve pool
 * ("<side>-reserve"), whose personnel in the sector are those sent from the reserve: its
 * formation is added after the checks, at index nformations + side (fsim_scenario_resolve). */
static fsim_status resolve_formation_list(rctx *c, const fsim_scenario *sc, int side,
                                          fsim_rule_def *r, const char *base, int pools) {
  char p[FSIM_ERROR_PLACE];
  for (int i = 0; i < r->nformations; i++) {
    snprintf(p, sizeof p, "%s.formations.[%d]", base, i);
    int f = formation_index(sc, r->formations[i]), fside = f >= 0 ? sc->formations[f].side_idx : -1;
    for (int s = 0; s < FSIM_NSIDES && f < 0 && pools; s++)
      if (strcmp(r->formations[i], pool_names[s]) == 0) f = sc->nformations + s, fside = s;
    if (f < 0) {
      const char *near = nearest_formation(sc, r->formations[i], pools);
      if (near)
        return bad(c, p, "no formation named \"%s\"; did you mean \"%s\"?",
                   r->formations[i], near);
      return bad(c, p, "no formation named \"%s\"", r->formations[i]);
    }
    for (int j = 0; j < i; j++)
      if (r->formation_idx[j] == f)
        return bad(c, p, "\"%s\" is listed twice", r->formations[i]);
    if (fside != side)
      return bad(c, p, "formation \"%s\" belongs to %s, not %s", r->formations[i],
                 fsim_side_key(fside), fsim_side_key(side));
    r->formation_idx[i] = f;
  }
  return FSIM_OK;
}

/* A withdraw rule (MODEL.md 8.6): its sector, and triggers that can fire there. */
static fsim_status check_withdraw(rctx *c, fsim_scenario *sc, int side, fsim_rule_def *r,
                                  const char *base) {
  char p[FSIM_ERROR_PLACE];
  snprintf(p, sizeof p, "%s.sector", base);
  fsim_status st = want_location(c, sc, p, r->sector, 0, &r->sector_idx);
  if (st != FSIM_OK) return st;
  const fsim_sector_def *d = &sc->sectors[r->sector_idx];
  if (r->to_loc == r->sector_idx) {
    snprintf(p, sizeof p, "%s.to", base);
    return bad(c, p, "a withdrawal must leave its sector (\"%s\")", r->to);
  }
  if (!(r->area_below_km2 > 0) && !(r->area_retaken_below_km2 > 0) && !r->route_cut &&
      !(r->ratio_below > 0))
    return bad(c, base, "a withdraw rule needs a trigger: area_below_km2, "
                        "area_retaken_below_km2, route_cut or ratio_below (found none)");
  snprintf(p, sizeof p, "%s.area_below_km2", base);
  if (r->area_below_km2 > 0 && !(d->has_held_area && d->held_area.holder_side == side))
    return bad(c, p, "sector \"%s\" has no held area held by %s", d->name, fsim_side_key(side));
  /* Moving on leaves ground retaken from the enemy: the area must be the enemy's. */
  snprintf(p, sizeof p, "%s.area_retaken_below_km2", base);
  if (r->area_retaken_below_km2 > 0 && !(d->has_held_area && d->held_area.holder_side != side))
    return bad(c, p, "sector \"%s\" has no held area held by %s (the enemy of %s)", d->name,
               fsim_side_key(1 - side), fsim_side_key(side));
  snprintf(p, sizeof p, "%s.route_cut", base);
  if (r->route_cut && !(d->has_supply && d->supply.supplied_side == side))
    return bad(c, p, "sector \"%s\" has no supply route of %s", d->name, fsim_side_key(side));
  /* Only the listed formations leave; absent, every formation of the side (MODEL.md 8.6).
     An empty list loads as an absent one: the tree tells them apart. */
  snprintf(p, sizeof p, "%s.formations", base);
  if (r->nformations == 0 && fsim_config_find(config_root_setting(c->cfg), p))
    return bad(c, p, "the list is empty: name the formations that leave, or leave the "
                     "setting out for all of them");
  st = resolve_formation_list(c, sc, side, r, base, 1);
  if (st != FSIM_OK) return st;
  int of_side = 1; /* its reserve pool */
  for (int f = 0; f < sc->nformations; f++) of_side += sc->formations[f].side_idx == side;
  r->leaves_all = r->nformations == 0 || r->nformations == of_side;
  return FSIM_OK;
}

/* A reinforce rule's threat triggers (MODEL.md 8.7): a trigger and the surge threshold
 * go together, the value trigger needs the sector's held area, the event weight an
 * event. */
static fsim_status check_threat(rctx *c, fsim_scenario *sc, fsim_rule_def *r, const char *base) {
  char p[FSIM_ERROR_PLACE];
  const int trigger = r->tempo_above > 0 || r->ground_lost_above_km > 0 || r->value_above > 0;
  if (trigger != !isnan(r->surge_threshold))
    return bad(c, base, trigger ? "a threat trigger (tempo_above, ground_lost_above_km, "
                                  "value_above) needs surge_threshold"
                                : "surge_threshold needs a threat trigger (tempo_above, "
                                  "ground_lost_above_km or value_above)");
  const fsim_sector_def *d = &sc->sectors[r->sector_idx];
  snprintf(p, sizeof p, "%s.value_above", base);
  if (r->value_above > 0 && !d->has_held_area)
    return bad(c, p, "sector \"%s\" has no held area", d->name);
  r->event_idx = -1;
  snprintf(p, sizeof p, "%s.event", base);
  for (int e = 0; e < sc->nevents && r->event[0]; e++)
    if (strcmp(sc->events[e].name, r->event) == 0) r->event_idx = e;
  if (r->event[0] && r->event_idx < 0) {
    fsim_nearest n;
    fsim_nearest_init(&n, r->event);
    for (int e = 0; e < sc->nevents; e++) fsim_nearest_offer(&n, sc->events[e].name);
    const char *near = fsim_nearest_result(&n);
    return bad(c, p, "no event named \"%s\"%s%s%s", r->event, near ? "; did you mean \"" : "",
               near ? near : "", near ? "\"?" : "");
  }
  snprintf(p, sizeof p, "%s.event_weight", base);
  if (r->event_weight > 0 && r->event_idx < 0) return bad(c, p, "needs an event");
  return FSIM_OK;
}

static fsim_status check_rule(rctx *c, fsim_scenario *sc, int side, int k) {
  fsim_rule_def *r = &sc->sides.side[side].rules[k];
  char base[64], p[FSIM_ERROR_PLACE];
  snprintf(base, sizeof base, "sides.%s.rules.[%d]", fsim_side_key(side), k);
  fsim_status st = FSIM_OK;
  r->from_loc = r->to_loc = r->sector_idx = r->event_idx = -1;
  if (r->type == FSIM_RULE_TRANSFER || r->type == FSIM_RULE_REPLACEMENTS ||
      r->type == FSIM_RULE_WITHDRAW) {
    snprintf(p, sizeof p, "%s.to", base);
    st = want_location(c, sc, p, r->to, 1, &r->to_loc);
    if (st != FSIM_OK) return st;
  }
  if (r->type == FSIM_RULE_TRANSFER) {
    snprintf(p, sizeof p, "%s.day", base);
    if (r->day > sc->run.days)
      return bad(c, p, "must be <= run.days (%d), got %d", sc->run.days, r->day);
    int given = !isnan(r->personnel) + !isnan(r->fraction) + (r->nformations > 0);
    if (given == 0)
      return bad(c, base, "a transfer needs one of personnel, fraction or formations (found "
                          "none)");
    if (given > 1) {
      const char *what[3];
      int n = 0;
      if (!isnan(r->personnel)) what[n++] = "personnel";
      if (!isnan(r->fraction)) what[n++] = "fraction";
      if (r->nformations > 0) what[n++] = "formations";
      return bad(c, base,
                 "a transfer takes only one of personnel, fraction or formations, found %s and "
                 "%s%s%s",
                 what[0], what[1], n > 2 ? " and " : "", n > 2 ? what[2] : "");
    }
    if (r->from[0]) {
      snprintf(p, sizeof p, "%s.from", base);
      st = want_location(c, sc, p, r->from, 1, &r->from_loc);
      if (st != FSIM_OK) return st;
      if (r->from_loc == r->to_loc)
        return bad(c, p, "from and to are the same place (\"%s\")", r->from);
    } else if (r->nformations == 0) {
      return bad(c, base, "a transfer of personnel or a fraction needs 'from'");
    }
    st = resolve_formation_list(c, sc, side, r, base, 0);
    if (st != FSIM_OK) return st;
  }
  if (r->type == FSIM_RULE_REINFORCE) {
    snprintf(p, sizeof p, "%s.sector", base);
    st = want_location(c, sc, p, r->sector, 0, &r->sector_idx);
    if (st != FSIM_OK) return st;
    if (r->ndonors == 0) return bad(c, base, "a reinforce rule needs at least one donor");
    for (int i = 0; i < r->ndonors; i++) {
      snprintf(p, sizeof p, "%s.donors.[%d]", base, i);
      st = want_location(c, sc, p, r->donors[i], 1, &r->donor_loc[i]);
      if (st != FSIM_OK) return st;
      if (r->donor_loc[i] == r->sector_idx)
        return bad(c, p, "a sector cannot donate to itself (\"%s\")", r->donors[i]);
      for (int j = 0; j < i; j++)
        if (r->donor_loc[j] == r->donor_loc[i])
          return bad(c, p, "\"%s\" is listed twice", r->donors[i]);
    }
  }
  if (r->type == FSIM_RULE_WITHDRAW) {
    st = check_withdraw(c, sc, side, r, base);
    if (st != FSIM_OK) return st;
  }
  if (r->type == FSIM_RULE_REINFORCE) {
    st = check_threat(c, sc, r, base);
    if (st != FSIM_OK) return st;
  }
  if (r->type == FSIM_RULE_REPLACEMENTS && r->to_loc == sc->nsectors)
    return bad(c, base, "replacements already arrive in the reserve; 'to' must be a sector");
  if (r->type != FSIM_RULE_TRANSFER && r->start_day > sc->run.days) {
    /* A rule that never acts is a mistake, as a transfer after the last day is. */
    snprintf(p, sizeof p, "%s.start_day", base);
    return bad(c, p, "must be <= run.days (%d), got %d", sc->run.days, r->start_day);
  }
  if (r->type != FSIM_RULE_TRANSFER && r->end_day > 0 && r->end_day < r->start_day) {
    snprintf(p, sizeof p, "%s.end_day", base);
    return bad(c, p, "must be >= start_day (%d) or 0, got %d", r->start_day, r->end_day);
  }
  return FSIM_OK;
}

static fsim_status check_sides(rctx *c, fsim_scenario *sc) {
  char p[FSIM_ERROR_PLACE];
  for (int s = 0; s < FSIM_NSIDES; s++) {
    const fsim_side_def *side = &sc->sides.side[s];
    /* A side with nothing at all is a mistake; a formation of 0 persons is not (a
       sweep may start a side's strength at zero), and the engine handles it. */
    int sources = side->reserve > 0 || side->replacements_per_day > 0;
    double total = side->reserve + side->replacements_per_day * sc->run.days;
    for (int f = 0; f < sc->nformations; f++)
      if (sc->formations[f].side_idx == s) {
        sources = 1;
        total += sc->formations[f].personnel;
      }
    snprintf(p, sizeof p, "sides.%s", fsim_side_key(s));
    if (total > FSIM_SIDE_PERSONS_MAX)
      /* The engine counts persons in unsigned ints (draws, loss splits). */
      return bad(c, p,
                 "%s (\"%s\") has %.0f persons in all (formations, reserve and replacements "
                 "over the run); at most %.0f",
                 fsim_side_key(s), side->name, total, FSIM_SIDE_PERSONS_MAX);
    if (!sources)
      return bad(c, p,
                 "%s (\"%s\") has no personnel: no formation of side \"%s\", no reserve and "
                 "no replacements",
                 fsim_side_key(s), side->name, fsim_side_key(s));
    for (int k = 0; k < side->nrules; k++) {
      fsim_status st = check_rule(c, sc, s, k);
      if (st != FSIM_OK) return st;
    }
  }
  return FSIM_OK;
}

static fsim_status check_events(rctx *c, fsim_scenario *sc) {
  char p[FSIM_ERROR_PLACE];
  for (int i = 0; i < sc->nevents; i++) {
    fsim_event_def *e = &sc->events[i];
    snprintf(p, sizeof p, "events.[%d]", i);
    int has_day = e->day > 0, has_date = e->date[0] != '\0';
    if (has_day == has_date)
      return bad(c, p, "an event needs exactly one of day or date (found %s)",
                 has_day ? "both" : "neither");
    if (has_date) {
      long d;
      fsim_date_parse(e->date, &d); /* checked by the table pass */
      e->day_resolved = (int)(d - sc->run.start_epoch_day) + 1;
      snprintf(p, sizeof p, "events.[%d].date", i);
    } else {
      e->day_resolved = e->day;
      snprintf(p, sizeof p, "events.[%d].day", i);
    }
    /* A shorter run (--set run.days=60) meets events set for the longer one: say
     * how to move the event into the run or drop it, in --set syntax. */
    if (has_day && e->day > sc->run.days)
      return bad(c, p,
                 "must be <= run.days (%d), got %d; move the event with --set "
                 "'events.%s.day=%d' or drop it by giving the events list without it "
                 "(--set 'events=(...)')",
                 sc->run.days, e->day, e->name, sc->run.days);
    if (e->day_resolved < 1 || e->day_resolved > sc->run.days) {
      char first[11], last[11];
      fsim_date_format(sc->run.start_epoch_day, first);
      fsim_date_format(sc->run.start_epoch_day + sc->run.days - 1, last);
      return bad(c, p,
                 "%s falls %s the run, which lasts from %s (day 1) to %s (day %d); move the "
                 "event with --set 'events.%s.date=\"%s\"' or drop it by giving the events "
                 "list without it (--set 'events=(...)')",
                 e->date, e->day_resolved < 1 ? "before" : "after", first, last, sc->run.days,
                 e->name, e->day_resolved < 1 ? first : last);
    }
    for (int j = 0; j < i; j++)
      if (strcmp(sc->events[j].name, e->name) == 0) {
        snprintf(p, sizeof p, "events.[%d].name", i);
        return bad(c, p, "duplicate event name \"%s\"", e->name);
      }
  }
  return FSIM_OK;
}

static fsim_status check_run_and_model(rctx *c, fsim_scenario *sc) {
  fsim_date_parse(sc->run.start_date, &sc->run.start_epoch_day);
  /* Every day of the run is a date the calendar reads back (charts, events): a
   * last day past the last year would be a date no scenario can state. */
  long last_day = fsim_date_from_civil(FSIM_DATE_YEAR_MAX, 12, 31);
  long end = sc->run.start_epoch_day + sc->run.days - 1;
  if (end > last_day) {
    char when[11];
    fsim_date_format(end, when);
    return bad(c, "run.days",
               "the run would end on %s (day %d); the last date frontsim handles is "
               "%d-12-31: at most %ld days from start_date %s",
               when, sc->run.days, FSIM_DATE_YEAR_MAX, last_day - sc->run.start_epoch_day + 1,
               sc->run.start_date);
  }
  const gsl_rng_type *T = fsim_rng_type_find(sc->run.rng);
  if (!T)
    return bad(c, "run.rng",
               "unknown generator \"%s\" (splitmix64, or a GSL generator such as taus2, "
               "mt19937, ranlxd2)",
               sc->run.rng);
  /* GSL's normal (ziggurat, behind the Gamma steps and the claims noise) draws integers
     below 2^24 with gsl_rng_uniform_int, which aborts on a generator with fewer values. */
  if (T->max - T->min < 0xffffffUL)
    return bad(c, "run.rng",
               "generator \"%s\" gives only %lu distinct values; at least 2^24 are needed "
               "(splitmix64, taus2, mt19937, ranlxd2, ...)",
               sc->run.rng, T->max - T->min + 1);
  sc->run.diversion = -1;
  if (sc->run.diversion_sector[0]) {
    fsim_status st =
        want_location(c, sc, "run.diversion_sector", sc->run.diversion_sector, 0, &sc->run.diversion);
    if (st != FSIM_OK) return st;
  }
  fsim_attrition_def *a = &sc->model.attrition;
  if (a->law == FSIM_LAW_FREE) {
    if (isnan(a->a) || isnan(a->b))
      return bad(c, "model.attrition", "law = \"free\" needs both exponents a and b (%s)",
                 isnan(a->a) && isnan(a->b) ? "neither is given"
                 : isnan(a->a)              ? "a is missing"
                                            : "b is missing");
  } else {
    if (!isnan(a->a) || !isnan(a->b))
      return bad(c, isnan(a->a) ? "model.attrition.b" : "model.attrition.a",
                 "exponents apply only with law = \"free\" (law \"%s\" fixes them)",
                 FSIM_ENUM_NAME(fsim_attrition_law_names, a->law));
  }
  return FSIM_OK;
}

fsim_status fsim_scenario_resolve(fsim_scenario *sc, config_t *cfg, const char *name,
                                  fsim_error *err) {
  rctx c = {cfg, name, err};
  fsim_status st = check_sectors(&c, sc);
  if (st == FSIM_OK) st = check_run_and_model(&c, sc);
  if (st == FSIM_OK) st = check_formations(&c, sc);
  if (st == FSIM_OK) st = check_sides(&c, sc);
  if (st == FSIM_OK) st = check_events(&c, sc);
  if (st == FSIM_OK && sc->has_sweep) st = fsim_sweep_resolve(sc, cfg, name, err);
  if (st == FSIM_OK && sc->has_optimize) st = fsim_optimize_resolve(sc, cfg, name, err);
  if (st != FSIM_OK) return st;

  /* One implicit formation per side holds its reserve and replacements. */
  fsim_formation_def *grown =
      realloc(sc->formations, (size_t)(sc->nformations + FSIM_NSIDES) * sizeof *grown);
  if (!grown) return fsim_error_set(err, FSIM_E_NOMEM, name, 0, "", "out of memory");
  sc->formations = grown;
  for (int s = 0; s < FSIM_NSIDES; s++) {
    fsim_formation_def *f = &sc->formations[sc->nformations++];
    memset(f, 0, sizeof *f);
    snprintf(f->name, sizeof f->name, "%s-reserve", fsim_side_key(s));
    snprintf(f->side, sizeof f->side, "%s", fsim_side_key(s));
    snprintf(f->location, sizeof f->location, RESERVE_NAME);
    f->personnel = sc->sides.side[s].reserve;
    f->quality = sc->sides.side[s].reserve_quality;
    f->side_idx = s;
    f->loc = sc->nsectors;
    f->implicit = 1;
    f->feint_factor = 1.0; /* no deception (MODEL.md 8.7) */
    f->feint_start_day = 1;
  }
  /* Output names are built from several settings' names: none may come out twice. */
  fsim_layout lay;
  st = fsim_layout_build(&lay, sc, err);
  if (st != FSIM_OK) return st;
  const char *dup = fsim_layout_duplicate(&lay);
  if (dup)
    st = fsim_error_set(err, FSIM_E_INPUT, name, 0, "",
                        "the output name \"%s\" would be made twice (by the names of events, "
                        "formations or sectors); rename one of them",
                        dup);
  fsim_layout_destroy(&lay);
  return st;
}
