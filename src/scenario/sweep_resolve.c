/* Checks of the sweep section that involve more than one setting, or the model:
 * parameter paths must name settings (numeric ones unless the parameter lists
 * levels), each method takes its own way of giving values, a grid of a whole-number
 * setting takes whole steps, and collected metrics must exist. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "config_path.h"
#include "kinds.h"
#include "layout.h"
#include "scenario_load.h"
#include "schema.h"

/* A level's name when the file gives none: the value's words joined by '-'
 * (["a", "b"] is a-b), so that outputs say which alternative a point took. */
static void name_from_value(const char *value, char *name, size_t size) {
  size_t n = 0;
  for (const char *p = value; *p && n + 1 < size; p++) {
    int digits = n > 0 && isdigit((unsigned char)name[n - 1]) && isdigit((unsigned char)p[1]);
    if (isalnum((unsigned char)*p) || *p == '_' || (*p == '.' && digits) ||
        (*p == '-' && n == 0 && isdigit((unsigned char)p[1])))
      name[n++] = *p;
    else if (n > 0 && name[n - 1] != '-')
      name[n++] = '-';
  }
  while (n > 0 && name[n - 1] == '-') n--;
  name[n] = '\0';
}

/* The levels of categorical parameter k: at least two, named, each name once;
 * where each was given, for the messages of the check of its value (sweep.c). */
static fsim_status resolve_levels(fsim_sweep_def *sw, int k, config_t *cfg, const char *name,
                                  fsim_error *err) {
  fsim_param_def *pd = &sw->params[k];
  char p[FSIM_ERROR_PLACE];
  snprintf(p, sizeof p, "sweep.parameters.[%d]", k);
  if (pd->nvalues > 0 || !isnan(pd->from) || !isnan(pd->to) || pd->steps > 0)
    return fsim_config_error(cfg, name, err, p,
                             "a parameter takes either levels or values, from, to and steps");
  if (sw->method == FSIM_SWEEP_SOBOL || sw->method == FSIM_SWEEP_MORRIS)
    return fsim_config_error(cfg, name, err, p,
                             "%s takes numeric ranges only; sweep a parameter "
                             "with levels by method \"grid\" or \"lhs\"",
                             sw->method == FSIM_SWEEP_SOBOL ? "sobol sensitivity"
                                                            : "morris screening");
  if (pd->nlevels < 2 || pd->nlevels > FSIM_MAX_VALUES)
    return fsim_config_error(cfg, name, err, p, "give 2 to %d levels, got %d", FSIM_MAX_VALUES,
                             pd->nlevels);
  for (int l = 0; l < pd->nlevels; l++) {
    fsim_level_def *lv = &pd->levels[l];
    snprintf(p, sizeof p, "sweep.parameters.[%d].levels.[%d]", k, l);
    const config_setting_t *s = fsim_config_find(config_root_setting(cfg), p);
    snprintf(lv->file, sizeof lv->file, "%s", fsim_config_file(s, name));
    lv->line = fsim_config_line(s);
    if (!lv->name[0]) name_from_value(lv->value, lv->name, sizeof lv->name);
    if (!lv->name[0]) snprintf(lv->name, sizeof lv->name, "level-%d", l + 1);
    for (int j = 0; j < l; j++)
      if (strcmp(pd->levels[j].name, lv->name) == 0)
        return fsim_config_error(cfg, name, err, p,
                                 "levels %d and %d are both named \"%s\"; give each a name "
                                 "of its own",
                                 j, l, lv->name);
  }
  return FSIM_OK;
}

/* A grid from:to:steps of a whole-number setting must land on whole numbers, or its
 * values would be rounded unevenly (1 to 14 in 8 steps: 1, 3, 5, 7, 8, 10, 12, 14). */
static fsim_status whole_steps(const fsim_param_def *pd, int k, config_t *cfg, const char *name,
                               fsim_error *err) {
  double step = (pd->to - pd->from) / (pd->steps - 1);
  if (pd->from == floor(pd->from) && pd->to == floor(pd->to) && step == floor(step))
    return FSIM_OK;
  char p[FSIM_ERROR_PLACE], hint[160] = "";
  snprintf(p, sizeof p, "sweep.parameters.[%d]", k);
  double span = floor(pd->to) - ceil(pd->from);
  if (pd->from == floor(pd->from) && pd->to == floor(pd->to)) { /* the nearest counts that fit */
    int below = 0, above = 0;
    for (int n = pd->steps - 1; n >= 2 && !below; n--)
      if (fmod(span, n - 1) == 0) below = n;
    for (int n = pd->steps + 1; n <= span + 1 && !above; n++)
      if (fmod(span, n - 1) == 0) above = n;
    if (below && above)
      snprintf(hint, sizeof hint, "; steps = %d or %d would fit", below, above);
    else if (below || above)
      snprintf(hint, sizeof hint, "; steps = %d would fit", below ? below : above);
  }
  return fsim_config_error(cfg, name, err, p,
                           "%s takes whole numbers, but from %g to %g in %d steps is a step of "
                           "%.4g%s (or give the values)",
                           pd->path[0], pd->from, pd->to, pd->steps, step, hint);
}

