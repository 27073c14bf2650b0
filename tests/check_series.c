/* The daily series' statistics beyond the exact limit (docs/VALIDATION.md, "Series
 * beyond the exact limit"): the histogram's quantiles against exact ones within the
 * stated bound, integers exactly, and a run's figures independent of the threads. */
#include <check.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "column_stats.h"
#include "qhist.h"
#include "results.h"
#include "series_table.h"
#include "stats.h"
#include "suites.h"
#include "testutil.h"

static const double qs[5] = {0.05, 0.25, 0.50, 0.75, 0.95};

/* The stated bound, from the data alone: w < 2 (max - min) / (BINS - 1), or the
 * floor of w, the power of two at or above 2^-24 max(1, |min|, |max|). */
static double stated_bound(double mn, double mx) {
  const double scale = fmax(fmax(fabs(mn), fabs(mx)), 1.0) * 0x1p-24;
  int e;
  const double m = frexp(scale, &e);
  const double floor_w = ldexp(1.0, m == 0.5 ? e - 1 : e);
  return fmax(floor_w, 2 * (mx - mn) / (FSIM_QHIST_BINS - 1));
}

/* n values of a law, folded in blocks of 1024 as a run does, against exact figures. */
static void check_law(int law, unsigned long seed, size_t n, int expect_exact) {
  gsl_rng *g = gsl_rng_alloc(gsl_rng_taus2);
  gsl_rng_set(g, seed);
  float *x = malloc(n * sizeof *x);
  double *d = malloc(n * sizeof *d);
  for (size_t i = 0; i < n; i++) {
    double v = law == 0   ? 1000 + gsl_ran_gaussian(g, 50)
               : law == 1 ? gsl_ran_lognormal(g, 3, 1.5)
               : law == 2 ? (double)gsl_ran_poisson(g, 30)
                          : (double)gsl_ran_poisson(g, 5000) - 5000;
    x[i] = (float)v;
    d[i] = x[i];
  }
  fsim_qhist *h = malloc(sizeof *h);
  fsim_qhist_init(h);
  fsim_moments mom = {0, 0, 0};
  for (size_t i = 0; i < n; i += 1024) {
    const size_t b = n - i < 1024 ? n - i : 1024;
    fsim_qhist_add(h, x + i, b, 1);
    fsim_moments_add_block(&mom, x + i, b, 1);
  }
  double mn = d[0], mx = d[0];
  for (size_t i = 0; i < n; i++) mn = fmin(mn, d[i]), mx = fmax(mx, d[i]);
  double exact[7], est[5];
  fsim_series_stats(d, n, exact);
  fsim_qhist_quantiles(h, qs, 5, est);
  const double bound = stated_bound(mn, mx);
  ck_assert_msg(fsim_qhist_error_bound(h) <= bound, "law %d: w %g above the stated %g", law,
                fsim_qhist_error_bound(h), bound);
  for (int k = 0; k < 5; k++) {
    if (expect_exact)
      ck_assert_msg(est[k] == exact[2 + k], "law %d q%g: %.17g, exact %.17g", law, qs[k],
                    est[k], exact[2 + k]);
    ck_assert_msg(fabs(est[k] - exact[2 + k]) < fsim_qhist_error_bound(h),
                  "law %d q%g: %.17g, exact %.17g, bound %g", law, qs[k], est[k], exact[2 + k],
                  fsim_qhist_error_bound(h));
  }
  /* Chan's merge in double: a few ulps of the spread, against GSL's recurrence. */
  ck_assert_double_eq_tol(mom.mean, exact[0], 1e-9 * (fabs(exact[0]) + exact[1]));
  ck_assert_double_eq_tol(fsim_moments_sd(&mom), exact[1], 1e-9 * exact[1]);
  free(h);
  free(d);
  free(x);
  gsl_rng_free(g);
}

START_TEST(test_qhist_against_exact) {
  check_law(0, 11, 50000, 0); /* normal */
  check_law(1, 12, 50000, 0); /* log-normal: a long right tail widens the bins */
  check_law(3, 13, 50000, 0); /* integers over a range wider than the bins */
}
END_TEST

START_TEST(test_qhist_integers_exact) {
  check_law(2, 14, 50000, 1); /* Poisson(30): one integer per bin, exact */
}
END_TEST

static int counts_checked; /* columns whose figures were also made from their counts */

/* One column's exact figures by fsim_column_stats against GSL's (fsim_series_stats):
 * the percentiles bit for bit, the mean and sd as the files print them. */
