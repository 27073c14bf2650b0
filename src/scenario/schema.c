/* The settings table (see schema.h). Units: persons, km, km2, days. */
#include "schema.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "scenario_internal.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define BIG 1e12
#define DAYS_MAX 36500.0
#define PERSONS_MAX FSIM_SIDE_PERSONS_MAX

/* Variants of a rule (bit = 1 << FSIM_RULE_x). */
#define V_TRANSFER (1u << FSIM_RULE_TRANSFER)
#define V_REINFORCE (1u << FSIM_RULE_REINFORCE)
#define V_REPLACEMENTS (1u << FSIM_RULE_REPLACEMENTS)

/* Field helpers: S_<kind>(struct, field, key, flags, default, min, max, unit, doc). */
#define S_INT(T, f, key, fl, def, lo, hi, unit, doc) \
  {key, FSIM_K_INT, offsetof(T, f), 0, fl, def, NULL, lo, hi, NULL, 0, unit, NULL, doc}
#define S_FLOAT(T, f, key, fl, def, lo, hi, unit, doc) \
  {key, FSIM_K_FLOAT, offsetof(T, f), 0, fl, def, NULL, lo, hi, NULL, 0, unit, NULL, doc}
#define S_TEXTK(T, f, key, kind, fl, deftext, what, doc) \
  {key, kind, offsetof(T, f), 0, fl, 0, deftext, 0, 0, what, 0, NULL, NULL, doc}
#define S_ENUM(T, f, key, fl, defidx, choices, doc) \
  {key, FSIM_K_ENUM, offsetof(T, f), 0, fl, defidx, NULL, 0, 0, choices, 0, NULL, NULL, doc}
#define S_GROUP(T, f, flagfield, key, fl, grp, doc) \
  {key, FSIM_K_GROUP, offsetof(T, f), flagfield, fl, 0, NULL, 0, 0, NULL, 0, NULL, &grp, doc}
#define S_LIST(T, f, n, key, fl, grp, doc) \
  {key, FSIM_K_LIST, offsetof(T, f), offsetof(T, n), fl, 0, NULL, 0, 0, NULL, 0, NULL, &grp, doc}

#define R FSIM_F_REQUIRED
#define O FSIM_F_OPTIONAL
#define GT FSIM_F_MIN_EXCL
#define W FSIM_F_WHOLE

/* ---- run ---------------------------------------------------------------- */
static const fsim_spec run_specs[] = {
    S_INT(fsim_run_def, days, "days", 0, 120, 1, DAYS_MAX, "days",
          "Number of simulated days; day 1 is start_date."),
    S_TEXTK(fsim_run_def, start_date, "start_date", FSIM_K_DATE, 0, "2025-01-01", NULL,
            "Calendar date of day 1 (YYYY-MM-DD)."),
    S_INT(fsim_run_def, replications, "replications", 0, 1000, 1, 1e7, "replications",
          "Monte Carlo replications (overridden by -n)."),
    {"seed", FSIM_K_INT64, offsetof(fsim_run_def, seed), 0, 0, 1, NULL, 0, 9223372036854775807.0, NULL, 0,
     NULL, NULL, "Master seed of all random streams (overridden by --seed)."},
    S_ENUM(fsim_run_def, mode, "mode", 0, FSIM_MODE_STOCHASTIC, "stochastic|expected",
           "stochastic draws every random quantity; expected replaces every draw by its mean."),
    S_TEXTK(fsim_run_def, rng, "rng", FSIM_K_NAME, 0, "splitmix64", NULL,
            "Generator of every stream: splitmix64, or any GSL generator name (taus2, "
            "mt19937, ranlxd2, ...; these cost more to reseed every day) with at least 2^24 "
            "distinct values (not uni or slatec)."),
    S_TEXTK(fsim_run_def, diversion_sector, "diversion_sector", FSIM_K_REF, O, "", "sector",
            "The sector of the diversion; summary.txt reports its yield and held area."),
};
static const fsim_group run_group = {"run", run_specs, COUNT(run_specs), 0, -1,
                                     "Length, replications, seed and mode of a run."};

/* ---- model -------------------------------------------------------------- */
static const fsim_spec attack_specs[] = {
    S_FLOAT(fsim_attack_def, rho50, "rho50", GT, 3.0, 0, 1e6, "ratio",
            "Force ratio at which an attack succeeds with probability 1/2 (MODEL.md 3)."),
    S_FLOAT(fsim_attack_def, beta, "beta", GT, 2.0, 0, 100, "-",
            "Steepness of the attack success curve (MODEL.md 3)."),
};
static const fsim_group attack_group = {"model.attack", attack_specs, COUNT(attack_specs), 0,
                                        -1, "Attack success curve."};