/* What a setting takes, for the message when linked paths differ: "integer from 0
 * to 365 (days)". */
static void describe(const fsim_spec *sp, char *buf, size_t size) {
  int n = snprintf(buf, size, "%s", fsim_kind_ops_of(sp->kind)->doc_name);
  if ((sp->kind == FSIM_K_REF || sp->kind == FSIM_K_REFLIST) && (size_t)n < size)
    n += snprintf(buf + n, size - (size_t)n, " %s", sp->refers_to);
  if (fsim_kind_ops_of(sp->kind)->numeric && (size_t)n < size)
    n += snprintf(buf + n, size - (size_t)n, "%s from %g to %g",
                  (sp->flags & FSIM_F_WHOLE) ? " (whole)" : "", sp->min, sp->max);
  if (sp->unit && (size_t)n < size) snprintf(buf + n, size - (size_t)n, " (%s)", sp->unit);
}

/* Do two settings take the same values, so that one value suits both? */
static int same_values(const fsim_spec *a, const fsim_spec *b) {
  return a->kind == b->kind && a->min == b->min && a->max == b->max &&
         (a->flags & FSIM_F_WHOLE) == (b->flags & FSIM_F_WHOLE) && a->names == b->names &&
         strcmp(a->unit ? a->unit : "", b->unit ? b->unit : "") == 0 &&
         strcmp(a->refers_to ? a->refers_to : "", b->refers_to ? b->refers_to : "") == 0;
}

/* The paths of parameter k: each a setting, none swept twice (here or by an earlier
 * parameter), and linked ones taking the same values as the first (*first). */
static fsim_status resolve_paths(const fsim_sweep_def *sw, int k, const fsim_spec **first,
                                 config_t *cfg, const char *name, fsim_error *err) {
  const fsim_param_def *pd = &sw->params[k];
  char p[FSIM_ERROR_PLACE];
  for (int i = 0; i < pd->npaths; i++) {
    const char *path = pd->path[i];
    if (pd->npaths == 1)
      snprintf(p, sizeof p, "sweep.parameters.[%d].path", k);
    else
      snprintf(p, sizeof p, "sweep.parameters.[%d].path.[%d]", k, i);
    const fsim_spec *sp = fsim_schema_lookup_path(path);
    if (!sp) return fsim_config_error(cfg, name, err, p, "\"%s\" is not a setting path", path);
    for (int j = 0; j <= k; j++)
      for (int m = 0; m < (j < k ? sw->params[j].npaths : i); m++)
        if (strcmp(sw->params[j].path[m], path) == 0)
          return fsim_config_error(cfg, name, err, p, "\"%s\" is swept twice", path);
    if (i == 0) {
      *first = sp;
    } else if (!same_values(sp, *first)) {
      char want[160], got[160];
      describe(*first, want, sizeof want);
      describe(sp, got, sizeof got);
      return fsim_config_error(cfg, name, err, p,
                               "linked paths must take the same values: expected a setting "
                               "like \"%s\", %s, found \"%s\", %s",
                               pd->path[0], want, path, got);
    }
  }
  return FSIM_OK;
}

