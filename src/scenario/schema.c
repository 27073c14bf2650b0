/* The settings table (see schema.h): one designated initializer per setting.
 * Units: persons, km, km2, days. */
#include "schema.h"

#include <math.h>
#include <stddef.h>

#include "scenario_internal.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define DAYS_MAX 36500.0
#define PERSONS_MAX FSIM_SIDE_PERSONS_MAX

/* An ENUM's names: the table and its length. */
#define NAMED_BY(table) .names = (table), .nnames = COUNT(table)

/* Variants of a rule (bit = 1 << FSIM_RULE_x). */
#define V_TRANSFER (1u << FSIM_RULE_TRANSFER)
#define V_REINFORCE (1u << FSIM_RULE_REINFORCE)
#define V_REPLACEMENTS (1u << FSIM_RULE_REPLACEMENTS)
#define V_WITHDRAW (1u << FSIM_RULE_WITHDRAW)

#define R FSIM_F_REQUIRED
#define O FSIM_F_OPTIONAL
#define GT FSIM_F_MIN_EXCL
#define W FSIM_F_WHOLE

/* ---- run ---------------------------------------------------------------- */
static const fsim_spec run_specs[] = {
    {.key = "label", .kind = FSIM_K_TEXT, .offset = offsetof(fsim_run_def, label), .flags = O,
     .def_text = "",
     .doc = "What this run is, in outputs, charts and comparisons (default: the file's name "
            "and the --set overrides; see Including a base scenario)."},
    {.key = "days", .kind = FSIM_K_INT, .offset = offsetof(fsim_run_def, days), .def = 120,
     .min = 1, .max = DAYS_MAX, .unit = "days",
     .doc = "Number of simulated days; day 1 is start_date."},
    {.key = "start_date", .kind = FSIM_K_DATE, .offset = offsetof(fsim_run_def, start_date),
     .def_text = "2025-01-01",
     .doc = "Calendar date of day 1 (YYYY-MM-DD), from 1900-01-01; the run's last day must "
            "fall by 2999-12-31."},
    {.key = "replications", .kind = FSIM_K_INT, .offset = offsetof(fsim_run_def, replications),
     .def = 1000, .min = 1, .max = FSIM_REPLICATIONS_MAX, .unit = "replications",
     .doc = "Monte Carlo replications (overridden by -n)."},
    {.key = "seed", .kind = FSIM_K_INT64, .offset = offsetof(fsim_run_def, seed), .def = 1,
     .min = 0, .max = (double)FSIM_SEED_MAX,
     .doc = "Master seed of all random streams (overridden by --seed)."},
    {.key = "mode", .kind = FSIM_K_ENUM, .offset = offsetof(fsim_run_def, mode),
     .def = FSIM_MODE_STOCHASTIC, NAMED_BY(fsim_run_mode_names),
     .doc = "stochastic draws every random quantity; expected replaces every draw by its "
            "mean."},
    {.key = "rng", .kind = FSIM_K_NAME, .offset = offsetof(fsim_run_def, rng),
     .def_text = "splitmix64", .doc = "Generator of every stream: splitmix64, or any GSL "
     "generator name (taus2, mt19937, ranlxd2, ...; these cost more to reseed every day) with "
     "at least 2^24 distinct values (not uni or slatec)."},
    {.key = "diversion_sector", .kind = FSIM_K_REF,
     .offset = offsetof(fsim_run_def, diversion_sector), .flags = O, .def_text = "",
     .refers_to = "sector", .doc = "The sector of the diversion; summary.txt reports its "
                                   "yield and held area."},
};
static const fsim_group run_group = {.name = "run", .specs = run_specs,
                                     .nspecs = COUNT(run_specs),
                                     .doc = "Length, replications, seed and mode of a run."};

/* ---- model -------------------------------------------------------------- */
static const fsim_spec attack_specs[] = {
    {.key = "rho50", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_attack_def, rho50),
     .flags = GT, .def = 3.0, .min = 0, .max = 1e6, .unit = "ratio",
     .doc = "Force ratio at which an attack succeeds with probability 1/2 (MODEL.md 3)."},
    {.key = "beta", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_attack_def, beta),
     .flags = GT, .def = 2.0, .min = 0, .max = 100, .unit = "-",
     .doc = "Steepness of the attack success curve (MODEL.md 3)."},
};
static const fsim_group attack_group = {.name = "model.attack", .specs = attack_specs,
                                        .nspecs = COUNT(attack_specs),
                                        .doc = "Attack success curve."};

static const fsim_spec attrition_specs[] = {
    {.key = "law", .kind = FSIM_K_ENUM, .offset = offsetof(fsim_attrition_def, law),
     .def = FSIM_LAW_SQUARE, NAMED_BY(fsim_attrition_law_names),
     .doc = "Lanchester law: square (a,b)=(1,0), linear (1,1), logarithmic (0,1), or free."},
    {.key = "a", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_attrition_def, a), .flags = O,
     .def = NAN, .min = 0, .max = 3, .unit = "-",
     .doc = "Exponent of the enemy's combat power; only with law = \"free\"."},
    {.key = "b", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_attrition_def, b), .flags = O,
     .def = NAN, .min = 0, .max = 3, .unit = "-",
     .doc = "Exponent of own personnel; only with law = \"free\"."},
};
static const fsim_group attrition_group = {
    .name = "model.attrition", .specs = attrition_specs, .nspecs = COUNT(attrition_specs),
    .doc = "Generalised Lanchester attrition (MODEL.md 5)."};