static int column_matches(const float *x, size_t n, int *texts_differ) {
  double *d = malloc((n ? n : 1) * sizeof *d), *work = malloc((n ? n : 1) * sizeof *work);
  uint32_t *scratch = malloc(fsim_column_scratch(n) * sizeof *scratch);
  for (size_t i = 0; i < n; i++) d[i] = x[i];
  double ref[7], got[7], from_counts[7];
  fsim_series_stats(d, n, ref);
  fsim_column_stats(x, n, scratch, work, got);
  /* Whole numbers within a span of 20,000: the same figures from their counts. */
  double lo = INFINITY, hi = -INFINITY;
  int whole = n > 0;
  for (size_t i = 0; i < n; i++) {
    whole &= d[i] == floor(d[i]) && fabs(d[i]) < 1e9;
    lo = fmin(lo, d[i]), hi = fmax(hi, d[i]);
  }
  if (whole && hi - lo < 20000) {
    uint32_t *count = calloc((size_t)(hi - lo) + 1, sizeof *count);
    for (size_t i = 0; i < n; i++) count[(size_t)(d[i] - lo)]++;
    if (fsim_column_stats_counts(count, lo + 0.0, (size_t)(hi - lo) + 1, n, from_counts) == 0)
      for (int k = 0; k < 7; k++) {
        char a[40], b[40];
        snprintf(a, sizeof a, FSIM_NUMBER_FORMAT, got[k]);
        snprintf(b, sizeof b, FSIM_NUMBER_FORMAT, from_counts[k]);
        ck_assert_msg(strcmp(a, b) == 0 && (k < 2 || got[k] == from_counts[k]),
                      "n %zu stat %d: from the column %s, from counts %s", n, k, a, b);
      }
    counts_checked++;
    free(count);
  }
  int ok = 1;
  for (int k = 0; k < 7; k++) {
    ref[k] += 0.0; /* -0 as 0: the table has always printed a -0 percentile so */
    char a[40], b[40];
    snprintf(a, sizeof a, FSIM_NUMBER_FORMAT, ref[k]);
    snprintf(b, sizeof b, FSIM_NUMBER_FORMAT, got[k]);
    if (strcmp(a, b) != 0 || (k >= 2 && memcmp(&ref[k], &got[k], sizeof ref[k]) != 0)) {
      fprintf(stderr, "n %zu stat %d: GSL %s (%.17g), got %s (%.17g)\n", n, k, a, ref[k], b,
              got[k]);
      ok = 0;
    }
    if (k < 2 && memcmp(&ref[k], &got[k], sizeof ref[k]) != 0) (*texts_differ)++;
  }
  free(scratch);
  free(work);
  free(d);
  return ok;
}

START_TEST(test_column_stats_as_gsl) {
  gsl_rng *g = gsl_rng_alloc(gsl_rng_taus2);
  gsl_rng_set(g, 21);
  static const size_t sizes[] = {1, 2, 3, 5, 17, 49, 100, 1001, 3000, 10000};
  const size_t nmax = 10000;
  float *x = malloc(nmax * sizeof *x);
  int bits_differ = 0, columns = 0;
  for (int law = 0; law < 8; law++)
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
      const size_t n = sizes[s];
      for (size_t i = 0; i < n; i++) {
        const double u = gsl_rng_uniform(g);
        x[i] = (float)(law == 0   ? 1000 + gsl_ran_gaussian(g, 50)
                       : law == 1 ? gsl_ran_lognormal(g, 3, 1.5)
                       : law == 2 ? (double)gsl_ran_poisson(g, 30)
                       : law == 3 ? (double)gsl_ran_poisson(g, 5000) - 5000 /* mean near 0 */
                       : law == 4 ? (u < 0.999 ? 71000.0 : 70000.0)      /* one outlier */
                       : law == 5 ? 1.0009765625 /* a tie: 1.000976562|5 */
                       : law == 6 ? (i % 2 ? 0.0 : -0.0)
                                  : (u < 0.5 ? 1e-30 : 1e30) * gsl_ran_gaussian(g, 1));
      }
      ck_assert_msg(column_matches(x, n, &bits_differ), "law %d, n %zu", law, n);
      columns++;
    }
  /* The tie's column needs GSL's own recurrence: its text is not that of the next
   * number up (1.000976563). */
  for (size_t i = 0; i < 4; i++) x[i] = 1.0009765625f;
  x[4] = 1.0009765625f + 0x1p-23f, x[5] = 1.0009765625f - 0x1p-23f;
  ck_assert(column_matches(x, 6, &bits_differ));
  /* The cheap figures differ from GSL's in bits, not in the text printed: this test
   * would pass trivially if they were GSL's. */
  ck_assert_msg(counts_checked >= 20, "only %d columns of whole numbers", counts_checked);
  ck_assert_msg(bits_differ > 0, "no figure differed in its bits from GSL's over %d columns",
                columns);
  free(x);
  gsl_rng_free(g);
}
END_TEST

