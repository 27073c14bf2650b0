/* A finished sweep read back for discovery (discover.h): sweep.csv's parameter columns
 * (between "point" and "replications"; a column with any value that is not a number
 * is categorical, its levels in order of appearance) and the condition's metric. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "discover.h"
#include "fileio.h"
#include "text.h"

fsim_status fsim_discover_where_parse(const char *text, fsim_discover_where *w,
                                      fsim_error *err) {
  static const struct { const char *text; fsim_discover_op op; } ops[] = {
      {"<=", FSIM_OP_LE}, {">=", FSIM_OP_GE}, {"<", FSIM_OP_LT}, {">", FSIM_OP_GT}};
  memset(w, 0, sizeof *w);
  const char *at = text ? strpbrk(text, "<>") : NULL;
  if (!at)
    return fsim_error_set(err, FSIM_E_INPUT, "--where", 0, "",
                          "expected METRIC OP VALUE with OP one of < <= > >= (e.g. "
                          "'pokrovsk.route_cut < 0.4'), found \"%.80s\"", text ? text : "");
  size_t i = 0;
  while (strncmp(at, ops[i].text, strlen(ops[i].text)) != 0) i++;
  w->op = ops[i].op;
  const char *a = text, *b = at;
  while (a < b && isspace((unsigned char)*a)) a++;
  while (b > a && isspace((unsigned char)b[-1])) b--;
  if (b == a || (size_t)(b - a) >= sizeof w->metric)
    return fsim_error_set(err, FSIM_E_INPUT, "--where", 0, "",
                          "no metric before the comparison in \"%.80s\"", text);
  memcpy(w->metric, a, (size_t)(b - a));
  const char *num = at + strlen(ops[i].text);
  char *end = NULL;
  errno = 0;
  w->threshold = strtod(num, &end);
  while (end && isspace((unsigned char)*end)) end++;
  if (end == num || !end || *end || errno == ERANGE || !isfinite(w->threshold))
    return fsim_error_set(err, FSIM_E_INPUT, "--where", 0, "",
                          "expected a number after the comparison, found \"%.40s\"", num);
  return FSIM_OK;
}

int fsim_discover_holds(const fsim_discover_where *w, double v) {
  if (isnan(v)) return 0; /* undefined at this point (e.g. no replication cut the route) */
  switch (w->op) {
    case FSIM_OP_LT: return v < w->threshold;
    case FSIM_OP_LE: return v <= w->threshold;
    case FSIM_OP_GT: return v > w->threshold;
    case FSIM_OP_GE: return v >= w->threshold;
  }
  return 0;
}

void fsim_discover_points_free(fsim_discover_points *pts) {
  for (int j = 0; j < FSIM_PRIM_MAXDIM; j++)
    for (int c = 0; c < FSIM_PRIM_MAXCAT; c++) free(pts->levels[j][c]);
  free(pts->x);
  free(pts->value);
  free(pts->point);
  memset(pts, 0, sizeof *pts);
}

/* Splits a line at commas in place; returns the number of fields (at most max). */
static int split(char *line, char **fields, int max) {
  int n = 0;
  for (char *p = line;; p++) {
    if (n < max) fields[n] = p;
    n++;
    p = strchr(p, ',');
    if (!p) break;
    *p = '\0';
  }
  return n;
}

static int is_number(const char *s, double *v) {
  char *end = NULL;
  errno = 0;
  *v = strtod(s, &end);
  return end != s && *end == '\0' && errno != ERANGE;
}

#define MAXCOLS 4096