static const fsim_spec model_specs[] = {
    {.key = "attack", .kind = FSIM_K_GROUP, .offset = offsetof(fsim_model_def, attack),
     .group = &attack_group, .doc = "Attack success curve."},
    {.key = "attrition", .kind = FSIM_K_GROUP, .offset = offsetof(fsim_model_def, attrition),
     .group = &attrition_group, .doc = "Attrition law."},
};
static const fsim_group model_group = {.name = "model", .specs = model_specs,
                                       .nspecs = COUNT(model_specs),
                                       .doc = "Model constants shared by all sectors."};

/* ---- sectors ------------------------------------------------------------ */
static const fsim_spec alpha_specs[] = {
    {.key = "blue", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_alpha_def, by[FSIM_BLUE]),
     .flags = R, .min = 0, .max = 10, .unit = "per day (law-dependent)",
     .doc = "Attrition coefficient of blue's fire on red in this sector."},
    {.key = "red", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_alpha_def, by[FSIM_RED]),
     .flags = R, .min = 0, .max = 10, .unit = "per day (law-dependent)",
     .doc = "Attrition coefficient of red's fire on blue in this sector."},
};
static const fsim_group alpha_group = {.name = "sectors.[i].attrition", .specs = alpha_specs,
                                       .nspecs = COUNT(alpha_specs),
                                       .doc = "Attrition coefficients alpha (MODEL.md 5)."};

static const fsim_spec held_specs[] = {
    {.key = "holder", .kind = FSIM_K_REF, .offset = offsetof(fsim_held_def, holder),
     .flags = R, .refers_to = "side",
     .doc = "The side holding the area; its gains (line moving its way) enlarge it."},
    {.key = "initial_km2", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_held_def, initial_km2),
     .flags = R, .min = 0, .max = 1e7, .unit = "km2", .doc = "Area held on day 0."},
    {.key = "max_km2", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_held_def, max_km2),
     .flags = R, .min = 0, .max = 1e7, .unit = "km2",
     .doc = "Upper bound of the held area (e.g. its earlier peak)."},
    {.key = "quiet_rate", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_held_def, quiet_rate),
     .flags = O, .def = NAN, .min = 0, .max = 1e6, .unit = "engagements per day", .since = 2,
     .doc = "Engagement rate of the sector while the holder has nobody there and the area is "
            "0, every engagement the enemy's (MODEL.md 2; absent: the sector's tempo goes "
            "on)."},
};
static const fsim_group held_group = {.name = "sectors.[i].held_area", .specs = held_specs,
                                      .nspecs = COUNT(held_specs),
                                      .doc = "Optional held area (MODEL.md 4)."};

static const fsim_spec supply_specs[] = {
    {.key = "side", .kind = FSIM_K_REF, .offset = offsetof(fsim_supply_def, side), .flags = R,
     .refers_to = "side", .doc = "The side supplied through the route."},
    {.key = "distance_km", .kind = FSIM_K_FLOAT,
     .offset = offsetof(fsim_supply_def, distance_km), .flags = R | GT, .min = 0, .max = 1e4,
     .unit = "km", .doc = "Distance from the enemy line to the route on day 0."},
    {.key = "range_km", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_supply_def, range_km),
     .flags = GT, .def = 10.0, .min = 0, .max = 1e4, .unit = "km",
     .doc = "Distance at which enemy fire no longer reduces throughput."},
    {.key = "alternative", .kind = FSIM_K_FLOAT,
     .offset = offsetof(fsim_supply_def, alternative), .def = 0.3, .min = 0, .max = 1,
     .unit = "fraction",
     .doc = "Throughput left when the route is at the line (side roads, alternatives)."},
    {.key = "capacity", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_supply_def, capacity),
     .def = 1.2, .min = 0, .max = 100, .unit = "days of need per day",
     .doc = "Supply delivered per day at full throughput, in days of need."},
    {.key = "stock_days", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_supply_def, stock_days),
     .def = 5.0, .min = 0, .max = 1000, .unit = "days of need", .doc = "Stock on day 0."},
    {.key = "stock_max_days", .kind = FSIM_K_FLOAT,
     .offset = offsetof(fsim_supply_def, stock_max_days), .def = 10.0, .min = 0, .max = 1000,
     .unit = "days of need", .doc = "Largest stock the side can hold."},
};
static const fsim_group supply_group = {.name = "sectors.[i].supply", .specs = supply_specs,
                                        .nspecs = COUNT(supply_specs),
                                        .doc = "Optional supply route (MODEL.md 6)."};

static const fsim_spec schedule_specs[] = {
    {.key = "day", .kind = FSIM_K_INT, .offset = offsetof(fsim_schedule_def, day), .flags = R,
     .min = 1, .max = DAYS_MAX, .unit = "day", .doc = "First day the change applies."},
    {.key = "engagement_rate", .kind = FSIM_K_FLOAT,
     .offset = offsetof(fsim_schedule_def, engagement_rate), .flags = O, .def = NAN, .min = 0,
     .max = 1e6, .unit = "engagements per day",
     .doc = "New engagement rate (unchanged if absent)."},
    {.key = "counter_share", .kind = FSIM_K_FLOAT,
     .offset = offsetof(fsim_schedule_def, counter_share), .flags = O, .def = NAN, .min = 0,
     .max = 1, .unit = "fraction", .doc = "New counter-attack share (unchanged if absent)."},
};
static const fsim_group schedule_group = {
    .name = "sectors.[i].schedule.[k]", .specs = schedule_specs,
    .nspecs = COUNT(schedule_specs), .elem_size = sizeof(fsim_schedule_def),
    .doc = "Changes of a sector's tempo from a given day."};

