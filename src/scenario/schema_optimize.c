/* The settings table's optimize section: a search's problem written in a scenario
 * file (docs/OPTIMIZE.md, "A problem in a file"), each key named as the option of
 * frontsim optimize it stands for, which overrides it. */
#include <math.h>
#include <stddef.h>

#include "schema.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define NAMED_BY(table) .names = (table), .nnames = COUNT(table)
#define R FSIM_F_REQUIRED
#define O FSIM_F_OPTIONAL

static const fsim_spec level_specs[] = {
    {.key = "value", .kind = FSIM_K_VALUE, .offset = offsetof(fsim_level_def, value), .flags = R,
     .doc = "The setting's value in this alternative, of the setting's own type."},
};
static const fsim_group level_group = {
    .name = "optimize.decisions.[k].levels.[l]", .specs = level_specs,
    .nspecs = COUNT(level_specs), .elem_size = sizeof(fsim_level_def),
    .doc = "One alternative of a discrete decision."};

static const fsim_spec decision_specs[] = {
    {.key = "path", .kind = FSIM_K_TEXT, .offset = offsetof(fsim_decision_def, path), .flags = R,
     .doc = "The setting decided, as for --set (e.g. \"formations.ua-kursk-strike.personnel\")."},
    {.key = "from", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_decision_def, from),
     .flags = O, .def = NAN, .min = -1e12, .max = 1e12, .unit = "setting's unit",
     .doc = "Lower end of a numeric decision's range (whole numbers when the setting takes "
            "only those)."},
    {.key = "to", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_decision_def, to), .flags = O,
     .def = NAN, .min = -1e12, .max = 1e12, .unit = "setting's unit",
     .doc = "Upper end of a numeric decision's range."},
    {.key = "levels", .kind = FSIM_K_LIST, .offset = offsetof(fsim_decision_def, levels),
     .count_offset = offsetof(fsim_decision_def, nlevels), .flags = O, .group = &level_group,
     .doc = "A discrete decision: its 2 to 32 alternatives (instead of from and to)."},
};
static const fsim_group decision_group = {
    .name = "optimize.decisions.[k]", .specs = decision_specs, .nspecs = COUNT(decision_specs),
    .elem_size = sizeof(fsim_decision_def),
    .doc = "One decision (--decision): a range from..to, or levels."};

static const fsim_spec constraint_specs[] = {
    {.key = "metric", .kind = FSIM_K_REF, .offset = offsetof(fsim_constraint_def, metric),
     .flags = R | FSIM_F_DOTTED, .refers_to = "metric",
     .doc = "The constrained metric (as summary.csv names it); the constraint is on its mean."},
    {.key = "op", .kind = FSIM_K_ENUM, .offset = offsetof(fsim_constraint_def, op), .flags = R,
     NAMED_BY(fsim_con_op_names), .doc = "The comparison."},
    {.key = "value", .kind = FSIM_K_FLOAT, .offset = offsetof(fsim_constraint_def, value),
     .flags = R, .min = -1e300, .max = 1e300, .unit = "metric's unit",
     .doc = "The bound."},
};
static const fsim_group constraint_group = {
    .name = "optimize.constraints.[c]", .specs = constraint_specs,
    .nspecs = COUNT(constraint_specs), .elem_size = sizeof(fsim_constraint_def),
    .doc = "One constraint (--constraint 'METRIC OP VALUE')."};

#define OFF(f) offsetof(fsim_optimize_def, f)
static const fsim_spec optimize_specs[] = {
    {.key = "objective", .kind = FSIM_K_TEXT, .offset = OFF(objective), .flags = R,
     .doc = "\"min EXPR\" or \"max EXPR\", EXPR a metric or a weighted sum w1*m1 + w2*m2 "
            "(--objective)."},
    {.key = "decisions", .kind = FSIM_K_LIST, .offset = OFF(decisions),
     .count_offset = OFF(ndecisions), .flags = R, .group = &decision_group,
     .doc = "The decisions, 1 to 16 (--decision; any on the command line replace these)."},
    {.key = "constraints", .kind = FSIM_K_LIST, .offset = OFF(constraints),
     .count_offset = OFF(nconstraints), .flags = O, .group = &constraint_group,
     .doc = "Constraints on metrics' means, at most 8 (--constraint; any on the command line "
            "replace these)."},
    {.key = "replications", .kind = FSIM_K_INT, .offset = OFF(replications), .flags = O,
     .def = 0, .min = 1, .max = 10000000, .unit = "replications",
     .doc = "Replications per evaluation (-n; default run.replications)."},
    {.key = "budget", .kind = FSIM_K_INT, .offset = OFF(budget), .flags = O, .def = 0, .min = 1,
     .max = 1000000, .unit = "evaluations",
     .doc = "Most evaluations the search simulates (--budget; default 60)."},
    {.key = "tolerance", .kind = FSIM_K_FLOAT, .offset = OFF(tolerance), .flags = O, .def = NAN,
     .min = 1e-12, .max = 1, .doc = "Simplex size at which the search stops (--tolerance; 1e-3)."},
    {.key = "step", .kind = FSIM_K_FLOAT, .offset = OFF(step), .flags = O, .def = NAN,
     .min = 1e-6, .max = 3, .doc = "The simplex's first step (--step; 0.5)."},
    {.key = "fresh_replications", .kind = FSIM_K_INT, .offset = OFF(fresh_replications),
     .flags = O, .def = 0, .min = 1, .max = 10000000, .unit = "replications",
     .doc = "Replications of the fresh re-estimate (--fresh-replications; default as the "
            "search)."},
    {.key = "discrete", .kind = FSIM_K_ENUM, .offset = OFF(discrete), .flags = O,
     .def = FSIM_DISCRETE_ENUMERATE, NAMED_BY(fsim_discrete_method_names),
     .doc = "Method for discrete decisions (--discrete): enumerate every combination, or kn, "
            "Kim and Nelson's ranking and selection."},
    {.key = "delta", .kind = FSIM_K_FLOAT, .offset = OFF(delta), .flags = O | FSIM_F_MIN_EXCL,
     .def = NAN, .min = 0, .max = 1e300, .unit = "objective's unit",
     .doc = "kn: the indifference zone, the smallest difference in the objective worth "
            "detecting (--delta)."},
    {.key = "confidence", .kind = FSIM_K_FLOAT, .offset = OFF(confidence),
     .flags = O | FSIM_F_MIN_EXCL | FSIM_F_MAX_EXCL, .def = NAN, .min = 0.5, .max = 1,
     .doc = "kn: probability of selecting the best when it is delta better (--confidence; "
            "0.95)."},
    {.key = "first_stage", .kind = FSIM_K_INT, .offset = OFF(first_stage), .flags = O, .def = 0,
     .min = 2, .max = 1000000, .unit = "replications",
     .doc = "kn: replications of every alternative before any is eliminated (--first-stage; "
            "20)."},
};
#undef OFF
const fsim_group fsim_optimize_group = {
    .name = "optimize", .specs = optimize_specs, .nspecs = COUNT(optimize_specs),
    .doc = "A search's problem (frontsim optimize)."};