static const fsim_spec attrition_specs[] = {
    S_ENUM(fsim_attrition_def, law, "law", 0, FSIM_LAW_SQUARE,
           "square|linear|logarithmic|free",
           "Lanchester law: square (a,b)=(1,0), linear (1,1), logarithmic (0,1), or free."),
    S_FLOAT(fsim_attrition_def, a, "a", O, NAN, 0, 3, "-",
            "Exponent of the enemy's combat power; only with law = \"free\"."),
    S_FLOAT(fsim_attrition_def, b, "b", O, NAN, 0, 3, "-",
            "Exponent of own personnel; only with law = \"free\"."),
};
static const fsim_group attrition_group = {"model.attrition", attrition_specs,
                                           COUNT(attrition_specs), 0, -1,
                                           "Generalised Lanchester attrition (MODEL.md 5)."};

static const fsim_spec model_specs[] = {
    S_GROUP(fsim_model_def, attack, 0, "attack", 0, attack_group, "Attack success curve."),
    S_GROUP(fsim_model_def, attrition, 0, "attrition", 0, attrition_group, "Attrition law."),
};
static const fsim_group model_group = {"model", model_specs, COUNT(model_specs), 0, -1,
                                       "Model constants shared by all sectors."};

/* ---- sectors ------------------------------------------------------------ */
static const fsim_spec alpha_specs[] = {
    S_FLOAT(fsim_alpha_def, by[FSIM_BLUE], "blue", R, 0, 0, 10, "per day (law-dependent)",
            "Attrition coefficient of blue's fire on red in this sector."),
    S_FLOAT(fsim_alpha_def, by[FSIM_RED], "red", R, 0, 0, 10, "per day (law-dependent)",
            "Attrition coefficient of red's fire on blue in this sector."),
};
static const fsim_group alpha_group = {"sectors.[i].attrition", alpha_specs,
                                       COUNT(alpha_specs), 0, -1,
                                       "Attrition coefficients alpha (MODEL.md 5)."};

static const fsim_spec held_specs[] = {
    S_TEXTK(fsim_held_def, holder, "holder", FSIM_K_REF, R, NULL, "side",
            "The side holding the area; its gains (line moving its way) enlarge it."),
    S_FLOAT(fsim_held_def, initial_km2, "initial_km2", R, 0, 0, 1e7, "km2",
            "Area held on day 0."),
    S_FLOAT(fsim_held_def, max_km2, "max_km2", R, 0, 0, 1e7, "km2",
            "Upper bound of the held area (e.g. its earlier peak)."),
};
static const fsim_group held_group = {"sectors.[i].held_area", held_specs, COUNT(held_specs),
                                      0, -1, "Optional held area (MODEL.md 4)."};

static const fsim_spec supply_specs[] = {
    S_TEXTK(fsim_supply_def, side, "side", FSIM_K_REF, R, NULL, "side",
            "The side supplied through the route."),
    S_FLOAT(fsim_supply_def, distance_km, "distance_km", R | GT, 0, 0, 1e4, "km",
            "Distance from the enemy line to the route on day 0."),
    S_FLOAT(fsim_supply_def, range_km, "range_km", GT, 10.0, 0, 1e4, "km",
            "Distance at which enemy fire no longer reduces throughput."),
    S_FLOAT(fsim_supply_def, alternative, "alternative", 0, 0.3, 0, 1, "fraction",
            "Throughput left when the route is at the line (side roads, alternatives)."),
    S_FLOAT(fsim_supply_def, capacity, "capacity", 0, 1.2, 0, 100, "days of need per day",
            "Supply delivered per day at full throughput, in days of need."),
    S_FLOAT(fsim_supply_def, stock_days, "stock_days", 0, 5.0, 0, 1000, "days of need",
            "Stock on day 0."),
    S_FLOAT(fsim_supply_def, stock_max_days, "stock_max_days", 0, 10.0, 0, 1000,
            "days of need", "Largest stock the side can hold."),
};
static const fsim_group supply_group = {"sectors.[i].supply", supply_specs,
                                        COUNT(supply_specs), 0, -1,
                                        "Optional supply route (MODEL.md 6)."};

