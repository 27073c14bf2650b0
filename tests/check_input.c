/* Hostile input to the loader, one test per class of finding: sector names that
 * would collide with an output file; a run past the last year. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "frontsim/frontsim.h"
#include "scenario_internal.h"
#include "suites.h"

static const char minimal[] =
    "sectors = ( { name = \"s\"; width_km = 10; attacker = \"red\"; engagement_rate = 5;\n"
    "              attrition = { blue = 0.01; red = 0.01; }; } );\n"
    "formations = ( { name = \"b\"; side = \"blue\"; personnel = 100; location = \"s\"; },\n"
    "               { name = \"r\"; side = \"red\"; personnel = 200; location = \"s\"; } );\n"
    "sides = { blue = { name = \"B\"; }; red = { name = \"R\"; }; };\n";

/* The scenario `text` with one --set, or NULL with err filled. */
static fsim_scenario *load_set(const char *text, const char *set, fsim_error *err) {
  fsim_overrides *ov = fsim_overrides_new();
  fsim_scenario *sc = NULL;
  if (!set || fsim_overrides_add(ov, set, err) == FSIM_OK)
    fsim_scenario_load_string(text, "mem.cfg", NULL, ov, &sc, err);
  fsim_overrides_free(ov);
  return sc;
}

START_TEST(test_sector_names_and_files) {
  static const struct {
    const char *set, *message;
  } cases[] = {
      {"sectors.[0].name=sides",
       "\"sides\" is a reserved word; choose another sector name (reserved: reserve, transit, "
       "sides; series/sides.csv holds the sides' totals)"},
      {"sectors.[0].name=Sides",
       "\"Sides\" is a reserved word; choose another sector name (reserved: reserve, transit, "
       "sides; series/sides.csv holds the sides' totals)"},
      {"sectors.[0].name=TRANSIT",
       "\"TRANSIT\" is a reserved word; choose another sector name (reserved: reserve, transit, "
       "sides; series/sides.csv holds the sides' totals)"},
  };
  fsim_error err;
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    ck_assert_ptr_null(load_set(minimal, cases[i].set, &err));
    ck_assert_str_eq(err.path, "sectors.[0].name");
    ck_assert_str_eq(err.message, cases[i].message);
  }
}
END_TEST

START_TEST(test_run_ends_by_last_year) {
  fsim_error err;
  ck_assert_ptr_null(load_set(minimal, "run.start_date=2999-10-01", &err)); /* 120 days */
  ck_assert_str_eq(err.path, "run.days");
  ck_assert_str_eq(err.message,
                   "the run would end on 3000-01-28 (day 120); the last date frontsim handles "
                   "is 2999-12-31: at most 92 days from start_date 2999-10-01");
  fsim_scenario *sc = load_set(minimal, "run.start_date=2999-09-03", &err); /* ends 12-31 */
  ck_assert_msg(sc != NULL, "%s", err.message);
  fsim_scenario_free(sc);
}
END_TEST

Suite *input_suite(void) {
  Suite *s = suite_create("input");
  TCase *tc = tcase_create("hostile input");
  tcase_add_test(tc, test_sector_names_and_files);
  tcase_add_test(tc, test_run_ends_by_last_year);
  suite_add_tcase(s, tc);
  return s;
}
