/* The daily statistics of a run's kept series (series_table.h): per cell (variable,
 * day) its mean, sd and 5/25/50/75/95th percentiles across replications. Exact from
 * the rows up to the exact limit, as fsim_series_stats computes them; beyond, read
 * from the run's moments and histograms (core/qhist.h). */
#include "series_table.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "formats.h"

static const double quantile_q[5] = {0.05, 0.25, 0.50, 0.75, 0.95};

/* A float's bits as an unsigned key in the floats' order; -0 as +0, which compares
 * equal to it. */
static uint32_t key_of(double x) {
  float f = (float)x;
  uint32_t u;
  memcpy(&u, &f, sizeof u);
  if (u == 0x80000000u) u = 0;
  return u & 0x80000000u ? ~u : u | 0x80000000u;
}

static double value_of(uint32_t k) {
  const uint32_t u = k & 0x80000000u ? k ^ 0x80000000u : ~k;
  float f;
  memcpy(&f, &u, sizeof f);
  return f;
}

/* Sorts a[0..n) by LSD radix on 11, 11 and 10 bits, skipping a digit every key
 * shares (common: a day's values often share their high bits); the sorted keys are
 * in a or tmp, which is returned. Linear where selection was several passes each. */
static uint32_t *radix_sort(uint32_t *a, uint32_t *tmp, size_t n) {
  static const int shift[3] = {0, 11, 22};
  uint32_t count[3][2048];
  memset(count, 0, sizeof count);
  for (size_t i = 0; i < n; i++) {
    count[0][a[i] & 2047]++;
    count[1][(a[i] >> 11) & 2047]++;
    count[2][a[i] >> 22]++;
  }
  for (int p = 0; p < 3; p++) {
    uint32_t *c = count[p];
    if (c[(a[0] >> shift[p]) & 2047] == n) continue;
    uint32_t at = 0;
    for (int k = 0; k < 2048; k++) {
      const uint32_t m = c[k];
      c[k] = at;
      at += m;
    }
    for (size_t i = 0; i < n; i++) tmp[c[(a[i] >> shift[p]) & 2047]++] = a[i];
    uint32_t *t = a;
    a = tmp;
    tmp = t;
  }
  return a;
}

/* gsl_stats_mean and gsl_stats_sd_m of four columns of n values (x + k * stride):
 * GSL's recurrences (a running mean and variance in long double, the deviation
 * from the double mean taken in double) with the same operations in the same
 * order, so the same figures; four chains in flight hide the divisions' latency,
 * which bounds GSL's one column at a time. */
static void mean_sd4(const double *x, size_t stride, size_t n, double mean[4], double sd[4]) {
  const double *a = x, *b = x + stride, *c = x + 2 * stride, *d = x + 3 * stride;
  long double ma = 0, mb = 0, mc = 0, md = 0;
  for (size_t i = 0; i < n; i++) {
    const long double k = (long double)(i + 1);
    ma += (a[i] - ma) / k;
    mb += (b[i] - mb) / k;
    mc += (c[i] - mc) / k;
    md += (d[i] - md) / k;
  }
  mean[0] = (double)ma, mean[1] = (double)mb, mean[2] = (double)mc, mean[3] = (double)md;
  long double va = 0, vb = 0, vc = 0, vd = 0;
  for (size_t i = 0; i < n; i++) {
    const long double k = (long double)(i + 1);
    const long double da = a[i] - mean[0], db = b[i] - mean[1];
    const long double dc = c[i] - mean[2], dd = d[i] - mean[3];
    va += (da * da - va) / k;
    vb += (db * db - vb) / k;
    vc += (dc * dc - vc) / k;
    vd += (dd * dd - vd) / k;
  }
  const double v[4] = {(double)va, (double)vb, (double)vc, (double)vd};
  for (int j = 0; j < 4; j++) sd[j] = n > 1 ? sqrt(v[j] * ((double)n / (double)(n - 1))) : 0.0;
}

/* fsim_series_stats' percentiles of x[0..n) (rep order, not reordered), read from
 * sorted keys: the same order statistics, the same interpolation. */
