/* columns.csv of a sweep directory: the data dictionary of sweep.csv, design.csv and
 * (sobol) sensitivity.csv, as a run directory has one (output/columns.c). The
 * parameters' units and meanings come from the settings table, the metrics' from
 * the metric table through the layout of the sweep's effective scenario
 * (scenario.cfg in the directory, the base every point overrides). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "formats.h"
#include "layout.h"
#include "run_dir.h"
#include "schema.h"
#include "sweep_internal.h"

/* What each point statistic of sweep.csv is, in fsim_point_stat_names' order. */
static const char *const point_stat_meaning[FSIM_POINT_NSTATS] = {
    [FSIM_POINT_MEAN] = "mean across the point's replications of",
    [FSIM_POINT_SD] = "standard deviation across the point's replications of",
    [FSIM_POINT_CI_LOW] = "lower end of the 95% confidence interval of the point's mean of",
    [FSIM_POINT_CI_HIGH] = "upper end of the 95% confidence interval of the point's mean of",
    [FSIM_POINT_P5] = "5th percentile across the point's replications of",
    [FSIM_POINT_P50] = "median across the point's replications of",
    [FSIM_POINT_P95] = "95th percentile across the point's replications of"};

/* The paths linked to the parameter named by `path` in the sweep's scenario, as
 * ", also set at A and B", or "" when it sets one. */
static void linked_text(const fsim_scenario *sc, const char *path, char *buf, size_t size) {
  buf[0] = '\0';
  for (int k = 0; sc && sc->has_sweep && k < sc->sweep.nparams; k++) {
    const fsim_param_def *pd = &sc->sweep.params[k];
    if (strcmp(pd->path[0], path) != 0) continue;
    size_t n = 0;
    for (int i = 1; i < pd->npaths && n < size; i++)
      n += (size_t)snprintf(buf + n, size - n, "%s%s",
                            i == 1                 ? ", also set at "
                            : i + 1 == pd->npaths ? " and "
                                                  : ", ",
                            pd->path[i]);
  }
}

static void param_rows(FILE *fp, const char *file, char *params, const fsim_scenario *sc) {
  fsim_columns_row(fp, file, FSIM_SWEEP_POINT_COLUMN, "", "the point's index in the design");
  for (char *save = NULL, *path = strtok_r(params, ";", &save); path;
       path = strtok_r(NULL, ";", &save)) {
    const fsim_spec *sp = fsim_schema_lookup_path(path);
    char meaning[1536], linked[1024];
    linked_text(sc, path, linked, sizeof linked);
    snprintf(meaning, sizeof meaning, "the parameter's value at the point%s: %s", linked,
             sp && sp->doc ? sp->doc : path);
    fsim_columns_row(fp, file, path, sp && sp->unit ? sp->unit : "", meaning);
  }
}

