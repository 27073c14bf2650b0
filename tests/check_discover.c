/* PRIM (experiment/prim.c) on data with a known answer, the condition's parser and
 * discovery on a real sweep (experiment/discover.c). */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "discover.h"
#include "fileio.h"
#include "prim.h"
#include "suites.h"
#include "testutil.h"

/* A 21 x 21 grid on [0, 1]^2 with a third, irrelevant parameter taking 3 values; the
 * condition holds where x0 >= 0.6 and x1 <= 0.3. */
#define G 21
typedef struct grid {
  double x[G * G * 3 * 3];
  unsigned char y[G * G * 3], use[G * G * 3];
  int ncat[3];
  fsim_prim_data d;
} grid;

static void grid_fill(grid *g, int third_categorical) {
  long i = 0;
  for (int a = 0; a < G; a++)
    for (int b = 0; b < G; b++)
      for (int c = 0; c < 3; c++, i++) {
        g->x[i * 3 + 0] = a / (double)(G - 1);
        g->x[i * 3 + 1] = b / (double)(G - 1);
        g->x[i * 3 + 2] = c;
        g->y[i] = g->x[i * 3] >= 0.6 - 1e-12 && g->x[i * 3 + 1] <= 0.3 + 1e-12;
        g->use[i] = 1;
      }
  g->ncat[0] = g->ncat[1] = 0;
  g->ncat[2] = third_categorical ? 3 : 0;
  g->d = (fsim_prim_data){i, 3, g->x, g->y, g->use, g->ncat};
}

static const fsim_prim_params params = {0.05, 0.05, 0.05};

START_TEST(test_prim_known_box) {
  static grid g;
  grid_fill(&g, 0);
  fsim_prim_box *traj = NULL;
  int n = 0;
  fsim_error err;
  ck_assert_int_eq(fsim_prim_peel(&g.d, &params, &traj, &n, &err), FSIM_OK);
  ck_assert_int_gt(n, 2);
  /* Density never falls along the trajectory, mass always does. */
  fsim_prim_stats prev, s;
  fsim_prim_box_stats(&g.d, &traj[0], 1, &prev);
  ck_assert_double_eq_tol(prev.mass, 1.0, 1e-12);
  for (int t = 1; t < n; t++) {
    fsim_prim_box_stats(&g.d, &traj[t], 1, &s);
    ck_assert(s.density >= prev.density);
    ck_assert(s.n_in < prev.n_in);
    prev = s;
  }
  /* The last box is pure; pasted, it is the true box, the third parameter free. */
  fsim_prim_box b = traj[n - 1];
  ck_assert_double_eq_tol(prev.density, 1.0, 1e-12);
  ck_assert_int_eq(fsim_prim_paste(&g.d, &params, &b, &err), FSIM_OK);
  fsim_prim_box_stats(&g.d, &b, 1, &s);
  ck_assert_double_eq_tol(s.density, 1.0, 1e-12);
  ck_assert_double_eq_tol(s.coverage, 1.0, 1e-12);
  ck_assert_double_eq_tol(b.lo[0], 0.6, 1e-12);
  ck_assert_double_eq_tol(b.hi[1], 0.3, 1e-12);
  ck_assert(!fsim_prim_box_restricts(&g.d, &b, 2));
  ck_assert_int_eq(s.restricted, 2);
  /* Both restrictions are significant: widening either would dilute the box. */
  ck_assert(fsim_prim_qp(&g.d, &b, 0) < 1e-6);
  ck_assert(fsim_prim_qp(&g.d, &b, 1) < 1e-6);
  free(traj);
}
END_TEST

/* The case: 5 parameters on a grid of 6 levels each, the condition true exactly
 * inside a box over 2 of them; the box found has the planted limits to within one grid
 * step and leaves the other 3 unrestricted. */
