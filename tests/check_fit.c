/* Fitting attrition coefficients: recovery of known coefficients from synthetic
 * series made by the recursion itself, exact without noise and within 4 standard
 * errors with noise; and reading the data. */
#include <check.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frontsim/fit.h"
#include "suites.h"

/* The settings table's ranges (sectors.[i].attrition, model.attrition.a/b). */
static const fsim_fit_limits bounds = {sizeof(fsim_fit_limits), 0, 10, 0, 3, 0};

/* B(t) = B - ar R^a B^b, R(t) = R - ab B^a R^b, plus Gaussian noise of sd `noise`. */
static void synth(double *B, double *R, size_t n, double ab, double ar, double a, double b,
                  double noise, unsigned long seed) {
  gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
  gsl_rng_set(r, seed);
  double x = B[0], y = R[0];
  for (size_t t = 1; t < n; t++) {
    double nx = fmax(0, x - ar * pow(y, a) * pow(x, b)), ny = fmax(0, y - ab * pow(x, a) * pow(y, b));
    x = nx, y = ny;
    B[t] = x + (noise > 0 ? gsl_ran_gaussian(r, noise) : 0);
    R[t] = y + (noise > 0 ? gsl_ran_gaussian(r, noise) : 0);
  }
  gsl_rng_free(r);
}

START_TEST(test_fit_exact) {
  double B[41] = {1000}, R[41] = {800};
  synth(B, R, 41, 0.01, 0.02, 1, 0, 0, 1);
  fsim_fit_result fit = FSIM_FIT_RESULT_INIT;
  fsim_error err;
  ck_assert_msg(fsim_fit_attrition(B, R, 41, FSIM_FIT_SQUARE, &bounds, &fit, &err) == FSIM_OK, "%s", err.message);
  fprintf(stderr, "fit, no noise: alpha_blue %.8f (0.01), alpha_red %.8f (0.02)\n",
          fit.alpha_blue, fit.alpha_red);
  ck_assert_double_eq_tol(fit.alpha_blue, 0.01, 1e-7);
  ck_assert_double_eq_tol(fit.alpha_red, 0.02, 1e-7);
  ck_assert(fit.r2 > 0.999999);
}
END_TEST

START_TEST(test_fit_noise) {
  /* Square law with observation noise of sd 5 persons. */
  double B[61] = {5000}, R[61] = {6000};
  synth(B, R, 61, 0.004, 0.003, 1, 0, 5.0, 7);
  fsim_fit_result fit = FSIM_FIT_RESULT_INIT;
  fsim_error err;
  ck_assert_int_eq(fsim_fit_attrition(B, R, 61, FSIM_FIT_SQUARE, &bounds, &fit, &err), FSIM_OK);
  fprintf(stderr, "fit, noise sd 5: alpha_blue %.6f +- %.6f (0.004), alpha_red %.6f +- %.6f (0.003)\n",
          fit.alpha_blue, fit.se_blue, fit.alpha_red, fit.se_red);
  ck_assert_double_eq_tol(fit.alpha_blue, 0.004, 4 * fit.se_blue);
  ck_assert_double_eq_tol(fit.alpha_red, 0.003, 4 * fit.se_red);
  ck_assert(fit.se_blue > 0 && fit.se_blue < 0.0004);
}
END_TEST

START_TEST(test_fit_free_law) {
  /* Exponents (a, b) = (0.8, 0.3) recovered with the coefficients. */
  double B[81] = {3000}, R[81] = {2500};
  synth(B, R, 81, 0.02, 0.025, 0.8, 0.3, 1.0, 9);
  fsim_fit_result fit = FSIM_FIT_RESULT_INIT;
  fsim_error err;
  ck_assert_int_eq(fsim_fit_attrition(B, R, 81, FSIM_FIT_FREE, &bounds, &fit, &err), FSIM_OK);
  fprintf(stderr, "fit, free law: a %.4f +- %.4f (0.8), b %.4f +- %.4f (0.3), alpha_blue %.5f (0.02)\n",
          fit.a, fit.se_a, fit.b, fit.se_b, fit.alpha_blue);
  ck_assert_double_eq_tol(fit.a, 0.8, 4 * fit.se_a);
  ck_assert_double_eq_tol(fit.b, 0.3, 4 * fit.se_b);
}
END_TEST

/* Every parameter stays in its range: data a negative coefficient would fit best
 * (red grows under blue's fire) give alpha blue at 0, flagged, and an exponent
 * pushed past 3 stops at 3. */
