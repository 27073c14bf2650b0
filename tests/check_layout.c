/* The metric table and the layout it drives (src/scenario/metric_table.c,
 * layout.c): the enum name tables, units, the expansion of a family's texts for
 * one instance, which sectors a family applies to, and the metrics of a scenario
 * in their order, each found again by its family and instance. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "metric_table.h"
#include "suites.h"
#include "testutil.h"

START_TEST(test_enum_name_of) {
  ck_assert_str_eq(FSIM_ENUM_NAME(fsim_metric_kind_names, FSIM_METRIC_INDICATOR),
                   "probability");
  ck_assert_str_eq(FSIM_ENUM_NAME(fsim_metric_kind_names, FSIM_METRIC_CONDITIONAL),
                   "conditional");
  ck_assert_ptr_null(FSIM_ENUM_NAME(fsim_metric_kind_names, 99));
}
END_TEST

START_TEST(test_unit_of) {
  const fsim_metric_unit *u = fsim_metric_unit_of(FSIM_UNIT_PERSONS);
  ck_assert_str_eq(u->suffix, " (persons)");
  ck_assert_double_eq(u->large, 10000.0);
  ck_assert_double_eq(u->large_scale, 0.001);
  ck_assert_double_eq(fsim_metric_unit_of(FSIM_UNIT_SHARE)->scale, 100.0);
  u = fsim_metric_unit_of(-1); /* a metric the scenario does not know */
  ck_assert_str_eq(u->suffix, "");
  ck_assert_double_eq(u->scale, 1.0);
}
END_TEST