static const fsim_spec sector_specs[] = {
    {.key = "name", .kind = FSIM_K_NAME, .offset = offsetof(fsim_sector_def, name), .flags = R,
     .doc = "Sector name, used in outputs and file names."},
    {.key = "width_km", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_sector_def, width_km),
     .flags = R | GT, .min = 0, .max = 1e4, .unit = "km",
     .doc = "Front width (turns line movement into area)."},
    {.key = "attacker", .kind = FSIM_K_REF, .offset = offsetof(fsim_sector_def, attacker),
     .flags = R, .refers_to = "side",
     .doc = "The side that mainly attacks here; the other side is the defender."},
    {.key = "terrain", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_sector_def, terrain),
     .flags = GT, .def = 1.0, .min = 0, .max = 100, .unit = "multiplier",
     .doc = "Terrain protection of the defender (m = terrain * fortification)."},
    {.key = "fortification", .kind = FSIM_K_FLOAT,
     .offset = offsetof(fsim_sector_def, fortification), .flags = GT, .def = 1.0, .min = 0,
     .max = 100, .unit = "multiplier", .doc = "Fortification protection of the defender."},
    {.key = "engagement_rate", .kind = FSIM_K_FLOAT,
     .offset = offsetof(fsim_sector_def, engagement_rate), .flags = R, .min = 0, .max = 1e6,
     .unit = "engagements per day", .doc = "Mean engagements per day (Poisson rate lambda)."},
    {.key = "counter_share", .kind = FSIM_K_FLOAT,
     .offset = offsetof(fsim_sector_def, counter_share), .def = 0.0, .min = 0, .max = 1,
     .unit = "fraction", .doc = "Share of engagements the defender initiates."},
    {.key = "step_km", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_sector_def, step_km),
     .def = 0.0, .min = 0, .max = 100, .unit = "km",
     .doc = "Mean line movement per successful attack (0: the line does not move)."},
    {.key = "step_shape", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_sector_def, step_shape),
     .flags = GT, .def = 2.0, .min = 0, .max = 1000, .unit = "-",
     .doc = "Gamma shape of one step (larger: less variable)."},
    {.key = "x_min_km", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_sector_def, x_min_km),
     .def = -50.0, .min = -1e4, .max = 0, .unit = "km",
     .doc = "Furthest the line can move towards blue (negative)."},
    {.key = "x_max_km", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_sector_def, x_max_km),
     .def = 50.0, .min = 0, .max = 1e4, .unit = "km",
     .doc = "Furthest the line can move towards red (positive)."},
    {.key = "attrition", .kind = FSIM_K_GROUP, .offset = offsetof(fsim_sector_def, attrition),
     .flags = R, .group = &alpha_group, .doc = "Attrition coefficients of each side's fire."},
    {.key = "held_area", .kind = FSIM_K_GROUP, .offset = offsetof(fsim_sector_def, held_area),
     .count_offset = offsetof(fsim_sector_def, has_held_area), .flags = O,
     .group = &held_group, .doc = "Area held in this sector (optional)."},
    {.key = "supply", .kind = FSIM_K_GROUP, .offset = offsetof(fsim_sector_def, supply),
     .count_offset = offsetof(fsim_sector_def, has_supply), .flags = O,
     .group = &supply_group, .doc = "Supply route in this sector (optional)."},
    {.key = "schedule", .kind = FSIM_K_LIST, .offset = offsetof(fsim_sector_def, schedule),
     .count_offset = offsetof(fsim_sector_def, nschedule), .flags = O,
     .group = &schedule_group, .doc = "Tempo changes, in increasing day order (optional)."},
};
static const fsim_group sector_group = {
    .name = "sectors.[i]", .specs = sector_specs, .nspecs = COUNT(sector_specs),
    .elem_size = sizeof(fsim_sector_def), .doc = "One sector of the front."};