START_TEST(test_fit_bounds) {
  double B[40], R[40];
  for (int t = 0; t < 40; t++) B[t] = 1000 - 8.0 * t, R[t] = 800 + 5.0 * t;
  fsim_fit_result fit = FSIM_FIT_RESULT_INIT;
  fsim_error err;
  ck_assert_msg(fsim_fit_attrition(B, R, 40, FSIM_FIT_SQUARE, &bounds, &fit, &err) == FSIM_OK,
                "%s", err.message);
  ck_assert(fit.alpha_blue == 0.0 && fit.at_bound[0] == -1 && isnan(fit.se_blue));
  ck_assert(fit.alpha_red > 0 && fit.alpha_red <= 10 && fit.at_bound[1] == 0);
  ck_assert(fit.r2 < FSIM_FIT_R2_POOR);
  /* Noise only: whatever the law, the answer is inside the ranges. */
  gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
  gsl_rng_set(r, 3);
  for (int t = 0; t < 40; t++) B[t] = 1000 + 500 * gsl_rng_uniform(r), R[t] = 800 + 900 * gsl_rng_uniform(r);
  gsl_rng_free(r);
  for (int law = FSIM_FIT_SQUARE; law <= FSIM_FIT_FREE; law++) {
    fsim_status st = fsim_fit_attrition(B, R, 40, (fsim_fit_law)law, &bounds, &fit, &err);
    if (st != FSIM_OK) {
      ck_assert_int_eq(st, FSIM_E_NUMERIC);
      continue;
    }
    ck_assert(fit.alpha_blue >= 0 && fit.alpha_blue <= 10 && fit.alpha_red >= 0 && fit.alpha_red <= 10);
    ck_assert(fit.a >= 0 && fit.a <= 3 && fit.b >= 0 && fit.b <= 3);
    ck_assert(fit.r2 < FSIM_FIT_R2_POOR);
  }
}
END_TEST

/* Stopping at the iteration cap is an error, not a silent answer. */
START_TEST(test_fit_not_converged) {
  double B[81] = {3000}, R[81] = {2500};
  synth(B, R, 81, 0.02, 0.025, 0.8, 0.3, 1.0, 9);
  fsim_fit_result fit = FSIM_FIT_RESULT_INIT;
  fsim_error err;
  ck_assert_int_eq(fsim_fit_attrition(B, R, 81, FSIM_FIT_FREE, &bounds, &fit, &err), FSIM_OK);
  fsim_fit_limits few = bounds;
  few.max_iterations = fit.iterations - 1; /* one short of what it needs */
  ck_assert_int_ge(few.max_iterations, 1);
  ck_assert_int_eq(fsim_fit_attrition(B, R, 81, FSIM_FIT_FREE, &few, &fit, &err), FSIM_E_NUMERIC);
  ck_assert_ptr_nonnull(strstr(err.message, "did not converge"));
}
END_TEST

START_TEST(test_fit_read_csv) {
  char path[] = "/tmp/frontsim-fit-XXXXXX";
  int fd = mkstemp(path);
  ck_assert_int_ge(fd, 0);
  FILE *fp = fdopen(fd, "w");
  fputs("day,date,ua,ru\n0,2025-01-04,100,90\n1,2025-01-05,98,88.5\n2,2025-01-06,96,87\n", fp);
  fclose(fp);
  double *b = NULL, *r = NULL;
  size_t n = 0;
  fsim_error err;
  ck_assert_int_eq(fsim_fit_read_csv(path, "ua", "ru", &b, &r, &n, &err), FSIM_OK);
  ck_assert_uint_eq(n, 3);
  ck_assert_double_eq_tol(r[1], 88.5, 1e-12);
  free(b);
  free(r);
  ck_assert_int_eq(fsim_fit_read_csv(path, "blue", "red", &b, &r, &n, &err), FSIM_E_INPUT);
  ck_assert_int_eq(err.line, 1);
  fp = fopen(path, "w");
  fputs("blue,red\n100,90\n98,x\n", fp);
  fclose(fp);
  ck_assert_int_eq(fsim_fit_read_csv(path, "blue", "red", &b, &r, &n, &err), FSIM_E_INPUT);
  ck_assert_int_eq(err.line, 3);
  /* R's write.csv and quoting writers: names (and numbers) in double quotes, and a
   * spreadsheet's byte order mark before the header. */
  fp = fopen(path, "w");
  fputs("\xEF\xBB\xBF\"day\",\"blue\",\"red\"\r\n\"0\",\"100\",\"90\"\r\n1,98,\"88.5\"\r\n", fp);
  fclose(fp);
  ck_assert_msg(fsim_fit_read_csv(path, "blue", "red", &b, &r, &n, &err) == FSIM_OK, "%s",
                err.message);
  ck_assert_uint_eq(n, 2);
  ck_assert_double_eq_tol(b[0], 100, 1e-12);
  ck_assert_double_eq_tol(r[1], 88.5, 1e-12);
  free(b);
  free(r);
  remove(path);
}
END_TEST

Suite *fit_suite(void) {
  Suite *s = suite_create("fit");
  TCase *tc = tcase_create("fsim_fit_attrition");
  tcase_add_test(tc, test_fit_exact);
  tcase_add_test(tc, test_fit_noise);
  tcase_add_test(tc, test_fit_free_law);
  tcase_add_test(tc, test_fit_bounds);
  tcase_add_test(tc, test_fit_not_converged);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_fit_read_csv");
  tcase_add_test(tc, test_fit_read_csv);
  suite_add_tcase(s, tc);
  return s;
}
