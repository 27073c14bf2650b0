/* The results of a sweep from its journal: sweep.csv (one row per point, in point
 * order) and, for a sobol design, sensitivity.csv (morris.csv for morris). A plain run, a resumed run and a
 * merge of shards all come through here, so their outputs are byte-identical. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "design.h"
#include "fileio.h"
#include "text.h"
#include "morris.h"
#include "scenario_internal.h"
#include "sweep_internal.h"

/* Splits "a;b;c" into at most max names (pointers into a copy the caller frees). */
static int split(char *text, char **out, int max) {
  int n = 0;
  for (char *save = NULL, *t = strtok_r(text, ";", &save); t && n < max; t = strtok_r(NULL, ";", &save))
    out[n++] = t;
  return n;
}

/* A row of sensitivity.csv or morris.csv: metric, parameter, then the n figures
 * (an undefined one empty). */
static void write_index_row(FILE *fp, const char *metric, const char *param, const double *v,
                            int n) {
  fprintf(fp, "%s,%s", metric, param);
  for (int c = 0; c < n; c++)
    if (isnan(v[c]))
      fputs(",", fp);
    else
      fprintf(fp, ",%.6g", v[c]);
  fputc('\n', fp);
}

static fsim_status write_sensitivity(const char *dir, const fsim_journal *j, const char **rows,
                                     fsim_error *err) {
  const fsim_journal_info *info = &j->info;
  const int k = info->nparams;
  const size_t N = (size_t)info->npoints / (size_t)(k + 2);
  char *params_copy = strdup(info->params), *metrics_copy = strdup(info->metrics);
  char *pname[64], **mname = malloc(4096 * sizeof *mname);
  double *y = malloc((size_t)info->npoints * sizeof *y);
  fsim_sobol_index *idx = malloc((size_t)k * sizeof *idx);
  fsim_status st = FSIM_OK;
  if (!params_copy || !metrics_copy || !mname || !y || !idx) {
    st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
    goto done;
  }
  split(params_copy, pname, 64);
  int nm = split(metrics_copy, mname, 4096);
  char path[FSIM_PATH_MAX + 32];
  snprintf(path, sizeof path, "%s/sensitivity.csv", dir);
  fsim_file f;
  st = fsim_file_open(&f, path, err);
  if (st != FSIM_OK) goto done;
  fputs(FSIM_SENSITIVITY_HEADER "\n", f.fp);
  for (int m = 0; m < nm && st == FSIM_OK; m++) {
    const int first = 1 + k + 1 + m * FSIM_POINT_NSTATS;
    const int mean_col = first + FSIM_POINT_MEAN, sd_col = first + FSIM_POINT_SD;
    double noise = 0.0;
    int defined = 1;
    for (long p = 0; p < info->npoints; p++) {
      y[p] = fsim_csv_number(rows[p], mean_col);
      double sd = fsim_csv_number(rows[p], sd_col), reps = fsim_csv_number(rows[p], 1 + k);
      if (isnan(y[p])) defined = 0;
      /* Replication noise left in each point's mean: sd^2 / replications. */
      if (!isnan(sd) && reps > 0) noise += sd * sd / reps;
    }
    noise /= (double)info->npoints;
    if (!defined) continue; /* e.g. a conditional metric undefined at some point */
    double V = 0.0;
    st = fsim_sobol_indices(y, N, k, info->bootstrap, info->seed, idx, &V, err);
    for (int i = 0; st == FSIM_OK && i < k; i++) {
      double vals[FSIM_SENS_NCOLS] = {
          [FSIM_SENS_FIRST] = idx[i].first,         [FSIM_SENS_FIRST_LOW] = idx[i].first_lo,
          [FSIM_SENS_FIRST_HIGH] = idx[i].first_hi, [FSIM_SENS_TOTAL] = idx[i].total,
          [FSIM_SENS_TOTAL_LOW] = idx[i].total_lo,  [FSIM_SENS_TOTAL_HIGH] = idx[i].total_hi,
          [FSIM_SENS_VARIANCE] = V, [FSIM_SENS_NOISE_SHARE] = V > 0 ? noise / V : NAN};
      write_index_row(f.fp, mname[m], pname[i], vals + FSIM_SENS_FIRST,
                      FSIM_SENS_NCOLS - FSIM_SENS_FIRST);
    }
  }
  if (st == FSIM_OK)
    st = fsim_file_commit(&f, err);
  else
    fsim_file_abort(&f);
done:
  free(idx);
  free(y);
  free(mname);
  free(metrics_copy);
  free(params_copy);
  return st;
}