static void exact_quantiles(const double *x, size_t n, uint32_t *keys, uint32_t *tmp,
                            double out[7]) {
  for (size_t i = 0; i < n; i++) keys[i] = key_of(x[i]);
  const uint32_t *s = radix_sort(keys, tmp, n);
  for (int k = 0; k < 5; k++) {
    const double pos = quantile_q[k] * (double)(n - 1);
    const size_t lo = (size_t)pos;
    const double delta = pos - (double)lo;
    const double a = value_of(s[lo]);
    out[2 + k] = lo + 1 >= n || delta == 0.0 ? a : (1 - delta) * a + delta * value_of(s[lo + 1]);
  }
}

fsim_status fsim_series_table(const fsim_results *res, double **out, fsim_error *err) {
  const fsim_series_store *ss = &res->ser;
  const long cells = ss->ncells, n = res->nreps, tile = 32;
  double *tab = malloc((size_t)(cells > 0 ? cells : 1) * FSIM_DAILY_NSTATS * sizeof *tab);
  if (!tab) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  int failed = 0;
  const volatile int *stop = res->stop;
#ifdef FRONTSIM_HAVE_OPENMP
#pragma omp parallel num_threads(res->threads_used > 0 ? res->threads_used : 1) reduction(| : failed)
#endif
  {
    /* A tile of cells is read row by row (each row's cells are neighbours), into one
     * column per cell. */
    double *x = ss->exact && n > 0 ? malloc((size_t)(tile * n) * sizeof *x) : NULL;
    uint32_t *keys = ss->exact ? malloc((size_t)(2 * n + 1) * sizeof *keys) : NULL;
    if (ss->exact && n > 0 && (!x || !keys)) failed = 1;
#ifdef FRONTSIM_HAVE_OPENMP
#pragma omp for schedule(dynamic, 1)
#endif
    for (long t = 0; t < (cells + tile - 1) / tile; t++) {
      if (failed || (stop && *stop)) continue; /* drain the loop quickly */
      const long c0 = t * tile, c1 = c0 + tile < cells ? c0 + tile : cells, w = c1 - c0;
      if (!ss->exact || n == 0) {
        for (long c = c0; c < c1; c++) {
          double *o = tab + c * FSIM_DAILY_NSTATS;
          o[0] = ss->mom && ss->mom[c].n > 0 ? ss->mom[c].mean : NAN;
          o[1] = ss->mom ? fsim_moments_sd(&ss->mom[c]) : NAN;
          if (ss->qh)
            fsim_qhist_quantiles(&ss->qh[c], quantile_q, 5, o + 2);
          else
            for (int j = 2; j < FSIM_DAILY_NSTATS; j++) o[j] = NAN;
        }
        continue;
      }
      for (long r = 0; r < n; r++) {
        const float *row = ss->rows + (size_t)r * (size_t)cells + (size_t)c0;
        for (long k = 0; k < w; k++) x[(size_t)k * (size_t)n + (size_t)r] = row[k];
      }
      for (long k = w; k < tile; k++) /* a short last tile: copies of its first cell */
        memcpy(x + (size_t)k * (size_t)n, x, (size_t)n * sizeof *x);
      for (long k = 0; k < w; k += 4) {
        double mean[4], sd[4];
        mean_sd4(x + (size_t)k * (size_t)n, (size_t)n, (size_t)n, mean, sd);
        for (long j = k; j < k + 4 && j < w; j++) {
          double *o = tab + (c0 + j) * FSIM_DAILY_NSTATS;
          o[0] = mean[j - k];
          o[1] = sd[j - k];
          exact_quantiles(x + (size_t)j * (size_t)n, (size_t)n, keys, keys + n, o);
        }
      }
    }
    free(x);
    free(keys);
  }
  if (failed || (stop && *stop)) {
    free(tab);
    return failed ? fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory")
                  : fsim_error_set(err, FSIM_E_INTERRUPTED, "", 0, "",
                                   "interrupted while writing the outputs; nothing written");
  }
  *out = tab;
  return FSIM_OK;
}
