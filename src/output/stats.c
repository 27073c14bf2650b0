#include "stats.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdio.h>

#include "layout.h"

double fsim_ci_halfwidth(double sd, long n) {
  if (n < 2) return NAN;
  return gsl_cdf_tdist_Pinv(0.975, (double)(n - 1)) * sd / sqrt((double)n);
}

/* gsl_stats_quantile_from_sorted_data's figure, its arithmetic to the letter, from
 * the two order statistics it reads, found by selection (x reordered). */
static double quantile_as_sorted(double *x, size_t n, double f) {
  const double index = f * (double)(n - 1);
  const size_t lhs = (size_t)(int)index;
  const double delta = index - (double)lhs;
  const double a = gsl_stats_select(x, 1, n, lhs);
  if (lhs == n - 1) return a;
  double b = x[lhs + 1]; /* selection leaves nothing smaller than a above lhs */
  for (size_t i = lhs + 2; i < n; i++)
    if (x[i] < b) b = x[i];
  return (1 - delta) * a + delta * b;
}

void fsim_summarize(double *x, size_t n, int kind, fsim_summary *out) {
  /* Move the defined values to the front. */
  size_t m = 0;
  for (size_t i = 0; i < n; i++)
    if (!isnan(x[i])) x[m++] = x[i];
  out->n = (long)m;
  if (m == 0) {
    out->mean = out->sd = out->ci_lo = out->ci_hi = NAN;
    out->p5 = out->p25 = out->p50 = out->p75 = out->p95 = NAN;
    return;
  }
  out->mean = gsl_stats_mean(x, 1, m);
  out->sd = m > 1 ? gsl_stats_sd_m(x, 1, m, out->mean) : 0.0;
  if (kind == FSIM_METRIC_INDICATOR) {
    /* Wilson score interval: honest near 0 and 1, where the t interval is not. */
    const double z = 1.959963984540054, nn = (double)m, p = out->mean;
    double centre = (p + z * z / (2 * nn)) / (1 + z * z / nn);
    double half = z * sqrt(p * (1 - p) / nn + z * z / (4 * nn * nn)) / (1 + z * z / nn);
    /* Exact at the bounds: with no success (or no failure) the bound is 0 (or 1)
     * in exact arithmetic; centre - half in floating point leaves ~1e-19. */
    out->ci_lo = p == 0.0 ? 0.0 : fmax(0.0, centre - half);
    out->ci_hi = p == 1.0 ? 1.0 : fmin(1.0, centre + half);
  } else {
    double h = fsim_ci_halfwidth(out->sd, out->n);
    out->ci_lo = out->mean - h;
    out->ci_hi = out->mean + h;
  }
  /* The percentiles by selection (a heap sort of every metric took a sixth of
   * writing a run's outputs), the same figures as from the sorted values: sorting
   * fixes the multiset's order but for values that compare equal and differ, -0
   * and +0, where the one GSL's sort puts first is kept by sorting. */
  int signed_zero = 0;
  for (size_t i = 0; i < m; i++) signed_zero |= x[i] == 0 && signbit(x[i]);
  double *const p[5] = {&out->p5, &out->p25, &out->p50, &out->p75, &out->p95};
  static const double q[5] = {0.05, 0.25, 0.50, 0.75, 0.95};
  if (signed_zero) gsl_sort(x, 1, m);
  for (int k = 0; k < 5; k++)
    *p[k] = signed_zero ? gsl_stats_quantile_from_sorted_data(x, 1, m, q[k])
                        : quantile_as_sorted(x, m, q[k]);
}

/* The q-quantile of x[0..n) as GSL interpolates it on sorted data. gsl_stats_select
 * leaves everything above position lo no smaller, so the next order statistic is
 * the least of those. */
static double select_quantile(double *x, size_t n, double q) {
  const double pos = q * (double)(n - 1);
  const size_t lo = (size_t)pos;
  const double delta = pos - (double)lo;
  const double a = gsl_stats_select(x, 1, n, lo);
  if (lo + 1 >= n || delta == 0.0) return a;
  double b = x[lo + 1];
  for (size_t i = lo + 2; i < n; i++)
    if (x[i] < b) b = x[i];
  return (1 - delta) * a + delta * b;
}

void fsim_series_stats(double *x, size_t n, double out[7]) {
  if (n == 0) {
    for (int k = 0; k < 7; k++) out[k] = NAN;
    return;
  }
  out[0] = gsl_stats_mean(x, 1, n);
  out[1] = n > 1 ? gsl_stats_sd_m(x, 1, n, out[0]) : 0.0;
  static const double q[5] = {0.05, 0.25, 0.50, 0.75, 0.95};
  for (int k = 0; k < 5; k++) out[2 + k] = select_quantile(x, n, q[k]);
}

const char *fsim_format_fixed(double v, char *buf, size_t size) {
  if (isnan(v))
    snprintf(buf, size, "n/a");
  else if (fabs(v) >= 100)
    snprintf(buf, size, "%.0f", v);
  else if (fabs(v) >= 1)
    snprintf(buf, size, "%.2f", v);
  else
    snprintf(buf, size, "%.3f", v);
  return buf;
}

const char *fsim_format_rounded(double v, double half, char *buf, size_t size) {
  if (isnan(v) || !(half > 0) || !isfinite(half)) return fsim_format_fixed(v, buf, size);
  int exp10 = (int)floor(log10(half));
  double unit = pow(10, exp10);
  double r = round(v / unit) * unit;
  if (r == 0) r = 0; /* no "-0" */
  snprintf(buf, size, "%.*f", exp10 < 0 ? -exp10 : 0, r);
  return buf;
}