START_TEST(test_dim_count) {
  fsim_scenario *sc = tu_load(tu_two_sectors);
  ck_assert_int_eq(fsim_metric_dim_count(sc, FSIM_DIM_NONE), 1);
  ck_assert_int_eq(fsim_metric_dim_count(sc, FSIM_DIM_SIDE), 2);
  ck_assert_int_eq(fsim_metric_dim_count(sc, FSIM_DIM_SECTOR), 2);
  ck_assert_int_eq(fsim_metric_dim_count(sc, FSIM_DIM_EVENT), 2);
  /* the four listed and each side's reserve */
  ck_assert_int_eq(fsim_metric_dim_count(sc, FSIM_DIM_FORMATION), 6);
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_applies) {
  fsim_scenario *sc = tu_load(tu_two_sectors);
  ck_assert(fsim_metric_applies(sc, FSIM_M_HELD_AREA, 0, 0));
  ck_assert(!fsim_metric_applies(sc, FSIM_M_HELD_AREA, 1, 0));
  ck_assert(!fsim_metric_applies(sc, FSIM_M_ROUTE_CUT, 0, 0));
  ck_assert(fsim_metric_applies(sc, FSIM_M_ROUTE_CUT, 1, 0));
  /* event x sector: the sector is the inner instance */
  ck_assert(fsim_metric_applies(sc, FSIM_M_EVENT_ROUTE_CUT, 0, 1));
  ck_assert(!fsim_metric_applies(sc, FSIM_M_EVENT_ROUTE_CUT, 1, 0));
  ck_assert(fsim_metric_applies(sc, FSIM_M_FRONT, 1, 0));
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_text) {
  fsim_scenario *sc = tu_load(tu_two_sectors);
  char out[128];
  const fsim_metric_family *fam = fsim_metric_families;
  /* Names take the side's key, other texts its display name. */
  fsim_metric_text(out, sizeof out, fam[FSIM_M_CLAIMED].pattern, sc, FSIM_M_CLAIMED, 0, 0, 0);
  ck_assert_str_eq(out, "blue.claimed_losses");
  fsim_metric_text(out, sizeof out, fam[FSIM_M_CLAIMED].title, sc, FSIM_M_CLAIMED, 0, 0, 1);
  ck_assert_str_eq(out, "Losses of Blue's side as claimed by Red");
  fsim_metric_text(out, sizeof out, fam[FSIM_M_DRAWN_SECTORS].pattern, sc, FSIM_M_DRAWN_SECTORS,
                   1, 1, 0);
  ck_assert_str_eq(out, "p-2.red_drawn_from_sectors");
  /* Events: their resolved date and day; a formation's side by key. */
  fsim_metric_text(out, sizeof out, fam[FSIM_M_EVENT_ROUTE_CUT].label, sc,
                   FSIM_M_EVENT_ROUTE_CUT, 0, 1, 1);
  ck_assert_str_eq(out, "P(cut by talks, 2024-12-31, day 12)");
  fsim_metric_text(out, sizeof out, fam[FSIM_M_ROUTE_CUT].label, sc, FSIM_M_ROUTE_CUT, 1, 0, 1);
  ck_assert_str_eq(out, "P(cut by the last day, 2025-01-08, day 20)");
  fsim_metric_text(out, sizeof out, fam[FSIM_M_FORMATION_LOSSES].label, sc,
                   FSIM_M_FORMATION_LOSSES, 2, 0, 1); /* rk */
  ck_assert_str_eq(out, "rk (red):");
  fsim_metric_text(out, sizeof out, fam[FSIM_M_HELD_AREA].title, sc, FSIM_M_HELD_AREA, 0, 0, 1);
  ck_assert_str_eq(out, "Area held by Blue's side in k_1 at the end");
  /* An unknown placeholder, or one the scope lacks, stays as written. */
  fsim_metric_text(out, sizeof out, "{nope} {event}", sc, FSIM_M_LOSSES, 0, 0, 1);
  ck_assert_str_eq(out, "{nope} {event}");
  /* Cut short to the buffer. */
  char small[8];
  fsim_metric_text(small, sizeof small, "{side} and more", sc, FSIM_M_LOSSES, 0, 0, 1);
  ck_assert_str_eq(small, "Blue's ");
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_layout_metrics) {
  fsim_scenario *sc = tu_load(tu_two_sectors);
  fsim_layout lay;
  fsim_error err;
  ck_assert_int_eq(fsim_layout_build(&lay, sc, &err), FSIM_OK);
  /* The order of replications.csv's columns: per side its three, sector by sector
   * its own then per side what was drawn, event by event per side then per sector. */
  static const char *const want[] = {
      "days_run", "blue.losses", "blue.claimed_losses", "blue.personnel_end", "red.losses",
      "red.claimed_losses", "red.personnel_end", "exchange_ratio", "formation.bk.losses",
      "formation.bp.losses", "formation.rk.losses", "formation.rp.losses",
      "formation.blue-reserve.losses",
      "formation.red-reserve.losses", "k_1.front_km", "k_1.held_area_km2",
      "k_1.blue_drawn_from_sectors", "k_1.blue_drawn_from_reserve",
      "k_1.red_drawn_from_sectors", "k_1.red_drawn_from_reserve", "p-2.front_km",
      "p-2.route_cut", "p-2.cut_day", "p-2.min_supply_eff", "p-2.blue_drawn_from_sectors",
      "p-2.blue_drawn_from_reserve", "p-2.red_drawn_from_sectors", "p-2.red_drawn_from_reserve",
      "talks.blue.losses", "talks.red.losses", "talks.k_1.held_area_km2", "talks.p-2.route_cut",
      "cease-fire.blue.losses", "cease-fire.red.losses", "cease-fire.k_1.held_area_km2",
      "cease-fire.p-2.route_cut"};
  const int n = (int)(sizeof want / sizeof want[0]);
  ck_assert_int_eq(lay.nmetrics, n);
  for (int m = 0; m < n; m++) {
    ck_assert_str_eq(lay.metric_name[m], want[m]);
    /* Each metric is found again by its family and instance, and by its name. */
    const fsim_metric_ref *r = &lay.metric_ref[m];
    ck_assert_int_eq(fsim_layout_metric(&lay, r->family, r->a, r->b), m);
    ck_assert_int_eq(lay.metric_kind[m], fsim_metric_families[r->family].kind);
    ck_assert_int_eq(fsim_layout_find_metric(&lay, want[m]), m);
  }
  ck_assert_int_eq(lay.metric_kind[fsim_layout_metric(&lay, FSIM_M_ROUTE_CUT, 1, 0)],
                   FSIM_METRIC_INDICATOR);
  /* Where the scenario has none. */
  ck_assert_int_eq(fsim_layout_metric(&lay, FSIM_M_ROUTE_CUT, 0, 0), -1);
  ck_assert_int_eq(fsim_layout_metric(&lay, FSIM_M_EVENT_HELD_AREA, 1, 1), -1);
  ck_assert_int_eq(fsim_layout_find_metric(&lay, "k_1.route_cut"), -1);
  fsim_layout_destroy(&lay);
  fsim_scenario_free(sc);
}
END_TEST

Suite *layout_suite(void) {
  Suite *s = suite_create("layout");
  struct {
    const char *name;
    const TTest *test;
  } cases[] = {
      {"fsim_enum_name_of", test_enum_name_of},   {"fsim_metric_unit_of", test_unit_of},
      {"fsim_metric_dim_count", test_dim_count},  {"fsim_metric_applies", test_applies},
      {"fsim_metric_text", test_text},            {"fsim_layout_build", test_layout_metrics},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    TCase *tc = tcase_create(cases[i].name);
    tcase_add_test(tc, cases[i].test);
    suite_add_tcase(s, tc);
  }
  return s;
}
