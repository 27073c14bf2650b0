/* Hostile input to the loader, one test per class of finding: --param specs read by
 * one reader that refuses every malformed form; --set refusing text after its value;
 * a seed beyond 64 bits refused the same way from a file, --set and --seed; an
 * @include beside a scenario whose directory path is longer than any fixed buffer;
 * sector names that would collide with an output file; a run past the last year. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "frontsim/frontsim.h"
#include "scenario_internal.h"
#include "suites.h"
#include "testutil.h"

/* The scenario `text` with one --set, or NULL with err filled. */
static fsim_scenario *load_set(const char *text, const char *set, fsim_error *err) {
  fsim_overrides *ov = fsim_overrides_new();
  fsim_scenario *sc = NULL;
  if (!set || fsim_overrides_add(ov, set, err) == FSIM_OK)
    fsim_scenario_load_string(text, "mem.cfg", NULL, ov, &sc, err);
  fsim_overrides_free(ov);
  return sc;
}

START_TEST(test_param_specs_refused) {
  static const struct {
    const char *spec, *path, *message;
  } cases[] = {
      {"run.days=1:", "run.days", "\"run.days=1:\": expected a finite number as to, found nothing"},
      {"run.days=1:2:1e300", "run.days",
       "\"run.days=1:2:1e300\": expected a whole number of steps from 2 to 10000, found "
       "\"1e300\""},
      {"run.days=1:2:nan", "run.days",
       "\"run.days=1:2:nan\": expected a finite number as steps, found \"nan\""},
      {"run.days=1:2:2.7", "run.days",
       "\"run.days=1:2:2.7\": expected a whole number of steps from 2 to 10000, found \"2.7\""},
      {"run.days=:2", "run.days", "\"run.days=:2\": expected a finite number as from, found nothing"},
      {"run.days=1:2:3:4", "run.days",
       "\"run.days=1:2:3:4\": expected path=from:to or path=from:to:steps, found more than two "
       "':'"},
      {"run.days=1,2:3", "run.days",
       "\"run.days=1,2:3\": expected path=a,b,c, path=from:to, path=from:to:steps or "
       "path=a|b|c, found both ',' and ':'"},
      {"run.days=1,,2", "run.days",
       "\"run.days=1,,2\": expected a finite number as value 2, found nothing"},
      {"run.days=1,", "run.days", "\"run.days=1,\": expected a finite number as value 2, found nothing"},
      {"run.days=", "run.days", "\"run.days=\": expected a finite number as value 1, found nothing"},
      {"run.days=inf:9", "run.days",
       "\"run.days=inf:9\": expected a finite number as from, found \"inf\""},
      {"run.days=1e999", "run.days",
       "\"run.days=1e999\": expected a finite number as value 1, found \"1e999\""},
      {"=1,2", "", "\"=1,2\": expected path=a,b,c, path=from:to, path=from:to:steps or "
                   "path=a|b|c, found no path before '='"},
      {"run.days", "", "\"run.days\": expected path=a,b,c, path=from:to, path=from:to:steps or "
                       "path=a|b|c, found no '='"},
      {"run.days=a,b", "run.days",
       "\"run.days=a,b\": expected a finite number as value 1, found \"a\" (alternatives of "
       "another type are given as path=a|b|c)"},
      {"run.days=1||2", "run.days", "\"run.days=1||2\": expected a value as level 2, found nothing"},
      {"run.days=x:|2", "run.days", "\"run.days=x:|2\": expected a value as level 1, found nothing"},
      {"run.days,,run.seed=1,2", "",
       "\"run.days,,run.seed=1,2\": expected a setting path as linked path 2, found nothing"},
      {"run.days,=1,2", "", "\"run.days,=1,2\": expected a setting path as linked path 2, found nothing"},
      {" ,run.days=1,2", "", "\" ,run.days=1,2\": expected a setting path as linked path 1, found nothing"},
      {"a,b,c,d,e,f,g,h,i=1,2", "",
       "\"a,b,c,d,e,f,g,h,i=1,2\": expected at most 8 linked paths, found more"},
      {"run.days, run.seed=1,x", "run.days,run.seed",
       "\"run.days, run.seed=1,x\": expected a finite number as value 2, found \"x\" (alternatives "
       "of another type are given as path=a|b|c)"},
      {"run.days=1|2;lable=days", "run.days",
       "\"run.days=1|2;lable=days\": expected ;label=TEXT (up to 127 characters) or ;unit=TEXT "
       "(up to 63) after the values, found \"lable=days\""},
  };
  fsim_overrides *ov = fsim_overrides_new();
  fsim_error err;
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    ck_assert_msg(fsim_overrides_add_param(ov, cases[i].spec, &err) == FSIM_E_INPUT, "%s taken",
                  cases[i].spec);
    ck_assert_str_eq(err.file, "--param");
    ck_assert_str_eq(err.path, cases[i].path);
    ck_assert_str_eq(err.message, cases[i].message);
  }
  ck_assert_uint_eq(fsim_overrides_param_count(ov), 0);
  fsim_overrides_free(ov);
}
END_TEST