static const fsim_spec schedule_specs[] = {
    S_INT(fsim_schedule_def, day, "day", R, 0, 1, DAYS_MAX, "day",
          "First day the change applies."),
    S_FLOAT(fsim_schedule_def, engagement_rate, "engagement_rate", O, NAN, 0, 1e6,
            "engagements per day", "New engagement rate (unchanged if absent)."),
    S_FLOAT(fsim_schedule_def, counter_share, "counter_share", O, NAN, 0, 1, "fraction",
            "New counter-attack share (unchanged if absent)."),
};
static const fsim_group schedule_group = {"sectors.[i].schedule.[k]", schedule_specs,
                                          COUNT(schedule_specs), sizeof(fsim_schedule_def),
                                          -1, "Changes of a sector's tempo from a given day."};

static const fsim_spec sector_specs[] = {
    S_TEXTK(fsim_sector_def, name, "name", FSIM_K_NAME, R, NULL, NULL,
            "Sector name, used in outputs and file names."),
    S_FLOAT(fsim_sector_def, width_km, "width_km", R | GT, 0, 0, 1e4, "km",
            "Front width (turns line movement into area)."),
    S_TEXTK(fsim_sector_def, attacker, "attacker", FSIM_K_REF, R, NULL, "side",
            "The side that mainly attacks here; the other side is the defender."),
    S_FLOAT(fsim_sector_def, terrain, "terrain", GT, 1.0, 0, 100, "multiplier",
            "Terrain protection of the defender (m = terrain * fortification)."),
    S_FLOAT(fsim_sector_def, fortification, "fortification", GT, 1.0, 0, 100, "multiplier",
            "Fortification protection of the defender."),
    S_FLOAT(fsim_sector_def, engagement_rate, "engagement_rate", R, 0, 0, 1e6,
            "engagements per day", "Mean engagements per day (Poisson rate lambda)."),
    S_FLOAT(fsim_sector_def, counter_share, "counter_share", 0, 0.0, 0, 1, "fraction",
            "Share of engagements the defender initiates."),
    S_FLOAT(fsim_sector_def, step_km, "step_km", 0, 0.0, 0, 100, "km",
            "Mean line movement per successful attack (0: the line does not move)."),
    S_FLOAT(fsim_sector_def, step_shape, "step_shape", GT, 2.0, 0, 1000, "-",
            "Gamma shape of one step (larger: less variable)."),
    S_FLOAT(fsim_sector_def, x_min_km, "x_min_km", 0, -50.0, -1e4, 0, "km",
            "Furthest the line can move towards blue (negative)."),
    S_FLOAT(fsim_sector_def, x_max_km, "x_max_km", 0, 50.0, 0, 1e4, "km",
            "Furthest the line can move towards red (positive)."),
    S_GROUP(fsim_sector_def, attrition, 0, "attrition", R, alpha_group,
            "Attrition coefficients of each side's fire."),
    S_GROUP(fsim_sector_def, held_area, offsetof(fsim_sector_def, has_held_area), "held_area",
            O, held_group, "Area held in this sector (optional)."),
    S_GROUP(fsim_sector_def, supply, offsetof(fsim_sector_def, has_supply), "supply", O,
            supply_group, "Supply route in this sector (optional)."),
    S_LIST(fsim_sector_def, schedule, nschedule, "schedule", O, schedule_group,
           "Tempo changes, in increasing day order (optional)."),
};
static const fsim_group sector_group = {"sectors.[i]", sector_specs, COUNT(sector_specs),
                                        sizeof(fsim_sector_def), -1,
                                        "One sector of the front."};

/* ---- formations --------------------------------------------------------- */
static const fsim_spec formation_specs[] = {
    S_TEXTK(fsim_formation_def, name, "name", FSIM_K_NAME, R, NULL, NULL, "Formation name."),
    S_TEXTK(fsim_formation_def, side, "side", FSIM_K_REF, R, NULL, "side", "blue or red."),
    S_FLOAT(fsim_formation_def, personnel, "personnel", R | W, 0, 0, PERSONS_MAX, "persons",
            "Personnel on arrival."),
    S_FLOAT(fsim_formation_def, quality, "quality", GT, 1.0, 0, 100, "multiplier",
            "Combat effectiveness per person."),
    S_TEXTK(fsim_formation_def, location, "location", FSIM_K_REF, R, NULL,
            "sector or \"reserve\"", "Where it is (or arrives)."),
    S_INT(fsim_formation_def, arrival_day, "arrival_day", 0, 0, 0, DAYS_MAX, "day",
          "Day it arrives (0: present from the start)."),
};
static const fsim_group formation_group = {"formations.[i]", formation_specs,
                                           COUNT(formation_specs), sizeof(fsim_formation_def),
                                           -1, "The unit of allocation."};

