/* Morris screening: the trajectories' structure, elementary effects on a parameter's
 * actual change, and the published mu* ranking of the Sobol' G-function. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "morris.h"
#include "suites.h"

/* Every trajectory: k + 1 points on the p-level grid of [0,1]^k, each step moving
 * exactly one coordinate by +-Delta, each coordinate exactly once. */
static void check_structure(size_t r, int k, int p, uint64_t seed) {
  const size_t K = (size_t)k;
  double *u = malloc(r * (K + 1) * K * sizeof *u), *v = malloc(r * (K + 1) * K * sizeof *v);
  fsim_error err;
  ck_assert_int_eq(fsim_design_morris(r, k, p, seed, u, &err), FSIM_OK);
  const double delta = p / (2.0 * (p - 1));
  int ups = 0, downs = 0;
  for (size_t t = 0; t < r; t++) {
    int *moved = calloc(K, sizeof *moved);
    for (size_t m = 0; m <= K; m++)
      for (size_t j = 0; j < K; j++) {
        const double x = u[(t * (K + 1) + m) * K + j], level = x * (p - 1);
        ck_assert(x >= 0 && x <= 1);
        ck_assert_msg(fabs(level - round(level)) < 1e-12, "%g is off the grid", x);
      }
    for (size_t m = 1; m <= K; m++) {
      int changed = 0;
      for (size_t j = 0; j < K; j++) {
        const double d = u[(t * (K + 1) + m) * K + j] - u[(t * (K + 1) + m - 1) * K + j];
        if (d == 0) continue;
        changed++;
        moved[j]++;
        ck_assert_msg(fabs(fabs(d) - delta) < 1e-12, "step %g, not +-%g", d, delta);
        ups += d > 0, downs += d < 0;
      }
      ck_assert_int_eq(changed, 1);
    }
    for (size_t j = 0; j < K; j++) ck_assert_int_eq(moved[j], 1);
    free(moved);
  }
  /* Both directions occur (random signs, Morris's D*), and the seed fixes the design. */
  ck_assert(ups > 0 && downs > 0);
  ck_assert_int_eq(fsim_design_morris(r, k, p, seed, v, &err), FSIM_OK);
  ck_assert(memcmp(u, v, r * (K + 1) * K * sizeof *u) == 0);
  free(v);
  free(u);
}

START_TEST(test_structure) {
  check_structure(40, 6, 4, 11);
  check_structure(25, 3, 8, 12);
  check_structure(10, 1, 2, 13);
  double u[8];
  fsim_error err;
  ck_assert_int_eq(fsim_design_morris(2, 1, 5, 1, u, &err), FSIM_E_INPUT); /* odd levels */
}
END_TEST

/* A whole-number parameter's effect is on its actual (rounded) change. */
START_TEST(test_effects_actual_change) {
  fsim_param_def pd = {.from = 0, .to = 3, .integer = 1};
  ck_assert(fsim_morris_value(&pd, 0.5) == 2.0); /* 1.5 rounds to 2 */
  pd.integer = 0;
  ck_assert(fsim_morris_value(&pd, 0.5) == 1.5);
  /* One parameter, one trajectory: u moves 1/3 -> 1; rounded, x moves 1/3 -> 2/3... */
  const double u[2] = {1.0 / 3, 1.0}, x[2] = {1.0 / 3, 2.0 / 3}, y[2] = {10, 12};
  double ee[1];
  fsim_morris_effects(u, x, y, 1, 1, ee);
  ck_assert_double_eq_tol(ee[0], 2.0 / (1.0 / 3), 1e-12);
  const double x0[2] = {0.5, 0.5}; /* no actual change: no effect */
  fsim_morris_effects(u, x0, y, 1, 1, ee);
  ck_assert(isnan(ee[0]));
}
END_TEST

