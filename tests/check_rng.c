/* The seeding hash, the replication keys and the splitmix64 generator. */
#include <check.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>

#include "rng.h"
#include "suites.h"

START_TEST(test_splitmix64) {
  /* First outputs of the reference splitmix64 generator seeded with 0. */
  ck_assert_uint_eq(fsim_splitmix64(0), 0xe220a8397b1dcdafULL);
  ck_assert_uint_eq(fsim_splitmix64(0x9e3779b97f4a7c15ULL), 0x6e789e6aa1b965f4ULL);
  ck_assert_uint_ne(fsim_rep_key(1, 0, 0), fsim_rep_key(1, 0, 1));
  ck_assert_uint_ne(fsim_rep_key(1, 0, 0), fsim_rep_key(1, 1, 0));
  ck_assert_uint_ne(fsim_stream_seed(5, 0), fsim_stream_seed(5, 1));
}
END_TEST

/* Known answers, as GSL pins its generators' 10,000th value: the replication keys
 * and stream seeds every output depends on. A change here changes every figure
 * frontsim has published, so it must be deliberate (tests/golden pins the outputs). */
START_TEST(test_known_answers) {
  const uint64_t key = fsim_rep_key(20250105, 0, 0); /* the default scenario's first */
  ck_assert_uint_eq(key, 16954882860570242314ULL);
  ck_assert_uint_eq(fsim_rep_key(20250105, 7, 123), 0x845b92f2675cf05cULL);
  ck_assert_uint_eq(fsim_stream_seed(key, 3), 0x5ea10c2fc024c3d4ULL);
  gsl_rng *r = gsl_rng_alloc(fsim_rng_splitmix64);
  gsl_rng_set(r, 1);
  unsigned long v = 0;
  for (int i = 0; i < 10000; i++) v = gsl_rng_get(r);
  ck_assert_uint_eq(v, 3936418036UL);
  gsl_rng_free(r);
}
END_TEST

/* splitmix64 as a GSL generator: the reference sequence, the unit interval, and
 * uniformity by a chi-square test over 100 cells of 10^6 draws (p > 1e-4). */
START_TEST(test_splitmix_generator) {
  gsl_rng *r = gsl_rng_alloc(fsim_rng_splitmix64);
  ck_assert_str_eq(gsl_rng_name(r), "splitmix64");
  ck_assert_ptr_eq(fsim_rng_type_find("splitmix64"), fsim_rng_splitmix64);
  ck_assert_ptr_eq(fsim_rng_type_find("taus2"), gsl_rng_taus2);
  ck_assert_ptr_null(fsim_rng_type_find("nosuch"));
  /* Seeding stores splitmix64(seed); the k-th output is splitmix64(state + k). */
  gsl_rng_set(r, 0);
  uint64_t x = fsim_splitmix64(0);
  ck_assert_uint_eq(gsl_rng_get(r), (unsigned long)(fsim_splitmix64(x) >> 32));
  ck_assert_uint_eq(gsl_rng_get(r), (unsigned long)(fsim_splitmix64(x + 1) >> 32));
  long cells[100] = {0};
  const long n = 1000000;
  const double expect = (double)n / 100.0;
  /* Each draw in [0, 1), asserted once after the loop: Check records every ck_assert. */
  double outside = 0.5;
  for (long i = 0; i < n; i++) {
    double u = gsl_rng_uniform(r);
    if (!(u >= 0 && u < 1)) {
      outside = u;
      break;
    }
    cells[(int)(u * 100)]++;
  }
  ck_assert_msg(outside == 0.5, "a draw of %g, outside [0, 1)", outside);
  double chi2 = 0;
  for (int c = 0; c < 100; c++)
    chi2 += ((double)cells[c] - expect) * ((double)cells[c] - expect) / expect;
  double pv = gsl_cdf_chisq_Q(chi2, 99);
  fprintf(stderr, "splitmix64: uniformity chi-square p = %.3f\n", pv);
  ck_assert_msg(pv > 1e-4, "chi-square p = %g", pv);
  /* Neighbouring seeds (streams of the same day) give unrelated sequences. */
  gsl_rng *q = gsl_rng_alloc(fsim_rng_splitmix64);
  gsl_rng_set(r, 1000);
  gsl_rng_set(q, 1001);
  double sxy = 0;
  for (int i = 0; i < 100000; i++) sxy += (gsl_rng_uniform(r) - 0.5) * (gsl_rng_uniform(q) - 0.5);
  double corr = sxy / 100000 * 12; /* var(U) = 1/12 */
  ck_assert_double_eq_tol(corr, 0.0, 4 / sqrt(100000.0));
  gsl_rng_free(q);
  gsl_rng_free(r);
}
END_TEST

Suite *rng_suite(void) {
  Suite *s = suite_create("rng");
  TCase *tc = tcase_create("fsim_splitmix64");
  tcase_add_test(tc, test_splitmix64);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_rep_key");
  tcase_add_test(tc, test_known_answers);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_rng_splitmix64");
  tcase_add_test(tc, test_splitmix_generator);
  suite_add_tcase(s, tc);
  return s;
}
