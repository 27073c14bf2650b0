/* Charts of a sweep directory: what the sweep holds is read back from the files
 * it wrote (sweep.csv, sensitivity.csv, and the scenario.cfg of its base
 * scenario for the method, the metric list and the names), not from the
 * journal, so a merged or copied sweep plots the same. Each metric gets an effect
 * chart (its mean against the parameters, with confidence intervals), a heat
 * map over two parameters when the design is a grid of two or more, and for
 * sobol a chart of its Sobol' indices. */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "plot_internal.h"

#define STATS_PER_METRIC 7 /* mean, sd, ci_low, ci_high, p5, p50, p95 (sweep_write.c) */
/* The line charts draw at most this many lines (plots/sweep_lines.gp thins the
 * values of the line parameter evenly beyond it). */
#define MAX_LINES 7

/* Splits a CSV line in place at commas (the sweep's files hold numbers and
 * setting paths, never quoted fields); the line end is dropped. */
/* Formats a chart's title or subtitle into dst (n bytes); a text too long for it ends
 * in "..." rather than being cut silently. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void chart_text(char *dst, size_t n, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  const int len = vsnprintf(dst, n, fmt, ap);
  va_end(ap);
  if (len >= 0 && (size_t)len >= n && n > 4) memcpy(dst + n - 4, "...", 4);
}

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
  for (int i = 0; sw->params && i < sw->nparams; i++) free(sw->params[i].values);
  free(sw->params);
  free(sw->metrics);
  free(sw->value_index);
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
    if (strcmp(f[i], "replications") == 0) reps = i;
  if (strcmp(f[0], "point") != 0 || reps < 2)
    st = bad_table(path, "its header does not begin with point, the parameters, replications",
                   err);
  else if ((n - reps - 1) % STATS_PER_METRIC != 0 || n - reps - 1 == 0)
    st = bad_table(path, "the metric columns do not come in sevens", err);
  if (st == FSIM_OK) {
    sw->nparams = reps - 1;
    sw->nmetrics = (n - reps - 1) / STATS_PER_METRIC;
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
    const char *col = f[reps + 1 + m * STATS_PER_METRIC];
    size_t len = strlen(col);
    if (!ends_with(col, "_mean") || len <= 5 || len - 5 >= sizeof sw->metrics[m].name)
      st = bad_table(path, "a metric's first column does not end in _mean", err);
    else
      snprintf(sw->metrics[m].name, sizeof sw->metrics[m].name, "%.*s", (int)(len - 5), col);
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

/* The legend names a parameter by its last part ("delay") unless another
 * parameter ends the same way. */
static void label_params(fsim_plot_sweep *sw) {
  for (int i = 0; i < sw->nparams; i++) {
    const char *path = sw->params[i].path;
    const char *dot = strrchr(path, '.');
    const char *last = dot && dot[1] ? dot + 1 : path;
    int unique = 1;
    for (int j = 0; j < sw->nparams; j++) {
      const char *other = strrchr(sw->params[j].path, '.');
      other = other && other[1] ? other + 1 : sw->params[j].path;
      if (j != i && strcmp(other, last) == 0) unique = 0;
    }
    snprintf(sw->params[i].label, sizeof sw->params[i].label, "%s", unique ? last : path);
  }
}

