/* The experiment layer (src/experiment): many runs of one question. Sweeps (this
 * file, with the journal, sweep_table.c for sweep.csv and merge, design.c for the
 * designs and Sobol' indices), paired comparisons (compare.c) and runs to a target
 * confidence interval (run_target.c). Above output.
 *
 * Sweeps: expand the design, validate every point, run the points not yet in the
 * journal, then write the collected results (docs/USAGE.md, "frontsim sweep"). */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "design.h"
#include "fileio.h"
#include "frontsim/run.h"
#include "frontsim/version.h"
#include "layout.h"
#include "morris.h"
#include "numfmt.h"
#include "results.h"
#include "series_table.h"
#include "stats.h"
#include "sweep_internal.h"
#include "text.h"


void fsim_sweep_free(fsim_sweep *sw) {
  if (!sw) return;
  free(sw->design_text);
  free(sw->scenario_text);
  fsim_journal_info_clear(&sw->info);
  free(sw->metric);
  free(sw->values);
  fsim_scenario_free(sw->base);
  fsim_overrides_free(sw->ov);
  free(sw->text);
  free(sw->include_dir);
  free(sw);
}

long fsim_sweep_points(const fsim_sweep *sw) { return sw ? sw->npoints : 0; }


/* Parameter j's value at point p as the outputs show it: a level's name, or the
 * number. */
static const char *shown_value(const fsim_sweep *sw, long p, int j, char *buf, size_t size) {
  const fsim_param_def *pd = &sw->base->sweep.params[j];
  double v = sw->values[(size_t)p * (size_t)sw->k + (size_t)j];
  if (pd->nlevels > 0) return pd->levels[(int)v].name;
  snprintf(buf, size, "%.10g", v);
  return buf;
}

/* Copies the command line's overrides and adds "path=value" for each parameter. */
static fsim_status point_overrides(const fsim_sweep *sw, long p, fsim_overrides **out,
                                   fsim_error *err) {
  fsim_overrides *ov = fsim_overrides_new();
  if (!ov) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  fsim_status st = FSIM_OK;
  for (size_t i = 0; st == FSIM_OK && i < fsim_overrides_count(sw->ov); i++)
    st = fsim_overrides_add(ov, fsim_overrides_get(sw->ov, i), err);
  for (size_t i = 0; st == FSIM_OK && i < fsim_overrides_param_count(sw->ov); i++)
    st = fsim_overrides_add_param(ov, fsim_overrides_param_get(sw->ov, i), err);
  for (int j = 0; st == FSIM_OK && j < sw->k; j++) {
    char a[2 * FSIM_TEXT_MAX + 8], num[48];
    double v = sw->values[(size_t)p * (size_t)sw->k + (size_t)j];
    const fsim_param_def *pd = &sw->base->sweep.params[j];
    if (pd->integer)
      snprintf(num, sizeof num, "%.0f", v);
    else
      fsim_text_double(v, 1, num, sizeof num);
    /* A level: its value as given, of whatever type the setting takes; every linked
     * path the same. */
    for (int i = 0; st == FSIM_OK && i < pd->npaths; i++) {
      snprintf(a, sizeof a, "%s=%s", pd->path[i],
               pd->nlevels > 0 ? pd->levels[(int)v].value : num);
      st = fsim_overrides_add(ov, a, err);
    }
  }
  if (st != FSIM_OK) {
    fsim_overrides_free(ov);
    return st;
  }
  *out = ov;
  return FSIM_OK;
}

static fsim_status load_point(const fsim_sweep *sw, long p, fsim_scenario **out,
                              fsim_error *err) {
  fsim_overrides *ov = NULL;
  fsim_status st = point_overrides(sw, p, &ov, err);
  if (st != FSIM_OK) return st;
  st = fsim_scenario_load_string(sw->text, sw->source, sw->include_dir, ov, out, err);
  fsim_overrides_free(ov);
  if (st != FSIM_OK) {
    char orig[FSIM_ERROR_TEXT];
    memcpy(orig, err->message, sizeof orig);
    snprintf(err->message, sizeof err->message, "sweep point %ld: %.440s", p, orig);
  }
  return st;
}

/* Each level of a categorical parameter on its own, on the base scenario as --set
 * would set it, so that a wrong value is named where it was given (file:line and
 * the level) rather than as the point that first uses it. */