/* ---- sides and their rules ---------------------------------------------- */
#define RULE_SPEC(f, key, kind, fl, def, deftext, lo, hi, what, variants, unit, doc) \
  {key, kind, offsetof(fsim_rule_def, f), 0, fl, def, deftext, lo, hi, what, variants, unit, \
   NULL, doc}
static const fsim_spec rule_specs[] = {
    RULE_SPEC(type, "type", FSIM_K_ENUM, R, 0, NULL, 0, 0, "transfer|reinforce|replacements",
              0, NULL, "Kind of rule."),
    RULE_SPEC(day, "day", FSIM_K_INT, R, 0, NULL, 1, DAYS_MAX, NULL, V_TRANSFER, "day",
              "Day of the transfer (morning)."),
    RULE_SPEC(from, "from", FSIM_K_REF, O, 0, "", 0, 0, "sector or \"reserve\"", V_TRANSFER,
              NULL, "Where personnel leave (optional with formations: wherever they are)."),
    RULE_SPEC(to, "to", FSIM_K_REF, R, 0, NULL, 0, 0, "sector or \"reserve\"",
              V_TRANSFER | V_REPLACEMENTS, NULL, "Where personnel go."),
    RULE_SPEC(personnel, "personnel", FSIM_K_FLOAT, O | W, NAN, NULL, 0, PERSONS_MAX, NULL,
              V_TRANSFER, "persons", "Persons to move (one of personnel, fraction, formations)."),
    RULE_SPEC(fraction, "fraction", FSIM_K_FLOAT, O, NAN, NULL, 0, 1, NULL, V_TRANSFER,
              "fraction", "Share of the side's personnel at `from` to move."),
    {"formations", FSIM_K_REFLIST, offsetof(fsim_rule_def, formations),
     offsetof(fsim_rule_def, nformations), O, 0, NULL, 0, 0, "formation", V_TRANSFER, NULL,
     NULL, "Formations to move whole."},
    RULE_SPEC(sector, "sector", FSIM_K_REF, R, 0, NULL, 0, 0, "sector", V_REINFORCE, NULL,
              "The sector the rule watches."),
    RULE_SPEC(threshold, "threshold", FSIM_K_FLOAT, GT, 1.0, NULL, 0, 1e6, NULL, V_REINFORCE,
              "ratio", "Reinforce when own/enemy combat power there falls below this."),
    RULE_SPEC(daily_cap, "daily_cap", FSIM_K_FLOAT, W, 1000, NULL, 0, PERSONS_MAX, NULL,
              V_REINFORCE, "persons per day", "Most personnel sent in one day."),
    {"donors", FSIM_K_REFLIST, offsetof(fsim_rule_def, donors), offsetof(fsim_rule_def, ndonors),
     R, 0, NULL, 0, 0, "sector or \"reserve\"", V_REINFORCE, NULL, NULL,
     "Where personnel are taken from, in priority order."},
    RULE_SPEC(donor_floor, "donor_floor", FSIM_K_FLOAT, 0, 1.0, NULL, 0, 1e6, NULL,
              V_REINFORCE, "ratio",
              "A donor sector is never stripped below this own/enemy power ratio."),
    RULE_SPEC(share, "share", FSIM_K_FLOAT, 0, 1.0, NULL, 0, 1, NULL, V_REPLACEMENTS,
              "fraction", "Share of each day's replacements sent from the reserve."),
    RULE_SPEC(delay, "delay", FSIM_K_INT, 0, 0, NULL, 0, 365, NULL, 0, "days",
              "Days in transit (0: arrives the same day)."),
    RULE_SPEC(start_day, "start_day", FSIM_K_INT, 0, 1, NULL, 1, DAYS_MAX, NULL,
              V_REINFORCE | V_REPLACEMENTS, "day", "First day the rule acts."),
    RULE_SPEC(end_day, "end_day", FSIM_K_INT, 0, 0, NULL, 0, DAYS_MAX, NULL,
              V_REINFORCE | V_REPLACEMENTS, "day", "Last day the rule acts (0: no end)."),
};
static const fsim_group rule_group = {"sides.<side>.rules.[k]", rule_specs, COUNT(rule_specs),
                                      sizeof(fsim_rule_def), 0,
                                      "Allocation rules, evaluated in order every morning."};