START_TEST(test_param_specs_read) {
  fsim_overrides *ov = fsim_overrides_new();
  fsim_error err;
  ck_assert_int_eq(fsim_overrides_add_param(ov, "run.days=10:20:3", &err), FSIM_OK);
  ck_assert_int_eq(fsim_overrides_add_param(ov, "sectors.s.width_km= 1 , 2.5,4", &err), FSIM_OK);
  ck_assert_int_eq(fsim_overrides_add_param(ov, "formations.b.personnel=50:80", &err), FSIM_OK);
  fsim_scenario *sc = NULL;
  fsim_status st = fsim_scenario_load_string(tu_minimal, "mem.cfg", NULL, ov, &sc, &err);
  ck_assert_msg(st == FSIM_E_INPUT, "a grid with a range only: %s", err.message);
  ck_assert_str_eq(err.path, "sweep.parameters.[2]");
  fsim_overrides_free(ov);
  ov = fsim_overrides_new();
  ck_assert_int_eq(fsim_overrides_add_param(ov, "run.days=10:20:3", &err), FSIM_OK);
  ck_assert_int_eq(fsim_overrides_add_param(ov, "sectors.s.width_km= 1 , 2.5,4", &err), FSIM_OK);
  st = fsim_scenario_load_string(tu_minimal, "mem.cfg", NULL, ov, &sc, &err);
  ck_assert_msg(st == FSIM_OK, "%s: %s", err.path, err.message);
  ck_assert_int_eq(sc->sweep.nparams, 2);
  ck_assert_str_eq(sc->sweep.params[0].path[0], "run.days");
  ck_assert_int_eq(sc->sweep.params[0].npaths, 1);
  ck_assert_double_eq(sc->sweep.params[0].from, 10);
  ck_assert_double_eq(sc->sweep.params[0].to, 20);
  ck_assert_int_eq(sc->sweep.params[0].steps, 3);
  ck_assert_int_eq(sc->sweep.params[1].nvalues, 3);
  ck_assert_double_eq(sc->sweep.params[1].values[1], 2.5);
  fsim_scenario_free(sc);
  fsim_overrides_free(ov);
  /* Linked paths: one parameter setting both, each path trimmed, the first its name;
   * paths of different types or ranges are refused, naming the one that differs. */
  ov = fsim_overrides_new();
  ck_assert_int_eq(fsim_overrides_add_param(ov, "formations.b.personnel , formations.r.personnel=50:80:4", &err), FSIM_OK);
  st = fsim_scenario_load_string(tu_minimal, "mem.cfg", NULL, ov, &sc, &err);
  fsim_overrides_free(ov);
  ck_assert_msg(st == FSIM_OK, "%s: %s", err.path, err.message);
  ck_assert_int_eq(sc->sweep.params[0].npaths, 2);
  ck_assert_str_eq(sc->sweep.params[0].path[0], "formations.b.personnel");
  ck_assert_str_eq(sc->sweep.params[0].path[1], "formations.r.personnel");
  fsim_scenario_free(sc);
  ov = fsim_overrides_new();
  ck_assert_int_eq(fsim_overrides_add_param(ov, "formations.b.personnel,run.days=50:80:4", &err), FSIM_OK);
  st = fsim_scenario_load_string(tu_minimal, "mem.cfg", NULL, ov, &sc, &err);
  fsim_overrides_free(ov);
  ck_assert_int_eq(st, FSIM_E_INPUT);
  ck_assert_str_eq(err.path, "sweep.parameters.[0].path.[1]");
  ck_assert_msg(strstr(err.message, "linked paths must take the same values") &&
                    strstr(err.message, "found \"run.days\", integer from 1"),
                "%s", err.message);
}
END_TEST