START_TEST(test_prim_planted_box_5d) {
  enum { L = 6, K = 5, N = L * L * L * L * L };
  static double x[N * K];
  static unsigned char y[N], use[N];
  static const int ncat[K] = {0};
  for (long i = 0; i < N; i++) {
    long r = i;
    for (int j = 0; j < K; j++, r /= L) x[i * K + j] = (double)(r % L) / (L - 1);
    y[i] = x[i * K + 1] >= 0.4 - 1e-12 && x[i * K + 1] <= 0.8 + 1e-12 && x[i * K + 3] <= 0.6 + 1e-12;
    use[i] = 1;
  }
  const fsim_prim_data d = {N, K, x, y, use, ncat};
  fsim_prim_box *traj = NULL;
  int n = 0;
  fsim_error err;
  ck_assert_int_eq(fsim_prim_peel(&d, &params, &traj, &n, &err), FSIM_OK);
  fsim_prim_box b = traj[n - 1];
  ck_assert_int_eq(fsim_prim_paste(&d, &params, &b, &err), FSIM_OK);
  const double step = 1.0 / (L - 1);
  ck_assert(fabs(b.lo[1] - 0.4) <= step + 1e-12);
  ck_assert(fabs(b.hi[1] - 0.8) <= step + 1e-12);
  ck_assert(fabs(b.hi[3] - 0.6) <= step + 1e-12);
  ck_assert(!fsim_prim_box_restricts(&d, &b, 0));
  ck_assert(!fsim_prim_box_restricts(&d, &b, 2));
  ck_assert(!fsim_prim_box_restricts(&d, &b, 4));
  free(traj);
}
END_TEST

/* A restriction of a parameter the condition does not depend on is not significant. */
START_TEST(test_prim_qp_of_noise) {
  static grid g;
  grid_fill(&g, 0);
  fsim_prim_box full, b;
  fsim_prim_box_full(&g.d, &full);
  b = full;
  b.lo[0] = 0.6;
  b.hi[1] = 0.3;
  b.hi[2] = 1; /* drop the third parameter's value 2: irrelevant */
  const double qp = fsim_prim_qp(&g.d, &b, 2);
  ck_assert_msg(qp > 0.5, "qp of an irrelevant restriction: %g", qp);
}
END_TEST

START_TEST(test_prim_categorical) {
  static grid g;
  grid_fill(&g, 1);
  /* The condition: level 1 of the categorical parameter and x0 > 0.5. */
  for (long i = 0; i < g.d.n; i++) g.y[i] = g.x[i * 3 + 2] == 1 && g.x[i * 3] > 0.5;
  fsim_prim_box *traj = NULL;
  int n = 0;
  fsim_error err;
  ck_assert_int_eq(fsim_prim_peel(&g.d, &params, &traj, &n, &err), FSIM_OK);
  fsim_prim_box b = traj[n - 1];
  ck_assert_int_eq(fsim_prim_paste(&g.d, &params, &b, &err), FSIM_OK);
  fsim_prim_stats s;
  fsim_prim_box_stats(&g.d, &b, 1, &s);
  ck_assert_uint_eq(b.cats[2], 2); /* level 1 only */
  ck_assert_double_eq_tol(s.density, 1.0, 1e-12);
  ck_assert_double_eq_tol(s.coverage, 1.0, 1e-12);
  ck_assert(!fsim_prim_box_restricts(&g.d, &b, 1));
  free(traj);
}
END_TEST

START_TEST(test_where_parse) {
  fsim_discover_where w;
  fsim_error err;
  ck_assert_int_eq(fsim_discover_where_parse("pokrovsk.route_cut < 0.4", &w, &err), FSIM_OK);
  ck_assert_str_eq(w.metric, "pokrovsk.route_cut");
  ck_assert_int_eq(w.op, FSIM_OP_LT);
  ck_assert_double_eq(w.threshold, 0.4);
  ck_assert_int_eq(fsim_discover_where_parse("red.losses>=-5e3", &w, &err), FSIM_OK);
  ck_assert_int_eq(w.op, FSIM_OP_GE);
  ck_assert_double_eq(w.threshold, -5000);
  ck_assert(fsim_discover_holds(&w, -5000) && !fsim_discover_holds(&w, -5001));
  ck_assert(!fsim_discover_holds(&w, NAN));
  ck_assert_int_eq(fsim_discover_where_parse("red.losses = 3", &w, &err), FSIM_E_INPUT);
  ck_assert_int_eq(fsim_discover_where_parse("< 3", &w, &err), FSIM_E_INPUT);
  ck_assert_int_eq(fsim_discover_where_parse("x < 3 km", &w, &err), FSIM_E_INPUT);
}
END_TEST