/* ---- formations --------------------------------------------------------- */
static const fsim_spec formation_specs[] = {
    {.key = "name", .kind = FSIM_K_NAME, .offset = offsetof(fsim_formation_def, name),
     .flags = R, .doc = "Formation name."},
    {.key = "side", .kind = FSIM_K_REF, .offset = offsetof(fsim_formation_def, side),
     .flags = R, .refers_to = "side", .doc = "blue or red."},
    {.key = "personnel", .kind = FSIM_K_FLOAT,
     .offset = offsetof(fsim_formation_def, personnel), .flags = R | W, .min = 0,
     .max = PERSONS_MAX, .unit = "persons", .doc = "Personnel on arrival."},
    {.key = "quality", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_formation_def, quality),
     .flags = GT, .def = 1.0, .min = 0, .max = 100, .unit = "multiplier",
     .doc = "Combat effectiveness per person."},
    {.key = "location", .kind = FSIM_K_REF, .offset = offsetof(fsim_formation_def, location),
     .flags = R, .refers_to = "sector or \"reserve\"", .doc = "Where it is (or arrives)."},
    {.key = "arrival_day", .kind = FSIM_K_INT,
     .offset = offsetof(fsim_formation_def, arrival_day), .def = 0, .min = 0, .max = DAYS_MAX,
     .unit = "day", .doc = "Day it arrives (0: present from the start)."},
    {.key = "feint_factor", .kind = FSIM_K_FLOAT,
     .offset = offsetof(fsim_formation_def, feint_factor), .flags = O | GT, .def = 1.0,
     .min = 0, .max = 1000, .unit = "multiplier", .since = 2,
     .doc = "Deception: the formation looks this many times its size to the enemy's "
            "intelligence from feint_start_day to feint_end_day (1: as it is; MODEL.md 8.7)."},
    {.key = "feint_start_day", .kind = FSIM_K_INT,
     .offset = offsetof(fsim_formation_def, feint_start_day), .flags = O, .def = 1, .min = 1,
     .max = DAYS_MAX, .unit = "day", .since = 2,
     .doc = "First morning of the feint (default 1)."},
    {.key = "feint_end_day", .kind = FSIM_K_INT,
     .offset = offsetof(fsim_formation_def, feint_end_day), .flags = O, .def = 0, .min = 0,
     .max = DAYS_MAX, .unit = "day", .since = 2,
     .doc = "Last morning of the feint (default 0: the end of the run)."},
};
static const fsim_group formation_group = {
    .name = "formations.[i]", .specs = formation_specs, .nspecs = COUNT(formation_specs),
    .elem_size = sizeof(fsim_formation_def), .doc = "The unit of allocation."};