/* The table of a run of 3,000 replications with the exact limit at 500. */
static double *table_of(const fsim_scenario *sc, long exact_max, int threads, fsim_results **keep) {
  fsim_run_options opt;
  fsim_run_options_init(&opt);
  opt.replications = 3000;
  opt.threads = threads;
  opt.series_exact_max = exact_max;
  fsim_results *res = NULL;
  fsim_error err;
  ck_assert_int_eq(fsim_run(sc, &opt, &res, &err), FSIM_OK);
  double *tab = NULL;
  ck_assert_int_eq(fsim_series_table(res, &tab, &err), FSIM_OK);
  if (keep)
    *keep = res;
  else
    fsim_results_free(res);
  return tab;
}

START_TEST(test_run_beyond_limit) {
  fsim_scenario *sc = tu_load(tu_two_sectors);
  fsim_results *exact_res = NULL;
  double *one = table_of(sc, 500, 1, NULL), *two = table_of(sc, 500, 2, NULL);
  double *exact = table_of(sc, 3000, 2, &exact_res);
  const fsim_series_store *ss = &exact_res->ser;
  const size_t size = (size_t)ss->ncells * 7 * sizeof *one;
  ck_assert_msg(memcmp(one, two, size) == 0, "1 and 2 threads differ beyond the exact limit");
  for (long c = 0; c < ss->ncells; c++) {
    double mn = INFINITY, mx = -INFINITY;
    for (long r = 0; r < 3000; r++) {
      const double v = fsim_series_store_value(ss, c, r);
      mn = fmin(mn, v), mx = fmax(mx, v);
    }
    /* The store's cell c is day c / nsel of variable c % nsel; the table is in
     * variable order. */
    const long t = (c % ss->nsel) * ss->days1 + c / ss->nsel;
    const double *e = exact + t * 7, *a = one + t * 7, bound = stated_bound(mn, mx);
    ck_assert_double_eq_tol(a[0], e[0], 1e-9 * (fabs(e[0]) + e[1]) + 1e-12);
    ck_assert_double_eq_tol(a[1], e[1], 1e-9 * e[1] + 1e-12);
    for (int k = 2; k < 7; k++)
      ck_assert_msg(fabs(a[k] - e[k]) < bound, "cell %ld stat %d: %.17g, exact %.17g, bound %g",
                    t, k, a[k], e[k], bound);
  }
  free(exact);
  free(two);
  free(one);
  fsim_results_free(exact_res);
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_run_series_selection) {
  fsim_scenario *sc = tu_load(tu_two_sectors);
  fsim_run_options opt;
  fsim_run_options_init(&opt);
  opt.replications = 20;
  opt.series = "sides.blue_personnel,k_1.red_personnel,sides.blue_personnel";
  fsim_results *res = NULL;
  fsim_error err;
  ck_assert_int_eq(fsim_run(sc, &opt, &res, &err), FSIM_OK);
  ck_assert_int_eq(res->ser.nsel, 2); /* named twice, kept once; in layout order */
  ck_assert_str_eq(res->layout.series_name[res->ser.var[0]], "k_1.red_personnel");
  ck_assert(isnan(fsim_results_series_value(res, fsim_results_series_index(res, "k_1.blue_personnel"), 1, 0)));
  ck_assert(!isnan(fsim_results_series_value(res, fsim_results_series_index(res, "k_1.red_personnel"), 1, 0)));
  fsim_results_free(res);
  opt.series = "k_1.nothing";
  ck_assert_int_eq(fsim_run(sc, &opt, &res, &err), FSIM_E_INPUT);
  ck_assert(res == NULL);
  opt.series = "none";
  ck_assert_int_eq(fsim_run(sc, &opt, &res, &err), FSIM_OK);
  ck_assert_int_eq(fsim_results_nseries(res), 0);
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

Suite *series_suite(void) {
  Suite *s = suite_create("series");
  TCase *tc = tcase_create("qhist");
  tcase_add_test(tc, test_qhist_against_exact);
  tcase_add_test(tc, test_qhist_integers_exact);
  tcase_add_test(tc, test_column_stats_as_gsl);
  suite_add_tcase(s, tc);
  tc = tcase_create("run");
  tcase_add_test(tc, test_run_beyond_limit);
  tcase_add_test(tc, test_run_series_selection);
  suite_add_tcase(s, tc);
  return s;
}