/* A categorical --param: levels of any type, named or named from their values, with
 * a label and unit; a grid of a whole-number setting must take whole steps. */
START_TEST(test_param_levels_read) {
  fsim_overrides *ov = fsim_overrides_new();
  fsim_error err;
  ck_assert_int_eq(
      fsim_overrides_add_param(ov, "sectors.s.attacker= red | first:\"blue\";label=Who attacks;unit=side", &err),
      FSIM_OK);
  ck_assert_int_eq(fsim_overrides_add_param(ov, "formations.b.personnel=0:100:5", &err), FSIM_OK);
  fsim_scenario *sc = NULL;
  fsim_status st = fsim_scenario_load_string(tu_minimal, "mem.cfg", NULL, ov, &sc, &err);
  ck_assert_msg(st == FSIM_OK, "%s: %s", err.path, err.message);
  const fsim_param_def *pd = &sc->sweep.params[0];
  ck_assert_int_eq(pd->nlevels, 2);
  ck_assert_str_eq(pd->label, "Who attacks");
  ck_assert_str_eq(pd->unit, "side");
  ck_assert_str_eq(pd->levels[0].name, "red");
  ck_assert_str_eq(pd->levels[0].value, "\"red\"");
  ck_assert_str_eq(pd->levels[1].name, "first");
  ck_assert_str_eq(pd->levels[1].value, "\"blue\"");
  ck_assert_str_eq(pd->levels[1].file, "--param");
  fsim_scenario_free(sc);
  fsim_overrides_free(ov);
  /* 1 to 14 in 8 steps is 1.857 apart: refused, not rounded to 1, 3, 5, 7, 8, ... */
  ov = fsim_overrides_new();
  ck_assert_int_eq(fsim_overrides_add_param(ov, "run.days=1:14:8", &err), FSIM_OK);
  st = fsim_scenario_load_string(tu_minimal, "mem.cfg", NULL, ov, &sc, &err);
  ck_assert_int_eq(st, FSIM_E_INPUT);
  ck_assert_str_eq(err.file, "--param");
  ck_assert_str_eq(err.path, "sweep.parameters.[0]");
  ck_assert_str_eq(err.message,
                   "run.days takes whole numbers, but from 1 to 14 in 8 steps is a step of "
                   "1.857; steps = 2 or 14 would fit (or give the values)");
  fsim_overrides_free(ov);
  /* Two levels of one name, and a sobol design, are refused. */
  ov = fsim_overrides_new();
  ck_assert_int_eq(fsim_overrides_add_param(ov, "sectors.s.attacker=a:red|a:blue", &err), FSIM_OK);
  st = fsim_scenario_load_string(tu_minimal, "mem.cfg", NULL, ov, &sc, &err);
  ck_assert_int_eq(st, FSIM_E_INPUT);
  ck_assert_str_eq(err.path, "sweep.parameters.[0].levels.[1]");
  ck_assert_str_eq(err.message,
                   "levels 0 and 1 are both named \"a\"; give each a name of its own");
  fsim_overrides_free(ov);
  ov = fsim_overrides_new();
  ck_assert_int_eq(fsim_overrides_add_param(ov, "sectors.s.attacker=red|blue", &err), FSIM_OK);
  ck_assert_int_eq(fsim_overrides_add(ov, "sweep.method=sobol", &err), FSIM_OK);
  st = fsim_scenario_load_string(tu_minimal, "mem.cfg", NULL, ov, &sc, &err);
  ck_assert_int_eq(st, FSIM_E_INPUT);
  ck_assert_str_eq(err.message, "sobol sensitivity takes numeric ranges only; sweep a parameter "
                                "with levels by method \"grid\" or \"lhs\"");
  fsim_overrides_free(ov);
}
END_TEST