/* ---- sides and their rules ---------------------------------------------- */
static const fsim_spec rule_specs[] = {
    {.key = "type", .kind = FSIM_K_ENUM, .offset = offsetof(fsim_rule_def, type), .flags = R,
     NAMED_BY(fsim_rule_type_names),
     .doc = "Kind of rule (MODEL.md 8; \"withdraw\" from version 2)."},
    {.key = "day", .kind = FSIM_K_INT, .offset = offsetof(fsim_rule_def, day), .flags = R,
     .min = 1, .max = DAYS_MAX, .variants = V_TRANSFER, .unit = "day",
     .doc = "Day of the transfer (morning)."},
    {.key = "from", .kind = FSIM_K_REF, .offset = offsetof(fsim_rule_def, from), .flags = O,
     .def_text = "", .refers_to = "sector or \"reserve\"", .variants = V_TRANSFER,
     .doc = "Where personnel leave (optional with formations: wherever they are)."},
    {.key = "to", .kind = FSIM_K_REF, .offset = offsetof(fsim_rule_def, to), .flags = R,
     .refers_to = "sector or \"reserve\"",
     .variants = V_TRANSFER | V_REPLACEMENTS | V_WITHDRAW, .doc = "Where personnel go."},
    {.key = "personnel", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_rule_def, personnel),
     .flags = O | W, .def = NAN, .min = 0, .max = PERSONS_MAX, .variants = V_TRANSFER,
     .unit = "persons", .doc = "Persons to move (one of personnel, fraction, formations)."},
    {.key = "fraction", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_rule_def, fraction),
     .flags = O, .def = NAN, .min = 0, .max = 1, .variants = V_TRANSFER, .unit = "fraction",
     .doc = "Share of the side's personnel at `from` to move."},
    {.key = "formations", .kind = FSIM_K_REFLIST, .offset = offsetof(fsim_rule_def, formations),
     .count_offset = offsetof(fsim_rule_def, nformations), .flags = O,
     .refers_to = "formation", .variants = V_TRANSFER | V_WITHDRAW,
     .doc = "Transfer: formations to move whole. Withdraw (version 2): the only formations "
            "that leave, which may name the side's reserve pool (\"blue-reserve\" or "
            "\"red-reserve\"); the others stay (default: every formation; MODEL.md 8.6)."},
    {.key = "sector", .kind = FSIM_K_REF, .offset = offsetof(fsim_rule_def, sector), .flags = R,
     .refers_to = "sector", .variants = V_REINFORCE | V_WITHDRAW,
     .doc = "The sector the rule watches."},
    {.key = "threshold", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_rule_def, threshold),
     .flags = GT, .def = 1.0, .min = 0, .max = 1e6, .variants = V_REINFORCE, .unit = "ratio",
     .doc = "Reinforce when own/enemy combat power there falls below this."},
    {.key = "daily_cap", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_rule_def, daily_cap),
     .flags = W, .def = 1000, .min = 0, .max = PERSONS_MAX, .variants = V_REINFORCE | V_WITHDRAW,
     .unit = "persons per day", .doc = "Most personnel sent in one day."},
    {.key = "donors", .kind = FSIM_K_REFLIST, .offset = offsetof(fsim_rule_def, donors),
     .count_offset = offsetof(fsim_rule_def, ndonors), .flags = R,
     .refers_to = "sector or \"reserve\"", .variants = V_REINFORCE,
     .doc = "Where personnel are taken from, in priority order."},
    {.key = "donor_floor", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_rule_def, donor_floor),
     .def = 1.0, .min = 0, .max = 1e6, .variants = V_REINFORCE, .unit = "ratio",
     .doc = "A donor sector is never stripped below this own/enemy power ratio."},
    {.key = "share", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_rule_def, share), .def = 1.0,
     .min = 0, .max = 1, .variants = V_REPLACEMENTS, .unit = "fraction",
     .doc = "Share of each day's replacements sent from the reserve."},
    {.key = "area_below_km2", .kind = FSIM_K_FLOAT,
     .offset = offsetof(fsim_rule_def, area_below_km2), .def = 0, .min = 0, .max = 1e7,
     .variants = V_WITHDRAW, .unit = "km2",
     .doc = "Withdraw once the side's held area in the sector is below this (0: no such "
            "trigger; the side must hold the sector's held area; MODEL.md 8.6)."},
    {.key = "area_retaken_below_km2", .kind = FSIM_K_FLOAT,
     .offset = offsetof(fsim_rule_def, area_retaken_below_km2), .flags = O, .def = 0, .min = 0,
     .max = 1e7, .variants = V_WITHDRAW, .unit = "km2",
     .doc = "Move on once the enemy's held area in the sector is below this: the victor leaves "
            "ground it has retaken (0: no such trigger; the side must not be the held area's "
            "holder; MODEL.md 8.6)."},
    {.key = "route_cut", .kind = FSIM_K_INT, .offset = offsetof(fsim_rule_def, route_cut),
     .def = 0, .min = 0, .max = 1, .variants = V_WITHDRAW, .unit = "0 or 1",
     .doc = "1: withdraw once the side's supply route in the sector is cut (MODEL.md 6)."},
    {.key = "ratio_below", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_rule_def, ratio_below),
     .def = 0, .min = 0, .max = 1e6, .variants = V_WITHDRAW, .unit = "ratio",
     .doc = "Withdraw once own/enemy combat power in the sector, as the side perceives the "
            "enemy's (MODEL.md 8.7), is below this (0: no such trigger)."},
    {.key = "rearguard_rate", .kind = FSIM_K_FLOAT,
     .offset = offsetof(fsim_rule_def, rearguard_rate), .def = 0, .min = 0, .max = 1,
     .variants = V_WITHDRAW, .unit = "per day",
     .doc = "Extra share of those still in the sector lost each day of the withdrawal, "
            "while the enemy has power there (the rear guard)."},
    {.key = "surge_threshold", .kind = FSIM_K_FLOAT,
     .offset = offsetof(fsim_rule_def, surge_threshold), .flags = O | GT, .def = NAN, .min = 0,
     .max = 1e6, .variants = V_REINFORCE, .unit = "ratio", .since = 2,
     .doc = "The threshold while a threat trigger holds (tempo_above, ground_lost_above_km, "
            "value_above; MODEL.md 8.7); required with a trigger."},
    {.key = "tempo_above", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_rule_def, tempo_above),
     .flags = O, .def = 0, .min = 0, .max = 1e6, .variants = V_REINFORCE,
     .unit = "attacks per day", .since = 2,
     .doc = "Trigger: the enemy's attacks in the sector, a day on average over the last "
            "window_days, above this (0: no such trigger)."},
    {.key = "ground_lost_above_km", .kind = FSIM_K_FLOAT,
     .offset = offsetof(fsim_rule_def, ground_lost_above_km), .flags = O, .def = 0, .min = 0,
     .max = 1e4, .variants = V_REINFORCE, .unit = "km", .since = 2,
     .doc = "Trigger: ground the side lost in the sector over the last window_days above "
            "this (0: no such trigger)."},
    {.key = "window_days", .kind = FSIM_K_INT, .offset = offsetof(fsim_rule_def, window_days),
     .flags = O, .def = 7, .min = 1, .max = 365, .variants = V_REINFORCE, .unit = "days",
     .since = 2, .doc = "Days the tempo and ground-lost triggers look back (default 7)."},
    {.key = "value_above", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_rule_def, value_above),
     .flags = O, .def = 0, .min = 0, .max = 1e9, .variants = V_REINFORCE, .unit = "km2",
     .since = 2, .doc = "Trigger: the value of the ground at stake (the sector's held area, "
     "weighted) above this (0: no such trigger; the sector needs a held area)."},
    {.key = "own_soil_weight", .kind = FSIM_K_FLOAT,
     .offset = offsetof(fsim_rule_def, own_soil_weight), .flags = O | GT, .def = 1.0,
     .min = 0, .max = 1e3, .variants = V_REINFORCE, .unit = "multiplier", .since = 2,
     .doc = "Weight of the held area when the enemy holds it (the side's own soil; default "
            "1)."},
    {.key = "event", .kind = FSIM_K_REF, .offset = offsetof(fsim_rule_def, event),
     .flags = O, .def_text = "", .refers_to = "event", .variants = V_REINFORCE, .since = 2,
     .doc = "The named event whose approach raises the value of the ground at stake."},
    {.key = "event_weight", .kind = FSIM_K_FLOAT,
     .offset = offsetof(fsim_rule_def, event_weight), .flags = O, .def = 0, .min = 0,
     .max = 1e3, .variants = V_REINFORCE, .unit = "multiplier", .since = 2,
     .doc = "How much more the ground weighs on the event's day (rising linearly over "
            "event_horizon_days; 0 after the event)."},
    {.key = "event_horizon_days", .kind = FSIM_K_INT,
     .offset = offsetof(fsim_rule_def, event_horizon_days), .flags = O, .def = 30, .min = 1,
     .max = DAYS_MAX, .variants = V_REINFORCE, .unit = "days", .since = 2,
     .doc = "Days before the event over which its weight rises (default 30)."},
    {.key = "priority", .kind = FSIM_K_INT, .offset = offsetof(fsim_rule_def, priority),
     .flags = O, .def = 0, .min = -1000, .max = 1000, .since = 2,
     .doc = "A side's rules act in decreasing priority each morning, in list order among "
            "equals (default 0): which sector's request the shared donors answer first."},
    {.key = "delay", .kind = FSIM_K_INT, .offset = offsetof(fsim_rule_def, delay), .def = 0,
     .min = 0, .max = 365, .unit = "days", .doc = "Days in transit (0: arrives the same day)."},
    {.key = "start_day", .kind = FSIM_K_INT, .offset = offsetof(fsim_rule_def, start_day),
     .def = 1, .min = 1, .max = DAYS_MAX, .variants = V_REINFORCE | V_REPLACEMENTS | V_WITHDRAW,
     .unit = "day", .doc = "First day the rule acts."},
    {.key = "end_day", .kind = FSIM_K_INT, .offset = offsetof(fsim_rule_def, end_day), .def = 0,
     .min = 0, .max = DAYS_MAX, .variants = V_REINFORCE | V_REPLACEMENTS | V_WITHDRAW,
     .unit = "day", .doc = "Last day the rule acts (0: no end)."},
};
static const fsim_group rule_group = {
    .name = "sides.<side>.rules.[k]", .specs = rule_specs, .nspecs = COUNT(rule_specs),
    .elem_size = sizeof(fsim_rule_def), .variant = &rule_specs[0],
    .doc = "Allocation rules, evaluated in order every morning."};

