/* Summary statistics across replications. */
#include <check.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "stats.h"
#include "suites.h"

START_TEST(test_summarize_values) {
  double x[101];
  for (int i = 0; i < 100; i++) x[i] = 100 - i; /* 100..1, unsorted */
  x[100] = NAN;                                 /* undefined values are left out */
  fsim_summary s;
  fsim_summarize(x, 101, FSIM_METRIC_VALUE, &s);
  ck_assert_int_eq(s.n, 100);
  ck_assert_double_eq_tol(s.mean, 50.5, 1e-12);
  ck_assert_double_eq_tol(s.p50, 50.5, 1e-12);
  ck_assert_double_eq_tol(s.p5, 5.95, 1e-12); /* GSL: (n-1) * 0.05 = 4.95 -> 5 + 0.95 */
  double sd = sqrt(100.0 * 101.0 / 12.0);     /* sd of 1..100 with n-1 */
  ck_assert_double_eq_tol(s.sd, sd, 1e-9);
  ck_assert_double_eq_tol(s.ci_hi - s.mean, 1.984216952 * sd / 10.0, 1e-6);
}
END_TEST

START_TEST(test_summarize_indicator) {
  double x[100];
  for (int i = 0; i < 100; i++) x[i] = i % 2;
  fsim_summary s;
  fsim_summarize(x, 100, FSIM_METRIC_INDICATOR, &s);
  /* Wilson 95% interval for 50 of 100. */
  ck_assert_double_eq_tol(s.ci_lo, 0.403832, 1e-5);
  ck_assert_double_eq_tol(s.ci_hi, 0.596168, 1e-5);
}
END_TEST

/* 0 of n and n of n: the Wilson bound at 0 or 1 is exact (0, not 2e-19), and the
 * other bound is z^2 / (n + z^2) away from it. */
START_TEST(test_summarize_indicator_bounds) {
  const long ns[] = {1, 24, 200, 20000};
  const double z2 = 1.959963984540054 * 1.959963984540054;
  for (size_t k = 0; k < sizeof ns / sizeof ns[0]; k++) {
    double x[20000];
    fsim_summary s;
    for (long i = 0; i < ns[k]; i++) x[i] = 0.0;
    fsim_summarize(x, (size_t)ns[k], FSIM_METRIC_INDICATOR, &s);
    ck_assert_msg(s.ci_lo == 0.0, "0 of %ld: lower bound %.17g", ns[k], s.ci_lo);
    ck_assert_double_eq_tol(s.ci_hi, z2 / ((double)ns[k] + z2), 1e-12);
    for (long i = 0; i < ns[k]; i++) x[i] = 1.0;
    fsim_summarize(x, (size_t)ns[k], FSIM_METRIC_INDICATOR, &s);
    ck_assert_msg(s.ci_hi == 1.0, "%ld of %ld: upper bound %.17g", ns[k], ns[k], s.ci_hi);
    ck_assert_double_eq_tol(s.ci_lo, (double)ns[k] / ((double)ns[k] + z2), 1e-12);
  }
}
END_TEST

/* The percentiles found by selection are GSL's from the sorted values, bit for bit:
 * ties, few distinct values, negative values, infinities, both zeros (which GSL's
 * sort orders its own way), sizes 1 to 5,001. */
START_TEST(test_summarize_percentiles_as_sorted) {
  static double x[5001], y[5001];
  uint64_t u = 12345;
  const size_t sizes[] = {1, 2, 3, 7, 20, 21, 100, 101, 999, 5001};
  for (int kind = 0; kind < 5; kind++)
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
      const size_t n = sizes[k];
      for (size_t i = 0; i < n; i++) {
        u = u * 6364136223846793005ULL + 1442695040888963407ULL;
        const double r = (double)(u >> 11) / 9007199254740992.0;
        x[i] = kind == 0   ? r * 1000 - 300                 /* distinct */
               : kind == 1 ? floor(r * 5)                   /* a few values, tied */
               : kind == 2 ? (r < 0.1 ? -INFINITY : r > 0.9 ? INFINITY : r)
               : kind == 3 ? (r < 0.5 ? 0.0 : -0.0)         /* both zeros */
                           : (r < 0.3 ? -0.0 : r * 10 - 5); /* a -0 among others */
      }
      memcpy(y, x, n * sizeof *x);
      fsim_summary s;
      fsim_summarize(x, n, FSIM_METRIC_VALUE, &s);
      gsl_sort(y, 1, n);
      const double got[5] = {s.p5, s.p25, s.p50, s.p75, s.p95};
      const double q[5] = {0.05, 0.25, 0.50, 0.75, 0.95};
      for (int j = 0; j < 5; j++) {
        const double want = gsl_stats_quantile_from_sorted_data(y, 1, n, q[j]);
        ck_assert_msg(memcmp(&got[j], &want, sizeof want) == 0 || (isnan(got[j]) && isnan(want)),
                      "kind %d, n %zu, q %g: %.17g, GSL %.17g", kind, n, q[j], got[j], want);
      }
    }
}
END_TEST

Suite *stats_suite(void) {
  Suite *s = suite_create("stats");
  TCase *tc = tcase_create("fsim_summarize");
  tcase_add_test(tc, test_summarize_values);
  tcase_add_test(tc, test_summarize_indicator);
  tcase_add_test(tc, test_summarize_indicator_bounds);
  tcase_add_test(tc, test_summarize_percentiles_as_sorted);
  suite_add_tcase(s, tc);
  return s;
}
