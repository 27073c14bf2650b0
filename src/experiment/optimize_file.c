/* The options in effect for a search: those given (the command line, a binding), and
 * for everything they leave unset the scenario's optimize section
 * (docs/OPTIMIZE.md, "A problem in a file"). The section has been checked by the
 * loader (schema_optimize.c, optimize_resolve.c); each of its values is set here
 * through the options table like an option, so both read alike, and a complaint
 * about one later (an unknown metric in the objective, a value the scenario refuses)
 * names the file, line and setting it came from. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "optimize.h"
#include "scenario_internal.h"

static fsim_status set_from(fsim_optimize_options *opt, const char *name, const char *value,
                            const char *file, int line, const char *key, fsim_error *err) {
  fsim_status st = fsim_optimize_options_set(opt, name, value, err);
  if (st != FSIM_OK && err) {
    err->line = line;
    snprintf(err->file, sizeof err->file, "%s", file);
    snprintf(err->path, sizeof err->path, "optimize.%s", key);
  }
  return st;
}

static void origin(fsim_optimize_options *opt, int slot, const char *file, int line,
                   const char *path) {
  fsim_opt_origin *o = &opt->origin[slot];
  snprintf(o->file, sizeof o->file, "%s", file);
  o->line = line;
  snprintf(o->path, sizeof o->path, "%s", path);
}

/* Fills e with what `caller` (the options given) leaves unset. */
static fsim_status from_file(fsim_optimize_options *e, const fsim_optimize_options *caller,
                             const fsim_optimize_def *od, const char *src, fsim_error *err) {
  char text[4200], path[64];
  fsim_status st = FSIM_OK;
  const char *file = od->objective_file[0] ? od->objective_file : src;
  if (!fsim_opt_given(caller, "objective")) {
    st = set_from(e, "objective", od->objective, file, od->objective_line, "objective", err);
    origin(e, FSIM_OPT_ORIGIN_OBJECTIVE, file, od->objective_line, "optimize.objective");
  }
  for (int k = 0; st == FSIM_OK && !fsim_opt_given(caller, "decision") && k < od->ndecisions; k++) {
    const fsim_decision_def *d = &od->decisions[k];
    if (d->nlevels > 0) { /* '|' separates levels that may hold commas (a donor order) */
      int n = snprintf(text, sizeof text, "%s=", d->path);
      for (int l = 0; l < d->nlevels && n > 0 && (size_t)n < sizeof text; l++)
        n += snprintf(text + n, sizeof text - (size_t)n, "%s%s", l ? "|" : "", d->levels[l].value);
    } else {
      snprintf(text, sizeof text, "%s=%.17g:%.17g%s", d->path, d->from, d->to,
               d->integer ? ":int" : "");
    }
    snprintf(path, sizeof path, "optimize.decisions.[%d]", k);
    st = set_from(e, "decision", text, d->file, d->line, path + 9, err);
    origin(e, FSIM_OPT_ORIGIN_DECISION(k), d->file, d->line, path);
  }
  for (int c = 0; st == FSIM_OK && !fsim_opt_given(caller, "constraint") && c < od->nconstraints; c++) {
    const fsim_constraint_def *k = &od->constraints[c];
    snprintf(text, sizeof text, "%s %s %.17g", k->metric,
             FSIM_ENUM_NAME(fsim_con_op_names, k->op), k->value);
    snprintf(path, sizeof path, "optimize.constraints.[%d]", c);
    st = set_from(e, "constraint", text, k->file, k->line, path + 9, err);
    origin(e, FSIM_OPT_ORIGIN_CONSTRAINT(c), k->file, k->line, path);
  }
  /* The numbers: given in the file when not 0 (whole) or not NaN (real). */
  const struct {
    const char *name;
    double v;
  } nums[] = {{"replications", od->replications ? (double)od->replications : NAN},
              {"budget", od->budget ? (double)od->budget : NAN},
              {"fresh_replications", od->fresh_replications ? (double)od->fresh_replications : NAN},
              {"first_stage", od->first_stage ? (double)od->first_stage : NAN},
              {"tolerance", od->tolerance},
              {"step", od->step},
              {"delta", od->delta},
              {"confidence", od->confidence}};
  for (size_t i = 0; st == FSIM_OK && i < sizeof nums / sizeof *nums; i++) {
    if (isnan(nums[i].v) || fsim_opt_given(caller, nums[i].name)) continue;
    snprintf(text, sizeof text, "%.17g", nums[i].v);
    st = set_from(e, nums[i].name, text, src, 0, nums[i].name, err);
  }
  if (st == FSIM_OK && !fsim_opt_given(caller, "discrete"))
    st = set_from(e, "discrete", FSIM_ENUM_NAME(fsim_discrete_method_names, od->discrete), src, 0,
                  "discrete", err);
  return st;
}

fsim_status fsim_opt_options_effective(const fsim_optimize_options *opt, const char *path,
                                       const fsim_overrides *ov, fsim_optimize_options **out,
                                       fsim_error *err) {
  *out = NULL;
  fsim_optimize_options *e = malloc(sizeof *e);
  if (!e) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  *e = *opt;
  e->decisions = opt->decisions ? strdup(opt->decisions) : NULL;
  e->constraints = opt->constraints ? strdup(opt->constraints) : NULL;
  e->objective = opt->objective ? strdup(opt->objective) : NULL;
  if ((opt->decisions && !e->decisions) || (opt->constraints && !e->constraints) ||
      (opt->objective && !e->objective)) {
    fsim_optimize_options_free(e);
    return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  fsim_scenario *sc = NULL;
  fsim_status st = fsim_scenario_load(path, ov, &sc, err);
  if (st == FSIM_OK && sc->has_optimize) st = from_file(e, opt, &sc->optimize, path, err);
  fsim_scenario_free(sc);
  if (st != FSIM_OK) {
    fsim_optimize_options_free(e);
    return st;
  }
  *out = e;
  return FSIM_OK;
}

fsim_status fsim_optimize_check(const char *path, const fsim_overrides *ov, fsim_error *err) {
  fsim_scenario *sc = NULL;
  fsim_status st = fsim_scenario_load(path, ov, &sc, err);
  const int has = st == FSIM_OK && sc->has_optimize;
  fsim_scenario_free(sc);
  if (!has) return st;
  fsim_optimize_options *none = fsim_optimize_options_new(), *opt = NULL;
  fsim_opt_problem *pb = malloc(sizeof *pb);
  if (!none || !pb) st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  if (st == FSIM_OK) st = fsim_opt_options_effective(none, path, ov, &opt, err);
  if (st == FSIM_OK) st = fsim_opt_problem_parse(opt, path, ov, pb, err);
  free(pb);
  fsim_optimize_options_free(opt);
  fsim_optimize_options_free(none);
  return st;
}