static const fsim_spec side_specs[] = {
    S_TEXTK(fsim_side_def, name, "name", FSIM_K_TEXT, R, NULL, NULL,
            "Display name (one line)."),
    S_FLOAT(fsim_side_def, reserve, "reserve", W, 0, 0, PERSONS_MAX, "persons",
            "Personnel in the reserve on day 0 (not in any sector)."),
    S_FLOAT(fsim_side_def, reserve_quality, "reserve_quality", GT, 1.0, 0, 100, "multiplier",
            "Quality of reserve personnel and replacements."),
    S_FLOAT(fsim_side_def, replacements_per_day, "replacements_per_day", 0, 0.0, 0, 1e7,
            "persons per day", "Daily flow of replacements into the reserve."),
    S_FLOAT(fsim_side_def, claim_bias, "claim_bias", GT, 1.0, 0, 1000, "multiplier",
            "Median over-statement of the enemy's losses in this side's claims (MODEL.md 9)."),
    S_FLOAT(fsim_side_def, claim_sigma, "claim_sigma", 0, 0.0, 0, 10, "log-sd",
            "Day-to-day noise of the claims (log-normal sigma)."),
    S_LIST(fsim_side_def, rules, nrules, "rules", O, rule_group, "Allocation rules."),
};
static const fsim_group side_group = {"sides.<side>", side_specs, COUNT(side_specs), 0, -1,
                                      "One of the two sides, keyed blue and red."};

static const fsim_spec sides_specs[] = {
    S_GROUP(fsim_sides_def, side[FSIM_BLUE], 0, "blue", R, side_group, "The blue side."),
    S_GROUP(fsim_sides_def, side[FSIM_RED], 0, "red", R, side_group, "The red side."),
};
static const fsim_group sides_group = {"sides", sides_specs, COUNT(sides_specs), 0, -1,
                                       "Exactly two sides."};

/* ---- events ------------------------------------------------------------- */
static const fsim_spec event_specs[] = {
    S_TEXTK(fsim_event_def, name, "name", FSIM_K_NAME, R, NULL, NULL, "Event name."),
    S_INT(fsim_event_def, day, "day", O, 0, 1, DAYS_MAX, "day", "Day of the event (or date)."),
    S_TEXTK(fsim_event_def, date, "date", FSIM_K_DATE, O, "", NULL,
            "Date of the event (or day)."),
};
static const fsim_group event_group = {"events.[i]", event_specs, COUNT(event_specs),
                                       sizeof(fsim_event_def), -1,
                                       "Named days at which metrics are snapshotted."};

/* ---- sweep -------------------------------------------------------------- */
static const fsim_spec param_specs[] = {
    S_TEXTK(fsim_param_def, path, "path", FSIM_K_TEXT, R, NULL, NULL,
            "The setting to vary, as for --set (e.g. \"sides.red.rules.[0].delay\")."),
    {"values", FSIM_K_NUMLIST, offsetof(fsim_param_def, values),
     offsetof(fsim_param_def, nvalues), O, 0, NULL, 0, 0, NULL, 0, NULL, NULL,
     "grid: the values to take."},
    S_FLOAT(fsim_param_def, from, "from", O, NAN, -1e12, 1e12, "setting's unit",
            "Lower end: grid with steps, or the range of lhs and sobol."),
    S_FLOAT(fsim_param_def, to, "to", O, NAN, -1e12, 1e12, "setting's unit",
            "Upper end: grid with steps, or the range of lhs and sobol."),
    S_INT(fsim_param_def, steps, "steps", O, 0, 2, 10000, "values",
          "grid: number of evenly spaced values from `from` to `to`."),
};
static const fsim_group param_group = {"sweep.parameters.[k]", param_specs, COUNT(param_specs),
                                       sizeof(fsim_param_def), -1,
                                       "One parameter of a sweep."};

