/* A sweep directory read back for its charts: sweep.csv (the parameter columns
 * between "point" and "replications", each metric's means; whether the rows form a
 * grid) and sensitivity.csv (the Sobol' indices), from the files the sweep wrote,
 * not its journal, so a merged or copied sweep plots the same. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "formats.h"
#include "plot_internal.h"
#include "schema.h"

/* Splits a CSV line in place at commas (the sweep's files hold numbers and
 * setting paths, never quoted fields); the line end is dropped. */
static int split_fields(char *line, char **fields, int max) {
  line[strcspn(line, "\r\n")] = '\0';
  int n = 0;
  char *p = line;
  while (n < max) {
    fields[n++] = p;
    char *comma = strchr(p, ',');
    if (!comma) break;
    *comma = '\0';
    p = comma + 1;
  }
  return n;
}

static int count_fields(const char *line) {
  int n = 1;
  for (const char *p = line; *p && *p != '\n' && *p != '\r'; p++) n += *p == ',';
  return n;
}

/* A number, or NaN for an empty field or text that is not one. */
static double number(const char *text) {
  if (!text || !*text) return NAN;
  char *end = NULL;
  double v = strtod(text, &end);
  return end == text ? NAN : v;
}

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n >= k && strcmp(s + n - k, suffix) == 0;
}

void fsim_plot_sweep_free(fsim_plot_sweep *sw) {
  for (int i = 0; sw->params && i < sw->nparams; i++) {
    free(sw->params[i].values);
    free(sw->params[i].levels);
  }
  free(sw->params);
  free(sw->metrics);
  free(sw->value_index);
  free(sw->paired);
  free(sw->paired_lead);
  free(sw->paired_text);
  memset(sw, 0, sizeof *sw);
}

static fsim_status bad_table(const char *path, const char *what, fsim_error *err) {
  return fsim_error_set(err, FSIM_E_INPUT, path, 0, "",
                        "not the table of a frontsim sweep: %s", what);
}

/* The header: "point", the parameters, "replications", then each metric's
 * statistics in order. */