/* On a real sweep: the box of a condition that is a threshold on one parameter, and a
 * misspelt metric refused with a hint. */
START_TEST(test_discover_sweep) {
  char dir[] = "/tmp/fsim-disc-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char sweep_dir[256], out[256], path[300];
  snprintf(sweep_dir, sizeof sweep_dir, "%s/sweep", dir);
  snprintf(out, sizeof out, "%s/disc", dir);
  fsim_overrides *ov = fsim_overrides_new();
  fsim_error err;
  ck_assert_int_eq(fsim_overrides_add_param(ov, "sides.red.rules.[0].delay=1:21:11", &err),
                   FSIM_OK);
  ck_assert_int_eq(fsim_overrides_add_param(ov, "sides.red.rules.[0].threshold=2:4:5", &err),
                   FSIM_OK);
  fsim_sweep *sw = NULL;
  ck_assert_int_eq(fsim_sweep_prepare(FSIM_SOURCE_DIR "/scenarios/kursk-pokrovsk.cfg", ov, &sw,
                                      &err), FSIM_OK);
  fsim_sweep_options so;
  fsim_sweep_options_init(&so);
  so.replications = 10;
  ck_assert_int_eq(fsim_sweep_run(sw, &so, sweep_dir, &err), FSIM_OK);
  fsim_discover_options *o = fsim_discover_options_new();
  /* The condition on a parameter itself: the box must be exactly its half-space. */
  ck_assert_int_eq(fsim_discover_options_set(o, "where", "sides.red.rules.[0].delay >= 11",
                                             &err), FSIM_OK);
  ck_assert_int_eq(fsim_discover_options_set(o, "holdout", "0", &err), FSIM_OK);
  ck_assert_int_eq(fsim_discover(sweep_dir, o, out, "test", &err), FSIM_OK);
  snprintf(path, sizeof path, "%s/box.csv", out);
  FILE *fp = fopen(path, "r");
  ck_assert_ptr_nonnull(fp);
  char line[512];
  int found = 0;
  while (fgets(line, sizeof line, fp))
    if (strncmp(line, "sides.red.rules.[0].delay,numeric,1,11,21,", 41) == 0) found = 1;
    else if (strncmp(line, "sides.red.rules.[0].threshold,numeric,0,", 40) == 0) found += 2;
  fclose(fp);
  ck_assert_int_eq(found, 3);
  ck_assert_int_eq(fsim_discover_options_set(o, "where", "pokrovsk.route_cutt < 0.5", &err),
                   FSIM_OK);
  ck_assert_int_eq(fsim_discover(sweep_dir, o, out, "test", &err), FSIM_E_INPUT);
  ck_assert_ptr_nonnull(strstr(err.message, "did you mean \"pokrovsk.route_cut\""));
  fsim_discover_options_free(o);
  fsim_sweep_free(sw);
  fsim_overrides_free(ov);
  ck_assert_int_eq(fsim_remove_tree(dir), 0);
}
END_TEST

Suite *discover_suite(void) {
  Suite *s = suite_create("discover");
  TCase *tc = tcase_create("fsim_prim_peel");
  tcase_add_test(tc, test_prim_known_box);
  tcase_add_test(tc, test_prim_categorical);
  tcase_add_test(tc, test_prim_planted_box_5d);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_prim_qp");
  tcase_add_test(tc, test_prim_qp_of_noise);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_discover_where_parse");
  tcase_add_test(tc, test_where_parse);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_discover");
  tcase_add_test(tc, test_discover_sweep);
  tcase_set_timeout(tc, 120);
  suite_add_tcase(s, tc);
  return s;
}