fsim_status fsim_sweep_write_columns(const char *dir, const fsim_journal *j, int long_format,
                                     fsim_error *err) {
  const fsim_journal_info *info = &j->info;
  char path[FSIM_PATH_MAX + 32];
  snprintf(path, sizeof path, "%s/scenario.cfg", dir);
  /* Without the scenario (an output written by hand, say) the metrics are listed by
   * name: the dictionary must not cost the sweep its results. */
  fsim_scenario *sc = NULL;
  fsim_layout lay;
  fsim_error ignored;
  const int have_layout = fsim_scenario_load(path, NULL, &sc, &ignored) == FSIM_OK &&
                          fsim_layout_build(&lay, sc, &ignored) == FSIM_OK;
  fsim_status st = FSIM_OK;
  fsim_file f = {0};
  snprintf(path, sizeof path, "%s/" FSIM_COLUMNS_NAME, dir);
  if (st == FSIM_OK) st = fsim_file_open(&f, path, err);
  char *params = info->params ? strdup(info->params) : NULL;
  char *metrics = info->metrics ? strdup(info->metrics) : NULL;
  if (st == FSIM_OK && (!params || !metrics))
    st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  if (st == FSIM_OK) {
    FILE *fp = f.fp;
    fputs(FSIM_COLUMNS_HEADER "\n", fp);
    fsim_columns_row(fp, FSIM_COLUMNS_NAME, "file", "", "the file the column is in");
    fsim_columns_row(fp, FSIM_COLUMNS_NAME, "column", "", "the column's name in its header line");
    fsim_columns_row(fp, FSIM_COLUMNS_NAME, "unit", "", "the unit of the column's values");
    fsim_columns_row(fp, FSIM_COLUMNS_NAME, "meaning", "", "what the column holds");
    char *copy = strdup(params);
    if (copy) param_rows(fp, "design.csv", copy, sc);
    free(copy);
    param_rows(fp, "sweep.csv", params, sc);
    fsim_columns_row(fp, "sweep.csv", FSIM_SWEEP_REPS_COLUMN, "replications",
                     "replications run at the point (common random numbers across points)");
    for (char *save = NULL, *name = strtok_r(metrics, ";", &save); name;
         name = strtok_r(NULL, ";", &save)) {
      const int m = have_layout ? fsim_layout_find_metric(&lay, name) : -1;
      const char *unit = "";
      char title[400], column[FSIM_VAR_NAME + 32], meaning[512];
      if (m >= 0)
        fsim_metric_describe(&lay, sc, m, 0, &unit, title, sizeof title);
      else
        snprintf(title, sizeof title, "%s", name);
      for (int k = 0; k < FSIM_POINT_NSTATS; k++) {
        snprintf(column, sizeof column, "%s_%s", name, fsim_point_stat_names[k]);
        snprintf(meaning, sizeof meaning, "%s %s", point_stat_meaning[k], title);
        fsim_columns_row(fp, "sweep.csv", column, unit, meaning);
      }
    }
    if (long_format) {
      fsim_columns_row(fp, FSIM_SWEEP_LONG_NAME, "point", "", "the point's index in the design");
      fsim_columns_row(fp, FSIM_SWEEP_LONG_NAME, "metric", "", "the metric's name");
      fsim_columns_row(fp, FSIM_SWEEP_LONG_NAME, "statistic", "",
                       "the statistic, as the suffix of its column in sweep.csv");
      fsim_columns_row(fp, FSIM_SWEEP_LONG_NAME, "value", "metric's unit",
                       "the statistic's value at the point (as in sweep.csv)");
    }
    if (info->method == FSIM_SWEEP_SOBOL) {
      static const char *const sens[][3] = {
          {"metric", "", "the metric (its point means are what the indices split)"},
          {"parameter", "", "the parameter"},
          {"first", "share", "first-order Sobol' index: the share of the variance of the "
                             "metric's mean due to the parameter alone (Jansen estimator)"},
          {"first" FSIM_CI95_LOW, "share", "lower end of its 95% bootstrap interval"},
          {"first" FSIM_CI95_HIGH, "share", "upper end of its 95% bootstrap interval"},
          {"total", "share", "total Sobol' index: the share due to the parameter with its "
                             "interactions"},
          {"total" FSIM_CI95_LOW, "share", "lower end of its 95% bootstrap interval"},
          {"total" FSIM_CI95_HIGH, "share", "upper end of its 95% bootstrap interval"},
          {"variance", "metric's unit squared", "variance of the metric's mean across the points"},
          {"noise_share", "share", "replication noise in the point means as a share of that "
                                   "variance: indices below it cannot be told from 0"}};
      for (size_t k = 0; k < sizeof sens / sizeof sens[0]; k++)
        fsim_columns_row(fp, "sensitivity.csv", sens[k][0], sens[k][1], sens[k][2]);
    }
    if (info->method == FSIM_SWEEP_MORRIS) {
      /* Effects on the unit scale: the change in the metric's mean when the
       * parameter moves across its whole range [from, to] (docs/USAGE.md). */
      static const char *const ee[][3] = {
          {"metric", "", "the metric (its point means are what the effects are of)"},
          {"parameter", "", "the parameter"},
          {"mu", "metric's unit", "mean elementary effect: the change in the metric's mean "
                                  "per move of the parameter across its whole range"},
          {"mu" FSIM_CI95_LOW, "metric's unit", "lower end of its 95% bootstrap interval"},
          {"mu" FSIM_CI95_HIGH, "metric's unit", "upper end of its 95% bootstrap interval"},
          {"mu_star", "metric's unit", "mean absolute elementary effect (Campolongo et al. "
                                       "2007): the parameter's importance"},
          {"mu_star" FSIM_CI95_LOW, "metric's unit", "lower end of its 95% bootstrap interval"},
          {"mu_star" FSIM_CI95_HIGH, "metric's unit", "upper end of its 95% bootstrap interval"},
          {"sigma", "metric's unit", "standard deviation of the elementary effects: "
                                     "interactions or a non-linear effect"},
          {"sigma" FSIM_CI95_LOW, "metric's unit", "lower end of its 95% bootstrap interval"},
          {"sigma" FSIM_CI95_HIGH, "metric's unit", "upper end of its 95% bootstrap interval"}};
      for (size_t k = 0; k < sizeof ee / sizeof ee[0]; k++)
        fsim_columns_row(fp, FSIM_MORRIS_NAME, ee[k][0], ee[k][1], ee[k][2]);
    }
    st = fsim_file_commit(&f, err);
  } else {
    fsim_file_abort(&f);
  }
  free(params);
  free(metrics);
  if (have_layout) fsim_layout_destroy(&lay);
  fsim_scenario_free(sc);
  return st;
}