static fsim_status read_header(fsim_plot_sweep *sw, char *line, const char *path,
                               fsim_error *err) {
  int n = count_fields(line);
  char **f = malloc((size_t)n * sizeof *f);
  if (!f) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  split_fields(line, f, n);
  fsim_status st = FSIM_OK;
  int reps = -1;
  for (int i = 1; i < n && reps < 0; i++)
    if (strcmp(f[i], FSIM_SWEEP_REPS_COLUMN) == 0) reps = i;
  if (strcmp(f[0], FSIM_SWEEP_POINT_COLUMN) != 0 || reps < 2)
    st = bad_table(path, "its header does not begin with point, the parameters, replications",
                   err);
  else if ((n - reps - 1) % FSIM_POINT_NSTATS != 0 || n - reps - 1 == 0)
    st = bad_table(path, "the metric columns do not come in sevens", err);
  if (st == FSIM_OK) {
    sw->nparams = reps - 1;
    sw->nmetrics = (n - reps - 1) / FSIM_POINT_NSTATS;
    sw->params = calloc((size_t)sw->nparams, sizeof *sw->params);
    sw->metrics = calloc((size_t)sw->nmetrics, sizeof *sw->metrics);
    if (!sw->params || !sw->metrics)
      st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  for (int i = 0; st == FSIM_OK && i < sw->nparams; i++) {
    if (strlen(f[1 + i]) >= sizeof sw->params[i].path || !f[1 + i][0])
      st = bad_table(path, "a parameter column has no name or too long a name", err);
    else
      snprintf(sw->params[i].path, sizeof sw->params[i].path, "%s", f[1 + i]);
  }
  for (int m = 0; st == FSIM_OK && m < sw->nmetrics; m++) {
    /* <metric>_mean: the first of the metric's point statistics. */
    const char *col = f[reps + 1 + m * FSIM_POINT_NSTATS + FSIM_POINT_MEAN];
    const char *stat = fsim_point_stat_names[FSIM_POINT_MEAN];
    const size_t len = strlen(col), cut = strlen(stat) + 1;
    if (!ends_with(col, stat) || len <= cut || col[len - cut] != '_' ||
        len - cut >= sizeof sw->metrics[m].name)
      st = bad_table(path, "a metric's first column does not end in _mean", err);
    else
      snprintf(sw->metrics[m].name, sizeof sw->metrics[m].name, "%.*s", (int)(len - cut), col);
  }
  free(f);
  return st;
}

/* Which of parameter i's values `v` is, adding it when new; -1 once the parameter
 * has too many values to be a grid's. */
static long value_number(fsim_sweep_param *p, double v, long *cap, fsim_error *err,
                         fsim_status *st) {
  if (p->too_many) return -1;
  for (int j = 0; j < p->count; j++)
    if (p->values[j] == v) return j;
  if (p->count == FSIM_GRID_VALUES_MAX) {
    p->too_many = 1;
    return -1;
  }
  if (p->count == *cap) {
    long grown = *cap ? *cap * 2 : 16;
    double *values = realloc(p->values, (size_t)grown * sizeof *values);
    if (!values) {
      *st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
      return -1;
    }
    p->values = values;
    *cap = grown;
  }
  p->values[p->count] = v;
  return p->count++;
}

/* A grid: as many rows as combinations of the values, row p holding value
 * (p / stride) % count of each parameter, the last parameter fastest. */
static int is_grid(const fsim_plot_sweep *sw) {
  for (int i = 0; i < sw->nparams; i++)
    if (sw->params[i].too_many) return 0;
  double combinations = 1.0;
  for (int i = 0; i < sw->nparams; i++) combinations *= sw->params[i].count;
  if (combinations != (double)sw->npoints) return 0;
  for (long p = 0; p < sw->npoints; p++) {
    long stride = 1;
    for (int i = sw->nparams - 1; i >= 0; i--) {
      if (sw->value_index[p * sw->nparams + i] != (p / stride) % sw->params[i].count) return 0;
      stride *= sw->params[i].count;
    }
  }
  return 1;
}

/* The parameter of the scenario's sweep with this path, or NULL. */
static const fsim_param_def *param_def(const fsim_scenario *sc, const char *path) {
  for (int k = 0; sc && sc->has_sweep && k < sc->sweep.nparams; k++)
    if (strcmp(sc->sweep.params[k].path[0], path) == 0) return &sc->sweep.params[k];
  return NULL;
}

/* A categorical parameter's levels, in the sweep's order: its values are the level
 * numbers 1..n, whatever order the rows take them in. */
static fsim_status take_levels(fsim_sweep_param *p, const fsim_param_def *pd, long *cap,
                               fsim_error *err) {
  if (!pd || pd->nlevels == 0) return FSIM_OK;
  p->levels = malloc((size_t)pd->nlevels * sizeof *p->levels);
  p->values = malloc((size_t)pd->nlevels * sizeof *p->values);
  if (!p->levels || !p->values) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  for (int l = 0; l < pd->nlevels; l++) {
    snprintf(p->levels[l], sizeof p->levels[l], "%s", pd->levels[l].name);
    p->values[l] = l + 1;
  }
  p->nlevels = p->count = pd->nlevels;
  *cap = pd->nlevels;
  return FSIM_OK;
}

/* The level number of name `text`, or NaN. */
static double level_number(const fsim_sweep_param *p, const char *text) {
  for (int l = 0; l < p->nlevels; l++)
    if (strcmp(p->levels[l], text) == 0) return l + 1;
  return NAN;
}

/* A parameter's name on charts: the sweep's label, else its last part, its
 * underscores as spaces ("daily cap", read as words, not as a setting), unless
 * another of the n parameters (paths) ends the same way (then its path). */
void fsim_plot_param_label(const fsim_scenario *sc, const char *const *paths, int n, int i,
                           char *label, size_t size) {
  const fsim_param_def *pd = param_def(sc, paths[i]);
  const char *dot = strrchr(paths[i], '.');
  const char *last = dot && dot[1] ? dot + 1 : paths[i];
  int unique = 1;
  for (int j = 0; j < n; j++) {
    const char *other = strrchr(paths[j], '.');
    other = other && other[1] ? other + 1 : paths[j];
    if (j != i && strcmp(other, last) == 0) unique = 0;
  }
  snprintf(label, size, "%s", pd && pd->label[0] ? pd->label : unique ? last : paths[i]);
  if (!(pd && pd->label[0]) && unique)
    for (char *c = label; *c; c++)
      if (*c == '_') *c = ' ';
}

/* Each parameter's name (fsim_plot_param_label); its axis title adds the sweep's
 * unit, else the setting's own (the settings table's). */
static void label_params(fsim_plot_sweep *sw, const fsim_scenario *sc) {
  const char **paths = malloc((size_t)(sw->nparams > 0 ? sw->nparams : 1) * sizeof *paths);
  for (int i = 0; paths && i < sw->nparams; i++) paths[i] = sw->params[i].path;
  for (int i = 0; i < sw->nparams; i++) {
    fsim_sweep_param *p = &sw->params[i];
    const fsim_param_def *pd = param_def(sc, p->path);
    if (paths)
      fsim_plot_param_label(sc, paths, sw->nparams, i, p->label, sizeof p->label);
    else
      snprintf(p->label, sizeof p->label, "%s", p->path); /* out of memory: the path */
    const fsim_spec *spec = fsim_schema_lookup_path(p->path);
    const char *unit = pd && pd->unit[0] ? pd->unit
                       : spec && spec->unit && p->nlevels == 0 ? spec->unit
                                                               : "";
    snprintf(p->axis, sizeof p->axis, unit[0] ? "%s (%s)" : "%s%s", p->label, unit);
  }
  free(paths);
}

fsim_status fsim_plot_sweep_read_table(fsim_plot_sweep *sw, const char *path,
                                       const fsim_scenario *sc, fsim_error *err) {
  memset(sw, 0, sizeof *sw);
  FILE *fp = fopen(path, "r");
  if (!fp) return fsim_error_set(err, FSIM_E_INPUT, path, 0, "", "cannot read");
  char *line = NULL;
  size_t size = 0;
  fsim_status st = FSIM_OK;
  if (getline(&line, &size, fp) < 0)
    st = bad_table(path, "it is empty", err);
  else
    st = read_header(sw, line, path, err);
  const int k = sw->nparams;
  const int ncols = 1 + k + 1 + sw->nmetrics * FSIM_POINT_NSTATS;
  char **f = st == FSIM_OK ? malloc((size_t)ncols * sizeof *f) : NULL;
  long *caps = st == FSIM_OK ? calloc((size_t)k, sizeof *caps) : NULL;
  long rows_cap = 0;
  if (st == FSIM_OK && (!f || !caps))
    st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  for (int i = 0; st == FSIM_OK && i < k; i++)
    st = take_levels(&sw->params[i], param_def(sc, sw->params[i].path), &caps[i], err);
  for (int m = 0; st == FSIM_OK && m < sw->nmetrics; m++) {
    sw->metrics[m].max_abs = 0.0;
    sw->metrics[m].lo = INFINITY;
    sw->metrics[m].hi = -INFINITY;
  }
  while (st == FSIM_OK && getline(&line, &size, fp) >= 0) {
    if (line[0] == '\n' || line[0] == '\r' || line[0] == '\0') continue;
    if (count_fields(line) != ncols) {
      st = fsim_error_set(err, FSIM_E_INPUT, path, (int)sw->npoints + 2, "",
                          "a row of %d fields under a header of %d", count_fields(line), ncols);
      break;
    }
    split_fields(line, f, ncols);
    if (sw->npoints == rows_cap) {
      rows_cap = rows_cap ? rows_cap * 2 : 64;
      long *vi = realloc(sw->value_index, (size_t)(rows_cap * k) * sizeof *vi);
      if (!vi) {
        st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
        break;
      }
      sw->value_index = vi;
    }
    for (int i = 0; st == FSIM_OK && i < k; i++) {
      const fsim_sweep_param *pi = &sw->params[i];
      double v = pi->nlevels > 0 ? level_number(pi, f[1 + i]) : number(f[1 + i]);
      if (isnan(v)) {
        st = fsim_error_set(err, FSIM_E_INPUT, path, (int)sw->npoints + 2, pi->path,
                            pi->nlevels > 0 ? "not a level of this parameter in scenario.cfg: "
                                              "\"%.40s\""
                                            : "not a number: \"%.40s\"",
                            f[1 + i]);
        break;
      }
      sw->value_index[sw->npoints * k + i] = value_number(&sw->params[i], v, &caps[i], err, &st);
    }
    for (int m = 0; st == FSIM_OK && m < sw->nmetrics; m++) {
      double mean = number(f[k + 2 + m * FSIM_POINT_NSTATS + FSIM_POINT_MEAN]);
      if (isnan(mean)) continue;
      sw->metrics[m].defined++;
      if (fabs(mean) > sw->metrics[m].max_abs) sw->metrics[m].max_abs = fabs(mean);
      if (mean < sw->metrics[m].lo) sw->metrics[m].lo = mean;
      if (mean > sw->metrics[m].hi) sw->metrics[m].hi = mean;
    }
    sw->npoints++;
  }
  if (st == FSIM_OK && sw->npoints == 0) st = bad_table(path, "it has no rows", err);
  if (st == FSIM_OK) {
    sw->grid = is_grid(sw);
    label_params(sw, sc);
  }
  free(caps);
  free(f);
  free(line);
  fclose(fp);
  if (st != FSIM_OK) fsim_plot_sweep_free(sw);
  return st;
}

static int find_metric(const fsim_plot_sweep *sw, const char *name) {
  for (int m = 0; m < sw->nmetrics; m++)
    if (strcmp(sw->metrics[m].name, name) == 0) return m;
  return -1;
}

static int find_param(const fsim_plot_sweep *sw, const char *path) {
  for (int i = 0; i < sw->nparams; i++)
    if (strcmp(sw->params[i].path, path) == 0) return i;
  return -1;
}

/* The parameters of one metric by decreasing total index (undefined last), as
 * space-separated paths. */
static void order_params(const fsim_plot_sweep *sw, const double *total, char *out,
                         size_t size) {
  int *used = calloc((size_t)sw->nparams, sizeof *used);
  size_t len = 0;
  out[0] = '\0';
  for (int n = 0; used && n < sw->nparams; n++) {
    int best = -1;
    for (int i = 0; i < sw->nparams; i++) {
      if (used[i]) continue;
      if (best < 0 || (!isnan(total[i]) && (isnan(total[best]) || total[i] > total[best])))
        best = i;
    }
    used[best] = 1;
    int w = snprintf(out + len, size - len, "%s%s", n ? " " : "", sw->params[best].path);
    if (w < 0 || (size_t)w >= size - len) break;
    len += (size_t)w;
  }
  free(used);
}

fsim_status fsim_plot_sweep_read_morris(fsim_plot_sweep *sw, const char *path,
                                        fsim_error *err) {
  FILE *fp = fopen(path, "r");
  if (!fp) return fsim_error_set(err, FSIM_E_INPUT, path, 0, "", "cannot read");
  static const char header[] = FSIM_MORRIS_HEADER;
  char *line = NULL, *f[FSIM_MORRIS_NCOLS];
  size_t size = 0;
  fsim_status st = FSIM_OK;
  if (getline(&line, &size, fp) < 0 || strncmp(line, header, sizeof header - 1) != 0)
    st = fsim_error_set(err, FSIM_E_INPUT, path, 1, "",
                        "not the table of a morris sweep (header: %s)", header);
  for (int row = 2; st == FSIM_OK && getline(&line, &size, fp) >= 0; row++) {
    if (line[0] == '\n' || line[0] == '\r' || line[0] == '\0') continue;
    if (split_fields(line, f, FSIM_MORRIS_NCOLS) != FSIM_MORRIS_NCOLS) {
      st = fsim_error_set(err, FSIM_E_INPUT, path, row, "", "a row without %d fields",
                          FSIM_MORRIS_NCOLS);
      break;
    }
    const int m = find_metric(sw, f[FSIM_MORRIS_METRIC]);
    if (m < 0 || find_param(sw, f[FSIM_MORRIS_PARAMETER]) < 0)
      st = fsim_error_set(err, FSIM_E_INPUT, path, row, "",
                          "metric %.60s or parameter %.60s is not in sweep.csv",
                          f[FSIM_MORRIS_METRIC], f[FSIM_MORRIS_PARAMETER]);
    else if (!isnan(number(f[FSIM_MORRIS_MU_STAR])))
      sw->metrics[m].has_indices = 1; /* an effect to chart */
  }
  free(line);
  fclose(fp);
  return st;
}

fsim_status fsim_plot_sweep_read_indices(fsim_plot_sweep *sw, const char *path,
                                         fsim_error *err) {
  FILE *fp = fopen(path, "r");
  if (!fp) return fsim_error_set(err, FSIM_E_INPUT, path, 0, "", "cannot read");
  enum { NCOLS = FSIM_SENS_NCOLS };
  static const char header[] = FSIM_SENSITIVITY_HEADER;
  char *line = NULL, *f[NCOLS];
  size_t size = 0;
  fsim_status st = FSIM_OK;
  double *total = malloc((size_t)sw->nmetrics * (size_t)sw->nparams * sizeof *total);
  if (!total) st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  for (long i = 0; total && i < (long)sw->nmetrics * sw->nparams; i++) total[i] = NAN;
  if (st == FSIM_OK && (getline(&line, &size, fp) < 0 ||
                        strncmp(line, header, sizeof header - 1) != 0))
    st = fsim_error_set(err, FSIM_E_INPUT, path, 1, "",
                        "not the sensitivity table of a sobol sweep (header: %s)", header);
  int row = 1;
  while (st == FSIM_OK && getline(&line, &size, fp) >= 0) {
    row++;
    if (line[0] == '\n' || line[0] == '\r' || line[0] == '\0') continue;
    if (split_fields(line, f, NCOLS) != NCOLS) {
      st = fsim_error_set(err, FSIM_E_INPUT, path, row, "", "a row without %d fields", NCOLS);
      break;
    }
    int m = find_metric(sw, f[FSIM_SENS_METRIC]), i = find_param(sw, f[FSIM_SENS_PARAMETER]);
    if (m < 0 || i < 0) {
      st = fsim_error_set(err, FSIM_E_INPUT, path, row, "",
                          "metric %.60s or parameter %.60s is not in sweep.csv",
                          f[FSIM_SENS_METRIC], f[FSIM_SENS_PARAMETER]);
      break;
    }
    /* A metric that does not vary has rows but no index: nothing to chart. */
    if (!isnan(number(f[FSIM_SENS_FIRST])) || !isnan(number(f[FSIM_SENS_TOTAL])))
      sw->metrics[m].has_indices = 1;
    fsim_sweep_metric *mt = &sw->metrics[m];
    mt->noise_share = number(f[FSIM_SENS_NOISE_SHARE]);
    for (int c = FSIM_SENS_FIRST; c <= FSIM_SENS_TOTAL_HIGH; c++) {
      const double v = number(f[c]);
      if (v < mt->idx_lo) mt->idx_lo = v;
      if (v > mt->idx_hi) mt->idx_hi = v;
    }
    const double wf = number(f[FSIM_SENS_FIRST_HIGH]) - number(f[FSIM_SENS_FIRST_LOW]),
                 wt = number(f[FSIM_SENS_TOTAL_HIGH]) - number(f[FSIM_SENS_TOTAL_LOW]);
    if (wf > mt->idx_width) mt->idx_width = wf;
    if (wt > mt->idx_width) mt->idx_width = wt;
    total[m * sw->nparams + i] = number(f[FSIM_SENS_TOTAL]);
  }
  for (int m = 0; st == FSIM_OK && m < sw->nmetrics; m++)
    if (sw->metrics[m].has_indices)
      order_params(sw, total + m * sw->nparams, sw->metrics[m].order,
                   sizeof sw->metrics[m].order);
  free(total);
  free(line);
  fclose(fp);
  return st;
}