static fsim_status check_levels(const fsim_sweep *sw, fsim_error *err) {
  const fsim_sweep_def *def = &sw->base->sweep;
  for (int j = 0; j < def->nparams; j++)
    for (int l = 0; l < def->params[j].nlevels; l++) {
      const fsim_param_def *pd = &def->params[j];
      const fsim_level_def *lv = &pd->levels[l];
      fsim_overrides *ov = fsim_overrides_new();
      char a[2 * FSIM_TEXT_MAX + 8];
      fsim_status st = ov ? FSIM_OK : fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
      for (size_t i = 0; st == FSIM_OK && i < fsim_overrides_count(sw->ov); i++)
        st = fsim_overrides_add(ov, fsim_overrides_get(sw->ov, i), err);
      for (size_t i = 0; st == FSIM_OK && i < fsim_overrides_param_count(sw->ov); i++)
        st = fsim_overrides_add_param(ov, fsim_overrides_param_get(sw->ov, i), err);
      for (int i = 0; st == FSIM_OK && i < pd->npaths; i++) {
        snprintf(a, sizeof a, "%s=%s", pd->path[i], lv->value);
        st = fsim_overrides_add(ov, a, err);
      }
      fsim_scenario *sc = NULL;
      if (st == FSIM_OK)
        st = fsim_scenario_load_string(sw->text, sw->source, sw->include_dir, ov, &sc, err);
      fsim_scenario_free(sc);
      fsim_overrides_free(ov);
      if (st != FSIM_OK && st != FSIM_E_NOMEM) {
        char orig[FSIM_ERROR_TEXT];
        memcpy(orig, err->message, sizeof orig);
        snprintf(err->message, sizeof err->message, "level \"%.30s\" (%.90s = %.90s): %.60s%s%.200s",
                 lv->name, pd->path[0], lv->value, err->path, err->path[0] ? ": " : "", orig);
        snprintf(err->file, sizeof err->file, "%s", lv->file);
        err->line = lv->line;
        snprintf(err->path, sizeof err->path, "sweep.parameters.[%d].levels.[%d].value", j, l);
      }
      if (st != FSIM_OK) return st;
    }
  return FSIM_OK;
}

/* A morris design: `points` trajectories of k + 1 points (morris.h). Every step
 * must change its parameter's value, which a whole-number parameter over a range
 * narrower than the step would not (both ends rounded to the same number). */
