/* The validated, immutable scenario. Only the library sees these structs; the
 * public API in include/frontsim/scenario.h keeps them opaque. Field meanings,
 * units, defaults and ranges live in ONE place: the settings table in schema.c. */
#ifndef FRONTSIM_SCENARIO_INTERNAL_H
#define FRONTSIM_SCENARIO_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "frontsim/scenario.h"

#define FSIM_NAME_MAX 64
#define FSIM_TEXT_MAX 128
#define FSIM_MAX_REFS 32
#define FSIM_MAX_VALUES 256
#define FSIM_LINKED_MAX 8 /* paths one sweep parameter sets together */
/* Persons a side may have in all over a run: the engine counts persons in unsigned
   ints (Poisson and binomial draws, loss splits), so a side stays well inside them. */
#define FSIM_SIDE_PERSONS_MAX 1e9
/* Replications of a run (run.replications, and what a run to a target CI may reach):
   a run's scenario.cfg records them, so a run must not exceed what the loader takes. */
#define FSIM_REPLICATIONS_MAX 10000000
/* The newest scenario format version (MODEL.md: version 2 adds the withdraw rule, the
   quiet sector and decisions on a perceived state); older files keep their meaning. */
#define FSIM_VERSION_MAX 2
/* The largest master seed: seeds are int64_t (the L suffix in files), and every
 * seed limit (the settings table, --set) is this one. As a double it is 2^63. */

/* The enumerations of the scenario format. Their names as written in files (and
 * in outputs) are in the {name, value} tables below, defined once in enums.c;
 * every layer names a value through them. The structs keep these values in ints. */
typedef enum fsim_side { FSIM_BLUE = 0, FSIM_RED = 1, FSIM_NSIDES = 2 } fsim_side;
typedef enum fsim_run_mode {
  FSIM_MODE_STOCHASTIC = 0,
  FSIM_MODE_EXPECTED = 1,
  FSIM_NMODES
} fsim_run_mode;
typedef enum fsim_attrition_law {
  FSIM_LAW_SQUARE = 0,
  FSIM_LAW_LINEAR,
  FSIM_LAW_LOGARITHMIC,
  FSIM_LAW_FREE,
  FSIM_NLAWS
} fsim_attrition_law;
typedef enum fsim_sweep_method {
  FSIM_SWEEP_GRID = 0,
  FSIM_SWEEP_LHS,
  FSIM_SWEEP_SOBOL,
  FSIM_SWEEP_MORRIS, /* after the others: journals record the method's number */
  FSIM_NSWEEP_METHODS
} fsim_sweep_method;
typedef enum fsim_rule_type {
  FSIM_RULE_TRANSFER = 0,
  FSIM_RULE_REINFORCE,
  FSIM_RULE_REPLACEMENTS,
  FSIM_RULE_WITHDRAW,
  FSIM_RULE_NTYPES
} fsim_rule_type;

/* One name of an enumeration as it appears in files. */
typedef struct fsim_enum_name {
  const char *name;
  int value;
  int since; /* the first scenario version that has it (0: every version) */
} fsim_enum_name;

extern const fsim_enum_name fsim_side_names[FSIM_NSIDES];
extern const fsim_enum_name fsim_run_mode_names[FSIM_NMODES];
extern const fsim_enum_name fsim_attrition_law_names[FSIM_NLAWS];
extern const fsim_enum_name fsim_sweep_method_names[FSIM_NSWEEP_METHODS];
extern const fsim_enum_name fsim_rule_type_names[FSIM_RULE_NTYPES];

/* The name of `value` in a table of n names, or NULL when it has none. */
const char *fsim_enum_name_of(const fsim_enum_name *names, size_t n, int value);
/* The value named `text` in a table of n names (exact match), or -1. */
int fsim_enum_value_of(const fsim_enum_name *names, size_t n, const char *text);
/* The same for a table declared with its size, e.g. FSIM_ENUM_NAME(fsim_side_names, s). */
#define FSIM_ENUM_NAME(table, value) \
  fsim_enum_name_of((table), sizeof(table) / sizeof((table)[0]), (value))
#define FSIM_ENUM_VALUE(table, text) \
  fsim_enum_value_of((table), sizeof(table) / sizeof((table)[0]), (text))

/* "blue" or "red": a side's key in files, CSV headers and file names. */
static inline const char *fsim_side_key(int side) {
  return FSIM_ENUM_NAME(fsim_side_names, side);
}

typedef struct fsim_run_def {
  char label[FSIM_TEXT_MAX]; /* filled in by the loader when the file has none */
  int days;
  char start_date[FSIM_NAME_MAX];
  int replications;
  int64_t seed;
  int mode;
  char rng[FSIM_NAME_MAX];
  char diversion_sector[FSIM_NAME_MAX]; /* empty: none */
  /* derived */
  long start_epoch_day; /* days since 1970-01-01 of start_date */
  int diversion;        /* sector index or -1 */
} fsim_run_def;

typedef struct fsim_attack_def {
  double rho50;
  double beta;
} fsim_attack_def;