/* The design again, from the sweep's scenario.cfg in dir (the stage of a run or of a
 * merge): u, and x, each parameter's actual position on the unit scale of its range. */
static fsim_status regenerate(const char *dir, const fsim_journal_info *info, double **u,
                              double **x, fsim_error *err) {
  char path[FSIM_PATH_MAX + 32];
  snprintf(path, sizeof path, "%s/scenario.cfg", dir);
  fsim_scenario *sc = NULL;
  fsim_status st = fsim_scenario_load(path, NULL, &sc, err);
  if (st != FSIM_OK) return st;
  const fsim_sweep_def *def = &sc->sweep;
  const int k = info->nparams;
  const size_t rows = (size_t)info->npoints, r = rows / (size_t)(k + 1);
  if (!sc->has_sweep || def->method != FSIM_SWEEP_MORRIS || def->nparams != k ||
      r * (size_t)(k + 1) != rows) {
    fsim_scenario_free(sc);
    return fsim_error_set(err, FSIM_E_IO, path, 0, "sweep",
                          "not the scenario of this morris sweep (%ld points, %d parameters)",
                          info->npoints, k);
  }
  *u = malloc(rows * (size_t)k * sizeof **u);
  *x = malloc(rows * (size_t)k * sizeof **x);
  if (!*u || !*x)
    st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  else
    st = fsim_design_morris(r, k, def->morris_levels, (uint64_t)sc->run.seed, *u, err);
  for (size_t p = 0; st == FSIM_OK && p < rows; p++)
    for (int j = 0; j < k; j++) {
      const fsim_param_def *pd = &def->params[j];
      const size_t c = p * (size_t)k + (size_t)j;
      (*x)[c] = (fsim_morris_value(pd, (*u)[c]) - pd->from) / (pd->to - pd->from);
    }
  fsim_scenario_free(sc);
  return st;
}

/* morris.csv: per metric and parameter, mu, mu* and sigma of the elementary effects
 * on the metric's point means, with bootstrap intervals (morris.h). */
static fsim_status write_morris(const char *dir, const fsim_journal *j, const char **rows,
                                fsim_error *err) {
  const fsim_journal_info *info = &j->info;
  const int k = info->nparams;
  const size_t R = (size_t)info->npoints / (size_t)(k + 1);
  double *u = NULL, *x = NULL;
  fsim_status st = regenerate(dir, info, &u, &x, err);
  char *params_copy = strdup(info->params), *metrics_copy = strdup(info->metrics);
  char **pname = malloc((size_t)k * sizeof *pname), **mname = malloc(4096 * sizeof *mname);
  double *y = malloc((size_t)info->npoints * sizeof *y), *ee = malloc(R * (size_t)k * sizeof *ee);
  fsim_morris_index *idx = malloc((size_t)k * sizeof *idx);
  if (st == FSIM_OK && (!params_copy || !metrics_copy || !pname || !mname || !y || !ee || !idx))
    st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  fsim_file f;
  char path[FSIM_PATH_MAX + 32];
  snprintf(path, sizeof path, "%s/" FSIM_MORRIS_NAME, dir);
  if (st == FSIM_OK) st = fsim_file_open(&f, path, err);
  if (st != FSIM_OK) goto done;
  split(params_copy, pname, k);
  const int nm = split(metrics_copy, mname, 4096);
  fputs(FSIM_MORRIS_HEADER "\n", f.fp);
  for (int m = 0; m < nm && st == FSIM_OK; m++) {
    const int mean_col = 1 + k + 1 + m * FSIM_POINT_NSTATS + FSIM_POINT_MEAN;
    int defined = 1;
    for (long p = 0; p < info->npoints; p++) {
      y[p] = fsim_csv_number(rows[p], mean_col);
      if (isnan(y[p])) defined = 0;
    }
    if (!defined) continue; /* e.g. a conditional metric undefined at some point */
    fsim_morris_effects(u, x, y, R, k, ee);
    st = fsim_morris_indices(ee, R, k, info->bootstrap, info->seed, idx, err);
    for (int i = 0; st == FSIM_OK && i < k; i++) {
      const double v[FSIM_MORRIS_NCOLS] = {
          [FSIM_MORRIS_MU] = idx[i].mu,           [FSIM_MORRIS_MU_LOW] = idx[i].mu_lo,
          [FSIM_MORRIS_MU_HIGH] = idx[i].mu_hi,   [FSIM_MORRIS_MU_STAR] = idx[i].mu_star,
          [FSIM_MORRIS_MU_STAR_LOW] = idx[i].mu_star_lo,
          [FSIM_MORRIS_MU_STAR_HIGH] = idx[i].mu_star_hi,
          [FSIM_MORRIS_SIGMA] = idx[i].sigma,     [FSIM_MORRIS_SIGMA_LOW] = idx[i].sigma_lo,
          [FSIM_MORRIS_SIGMA_HIGH] = idx[i].sigma_hi};
      write_index_row(f.fp, mname[m], pname[i], v + FSIM_MORRIS_MU,
                      FSIM_MORRIS_NCOLS - FSIM_MORRIS_MU);
    }
  }
  if (st == FSIM_OK)
    st = fsim_file_commit(&f, err);
  else
    fsim_file_abort(&f);
done:
  free(idx), free(ee), free(y), free(mname), free(pname), free(metrics_copy), free(params_copy);
  free(x), free(u);
  return st;
}