static const fsim_spec sweep_specs[] = {
    S_ENUM(fsim_sweep_def, method, "method", 0, FSIM_SWEEP_GRID, "grid|lhs|sobol",
           "grid: every combination; lhs: Latin hypercube of `points`; sobol: Saltelli "
           "design of points * (k + 2) runs and Sobol' indices."),
    S_INT(fsim_sweep_def, points, "points", 0, 64, 2, 1000000, "points",
          "lhs: number of points; sobol: base sample size N."),
    S_INT(fsim_sweep_def, replications, "replications", 0, 100, 1, 10000000, "replications",
          "Replications per point (overridden by -n)."),
    S_INT(fsim_sweep_def, bootstrap, "bootstrap", 0, 500, 0, 100000, "resamples",
          "sobol: bootstrap resamples for the intervals of the indices."),
    {"metrics", FSIM_K_REFLIST, offsetof(fsim_sweep_def, metrics),
     offsetof(fsim_sweep_def, nmetrics), O | FSIM_F_DOTTED, 0, NULL, 0, 0, "metric", 0, NULL,
     NULL, "Metrics to collect (names as in summary.csv); default: all."},
    S_LIST(fsim_sweep_def, params, nparams, "parameters", R, param_group,
           "The parameters to vary."),
};
static const fsim_group sweep_group = {"sweep", sweep_specs, COUNT(sweep_specs), 0, -1,
                                       "Batch experiments over parameters (frontsim sweep)."};

/* ---- root --------------------------------------------------------------- */
static const fsim_spec root_specs[] = {
    {"version", FSIM_K_INT, offsetof(fsim_scenario, version), 0, 0, 1, NULL, 1, 1, NULL, 0,
     NULL, NULL, "Scenario format version."},
    S_GROUP(fsim_scenario, run, 0, "run", 0, run_group, "Run settings."),
    S_GROUP(fsim_scenario, model, 0, "model", 0, model_group, "Model constants."),
    S_LIST(fsim_scenario, sectors, nsectors, "sectors", R, sector_group, "The sectors."),
    S_LIST(fsim_scenario, formations, nformations, "formations", O, formation_group,
           "The formations (optional: a side may have only its reserve)."),
    S_GROUP(fsim_scenario, sides, 0, "sides", R, sides_group, "The two sides."),
    S_LIST(fsim_scenario, events, nevents, "events", O, event_group, "Named days."),
    S_GROUP(fsim_scenario, sweep, offsetof(fsim_scenario, has_sweep), "sweep", O, sweep_group,
            "A sweep over parameters (optional)."),
};
const fsim_group fsim_schema_root = {"(top level)", root_specs, COUNT(root_specs), 0, -1,
                                     "A frontsim scenario."};

/* ---- lookups ------------------------------------------------------------ */
const fsim_spec *fsim_schema_find(const fsim_group *g, const char *key) {
  for (size_t i = 0; i < g->nspecs; i++)
    if (strcmp(g->specs[i].key, key) == 0) return &g->specs[i];
  return NULL;
}

/* Walks the table along a --set style path: list elements are skipped whether
 * named by index or by name. */
const fsim_spec *fsim_schema_lookup_path(const char *path) {
  char buf[512];
  if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf) return NULL;
  const fsim_group *g = &fsim_schema_root;
  const fsim_spec *sp = NULL;
  int in_list = 0;
  for (char *save = NULL, *seg = strtok_r(buf, ".", &save); seg; seg = strtok_r(NULL, ".", &save)) {
    if (in_list) { /* "[i]" or an element's name */
      in_list = 0;
      continue;
    }
    if (!g) return NULL;
    sp = fsim_schema_find(g, seg);
    if (!sp) return NULL;
    in_list = sp->kind == FSIM_K_LIST;
    g = sp->group;
  }
  return in_list ? NULL : sp;
}

int fsim_spec_applies(const fsim_spec *s, int variant) {
  if (s->variants == 0 || variant < 0) return 1;
  return (s->variants >> variant) & 1u;
}

int fsim_choice_index(const char *choices, const char *text) {
  size_t n = strlen(text);
  int i = 0;
  for (const char *p = choices; *p; i++) {
    const char *bar = strchr(p, '|');
    size_t len = bar ? (size_t)(bar - p) : strlen(p);
    if (len == n && strncmp(p, text, n) == 0) return i;
    if (!bar) break;
    p = bar + 1;
  }
  return -1;
}

void fsim_choice_name(const char *choices, int i, char *buf, size_t size) {
  const char *p = choices;
  for (int k = 0; k < i && p; k++) {
    p = strchr(p, '|');
    if (p) p++;
  }
  if (!p) {
    snprintf(buf, size, "?");
    return;
  }
  const char *bar = strchr(p, '|');
  int len = bar ? (int)(bar - p) : (int)strlen(p);
  snprintf(buf, size, "%.*s", len, p);
}