typedef struct fsim_attrition_def {
  int law;
  double a, b; /* exponents; filled from the law unless law = free */
} fsim_attrition_def;

typedef struct fsim_model_def {
  fsim_attack_def attack;
  fsim_attrition_def attrition;
} fsim_model_def;

typedef struct fsim_rule_def {
  int type;
  /* transfer */
  int day;
  char from[FSIM_NAME_MAX];
  char to[FSIM_NAME_MAX];
  double personnel; /* NaN when not given */
  double fraction;  /* NaN when not given */
  int nformations;
  char formations[FSIM_MAX_REFS][FSIM_NAME_MAX];
  int delay;
  /* reinforce */
  char sector[FSIM_NAME_MAX];
  double threshold;
  double daily_cap;
  int ndonors;
  char donors[FSIM_MAX_REFS][FSIM_NAME_MAX];
  double donor_floor;
  /* replacements */
  double share;
  /* withdraw (MODEL.md 8.6): triggers (0: unused) and the rear guard's loss rate */
  double area_below_km2;
  double area_retaken_below_km2; /* the other side's: the victor moves on */
  int route_cut;
  double ratio_below;
  double rearguard_rate;
  /* reinforce, version 2 (MODEL.md 8.7): the threshold while a threat trigger holds
     (NaN: none) and the triggers (0: unused) */
  double surge_threshold;
  double tempo_above;
  double ground_lost_above_km;
  int window_days;
  double value_above;
  double own_soil_weight;
  char event[FSIM_NAME_MAX];
  double event_weight;
  int event_horizon_days;
  int priority; /* rules of a side act in decreasing priority, list order among equals */
  /* window, for reinforce and replacements */
  int start_day;
  int end_day; /* 0: until the end */
  /* derived: location indices (sector index, or nsectors for the reserve) */
  int from_loc, to_loc, sector_idx;
  int event_idx; /* -1: none */
  int formation_idx[FSIM_MAX_REFS]; /* a withdraw rule's may name a reserve pool */
  int donor_loc[FSIM_MAX_REFS];
  int leaves_all; /* a withdraw rule moves every formation of its side (MODEL.md 8.6) */
} fsim_rule_def;

typedef struct fsim_side_def {
  char name[FSIM_TEXT_MAX];
  double reserve;
  double reserve_quality;
  double replacements_per_day;
  double claim_bias;
  double claim_sigma;
  /* intelligence on the enemy (MODEL.md 8.7): bias, log-normal noise, lag, and the
     noise's correlation from one morning to the next */
  double intel_bias;
  double intel_sigma;
  int intel_lag_days;
  double intel_persistence;
  int nrules;
  fsim_rule_def *rules;
} fsim_side_def;

typedef struct fsim_sides_def {
  fsim_side_def side[FSIM_NSIDES];
} fsim_sides_def;

typedef struct fsim_alpha_def {
  double by[FSIM_NSIDES]; /* attrition coefficient of each side's fire */
} fsim_alpha_def;

typedef struct fsim_held_def {
  char holder[FSIM_NAME_MAX];
  double initial_km2;
  double max_km2;
  double quiet_rate; /* NaN when not given (MODEL.md 2) */
  int holder_side;   /* derived */
} fsim_held_def;

typedef struct fsim_supply_def {
  char side[FSIM_NAME_MAX];
  double distance_km;
  double range_km;
  double alternative;
  double capacity;
  double stock_days;
  double stock_max_days;
  int supplied_side; /* derived */
} fsim_supply_def;

typedef struct fsim_schedule_def {
  int day;
  double engagement_rate; /* NaN: unchanged */
  double counter_share;   /* NaN: unchanged */
} fsim_schedule_def;

typedef struct fsim_sector_def {
  char name[FSIM_NAME_MAX];
  double width_km;
  char attacker[FSIM_NAME_MAX];
  double terrain;
  double fortification;
  double engagement_rate;
  double counter_share;
  double step_km;
  double step_shape;
  double x_min_km;
  double x_max_km;
  fsim_alpha_def attrition;
  int has_held_area;
  fsim_held_def held_area;
  int has_supply;
  fsim_supply_def supply;
  int nschedule;
  fsim_schedule_def *schedule;
  int attacker_side; /* derived */
} fsim_sector_def;

typedef struct fsim_formation_def {
  char name[FSIM_NAME_MAX];
  char side[FSIM_NAME_MAX];
  double personnel;
  double quality;
  char location[FSIM_NAME_MAX];
  int arrival_day;
  /* deception (MODEL.md 8.7): looks feint_factor times its size to the enemy from
     feint_start_day to feint_end_day (0: the end) */
  double feint_factor;
  int feint_start_day;
  int feint_end_day;
  int side_idx; /* derived */
  int loc;      /* derived: sector index, or nsectors for the reserve */
  int implicit; /* 1 for the per-side reserve formation the loader adds */
} fsim_formation_def;

typedef struct fsim_event_def {
  char name[FSIM_NAME_MAX];
  int day;   /* 0 when given by date */
  char date[FSIM_NAME_MAX];
  int day_resolved; /* derived: 1..days */
} fsim_event_def;

