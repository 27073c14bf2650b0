/* The Poisson, binomial and log-normal samplers against the exact probabilities: a chi-square
 * goodness-of-fit test per parameter set, cells merged until each expects >= 5
 * draws. Fixed seeds; each test rejects at p < 1e-4, so with these ~20 tests a
 * correct sampler fails with probability about 0.002 (and with these seeds, never). */
#include <check.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "samplers.h"
#include "suites.h"

enum { DRAWS = 200000 };

/* p-value of the chi-square statistic of counts against pmf over [0, kmax]. */
static double chi2_pvalue(const long *counts, const double *pmf, int kmax, long n) {
  double stat = 0.0, exp_acc = 0.0, obs_acc = 0.0;
  int cells = 0;
  for (int k = 0; k <= kmax; k++) {
    exp_acc += pmf[k] * (double)n;
    obs_acc += (double)counts[k];
    if (exp_acc >= 5 || k == kmax) {
      if (k == kmax) { /* the upper tail beyond kmax belongs to the last cell */
        double tail = 0;
        for (int j = 0; j <= kmax; j++) tail += pmf[j];
        exp_acc += (1 - tail) * (double)n;
      }
      stat += (obs_acc - exp_acc) * (obs_acc - exp_acc) / exp_acc;
      cells++;
      exp_acc = obs_acc = 0;
    }
  }
  return gsl_cdf_chisq_Q(stat, cells - 1);
}

static void check_poisson(double mu, unsigned long seed) {
  gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
  gsl_rng_set(r, seed);
  int kmax = (int)(mu + 10 * sqrt(mu) + 20);
  long *counts = calloc((size_t)kmax + 1, sizeof *counts);
  double *pmf = malloc(((size_t)kmax + 1) * sizeof *pmf);
  double sum = 0;
  for (long i = 0; i < DRAWS; i++) {
    unsigned int k = fsim_ran_poisson(r, mu);
    sum += k;
    counts[(int)k > kmax ? kmax : (int)k]++;
  }
  for (int k = 0; k <= kmax; k++) pmf[k] = gsl_ran_poisson_pdf((unsigned int)k, mu);
  double pv = chi2_pvalue(counts, pmf, kmax, DRAWS);
  fprintf(stderr, "Poisson(%g): chi-square p = %.3f\n", mu, pv);
  ck_assert_msg(pv > 1e-4, "Poisson(%g): chi-square p = %g", mu, pv);
  ck_assert_double_eq_tol(sum / DRAWS, mu, 4 * sqrt(mu / DRAWS));
  free(pmf);
  free(counts);
  gsl_rng_free(r);
}

static void check_binomial(double p, unsigned int n, unsigned long seed) {
  gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
  gsl_rng_set(r, seed);
  int kmax = (int)n;
  long *counts = calloc((size_t)kmax + 1, sizeof *counts);
  double *pmf = malloc(((size_t)kmax + 1) * sizeof *pmf);
  double sum = 0;
  /* Every draw at most n, asserted once after the loop (Check records each ck_assert
   * passed: one a draw was most of this suite's time under the sanitizers). */
  unsigned int over = 0;
  for (long i = 0; i < DRAWS; i++) {
    unsigned int k = fsim_ran_binomial(r, p, n);
    if (k > n) {
      over = k;
      break;
    }
    sum += k;
    counts[k]++;
  }
  ck_assert_msg(over == 0, "Binomial(%g, %u) drew %u", p, n, over);
  for (int k = 0; k <= kmax; k++) pmf[k] = gsl_ran_binomial_pdf((unsigned int)k, p, n);
  double pv = chi2_pvalue(counts, pmf, kmax, DRAWS);
  fprintf(stderr, "Binomial(%g, %u): chi-square p = %.3f\n", p, n, pv);
  ck_assert_msg(pv > 1e-4, "Binomial(%g, %u): chi-square p = %g", p, n, pv);
  ck_assert_double_eq_tol(sum / DRAWS, n * p, 4 * sqrt(n * p * (1 - p) / DRAWS) + 1e-12);
  free(pmf);
  free(counts);
  gsl_rng_free(r);
}

/* The log of each draw, standardised and mapped through the normal cdf, falls in
 * 100 equally likely cells. */
static void check_lognormal(double zeta, double sigma, unsigned long seed) {
  gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
  gsl_rng_set(r, seed);
  enum { CELLS = 100 };
  long counts[CELLS] = {0};
  double pmf[CELLS], sum = 0;
  for (int k = 0; k < CELLS; k++) pmf[k] = 1.0 / CELLS;
  for (long i = 0; i < DRAWS; i++) {
    double x = fsim_ran_lognormal(r, zeta, sigma);
    sum += x;
    int cell = (int)(gsl_cdf_ugaussian_P((log(x) - zeta) / sigma) * CELLS);
    counts[cell < 0 ? 0 : cell >= CELLS ? CELLS - 1 : cell]++;
  }
  double pv = chi2_pvalue(counts, pmf, CELLS - 1, DRAWS);
  fprintf(stderr, "LogNormal(%g, %g): chi-square p = %.3f\n", zeta, sigma, pv);
  ck_assert_msg(pv > 1e-4, "LogNormal(%g, %g): chi-square p = %g", zeta, sigma, pv);
  const double mean = exp(zeta + sigma * sigma / 2), sd = mean * sqrt(expm1(sigma * sigma));
  ck_assert_double_eq_tol(sum / DRAWS, mean, 4 * sd / sqrt(DRAWS));
  gsl_rng_free(r);
}

START_TEST(test_poisson) {
  /* Both methods (the table below 512, PTRS above) and the switch between them: whole
     means (no remainder), means below 1 (the remainder alone), the top of the table. */
  const double mus[] = {0.05, 0.999, 1.0, 3.7, 9.99, 17.3, 42.0, 150.0, 511.0, 511.99, 512.0, 1234.5};
  for (size_t i = 0; i < sizeof mus / sizeof mus[0]; i++) check_poisson(mus[i], 100 + i);
}
END_TEST

START_TEST(test_binomial) {
  /* Inversion (n p < 10), BTRS (n p >= 10), p above 1/2 by symmetry, edges. */
  check_binomial(0.3, 5, 1);
  check_binomial(0.01, 500, 2);
  check_binomial(0.5, 19, 3);
  check_binomial(0.25, 40, 4);
  check_binomial(0.5, 60, 5);
  check_binomial(0.1, 2000, 6);
  check_binomial(0.87, 300, 7);
  check_binomial(0.999, 50, 8);
  check_binomial(0.37, 5000, 9);
  check_binomial(0.5, 1023, 10); /* the top of the log-factorial table */
  gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
  ck_assert_uint_eq(fsim_ran_binomial(r, 0.0, 10), 0);
  ck_assert_uint_eq(fsim_ran_binomial(r, 1.0, 10), 10);
  ck_assert_uint_eq(fsim_ran_binomial(r, 0.4, 0), 0);
  ck_assert_uint_eq(fsim_ran_poisson(r, 0.0), 0);
  gsl_rng_free(r);
}
END_TEST

START_TEST(test_lognormal) {
  check_lognormal(0.0, 0.3, 21);
  check_lognormal(0.7, 1.2, 22);
}
END_TEST

Suite *samplers_suite(void) {
  Suite *s = suite_create("samplers");
  TCase *tc = tcase_create("fsim_ran_poisson");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_poisson);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_ran_binomial");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_binomial);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_ran_lognormal");
  tcase_add_test(tc, test_lognormal);
  suite_add_tcase(s, tc);
  return s;
}
