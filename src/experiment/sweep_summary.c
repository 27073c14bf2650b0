/* The one-screen summary a sweep ends with (frontsim sweep prints it): per metric of
 * sweep.csv, the range of its point means across the points, and for a morris
 * sweep the parameters of largest mu*, for a sobol sweep its indices marked where
 * they cannot be told from 0, read back from the files the sweep wrote, so
 * a resumed or merged sweep is summarised alike. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "text.h"
#include "formats.h"
#include "frontsim/sweep.h"

/* Persons as whole numbers (28081, not 2.808e+04), smaller figures to 4 digits. */
static const char *num(double v, char *buf, size_t size) {
  snprintf(buf, size, fabs(v) >= 1000 ? "%.0f" : "%.4g", v);
  return buf;
}

typedef struct range {
  double lo, hi;
  long at_lo, at_hi; /* the points where they are */
} range;

/* A parameter of morris.csv: its path and mu*. */
typedef struct screened {
  const char *path;
  double mu_star;
} screened;

static int by_mu_star(const void *a, const void *b) {
  const screened *x = a, *y = b;
  if (x->mu_star != y->mu_star) return x->mu_star < y->mu_star ? 1 : -1;
  return strcmp(x->path, y->path);
}

/* Per metric of morris.csv (its rows are together), the parameters of largest mu*,
 * at most three. No morris.csv: nothing. */