/* The optional part of record rec that starts with tag, up to the next part: *len. */
static const char *part_of(const char *rec, const char *tag, size_t *len) {
  const char *q = strstr(rec, tag);
  if (!q) return NULL;
  q += strlen(tag);
  *len = strcspn(q, "|");
  return q;
}

/* replications.csv: point, replication, then each collected metric. */
static fsim_status write_replications(const char *dir, const fsim_journal *j, const char **rows,
                                      fsim_error *err) {
  char path[FSIM_PATH_MAX + 32];
  snprintf(path, sizeof path, "%s/replications.csv", dir);
  fsim_file f;
  fsim_status st = fsim_file_open(&f, path, err);
  if (st != FSIM_OK) return st;
  int nm = 1;
  fputs("point,replication,", f.fp);
  for (const char *c = j->info.metrics; *c; c++) {
    fputc(*c == ';' ? ',' : *c, f.fp);
    nm += *c == ';';
  }
  fputc('\n', f.fp);
  for (long p = 0; p < j->info.npoints; p++) {
    size_t len = 0;
    const char *q = part_of(rows[p], FSIM_SWEEP_REPS_PART, &len);
    if (!q) continue;
    long r = 0;
    int m = 0;
    fprintf(f.fp, "%ld,%ld,", p, r);
    for (size_t i = 0; i < len; i++) {
      if (q[i] == ',' && ++m == nm) { /* the next replication's row */
        m = 0;
        fprintf(f.fp, "\n%ld,%ld,", p, ++r);
        continue;
      }
      fputc(q[i], f.fp);
    }
    fputc('\n', f.fp);
  }
  return fsim_file_commit(&f, err);
}

/* series.csv: point, day, then per kept variable its mean, p5, p50 and p95 across the
 * point's replications. */
