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
    const long t = fsim_series_store_in_var_order(ss, c); /* the table's order */
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

/* The exact store's packing (series_store.c) gives back every value it was given,
 * bit for bit, for every kind of cell: all equal, whole numbers within a byte, two
 * bytes and beyond, floats, NaN (first or later), infinities, -0 (which a cell of
 * whole numbers gives back as 0), values at and beyond the whole-number range; over
 * three blocks, the last short; and counts whole-number cells as they are. */
static float store_value_of(int c, long r) {
  const float f = (float)r;
  switch (c) {
  case 0: return 7.0f;                                       /* all equal */
  case 1: return 100.0f + (float)(r * 37 % 256);             /* one byte */
  case 2: return -5000.0f + (float)(r * 997 % 60000);        /* two bytes */
  case 3: return (float)(r * 7919 % 200000);                 /* beyond two bytes */
  case 4: return 0.1f * f - 3.3f;                            /* floats */
  case 5: return r == 300 ? NAN : f;                         /* a NaN later */
  case 6: return r % 3 == 0 ? -0.0f : (float)(r % 5);        /* -0 among whole numbers */
  case 7: return r % 2 ? 2e9f : 1.999999e9f;                 /* at the range's edge */
  case 8: return r % 2 ? 2.5e9f : -2.5e9f;                   /* beyond it */
  case 9: return 0.5f;                                       /* all equal, a fraction */
  case 10: return r == 0 ? NAN : 1.0f;                       /* a NaN first */
  case 11: return r % 4 == 0 ? INFINITY : r % 4 == 1 ? -INFINITY : 1.0f;
  case 12: return -2e9f;                                     /* all equal, at the edge */
  case 13: return r % 2 ? 0.0f : -0.0f;                      /* zeros of both signs, -0 first */
  default: return (float)(r % 2);
  }
}

START_TEST(test_store_round_trip) {
  enum { CELLS = 17, DAYS1 = 17 }; /* 17 cells: a tile and one more (its padding) */
  const long nreps = 600;
  fsim_series_store st;
  memset(&st, 0, sizeof st);
  int var[1] = {0}, slot[1] = {0};
  st.nsel = 1, st.var = var, st.slot = slot;
  fsim_error err;
  ck_assert_int_eq(fsim_series_store_alloc(&st, DAYS1, nreps, 10000, &err), FSIM_OK);
  ck_assert_int_eq(st.ncells, CELLS);
  for (long b = 0; b * st.block < nreps; b++) {
    const long r0 = b * st.block, n = nreps - r0 < st.block ? nreps - r0 : st.block;
    for (long i = 0; i < n; i++) {
      float *row = fsim_series_store_row(&st, i);
      for (int c = 0; c < CELLS; c++) row[c] = store_value_of(c, r0 + i);
    }
    for (long c0 = 0; c0 < CELLS; c0 += FSIM_SERIES_TILE)
      ck_assert_int_eq(fsim_series_store_fold(&st, b, n, c0,
                                              c0 + FSIM_SERIES_TILE < CELLS ? c0 + FSIM_SERIES_TILE
                                                                            : CELLS),
                       0);
  }
  ck_assert_int_gt(st.nblocks, 2);
  static const int whole_cell[CELLS] = {1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1};
  float *col = malloc((size_t)nreps * sizeof *col);
  for (int c = 0; c < CELLS; c++) {
    fsim_series_store_column(&st, c, nreps, col);
    for (long r = 0; r < nreps; r++) {
      float want = store_value_of(c, r);
      if (whole_cell[c] && want == 0) want = 0.0f; /* -0 of a whole cell comes back as 0 */
      const float got = fsim_series_store_value(&st, c, r);
      ck_assert_msg(memcmp(&got, &want, sizeof got) == 0 || (isnan(got) && isnan(want)),
                    "cell %d replication %ld: stored %a, got %a", c, r, (double)want, (double)got);
      ck_assert_msg(memcmp(&col[r], &got, sizeof got) == 0 || (isnan(got) && isnan(col[r])),
                    "cell %d replication %ld: the column reads %a, the value %a", c, r,
                    (double)col[r], (double)got);
    }
  }
  /* Counts of the cells of whole numbers within 2 n + 64 of each other, against the
   * values counted one by one. */
  const size_t room = 2 * (size_t)nreps + 64;
  uint32_t *count = malloc(room * sizeof *count), *want = calloc(room, sizeof *want);
  int counted = 0;
  for (int c = 0; c < CELLS; c++) {
    double lo;
    size_t range;
    if (!fsim_series_store_counts(&st, c, nreps, room, count, &lo, &range)) continue;
    counted++;
    memset(want, 0, room * sizeof *want);
    for (long r = 0; r < nreps; r++) {
      const double v = store_value_of(c, r);
      ck_assert_msg(v >= lo && v < lo + (double)range, "cell %d: %g outside its counts", c, v);
      want[(size_t)(v - lo)]++;
    }
    for (size_t i = 0; i < range; i++)
      ck_assert_msg(count[i] == want[i], "cell %d value %g: counted %u, there are %u", c,
                    lo + (double)i, count[i], want[i]);
  }
  ck_assert_int_ge(counted, 5); /* cells 0, 1, 6, 13, 14 at least (12 has one value) */
  free(want);
  free(count);
  free(col);
  st.var = NULL, st.slot = NULL; /* the test's own */
  fsim_series_store_free(&st);
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
  /* The kept variables' values are those of a run that keeps every variable. */
  fsim_run_options all;
  fsim_run_options_init(&all);
  all.replications = 20;
  fsim_results *full = NULL;
  ck_assert_int_eq(fsim_run(sc, &all, &full, &err), FSIM_OK);
  for (int k = 0; k < res->ser.nsel; k++) {
    const int v = res->ser.var[k];
    for (int d = 0; d <= res->days; d++)
      for (long r = 0; r < 20; r++)
        ck_assert_msg(fsim_results_series_value(res, v, d, r) ==
                          fsim_results_series_value(full, v, d, r),
                      "%s day %d replication %ld", res->layout.series_name[v], d, r);
  }
  fsim_results_free(full);
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
  tc = tcase_create("store");
  tcase_add_test(tc, test_store_round_trip);
  suite_add_tcase(s, tc);
  tc = tcase_create("run");
  tcase_add_test(tc, test_run_beyond_limit);
  tcase_add_test(tc, test_run_series_selection);
  suite_add_tcase(s, tc);
  return s;
}
