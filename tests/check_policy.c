/* Allocation policies (docs/MODEL.md 8), in expected mode so timing and amounts
 * are exact. */
#include <check.h>
#include <stdio.h>

#include "suites.h"
#include "testutil.h"

/* Two sectors a and b with no fighting (alpha 0), plus the given rules. */
static fsim_scenario *two_sectors(double red_a, double red_b, const char *blue_side,
                                  const char *red_rules) {
  char text[4096];
  snprintf(text, sizeof text,
           "run = { days = 20; mode = \"expected\"; };\n"
           "sectors = (\n"
           " { name = \"a\"; width_km = 10; attacker = \"blue\"; engagement_rate = 5;\n"
           "   attrition = { blue = 0.0; red = 0.0; }; },\n"
           " { name = \"b\"; width_km = 10; attacker = \"red\"; engagement_rate = 5;\n"
           "   attrition = { blue = 0.0; red = 0.0; }; } );\n"
           "formations = (\n"
           " { name = \"ba\"; side = \"blue\"; personnel = 1000; location = \"a\"; },\n"
           " { name = \"bb\"; side = \"blue\"; personnel = 1000; location = \"b\"; },\n"
           " { name = \"x\"; side = \"blue\"; personnel = 300; location = \"reserve\"; },\n"
           " { name = \"ra\"; side = \"red\"; personnel = %.0f; location = \"a\"; },\n"
           " { name = \"rb\"; side = \"red\"; personnel = %.0f; location = \"b\"; } );\n"
           "sides = { blue = { name = \"B\"; %s };\n"
           "          red = { name = \"R\"; reserve = 5000; rules = ( %s ); }; };\n",
           red_a, red_b, blue_side, red_rules);
  return tu_load(text);
}

START_TEST(test_transfer_timing) {
  /* 500 leave the reserve on day 5 and arrive in a on day 5 + 3. */
  fsim_scenario *sc = two_sectors(1000, 1000, "",
                                  "{ type = \"transfer\"; day = 5; from = \"reserve\"; to = \"a\";"
                                  "  personnel = 500; delay = 3; }");
  fsim_results *res = tu_run(sc, 1, 1);
  ck_assert_double_eq(tu_series_mean(res, "sides.red_transit", 4), 0);
  for (int t = 5; t <= 7; t++) {
    ck_assert_double_eq_tol(tu_series_mean(res, "sides.red_transit", t), 500, 1e-9);
    ck_assert_double_eq_tol(tu_series_mean(res, "a.red_personnel", t), 1000, 1e-9);
  }
  ck_assert_double_eq_tol(tu_series_mean(res, "a.red_personnel", 8), 1500, 1e-9);
  ck_assert_double_eq_tol(tu_series_mean(res, "sides.red_reserve", 8), 4500, 1e-9);
  ck_assert_double_eq_tol(tu_metric_mean(res, "a.red_drawn_from_reserve"), 500, 1e-9);
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_transfer_formations) {
  /* Blue moves formation x (in the reserve) whole to b on day 2. */
  fsim_scenario *sc = two_sectors(
      1000, 1000,
      "rules = ( { type = \"transfer\"; day = 2; formations = [\"x\"]; to = \"b\"; } );", "");
  fsim_results *res = tu_run(sc, 1, 1);
  ck_assert_double_eq_tol(tu_series_mean(res, "b.blue_personnel", 1), 1000, 1e-9);
  ck_assert_double_eq_tol(tu_series_mean(res, "b.blue_personnel", 2), 1300, 1e-9);
  ck_assert_double_eq_tol(tu_series_mean(res, "sides.blue_reserve", 2), 0, 1e-9);
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_reinforce_cap_and_delay) {
  /* Red in a is at 1:1 against a threshold of 2: it needs 1000 more. The cap sends
   * 100 a day from b (3000 against 1000, floor 1.5: 1500 spare), each arriving two
   * days later; what is on its way counts, so sending stops after 10 days. */
  fsim_scenario *sc =
      two_sectors(1000, 3000, "",
                  "{ type = \"reinforce\"; sector = \"a\"; threshold = 2.0; daily_cap = 100;"
                  "  donors = [\"b\"]; donor_floor = 1.5; delay = 2; }");
  fsim_results *res = tu_run(sc, 1, 1);
  ck_assert_double_eq_tol(tu_series_mean(res, "a.red_personnel", 2), 1000, 1e-9);
  ck_assert_double_eq_tol(tu_series_mean(res, "a.red_personnel", 3), 1100, 1e-9);
  ck_assert_double_eq_tol(tu_series_mean(res, "a.red_personnel", 7), 1500, 1e-9);
  ck_assert_double_eq_tol(tu_series_mean(res, "a.red_personnel", 12), 2000, 1e-9);
  ck_assert_double_eq_tol(tu_series_mean(res, "a.red_personnel", 20), 2000, 1e-9);
  ck_assert_double_eq_tol(tu_metric_mean(res, "a.red_drawn_from_sectors"), 1000, 1e-9);
  ck_assert_double_eq_tol(tu_series_mean(res, "b.red_personnel", 20), 2000, 1e-9);
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_reinforce_donor_floor) {
  /* b has 1800 against 1000: with a floor of 1.5 only 300 may leave; the rest of
   * the need (700, capped at 5000 a day) comes from the reserve, next in order. */
  fsim_scenario *sc =
      two_sectors(1000, 1800, "",
                  "{ type = \"reinforce\"; sector = \"a\"; threshold = 2.0; daily_cap = 5000;"
                  "  donors = [\"b\", \"reserve\"]; donor_floor = 1.5; }");
  fsim_results *res = tu_run(sc, 1, 1);
  ck_assert_double_eq_tol(tu_metric_mean(res, "a.red_drawn_from_sectors"), 300, 1e-9);
  ck_assert_double_eq_tol(tu_metric_mean(res, "a.red_drawn_from_reserve"), 700, 1e-9);
  ck_assert_double_eq_tol(tu_series_mean(res, "b.red_personnel", 1), 1500, 1e-9);
  ck_assert_double_eq_tol(tu_series_mean(res, "a.red_personnel", 1), 2000, 1e-9);
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_replacements_handout) {
  /* 10 a day flow into blue's reserve; half of each day's flow goes to b. */
  fsim_scenario *sc = two_sectors(
      1000, 1000,
      "replacements_per_day = 10; rules = ( { type = \"replacements\"; to = \"b\"; share = 0.5; } );",
      "");
  fsim_results *res = tu_run(sc, 1, 1);
  ck_assert_double_eq_tol(tu_series_mean(res, "b.blue_personnel", 10), 1050, 1e-9);
  ck_assert_double_eq_tol(tu_series_mean(res, "sides.blue_reserve", 10), 300 + 50, 1e-9);
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

Suite *policy_suite(void) {
  Suite *s = suite_create("policy");
  TCase *tc = tcase_create("transfer");
  tcase_add_test(tc, test_transfer_timing);
  tcase_add_test(tc, test_transfer_formations);
  suite_add_tcase(s, tc);
  tc = tcase_create("reinforce");
  tcase_add_test(tc, test_reinforce_cap_and_delay);
  tcase_add_test(tc, test_reinforce_donor_floor);
  suite_add_tcase(s, tc);
  tc = tcase_create("replacements");
  tcase_add_test(tc, test_replacements_handout);
  suite_add_tcase(s, tc);
  return s;
}