static fsim_status write_series(const char *dir, const fsim_journal *j, const char **rows,
                                fsim_error *err) {
  static const char *const stat[] = {"mean", "p5", "p50", "p95"};
  enum { NSTAT = 4 };
  char path[FSIM_PATH_MAX + 32];
  snprintf(path, sizeof path, "%s/series.csv", dir);
  fsim_file f;
  fsim_status st = fsim_file_open(&f, path, err);
  if (st != FSIM_OK) return st;
  size_t len = 0;
  const char *head = part_of(rows[0], FSIM_SWEEP_SERIES_PART, &len);
  const size_t names = strcspn(head, ":");
  int nvar = 1;
  fputs("point,day", f.fp);
  for (size_t i = 0, start = 0; i <= names; i++) {
    if (i < names && head[i] != ';') continue;
    for (int k = 0; k < NSTAT; k++)
      fprintf(f.fp, ",%.*s_%s", (int)(i - start), head + start, stat[k]);
    nvar += i < names;
    start = i + 1;
  }
  fputc('\n', f.fp);
  const char **cell = NULL;
  for (long p = 0; p < j->info.npoints && st == FSIM_OK; p++) {
    const char *q = part_of(rows[p], FSIM_SWEEP_SERIES_PART, &len);
    if (!q) continue;
    const char *end = q + len;
    q += strcspn(q, ":") + 1;
    const int days1 = atoi(q);
    q += strcspn(q, ":") + 1;
    const size_t n = (size_t)nvar * (size_t)days1 * NSTAT;
    const char **grown = realloc(cell, (n ? n : 1) * sizeof *cell);
    if (!grown) {
      st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
      break;
    }
    cell = grown;
    size_t c = 0; /* where each value starts: cell = (variable * days1 + day) * NSTAT + k */
    for (const char *v = q; c < n;) {
      cell[c++] = v;
      const char *comma = memchr(v, ',', (size_t)(end - v));
      if (!comma) break;
      v = comma + 1;
    }
    if (c != n) {
      st = fsim_error_set(err, FSIM_E_IO, dir, 0, "", "point %ld: %zu series values, not %zu",
                          p, c, n);
      break;
    }
    for (int d = 0; d < days1; d++) {
      fprintf(f.fp, "%ld,%d", p, d);
      for (int v = 0; v < nvar; v++)
        for (int k = 0; k < NSTAT; k++) {
          const char *x = cell[((size_t)v * (size_t)days1 + (size_t)d) * NSTAT + (size_t)k];
          fprintf(f.fp, ",%.*s", (int)strcspn(x, ",|"), x);
        }
      fputc('\n', f.fp);
    }
  }
  free(cell);
  if (st != FSIM_OK) {
    fsim_file_abort(&f);
    return st;
  }
  return fsim_file_commit(&f, err);
}

/* sweep_long.csv: sweep.csv's rows, one line per point, metric and statistic (the
 * parameters' values are in design.csv, by point). */