fsim_status fsim_sweep_resolve(fsim_scenario *sc, config_t *cfg, const char *name,
                               fsim_error *err) {
  fsim_sweep_def *sw = &sc->sweep;
  char p[FSIM_ERROR_PLACE];
  if (sw->nparams == 0)
    return fsim_config_error(cfg, name, err, "sweep.parameters", "list at least one parameter");
  if (sw->method == FSIM_SWEEP_SOBOL && sw->nparams > 20)
    return fsim_config_error(cfg, name, err, "sweep.parameters",
                             "sobol sensitivity takes at most 20 parameters, got %d",
                             sw->nparams);
  if (sw->method == FSIM_SWEEP_MORRIS && sw->morris_levels % 2 != 0)
    return fsim_config_error(cfg, name, err, "sweep.morris_levels",
                             "morris screening takes an even number of levels, got %d (so "
                             "that every step is the same size: Morris 1991)",
                             sw->morris_levels);
  for (int k = 0; k < sw->nparams; k++) {
    fsim_param_def *pd = &sw->params[k];
    const fsim_spec *sp = NULL;
    fsim_status st = resolve_paths(sw, k, &sp, cfg, name, err);
    if (st != FSIM_OK) return st;
    snprintf(p, sizeof p, "sweep.parameters.[%d].path", k);
    if (pd->nlevels > 0) {
      if (sp->kind == FSIM_K_GROUP || sp->kind == FSIM_K_LIST)
        return fsim_config_error(cfg, name, err, p,
                                 "\"%s\" is a group or list; sweep one of its settings",
                                 pd->path[0]);
      st = resolve_levels(sw, k, cfg, name, err);
      if (st != FSIM_OK) return st;
      continue;
    }
    if (sp->kind != FSIM_K_INT && sp->kind != FSIM_K_INT64 && sp->kind != FSIM_K_FLOAT)
      return fsim_config_error(cfg, name, err, p,
                               "\"%s\" is not a numeric setting: give its alternatives as "
                               "levels",
                               pd->path[0]);
    pd->integer = sp->kind != FSIM_K_FLOAT || (sp->flags & FSIM_F_WHOLE);
    snprintf(p, sizeof p, "sweep.parameters.[%d]", k);
    int has_range = !isnan(pd->from) || !isnan(pd->to);
    if (has_range && (isnan(pd->from) || isnan(pd->to)))
      return fsim_config_error(cfg, name, err, p, "give both from and to");
    if (has_range && !(pd->from < pd->to))
      return fsim_config_error(cfg, name, err, p, "from (%g) must be below to (%g)", pd->from,
                               pd->to);
    if (sw->method == FSIM_SWEEP_GRID) {
      int ways = (pd->nvalues > 0) + (has_range || pd->steps > 0);
      if (ways != 1)
        return fsim_config_error(cfg, name, err, p,
                                 "a grid parameter needs either values or from, to and steps");
      if (pd->nvalues == 0 && (!has_range || pd->steps < 2))
        return fsim_config_error(cfg, name, err, p, "give from, to and steps (>= 2)");
      if (pd->nvalues == 0 && pd->integer) {
        st = whole_steps(pd, k, cfg, name, err);
        if (st != FSIM_OK) return st;
      }
    } else {
      if (pd->nvalues > 0 || pd->steps > 0 || !has_range)
        return fsim_config_error(cfg, name, err, p,
                                 "an lhs, sobol or morris parameter takes a range: from and to "
                                 "(not values or steps), or levels (lhs)");
    }
  }
  if (sw->nseries > FSIM_SWEEP_SERIES_MAX)
    return fsim_config_error(cfg, name, err, "sweep.series",
                             "at most %d daily series per sweep, got %d", FSIM_SWEEP_SERIES_MAX,
                             sw->nseries);
  if (sw->nmetrics > 0 || sw->nseries > 0) {
    fsim_layout lay;
    fsim_status st = fsim_layout_build(&lay, sc, err);
    if (st != FSIM_OK) return st;
    for (int m = 0; m < sw->nmetrics && st == FSIM_OK; m++) {
      if (fsim_layout_find_metric(&lay, sw->metrics[m]) >= 0) continue;
      snprintf(p, sizeof p, "sweep.metrics.[%d]", m);
      const char *near = fsim_layout_nearest_metric(&lay, sw->metrics[m]);
      st = fsim_config_error(cfg, name, err, p,
                             "no metric \"%s\" in this scenario%s%s%s (see summary.csv of a run)",
                             sw->metrics[m], near ? "; did you mean \"" : "", near ? near : "",
                             near ? "\"?" : "");
    }
    for (int v = 0; v < sw->nseries && st == FSIM_OK; v++) {
      if (fsim_layout_find_series(&lay, sw->series[v]) >= 0) continue;
      snprintf(p, sizeof p, "sweep.series.[%d]", v);
      st = fsim_config_error(cfg, name, err, p,
                             "no daily series \"%s\" in this scenario (e.g. %s; see the "
                             "series/ files of a run)",
                             sw->series[v], lay.nseries > 0 ? lay.series_name[0] : "none");
    }
    fsim_layout_destroy(&lay);
    if (st != FSIM_OK) return st;
  }
  return FSIM_OK;
}
