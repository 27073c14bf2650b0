/* Checks of the optimize section that involve more than one setting, or the model:
 * each decision names a setting once and takes either a range (numeric settings) or
 * levels, whole-number settings take whole ends, constrained metrics exist, and kn's
 * settings come with kn. Where each decision and the objective were given is kept
 * for the search's own later complaints (a value the loader refuses, an unknown
 * metric in the objective). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "config_path.h"
#include "layout.h"
#include "scenario_load.h"
#include "schema.h"

/* Where the setting at `p` was given. */
static void where(config_t *cfg, const char *name, const char *p, char *file, size_t size,
                  int *line) {
  const config_setting_t *s = fsim_config_find(config_root_setting(cfg), p);
  snprintf(file, size, "%s", fsim_config_file(s, name));
  *line = fsim_config_line(s);
}

static fsim_status check_decision(fsim_optimize_def *od, int k, config_t *cfg, const char *name,
                                  fsim_error *err) {
  fsim_decision_def *d = &od->decisions[k];
  char p[FSIM_ERROR_PLACE];
  snprintf(p, sizeof p, "optimize.decisions.[%d]", k);
  where(cfg, name, p, d->file, sizeof d->file, &d->line);
  snprintf(p, sizeof p, "optimize.decisions.[%d].path", k);
  const fsim_spec *sp = fsim_schema_lookup_path(d->path);
  if (!sp) return fsim_config_error(cfg, name, err, p, "\"%s\" is not a setting path", d->path);
  for (int j = 0; j < k; j++)
    if (strcmp(od->decisions[j].path, d->path) == 0)
      return fsim_config_error(cfg, name, err, p, "\"%s\" is decided twice", d->path);
  if (sp->kind == FSIM_K_GROUP || sp->kind == FSIM_K_LIST)
    return fsim_config_error(cfg, name, err, p, "\"%s\" is a group or list; decide one of its "
                             "settings", d->path);
  snprintf(p, sizeof p, "optimize.decisions.[%d]", k);
  const int has_range = !isnan(d->from) || !isnan(d->to);
  if (d->nlevels > 0) {
    if (has_range)
      return fsim_config_error(cfg, name, err, p, "a decision takes either levels or from and to");
    if (d->nlevels < 2 || d->nlevels > FSIM_OPTIMIZE_LEVELS_MAX)
      return fsim_config_error(cfg, name, err, p, "give 2 to %d levels, got %d",
                               FSIM_OPTIMIZE_LEVELS_MAX, d->nlevels);
    for (int l = 0; l < d->nlevels; l++)
      if (strpbrk(d->levels[l].value, "|;\t\n")) {
        snprintf(p, sizeof p, "optimize.decisions.[%d].levels.[%d].value", k, l);
        return fsim_config_error(cfg, name, err, p,
                                 "a level's value cannot hold '|' or ';' (found %.60s)",
                                 d->levels[l].value);
      }
    return FSIM_OK;
  }
  if (sp->kind != FSIM_K_INT && sp->kind != FSIM_K_INT64 && sp->kind != FSIM_K_FLOAT)
    return fsim_config_error(cfg, name, err, p,
                             "\"%s\" is not a numeric setting: give its alternatives as levels",
                             d->path);
  if (isnan(d->from) || isnan(d->to))
    return fsim_config_error(cfg, name, err, p, "give from and to (or levels)");
  if (!(d->from < d->to))
    return fsim_config_error(cfg, name, err, p, "from (%g) must be below to (%g)", d->from, d->to);
  d->integer = sp->kind != FSIM_K_FLOAT || (sp->flags & FSIM_F_WHOLE);
  if (d->integer && (d->from != floor(d->from) || d->to != floor(d->to)))
    return fsim_config_error(cfg, name, err, p,
                             "%s takes whole numbers, but the range is %g to %g", d->path,
                             d->from, d->to);
  return FSIM_OK;
}

fsim_status fsim_optimize_resolve(fsim_scenario *sc, config_t *cfg, const char *name,
                                  fsim_error *err) {
  fsim_optimize_def *od = &sc->optimize;
  where(cfg, name, "optimize.objective", od->objective_file, sizeof od->objective_file,
        &od->objective_line);
  if (od->ndecisions < 1 || od->ndecisions > FSIM_OPTIMIZE_DECISIONS_MAX)
    return fsim_config_error(cfg, name, err, "optimize.decisions", "give 1 to %d decisions, got %d",
                             FSIM_OPTIMIZE_DECISIONS_MAX, od->ndecisions);
  if (od->nconstraints > FSIM_OPTIMIZE_CONSTRAINTS_MAX)
    return fsim_config_error(cfg, name, err, "optimize.constraints",
                             "give at most %d constraints, got %d", FSIM_OPTIMIZE_CONSTRAINTS_MAX,
                             od->nconstraints);
  for (int k = 0; k < od->ndecisions; k++) {
    fsim_status st = check_decision(od, k, cfg, name, err);
    if (st != FSIM_OK) return st;
  }
  /* kn's settings without kn would be silently ignored: say so instead. */
  static const char *const kn_keys[] = {"optimize.delta", "optimize.confidence",
                                        "optimize.first_stage"};
  for (size_t i = 0; od->discrete != FSIM_DISCRETE_KN && i < sizeof kn_keys / sizeof *kn_keys; i++)
    if (fsim_config_find(config_root_setting(cfg), kn_keys[i]))
      return fsim_config_error(cfg, name, err, kn_keys[i],
                               "applies only with discrete = \"kn\" (found discrete = \"%s\")",
                               FSIM_ENUM_NAME(fsim_discrete_method_names, od->discrete));
  if (od->nconstraints == 0) return FSIM_OK;
  fsim_layout lay;
  fsim_status st = fsim_layout_build(&lay, sc, err);
  if (st != FSIM_OK) return st;
  for (int c = 0; st == FSIM_OK && c < od->nconstraints; c++) {
    fsim_constraint_def *k = &od->constraints[c];
    char p[FSIM_ERROR_PLACE];
    snprintf(p, sizeof p, "optimize.constraints.[%d]", c);
    where(cfg, name, p, k->file, sizeof k->file, &k->line);
    if (fsim_layout_find_metric(&lay, k->metric) >= 0) continue;
    snprintf(p, sizeof p, "optimize.constraints.[%d].metric", c);
    const char *near = fsim_layout_nearest_metric(&lay, k->metric);
    st = fsim_config_error(cfg, name, err, p,
                           "no metric \"%s\" in this scenario%s%s%s (see summary.csv of a run)",
                           k->metric, near ? "; did you mean \"" : "", near ? near : "",
                           near ? "\"?" : "");
  }
  fsim_layout_destroy(&lay);
  return st;
}
