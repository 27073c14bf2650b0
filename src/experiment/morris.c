#include "morris.h"

#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

fsim_status fsim_design_morris(size_t r, int k, int levels, uint64_t seed, double *u,
                               fsim_error *err) {
  if (k < 1 || levels < 2 || levels % 2 != 0)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "sweep.morris_levels",
                          "morris screening takes an even number of levels (>= 2) and at "
                          "least one parameter, got %d levels and %d parameters",
                          levels, k);
  const size_t K = (size_t)k;
  gsl_rng *g = gsl_rng_alloc(gsl_rng_mt19937);
  size_t *order = malloc(K * sizeof *order);
  if (!g || !order) {
    free(order);
    if (g) gsl_rng_free(g);
    return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  gsl_rng_set(g, (unsigned long)(seed ? seed : 1));
  const int half = levels / 2; /* Delta in grid steps */
  const double step = 1.0 / (levels - 1);
  for (size_t t = 0; t < r; t++) {
    double *x = u + t * (K + 1) * K;
    /* The start: each coordinate a random level from which a move of Delta up or
     * down stays inside the grid (Morris 1991's B* with random signs). */
    for (size_t j = 0; j < K; j++) {
      int base = (int)gsl_rng_uniform_int(g, (unsigned long)half);
      int up = (int)gsl_rng_uniform_int(g, 2);
      x[j] = (up ? base : base + half) * step;
    }
    for (size_t j = 0; j < K; j++) order[j] = j;
    for (size_t j = K; j > 1; j--) { /* Fisher-Yates: the order of the moves */
      size_t q = (size_t)gsl_rng_uniform_int(g, (unsigned long)j);
      size_t s = order[j - 1];
      order[j - 1] = order[q];
      order[q] = s;
    }
    for (size_t m = 1; m <= K; m++) {
      double *prev = x + (m - 1) * K, *cur = x + m * K;
      memcpy(cur, prev, K * sizeof *cur);
      const size_t i = order[m - 1];
      /* Levels are whole multiples of step: compare their numbers, not doubles. */
      const long lv = lround(prev[i] * (levels - 1));
      cur[i] = (double)(lv < half ? lv + half : lv - half) * step;
    }
  }
  free(order);
  gsl_rng_free(g);
  return FSIM_OK;
}

double fsim_morris_value(const fsim_param_def *pd, double x) {
  const double v = pd->from + x * (pd->to - pd->from);
  return pd->integer ? round(v) : v;
}

void fsim_morris_effects(const double *u, const double *x, const double *y, size_t r, int k,
                         double *ee) {
  const size_t K = (size_t)k;
  for (size_t t = 0; t < r * K; t++) ee[t] = NAN;
  for (size_t t = 0; t < r; t++)
    for (size_t m = 1; m <= K; m++) {
      const size_t a = t * (K + 1) + m - 1, b = a + 1;
      size_t i = 0;
      while (i < K && u[b * K + i] == u[a * K + i]) i++;
      if (i == K) continue; /* not a Morris design: no step here */
      const double dx = x[b * K + i] - x[a * K + i];
      ee[t * K + i] = dx != 0 ? (y[b] - y[a]) / dx : NAN;
    }
}

/* mu, mu* and sigma of parameter i over the trajectories rows[0..r). */
static void moments(const double *ee, size_t r, size_t K, size_t i, const size_t *rows,
                    double out[3]) {
  double s = 0, sa = 0;
  size_t n = 0;
  for (size_t t = 0; t < r; t++) {
    const double e = ee[rows[t] * K + i];
    if (isnan(e)) continue;
    s += e;
    sa += fabs(e);
    n++;
  }
  const double mu = n ? s / (double)n : NAN;
  double ss = 0;
  for (size_t t = 0; t < r; t++) {
    const double e = ee[rows[t] * K + i];
    if (!isnan(e)) ss += (e - mu) * (e - mu);
  }
  out[0] = mu;
  out[1] = n ? sa / (double)n : NAN;
  out[2] = n > 1 ? sqrt(ss / (double)(n - 1)) : NAN;
}

fsim_status fsim_morris_indices(const double *ee, size_t r, int k, int nboot, uint64_t seed,
                                fsim_morris_index *out, fsim_error *err) {
  const size_t K = (size_t)k, B = nboot >= 2 ? (size_t)nboot : 0;
  size_t *rows = malloc((r ? r : 1) * sizeof *rows);
  double *boot = malloc((B ? B : 1) * K * 3 * sizeof *boot), *col = malloc((B ? B : 1) * sizeof *col);
  gsl_rng *g = gsl_rng_alloc(gsl_rng_mt19937);
  fsim_status st = FSIM_OK;
  if (!rows || !boot || !col || !g) {
    st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
    goto done;
  }
  gsl_rng_set(g, (unsigned long)(seed ? seed : 1));
  for (size_t t = 0; t < r; t++) rows[t] = t;
  double m[3];
  for (size_t i = 0; i < K; i++) {
    moments(ee, r, K, i, rows, m);
    out[i] = (fsim_morris_index){m[0], NAN, NAN, m[1], NAN, NAN, m[2], NAN, NAN};
  }
  for (size_t b = 0; b < B; b++) {
    for (size_t t = 0; t < r; t++) rows[t] = (size_t)gsl_rng_uniform_int(g, (unsigned long)r);
    for (size_t i = 0; i < K; i++) moments(ee, r, K, i, rows, boot + (b * K + i) * 3);
  }
  for (size_t i = 0; B && i < K; i++) {
    double *lo[3] = {&out[i].mu_lo, &out[i].mu_star_lo, &out[i].sigma_lo};
    double *hi[3] = {&out[i].mu_hi, &out[i].mu_star_hi, &out[i].sigma_hi};
    for (int s = 0; s < 3; s++) {
      size_t n = 0;
      for (size_t b = 0; b < B; b++) {
        const double v = boot[(b * K + i) * 3 + (size_t)s];
        if (!isnan(v)) col[n++] = v;
      }
      if (n < 2) continue;
      gsl_sort(col, 1, n);
      *lo[s] = gsl_stats_quantile_from_sorted_data(col, 1, n, 0.025);
      *hi[s] = gsl_stats_quantile_from_sorted_data(col, 1, n, 0.975);
    }
  }
done:
  if (g) gsl_rng_free(g);
  free(col);
  free(boot);
  free(rows);
  return st;
}
