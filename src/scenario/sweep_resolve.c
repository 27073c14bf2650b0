/* Checks of the sweep section that involve more than one setting, or the model:
 * parameter paths must name numeric settings, each method takes its own way of
 * giving values, and collected metrics must exist. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "config_path.h"
#include "layout.h"
#include "scenario_load.h"
#include "schema.h"

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
  for (int k = 0; k < sw->nparams; k++) {
    fsim_param_def *pd = &sw->params[k];
    snprintf(p, sizeof p, "sweep.parameters.[%d].path", k);
    const fsim_spec *sp = fsim_schema_lookup_path(pd->path);
    if (!sp)
      return fsim_config_error(cfg, name, err, p, "\"%s\" is not a setting path", pd->path);
    if (sp->kind != FSIM_K_INT && sp->kind != FSIM_K_INT64 && sp->kind != FSIM_K_FLOAT)
      return fsim_config_error(cfg, name, err, p, "\"%s\" is not a numeric setting", pd->path);
    pd->integer = sp->kind != FSIM_K_FLOAT || (sp->flags & FSIM_F_WHOLE);
    for (int j = 0; j < k; j++)
      if (strcmp(sw->params[j].path, pd->path) == 0)
        return fsim_config_error(cfg, name, err, p, "\"%s\" is swept twice", pd->path);
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
    } else {
      if (pd->nvalues > 0 || pd->steps > 0 || !has_range)
        return fsim_config_error(cfg, name, err, p,
                                 "an lhs or sobol parameter takes a range: from and to "
                                 "(not values or steps)");
    }
  }
  if (sw->nmetrics > 0) {
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
    fsim_layout_destroy(&lay);
    if (st != FSIM_OK) return st;
  }
  return FSIM_OK;
}