static fsim_status write_long(const char *dir, const fsim_journal *j, const char **rows,
                              fsim_error *err) {
  const fsim_journal_info *info = &j->info;
  char *metrics = strdup(info->metrics ? info->metrics : "");
  char **mname = malloc(4096 * sizeof *mname);
  if (!metrics || !mname) {
    free(metrics);
    free(mname);
    return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  const int nm = split(metrics, mname, 4096);
  char path[FSIM_PATH_MAX + 32];
  snprintf(path, sizeof path, "%s/" FSIM_SWEEP_LONG_NAME, dir);
  fsim_file f;
  fsim_status st = fsim_file_open(&f, path, err);
  if (st == FSIM_OK) {
    fputs(FSIM_SWEEP_LONG_HEADER "\n", f.fp);
    for (long p = 0; p < info->npoints; p++)
      for (int m = 0; m < nm; m++)
        for (int k = 0; k < FSIM_POINT_NSTATS; k++) {
          /* point, the parameters, replications, then each metric's statistics */
          const int col = info->nparams + 2 + m * FSIM_POINT_NSTATS + k;
          const char *at = rows[p];
          for (int c = 0; c < col && at; c++) {
            at = strchr(at, ',');
            if (at) at++;
          }
          const size_t len = at ? strcspn(at, ",") : 0;
          fprintf(f.fp, "%ld,%s,%s,%.*s\n", p, mname[m], fsim_point_stat_names[k], (int)len,
                  at ? at : "");
        }
    st = fsim_file_commit(&f, err);
  }
  free(metrics);
  free(mname);
  return st;
}

fsim_status fsim_sweep_write_final(const char *dir, const fsim_journal *j, int long_format,
                                   fsim_error *err) {
  const fsim_journal_info *info = &j->info;
  /* Exactly one record per point. The journal's reader and merge have checked that
   * already, so a failure here is a fault (FSIM_E_IO), never the user's input. */
  const char **rows = calloc((size_t)(info->npoints ? info->npoints : 1), sizeof *rows);
  fsim_status st = FSIM_OK;
  if (!rows) {
    st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
    goto done;
  }
  for (long i = 0; i < j->nrecords; i++) {
    long p = j->point[i];
    if (p < 0 || p >= info->npoints) {
      st = fsim_error_set(err, FSIM_E_IO, dir, 0, "", "record for point %ld of %ld", p,
                          info->npoints);
      goto done;
    }
    if (rows[p]) {
      st = fsim_error_set(err, FSIM_E_IO, dir, 0, "", "point %ld recorded twice", p);
      goto done;
    }
    rows[p] = j->record[i];
  }
  for (long p = 0; p < info->npoints; p++)
    if (!rows[p]) {
      st = fsim_error_set(err, FSIM_E_IO, dir, 0, "", "point %ld has no result", p);
      goto done;
    }
  char path[FSIM_PATH_MAX + 32];
  snprintf(path, sizeof path, "%s/sweep.csv", dir);
  fsim_file f;
  st = fsim_file_open(&f, path, err);
  if (st != FSIM_OK) goto done;
  fprintf(f.fp, "%s\n", info->columns);
  for (long p = 0; p < info->npoints; p++)
    fprintf(f.fp, "%.*s\n", (int)strcspn(rows[p], "|"), rows[p]);
  st = fsim_file_commit(&f, err);
  if (st == FSIM_OK && info->method == FSIM_SWEEP_SOBOL) st = write_sensitivity(dir, j, rows, err);
  if (st == FSIM_OK && info->method == FSIM_SWEEP_MORRIS)
    st = write_morris(dir, j, rows, err);
  if (st == FSIM_OK && strstr(rows[0], FSIM_SWEEP_REPS_PART))
    st = write_replications(dir, j, rows, err);
  if (st == FSIM_OK && strstr(rows[0], FSIM_SWEEP_SERIES_PART)) st = write_series(dir, j, rows, err);
  if (st == FSIM_OK && long_format) st = write_long(dir, j, rows, err);
  if (st == FSIM_OK) st = fsim_sweep_write_columns(dir, j, long_format, err);
done:
  free(rows);
  return st;
}

/* ---- merge -------------------------------------------------------------- */

/* Where each point and each shard came from, so that errors name the shard
 * directories the user gave: owner[p] and seen_k[k - 1] index into the dirs. */
typedef struct merge_state {
  fsim_journal all;
  int *owner;  /* [npoints], -1: no shard holds it yet */
  int *seen_k; /* [shard_n of the first shard], -1: not given yet */
} merge_state;

static fsim_status start_merge(merge_state *m, const fsim_journal_info *first, fsim_error *err) {
  long n = first->npoints > 0 ? first->npoints : 1;
  int k = first->shard_n > 0 ? first->shard_n : 1;
  m->owner = malloc((size_t)n * sizeof *m->owner);
  m->seen_k = malloc((size_t)k * sizeof *m->seen_k);
  if (!m->owner || !m->seen_k) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  for (long p = 0; p < n; p++) m->owner[p] = -1;
  for (int i = 0; i < k; i++) m->seen_k[i] = -1;
  return FSIM_OK;
}

/* One shard's journal, checked against those before it: the same sweep, the same
 * split into shards, each shard and point once. */
static fsim_status add_shard(merge_state *m, const char *const *dirs, int s, fsim_error *err) {
  char path[FSIM_PATH_MAX + 64];
  snprintf(path, sizeof path, "%s/%s", dirs[s], FSIM_JOURNAL_NAME);
  fsim_journal one;
  fsim_status st = fsim_journal_read(path, 0, &one, err);
  if (st != FSIM_OK) return st;
  const fsim_journal_info *in = &one.info, *all = s > 0 ? &m->all.info : in;
  if (one.torn_header)
    st = fsim_error_set(err, FSIM_E_IO, path, 0, "",
                        "the journal header is incomplete: this shard never ran; run it again");
  else if (in->setup != all->setup)
    st = fsim_error_set(err, FSIM_E_INPUT, dirs[s], 0, "",
                        "this shard belongs to another sweep (its setup differs from %s)",
                        dirs[0]);
  else if (in->shard_n == 0)
    st = fsim_error_set(err, FSIM_E_INPUT, dirs[s], 0, "",
                        "not a shard: this sweep ran without --shard (finish it with --resume)");
  else if (in->shard_n != all->shard_n)
    st = fsim_error_set(err, FSIM_E_INPUT, dirs[s], 0, "",
                        "shard %d/%d does not belong with %s, shard %d/%d", in->shard_k,
                        in->shard_n, dirs[0], all->shard_k, all->shard_n);
  if (st == FSIM_OK && s == 0) st = start_merge(m, in, err);
  if (st == FSIM_OK && in->shard_n > 0) { /* -1: an older journal, split unknown */
    int *seen = &m->seen_k[in->shard_k - 1];
    if (*seen >= 0)
      st = fsim_error_set(err, FSIM_E_INPUT, dirs[s], 0, "",
                          "shard %d/%d is given twice (also as %s); give each shard once",
                          in->shard_k, in->shard_n, dirs[*seen]);
    *seen = s;
  }
  if (st == FSIM_OK && s == 0) {
    m->all.info = one.info;
    memset(&one.info, 0, sizeof one.info);
  }
  for (long i = 0; st == FSIM_OK && i < one.nrecords; i++) {
    long p = one.point[i];
    if (m->owner[p] >= 0)
      st = fsim_error_set(err, FSIM_E_INPUT, dirs[s], 0, "",
                          "point %ld is also in %s: give each shard once", p, dirs[m->owner[p]]);
    else
      st = fsim_journal_add(&m->all, p, one.record[i], err);
    m->owner[p] = s;
  }
  fsim_journal_clear(&one);
  return st;
}

/* Every point held by some shard; else which shard is missing. */
static fsim_status check_cover(const merge_state *m, fsim_error *err) {
  const fsim_journal_info *info = &m->all.info;
  for (long p = 0; p < info->npoints; p++) {
    if (m->owner[p] >= 0) continue;
    if (info->shard_n > 0)
      return fsim_error_set(err, FSIM_E_INPUT, "", 0, "",
                            "no shard given holds point %ld: shard %ld/%d is missing (or did "
                            "not finish)",
                            p, p % info->shard_n + 1, info->shard_n);
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "",
                          "no shard given holds point %ld: a shard is missing", p);
  }
  return FSIM_OK;
}