START_TEST(test_set_one_value) {
  static const struct {
    const char *set, *message;
  } cases[] = {
      {"run.seed=1; days=2",
       "expected one value, found more after it in '1; days=2' (give each setting its own "
       "--set)"},
      /* not a libconfig value: taken whole as a string, not cut at the ';' */
      {"run.days=3;x=4;;", "expected an integer, found a string \"3;x=4;;\""},
      {"run.days=3\n@include \"/\"",
       "expected a value on one line, found a line break in '3\n@include \"/\"'"},
  };
  fsim_error err;
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    ck_assert_ptr_null(load_set(tu_minimal, cases[i].set, &err));
    ck_assert_str_eq(err.file, "--set");
    ck_assert_str_eq(err.message, cases[i].message);
  }
  fsim_scenario *sc = load_set(tu_minimal, "run.days=3", &err);
  ck_assert_msg(sc != NULL, "%s", err.message);
  ck_assert_int_eq(sc->run.days, 3);
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_seed_limit) {
  static const char beyond[] =
      "99999999999999999999 is out of range for any integer (-9223372036854775808 to "
      "9223372036854775807)";
  fsim_error err;
  /* a file: libconfig clamps a literal with L; the loader refuses it */
  size_t size = strlen(tu_minimal) + 64;
  char *text = malloc(size);
  snprintf(text, size, "%srun = { seed = 99999999999999999999L; };\n", tu_minimal);
  ck_assert_ptr_null(load_set(text, NULL, &err));
  ck_assert_str_eq(err.path, "run.seed");
  ck_assert_int_eq(err.line, 6);
  ck_assert_str_eq(err.message, beyond);
  free(text);
  /* --set */
  ck_assert_ptr_null(load_set(tu_minimal, "run.seed=99999999999999999999", &err));
  ck_assert_str_eq(err.path, "run.seed");
  ck_assert_str_eq(err.message, beyond);
  /* --seed */
  unsigned long long seed = 0;
  ck_assert_int_eq(fsim_seed_parse("99999999999999999999", &seed, &err), FSIM_E_INPUT);
  ck_assert_str_eq(err.file, "--seed");
  ck_assert_str_eq(err.path, "run.seed");
  ck_assert_str_eq(err.message, beyond);
  ck_assert_int_eq(fsim_seed_parse("-1", &seed, &err), FSIM_E_INPUT);
  ck_assert_str_eq(err.message, "must be >= 0, got -1");
  ck_assert_int_eq(fsim_seed_parse("12x", &seed, &err), FSIM_E_INPUT);
  ck_assert_int_eq(fsim_seed_parse("", &seed, &err), FSIM_E_INPUT);
  /* the largest seed is the same everywhere */
  ck_assert_int_eq(fsim_seed_parse("9223372036854775807", &seed, &err), FSIM_OK);
  ck_assert_uint_eq(seed, (unsigned long long)FSIM_SEED_MAX);
  fsim_scenario *sc = load_set(tu_minimal, "run.seed=9223372036854775807", &err);
  ck_assert_msg(sc != NULL, "%s", err.message);
  ck_assert_uint_eq(fsim_scenario_seed(sc), (unsigned long long)FSIM_SEED_MAX);
  fsim_scenario_free(sc);
}
END_TEST