fsim_status fsim_plot_sweep_read_table(fsim_plot_sweep *sw, const char *path, fsim_error *err) {
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
  const int ncols = 1 + k + 1 + sw->nmetrics * STATS_PER_METRIC;
  char **f = st == FSIM_OK ? malloc((size_t)ncols * sizeof *f) : NULL;
  long *caps = st == FSIM_OK ? calloc((size_t)k, sizeof *caps) : NULL;
  long rows_cap = 0;
  if (st == FSIM_OK && (!f || !caps))
    st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  for (int m = 0; st == FSIM_OK && m < sw->nmetrics; m++) sw->metrics[m].max_abs = 0.0;
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
      double v = number(f[1 + i]);
      if (isnan(v)) {
        st = fsim_error_set(err, FSIM_E_INPUT, path, (int)sw->npoints + 2, sw->params[i].path,
                            "not a number: \"%.40s\"", f[1 + i]);
        break;
      }
      sw->value_index[sw->npoints * k + i] = value_number(&sw->params[i], v, &caps[i], err, &st);
    }
    for (int m = 0; st == FSIM_OK && m < sw->nmetrics; m++) {
      double mean = number(f[k + 2 + m * STATS_PER_METRIC]);
      if (isnan(mean)) continue;
      sw->metrics[m].defined++;
      if (fabs(mean) > sw->metrics[m].max_abs) sw->metrics[m].max_abs = fabs(mean);
    }
    sw->npoints++;
  }
  if (st == FSIM_OK && sw->npoints == 0) st = bad_table(path, "it has no rows", err);
  if (st == FSIM_OK) {
    sw->grid = is_grid(sw);
    label_params(sw);
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

fsim_status fsim_plot_sweep_read_indices(fsim_plot_sweep *sw, const char *path,
                                         fsim_error *err) {
  FILE *fp = fopen(path, "r");
  if (!fp) return fsim_error_set(err, FSIM_E_INPUT, path, 0, "", "cannot read");
  enum { NCOLS = 10 };
  static const char header[] =
      "metric,parameter,first,first_ci_low,first_ci_high,total,total_ci_low,total_ci_high,"
      "variance,noise_share";
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
    int m = find_metric(sw, f[0]), i = find_param(sw, f[1]);
    if (m < 0 || i < 0) {
      st = fsim_error_set(err, FSIM_E_INPUT, path, row, "",
                          "metric %.60s or parameter %.60s is not in sweep.csv", f[0], f[1]);
      break;
    }
    /* A metric that does not vary has rows but no index: nothing to chart. */
    if (!isnan(number(f[2])) || !isnan(number(f[5]))) sw->metrics[m].has_indices = 1;
    sw->metrics[m].noise_share = number(f[9]);
    total[m * sw->nparams + i] = number(f[5]);
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

/* ---- What each metric is ------------------------------------------------- */

static const char *side_name(const fsim_scenario *sc, int side) {
  return sc->sides.side[side].name;
}

/* Title and axis label of metric `m` of the layout, without the unit. */
static int classify(const fsim_scenario *sc, const fsim_layout *lay, int m, char *title,
                    char *axis, size_t size) {
  const char *const blue = side_name(sc, FSIM_BLUE), *const red = side_name(sc, FSIM_RED);
  if (m == lay->days_run) {
    snprintf(title, size, "Days simulated before an early stop");
    snprintf(axis, size, "Days simulated");
    return FSIM_UNIT_DAYS;
  }
  if (m == lay->exchange) {
    snprintf(title, size, "Exchange ratio: losses of %s per loss of %s", red, blue);
    snprintf(axis, size, "Losses of %s per loss of %s", red, blue);
    return FSIM_UNIT_RATIO;
  }
  for (int i = 0; i < FSIM_NSIDES; i++) {
    if (m == lay->losses[i]) {
      snprintf(title, size, "Losses of %s over the run", side_name(sc, i));
      snprintf(axis, size, "Losses");
      return FSIM_UNIT_PERSONS;
    }
    if (m == lay->claimed[i]) {
      snprintf(title, size, "Losses of %s as claimed by %s", side_name(sc, i),
               side_name(sc, 1 - i));
      snprintf(axis, size, "Claimed losses");
      return FSIM_UNIT_PERSONS;
    }
    if (m == lay->personnel_end[i]) {
      snprintf(title, size, "Personnel of %s at the end", side_name(sc, i));
      snprintf(axis, size, "Personnel");
      return FSIM_UNIT_PERSONS;
    }
  }
  if (m >= lay->formation_losses && m < lay->formation_losses + sc->nformations) {
    snprintf(title, size, "Losses of formation %s over the run",
             sc->formations[m - lay->formation_losses].name);
    snprintf(axis, size, "Losses");
    return FSIM_UNIT_PERSONS;
  }
  for (int s = 0; s < sc->nsectors; s++) {
    const fsim_sector_def *d = &sc->sectors[s];
    const fsim_sector_metrics *sm = &lay->sm[s];
    if (m == sm->front) {
      snprintf(title, size, "Line position in %s at the end", d->name);
      snprintf(axis, size, "Line position");
      return FSIM_UNIT_KM;
    }
    if (m == sm->area) {
      snprintf(title, size, "Area held by %s in %s at the end",
               side_name(sc, d->held_area.holder_side), d->name);
      snprintf(axis, size, "Held area");
      return FSIM_UNIT_KM2;
    }
    if (m == sm->cut) {
      snprintf(title, size, "Supply route in %s cut by the last day", d->name);
      snprintf(axis, size, "Route cut");
      return FSIM_UNIT_SHARE;
    }
    if (m == sm->cut_day) {
      snprintf(title, size, "Day the supply route in %s was cut, where it was", d->name);
      snprintf(axis, size, "Day cut");
      return FSIM_UNIT_DAY;
    }
    if (m == sm->min_eff) {
      snprintf(title, size, "Lowest supply effectiveness in %s", d->name);
      snprintf(axis, size, "Lowest supply effectiveness");
      return FSIM_UNIT_FRACTION;
    }
    for (int i = 0; i < FSIM_NSIDES; i++)
      for (int from = 0; from < 2; from++)
        if (m == sm->drawn[i][from]) {
          snprintf(title, size, "Personnel of %s drawn into %s from %s",
                   side_name(sc, i), d->name, from ? "the reserve" : "other sectors");
          snprintf(axis, size, "Personnel drawn in");
          return FSIM_UNIT_PERSONS;
        }
  }
  for (int e = 0; e < sc->nevents; e++) {
    const char *ev = sc->events[e].name;
    for (int i = 0; i < FSIM_NSIDES; i++)
      if (m == lay->event_losses[e * FSIM_NSIDES + i]) {
        snprintf(title, size, "Losses of %s by %s", side_name(sc, i), ev);
        snprintf(axis, size, "Losses");
        return FSIM_UNIT_PERSONS;
      }
    for (int s = 0; s < sc->nsectors; s++) {
      const fsim_sector_def *d = &sc->sectors[s];
      if (m == lay->event_area[e * sc->nsectors + s]) {
        snprintf(title, size, "Area held by %s in %s by %s",
                 side_name(sc, d->held_area.holder_side), d->name, ev);
        snprintf(axis, size, "Held area");
        return FSIM_UNIT_KM2;
      }
      if (m == lay->event_cut[e * sc->nsectors + s]) {
        snprintf(title, size, "Supply route in %s cut by %s", d->name, ev);
        snprintf(axis, size, "Route cut");
        return FSIM_UNIT_SHARE;
      }
    }
  }
  return -1;
}

/* The unit, as the suffix of a title or an axis label, and the scale of the
 * values shown: shares in %, persons in thousands once they reach 10,000 (as
 * the run charts show them). */
static const char *unit_suffix(int unit, double max_abs, double *scale) {
  *scale = 1.0;
  switch (unit) {
    case FSIM_UNIT_PERSONS:
      if (max_abs >= 10000.0) {
        *scale = 0.001;
        return " (thousands of persons)";
      }
      return " (persons)";
    case FSIM_UNIT_SHARE:
      *scale = 100.0;
      return " (% of replications)";
    case FSIM_UNIT_KM2: return " (km²)";
    case FSIM_UNIT_KM: return " (km)";
    case FSIM_UNIT_DAYS: return " (days)";
    case FSIM_UNIT_DAY: return " (day of the run)";
    case FSIM_UNIT_FRACTION: return " (0 to 1)";
    default: return "";
  }
}

/* The headline metrics, charted when the sweep did not list its metrics (it
 * then has every metric, too many to chart): each side's losses, the exchange
 * ratio, each supply route cut, each held area, and what the diversion drew. */
static int headline(const fsim_scenario *sc, const fsim_layout *lay, int m) {
  if (m < 0) return 0;
  if (m == lay->exchange || m == lay->losses[FSIM_BLUE] || m == lay->losses[FSIM_RED]) return 1;
  for (int s = 0; s < sc->nsectors; s++) {
    if (m == lay->sm[s].cut || m == lay->sm[s].area) return 1;
    if (s == sc->run.diversion)
      for (int i = 0; i < FSIM_NSIDES; i++)
        if (m == lay->sm[s].drawn[i][0]) return 1;
  }
  return 0;
}

/* The grid charts' axes: the parameter with the most values along x, one line
 * (or heat map row) per value of the one with the next most. */
static void choose_axes(fsim_plot_sweep *sw) {
  sw->x_param = 0;
  sw->line_param = -1;
  for (int i = 1; i < sw->nparams; i++)
    if (sw->params[i].count > sw->params[sw->x_param].count) sw->x_param = i;
  for (int i = 0; i < sw->nparams; i++)
    if (i != sw->x_param &&
        (sw->line_param < 0 || sw->params[i].count > sw->params[sw->line_param].count))
      sw->line_param = i;
}

fsim_status fsim_plot_sweep_describe(fsim_plot_sweep *sw, const fsim_scenario *sc,
                                     fsim_error *err) {
  fsim_layout lay;
  fsim_status st = fsim_layout_build(&lay, sc, err);
  if (st != FSIM_OK) return st;
  sw->method = sc->has_sweep ? sc->sweep.method : FSIM_SWEEP_GRID;
  /* A grid of the method "grid" only: an lhs or sobol design is never charted
   * as lines, even in the unlikely case its points fall on a grid. */
  if (sw->method != FSIM_SWEEP_GRID) sw->grid = 0;
  const int listed = sc->has_sweep && sc->sweep.nmetrics > 0;
  int ndefault = 0;
  for (int m = 0; m < sw->nmetrics; m++) {
    fsim_sweep_metric *mt = &sw->metrics[m];
    int lm = fsim_layout_find_metric(&lay, mt->name);
    char title[FSIM_CHART_TEXT], axis[FSIM_CHART_TEXT];
    mt->unit = lm >= 0 ? classify(sc, &lay, lm, title, axis, sizeof title) : -1;
    if (mt->unit < 0) {
      snprintf(title, sizeof title, "%s", mt->name);
      snprintf(axis, sizeof axis, "%s", mt->name);
    }
    const char *suffix = unit_suffix(mt->unit, mt->max_abs, &mt->scale);
    snprintf(mt->subject, sizeof mt->subject, "%s", title);
    snprintf(mt->title, sizeof mt->title, "%.300s%s", title, suffix);
    snprintf(mt->axis, sizeof mt->axis, "%.300s%s", axis, suffix);
    mt->is_default = mt->defined > 0 && (listed || headline(sc, &lay, lm));
    ndefault += mt->is_default;
  }
  /* A scenario without any headline metric: the first few. */
  for (int m = 0; ndefault == 0 && m < sw->nmetrics && m < 8; m++)
    sw->metrics[m].is_default = sw->metrics[m].defined > 0;
  choose_axes(sw);
  fsim_layout_destroy(&lay);
  return FSIM_OK;
}

/* ---- The charts ---------------------------------------------------------- */

static const char *method_name(int method) {
  return method == FSIM_SWEEP_SOBOL ? "sobol" : method == FSIM_SWEEP_LHS ? "lhs" : "grid";
}

/* "; a held at 1, b held at 2": the other parameters of a grid of more than
 * two, at their middle value (plots/sweep_lines.gp and sweep_heatmap.gp take
 * the same values). */
static void slice_text(const fsim_plot_sweep *sw, char *out, size_t size) {
  size_t len = 0;
  out[0] = '\0';
  for (int i = 0; i < sw->nparams; i++) {
    if (i == sw->x_param || i == sw->line_param) continue;
    const fsim_sweep_param *p = &sw->params[i];
    int w = snprintf(out + len, size - len, "%s%s held at %.6g", len ? ", " : "; ", p->label,
                     p->values[(p->count - 1) / 2]);
    if (w < 0 || (size_t)w >= size - len) break;
    len += (size_t)w;
  }
}

static fsim_chart *add_chart(fsim_plot_run *run, const fsim_plot_sweep *sw, int m,
                             const char *kind, const char *template_name, const char *data) {
  fsim_chart *c = &run->charts[run->ncharts++];
  memset(c, 0, sizeof *c);
  c->kind = kind;
  c->template_name = template_name;
  c->side = -1;
  c->metric = m;
  c->topic = sw->metrics[m].name;
  c->optional = !sw->metrics[m].is_default;
  snprintf(c->name, sizeof c->name, "%s_%s", kind, sw->metrics[m].name);
  snprintf(c->data, sizeof c->data, "%s", data);
  return c;
}

fsim_status fsim_plot_sweep_charts(fsim_plot_run *run, const fsim_plot_sweep *sw,
                                   fsim_error *err) {
  run->sweep = sw;
  run->ncharts = 0;
  run->charts = calloc((size_t)sw->nmetrics * 3 + 1, sizeof *run->charts);
  if (!run->charts) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  const long reps = run->replications;
  char slice[FSIM_CHART_TEXT];
  slice_text(sw, slice, sizeof slice);
  const int heatmap = sw->grid && sw->line_param >= 0 && sw->params[sw->x_param].count > 1 &&
                      sw->params[sw->line_param].count > 1;
  for (int m = 0; m < sw->nmetrics; m++) {
    const fsim_sweep_metric *mt = &sw->metrics[m];
    if (mt->defined == 0) continue; /* nothing to draw (a conditional metric never defined) */
    fsim_chart *c;
    if (sw->grid) {
      c = add_chart(run, sw, m, "effect", "sweep_lines", "../sweep.csv");
      if (sw->line_param < 0) {
        chart_text(c->subtitle, sizeof c->subtitle,
                 "Means across %ld replications at each value of %s, with 95%% "
                 "confidence intervals",
                 reps, sw->params[sw->x_param].label);
      } else {
        int n = sw->params[sw->line_param].count;
        int step = n > MAX_LINES ? (n - 1 + MAX_LINES - 2) / (MAX_LINES - 1) : 1;
        char every[32] = "";
        if (step > 1) snprintf(every, sizeof every, " (1 value in %d)", step);
        chart_text(c->subtitle, sizeof c->subtitle,
                 "Means of %ld replications, 95%% confidence intervals; a line per %s%s%s",
                 reps, sw->params[sw->line_param].label, every, slice);
      }
    } else {
      c = add_chart(run, sw, m, "effect", "sweep_scatter", "../sweep.csv");
      chart_text(c->subtitle, sizeof c->subtitle,
               "Means across %ld replications at each of the %ld points of the %s design, "
               "with 95%% confidence intervals",
               reps, sw->npoints, method_name(sw->method));
    }
    chart_text(c->title, sizeof c->title, "%s", mt->title);
    if (heatmap) {
      c = add_chart(run, sw, m, "heatmap", "sweep_heatmap", "../sweep.csv");
      chart_text(c->title, sizeof c->title, "%s", mt->title);
      chart_text(c->subtitle, sizeof c->subtitle,
               "Means across %ld replications at each point of the grid, by %s and %s%s", reps,
               sw->params[sw->x_param].label, sw->params[sw->line_param].label, slice);
    }
    if (sw->method == FSIM_SWEEP_SOBOL && mt->has_indices) {
      c = add_chart(run, sw, m, "sensitivity", "sensitivity", "../sensitivity.csv");
      chart_text(c->title, sizeof c->title, "Sensitivity: %.360s", mt->subject);
      chart_text(c->subtitle, sizeof c->subtitle,
               "%ld points x %ld replications, 95%% bootstrap intervals; an index below the "
               "noise line is not told from 0",
               sw->npoints, reps);
    }
  }
  return FSIM_OK;
}

/* ---- The @KEY@ fields of the sweep templates ----------------------------- */

/* The design as gnuplot variables: the parameters' columns and legend names and,
 * for a grid, each one's values, count and stride. */
static void put_design(FILE *out, const fsim_plot_sweep *sw) {
  fputs("params = '", out);
  for (int i = 0; i < sw->nparams; i++) {
    if (i) fputc(' ', out);
    fsim_plot_put_quoted(out, sw->params[i].path);
  }
  fputs("'\nparam_labels = '", out);
  for (int i = 0; i < sw->nparams; i++) {
    if (i) fputc(' ', out);
    fsim_plot_put_quoted(out, sw->params[i].label);
  }
  fputs("'\n", out);
  if (!sw->grid) {
    fprintf(out, "# A %s design of %ld points: no grid.", method_name(sw->method),
            sw->npoints);
    return;
  }
  fputs("# A grid: every combination of the values below, the last parameter varying\n"
        "# fastest, so row p of the data (from 0) has value number\n"
        "# (p / stride(i)) % count(i) + 1 of parameter i.\ncounts = '",
        out);
  for (int i = 0; i < sw->nparams; i++) fprintf(out, "%s%d", i ? " " : "", sw->params[i].count);
  fputs("'\nstrides = '", out);
  for (int i = 0; i < sw->nparams; i++) {
    long stride = 1;
    for (int j = i + 1; j < sw->nparams; j++) stride *= sw->params[j].count;
    fprintf(out, "%s%ld", i ? " " : "", stride);
  }
  fputs("'", out);
  for (int i = 0; i < sw->nparams; i++) {
    fprintf(out, "\nvalues_%d = '", i + 1);
    for (int j = 0; j < sw->params[i].count; j++)
      fprintf(out, "%s%.10g", j ? " " : "", sw->params[i].values[j]);
    fputc('\'', out);
  }
}

/* Cell labels of a heat map with about three significant digits. */
static const char *cell_format(const fsim_sweep_metric *mt) {
  double top = mt->max_abs * mt->scale;
  return top >= 100.0 ? "%.0f" : top >= 10.0 ? "%.1f" : "%.2f";
}

int fsim_plot_sweep_fill(FILE *out, const fsim_plot_run *run, const fsim_chart *chart,
                         const char *key) {
  const fsim_plot_sweep *sw = run->sweep;
  if (!sw || chart->metric < 0 || chart->metric >= sw->nmetrics) return 0;
  const fsim_sweep_metric *mt = &sw->metrics[chart->metric];
  if (strcmp(key, "METRIC") == 0)
    fsim_plot_put_quoted(out, mt->name);
  else if (strcmp(key, "SCALE") == 0)
    fprintf(out, "%.10g", mt->scale);
  else if (strcmp(key, "VALUE_LABEL") == 0)
    fsim_plot_put_quoted(out, mt->axis);
  else if (strcmp(key, "CELL_FORMAT") == 0)
    fputs(cell_format(mt), out);
  else if (strcmp(key, "DESIGN") == 0)
    put_design(out, sw);
  else if (strcmp(key, "X_PARAM") == 0)
    fprintf(out, "%d", sw->x_param + 1);
  else if (strcmp(key, "LINE_PARAM") == 0)
    fprintf(out, "%d", sw->line_param + 1);
  else if (strcmp(key, "MAX_LINES") == 0)
    fprintf(out, "%d", MAX_LINES);
  else if (strcmp(key, "PARAM_ORDER") == 0)
    fsim_plot_put_quoted(out, mt->order);
  else if (strcmp(key, "NOISE_SHARE") == 0) {
    if (isnan(mt->noise_share))
      fputs("NaN", out);
    else
      fprintf(out, "%.6g", mt->noise_share);
  } else
    return 0;
  return 1;
}