static fsim_status summarize_morris(const char *dir, FILE *out, fsim_error *err) {
  char path[FSIM_PATH_MAX];
  snprintf(path, sizeof path, "%s/" FSIM_MORRIS_NAME, dir);
  FILE *probe = fopen(path, "r");
  if (!probe) return FSIM_OK;
  fclose(probe);
  char *text = NULL;
  fsim_status st = fsim_read_text(path, FSIM_MORRIS_NAME, &text, NULL, err);
  if (st != FSIM_OK) return st;
  size_t cap = 16, n = 0;
  screened *row = malloc(cap * sizeof *row);
  if (!row) {
    free(text);
    return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  fputs("Largest mean absolute elementary effects, mu* (morris.csv):\n", out);
  char *save = NULL, *metric = NULL;
  strtok_r(text, "\n", &save); /* the header */
  for (char *line = strtok_r(NULL, "\n", &save);; line = strtok_r(NULL, "\n", &save)) {
    char *comma = line ? strchr(line, ',') : NULL;
    if (comma) *comma = '\0';
    if (metric && (!line || strcmp(line, metric) != 0) && n > 0) { /* the metric's end */
      qsort(row, n, sizeof *row, by_mu_star);
      fprintf(out, "  %s:", metric);
      char a[32];
      for (size_t i = 0; i < n && i < 3; i++)
        fprintf(out, "%s %s %s", i ? "," : "", row[i].path, num(row[i].mu_star, a, sizeof a));
      fputc('\n', out);
      n = 0;
    }
    if (!line) break;
    if (!comma) continue;
    metric = line;
    char *param = comma + 1, *end = strchr(param, ',');
    if (!end) continue;
    *end = '\0';
    const double mu_star = fsim_csv_number(end + 1, FSIM_MORRIS_MU_STAR - FSIM_MORRIS_MU);
    if (isnan(mu_star)) continue;
    if (n == cap) {
      screened *grown = realloc(row, 2 * cap * sizeof *row);
      if (!grown) break;
      row = grown;
      cap *= 2;
    }
    row[n++] = (screened){param, mu_star};
  }
  free(row);
  free(text);
  return FSIM_OK;
}

/* ---- Sobol' indices (sensitivity.csv) ---- */

/* A row of sensitivity.csv: the figures after metric and parameter (NaN when empty). */
typedef struct sens_row {
  const char *metric, *param;
  double v[FSIM_SENS_NCOLS];
} sens_row;

/* The rows of dir/sensitivity.csv, pointing into *text (the caller frees both); *n 0
 * when the sweep has none (not a sobol one). */
static fsim_status read_sensitivity(const char *dir, char **text, sens_row **rows, size_t *n,
                                    fsim_error *err) {
  *text = NULL, *rows = NULL, *n = 0;
  char path[FSIM_PATH_MAX];
  snprintf(path, sizeof path, "%s/sensitivity.csv", dir);
  FILE *probe = fopen(path, "r");
  if (!probe) return FSIM_OK;
  fclose(probe);
  fsim_status st = fsim_read_text(path, "sensitivity.csv", text, NULL, err);
  if (st != FSIM_OK) return st;
  size_t lines = 1;
  for (const char *p = *text; *p; p++) lines += *p == '\n';
  *rows = calloc(lines, sizeof **rows);
  if (!*rows) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  char *save = NULL;
  strtok_r(*text, "\n", &save); /* the header */
  for (char *line = strtok_r(NULL, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
    char *c1 = strchr(line, ','), *c2 = c1 ? strchr(c1 + 1, ',') : NULL;
    if (!c2) continue;
    *c1 = *c2 = '\0';
    sens_row *r = &(*rows)[(*n)++];
    r->metric = line, r->param = c1 + 1;
    for (int c = FSIM_SENS_FIRST; c < FSIM_SENS_NCOLS; c++)
      r->v[c] = fsim_csv_number(c2 + 1, c - FSIM_SENS_FIRST);
  }
  return FSIM_OK;
}

/* The widest 95% interval of an index among rows [a, b). */
static double widest(const sens_row *r, size_t a, size_t b) {
  double w = 0.0;
  for (size_t i = a; i < b; i++) {
    const double f = r[i].v[FSIM_SENS_FIRST_HIGH] - r[i].v[FSIM_SENS_FIRST_LOW];
    const double t = r[i].v[FSIM_SENS_TOTAL_HIGH] - r[i].v[FSIM_SENS_TOTAL_LOW];
    if (f > w) w = f;
    if (t > w) w = t;
  }
  return w;
}

/* The end of the rows of the metric starting at row a (a metric's rows are together). */
static size_t metric_end(const sens_row *r, size_t n, size_t a) {
  size_t b = a;
  while (b < n && strcmp(r[b].metric, r[a].metric) == 0) b++;
  return b;
}

/* " 0.42 [0.1, 0.7]", and "(indistinguishable from 0)" when the interval holds 0. */
static void print_index(FILE *out, const char *what, const double *v, int at) {
  char a[32], b[32], c[32];
  fprintf(out, "  %s %s [%s, %s]%s", what, num(v[at], a, sizeof a), num(v[at + 1], b, sizeof b),
          num(v[at + 2], c, sizeof c),
          v[at + 1] <= 0.0 && v[at + 2] >= 0.0 ? " (indistinguishable from 0)" : "");
}

/* Per metric that varies, its parameters' first-order and total indices with their
 * intervals, each marked where its interval contains 0. */
static void summarize_sobol(const sens_row *r, size_t n, FILE *out) {
  int width = 0;
  for (size_t i = 0; i < n; i++)
    if ((int)strlen(r[i].param) > width) width = (int)strlen(r[i].param);
  fputs("Sobol' indices with 95% intervals (sensitivity.csv); an index whose interval "
        "contains 0 is indistinguishable from 0:\n", out);
  for (size_t a = 0, b; a < n; a = b) {
    b = metric_end(r, n, a);
    if (isnan(r[a].v[FSIM_SENS_FIRST]) && isnan(r[a].v[FSIM_SENS_TOTAL])) continue;
    fprintf(out, "  %s:\n", r[a].metric);
    for (size_t i = a; i < b; i++) {
      fprintf(out, "    %-*s", width, r[i].param);
      print_index(out, "first", r[i].v, FSIM_SENS_FIRST);
      print_index(out, "total", r[i].v, FSIM_SENS_TOTAL);
      fputc('\n', out);
    }
  }
}

fsim_status fsim_sweep_sobol_warning(const char *dir, long points, FILE *out, fsim_error *err) {
  if (!dir || !out)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "fsim_sweep_sobol_warning: a NULL argument");
  char *text = NULL;
  sens_row *r = NULL;
  size_t n = 0;
  fsim_status st = read_sensitivity(dir, &text, &r, &n, err);
  /* k parameters: the rows of the first metric; the base sample N = points / (k + 2). */
  const size_t k = n ? metric_end(r, n, 0) : 0;
  double w = 0.0;
  int wide = 0, metrics = 0;
  for (size_t a = 0, b; st == FSIM_OK && a < n; a = b) {
    b = metric_end(r, n, a);
    const double wm = widest(r, a, b);
    if (isnan(r[a].v[FSIM_SENS_FIRST]) && isnan(r[a].v[FSIM_SENS_TOTAL])) continue;
    metrics++;
    if (wm > FSIM_SOBOL_MAX_WIDTH) wide++;
    if (wm > w) w = wm;
  }
  if (st == FSIM_OK && wide > 0) {
    const long N = points / (long)(k + 2);
    fprintf(out,
            "frontsim: warning: the Sobol' base sample (N = %ld) is too small: the 95%% "
            "intervals of indices are up to %.2f wide (%d of %d metrics wider than %.2f, where "
            "a parameter causing that share of the variance cannot be told from one causing "
            "none); about --points %ld would narrow them to %.2f\n",
            N, w, wide, metrics, FSIM_SOBOL_MAX_WIDTH, fsim_sobol_points_needed(N, w),
            FSIM_SOBOL_MAX_WIDTH);
  }
  free(r);
  free(text);
  return st;
}

fsim_status fsim_sweep_summarize(const char *dir, FILE *out, fsim_error *err) {
  if (!dir || !out)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "fsim_sweep_summarize: a NULL argument");
  char path[FSIM_PATH_MAX];
  snprintf(path, sizeof path, "%s/sweep.csv", dir);
  char *text = NULL;
  fsim_status st = fsim_read_text(path, "sweep.csv", &text, NULL, err);
  if (st != FSIM_OK) return st;
  char *save = NULL, *header = strtok_r(text, "\n", &save);
  /* The columns "<metric>_mean" (fsim_point_stat_names): their names and places. */
  char suffix[32];
  snprintf(suffix, sizeof suffix, "_%s", fsim_point_stat_names[FSIM_POINT_MEAN]);
  const size_t slen = strlen(suffix);
  int ncols = 0, nmetrics = 0;
  for (const char *p = header; p && *p; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL) ncols++;
  int *col = malloc((size_t)(ncols + 1) * sizeof *col);
  char **name = malloc((size_t)(ncols + 1) * sizeof *name);
  range *r = malloc((size_t)(ncols + 1) * sizeof *r);
  char *names = header ? strdup(header) : NULL;
  if (!col || !name || !r || !names) {
    free(col), free(name), free(r), free(names), free(text);
    return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  int c = 0;
  for (char *s2 = NULL, *t = strtok_r(names, ",", &s2); t; t = strtok_r(NULL, ",", &s2), c++) {
    size_t len = strlen(t);
    if (len > slen && strcmp(t + len - slen, suffix) == 0) {
      t[len - slen] = '\0';
      col[nmetrics] = c;
      name[nmetrics] = t;
      r[nmetrics] = (range){INFINITY, -INFINITY, -1, -1};
      nmetrics++;
    }
  }
  long points = 0;
  for (char *line = strtok_r(NULL, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
    const long point = (long)fsim_csv_number(line, 0);
    for (int m = 0; m < nmetrics; m++) {
      const double v = fsim_csv_number(line, col[m]);
      if (isnan(v)) continue;
      if (v < r[m].lo) r[m].lo = v, r[m].at_lo = point;
      if (v > r[m].hi) r[m].hi = v, r[m].at_hi = point;
    }
    points++;
  }
  int width = 0;
  for (int m = 0; m < nmetrics; m++)
    if ((int)strlen(name[m]) > width) width = (int)strlen(name[m]);
  fprintf(out, "Range of each metric's mean across the %ld points (sweep.csv):\n", points);
  char a[32], b[32];
  for (int m = 0; m < nmetrics; m++) {
    if (r[m].at_lo < 0)
      fprintf(out, "  %-*s  undefined at every point\n", width, name[m]);
    else if (r[m].lo == r[m].hi)
      fprintf(out, "  %-*s  constant: %s\n", width, name[m], num(r[m].lo, a, sizeof a));
    else
      fprintf(out, "  %-*s  %s (point %ld) to %s (point %ld)\n", width, name[m],
              num(r[m].lo, a, sizeof a), r[m].at_lo, num(r[m].hi, b, sizeof b), r[m].at_hi);
  }
  free(col), free(name), free(r), free(names), free(text);
  sens_row *rows = NULL;
  size_t n = 0;
  st = read_sensitivity(dir, &text, &rows, &n, err);
  if (st == FSIM_OK && n > 0) summarize_sobol(rows, n, out);
  free(rows);
  free(text);
  return st == FSIM_OK ? summarize_morris(dir, out, err) : st;
}

fsim_status fsim_sweep_summary_text(const char *dir, char **out, fsim_error *err) {
  if (!out) return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "no place for the text (NULL)");
  *out = NULL;
  char *buf = NULL;
  size_t len = 0;
  FILE *fp = open_memstream(&buf, &len);
  if (!fp) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  fsim_status st = fsim_sweep_summarize(dir, fp, err);
  if (fclose(fp) != 0 && st == FSIM_OK)
    st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  if (st == FSIM_OK)
    *out = buf;
  else
    free(buf);
  return st;
}