/* A directory path of ~600 characters, made one level at a time. */
START_TEST(test_include_beside_long_path) {
  char base[64];
  const char *tmp = getenv("TMPDIR");
  snprintf(base, sizeof base, "%s/fsim-input-XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
  ck_assert_ptr_nonnull(mkdtemp(base));
  char dir[1024];
  snprintf(dir, sizeof dir, "%s", base);
  static const char level[] = "/a-directory-name-of-fifty-characters-for-the-test";
  for (int i = 0; i < 11; i++) {
    strcat(dir, level);
    ck_assert_int_eq(mkdir(dir, 0700), 0);
  }
  ck_assert_uint_gt(strlen(dir), 512);
  char inc[1100], main_path[1100], bad[1100], uses_bad[1100], sweep[1100];
  snprintf(inc, sizeof inc, "%s/base.inc", dir);
  snprintf(main_path, sizeof main_path, "%s/main.cfg", dir);
  snprintf(bad, sizeof bad, "%s/bad.inc", dir);
  snprintf(uses_bad, sizeof uses_bad, "%s/uses-bad.cfg", dir);
  snprintf(sweep, sizeof sweep, "%s/sweep.cfg", dir);
  FILE *f = fopen(inc, "w");
  fputs(tu_minimal, f);
  fclose(f);
  f = fopen(main_path, "w");
  fputs("@include \"base.inc\"\nrun = { days = 45; };\n", f);
  fclose(f);
  f = fopen(bad, "w");
  fputs("run = { days = 99999999999; };\n", f);
  fclose(f);
  f = fopen(uses_bad, "w");
  fputs("@include \"bad.inc\"\n", f);
  fclose(f);
  f = fopen(sweep, "w");
  fputs("@include \"base.inc\"\nsweep = { parameters = ( { path = \"run.days\"; "
        "values = [10.0, 20.0]; } ); };\n", f);
  fclose(f);
  fsim_scenario *sc = NULL;
  fsim_error err;
  ck_assert_msg(fsim_scenario_load(main_path, NULL, &sc, &err) == FSIM_OK, "%s: %s", err.file,
                err.message);
  ck_assert_int_eq(sc->run.days, 45);
  fsim_scenario_free(sc);
  /* the included file's wrapped integer is found in that file, however long its path */
  ck_assert_int_eq(fsim_scenario_load(uses_bad, NULL, &sc, &err), FSIM_E_INPUT);
  ck_assert_str_eq(err.path, "run.days");
  ck_assert_ptr_nonnull(strstr(err.message, "out of range for a plain integer"));
  /* the sweep reads the scenario beside its includes too */
  fsim_sweep *sw = NULL;
  ck_assert_msg(fsim_sweep_prepare(sweep, NULL, &sw, &err) == FSIM_OK, "%s: %s", err.file,
                err.message);
  ck_assert_int_eq(fsim_sweep_points(sw), 2);
  fsim_sweep_free(sw);
  remove(sweep);
  remove(inc);
  remove(main_path);
  remove(bad);
  remove(uses_bad);
  for (int i = 0; i < 11; i++) {
    ck_assert_int_eq(rmdir(dir), 0);
    dir[strlen(dir) - (sizeof level - 1)] = '\0';
  }
  ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

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
    ck_assert_ptr_null(load_set(tu_minimal, cases[i].set, &err));
    ck_assert_str_eq(err.path, "sectors.[0].name");
    ck_assert_str_eq(err.message, cases[i].message);
  }
}
END_TEST

START_TEST(test_run_ends_by_last_year) {
  fsim_error err;
  ck_assert_ptr_null(load_set(tu_minimal, "run.start_date=2999-10-01", &err)); /* 120 days */
  ck_assert_str_eq(err.path, "run.days");
  ck_assert_str_eq(err.message,
                   "the run would end on 3000-01-28 (day 120); the last date frontsim handles "
                   "is 2999-12-31: at most 92 days from start_date 2999-10-01");
  fsim_scenario *sc = load_set(tu_minimal, "run.start_date=2999-09-03", &err); /* ends 12-31 */
  ck_assert_msg(sc != NULL, "%s", err.message);
  fsim_scenario_free(sc);
}
END_TEST

Suite *input_suite(void) {
  Suite *s = suite_create("input");
  TCase *tc = tcase_create("hostile input");
  tcase_add_test(tc, test_param_specs_refused);
  tcase_add_test(tc, test_param_specs_read);
  tcase_add_test(tc, test_param_levels_read);
  tcase_add_test(tc, test_set_one_value);
  tcase_add_test(tc, test_seed_limit);
  tcase_add_test(tc, test_include_beside_long_path);
  tcase_add_test(tc, test_sector_names_and_files);
  tcase_add_test(tc, test_run_ends_by_last_year);
  suite_add_tcase(s, tc);
  return s;
}