/* One alternative of a categorical sweep parameter. */
typedef struct fsim_level_def {
  char name[FSIM_NAME_MAX];   /* in outputs; derived from the value when not given */
  char value[FSIM_TEXT_MAX];  /* the value in --set syntax, e.g. ["a", "b"] */
  char file[FSIM_ERROR_PLACE]; /* derived: where the level was given, for messages */
  int line;
} fsim_level_def;

typedef struct fsim_param_def {
  /* The settings it sets, each to the same value at every point (linked); the first
   * names the parameter in every output (sweep.csv, design.csv, charts, ...). */
  char path[FSIM_LINKED_MAX][FSIM_TEXT_MAX];
  int npaths;
  char label[FSIM_TEXT_MAX]; /* on charts; "" for the path's last part */
  char unit[FSIM_NAME_MAX];  /* on charts; "" for the setting's own unit */
  int nlevels;               /* a categorical parameter: its alternatives */
  fsim_level_def *levels;
  int nvalues;
  double values[FSIM_MAX_VALUES];
  double from, to; /* NaN when not given */
  int steps;       /* 0 when not given */
  int integer;     /* derived: the setting takes whole numbers */
} fsim_param_def;

/* Daily series a sweep may write per point, and the rows its optional tables may
 * reach (docs/SCENARIO.md, the sweep section: each bounded, checked before work). */
#define FSIM_SWEEP_SERIES_MAX 8
#define FSIM_SWEEP_TABLE_ROWS_MAX 10000000L

typedef struct fsim_sweep_def {
  int method;
  int points;
  int replications;
  int bootstrap;
  int morris_levels; /* morris: levels p of the grid (even) */
  int nmetrics;
  char metrics[FSIM_MAX_REFS][FSIM_NAME_MAX];
  int nparams;
  fsim_param_def *params;
  int per_replication; /* 1: replications.csv, every replication's metrics per point */
  int nseries;         /* daily series written per point (series.csv) */
  char series[FSIM_MAX_REFS][FSIM_NAME_MAX]; /* at most FSIM_SWEEP_SERIES_MAX */
} fsim_sweep_def;

/* The optimize section (docs/OPTIMIZE.md, "A problem in a file"): what frontsim
 * optimize takes as options, written in the scenario; the options given on the
 * command line override it. Limits as the search's (experiment/optimize.h). */
#define FSIM_OPTIMIZE_DECISIONS_MAX 16
#define FSIM_OPTIMIZE_LEVELS_MAX 32
#define FSIM_OPTIMIZE_CONSTRAINTS_MAX 8
typedef enum fsim_con_op_kind {
  FSIM_OP_LT = 0,
  FSIM_OP_LE,
  FSIM_OP_GT,
  FSIM_OP_GE,
  FSIM_NOPS
} fsim_con_op_kind;
typedef enum fsim_discrete_method {
  FSIM_DISCRETE_ENUMERATE = 0,
  FSIM_DISCRETE_KN, /* Kim and Nelson's ranking and selection (docs/OPTIMIZE.md) */
  FSIM_NDISCRETE
} fsim_discrete_method;
extern const fsim_enum_name fsim_con_op_names[FSIM_NOPS];
extern const fsim_enum_name fsim_discrete_method_names[FSIM_NDISCRETE];

typedef struct fsim_decision_def {
  char path[FSIM_TEXT_MAX];
  double from, to;   /* NaN when not given */
  int nlevels;       /* a discrete decision: its alternatives (only value is read) */
  fsim_level_def *levels;
  int integer;       /* derived: the setting takes whole numbers */
  char file[FSIM_ERROR_PLACE]; /* derived: where it was given, for messages */
  int line;
} fsim_decision_def;

typedef struct fsim_constraint_def {
  char metric[FSIM_NAME_MAX];
  int op; /* fsim_con_op_kind */
  double value;
  char file[FSIM_ERROR_PLACE]; /* derived */
  int line;
} fsim_constraint_def;

typedef struct fsim_optimize_def {
  char objective[FSIM_TEXT_MAX];
  char objective_file[FSIM_ERROR_PLACE]; /* derived */
  int objective_line;
  int ndecisions;
  fsim_decision_def *decisions;
  int nconstraints;
  fsim_constraint_def *constraints;
  int replications, budget, fresh_replications, first_stage; /* 0: not given */
  double tolerance, step, delta, confidence;                 /* NaN: not given */
  int discrete; /* fsim_discrete_method */
} fsim_optimize_def;

struct fsim_scenario {
  int version;
  fsim_run_def run;
  fsim_model_def model;
  int nsectors;
  fsim_sector_def *sectors;
  int nformations; /* explicit formations, then one implicit reserve formation per side */
  fsim_formation_def *formations;
  fsim_sides_def sides;
  int nevents;
  fsim_event_def *events;
  int has_sweep;
  fsim_sweep_def sweep;
  int has_optimize;
  fsim_optimize_def optimize;
  char source[FSIM_ERROR_PLACE]; /* the file it was read from */
  char text_overrides[1024];     /* the --set assignments, for the record */
  char whatif[1024]; /* what changes the question: the file's overrides, then --set's */
};

#endif
