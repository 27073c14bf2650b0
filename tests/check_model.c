/* The day step (docs/MODEL.md 1-7, 9), each mechanism in isolation. Statistical
 * checks use fixed seeds and a tolerance of 4 standard errors of the estimate
 * (a correct model fails with probability below 1e-4). */
#include <check.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "suites.h"
#include "testutil.h"

/* One sector "s"; the caller fills in the blanks. */
static fsim_scenario *one_sector(const char *run, const char *sector, double blue, double red,
                                 const char *extra) {
  char text[4096];
  snprintf(text, sizeof text,
           "run = { %s };\n"
           "sectors = ( { name = \"s\"; %s } );\n"
           "formations = ( { name = \"b\"; side = \"blue\"; personnel = %.0f; location = \"s\"; },\n"
           "               { name = \"r\"; side = \"red\"; personnel = %.0f; location = \"s\"; } %s );\n"
           "sides = { blue = { name = \"B\"; }; red = { name = \"R\"; }; };\n",
           run, sector, blue, red, extra ? extra : "");
  return tu_load(text);
}

START_TEST(test_engagements) {
  /* E ~ Poisson(20); blue's share Binomial(E, 0.25). */
  fsim_scenario *sc = one_sector("days = 50; seed = 11;",
                                 "width_km = 10; attacker = \"red\"; engagement_rate = 20;"
                                 "counter_share = 0.25; attrition = { blue = 0.0; red = 0.0; };",
                                 1000, 1000, NULL);
  fsim_results *res = tu_run(sc, 200, 1);
  const double n = 200.0 * 50.0;
  double e = tu_series_grand_mean(res, "s.engagements", 50);
  ck_assert_double_eq_tol(e, 20.0, 4 * sqrt(20.0 / n));
  double eb = tu_series_grand_mean(res, "s.blue_attacks", 50);
  fprintf(stderr, "engagements: mean %.4f (expected 20), blue attacks %.4f (expected 5)\n", e, eb);
  ck_assert_double_eq_tol(eb, 5.0, 4 * sqrt(5.0 / n)); /* thinned Poisson: variance 5 */
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

/* Randomised probability integral transform of a count x with cdf F and pmf f:
 * F(x - 1) + V f(x), V uniform, is uniform on (0, 1) exactly when x has that law. */
static double pit(double below, double at, gsl_rng *v) { return below + gsl_rng_uniform(v) * at; }

static double pit_poisson(double x, double mu, gsl_rng *v) {
  unsigned int k = (unsigned int)x;
  if (mu == 0) return pit(0.0, k == 0 ? 1.0 : 0.0, v); /* no engagement: no loss */
  return pit(k ? gsl_cdf_poisson_P(k - 1, mu) : 0.0, gsl_ran_poisson_pdf(k, mu), v);
}

static double pit_binomial(double x, double p, double n, gsl_rng *v) {
  unsigned int k = (unsigned int)x, m = (unsigned int)n;
  return pit(k ? gsl_cdf_binomial_P(k - 1, p, m) : 0.0, gsl_ran_binomial_pdf(k, p, m), v);
}

/* Chi-square p-value of values in (0, 1) against the uniform law, 20 equal cells. */
static double uniform_pvalue(const double *u, long n) {
  enum { CELLS = 20 };
  long count[CELLS] = {0};
  for (long i = 0; i < n; i++) count[u[i] >= 1 ? CELLS - 1 : u[i] > 0 ? (int)(u[i] * CELLS) : 0]++;
  double stat = 0, e = (double)n / CELLS;
  for (int c = 0; c < CELLS; c++) stat += ((double)count[c] - e) * ((double)count[c] - e) / e;
  return gsl_cdf_chisq_Q(stat, CELLS - 1);
}

/* Chi-square p-value of pairs (a[i], b[i]) in (0, 1)^2 against independent uniforms,
 * 4 x 4 equal cells: with each transform uniform, this checks them jointly. */
static double pair_pvalue(const double *a, const double *b, long n) {
  enum { SIDE = 4 };
  long count[SIDE][SIDE] = {{0}};
  for (long i = 0; i < n; i++) {
    const int x = a[i] >= 1 ? SIDE - 1 : a[i] > 0 ? (int)(a[i] * SIDE) : 0;
    const int y = b[i] >= 1 ? SIDE - 1 : b[i] > 0 ? (int)(b[i] * SIDE) : 0;
    count[x][y]++;
  }
  double stat = 0, e = (double)n / (SIDE * SIDE);
  for (int x = 0; x < SIDE; x++)
    for (int y = 0; y < SIDE; y++)
      stat += ((double)count[x][y] - e) * ((double)count[x][y] - e) / e;
  return gsl_cdf_chisq_Q(stat, SIDE * SIDE - 1);
}

START_TEST(test_day_law) {
  /* The whole of a day's draws against the law docs/MODEL.md 2-3, 5 and 7 write down, one
   * conditional at a time (Rosenblatt): E ~ Poisson(8); E_b | E ~ Binomial(E, 0.3);
   * S_A | E_A ~ Binomial(E_A, p_A) with p_blue = 1 / (1 + (3/4)^2) (4000 against
   * 1000) and p_red = 1 / (1 + 12^2); blue's loss L | E ~ Poisson(0.02 * 1000 * E / 8);
   * its formations' shares (3:1) l_b | L ~ Binomial(L, 3/4). Each transform must be
   * uniform and, by the Rosenblatt transform, all six independent of each other (every
   * pair is checked). The engine draws these as independent Poisson counts (MODEL.md 2,
   * 7): this checks that they have the law of the hierarchy. */
  fsim_scenario *sc = one_sector(
      "days = 1; seed = 16;",
      "width_km = 10; attacker = \"red\"; engagement_rate = 8; counter_share = 0.3;"
      "attrition = { blue = 0.0; red = 0.02; };",
      3000, 1000, ", { name = \"b2\"; side = \"blue\"; personnel = 1000; location = \"s\"; }");
  enum { N = 20000, PARTS = 6 };
  fsim_results *res = tu_run(sc, N, 1);
  const double p_blue = 1.0 / (1.0 + 0.75 * 0.75), p_red = 1.0 / (1.0 + 144.0);
  const char *what[PARTS] = {"E", "E_b | E", "S_b | E_b", "S_r | E_r", "L | E", "l_b | L"};
  double *u = malloc(sizeof(double) * N * PARTS);
  gsl_rng *v = gsl_rng_alloc(gsl_rng_taus2);
  gsl_rng_set(v, 17);
  const int e_ = fsim_results_series_index(res, "s.engagements");
  const int eb_ = fsim_results_series_index(res, "s.blue_attacks");
  const int er_ = fsim_results_series_index(res, "s.red_attacks");
  const int sb_ = fsim_results_series_index(res, "s.blue_successes");
  const int sr_ = fsim_results_series_index(res, "s.red_successes");
  const int l1_ = fsim_results_metric_index(res, "formation.b.losses");
  const int l2_ = fsim_results_metric_index(res, "formation.b2.losses");
  ck_assert(e_ >= 0 && eb_ >= 0 && er_ >= 0 && sb_ >= 0 && sr_ >= 0 && l1_ >= 0 && l2_ >= 0);
  for (long r = 0; r < N; r++) {
    const double E = fsim_results_series_value(res, e_, 1, r);
    const double Eb = fsim_results_series_value(res, eb_, 1, r);
    const double Er = fsim_results_series_value(res, er_, 1, r);
    const double l1 = fsim_results_value(res, r, l1_), l2 = fsim_results_value(res, r, l2_);
    ck_assert_double_eq(Eb + Er, E);
    u[0 * N + r] = pit_poisson(E, 8.0, v);
    u[1 * N + r] = pit_binomial(Eb, 0.3, E, v);
    u[2 * N + r] = pit_binomial(fsim_results_series_value(res, sb_, 1, r), p_blue, Eb, v);
    u[3 * N + r] = pit_binomial(fsim_results_series_value(res, sr_, 1, r), p_red, Er, v);
    u[4 * N + r] = pit_poisson(l1 + l2, 0.02 * 1000.0 * E / 8.0, v);
    u[5 * N + r] = pit_binomial(l1, 0.75, l1 + l2, v);
  }
  for (int k = 0; k < PARTS; k++) {
    const double pv = uniform_pvalue(u + (size_t)k * N, N);
    fprintf(stderr, "day law, %s: chi-square p = %.3f\n", what[k], pv);
    ck_assert_msg(pv > 1e-4, "day law, %s: chi-square p = %g", what[k], pv);
  }
  double lowest = 1.0;
  for (int a = 0; a < PARTS; a++)
    for (int b = a + 1; b < PARTS; b++) {
      const double pv = pair_pvalue(u + (size_t)a * N, u + (size_t)b * N, N);
      ck_assert_msg(pv > 1e-4, "day law, (%s, %s) not independent: chi-square p = %g", what[a],
                    what[b], pv);
      lowest = fmin(lowest, pv);
    }
  fprintf(stderr, "day law, the 15 pairs: lowest chi-square p = %.3f\n", lowest);
  gsl_rng_free(v);
  free(u);
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

static double success_share(const fsim_results *res, const char *side, int days) {
  char a[64], s[64];
  snprintf(a, sizeof a, "s.%s_attacks", side);
  snprintf(s, sizeof s, "s.%s_successes", side);
  return tu_series_grand_mean(res, s, days) / tu_series_grand_mean(res, a, days);
}

START_TEST(test_attack_success_curve) {
  /* Blue attacks a defender protected by m = terrain * fortification = 3 at 9:1,
   * so rho = 3 = rho50 and p = 1/2; red's counter-attacks at 1:9 face no
   * protection: p = 1 / (1 + (3 / (1/9))^2) = 1/730. */
  fsim_scenario *sc = one_sector("days = 50; seed = 12;",
                                 "width_km = 10; attacker = \"blue\"; engagement_rate = 20;"
                                 "terrain = 2.0; fortification = 1.5; counter_share = 0.5;"
                                 "attrition = { blue = 0.0; red = 0.0; };",
                                 900, 100, NULL);
  fsim_results *res = tu_run(sc, 200, 1);
  double attacks = 200.0 * 50.0 * 10.0;
  fprintf(stderr, "attack curve: blue %.4f (expected 0.5), red %.5f (expected %.5f)\n",
          success_share(res, "blue", 50), success_share(res, "red", 50), 1.0 / 730.0);
  ck_assert_double_eq_tol(success_share(res, "blue", 50), 0.5, 4 * sqrt(0.25 / attacks));
  double p_red = 1.0 / 730.0;
  ck_assert_double_eq_tol(success_share(res, "red", 50), p_red,
                          4 * sqrt(p_red * (1 - p_red) / attacks));
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_losses_mean) {
  /* Day 1: mu_red = alpha_blue * P_blue / m (red defends, m = 2) = 0.001*10000/2 = 5,
   * mu_blue = alpha_red * P_red = 0.002 * 10000 = 20. Loss ~ Poisson(mu * E / lambda):
   * variance mu + mu^2 / lambda. */
  fsim_scenario *sc = one_sector("days = 1; seed = 13;",
                                 "width_km = 10; attacker = \"blue\"; engagement_rate = 20;"
                                 "fortification = 2.0; attrition = { blue = 0.001; red = 0.002; };",
                                 10000, 10000, NULL);
  const long n = 4000;
  fsim_results *res = tu_run(sc, n, 1);
  fprintf(stderr, "losses day 1: red %.4f (expected 5), blue %.4f (expected 20)\n",
          tu_series_mean(res, "s.red_losses", 1), tu_series_mean(res, "s.blue_losses", 1));
  ck_assert_double_eq_tol(tu_series_mean(res, "s.red_losses", 1), 5.0,
                          4 * sqrt((5.0 + 25.0 / 20) / (double)n));
  ck_assert_double_eq_tol(tu_series_mean(res, "s.blue_losses", 1), 20.0,
                          4 * sqrt((20.0 + 400.0 / 20) / (double)n));
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

/* Expected mode, square law, no ground, no supply: the discrete recursion
 * N_i(t) = max(0, N_i(t-1) - alpha_j N_j(t-1)) (docs/MODEL.md 5, 10). */
START_TEST(test_expected_square_law) {
  fsim_scenario *sc = one_sector("days = 60; mode = \"expected\";",
                                 "width_km = 10; attacker = \"red\"; engagement_rate = 7;"
                                 "attrition = { blue = 0.01; red = 0.02; };",
                                 1000, 800, NULL);
  fsim_results *res = tu_run(sc, 1, 1);
  double B = 1000, R = 800;
  for (int t = 1; t <= 60; t++) {
    double nb = fmax(0, B - 0.02 * R), nr = fmax(0, R - 0.01 * B);
    B = nb, R = nr;
    ck_assert_double_eq_tol(tu_series_mean(res, "s.blue_personnel", t), B, 1e-3 + 1e-6 * B);
    ck_assert_double_eq_tol(tu_series_mean(res, "s.red_personnel", t), R, 1e-3 + 1e-6 * R);
  }
  ck_assert_double_eq_tol(tu_metric_mean(res, "blue.losses"), 1000 - B, 1e-9);
  ck_assert_double_eq_tol(tu_metric_mean(res, "red.losses"), 800 - R, 1e-9);
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_expected_linear_law) {
  fsim_scenario *sc = tu_load(
      "run = { days = 40; mode = \"expected\"; };\n"
      "model = { attrition = { law = \"linear\"; }; };\n"
      "sectors = ( { name = \"s\"; width_km = 10; attacker = \"red\"; engagement_rate = 3;\n"
      "              attrition = { blue = 0.00002; red = 0.00003; }; } );\n"
      "formations = ( { name = \"b\"; side = \"blue\"; personnel = 1000; location = \"s\"; },\n"
      "               { name = \"r\"; side = \"red\"; personnel = 1500; location = \"s\"; } );\n"
      "sides = { blue = { name = \"B\"; }; red = { name = \"R\"; }; };\n");
  fsim_results *res = tu_run(sc, 1, 1);
  double B = 1000, R = 1500;
  for (int t = 1; t <= 40; t++) {
    double nb = fmax(0, B - 0.00003 * R * B), nr = fmax(0, R - 0.00002 * B * R);
    B = nb, R = nr;
  }
  ck_assert_double_eq_tol(tu_metric_mean(res, "blue.personnel_end"), B, 1e-9);
  ck_assert_double_eq_tol(tu_metric_mean(res, "red.personnel_end"), R, 1e-9);
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_supply_stock) {
  /* Throughput phi = 0.3 + 0.7 * 5/10 = 0.65; c * phi = 0.52 a day against a need
   * of 1: the stock falls 2, 1.52, 1.04, 0.56, 0.08, 0; effectiveness (next
   * morning) = min(1, stock + 0.52). */
  fsim_scenario *sc = one_sector(
      "days = 8; mode = \"expected\";",
      "width_km = 10; attacker = \"red\"; engagement_rate = 5; attrition = { blue = 0.0; red = 0.0; };"
      "supply = { side = \"blue\"; distance_km = 5; range_km = 10; alternative = 0.3;"
      "           capacity = 0.8; stock_days = 2; stock_max_days = 4; };",
      1000, 1000, NULL);
  fsim_results *res = tu_run(sc, 1, 1);
  const double stock[] = {2, 1.52, 1.04, 0.56, 0.08, 0, 0, 0, 0};
  for (int t = 0; t <= 8; t++) {
    ck_assert_double_eq_tol(tu_series_mean(res, "s.stock_days", t), stock[t], 1e-6);
    ck_assert_double_eq_tol(tu_series_mean(res, "s.supply_eff", t), fmin(1, stock[t] + 0.52),
                            1e-6);
  }
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_ground_and_cut) {
  /* Red attacks at 3:1 (p = 1/2), 10 attacks a day, 0.1 km each: the line moves
   * 0.5 km a day towards blue; the route 1.6 km away is cut on day 4, and the held
   * area (blue's) shrinks by width * 0.5 = 5 km2 a day. */
  fsim_scenario *sc = one_sector(
      "days = 10; mode = \"expected\";",
      "width_km = 10; attacker = \"red\"; engagement_rate = 10; step_km = 0.1;"
      "attrition = { blue = 0.0; red = 0.0; };"
      "held_area = { holder = \"blue\"; initial_km2 = 30; max_km2 = 100; };"
      "supply = { side = \"blue\"; distance_km = 1.6; };",
      1000, 3000, NULL);
  fsim_results *res = tu_run(sc, 1, 1);
  ck_assert_double_eq_tol(tu_series_mean(res, "s.front_km", 3), -1.5, 1e-6);
  ck_assert_double_eq(tu_metric_mean(res, "s.cut_day"), 4.0);
  ck_assert_double_eq(tu_series_mean(res, "s.route_cut", 3), 0.0);
  ck_assert_double_eq(tu_series_mean(res, "s.route_cut", 4), 1.0);
  ck_assert_double_eq_tol(tu_series_mean(res, "s.held_area_km2", 2), 20.0, 1e-5);
  ck_assert_double_eq(tu_series_mean(res, "s.held_area_km2", 8), 0.0); /* clamped */
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

/* The law of formation b's loss l_b given the day's loss L of a side whose two
 * formations there hold w1 (b) and w2 persons (MODEL.md 7): D ~ Binomial(L, w1 / (w1 +
 * w2)), and a formation drawn for more than it has loses all it has, the excess going to
 * the other: l_b = clamp(D, L - w2, w1). Returns the randomised transform of l_b. */
static double pit_split(double lb, double L, double w1, double w2, gsl_rng *v) {
  const unsigned int n = (unsigned int)L, x = (unsigned int)lb;
  const unsigned int lo = L > w2 ? (unsigned int)(L - w2) : 0, hi = L < w1 ? n : (unsigned int)w1;
  const double p = w1 / (w1 + w2);
  ck_assert(x >= lo && x <= hi);
  const double below = x == lo ? 0.0 : gsl_cdf_binomial_P(x - 1, p, n);
  const double upto = x == hi ? 1.0 : gsl_cdf_binomial_P(x, p, n);
  return pit(below, upto - below, v);
}

START_TEST(test_split_capped) {
  /* Blue's two formations hold 20 and 5 persons; its day-1 loss has mean 2.5 E with
   * E ~ Poisson(10), so the cap (25) binds about half the time, and the small formation
   * is often drawn for more than it has. Against MODEL.md 5 and 7: L | E is
   * Poisson(2.5 E) capped at 25 (the capped mass at 25), and l_b | L as in pit_split. */
  fsim_scenario *sc = one_sector(
      "days = 1; seed = 18;",
      "width_km = 10; attacker = \"red\"; engagement_rate = 10;"
      "attrition = { blue = 0.0; red = 0.025; };",
      20, 1000, ", { name = \"b2\"; side = \"blue\"; personnel = 5; location = \"s\"; }");
  enum { N = 20000 };
  fsim_results *res = tu_run(sc, N, 1);
  double *u = malloc(sizeof(double) * N * 2);
  gsl_rng *v = gsl_rng_alloc(gsl_rng_taus2);
  gsl_rng_set(v, 19);
  const int e_ = fsim_results_series_index(res, "s.engagements");
  const int lday_ = fsim_results_series_index(res, "s.blue_losses");
  const int l1_ = fsim_results_metric_index(res, "formation.b.losses");
  const int l2_ = fsim_results_metric_index(res, "formation.b2.losses");
  long capped = 0, small_spilled = 0, large_spilled = 0;
  for (long r = 0; r < N; r++) {
    const double E = fsim_results_series_value(res, e_, 1, r);
    const double l1 = fsim_results_value(res, r, l1_), l2 = fsim_results_value(res, r, l2_);
    const double L = l1 + l2, mu = 2.5 * E;
    ck_assert_double_eq(fsim_results_series_value(res, lday_, 1, r), L);
    ck_assert(L <= 25 && l1 <= 20 && l2 <= 5);
    if (mu == 0) {
      u[r] = pit(0.0, L == 0 ? 1.0 : 0.0, v);
    } else {
      const unsigned int x = (unsigned int)L;
      const double below = x ? gsl_cdf_poisson_P(x - 1, mu) : 0.0;
      u[r] = pit(below, x < 25 ? gsl_ran_poisson_pdf(x, mu) : 1.0 - below, v);
    }
    u[N + r] = pit_split(l1, L, 20, 5, v);
    capped += L == 25;
    small_spilled += L < 25 && l2 == 5;
    large_spilled += L < 25 && l1 == 20;
  }
  const double p_total = uniform_pvalue(u, N), p_split = uniform_pvalue(u + N, N);
  const double p_pair = pair_pvalue(u, u + N, N);
  fprintf(stderr,
          "capped split: %ld capped, %ld with b2 emptied, %ld with b emptied (of %d); "
          "chi-square p: L %.3f, l_b %.3f, pair %.3f\n",
          capped, small_spilled, large_spilled, N, p_total, p_split, p_pair);
  /* The cases under test do occur, often. */
  ck_assert_int_gt(capped, N / 10);
  ck_assert_int_gt(small_spilled, N / 20);
  ck_assert_int_gt(large_spilled, N / 100);
  ck_assert_msg(p_total > 1e-4, "capped loss: chi-square p = %g", p_total);
  ck_assert_msg(p_split > 1e-4, "split with spill-over: chi-square p = %g", p_split);
  ck_assert_msg(p_pair > 1e-4, "capped loss and split not independent: p = %g", p_pair);
  gsl_rng_free(v);
  free(u);
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

/* Asserts that series a equals series b (0 if b is NULL) on days 1..days of every
 * replication; returns the sum of a. */
static double series_equal(const fsim_results *res, const char *a, const char *b, int days) {
  const int ia = fsim_results_series_index(res, a), ib = b ? fsim_results_series_index(res, b) : -1;
  ck_assert(ia >= 0 && (!b || ib >= 0));
  double sum = 0;
  for (long r = 0; r < fsim_results_replications(res); r++)
    for (int t = 1; t <= days; t++) {
      const double x = fsim_results_series_value(res, ia, t, r);
      ck_assert_double_eq(x, b ? fsim_results_series_value(res, ib, t, r) : 0.0);
      sum += x;
    }
  return sum;
}

START_TEST(test_day_edges) {
  /* Degenerate draws, exactly: red initiates everything (counter_share 0 where red
   * attacks); red has nobody in the sector, so blue's attacks all succeed (p = 1) and
   * red's, none (no power: p = 0); and a sector without engagements has none, and no
   * losses. */
  fsim_scenario *sc = one_sector(
      "days = 20; seed = 20;",
      "width_km = 10; attacker = \"red\"; engagement_rate = 12; counter_share = 0.0;"
      "attrition = { blue = 0.01; red = 0.01; };",
      1000, 1000, NULL);
  fsim_results *res = tu_run(sc, 200, 1);
  ck_assert_double_eq(series_equal(res, "s.blue_attacks", NULL, 20), 0.0);
  ck_assert_double_gt(series_equal(res, "s.red_attacks", "s.engagements", 20), 0.0);
  fsim_results_free(res);
  fsim_scenario_free(sc);

  sc = one_sector("days = 20; seed = 21;",
                  "width_km = 10; attacker = \"blue\"; engagement_rate = 12; counter_share = 0.4;"
                  "attrition = { blue = 0.01; red = 0.01; };",
                  1000, 0, NULL);
  res = tu_run(sc, 200, 1);
  ck_assert_double_gt(series_equal(res, "s.blue_successes", "s.blue_attacks", 20), 0.0);
  ck_assert_double_eq(series_equal(res, "s.red_successes", NULL, 20), 0.0);
  ck_assert_double_eq(series_equal(res, "s.blue_losses", NULL, 20), 0.0);
  fsim_results_free(res);
  fsim_scenario_free(sc);

  sc = one_sector("days = 20; seed = 22;",
                  "width_km = 10; attacker = \"red\"; engagement_rate = 0;"
                  "attrition = { blue = 0.01; red = 0.01; };",
                  1000, 1000, NULL);
  res = tu_run(sc, 50, 1);
  ck_assert_double_eq(tu_series_grand_mean(res, "s.engagements", 20), 0.0);
  ck_assert_double_eq(tu_series_grand_mean(res, "s.blue_losses", 20), 0.0);
  ck_assert_double_eq(tu_series_grand_mean(res, "s.red_losses", 20), 0.0);
  fsim_results_free(res);
  fsim_scenario_free(sc);

  /* Powers far below 1 on both sides (quality 1e-170): the force ratio is still 1, so
     p = 1 / (1 + 9) and the day has its engagements (squared, such powers underflow). */
  const char *tiny =
      ", { name = \"b3\"; side = \"blue\"; personnel = 1000; location = \"s\"; quality = 1e-170; }"
      ", { name = \"r3\"; side = \"red\"; personnel = 1000; location = \"s\"; quality = 1e-170; }";
  sc = one_sector("days = 1; mode = \"expected\";",
                  "width_km = 10; attacker = \"red\"; engagement_rate = 20; counter_share = 0.5;"
                  "attrition = { blue = 0.0; red = 0.0; };",
                  0, 0, tiny);
  res = tu_run(sc, 1, 1);
  ck_assert_double_eq_tol(tu_series_mean(res, "s.red_successes", 1), 10.0 / 10.0, 1e-12);
  ck_assert_double_eq_tol(tu_series_mean(res, "s.blue_successes", 1), 10.0 / 10.0, 1e-12);
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_loss_split) {
  /* Blue's losses fall on its two formations in proportion 3:1. */
  fsim_scenario *sc = one_sector(
      "days = 30; seed = 14;",
      "width_km = 10; attacker = \"red\"; engagement_rate = 10; attrition = { blue = 0.0; red = 0.001; };",
      30000, 10000, ", { name = \"b2\"; side = \"blue\"; personnel = 10000; location = \"s\"; }");
  fsim_results *res = tu_run(sc, 300, 1);
  double l1 = tu_metric_mean(res, "formation.b.losses");
  double l2 = tu_metric_mean(res, "formation.b2.losses");
  double total = (l1 + l2) * 300;
  fprintf(stderr, "loss split: share %.5f (expected 0.75)\n", l1 / (l1 + l2));
  ck_assert_double_eq_tol(l1 / (l1 + l2), 0.75, 4 * sqrt(0.75 * 0.25 / total));
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_claims_expected) {
  /* Expected mode: claims = truth * bias * E[LogNormal(0, sigma)] = truth * 2 * e^{0.08}. */
  char text[2048];
  snprintf(text, sizeof text,
           "run = { days = 5; mode = \"expected\"; };\n"
           "sectors = ( { name = \"s\"; width_km = 10; attacker = \"red\"; engagement_rate = 5;\n"
           "  attrition = { blue = 0.001; red = 0.001; }; } );\n"
           "formations = ( { name = \"b\"; side = \"blue\"; personnel = 1000; location = \"s\"; },\n"
           "  { name = \"r\"; side = \"red\"; personnel = 1000; location = \"s\"; } );\n"
           "sides = { blue = { name = \"B\"; }; red = { name = \"R\"; claim_bias = 2.0;\n"
           "  claim_sigma = 0.4; }; };\n");
  fsim_scenario *sc = tu_load(text);
  fsim_results *res = tu_run(sc, 1, 1);
  ck_assert_double_eq_tol(tu_metric_mean(res, "blue.claimed_losses"),
                          tu_metric_mean(res, "blue.losses") * 2.0 * exp(0.08), 1e-9);
  ck_assert_double_eq_tol(tu_metric_mean(res, "red.claimed_losses"),
                          tu_metric_mean(res, "red.losses"), 1e-9);
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

/* Arrivals into a sector where their side had nobody that morning take fire on their
 * first day (MODEL.md 5, 8.5, 10). `late` lists the late formations of one sector "s"
 * (attrition blue 0.05, red 0.08, or as given), `run` the run settings. */
static fsim_scenario *landing(const char *run, const char *attrition, const char *late) {
  char text[4096];
  snprintf(text, sizeof text,
           "run = { %s };\n"
           "sectors = ( { name = \"s\"; width_km = 10; attacker = \"red\"; engagement_rate = 8;\n"
           "  attrition = { %s }; } );\n"
           "formations = ( %s );\n"
           "sides = { blue = { name = \"B\"; }; red = { name = \"R\"; }; };\n",
           run, attrition, late);
  return tu_load(text);
}

START_TEST(test_arrival_first_day) {
  /* The case: blue lands 1,000 on day 1 against red's 1,000: 1,000 - 0.1 * 1,000
     = 900 that evening, red untouched (blue had no power that morning); day 2: blue 800,
     red 1,000 - 0.1 * 900 = 910. */
  fsim_scenario *sc = landing("days = 2; mode = \"expected\";", "blue = 0.1; red = 0.1;",
                              "{ name = \"b\"; side = \"blue\"; personnel = 1000;"
                              "  location = \"s\"; arrival_day = 1; },"
                              "{ name = \"r\"; side = \"red\"; personnel = 1000; location = \"s\"; }");
  fsim_results *res = tu_run(sc, 1, 1);
  ck_assert_double_eq(tu_series_mean(res, "s.blue_personnel", 1), 900.0);
  ck_assert_double_eq(tu_series_mean(res, "s.blue_losses", 1), 100.0);
  ck_assert_double_eq(tu_series_mean(res, "s.red_personnel", 1), 1000.0);
  ck_assert_double_eq(tu_series_mean(res, "s.blue_personnel", 2), 800.0);
  ck_assert_double_eq(tu_series_mean(res, "s.red_personnel", 2), 910.0);
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_arrival_recursion) {
  /* A schedule of arrivals into an empty sector: red lands 1,000 on day 1, blue 800 on
     day 2, is wiped out, lands 600 on day 14 and 500 on day 26 (again into nobody), red
     300 on day 18. Expected mode must follow N_i(t) = max(0, N_i(t-1) + arrivals_i(t) -
     alpha_j N_j(t-1)) (MODEL.md 10) to 1e-9 relative: each day's losses so far are read
     from an event's metrics (doubles) and the personnel at the end. */
  char text[8192], *at = text;
  at += sprintf(at, "formations = ("
      "{ name = \"r1\"; side = \"red\"; personnel = 1000; location = \"s\"; arrival_day = 1; },"
      "{ name = \"b1\"; side = \"blue\"; personnel = 800; location = \"s\"; arrival_day = 2; },"
      "{ name = \"b2\"; side = \"blue\"; personnel = 600; location = \"s\"; arrival_day = 14; },"
      "{ name = \"r2\"; side = \"red\"; personnel = 300; location = \"s\"; arrival_day = 18; },"
      "{ name = \"b3\"; side = \"blue\"; personnel = 500; location = \"s\"; arrival_day = 26; });\n"
      "events = (");
  for (int t = 1; t <= 30; t++) at += sprintf(at, "%s{ name = \"d%d\"; day = %d; }", t > 1 ? "," : "", t, t);
  sprintf(at, ");\nrun = { days = 30; mode = \"expected\"; };\n"
              "sectors = ( { name = \"s\"; width_km = 10; attacker = \"red\"; engagement_rate = 8;\n"
              "  attrition = { blue = 0.05; red = 0.08; }; } );\n"
              "sides = { blue = { name = \"B\"; }; red = { name = \"R\"; }; };\n");
  fsim_scenario *sc = tu_load(text);
  fsim_results *res = tu_run(sc, 1, 1);
  double B = 0, R = 0, inB = 0, inR = 0;
  int empty_landings = 0;
  for (int t = 1; t <= 30; t++) {
    const double aB = t == 2 ? 800 : t == 14 ? 600 : t == 26 ? 500 : 0;
    const double aR = t == 1 ? 1000 : t == 18 ? 300 : 0;
    empty_landings += (aB > 0 && B == 0) + (aR > 0 && R == 0);
    const double nb = fmax(0, B + aB - 0.08 * R), nr = fmax(0, R + aR - 0.05 * B);
    B = nb, R = nr, inB += aB, inR += aR;
    char name[64];
    snprintf(name, sizeof name, "d%d.blue.losses", t);
    const double lb = tu_metric_mean(res, name);
    snprintf(name, sizeof name, "d%d.red.losses", t);
    const double lr = tu_metric_mean(res, name);
    ck_assert_msg(fabs(inB - lb - B) <= 1e-9 * fmax(1, B), "day %d: blue %.12g, recursion %.12g",
                  t, inB - lb, B);
    ck_assert_msg(fabs(inR - lr - R) <= 1e-9 * fmax(1, R), "day %d: red %.12g, recursion %.12g",
                  t, inR - lr, R);
  }
  ck_assert_double_eq_tol(tu_metric_mean(res, "blue.personnel_end"), B, 1e-9 * fmax(1, B));
  ck_assert_double_eq_tol(tu_metric_mean(res, "red.personnel_end"), R, 1e-9 * fmax(1, R));
  ck_assert_int_eq(empty_landings, 4); /* the schedule does land into nobody, 4 times */
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_arrival_law) {
  /* Stochastic: blue lands 1,000 on day 1 against red's 1,000 (alpha_red = 0.02,
     lambda = 8): its loss L | E ~ Poisson(0.02 * 1000 * E / 8) (MODEL.md 5), checked by
     the randomised transform (chi-square, p > 1e-4: a correct engine fails 1 time in
     10^4), red loses nobody. The same transform against a mean 10% off must be rejected,
     so the test can tell. */
  fsim_scenario *sc = landing("days = 1; seed = 31;", "blue = 0.02; red = 0.02;",
                              "{ name = \"b\"; side = \"blue\"; personnel = 1000;"
                              "  location = \"s\"; arrival_day = 1; },"
                              "{ name = \"r\"; side = \"red\"; personnel = 1000; location = \"s\"; }");
  enum { N = 20000 };
  fsim_results *res = tu_run(sc, N, 1);
  const int e_ = fsim_results_series_index(res, "s.engagements");
  const int lb_ = fsim_results_series_index(res, "s.blue_losses");
  const int lr_ = fsim_results_series_index(res, "s.red_losses");
  double *u = malloc(sizeof(double) * N * 2);
  gsl_rng *v = gsl_rng_alloc(gsl_rng_taus2);
  gsl_rng_set(v, 32);
  for (long r = 0; r < N; r++) {
    const double E = fsim_results_series_value(res, e_, 1, r);
    const double L = fsim_results_series_value(res, lb_, 1, r);
    ck_assert_double_eq(fsim_results_series_value(res, lr_, 1, r), 0.0);
    u[r] = pit_poisson(L, 20.0 * E / 8.0, v);
    u[N + r] = pit_poisson(L, 1.1 * 20.0 * E / 8.0, v);
  }
  const double pv = uniform_pvalue(u, N), wrong = uniform_pvalue(u + N, N);
  fprintf(stderr, "arrival day law: chi-square p = %.3f (a mean 10%% off: p = %.2g)\n", pv, wrong);
  ck_assert_msg(pv > 1e-4, "arrival day law: chi-square p = %g", pv);
  ck_assert_msg(wrong < 1e-4, "the arrival test cannot tell a mean 10%% off: p = %g", wrong);
  gsl_rng_free(v);
  free(u);
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_held_area_follows_line) {
  /* MODEL.md 4: A = clamp(A0 + width * x, 0, A_max) for blue's area. A 10 km deep area
     (100 km2, 10 km wide) is pushed to the floor x_min = -20 (red attacks 10 a day at
     rho = rho50 / 3, p = 1/10, 5 km a step: -5 km a day), then blue gains 0.5 km a day
     from day 6: the area stays 0 until the line is back at -10 (day 25), then grows. */
  fsim_scenario *sc = one_sector(
      "days = 30; mode = \"expected\";",
      "width_km = 10; attacker = \"red\"; engagement_rate = 10; counter_share = 0; step_km = 5;"
      "x_min_km = -20; attrition = { blue = 0.0; red = 0.0; };"
      "held_area = { holder = \"blue\"; initial_km2 = 100; max_km2 = 200; };"
      "schedule = ( { day = 6; engagement_rate = 1; counter_share = 1; } );",
      1000, 1000, NULL);
  fsim_results *res = tu_run(sc, 1, 1);
  for (int t = 1; t <= 30; t++) {
    const double x = t <= 4 ? -5.0 * t : -20.0 + 0.5 * (t > 5 ? t - 5 : 0);
    ck_assert_double_eq_tol(tu_series_mean(res, "s.front_km", t), x, 1e-5);
    ck_assert_double_eq_tol(tu_series_mean(res, "s.held_area_km2", t), fmax(0, 100 + 10 * x),
                            1e-4);
  }
  ck_assert_double_eq(tu_series_mean(res, "s.held_area_km2", 24), 0.0); /* x = -10.5 */
  ck_assert_double_eq_tol(tu_metric_mean(res, "s.held_area_km2"), 25.0, 1e-9);
  fsim_results_free(res);
  fsim_scenario_free(sc);
  /* The same at the top: gained past A_max = 120, a small loss leaves it at 120. */
  sc = one_sector("days = 3; mode = \"expected\";",
                  "width_km = 10; attacker = \"blue\"; engagement_rate = 10; counter_share = 0;"
                  "step_km = 5; attrition = { blue = 0.0; red = 0.0; };"
                  "held_area = { holder = \"blue\"; initial_km2 = 100; max_km2 = 120; };"
                  "schedule = ( { day = 2; engagement_rate = 1; counter_share = 1; } );",
                  1000, 1000, NULL);
  res = tu_run(sc, 1, 1);
  ck_assert_double_eq_tol(tu_series_mean(res, "s.front_km", 3), 4.0, 1e-6);
  ck_assert_double_eq(tu_series_mean(res, "s.held_area_km2", 3), 120.0);
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

Suite *model_suite(void) {
  Suite *s = suite_create("model");
  TCase *tc = tcase_create("sector_draws");
  tcase_add_test(tc, test_engagements);
  tcase_add_test(tc, test_day_law);
  tcase_add_test(tc, test_day_edges);
  tcase_add_test(tc, test_attack_success_curve);
  tcase_add_test(tc, test_losses_mean);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_step_day");
  tcase_add_test(tc, test_expected_square_law);
  tcase_add_test(tc, test_expected_linear_law);
  tcase_add_test(tc, test_supply_stock);
  tcase_add_test(tc, test_ground_and_cut);
  tcase_add_test(tc, test_claims_expected);
  tcase_add_test(tc, test_arrival_first_day);
  tcase_add_test(tc, test_arrival_recursion);
  tcase_add_test(tc, test_arrival_law);
  tcase_add_test(tc, test_held_area_follows_line);
  suite_add_tcase(s, tc);
  tc = tcase_create("split_losses");
  tcase_add_test(tc, test_loss_split);
  tcase_add_test(tc, test_split_capped);
  suite_add_tcase(s, tc);
  return s;
}
