/* Scenario loading: defaults, overrides, errors as values, round trip. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frontsim/frontsim.h"
#include "scenario_internal.h"
#include "suites.h"

static const char minimal[] =
    "sectors = ( { name = \"s\"; width_km = 10; attacker = \"red\"; engagement_rate = 5;\n"
    "              attrition = { blue = 0.01; red = 0.01; }; } );\n"
    "formations = ( { name = \"b\"; side = \"blue\"; personnel = 100; location = \"s\"; },\n"
    "               { name = \"r\"; side = \"red\"; personnel = 200; location = \"s\"; } );\n"
    "sides = { blue = { name = \"B\"; }; red = { name = \"R\"; }; };\n";

static fsim_scenario *load_ok(const char *text, const fsim_overrides *ov) {
  fsim_scenario *sc = NULL;
  fsim_error err;
  fsim_status st = fsim_scenario_load_string(text, "mem.cfg", NULL, ov, &sc, &err);
  ck_assert_msg(st == FSIM_OK, "load failed: %s", err.message);
  return sc;
}

START_TEST(test_load_defaults) {
  fsim_scenario *sc = load_ok(minimal, NULL);
  ck_assert_int_eq(sc->run.days, 120);
  ck_assert_int_eq(sc->run.replications, 1000);
  ck_assert_str_eq(sc->run.rng, "splitmix64");
  ck_assert_double_eq_tol(sc->model.attack.rho50, 3.0, 1e-12);
  ck_assert_double_eq_tol(sc->model.attack.beta, 2.0, 1e-12);
  ck_assert_int_eq(sc->model.attrition.law, FSIM_LAW_SQUARE);
  ck_assert_double_eq_tol(sc->sectors[0].terrain, 1.0, 1e-12);
  ck_assert_int_eq(sc->sectors[0].attacker_side, FSIM_RED);
  ck_assert_int_eq(sc->sectors[0].has_supply, 0);
  /* two explicit formations plus one implicit reserve formation per side */
  ck_assert_int_eq(sc->nformations, 4);
  ck_assert_str_eq(sc->formations[2].name, "blue-reserve");
  ck_assert_int_eq(sc->formations[2].loc, sc->nsectors);
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_load_errors) {
  fsim_overrides *ov = fsim_overrides_new();
  fsim_error err;
  ck_assert_int_eq(fsim_overrides_add(ov, "sectors.s.width_km=-3", &err), FSIM_OK);
  fsim_scenario *sc = NULL;
  fsim_status st = fsim_scenario_load_string(minimal, "mem.cfg", NULL, ov, &sc, &err);
  ck_assert_int_eq(st, FSIM_E_INPUT);
  ck_assert_ptr_null(sc);
  ck_assert_str_eq(err.file, "--set");
  ck_assert_str_eq(err.path, "sectors.[0].width_km");
  ck_assert_str_eq(err.message, "must be > 0, got -3");
  fsim_overrides_free(ov);
}
END_TEST

Suite *scenario_suite(void) {
  Suite *s = suite_create("scenario");
  TCase *tc = tcase_create("fsim_scenario_load");
  tcase_add_test(tc, test_load_defaults);
  tcase_add_test(tc, test_load_errors);
  suite_add_tcase(s, tc);
  return s;
}