static fsim_status read_one(const char *dir, const fsim_discover_where *w,
                            fsim_discover_points *pts, fsim_error *err) {
  char path[FSIM_PATH_MAX + 16];
  snprintf(path, sizeof path, "%s/sweep.csv", dir);
  char *text = NULL;
  fsim_status st = fsim_read_text(path, "the sweep's results", &text, NULL, err);
  if (st != FSIM_OK) {
    if (err) snprintf(err->message, sizeof err->message,
                      "not a finished sweep directory (no readable sweep.csv): %.300s", dir);
    return st;
  }
  char **f = malloc(MAXCOLS * sizeof *f);
  char **lines = NULL;
  long nlines = 0, cap = 0;
  for (char *p = text, *nl; p && *p; p = nl ? nl + 1 : NULL) {
    nl = strchr(p, '\n');
    if (nl) *nl = '\0';
    if (*p == '#' || *p == '\0') continue;
    if (nlines == cap) {
      char **g = realloc(lines, (size_t)(cap = cap ? 2 * cap : 256) * sizeof *g);
      if (!g) break;
      lines = g;
    }
    lines[nlines++] = p;
  }
  if (!f || !lines || nlines < 2) {
    st = fsim_error_set(err, f && lines ? FSIM_E_INPUT : FSIM_E_NOMEM, path, 0, "",
                        f && lines ? "no points in the sweep's results" : "out of memory");
    free(f), free(lines), free(text);
    return st;
  }
  const int ncols = split(lines[0], f, MAXCOLS);
  int reps_col = -1, metric_col = -1;
  for (int c = 0; c < ncols && c < MAXCOLS; c++) {
    if (strcmp(f[c], "replications") == 0 && reps_col < 0) reps_col = c;
    if (strcmp(f[c], w->metric) == 0) metric_col = c;
  }
  if (metric_col < 0) { /* a metric's name stands for its mean */
    char mean[300];
    snprintf(mean, sizeof mean, "%s_mean", w->metric);
    for (int c = 0; c < ncols && c < MAXCOLS; c++)
      if (strcmp(f[c], mean) == 0) metric_col = c;
  }
  if (ncols > MAXCOLS || strcmp(f[0], "point") != 0 || reps_col < 1) {
    st = fsim_error_set(err, FSIM_E_INPUT, path, 1, "",
                        "not the header of a sweep's results (point, parameters, replications, "
                        "metrics)");
  } else if (reps_col - 1 > FSIM_PRIM_MAXDIM) {
    st = fsim_error_set(err, FSIM_E_INPUT, path, 1, "", "%d parameters; discovery takes at most %d",
                        reps_col - 1, FSIM_PRIM_MAXDIM);
  } else if (metric_col < 0) {
    fsim_nearest near;
    fsim_nearest_init(&near, w->metric);
    for (int c = reps_col + 1; c < ncols; c++) { /* the metrics, by their means */
      size_t len = strlen(f[c]);
      if (len > 5 && strcmp(f[c] + len - 5, "_mean") == 0) {
        f[c][len - 5] = '\0'; /* the header is not read again */
        fsim_nearest_offer(&near, f[c]);
      }
    }
    const char *hint = fsim_nearest_result(&near);
    st = fsim_error_set(err, FSIM_E_INPUT, "--where", 0, "",
                        "the sweep has no metric \"%.200s\"%s%s%s", w->metric,
                        hint ? " (did you mean \"" : "", hint ? hint : "", hint ? "\"?)" : "");
  }
  if (st == FSIM_OK) {
    pts->k = reps_col - 1;
    pts->n = nlines - 1;
    snprintf(pts->column, sizeof pts->column, "%s", f[metric_col]);
    for (int j = 0; j < pts->k; j++) snprintf(pts->names[j], sizeof pts->names[j], "%s", f[j + 1]);
    pts->x = malloc((size_t)pts->n * (size_t)pts->k * sizeof *pts->x + 1);
    pts->value = malloc((size_t)pts->n * sizeof *pts->value);
    pts->point = malloc((size_t)pts->n * sizeof *pts->point);
    if (!pts->x || !pts->value || !pts->point)
      st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  /* Which parameters are categorical: any value that is not a number. */
  for (long i = 0; st == FSIM_OK && i < pts->n; i++) {
    char *copy = strdup(lines[i + 1]);
    if (!copy) {
      st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
      break;
    }
    int nf = split(copy, f, MAXCOLS);
    double v;
    if (nf != ncols) {
      st = fsim_error_set(err, FSIM_E_INPUT, path, 0, "", "row %ld has %d fields, the header %d",
                          i + 2, nf, ncols);
    } else {
      for (int j = 0; j < pts->k; j++)
        if (!is_number(f[j + 1], &v)) pts->ncat[j] = -1;
    }
    free(copy);
  }
  for (long i = 0; st == FSIM_OK && i < pts->n; i++) {
    split(lines[i + 1], f, MAXCOLS);
    pts->point[i] = strtol(f[0], NULL, 10);
    double v;
    pts->value[i] = is_number(f[metric_col], &v) ? v : NAN;
    for (int j = 0; st == FSIM_OK && j < pts->k; j++) {
      const char *s = f[j + 1];
      if (pts->ncat[j] == 0) {
        is_number(s, &pts->x[i * pts->k + j]);
        continue;
      }
      int n = pts->ncat[j] < 0 ? 0 : pts->ncat[j], c = 0;
      while (c < n && strcmp(pts->levels[j][c], s) != 0) c++;
      if (c == n) {
        if (n == FSIM_PRIM_MAXCAT) {
          st = fsim_error_set(err, FSIM_E_INPUT, path, 0, pts->names[j],
                              "more than %d levels of a categorical parameter", FSIM_PRIM_MAXCAT);
          break;
        }
        if (!(pts->levels[j][n] = strdup(s))) {
          st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
          break;
        }
        pts->ncat[j] = n + 1;
      }
      pts->x[i * pts->k + j] = c;
    }
  }
  free(f);
  free(lines);
  free(text);
  return st;
}

fsim_status fsim_discover_read(const char *dir, const fsim_discover_where *w,
                               const fsim_discover_options *opt, fsim_discover_points *pts,
                               fsim_error *err) {
  memset(pts, 0, sizeof *pts);
  fsim_status st = read_one(dir, w, pts, err);
  if (st == FSIM_OK && opt->baseline >= 0) {
    long b = 0;
    while (b < pts->n && pts->point[b] != opt->baseline) b++;
    if (b == pts->n)
      st = fsim_error_set(err, FSIM_E_INPUT, "--baseline", 0, "",
                          "the sweep has no point %ld (points 0 to %ld)", opt->baseline,
                          pts->n - 1);
    else {
      const double base = pts->value[b];
      for (long i = 0; i < pts->n; i++) pts->value[i] -= base;
    }
  }
  if (st == FSIM_OK && opt->against) {
    fsim_discover_points other;
    memset(&other, 0, sizeof other);
    st = read_one(opt->against, w, &other, err);
    int same = st == FSIM_OK && other.n == pts->n && other.k == pts->k;
    for (int j = 0; same && j < pts->k; j++) same = strcmp(other.names[j], pts->names[j]) == 0;
    for (long i = 0; same && i < pts->n; i++) {
      same = other.point[i] == pts->point[i];
      for (int j = 0; same && j < pts->k; j++) {
        const long at = i * pts->k + j;
        same = pts->ncat[j] ? strcmp(pts->levels[j][(int)pts->x[at]],
                                     other.levels[j][(int)other.x[at]]) == 0
                            : pts->x[at] == other.x[at];
      }
    }
    if (st == FSIM_OK && !same)
      st = fsim_error_set(err, FSIM_E_INPUT, "--against", 0, "",
                          "%.300s is not a sweep of the same design (the same parameters and "
                          "values at the same points)", opt->against);
    for (long i = 0; st == FSIM_OK && i < pts->n; i++) pts->value[i] -= other.value[i];
    fsim_discover_points_free(&other);
  }
  if (st != FSIM_OK) fsim_discover_points_free(pts);
  return st;
}