static const fsim_spec side_specs[] = {
    {.key = "name", .kind = FSIM_K_TEXT, .offset = offsetof(fsim_side_def, name), .flags = R,
     .doc = "Display name (one line)."},
    {.key = "reserve", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_side_def, reserve),
     .flags = W, .def = 0, .min = 0, .max = PERSONS_MAX, .unit = "persons",
     .doc = "Personnel in the reserve on day 0 (not in any sector)."},
    {.key = "reserve_quality", .kind = FSIM_K_FLOAT,
     .offset = offsetof(fsim_side_def, reserve_quality), .flags = GT, .def = 1.0, .min = 0,
     .max = 100, .unit = "multiplier", .doc = "Quality of reserve personnel and replacements."},
    {.key = "replacements_per_day", .kind = FSIM_K_FLOAT,
     .offset = offsetof(fsim_side_def, replacements_per_day), .def = 0.0, .min = 0, .max = 1e7,
     .unit = "persons per day", .doc = "Daily flow of replacements into the reserve."},
    {.key = "claim_bias", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_side_def, claim_bias),
     .flags = GT, .def = 1.0, .min = 0, .max = 1000, .unit = "multiplier",
     .doc = "Median over-statement of the enemy's losses in this side's claims (MODEL.md 9)."},
    {.key = "claim_sigma", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_side_def, claim_sigma),
     .def = 0.0, .min = 0, .max = 10, .unit = "log-sd",
     .doc = "Day-to-day noise of the claims (log-normal sigma)."},
    {.key = "intel_bias", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_side_def, intel_bias),
     .flags = O | GT, .def = 1.0, .min = 0, .max = 1000, .unit = "multiplier", .since = 2,
     .doc = "Median factor of this side's intelligence on the enemy's combat power in a "
            "sector, which its rules read (MODEL.md 8.7; default 1)."},
    {.key = "intel_sigma", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_side_def, intel_sigma),
     .flags = O, .def = 0.0, .min = 0, .max = 10, .unit = "log-sd", .since = 2,
     .doc = "Day-to-day noise of that intelligence (log-normal sigma; default 0)."},
    {.key = "intel_lag_days", .kind = FSIM_K_INT,
     .offset = offsetof(fsim_side_def, intel_lag_days), .flags = O, .def = 0, .min = 0,
     .max = 365, .unit = "days", .since = 2,
     .doc = "Age of that intelligence: the enemy's power as it was this many mornings "
            "earlier (default 0)."},
    {.key = "intel_persistence", .kind = FSIM_K_FLOAT,
     .offset = offsetof(fsim_side_def, intel_persistence), .flags = O | FSIM_F_MAX_EXCL,
     .def = 0.0, .min = 0, .max = 1, .unit = "correlation", .since = 2, .doc = "Correlation "
     "of that noise's log from one morning to the next (AR(1), MODEL.md 8.7; default 0)."},
    {.key = "rules", .kind = FSIM_K_LIST, .offset = offsetof(fsim_side_def, rules),
     .count_offset = offsetof(fsim_side_def, nrules), .flags = O, .group = &rule_group,
     .doc = "Allocation rules."},
};
static const fsim_group side_group = {.name = "sides.<side>", .specs = side_specs,
                                      .nspecs = COUNT(side_specs),
                                      .doc = "One of the two sides, keyed blue and red."};