static fsim_status expand_morris(fsim_sweep *sw, fsim_error *err) {
  const fsim_sweep_def *def = &sw->base->sweep;
  const size_t k = (size_t)def->nparams, r = (size_t)def->points, rows = r * (k + 1);
  if (rows > 10000000)
    return fsim_error_set(err, FSIM_E_INPUT, sw->source, 0, "sweep.points",
                          "the morris design has %zu points (%zu trajectories x %zu); at most "
                          "10,000,000",
                          rows, r, k + 1);
  double *u = malloc(rows * k * sizeof *u);
  sw->values = malloc(rows * k * sizeof *sw->values);
  if (!u || !sw->values) {
    free(u);
    return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  fsim_status st = fsim_design_morris(r, (int)k, def->morris_levels,
                                      (uint64_t)sw->base->run.seed, u, err);
  for (size_t p = 0; st == FSIM_OK && p < rows * k; p++)
    sw->values[p] = fsim_morris_value(&def->params[p % k], u[p]);
  for (size_t p = 1; st == FSIM_OK && p < rows; p++)
    for (size_t j = 0; st == FSIM_OK && j < k && p % (k + 1) != 0; j++)
      if (u[p * k + j] != u[(p - 1) * k + j] && sw->values[p * k + j] == sw->values[(p - 1) * k + j]) {
        const fsim_param_def *pd = &def->params[j];
        char where[48];
        snprintf(where, sizeof where, "sweep.parameters.[%zu]", j);
        st = fsim_error_set(err, FSIM_E_INPUT, sw->source, 0, where,
                            "%s takes whole numbers, and from %g to %g is too narrow for a "
                            "morris step of %.3g of the range (%d levels): widen the range "
                            "or lower sweep.morris_levels",
                            pd->path[0], pd->from, pd->to,
                            def->morris_levels / (2.0 * (def->morris_levels - 1)),
                            def->morris_levels);
      }
  free(u);
  sw->npoints = (long)rows;
  return st;
}

/* The design: every point's parameter values (MODEL.md has none of this; see
 * docs/USAGE.md "frontsim sweep"). */
static fsim_status expand_design(fsim_sweep *sw, fsim_error *err) {
  const fsim_sweep_def *def = &sw->base->sweep;
  const int k = def->nparams;
  sw->k = k;
  double *u = NULL;
  if (def->method == FSIM_SWEEP_GRID) {
    int counts[FSIM_MAX_VALUES];
    for (int j = 0; j < k; j++)
      counts[j] = def->params[j].nlevels > 0   ? def->params[j].nlevels
                  : def->params[j].nvalues > 0 ? def->params[j].nvalues
                                               : def->params[j].steps;
    size_t n = fsim_design_grid_size(k, counts);
    if (n > 10000000)
      return fsim_error_set(err, FSIM_E_INPUT, sw->source, 0, "sweep.parameters",
                            "the grid has %zu points; at most 10,000,000", n);
    sw->npoints = (long)n;
    sw->values = malloc(n * (size_t)k * sizeof *sw->values);
    if (!sw->values) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
    int idx[FSIM_MAX_VALUES];
    for (size_t p = 0; p < n; p++) {
      fsim_design_grid_index(p, k, counts, idx);
      for (int j = 0; j < k; j++) {
        const fsim_param_def *pd = &def->params[j];
        double v = pd->nlevels > 0   ? idx[j] /* the level's number */
                   : pd->nvalues > 0 ? pd->values[idx[j]]
                                     : pd->from + (pd->to - pd->from) * idx[j] / (pd->steps - 1);
        sw->values[p * (size_t)k + (size_t)j] = pd->integer ? round(v) : v;
      }
    }
    return FSIM_OK;
  }
  if (def->method == FSIM_SWEEP_MORRIS) return expand_morris(sw, err);
  size_t n = (size_t)def->points;
  size_t rows = def->method == FSIM_SWEEP_SOBOL ? n * (size_t)(k + 2) : n;
  u = malloc(rows * (size_t)k * sizeof *u);
  sw->values = malloc(rows * (size_t)k * sizeof *sw->values);
  if (!u || !sw->values) {
    free(u);
    return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  fsim_status st = def->method == FSIM_SWEEP_SOBOL
                       ? fsim_design_saltelli(n, k, u, err)
                       : fsim_design_lhs(n, k, (uint64_t)sw->base->run.seed, u, err);
  for (size_t p = 0; st == FSIM_OK && p < rows; p++)
    for (int j = 0; j < k; j++) {
      const fsim_param_def *pd = &def->params[j];
      double x = u[p * (size_t)k + (size_t)j], v;
      if (pd->nlevels > 0) /* the strata split evenly among the levels */
        v = fmin(pd->nlevels - 1, floor(x * pd->nlevels));
      else if (pd->integer) /* every whole value in [from, to] equally likely */
        v = fmin(pd->to, floor(ceil(pd->from) + x * (floor(pd->to) - ceil(pd->from) + 1)));
      else
        v = pd->from + x * (pd->to - pd->from);
      sw->values[p * (size_t)k + (size_t)j] = v;
    }
  free(u);
  sw->npoints = (long)rows;
  return st;
}

fsim_status fsim_sweep_describe(fsim_sweep *sw, long reps, fsim_error *err) {
  const fsim_sweep_def *def = &sw->base->sweep;
  /* The optional tables are bounded: a row per replication, or per day, of every point. */
  const double rep_rows = (double)sw->npoints * (double)reps;
  const double day_rows = (double)sw->npoints * (double)(sw->base->run.days + 1);
  if (def->per_replication && rep_rows > FSIM_SWEEP_TABLE_ROWS_MAX)
    return fsim_error_set(err, FSIM_E_INPUT, sw->source, 0, "sweep.per_replication",
                          "replications.csv would have %.0f rows (%ld points x %ld "
                          "replications); at most %ld",
                          rep_rows, sw->npoints, reps, FSIM_SWEEP_TABLE_ROWS_MAX);
  if (def->nseries > 0 && day_rows > FSIM_SWEEP_TABLE_ROWS_MAX)
    return fsim_error_set(err, FSIM_E_INPUT, sw->source, 0, "sweep.series",
                          "series.csv would have %.0f rows (%ld points x %d days); at most %ld",
                          day_rows, sw->npoints, sw->base->run.days + 1,
                          FSIM_SWEEP_TABLE_ROWS_MAX);
  fsim_layout lay;
  fsim_status st = fsim_layout_build(&lay, sw->base, err);
  if (st != FSIM_OK) return st;
  sw->nmetrics = def->nmetrics > 0 ? def->nmetrics : lay.nmetrics;
  free(sw->metric); /* describe runs again when a run changes the replications */
  sw->metric = malloc((size_t)sw->nmetrics * sizeof *sw->metric);
  fsim_text_buf params = {0}, metrics = {0}, cols = {0}, design = {0};
  if (!sw->metric) params.failed = 1;
  for (int m = 0; m < sw->nmetrics && sw->metric; m++) {
    sw->metric[m] = def->nmetrics > 0 ? fsim_layout_find_metric(&lay, def->metrics[m]) : m;
    const char *name = lay.metric_name[sw->metric[m]];
    fsim_text_buf_printf(&metrics, "%s%s", m ? ";" : "", name);
  }
  fsim_text_buf_printf(&cols, FSIM_SWEEP_POINT_COLUMN);
  fsim_text_buf_printf(&design, FSIM_SWEEP_POINT_COLUMN);
  for (int j = 0; j < sw->k; j++) {
    /* A linked parameter is named by its first path (scenario.cfg lists the rest). */
    fsim_text_buf_printf(&params, "%s%s", j ? ";" : "", def->params[j].path[0]);
    fsim_text_buf_printf(&cols, ",%s", def->params[j].path[0]);
    fsim_text_buf_printf(&design, ",%s", def->params[j].path[0]);
  }
  fsim_text_buf_printf(&design, "\n");
  fsim_text_buf_printf(&cols, "," FSIM_SWEEP_REPS_COLUMN);
  for (int m = 0; m < sw->nmetrics && sw->metric; m++)
    for (int s = 0; s < FSIM_POINT_NSTATS; s++)
      fsim_text_buf_printf(&cols, ",%s_%s", lay.metric_name[sw->metric[m]], fsim_point_stat_names[s]);
  for (long p = 0; p < sw->npoints; p++) {
    char num[48];
    fsim_text_buf_printf(&design, "%ld", p);
    for (int j = 0; j < sw->k; j++)
      fsim_text_buf_printf(&design, ",%s", shown_value(sw, p, j, num, sizeof num));
    fsim_text_buf_printf(&design, "\n");
  }
  /* The effective base scenario, without a header: part of the setup hash. It
   * records the replications used (-n), so that running it reproduces the sweep; a
   * shallow copy, the writer only reads. */
  char *scen = NULL;
  size_t scen_len = 0;
  fsim_scenario used = *sw->base;
  used.sweep.replications = (int)reps;
  FILE *mem = open_memstream(&scen, &scen_len);
  if (!mem || fsim_scenario_write(&used, mem, NULL, err) != FSIM_OK) params.failed = 1;
  if (mem) fclose(mem);
  fsim_layout_destroy(&lay);
  if (params.failed || metrics.failed || cols.failed || design.failed || !scen) {
    free(params.s), free(metrics.s), free(cols.s), free(design.s), free(scen);
    return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  char reps_text[64];
  snprintf(reps_text, sizeof reps_text, "replications=%ld", reps);
  uint64_t h = fsim_fnv1a(FSIM_FNV_INIT, scen, scen_len);
  h = fsim_fnv1a(h, design.s, design.len);
  h = fsim_fnv1a(h, cols.s, cols.len);
  h = fsim_fnv1a(h, reps_text, strlen(reps_text));
  sw->info.setup = h;
  sw->info.npoints = sw->npoints;
  sw->info.nparams = sw->k;
  sw->info.method = def->method;
  sw->info.bootstrap = def->bootstrap;
  sw->info.seed = (uint64_t)sw->base->run.seed;
  sw->info.params = params.s;
  sw->info.metrics = metrics.s;
  sw->info.columns = cols.s;
  free(sw->scenario_text);
  free(sw->design_text);
  sw->scenario_text = scen;
  sw->design_text = design.s;
  return FSIM_OK;
}

/* The sweep of the scenario at scenario_path: read, its base loaded (with a sweep
 * section when need_sweep) and its levels checked; *out is NULL on failure. */
static fsim_status open_sweep(const char *scenario_path, const fsim_overrides *ov,
                              int need_sweep, fsim_sweep **out, fsim_error *err) {
  *out = NULL;
  fsim_sweep *sw = calloc(1, sizeof *sw);
  if (!sw) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  snprintf(sw->source, sizeof sw->source, "%s", scenario_path);
  const char *slash = strrchr(scenario_path, '/');
  if (slash && slash > scenario_path) {
    size_t len = (size_t)(slash - scenario_path);
    sw->include_dir = malloc(len + 1);
    if (sw->include_dir) {
      memcpy(sw->include_dir, scenario_path, len);
      sw->include_dir[len] = '\0';
    }
  }
  sw->ov = fsim_overrides_new();
  fsim_status st = sw->ov && (!slash || slash == scenario_path || sw->include_dir)
                       ? FSIM_OK
                       : fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  for (size_t i = 0; st == FSIM_OK && i < fsim_overrides_count(ov); i++)
    st = fsim_overrides_add(sw->ov, fsim_overrides_get(ov, i), err);
  for (size_t i = 0; st == FSIM_OK && i < fsim_overrides_param_count(ov); i++)
    st = fsim_overrides_add_param(sw->ov, fsim_overrides_param_get(ov, i), err);
  if (st == FSIM_OK) st = fsim_read_text(scenario_path, "the scenario", &sw->text, NULL, err);
  if (st == FSIM_OK)
    st = fsim_scenario_load_string(sw->text, sw->source, sw->include_dir, sw->ov, &sw->base, err);
  if (st == FSIM_OK && need_sweep && !sw->base->has_sweep)
    st = fsim_error_set(err, FSIM_E_INPUT, scenario_path, 0, "sweep",
                        "the scenario has no sweep section and no --param was given");
  if (st == FSIM_OK) st = check_levels(sw, err);
  if (st != FSIM_OK) {
    fsim_sweep_free(sw);
    return st;
  }
  *out = sw;
  return FSIM_OK;
}

fsim_status fsim_sweep_check(const char *scenario_path, const fsim_overrides *ov,
                             fsim_error *err) {
  if (!scenario_path)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "fsim_sweep_check: no scenario (NULL)");
  fsim_sweep *sw = NULL;
  fsim_status st = open_sweep(scenario_path, ov, 0, &sw, err);
  fsim_sweep_free(sw);
  return st;
}

fsim_status fsim_sweep_prepare(const char *scenario_path, const fsim_overrides *ov,
                               fsim_sweep **out, fsim_error *err) {
  if (!scenario_path || !out)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "",
                          "fsim_sweep_prepare: no scenario or no place for the sweep (NULL)");
  fsim_sweep *sw = NULL;
  fsim_status st = open_sweep(scenario_path, ov, 1, &sw, err);
  *out = NULL;
  if (st != FSIM_OK) return st;
  st = expand_design(sw, err);
  /* Every point must load before any work starts. */
  for (long p = 0; st == FSIM_OK && p < sw->npoints; p++) {
    fsim_scenario *sc = NULL;
    st = load_point(sw, p, &sc, err);
    fsim_scenario_free(sc);
  }
  if (st == FSIM_OK) st = fsim_sweep_describe(sw, sw->base->sweep.replications, err);
  if (st != FSIM_OK) {
    fsim_sweep_free(sw);
    return st;
  }
  *out = sw;
  return FSIM_OK;
}

/* v with `digits` significant digits (7 for the series, which are kept as floats). */
static void put_number(fsim_text_buf *rec, const char *sep, double v, int digits) {
  char num[FSIM_NUMFMT_MAX] = "";
  if (!isnan(v)) fsim_numfmt_g(v, digits, num, sizeof num);
  fsim_text_buf_printf(rec, "%s%s", sep, num);
}

/* The optional parts of a point's record (sweep_internal.h, FSIM_SWEEP_REPS_PART and
 * FSIM_SWEEP_SERIES_PART): every replication's metrics, and the kept daily series'
 * statistics, which the final writer turns into replications.csv and series.csv. */
static fsim_status append_extras(const fsim_sweep *sw, const fsim_results *res,
                                 fsim_text_buf *rec, fsim_error *err) {
  const fsim_sweep_def *def = &sw->base->sweep;
  if (def->per_replication) {
    fsim_text_buf_printf(rec, "%s", FSIM_SWEEP_REPS_PART);
    for (long r = 0; r < res->nreps; r++)
      for (int m = 0; m < sw->nmetrics; m++)
        put_number(rec, r || m ? "," : "", fsim_results_value(res, r, sw->metric[m]), 10);
  }
  if (def->nseries == 0) return FSIM_OK;
  double *tab = NULL;
  fsim_status st = fsim_series_table(res, &tab, err);
  if (st != FSIM_OK) return st;
  static const int shown[] = {FSIM_DAILY_MEAN, FSIM_DAILY_P5, FSIM_DAILY_P50, FSIM_DAILY_P95};
  const fsim_series_store *ss = &res->ser;
  /* Self-describing: the variables (in the layout's order) and days, then the cells. */
  fsim_text_buf_printf(rec, "%s", FSIM_SWEEP_SERIES_PART);
  for (int i = 0; i < ss->nsel; i++)
    fsim_text_buf_printf(rec, "%s%s", i ? ";" : "", res->layout.series_name[ss->var[i]]);
  fsim_text_buf_printf(rec, ":%d:", ss->days1);
  for (long c = 0; c < ss->ncells; c++)
    for (size_t k = 0; k < sizeof shown / sizeof shown[0]; k++)
      put_number(rec, c || k ? "," : "", tab[c * FSIM_DAILY_NSTATS + shown[k]], 7);
  free(tab);
  return FSIM_OK;
}

fsim_status fsim_sweep_run_point(const fsim_sweep *sw, long p, const fsim_sweep_options *opt,
                                 long reps, fsim_text_buf *rec, double *scratch,
                                 fsim_error *err) {
  fsim_scenario *sc = NULL;
  fsim_status st = load_point(sw, p, &sc, err);
  if (st != FSIM_OK) return st;
  fsim_run_options ro;
  fsim_run_options_init(&ro);
  ro.replications = reps;
  ro.threads = opt->threads;
  const fsim_sweep_def *def = &sw->base->sweep;
  char series[FSIM_SWEEP_SERIES_MAX * (FSIM_NAME_MAX + 1)] = "";
  for (int v = 0; v < def->nseries; v++) /* checked against the layout by the loader */
    snprintf(series + strlen(series), sizeof series - strlen(series), "%s%s", v ? "," : "",
             def->series[v]);
  ro.keep_series = def->nseries > 0;
  ro.series = series;
  ro.point = 0; /* common random numbers: replication r draws the same at every point */
  ro.stop = opt->stop;
  fsim_results *res = NULL;
  st = fsim_run(sc, &ro, &res, err);
  if (st == FSIM_OK) {
    rec->len = 0;
    char num[48];
    fsim_text_buf_printf(rec, "%ld", p);
    for (int j = 0; j < sw->k; j++)
      fsim_text_buf_printf(rec, ",%s", shown_value(sw, p, j, num, sizeof num));
    fsim_text_buf_printf(rec, ",%ld", reps);
    for (int m = 0; m < sw->nmetrics; m++) {
      int mi = sw->metric[m];
      for (long r = 0; r < reps; r++) scratch[r] = fsim_results_value(res, r, mi);
      fsim_summary s;
      /* The metric's kind decides its interval (Wilson for probabilities). */
      fsim_summarize(scratch, (size_t)reps, res->layout.metric_kind[mi], &s);
      double v[FSIM_POINT_NSTATS] = {
          [FSIM_POINT_MEAN] = s.mean,     [FSIM_POINT_SD] = s.sd, [FSIM_POINT_CI_LOW] = s.ci_lo,
          [FSIM_POINT_CI_HIGH] = s.ci_hi, [FSIM_POINT_P5] = s.p5, [FSIM_POINT_P50] = s.p50,
          [FSIM_POINT_P95] = s.p95};
      for (int k = 0; k < FSIM_POINT_NSTATS; k++) {
        if (isnan(v[k]))
          fsim_text_buf_printf(rec, ",");
        else
          fsim_text_buf_printf(rec, ",%.10g", v[k]);
      }
    }
    if (def->per_replication || def->nseries > 0) st = append_extras(sw, res, rec, err);
    if (st == FSIM_OK && rec->failed)
      st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  fsim_results_free(res);
  fsim_scenario_free(sc);
  return st;
}