fsim_status fsim_sweep_merge(const char *out_dir, const char *const *shard_dirs, int nshards,
                             const char *command_line, fsim_error *err) {
  if (!out_dir || (nshards > 0 && !shard_dirs) || nshards < 1) return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "fsim_sweep_merge: no output directory or no shards");
  (void)command_line;
  if (nshards < 1) return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "no shard directories");
  merge_state m;
  memset(&m, 0, sizeof m);
  fsim_status st = FSIM_OK;
  for (int s = 0; s < nshards && st == FSIM_OK; s++) st = add_shard(&m, shard_dirs, s, err);
  if (st == FSIM_OK) st = check_cover(&m, err);
  free(m.owner);
  free(m.seen_k);
  fsim_journal all = m.all;
  fsim_outdir od;
  if (st == FSIM_OK) st = fsim_outdir_begin(&od, out_dir, err);
  if (st == FSIM_OK) {
    const char *files[] = {"scenario.cfg", "design.csv", FSIM_META_NAME};
    char from[FSIM_PATH_MAX + 64], to[sizeof od.stage + 32];
    struct stat sb;
    for (int i = 0; i < 3 && st == FSIM_OK; i++) {
      snprintf(from, sizeof from, "%s/%s", shard_dirs[0], files[i]);
      /* Shards written before frontsim.meta existed have none: the charts then read
       * scenario.cfg's header instead. */
      if (i == 2 && stat(from, &sb) != 0) continue;
      snprintf(to, sizeof to, "%s/%s", od.stage, files[i]);
      st = fsim_file_copy(from, to, err);
    }
    if (st == FSIM_OK) st = fsim_sweep_write_final(od.stage, &all, 0, err);
    if (st == FSIM_OK)
      st = fsim_outdir_commit(&od, err);
    else
      fsim_outdir_abort(&od);
  }
  fsim_journal_clear(&all);
  return st;
}