static const fsim_spec sides_specs[] = {
    {.key = "blue", .kind = FSIM_K_GROUP, .offset = offsetof(fsim_sides_def, side[FSIM_BLUE]),
     .flags = R, .group = &side_group, .doc = "The blue side."},
    {.key = "red", .kind = FSIM_K_GROUP, .offset = offsetof(fsim_sides_def, side[FSIM_RED]),
     .flags = R, .group = &side_group, .doc = "The red side."},
};
static const fsim_group sides_group = {.name = "sides", .specs = sides_specs,
                                       .nspecs = COUNT(sides_specs),
                                       .doc = "Exactly two sides."};

/* ---- events ------------------------------------------------------------- */
static const fsim_spec event_specs[] = {
    {.key = "name", .kind = FSIM_K_NAME, .offset = offsetof(fsim_event_def, name), .flags = R,
     .doc = "Event name."},
    {.key = "day", .kind = FSIM_K_INT, .offset = offsetof(fsim_event_def, day), .flags = O,
     .def = 0, .min = 1, .max = DAYS_MAX, .unit = "day", .doc = "Day of the event (or date)."},
    {.key = "date", .kind = FSIM_K_DATE, .offset = offsetof(fsim_event_def, date), .flags = O,
     .def_text = "", .doc = "Date of the event (or day), YYYY-MM-DD within the run."},
};
static const fsim_group event_group = {
    .name = "events.[i]", .specs = event_specs, .nspecs = COUNT(event_specs),
    .elem_size = sizeof(fsim_event_def), .doc = "Named days at which metrics are snapshotted."};

/* ---- sweep -------------------------------------------------------------- */
static const fsim_spec level_specs[] = {
    {.key = "name", .kind = FSIM_K_NAME, .offset = offsetof(fsim_level_def, name),
     .flags = O | FSIM_F_DOTTED,
     .def_text = "", .doc = "Short name in the outputs and charts (default: made from the "
                            "value, e.g. kurakhove-pokrovsk-reserve)."},
    {.key = "value", .kind = FSIM_K_VALUE, .offset = offsetof(fsim_level_def, value),
     .flags = R, .doc = "The setting's value at this level, of the setting's own type."},
};
static const fsim_group level_group = {
    .name = "sweep.parameters.[k].levels.[l]", .specs = level_specs,
    .nspecs = COUNT(level_specs), .elem_size = sizeof(fsim_level_def),
    .doc = "One alternative of a categorical parameter."};

static const fsim_spec param_specs[] = {
    {.key = "path", .kind = FSIM_K_TEXTS, .offset = offsetof(fsim_param_def, path), .flags = R,
     .count_offset = offsetof(fsim_param_def, npaths), .doc = "The setting to vary, as for --set "
     "(e.g. \"sides.red.rules.[0].delay\"), or an array of up to 8 settings of one type, range "
     "and unit, linked: all set to the same value at each point; the first names it in outputs."},
    {.key = "label", .kind = FSIM_K_TEXT, .offset = offsetof(fsim_param_def, label), .flags = O,
     .def_text = "", .doc = "Its name on charts (default: the path's last part in words, e.g. delay, daily cap)."},
    {.key = "unit", .kind = FSIM_K_TEXT, .offset = offsetof(fsim_param_def, unit), .flags = O,
     .def_text = "", .doc = "Its unit on charts (default: the setting's unit in this reference)."},
    {.key = "levels", .kind = FSIM_K_LIST, .offset = offsetof(fsim_param_def, levels),
     .count_offset = offsetof(fsim_param_def, nlevels), .flags = O, .group = &level_group,
     .doc = "A categorical parameter: its alternatives, each a value of any type (grid and "
            "lhs; not sobol or morris)."},
    {.key = "values", .kind = FSIM_K_NUMLIST, .offset = offsetof(fsim_param_def, values),
     .count_offset = offsetof(fsim_param_def, nvalues), .flags = O,
     .doc = "grid: the values to take."},
    {.key = "from", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_param_def, from), .flags = O,
     .def = NAN, .min = -1e12, .max = 1e12, .unit = "setting's unit",
     .doc = "Lower end: grid with steps, or the range of lhs, sobol and morris."},
    {.key = "to", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_param_def, to), .flags = O,
     .def = NAN, .min = -1e12, .max = 1e12, .unit = "setting's unit",
     .doc = "Upper end: grid with steps, or the range of lhs, sobol and morris."},
    {.key = "steps", .kind = FSIM_K_INT, .offset = offsetof(fsim_param_def, steps), .flags = O,
     .def = 0, .min = 2, .max = 10000, .unit = "values",
     .doc = "grid: number of evenly spaced values from `from` to `to`."},
};
static const fsim_group param_group = {
    .name = "sweep.parameters.[k]", .specs = param_specs, .nspecs = COUNT(param_specs),
    .elem_size = sizeof(fsim_param_def), .doc = "One parameter of a sweep."};