/* mu, mu* and sigma of known effects, and intervals around them. */
START_TEST(test_indices) {
  const double ee[3] = {1, -1, 3};
  fsim_morris_index s;
  fsim_error err;
  ck_assert_int_eq(fsim_morris_indices(ee, 3, 1, 200, 5, &s, &err), FSIM_OK);
  ck_assert_double_eq_tol(s.mu, 1, 1e-12);
  ck_assert_double_eq_tol(s.mu_star, 5.0 / 3, 1e-12);
  ck_assert_double_eq_tol(s.sigma, 2, 1e-12);
  ck_assert(s.mu_lo <= s.mu && s.mu <= s.mu_hi && s.mu_lo >= -1 && s.mu_hi <= 3);
  ck_assert(s.mu_star_lo >= 1 && s.mu_star_hi <= 3);
  ck_assert_int_eq(fsim_morris_indices(ee, 3, 1, 0, 5, &s, &err), FSIM_OK);
  ck_assert(isnan(s.mu_lo) && isnan(s.sigma_hi)); /* no resamples, no intervals */
}
END_TEST

/* Sobol' G-function, a = (0, 1, 4.5, 9, 99, 99, 99, 99): Campolongo, Cariboni and
 * Saltelli (2007) rank the inputs by mu* x1 > x2 > x3 > x4 >> x5..x8. */
static double g_function(const double *x) {
  static const double a[8] = {0, 1, 4.5, 9, 99, 99, 99, 99};
  double g = 1;
  for (int i = 0; i < 8; i++) g *= (fabs(4 * x[i] - 2) + a[i]) / (1 + a[i]);
  return g;
}

START_TEST(test_g_function_ranking) {
  enum { R = 50, K = 8 };
  double *u = malloc((size_t)R * (K + 1) * K * sizeof *u);
  double *y = malloc((size_t)R * (K + 1) * sizeof *y), ee[R * K];
  fsim_morris_index s[K];
  fsim_error err;
  ck_assert_int_eq(fsim_design_morris(R, K, 4, 2007, u, &err), FSIM_OK);
  for (int p = 0; p < R * (K + 1); p++) y[p] = g_function(u + p * K);
  fsim_morris_effects(u, u, y, R, K, ee);
  ck_assert_int_eq(fsim_morris_indices(ee, R, K, 1000, 9, s, &err), FSIM_OK);
  for (int i = 0; i + 1 < 4; i++)
    ck_assert_msg(s[i].mu_star > s[i + 1].mu_star, "mu*%d = %g, mu*%d = %g", i + 1,
                  s[i].mu_star, i + 2, s[i + 1].mu_star);
  /* The G-function is symmetric about 1/2 in each input, so effects of both signs
   * cancel in mu: the reason for mu* (Campolongo et al. 2007). */
  ck_assert_msg(fabs(s[0].mu) < 0.5 * s[0].mu_star, "mu1 = %g, mu*1 = %g", s[0].mu, s[0].mu_star);
  /* ">>": x4's interval lies above every one of x5..x8. */
  for (int i = 4; i < K; i++) {
    ck_assert_msg(s[3].mu_star_lo > s[i].mu_star_hi, "mu*4 [%g, %g], mu*%d [%g, %g]",
                  s[3].mu_star_lo, s[3].mu_star_hi, i + 1, s[i].mu_star_lo, s[i].mu_star_hi);
    ck_assert(s[i].mu_star_lo <= s[i].mu_star && s[i].mu_star <= s[i].mu_star_hi);
  }
  free(y);
  free(u);
}
END_TEST

Suite *morris_suite(void) {
  Suite *s = suite_create("morris");
  TCase *tc = tcase_create("fsim_design_morris");
  tcase_add_test(tc, test_structure);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_morris_effects");
  tcase_add_test(tc, test_effects_actual_change);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_morris_indices");
  tcase_add_test(tc, test_indices);
  tcase_add_test(tc, test_g_function_ranking);
  suite_add_tcase(s, tc);
  return s;
}
