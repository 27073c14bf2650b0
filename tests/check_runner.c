/* Replications: reproducibility, independence from threads, conservation of
 * personnel, early stop. */
#include <check.h>
#include <math.h>
#include <stdio.h>

#include "suites.h"
#include "testutil.h"

/* Two sectors, late arrivals, replacements, all three kinds of rule, claims noise. */
static const char busy[] =
    "run = { days = 40; seed = 99; };\n"
    "sectors = (\n"
    "  { name = \"k\"; width_km = 40; attacker = \"blue\"; engagement_rate = 30; counter_share = 0.4;\n"
    "    step_km = 0.1; attrition = { blue = 0.002; red = 0.0015; };\n"
    "    held_area = { holder = \"blue\"; initial_km2 = 800; max_km2 = 1300; }; },\n"
    "  { name = \"p\"; width_km = 30; attacker = \"red\"; engagement_rate = 50; fortification = 1.3;\n"
    "    step_km = 0.05; attrition = { blue = 0.002; red = 0.002; };\n"
    "    supply = { side = \"blue\"; distance_km = 1.6; }; } );\n"
    "formations = (\n"
    "  { name = \"uk\"; side = \"blue\"; personnel = 20000; location = \"k\"; },\n"
    "  { name = \"up\"; side = \"blue\"; personnel = 30000; location = \"p\"; },\n"
    "  { name = \"rk\"; side = \"red\"; personnel = 40000; location = \"k\"; },\n"
    "  { name = \"nk\"; side = \"red\"; personnel = 11000; quality = 0.6; location = \"k\"; arrival_day = 3; },\n"
    "  { name = \"rp\"; side = \"red\"; personnel = 60000; location = \"p\"; } );\n"
    "sides = {\n"
    "  blue = { name = \"B\"; reserve = 5000; replacements_per_day = 212.5; claim_bias = 1.5; claim_sigma = 0.2;\n"
    "    rules = ( { type = \"replacements\"; to = \"p\"; share = 0.5; delay = 2; } ); };\n"
    "  red = { name = \"R\"; reserve = 10000; replacements_per_day = 600; claim_bias = 2.5; claim_sigma = 0.3;\n"
    "    rules = ( { type = \"reinforce\"; sector = \"k\"; threshold = 3.0; daily_cap = 1500;\n"
    "                donors = [\"p\", \"reserve\"]; donor_floor = 1.5; delay = 3; },\n"
    "              { type = \"transfer\"; day = 5; from = \"reserve\"; to = \"k\"; fraction = 0.2; } ); };\n"
    "};\n"
    "events = ( { name = \"ev\"; day = 16; } );\n";

static void assert_same(const fsim_results *a, const fsim_results *b) {
  long n = fsim_results_replications(a);
  ck_assert_int_eq(n, fsim_results_replications(b));
  for (long r = 0; r < n; r++) {
    ck_assert_uint_eq(fsim_results_rep_seed(a, r), fsim_results_rep_seed(b, r));
    for (int m = 0; m < fsim_results_nmetrics(a); m++) {
      double x = fsim_results_value(a, r, m), y = fsim_results_value(b, r, m);
      ck_assert_msg((isnan(x) && isnan(y)) || x == y, "metric %s rep %ld: %.17g vs %.17g",
                    fsim_results_metric_name(a, m), r, x, y);
    }
    for (int v = 0; v < fsim_results_nseries(a); v++)
      for (int d = 0; d <= 40; d++)
        ck_assert(fsim_results_series_value(a, v, d, r) == fsim_results_series_value(b, v, d, r));
  }
}