static const fsim_spec sweep_specs[] = {
    {.key = "method", .kind = FSIM_K_ENUM, .offset = offsetof(fsim_sweep_def, method),
     .def = FSIM_SWEEP_GRID, NAMED_BY(fsim_sweep_method_names),
     .doc = "grid: every combination; lhs: Latin hypercube of `points`; sobol: Saltelli "
            "design of points * (k + 2) runs and Sobol' indices; morris: points trajectories "
            "of k + 1 runs and elementary effects (morris.csv)."},
    {.key = "points", .kind = FSIM_K_INT, .offset = offsetof(fsim_sweep_def, points), .def = 64,
     .min = 2, .max = 1000000, .unit = "points",
     .doc = "lhs: number of points; sobol: base sample size N; morris: trajectories r."},
    {.key = "replications", .kind = FSIM_K_INT,
     .offset = offsetof(fsim_sweep_def, replications), .def = 100, .min = 1, .max = 10000000,
     .unit = "replications", .doc = "Replications per point (overridden by -n)."},
    {.key = "bootstrap", .kind = FSIM_K_INT, .offset = offsetof(fsim_sweep_def, bootstrap),
     .def = 500, .min = 0, .max = 100000, .unit = "resamples",
     .doc = "sobol and morris: bootstrap resamples for the intervals of the indices."},
    {.key = "morris_levels", .kind = FSIM_K_INT,
     .offset = offsetof(fsim_sweep_def, morris_levels), .flags = O, .def = 4, .min = 2,
     .max = 100, .unit = "levels",
     .doc = "morris: levels of each parameter's grid over [from, to], even (default 4); a step moves "
            "a parameter by levels / (2 (levels - 1)) of its range."},
    {.key = "metrics", .kind = FSIM_K_REFLIST, .offset = offsetof(fsim_sweep_def, metrics),
     .count_offset = offsetof(fsim_sweep_def, nmetrics), .flags = O | FSIM_F_DOTTED,
     .refers_to = "metric", .doc = "Metrics to collect (names as in summary.csv); default: all."},
    {.key = "parameters", .kind = FSIM_K_LIST, .offset = offsetof(fsim_sweep_def, params),
     .count_offset = offsetof(fsim_sweep_def, nparams), .flags = R, .group = &param_group,
     .doc = "The parameters to vary."},
    {.key = "per_replication", .kind = FSIM_K_INT,
     .offset = offsetof(fsim_sweep_def, per_replication), .flags = O, .def = 0, .min = 0,
     .max = 1,
     .doc = "1: also write replications.csv, every replication's value of each collected "
            "metric at each point (at most 10,000,000 rows)."},
    {.key = "series", .kind = FSIM_K_REFLIST, .offset = offsetof(fsim_sweep_def, series),
     .count_offset = offsetof(fsim_sweep_def, nseries), .flags = O | FSIM_F_DOTTED,
     .refers_to = "series variable",
     .doc = "Daily series to write per point to series.csv (mean, p5, p50, p95 across "
            "replications), names as in a run's series/ files; at most 8, and at most "
            "10,000,000 rows (points x days)."},
};
static const fsim_group sweep_group = {
    .name = "sweep", .specs = sweep_specs, .nspecs = COUNT(sweep_specs),
    .doc = "Batch experiments over parameters (frontsim sweep)."};

/* ---- root --------------------------------------------------------------- */
static const fsim_spec root_specs[] = {
    {.key = "version", .kind = FSIM_K_INT, .offset = offsetof(fsim_scenario, version), .def = 1,
     .min = 1, .max = FSIM_VERSION_MAX,
     .doc = "Scenario format version (MODEL.md): 2 adds the withdraw rule, the quiet "
            "sector and decisions on a perceived state; a version-1 file keeps its meaning."},
    {.key = "run", .kind = FSIM_K_GROUP, .offset = offsetof(fsim_scenario, run),
     .group = &run_group, .doc = "Run settings."},
    {.key = "model", .kind = FSIM_K_GROUP, .offset = offsetof(fsim_scenario, model),
     .group = &model_group, .doc = "Model constants."},
    {.key = "sectors", .kind = FSIM_K_LIST, .offset = offsetof(fsim_scenario, sectors),
     .count_offset = offsetof(fsim_scenario, nsectors), .flags = R, .group = &sector_group,
     .doc = "The sectors."},
    {.key = "formations", .kind = FSIM_K_LIST, .offset = offsetof(fsim_scenario, formations),
     .count_offset = offsetof(fsim_scenario, nformations), .flags = O,
     .group = &formation_group,
     .doc = "The formations (optional: a side may have only its reserve)."},
    {.key = "sides", .kind = FSIM_K_GROUP, .offset = offsetof(fsim_scenario, sides), .flags = R,
     .group = &sides_group, .doc = "The two sides."},
    {.key = "events", .kind = FSIM_K_LIST, .offset = offsetof(fsim_scenario, events),
     .count_offset = offsetof(fsim_scenario, nevents), .flags = O, .group = &event_group,
     .doc = "Named days."},
    {.key = "sweep", .kind = FSIM_K_GROUP, .offset = offsetof(fsim_scenario, sweep),
     .count_offset = offsetof(fsim_scenario, has_sweep), .flags = O, .group = &sweep_group,
     .doc = "A sweep over parameters (optional)."},
    {.key = "optimize", .kind = FSIM_K_GROUP, .offset = offsetof(fsim_scenario, optimize),
     .count_offset = offsetof(fsim_scenario, has_optimize), .flags = O,
     .group = &fsim_optimize_group, .doc = "A search's problem for frontsim optimize (optional)."},
};
const fsim_group fsim_schema_root = {.name = "(top level)", .specs = root_specs,
                                     .nspecs = COUNT(root_specs),
                                     .doc = "A frontsim scenario."};
