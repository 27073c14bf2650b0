#include "design.h"

#include <gsl/gsl_qrng.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

size_t fsim_design_grid_size(int k, const int *counts) {
  size_t n = 1;
  for (int j = 0; j < k; j++) n *= (size_t)counts[j];
  return n;
}

void fsim_design_grid_index(size_t p, int k, const int *counts, int *idx) {
  for (int j = k - 1; j >= 0; j--) {
    idx[j] = (int)(p % (size_t)counts[j]);
    p /= (size_t)counts[j];
  }
}

static gsl_rng *seeded(uint64_t seed) {
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  if (r) gsl_rng_set(r, (unsigned long)(seed ? seed : 1));
  return r;
}

fsim_status fsim_design_lhs(size_t n, int k, uint64_t seed, double *u, fsim_error *err) {
  gsl_rng *r = seeded(seed);
  size_t *perm = malloc(n * sizeof *perm);
  if (!r || !perm) {
    free(perm);
    if (r) gsl_rng_free(r);
    return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  for (int j = 0; j < k; j++) {
    for (size_t p = 0; p < n; p++) perm[p] = p;
    /* Fisher-Yates shuffle of the strata. */
    for (size_t p = n; p > 1; p--) {
      size_t q = (size_t)gsl_rng_uniform_int(r, (unsigned long)p);
      size_t t = perm[p - 1];
      perm[p - 1] = perm[q];
      perm[q] = t;
    }
    for (size_t p = 0; p < n; p++)
      u[p * (size_t)k + (size_t)j] = ((double)perm[p] + gsl_rng_uniform(r)) / (double)n;
  }
  free(perm);
  gsl_rng_free(r);
  return FSIM_OK;
}

fsim_status fsim_design_saltelli(size_t n, int k, double *u, fsim_error *err) {
  if (k < 1 || 2 * k > 40)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "sweep.parameters",
                          "sobol sensitivity takes 1 to 20 parameters, got %d", k);
  gsl_qrng *q = gsl_qrng_alloc(gsl_qrng_sobol, (unsigned int)(2 * k));
  if (!q) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  double v[40];
  gsl_qrng_get(q, v); /* skip the origin, which is a corner of the cube */
  const size_t K = (size_t)k;
  for (size_t p = 0; p < n; p++) {
    gsl_qrng_get(q, v);
    double *a = u + p * K, *b = u + (n + p) * K;
    for (size_t j = 0; j < K; j++) {
      a[j] = v[j];
      b[j] = v[K + j];
    }
    for (size_t i = 0; i < K; i++) {
      double *ab = u + ((2 + i) * n + p) * K;
      memcpy(ab, a, K * sizeof *ab);
      ab[i] = b[i];
    }
  }
  gsl_qrng_free(q);
  return FSIM_OK;
}

/* Jansen estimators over the base rows rows[0..n). */
static void jansen(const double *y, size_t n, int k, const size_t *rows, double *first,
                   double *total, double *variance) {
  const double *yA = y, *yB = y + n;
  /* Variance of the output over A and B together. */
  double mean = 0.0, m2 = 0.0;
  for (size_t t = 0; t < n; t++) mean += yA[rows[t]] + yB[rows[t]];
  mean /= (double)(2 * n);
  for (size_t t = 0; t < n; t++) {
    double a = yA[rows[t]] - mean, b = yB[rows[t]] - mean;
    m2 += a * a + b * b;
  }
  double V = m2 / (double)(2 * n - 1);
  if (variance) *variance = V;
  for (int i = 0; i < k; i++) {
    const double *yAB = y + (2 + (size_t)i) * n;
    double s1 = 0.0, st = 0.0;
    for (size_t t = 0; t < n; t++) {
      double db = yB[rows[t]] - yAB[rows[t]], da = yA[rows[t]] - yAB[rows[t]];
      s1 += db * db;
      st += da * da;
    }
    first[i] = V > 0 ? (V - s1 / (double)(2 * n)) / V : NAN;
    total[i] = V > 0 ? (st / (double)(2 * n)) / V : NAN;
  }
}

fsim_status fsim_sobol_indices(const double *y, size_t n, int k, int nboot, uint64_t seed,
                               fsim_sobol_index *out, double *variance, fsim_error *err) {
  const size_t K = (size_t)k, B = (size_t)(nboot > 0 ? nboot : 0);
  size_t *rows = malloc(n * sizeof *rows);
  double *first = malloc(K * sizeof *first), *total = malloc(K * sizeof *total);
  double *bf = malloc((B ? B : 1) * K * sizeof *bf), *bt = malloc((B ? B : 1) * K * sizeof *bt);
  double *col = malloc((B ? B : 1) * sizeof *col);
  gsl_rng *r = seeded(seed);
  fsim_status st = FSIM_OK;
  if (!rows || !first || !total || !bf || !bt || !col || !r) {
    st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
    goto done;
  }
  for (size_t t = 0; t < n; t++) rows[t] = t;
  jansen(y, n, k, rows, first, total, variance);
  for (size_t b = 0; b < B; b++) {
    for (size_t t = 0; t < n; t++) rows[t] = (size_t)gsl_rng_uniform_int(r, (unsigned long)n);
    jansen(y, n, k, rows, bf + b * K, bt + b * K, NULL);
  }
  for (size_t i = 0; i < K; i++) {
    out[i].first = first[i];
    out[i].total = total[i];
    out[i].first_lo = out[i].first_hi = out[i].total_lo = out[i].total_hi = NAN;
    if (B < 2) continue;
    for (size_t b = 0; b < B; b++) col[b] = bf[b * K + i];
    gsl_sort(col, 1, B);
    out[i].first_lo = gsl_stats_quantile_from_sorted_data(col, 1, B, 0.025);
    out[i].first_hi = gsl_stats_quantile_from_sorted_data(col, 1, B, 0.975);
    for (size_t b = 0; b < B; b++) col[b] = bt[b * K + i];
    gsl_sort(col, 1, B);
    out[i].total_lo = gsl_stats_quantile_from_sorted_data(col, 1, B, 0.025);
    out[i].total_hi = gsl_stats_quantile_from_sorted_data(col, 1, B, 0.975);
  }
done:
  if (r) gsl_rng_free(r);
  free(col);
  free(bt);
  free(bf);
  free(total);
  free(first);
  free(rows);
  return st;
}