START_TEST(test_threads_do_not_matter) {
  fsim_scenario *sc = tu_load(busy);
  fsim_results *one = tu_run(sc, 64, 1);
  fsim_results *two = tu_run(sc, 64, 2);
  fsim_results *again = tu_run(sc, 64, 2);
  assert_same(one, two);
  assert_same(two, again);
  fsim_results_free(again);
  fsim_results_free(two);
  fsim_results_free(one);
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_seed_matters) {
  fsim_scenario *sc = tu_load(busy);
  fsim_run_options opt;
  fsim_run_options_init(&opt);
  opt.replications = 8;
  opt.has_seed = 1;
  opt.seed = 100;
  fsim_results *a = NULL, *b = tu_run(sc, 8, 1);
  fsim_error err;
  ck_assert_int_eq(fsim_run(sc, &opt, &a, &err), FSIM_OK);
  int m = fsim_results_metric_index(a, "blue.losses");
  int differ = 0;
  for (long r = 0; r < 8; r++) differ += fsim_results_value(a, r, m) != fsim_results_value(b, r, m);
  ck_assert_int_ge(differ, 7);
  fsim_results_free(a);
  fsim_results_free(b);
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_conservation) {
  /* In every replication: personnel at the end = initial + arrivals + replacements -
   * losses (whole persons; replacements by a running total: floor(rate * days)). */
  fsim_scenario *sc = tu_load(busy);
  fsim_results *res = tu_run(sc, 100, 2);
  const double start[2] = {20000 + 30000 + 5000, 40000 + 11000 + 60000 + 10000};
  const double repl[2] = {floor(212.5 * 40), 600 * 40};
  const char *end[2] = {"blue.personnel_end", "red.personnel_end"};
  const char *lost[2] = {"blue.losses", "red.losses"};
  for (int i = 0; i < 2; i++) {
    int me = fsim_results_metric_index(res, end[i]), ml = fsim_results_metric_index(res, lost[i]);
    for (long r = 0; r < 100; r++) {
      double e = fsim_results_value(res, r, me), l = fsim_results_value(res, r, ml);
      ck_assert_double_eq_tol(e + l, start[i] + repl[i], 1e-6);
      ck_assert_double_eq(e, round(e)); /* whole persons */
    }
  }
  /* Formation losses add up to the side's. */
  double sum = 0;
  const char *blue_f[] = {"formation.uk.losses", "formation.up.losses", "formation.blue-reserve.losses"};
  for (int k = 0; k < 3; k++) sum += tu_metric_mean(res, blue_f[k]);
  ck_assert_double_eq_tol(sum, tu_metric_mean(res, "blue.losses"), 1e-6);
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_early_stop) {
  /* Blue (100) faces red (10000) with deadly fire: it is gone within days; the
   * replication stops and the remaining days carry the final state. */
  fsim_scenario *sc = tu_load(
      "run = { days = 30; seed = 3; };\n"
      "sectors = ( { name = \"s\"; width_km = 10; attacker = \"red\"; engagement_rate = 10;\n"
      "  attrition = { blue = 0.0; red = 0.01; }; } );\n"
      "formations = ( { name = \"b\"; side = \"blue\"; personnel = 100; location = \"s\"; },\n"
      "  { name = \"r\"; side = \"red\"; personnel = 10000; location = \"s\"; } );\n"
      "sides = { blue = { name = \"B\"; }; red = { name = \"R\"; }; };\n");
  fsim_results *res = tu_run(sc, 20, 1);
  int days = fsim_results_metric_index(res, "days_run");
  int v = fsim_results_series_index(res, "s.red_personnel");
  for (long r = 0; r < 20; r++) {
    int stop = (int)fsim_results_value(res, r, days);
    ck_assert_int_lt(stop, 30);
    for (int d = stop; d <= 30; d++)
      ck_assert(fsim_results_series_value(res, v, d, r) == fsim_results_series_value(res, v, stop, r));
  }
  ck_assert_double_eq(tu_series_mean(res, "s.blue_personnel", 30), 0);
  ck_assert_double_eq(tu_series_mean(res, "s.engagements", 30), 0);
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

Suite *runner_suite(void) {
  Suite *s = suite_create("runner");
  TCase *tc = tcase_create("fsim_run");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_threads_do_not_matter);
  tcase_add_test(tc, test_seed_matters);
  tcase_add_test(tc, test_conservation);
  tcase_add_test(tc, test_early_stop);
  suite_add_tcase(s, tc);
  return s;
}
