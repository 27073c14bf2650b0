/* Designs and variance-based sensitivity. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "design.h"

#define PI 3.14159265358979323846
#include "suites.h"

START_TEST(test_grid_order) {
  int counts[3] = {2, 3, 4}, idx[3];
  ck_assert_uint_eq(fsim_design_grid_size(3, counts), 24);
  fsim_design_grid_index(0, 3, counts, idx);
  ck_assert(idx[0] == 0 && idx[1] == 0 && idx[2] == 0);
  fsim_design_grid_index(1, 3, counts, idx); /* the last parameter varies fastest */
  ck_assert(idx[0] == 0 && idx[1] == 0 && idx[2] == 1);
  fsim_design_grid_index(23, 3, counts, idx);
  ck_assert(idx[0] == 1 && idx[1] == 2 && idx[2] == 3);
}
END_TEST

START_TEST(test_lhs_strata) {
  enum { N = 50, K = 3 };
  double u[N * K];
  fsim_error err;
  ck_assert_int_eq(fsim_design_lhs(N, K, 7, u, &err), FSIM_OK);
  for (int j = 0; j < K; j++) {
    int used[N] = {0};
    for (int p = 0; p < N; p++) {
      double v = u[p * K + j];
      ck_assert(v >= 0 && v < 1);
      used[(int)(v * N)]++;
    }
    for (int s = 0; s < N; s++) ck_assert_int_eq(used[s], 1); /* each stratum once */
  }
}
END_TEST

START_TEST(test_saltelli_structure) {
  enum { N = 16, K = 3 };
  double u[N * (K + 2) * K];
  fsim_error err;
  ck_assert_int_eq(fsim_design_saltelli(N, K, u, &err), FSIM_OK);
  for (int p = 0; p < N; p++)
    for (int i = 0; i < K; i++)
      for (int j = 0; j < K; j++) {
        double ab = u[((2 + i) * N + p) * K + j];
        ck_assert(ab == (j == i ? u[(N + p) * K + j] : u[p * K + j]));
      }
}
END_TEST

/* Ishigami function, a = 7, b = 0.1, on [-pi, pi]^3; analytic indices (Saltelli et
 * al. 2008, Global Sensitivity Analysis, 4.7): S = (0.3139, 0.4424, 0),
 * ST = (0.5576, 0.4424, 0.2437). */
static double ishigami(const double *x) {
  return sin(x[0]) + 7 * sin(x[1]) * sin(x[1]) + 0.1 * pow(x[2], 4) * sin(x[0]);
}

START_TEST(test_ishigami) {
  enum { K = 3 };
  const size_t n = 8192, rows = n * (K + 2);
  double *u = malloc(rows * K * sizeof *u), *y = malloc(rows * sizeof *y);
  fsim_error err;
  ck_assert_int_eq(fsim_design_saltelli(n, K, u, &err), FSIM_OK);
  for (size_t p = 0; p < rows; p++) {
    double x[K];
    for (int j = 0; j < K; j++) x[j] = -PI + 2 * PI * u[p * K + (size_t)j];
    y[p] = ishigami(x);
  }
  fsim_sobol_index s[K];
  double V;
  ck_assert_int_eq(fsim_sobol_indices(y, n, K, 200, 5, s, &V, &err), FSIM_OK);
  const double first[K] = {0.3139, 0.4424, 0.0}, total[K] = {0.5576, 0.4424, 0.2437};
  ck_assert_double_eq_tol(V, 13.8446, 0.2); /* a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2 */
  fprintf(stderr, "ishigami: V = %.4f\n", V);
  for (int i = 0; i < K; i++)
    fprintf(stderr, "ishigami: S%d = %.4f [%.4f, %.4f]  ST%d = %.4f [%.4f, %.4f]\n", i + 1,
            s[i].first, s[i].first_lo, s[i].first_hi, i + 1, s[i].total, s[i].total_lo,
            s[i].total_hi);
  for (int i = 0; i < K; i++) {
    /* The bootstrap intervals are about +-0.02 wide at this n; allow their width. */
    double wf = fmax(0.02, s[i].first_hi - s[i].first_lo), wt = fmax(0.02, s[i].total_hi - s[i].total_lo);
    ck_assert_msg(fabs(s[i].first - first[i]) < wf, "S%d = %g", i + 1, s[i].first);
    ck_assert_msg(fabs(s[i].total - total[i]) < wt, "ST%d = %g", i + 1, s[i].total);
    ck_assert(s[i].first_lo <= s[i].first && s[i].first <= s[i].first_hi);
  }
  free(y);
  free(u);
}
END_TEST

Suite *design_suite(void) {
  Suite *s = suite_create("design");
  TCase *tc = tcase_create("fsim_design_grid_index");
  tcase_add_test(tc, test_grid_order);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_design_lhs");
  tcase_add_test(tc, test_lhs_strata);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_design_saltelli");
  tcase_add_test(tc, test_saltelli_structure);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_sobol_indices");
  tcase_add_test(tc, test_ishigami);
  suite_add_tcase(s, tc);
  return s;
}
