/* Scenario loading: defaults, overrides, @include, errors as values, the
 * effective-scenario writer's round trip, dates and the edit distance behind
 * "did you mean". One TCase per library function. */
#include <check.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "frontsim/frontsim.h"
#include "scenario_internal.h"
#include "config_lex.h"
#include "date.h"
#include "diagnose.h"
#include "fileio.h"
#include "kinds.h"
#include "schema.h"
#include "setting_path.h"
#include "suites.h"
#include "testutil.h"
#include "text.h"

/* Every kind of setting: held area, supply, schedule, each rule type, events by
 * day and by date, a sweep, text that needs escaping, a 64-bit seed. */
static const char rich[] =
    "run = { days = 30; start_date = \"2025-01-05\"; replications = 100;\n"
    "        seed = 20250105123L; diversion_sector = \"kursk\"; };\n"
    "model = { attack = { rho50 = 2.5; beta = 1.5; };\n"
    "          attrition = { law = \"free\"; a = 0.75; b = 0.25; }; };\n"
    "sectors = (\n"
    "  { name = \"kursk\"; width_km = 40; attacker = \"blue\"; engagement_rate = 42;\n"
    "    counter_share = 0.4; step_km = 0.1;\n"
    "    attrition = { blue = 0.002; red = 0.0015; };\n"
    "    held_area = { holder = \"blue\"; initial_km2 = 800; max_km2 = 1300; }; },\n"
    "  { name = \"pokrovsk\"; width_km = 30; attacker = \"red\"; engagement_rate = 60;\n"
    "    fortification = 1.3; step_km = 0.05;\n"
    "    attrition = { blue = 0.002; red = 0.002; };\n"
    "    supply = { side = \"blue\"; distance_km = 1.6; };\n"
    "    schedule = ( { day = 10; engagement_rate = 30; },\n"
    "                 { day = 20; counter_share = 0.1; } ); } );\n"
    "formations = (\n"
    "  { name = \"ua-kursk\"; side = \"blue\"; personnel = 20000; location = \"kursk\"; },\n"
    "  { name = \"ua-pokrovsk\"; side = \"blue\"; personnel = 30000; location = \"pokrovsk\"; },\n"
    "  { name = \"ru-kursk\"; side = \"red\"; personnel = 40000; location = \"kursk\"; },\n"
    "  { name = \"dprk\"; side = \"red\"; personnel = 11000; quality = 0.6;\n"
    "    location = \"reserve\"; arrival_day = 3; } );\n"
    "sides = {\n"
    "  blue = { name = \"Ukraine \\\"UA\\\" \\\\ forces\"; reserve = 5000;\n"
    "           replacements_per_day = 200;\n"
    "           rules = ( { type = \"replacements\"; to = \"pokrovsk\"; share = 0.5; delay = 2;\n"
    "                       end_day = 25; } ); };\n"
    "  red = { name = \"Russia\"; reserve = 10000; replacements_per_day = 600;\n"
    "          claim_bias = 2.5; claim_sigma = 0.3;\n"
    "          rules = ( { type = \"reinforce\"; sector = \"kursk\"; threshold = 2.0;\n"
    "                      daily_cap = 1500; donors = [\"pokrovsk\", \"reserve\"];\n"
    "                      donor_floor = 1.5; delay = 3; start_day = 2; },\n"
    "                    { type = \"transfer\"; day = 5; to = \"kursk\";\n"
    "                      formations = [\"dprk\"]; },\n"
    "                    { type = \"transfer\"; day = 6; from = \"reserve\"; to = \"kursk\";\n"
    "                      fraction = 0.25; } ); };\n"
    "};\n"
    "events = ( { name = \"negotiations\"; date = \"2025-01-20\"; },\n"
    "           { name = \"lull\"; day = 12; } );\n"
    "sweep = { method = \"grid\"; replications = 50;\n"
    "          parameters = ( { path = \"sides.red.rules.[0].threshold\";\n"
    "                           values = [1.5, 2.0, 3.0]; },\n"
    "                         { path = \"sides.red.rules.[0].delay\"; from = 1; to = 9;\n"
    "                           steps = 5; } ); };\n";

static fsim_scenario *load_ok(const char *text, const fsim_overrides *ov) {
  fsim_scenario *sc = NULL;
  fsim_error err;
  fsim_status st = fsim_scenario_load_string(text, "mem.cfg", NULL, ov, &sc, &err);
  ck_assert_msg(st == FSIM_OK, "load failed: %s:%d: %s: %s", err.file, err.line, err.path,
                err.message);
  ck_assert_ptr_nonnull(sc);
  return sc;
}

/* Loads text with the given --set assignments (NULL-terminated) and expects
 * bad input; err receives the record. */
static void load_bad(const char *text, const char *const *sets, fsim_error *err) {
  fsim_overrides *ov = fsim_overrides_new();
  for (size_t i = 0; sets && sets[i]; i++)
    ck_assert_int_eq(fsim_overrides_add(ov, sets[i], err), FSIM_OK);
  fsim_scenario *sc = (fsim_scenario *)1;
  fsim_status st = fsim_scenario_load_string(text, "mem.cfg", NULL, ov, &sc, err);
  ck_assert_msg(st == FSIM_E_INPUT, "expected bad input, got %s", fsim_status_name(st));
  ck_assert_int_eq(err->status, FSIM_E_INPUT);
  ck_assert_ptr_null(sc);
  fsim_overrides_free(ov);
}

static fsim_scenario *load_with(const char *text, const char *const *sets) {
  fsim_overrides *ov = fsim_overrides_new();
  fsim_error err;
  for (size_t i = 0; sets[i]; i++)
    ck_assert_int_eq(fsim_overrides_add(ov, sets[i], &err), FSIM_OK);
  fsim_scenario *sc = load_ok(text, ov);
  fsim_overrides_free(ov);
  return sc;
}

/* A text of `tu_minimal` with `from` replaced by `to` (which must occur once). */
static char *edited(const char *from, const char *to) {
  const char *at = strstr(tu_minimal, from);
  ck_assert_ptr_nonnull(at);
  size_t n = strlen(tu_minimal) - strlen(from) + strlen(to) + 1;
  char *text = malloc(n);
  ck_assert_ptr_nonnull(text);
  snprintf(text, n, "%.*s%s%s", (int)(at - tu_minimal), tu_minimal, to, at + strlen(from));
  return text;
}

/* ---- temporary files ----------------------------------------------------- */

typedef struct tmpdir {
  char path[128];
  char files[8][160];
  int nfiles;
} tmpdir;

static void tmpdir_make(tmpdir *d) {
  memset(d, 0, sizeof *d);
  const char *base = getenv("TMPDIR");
  snprintf(d->path, sizeof d->path, "%s/fsim-scenario-XXXXXX", base && base[0] ? base : "/tmp");
  ck_assert_ptr_nonnull(mkdtemp(d->path));
}

static const char *tmpdir_write(tmpdir *d, const char *name, const char *text) {
  ck_assert_int_lt(d->nfiles, 8);
  char *path = d->files[d->nfiles++];
  char full[sizeof d->files[0]]; /* not straight into d: gcc's -Wrestrict sees an overlap */
  snprintf(full, sizeof full, "%s/%s", d->path, name);
  memcpy(path, full, sizeof full);
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  fputs(text, f);
  ck_assert_int_eq(fclose(f), 0);
  return path;
}

static void tmpdir_remove(tmpdir *d) {
  for (int i = 0; i < d->nfiles; i++) remove(d->files[i]);
  rmdir(d->path);
}

/* ---- fsim_scenario_load_string ------------------------------------------ */

START_TEST(test_load_defaults) {
  fsim_scenario *sc = load_ok(tu_minimal, NULL);
  ck_assert_int_eq(sc->version, 1);
  ck_assert_int_eq(sc->run.days, 120);
  ck_assert_int_eq(sc->run.replications, 1000);
  ck_assert_int_eq((int)sc->run.seed, 1);
  ck_assert_str_eq(sc->run.start_date, "2025-01-01");
  ck_assert_int_eq(sc->run.mode, FSIM_MODE_STOCHASTIC);
  ck_assert_str_eq(sc->run.rng, "splitmix64");
  ck_assert_str_eq(sc->run.rng, fsim_schema_lookup_path("run.rng")->def_text);
  ck_assert_int_eq(sc->run.diversion, -1);
  ck_assert_double_eq_tol(sc->model.attack.rho50, 3.0, 1e-12);
  ck_assert_double_eq_tol(sc->model.attack.beta, 2.0, 1e-12);
  ck_assert_int_eq(sc->model.attrition.law, FSIM_LAW_SQUARE);
  const fsim_sector_def *s = &sc->sectors[0];
  ck_assert_double_eq_tol(s->terrain, 1.0, 1e-12);
  ck_assert_double_eq_tol(s->fortification, 1.0, 1e-12);
  ck_assert_double_eq_tol(s->counter_share, 0.0, 1e-12);
  ck_assert_double_eq_tol(s->step_km, 0.0, 1e-12);
  ck_assert_double_eq_tol(s->step_shape, 2.0, 1e-12);
  ck_assert_double_eq_tol(s->x_min_km, -50.0, 1e-12);
  ck_assert_double_eq_tol(s->x_max_km, 50.0, 1e-12);
  ck_assert_int_eq(s->attacker_side, FSIM_RED);
  ck_assert_int_eq(s->has_supply, 0);
  ck_assert_int_eq(s->has_held_area, 0);
  ck_assert_int_eq(s->nschedule, 0);
  ck_assert_double_eq_tol(sc->formations[0].quality, 1.0, 1e-12);
  ck_assert_int_eq(sc->formations[0].arrival_day, 0);
  const fsim_side_def *blue = &sc->sides.side[FSIM_BLUE];
  ck_assert_double_eq_tol(blue->reserve, 0.0, 1e-12);
  ck_assert_double_eq_tol(blue->reserve_quality, 1.0, 1e-12);
  ck_assert_double_eq_tol(blue->claim_bias, 1.0, 1e-12);
  ck_assert_int_eq(blue->nrules, 0);
  ck_assert_int_eq(sc->nevents, 0);
  ck_assert_int_eq(sc->has_sweep, 0);
  /* two explicit formations plus one implicit reserve formation per side */
  ck_assert_int_eq(sc->nformations, 4);
  ck_assert_str_eq(sc->formations[2].name, "blue-reserve");
  ck_assert_int_eq(sc->formations[2].loc, sc->nsectors);
  ck_assert_str_eq(sc->formations[3].name, "red-reserve");
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_load_rule_defaults_and_derived) {
  fsim_scenario *sc = load_ok(rich, NULL);
  ck_assert_int_eq(sc->run.diversion, 0);
  ck_assert_int_eq((int)(sc->run.seed / 1000), 20250105);
  ck_assert_str_eq(sc->sides.side[FSIM_BLUE].name, "Ukraine \"UA\" \\ forces");
  const fsim_rule_def *reinforce = &sc->sides.side[FSIM_RED].rules[0];
  ck_assert_int_eq(reinforce->type, FSIM_RULE_REINFORCE);
  ck_assert_int_eq(reinforce->sector_idx, 0);
  ck_assert_int_eq(reinforce->ndonors, 2);
  ck_assert_int_eq(reinforce->donor_loc[0], 1);
  ck_assert_int_eq(reinforce->donor_loc[1], sc->nsectors); /* the reserve */
  ck_assert_int_eq(reinforce->end_day, 0);
  const fsim_rule_def *move = &sc->sides.side[FSIM_RED].rules[1];
  ck_assert_int_eq(move->nformations, 1);
  ck_assert_int_eq(move->formation_idx[0], 3);
  ck_assert(isnan(move->personnel) && isnan(move->fraction));
  ck_assert_int_eq(move->delay, 0);
  /* events: by date (2025-01-05 is day 1, so 2025-01-20 is day 16) and by day */
  ck_assert_int_eq(sc->events[0].day_resolved, 16);
  ck_assert_int_eq(sc->events[1].day_resolved, 12);
  /* supply defaults */
  ck_assert_double_eq_tol(sc->sectors[1].supply.range_km, 10.0, 1e-12);
  ck_assert_double_eq_tol(sc->sectors[1].supply.alternative, 0.3, 1e-12);
  ck_assert_double_eq_tol(sc->sectors[1].supply.stock_days, 5.0, 1e-12);
  ck_assert_int_eq(sc->sectors[1].supply.supplied_side, FSIM_BLUE);
  /* schedule: an absent change is NaN (unchanged) */
  ck_assert(isnan(sc->sectors[1].schedule[0].counter_share));
  ck_assert(isnan(sc->sectors[1].schedule[1].engagement_rate));
  ck_assert_int_eq(sc->sweep.params[1].integer, 1);
  ck_assert_int_eq(sc->sweep.params[0].integer, 0);
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_load_integer_where_float) {
  /* An integer where a number is expected is valid (width_km = 10 above); a
   * float where an integer is expected is not. */
  fsim_scenario *sc = load_ok(tu_minimal, NULL);
  ck_assert_double_eq_tol(sc->sectors[0].width_km, 10.0, 1e-12);
  fsim_scenario_free(sc);
  fsim_error err;
  char *text = edited("width_km = 10;", "width_km = 10; step_shape = 3;");
  sc = load_ok(text, NULL);
  ck_assert_double_eq_tol(sc->sectors[0].step_shape, 3.0, 1e-12);
  fsim_scenario_free(sc);
  free(text);
  static const char *const days[] = {"run.days=30.0", NULL};
  load_bad(tu_minimal, days, &err);
  ck_assert_str_eq(err.path, "run.days");
  ck_assert_str_eq(err.message, "expected an integer, found a number 30.0");
}
END_TEST

START_TEST(test_load_separators_optional) {
  /* libconfig makes ';' after a setting optional: a "missing semicolon" alone is
   * valid, which is why the catalogue of bad files has a missing ',' instead. */
  char *text = edited("width_km = 10;", "width_km = 10");
  fsim_scenario *sc = load_ok(text, NULL);
  ck_assert_double_eq_tol(sc->sectors[0].width_km, 10.0, 1e-12);
  fsim_scenario_free(sc);
  free(text);
}
END_TEST

START_TEST(test_load_overrides) {
  static const char *const sets[] = {
      "sectors.s.engagement_rate=50",  /* by name */
      "formations.[1].personnel=300",  /* by index */
      "sectors.[0].counter_share=0.25", /* a key the file leaves out */
      "run.days=40",                    /* a group the file leaves out */
      "run.days=45",                    /* the last assignment wins */
      "run.mode=expected",              /* a bare word is a string */
      "run.seed=99999999999",           /* beyond 32 bits: a 64-bit integer */
      "sides.blue.name=Blue side",      /* text with a space */
      "sectors.s.held_area.holder=red", /* an optional group the file leaves out */
      "sectors.s.held_area.initial_km2=5",
      "sectors.s.held_area.max_km2=7",
      NULL};
  fsim_scenario *sc = load_with(tu_minimal, sets);
  ck_assert_double_eq_tol(sc->sectors[0].engagement_rate, 50.0, 1e-12);
  ck_assert_double_eq_tol(sc->formations[1].personnel, 300.0, 1e-12);
  ck_assert_double_eq_tol(sc->sectors[0].counter_share, 0.25, 1e-12);
  ck_assert_int_eq(sc->run.days, 45);
  ck_assert_int_eq(sc->run.mode, FSIM_MODE_EXPECTED);
  ck_assert(sc->run.seed == 99999999999LL);
  ck_assert_str_eq(sc->sides.side[FSIM_BLUE].name, "Blue side");
  ck_assert_int_eq(sc->sectors[0].has_held_area, 1);
  ck_assert_int_eq(sc->sectors[0].held_area.holder_side, FSIM_RED);
  ck_assert_double_eq_tol(sc->sectors[0].held_area.max_km2, 7.0, 1e-12);
  /* the record of what was overridden */
  ck_assert_ptr_nonnull(strstr(sc->text_overrides, "sectors.s.engagement_rate=50"));
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_load_override_list_value) {
  static const char *const sets[] = {"sides.red.reserve=10",
                                     "sides.red.rules=({ type = \"replacements\"; to = \"s\"; })",
                                     NULL};
  fsim_scenario *sc = load_with(tu_minimal, sets);
  ck_assert_int_eq(sc->sides.side[FSIM_RED].nrules, 1);
  ck_assert_int_eq(sc->sides.side[FSIM_RED].rules[0].type, FSIM_RULE_REPLACEMENTS);
  ck_assert_int_eq(sc->sides.side[FSIM_RED].rules[0].to_loc, 0);
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_load_error_records) {
  fsim_error err;
  /* a range, reported at the override */
  static const char *const width[] = {"sectors.s.width_km=-3", NULL};
  load_bad(tu_minimal, width, &err);
  ck_assert_str_eq(err.file, "--set");
  ck_assert_int_eq(err.line, 0);
  ck_assert_str_eq(err.path, "sectors.[0].width_km");
  ck_assert_str_eq(err.message, "must be > 0, got -3");

  /* a misspelt key, at its line in the file */
  char *text = edited("width_km = 10;", "widht_km = 10;");
  load_bad(text, NULL, &err);
  free(text);
  ck_assert_str_eq(err.file, "mem.cfg");
  ck_assert_int_eq(err.line, 1);
  ck_assert_str_eq(err.path, "sectors.[0].widht_km");
  ck_assert_str_eq(err.message, "unknown setting 'widht_km'; did you mean 'width_km'?");

  /* a cross-setting check (resolve pass), at the line of the setting it names */
  text = edited("location = \"s\"; } );", "location = \"t\"; } );");
  load_bad(text, NULL, &err);
  free(text);
  ck_assert_str_eq(err.file, "mem.cfg");
  ck_assert_int_eq(err.line, 4);
  ck_assert_str_eq(err.path, "formations.[1].location");
  ck_assert_str_eq(err.message, "no sector named \"t\"; did you mean \"s\"?");

  /* a syntax error has a line but no setting path */
  text = edited("personnel = 100; location = \"s\"; },", "personnel = 100; location = \"s\"; }");
  load_bad(text, NULL, &err);
  free(text);
  ck_assert_str_eq(err.file, "mem.cfg");
  ck_assert_int_eq(err.line, 4);
  ck_assert_str_eq(err.path, "");
  ck_assert_ptr_nonnull(strstr(err.message, "a ',' is missing between two elements of a list"));

  /* a missing required group at the top level: the file, no line */
  text = edited("sides = { blue = { name = \"B\"; }; red = { name = \"R\"; }; };\n", "");
  load_bad(text, NULL, &err);
  free(text);
  ck_assert_str_eq(err.file, "mem.cfg");
  ck_assert_int_eq(err.line, 0);
  ck_assert_str_eq(err.path, "sides");

  /* libconfig 1.5 would read this seed wrapped to 32 bits */
  text = edited("sectors = (", "run = { seed = 20250105123; };\nsectors = (");
  load_bad(text, NULL, &err);
  free(text);
  ck_assert_int_eq(err.line, 1);
  ck_assert_str_eq(err.path, "run.seed");
  ck_assert_ptr_nonnull(strstr(err.message, "write 20250105123L"));

  /* a date that sscanf would let through */
  static const char *const date[] = {"run.start_date=2025-+1-05", NULL};
  load_bad(tu_minimal, date, &err);
  ck_assert_str_eq(err.path, "run.start_date");

  /* --set on a path that cannot exist */
  static const char *const path[] = {"formations.[7].personnel=3", NULL};
  load_bad(tu_minimal, path, &err);
  ck_assert_str_eq(err.file, "--set");
  ck_assert_str_eq(err.path, "formations.[7].personnel");
  ck_assert_str_eq(err.message, "formations has no element [7] (it has 2: [0] to [1])");
}
END_TEST

/* ---- fsim_scenario_load -------------------------------------------------- */

START_TEST(test_load_file_and_include) {
  tmpdir d;
  tmpdir_make(&d);
  tmpdir_write(&d, "base.inc", tu_minimal);
  const char *main_path =
      tmpdir_write(&d, "main.cfg",
                   "# a variant of the base scenario\n"
                   "@include \"base.inc\"\n"
                   "run = { days = 45; start_date = \"2024-02-28\"; };\n");
  fsim_scenario *sc = NULL;
  fsim_error err;
  ck_assert_int_eq(fsim_scenario_load(main_path, NULL, &sc, &err), FSIM_OK);
  ck_assert_int_eq(sc->run.days, 45);
  ck_assert_double_eq_tol(sc->sectors[0].width_km, 10.0, 1e-12); /* from the base */
  ck_assert_str_eq(fsim_scenario_source(sc), main_path);
  fsim_scenario_free(sc);

  /* the base, then overrides of settings that came from it */
  fsim_overrides *ov = fsim_overrides_new();
  ck_assert_int_eq(fsim_overrides_add(ov, "sectors.s.width_km=25", &err), FSIM_OK);
  ck_assert_int_eq(fsim_overrides_add(ov, "formations.b.personnel=150", &err), FSIM_OK);
  ck_assert_int_eq(fsim_scenario_load(main_path, ov, &sc, &err), FSIM_OK);
  ck_assert_double_eq_tol(sc->sectors[0].width_km, 25.0, 1e-12);
  ck_assert_double_eq_tol(sc->formations[0].personnel, 150.0, 1e-12);
  ck_assert_int_eq(sc->run.days, 45);
  fsim_scenario_free(sc);
  fsim_overrides_free(ov);

  /* the same from memory, with the include directory given */
  char text[256];
  snprintf(text, sizeof text, "@include \"base.inc\"\nrun = { days = 7; };\n");
  ck_assert_int_eq(fsim_scenario_load_string(text, "inline", d.path, NULL, &sc, &err), FSIM_OK);
  ck_assert_int_eq(sc->run.days, 7);
  fsim_scenario_free(sc);

  /* an error inside the included file names that file, as a path that opens */
  char *bad = edited("width_km = 10;", "width_km = 0;");
  tmpdir_write(&d, "bad.inc", bad);
  free(bad);
  const char *uses_bad = tmpdir_write(&d, "uses-bad.cfg", "@include \"bad.inc\"\n");
  ck_assert_int_eq(fsim_scenario_load(uses_bad, NULL, &sc, &err), FSIM_E_INPUT);
  ck_assert_ptr_null(sc);
  char want[300];
  snprintf(want, sizeof want, "%s/bad.inc", d.path);
  ck_assert_str_eq(err.file, want);
  ck_assert_int_eq(err.line, 1);
  ck_assert_str_eq(err.path, "sectors.[0].width_km");

  /* an @include of a file that is not there */
  const char *uses_missing = tmpdir_write(&d, "uses-missing.cfg", "\n@include \"gone.inc\"\n");
  ck_assert_int_eq(fsim_scenario_load(uses_missing, NULL, &sc, &err), FSIM_E_INPUT);
  ck_assert_str_eq(err.file, uses_missing);
  ck_assert_int_eq(err.line, 2);
  ck_assert_ptr_nonnull(strstr(err.message, "cannot include \"gone.inc\""));
  tmpdir_remove(&d);
}
END_TEST

START_TEST(test_load_missing_file) {
  fsim_scenario *sc = (fsim_scenario *)1;
  fsim_error err;
  ck_assert_int_eq(fsim_scenario_load("/nonexistent/dir/x.cfg", NULL, &sc, &err), FSIM_E_INPUT);
  ck_assert_ptr_null(sc);
  ck_assert_str_eq(err.file, "/nonexistent/dir/x.cfg");
  ck_assert_int_eq(err.line, 0);
  ck_assert_ptr_nonnull(strstr(err.message, "cannot open the scenario"));
}
END_TEST

/* ---- fsim_scenario_write ------------------------------------------------- */

static char *write_text(const fsim_scenario *sc) {
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  ck_assert_ptr_nonnull(out);
  fsim_error err;
  ck_assert_int_eq(fsim_scenario_write(sc, out, "header line 1\nline 2", &err), FSIM_OK);
  ck_assert_int_eq(fclose(out), 0);
  return buf;
}

static void check_round_trip(const char *text, const fsim_overrides *ov) {
  fsim_scenario *one = NULL;
  fsim_error err;
  ck_assert_int_eq(fsim_scenario_load_string(text, "one.cfg", NULL, ov, &one, &err), FSIM_OK);
  char *first = write_text(one);
  fsim_scenario *two = load_ok(first, NULL);
  char *second = write_text(two);
  ck_assert_str_eq(first, second);
  ck_assert_int_eq(two->nformations, one->nformations);
  ck_assert_int_eq(two->nsectors, one->nsectors);
  ck_assert(two->run.seed == one->run.seed);
  free(first);
  free(second);
  fsim_scenario_free(one);
  fsim_scenario_free(two);
}

START_TEST(test_write_round_trip) {
  check_round_trip(tu_minimal, NULL);
  check_round_trip(rich, NULL);
  fsim_overrides *ov = fsim_overrides_new();
  fsim_error err;
  ck_assert_int_eq(fsim_overrides_add(ov, "run.seed=99999999999", &err), FSIM_OK);
  ck_assert_int_eq(fsim_overrides_add(ov, "sectors.pokrovsk.step_km=0.1", &err), FSIM_OK);
  check_round_trip(rich, ov);
  fsim_overrides_free(ov);
}
END_TEST

START_TEST(test_write_content) {
  fsim_scenario *sc = load_ok(tu_minimal, NULL);
  char *text = write_text(sc);
  /* the header as comments, defaults filled in, no implicit reserve formation */
  ck_assert_ptr_nonnull(strstr(text, "# header line 1\n# line 2\n"));
  ck_assert_ptr_nonnull(strstr(text, "days = 120;"));
  ck_assert_ptr_nonnull(strstr(text, "law = \"square\";"));
  ck_assert_ptr_nonnull(strstr(text, "width_km = 10.0;"));
  ck_assert_ptr_null(strstr(text, "blue-reserve"));
  ck_assert_ptr_null(strstr(text, "held_area"));
  free(text);
  fsim_scenario_free(sc);
}
END_TEST

/* ---- fsim_overrides_add -------------------------------------------------- */

START_TEST(test_overrides_add) {
  fsim_overrides *ov = fsim_overrides_new();
  fsim_error err;
  ck_assert_uint_eq(fsim_overrides_count(ov), 0);
  ck_assert_int_eq(fsim_overrides_add(ov, "run.days=30", &err), FSIM_OK);
  ck_assert_int_eq(fsim_overrides_add(ov, "sides.blue.name=a=b", &err), FSIM_OK);
  ck_assert_int_eq(fsim_overrides_add(ov, "run.days=31", &err), FSIM_OK);
  ck_assert_uint_eq(fsim_overrides_count(ov), 3);
  ck_assert_str_eq(fsim_overrides_get(ov, 0), "run.days=30");
  ck_assert_str_eq(fsim_overrides_get(ov, 1), "sides.blue.name=a=b");
  ck_assert_ptr_null(fsim_overrides_get(ov, 3));

  ck_assert_int_eq(fsim_overrides_add(ov, "run.days", &err), FSIM_E_INPUT);
  ck_assert_str_eq(err.file, "--set");
  ck_assert_str_eq(err.message, "expected path=value, got \"run.days\"");
  ck_assert_int_eq(fsim_overrides_add(ov, "=5", &err), FSIM_E_INPUT);
  char longpath[FSIM_ERROR_PLACE + 8];
  memset(longpath, 'a', sizeof longpath - 3);
  memcpy(longpath + sizeof longpath - 3, "=1", 3);
  ck_assert_int_eq(fsim_overrides_add(ov, longpath, &err), FSIM_E_INPUT);
  ck_assert_uint_eq(fsim_overrides_count(ov), 3); /* refused ones are not kept */

  /* the value is everything after the first '='; the last assignment wins */
  fsim_scenario *sc = load_ok(tu_minimal, ov);
  ck_assert_str_eq(sc->sides.side[FSIM_BLUE].name, "a=b");
  ck_assert_int_eq(sc->run.days, 31);
  fsim_scenario_free(sc);
  fsim_overrides_free(ov);
  /* only the form is checked when added: an empty value is a value (a string) */
  ov = fsim_overrides_new();
  ck_assert_int_eq(fsim_overrides_add(ov, "run.rng=", &err), FSIM_OK);
  fsim_scenario *none = (fsim_scenario *)1;
  ck_assert_int_eq(fsim_scenario_load_string(tu_minimal, "mem.cfg", NULL, ov, &none, &err),
                   FSIM_E_INPUT);
  ck_assert_str_eq(err.path, "run.rng");
  ck_assert_str_eq(err.message, "must not be empty");
  fsim_overrides_free(ov);
  fsim_overrides_free(NULL);
  ck_assert_uint_eq(fsim_overrides_count(NULL), 0);
}
END_TEST

START_TEST(test_overrides_add_element) {
  /* The index just past a list's end adds an element, its settings each by its own
     --set; one further on is still refused (test_load_error_records). */
  static const char *const sets[] = {"formations.[2].name=x", "formations.[2].side=red",
                                     "formations.[2].personnel=50",
                                     "formations.[2].location=reserve", NULL};
  fsim_scenario *sc = load_with(tu_minimal, sets);
  ck_assert_int_eq(sc->nformations, 3 + 2); /* and one implicit reserve formation a side */
  ck_assert_str_eq(sc->formations[2].name, "x");
  ck_assert_int_eq(sc->formations[2].implicit, 0);
  ck_assert_double_eq(sc->formations[2].personnel, 50);
  fsim_scenario_free(sc);
  /* An element added and left incomplete is refused as in a file. */
  static const char *const half[] = {"formations.[2].name=x", NULL};
  fsim_error err;
  load_bad(tu_minimal, half, &err);
  ck_assert_str_eq(err.path, "formations.[2].side");
}
END_TEST

START_TEST(test_overrides_paths_refused) {
  fsim_error err;
  static const struct {
    const char *set, *path, *message;
  } cases[] = {
      {"run.days.x=1", "run.days.x", "run.days is a single value; nothing lies below it"},
      {"run..days=1", "run..days",
       "not a setting path: a key is empty (a '.' at an end, or two dots)"},
      {"sectors.[0]=1", "sectors.[0]",
       "a --set path must end in the key of a setting, not in a list element (e.g. "
       "sectors.[0].name)"},
      {"sectors.t.width_km=1", "sectors.t.width_km",
       "sectors has no element named \"t\" (names: s)"},
      {"events.[0].day=1", "events.[0].day",
       "events is not in the scenario; --set adds elements to a list the scenario has, not the "
       "list itself"},
      {"run.replicatons=5", "run.replicatons",
       "unknown setting 'replicatons'; did you mean 'replications'?"},
      {"days=5", "days", "unknown setting 'days' here; did you mean 'run.days'?"},
      {"run.days=ten", "run.days", "expected an integer, found a string \"ten\""},
      {"run.seed=99999999999999999999", "run.seed",
       "99999999999999999999 is out of range for any integer (-9223372036854775808 to "
       "9223372036854775807)"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const char *sets[] = {cases[i].set, NULL};
    load_bad(tu_minimal, sets, &err);
    ck_assert_str_eq(err.file, "--set");
    ck_assert_str_eq(err.path, cases[i].path);
    ck_assert_str_eq(err.message, cases[i].message);
  }
}
END_TEST

/* ---- fsim_date_parse / fsim_date_format ---------------------------------- */

static long day_of(const char *text) {
  long d = -999999;
  ck_assert_msg(fsim_date_parse(text, &d), "%s refused", text);
  return d;
}

static void check_format(long day, const char *want) {
  char buf[11];
  fsim_date_format(day, buf);
  ck_assert_str_eq(buf, want);
}

START_TEST(test_dates) {
  ck_assert_int_eq(day_of("1970-01-01"), 0);
  ck_assert_int_eq(day_of("1970-01-02"), 1);
  ck_assert_int_eq(day_of("1969-12-31"), -1);
  check_format(day_of("2025-01-05") + 15, "2025-01-20");
  check_format(day_of("2024-12-31") + 1, "2025-01-01");
  /* leap years: divisible by 4, except centuries, except every 400 years */
  check_format(day_of("2024-02-28") + 1, "2024-02-29");
  check_format(day_of("2025-02-28") + 1, "2025-03-01");
  check_format(day_of("2000-02-28") + 1, "2000-02-29");
  check_format(day_of("2100-02-28") + 1, "2100-03-01");
  ck_assert_int_eq(day_of("2025-01-01") - day_of("2024-01-01"), 366);
  ck_assert_int_eq(day_of("2026-01-01") - day_of("2025-01-01"), 365);
  ck_assert_int_eq(day_of("1901-01-01") - day_of("1900-01-01"), 365);
  long d;
  static const char *const invalid[] = {
      "2023-02-29", "1900-02-29", "2100-02-29", "2025-04-31", "2025-13-01", "2025-00-10",
      "2025-01-00", "2025-01-32", "2025/01/05", "2025-1-05",  "2025-01-5",  "25-01-05",
      "2025-01-05x", "",          "1899-12-31", "3000-01-01", "yyyy-mm-dd", "2025-01-05 "};
  for (size_t i = 0; i < sizeof invalid / sizeof invalid[0]; i++)
    ck_assert_msg(!fsim_date_parse(invalid[i], &d), "\"%s\" accepted", invalid[i]);
  ck_assert(fsim_date_parse("2024-02-29", &d));
  ck_assert(fsim_date_parse("2000-02-29", &d));
}
END_TEST

START_TEST(test_dates_every_day) {
  /* Every day from 1900 to 2999 formats to a date that parses back to it, and
   * consecutive days are consecutive dates. */
  long first = day_of("1900-01-01"), last = day_of("2999-12-31");
  char buf[11];
  /* One assertion after the loop: Check records every ck_assert it passes, and 400,000
   * of them took most of this suite's time under valgrind. The first day that fails is
   * reported. */
  long bad = first - 1, back = -1;
  for (long day = first; day <= last && bad < first; day++) {
    fsim_date_format(day, buf);
    back = -1;
    if (!fsim_date_parse(buf, &back) || back != day) bad = day;
  }
  ck_assert_msg(bad < first, "%ld -> %s -> %ld", bad, buf, back);
  ck_assert_int_eq(last - first + 1, 1100 * 365 + 267); /* 267 leap days in 1900-2999 */
}
END_TEST

/* ---- fsim_text_distance -------------------------------------------------- */

START_TEST(test_text_distance) {
  ck_assert_int_eq(fsim_text_distance("width_km", "width_km"), 0);
  ck_assert_int_eq(fsim_text_distance("", ""), 0);
  ck_assert_int_eq(fsim_text_distance("", "abc"), 3);
  ck_assert_int_eq(fsim_text_distance("abc", ""), 3);
  ck_assert_int_eq(fsim_text_distance("kursk", "kurks"), 1);           /* adjacent swap */
  ck_assert_int_eq(fsim_text_distance("widht_km", "width_km"), 1);     /* adjacent swap */
  ck_assert_int_eq(fsim_text_distance("treshold", "threshold"), 1);    /* insertion */
  ck_assert_int_eq(fsim_text_distance("replications", "replicatons"), 1); /* deletion */
  ck_assert_int_eq(fsim_text_distance("stochastic", "stochastc"), 1);
  ck_assert_int_eq(fsim_text_distance("daily_cap", "daily_gap"), 1);   /* substitution */
  ck_assert_int_eq(fsim_text_distance("Kursk", "kursk"), 0);           /* case is ignored */
  ck_assert_int_eq(fsim_text_distance("sector", "sectors"), 1);
  ck_assert_int_eq(fsim_text_distance("abc", "xyz"), 3);
  ck_assert_int_eq(fsim_text_distance("colour_scheme", "sectors"),
                   fsim_text_distance("sectors", "colour_scheme"));
  /* long strings are not compared: never "near" */
  char longer[100];
  memset(longer, 'a', sizeof longer - 1);
  longer[sizeof longer - 1] = '\0';
  ck_assert_int_eq(fsim_text_distance(longer, longer), 255);
}
END_TEST

/* ---- fsim_enum_name_of, fsim_enum_value_of --------------------------------- */

START_TEST(test_enum_names) {
  ck_assert_str_eq(FSIM_ENUM_NAME(fsim_sweep_method_names, FSIM_SWEEP_SOBOL), "sobol");
  ck_assert_str_eq(FSIM_ENUM_NAME(fsim_side_names, FSIM_RED), "red");
  ck_assert_str_eq(fsim_side_key(FSIM_BLUE), "blue");
  ck_assert_str_eq(FSIM_ENUM_NAME(fsim_rule_type_names, FSIM_RULE_REPLACEMENTS), "replacements");
  ck_assert_ptr_null(FSIM_ENUM_NAME(fsim_run_mode_names, 7));
  ck_assert_ptr_null(FSIM_ENUM_NAME(fsim_attrition_law_names, -1));
  ck_assert_int_eq(FSIM_ENUM_VALUE(fsim_attrition_law_names, "logarithmic"),
                   FSIM_LAW_LOGARITHMIC);
  ck_assert_int_eq(FSIM_ENUM_VALUE(fsim_run_mode_names, "expected"), FSIM_MODE_EXPECTED);
  ck_assert_int_eq(FSIM_ENUM_VALUE(fsim_sweep_method_names, "Grid"), -1); /* exact match */
  ck_assert_int_eq(FSIM_ENUM_VALUE(fsim_sweep_method_names, ""), -1);
  /* Every table names each value of its enumeration once. */
  for (int v = 0; v < FSIM_NLAWS; v++)
    ck_assert_int_eq(FSIM_ENUM_VALUE(fsim_attrition_law_names,
                                     FSIM_ENUM_NAME(fsim_attrition_law_names, v)), v);
}
END_TEST

/* ---- fsim_spec_enum_name -------------------------------------------------- */

START_TEST(test_spec_enum_name) {
  const fsim_spec *law = fsim_schema_lookup_path("model.attrition.law");
  ck_assert_ptr_nonnull(law);
  ck_assert_str_eq(fsim_spec_enum_name(law, FSIM_LAW_FREE), "free");
  ck_assert_str_eq(fsim_spec_enum_name(law, 99), "?");
  const fsim_spec *type = fsim_schema_lookup_path("sides.red.rules.[0].type");
  ck_assert_ptr_nonnull(type);
  ck_assert_str_eq(fsim_spec_enum_name(type, FSIM_RULE_REINFORCE), "reinforce");
}
END_TEST

/* ---- fsim_sources_text ---------------------------------------------------- */

START_TEST(test_sources_text) {
  tmpdir d;
  tmpdir_make(&d);
  const char *path = tmpdir_write(&d, "b.inc", "x = 1;\n");
  char copy[512];
  snprintf(copy, sizeof copy, "%s", path);
  fsim_sources src = {.main_name = "(string)", .main_text = "@include \"b.inc\"\n"};
  const char *first = fsim_sources_text(&src, copy);
  ck_assert_str_eq(first, "x = 1;\n");
  unlink(copy); /* read once: the second look does not go to the disk */
  ck_assert_ptr_eq(fsim_sources_text(&src, copy), first);
  ck_assert_ptr_null(fsim_sources_text(&src, "/nonexistent/y.inc"));
  ck_assert_uint_eq(src.n, 2);
  fsim_sources_free(&src);
  ck_assert_uint_eq(src.n, 0);
  tmpdir_remove(&d);
}
END_TEST

/* ---- fsim_lex_scan -------------------------------------------------------- */

START_TEST(test_lex_scan) {
  fsim_lex_facts f;
  fsim_lex_scan("a = 1;\nb = \"x\";\n", &f);
  ck_assert_int_eq(f.last_line, 2);
  ck_assert_int_eq(f.string_line + f.stray_line + f.comma_line + f.nwide + f.open_line, 0);
  fsim_lex_scan("a = {\n b = \"x;\n}\n", &f); /* a string left open */
  ck_assert_int_eq(f.string_line, 2);
  fsim_lex_scan("l = ( {a = 1;}\n {a = 2;} );\n", &f); /* a ',' missing */
  ck_assert_int_eq(f.comma_line, 2);
  fsim_lex_scan("a = ( 1 ];\n", &f);
  ck_assert_int_eq(f.mismatch_line, 1);
  ck_assert_int_eq(f.mismatch_close, ']');
  ck_assert_int_eq(f.mismatch_open, '(');
  fsim_lex_scan("g = {\n a = 1;\n", &f); /* never closed */
  ck_assert_int_eq(f.open_line, 1);
  ck_assert_int_eq(f.open_char, '{');
  fsim_lex_scan("seed = 99999999999;\nok = 99999999999L;\n# 88888888888\n", &f);
  ck_assert_int_eq(f.nwide, 1);
  ck_assert_int_eq(f.wide[0].line, 1);
  ck_assert_str_eq(f.wide[0].text, "99999999999");
  ck_assert_int_eq(f.wide[0].wrapped, 1215752191);
  ck_assert_int_eq(f.wide[0].beyond64, 0);
  fsim_lex_scan("name \"x\";\n", &f); /* the '=' is missing */
  ck_assert_int_eq(f.stray_line, 1);
  ck_assert_int_eq(f.stray_after_name, 1);
  fsim_lex_scan("@include \"base/a.inc\"\n", &f);
  ck_assert_int_eq(f.nincludes, 1);
  ck_assert_int_eq(f.include_len[0], 10);
  ck_assert_int_eq(strncmp(f.include_name[0], "base/a.inc", 10), 0);
  ck_assert_int_eq(f.include_lines[0], 1);
}
END_TEST

/* ---- fsim_lex_strings_in_place -------------------------------------------- */

START_TEST(test_lex_strings_in_place) {
  ck_assert(fsim_lex_strings_in_place("\"kursk\""));
  ck_assert(fsim_lex_strings_in_place("[\"a\", \"b\"]"));
  ck_assert(fsim_lex_strings_in_place("(\"a\", \"b\")"));
  ck_assert(fsim_lex_strings_in_place("\"a\" \"b\"")); /* adjacent strings join */
  ck_assert(fsim_lex_strings_in_place("12"));
  ck_assert(fsim_lex_strings_in_place("\"open")); /* libconfig fails on it, holding nothing */
  ck_assert(!fsim_lex_strings_in_place("1 \"x\""));
  ck_assert(!fsim_lex_strings_in_place("word \"x\""));
  ck_assert(!fsim_lex_strings_in_place("{ \"x\" }"));
  ck_assert(!fsim_lex_strings_in_place("{ a = 1, \"x\" }"));
}
END_TEST

/* ---- fsim_nearest_result ------------------------------------------------- */

static const char *nearest_of(const char *text, const char *const *names, size_t n) {
  fsim_nearest near;
  fsim_nearest_init(&near, text);
  for (size_t i = 0; i < n; i++) fsim_nearest_offer(&near, names[i]);
  return fsim_nearest_result(&near);
}

START_TEST(test_nearest) {
  static const char *const sectors[] = {"kursk", "pokrovsk", "kurakhove", "reserve"};
  ck_assert_str_eq(nearest_of("kurks", sectors, 4), "kursk");
  ck_assert_str_eq(nearest_of("kurakove", sectors, 4), "kurakhove");
  ck_assert_str_eq(nearest_of("KURSK", sectors, 4), "kursk");
  ck_assert_ptr_null(nearest_of("donetsk", sectors, 4));
  ck_assert_ptr_null(nearest_of("x", sectors, 0));
  /* The threshold grows with the length of what was typed: 1 edit up to 4
   * characters, 2 up to 8, 3 beyond. */
  static const char *const keys[] = {"days", "replications", "seed"};
  ck_assert_str_eq(nearest_of("dys", keys, 3), "days");
  ck_assert_ptr_null(nearest_of("dy", keys, 3));
  ck_assert_str_eq(nearest_of("replicatn", keys, 3), "replications");
  ck_assert_ptr_null(nearest_of("rplicatn", keys, 3));
  /* Ties go to the first offered. */
  static const char *const twins[] = {"ab1", "ab2"};
  ck_assert_str_eq(nearest_of("ab", twins, 2), "ab1");
}
END_TEST

/* ---- fsim_date_days_in_month --------------------------------------------- */

START_TEST(test_days_in_month) {
  ck_assert_int_eq(fsim_date_days_in_month(2025, 1), 31);
  ck_assert_int_eq(fsim_date_days_in_month(2025, 4), 30);
  ck_assert_int_eq(fsim_date_days_in_month(2025, 2), 28);
  ck_assert_int_eq(fsim_date_days_in_month(2024, 2), 29);
  ck_assert_int_eq(fsim_date_days_in_month(1900, 2), 28); /* a century */
  ck_assert_int_eq(fsim_date_days_in_month(2000, 2), 29); /* every fourth century */
  ck_assert_int_eq(fsim_date_days_in_month(2100, 2), 28);
  ck_assert_int_eq(fsim_date_days_in_month(2025, 12), 31);
}
END_TEST

/* ---- fsim_kind_ops_of ----------------------------------------------------- */

START_TEST(test_kind_ops) {
  for (int k = FSIM_K_INT; k <= FSIM_K_LIST; k++) {
    const fsim_kind_ops *ops = fsim_kind_ops_of((fsim_kind)k);
    ck_assert_msg(ops->set_default && ops->doc_name && ops->doc_default,
                  "kind %d has a gap in its row", k);
    /* Groups and lists are loaded and written by the passes, which recurse. */
    int structural = k == FSIM_K_GROUP || k == FSIM_K_LIST;
    ck_assert_int_eq(ops->structural, structural);
    ck_assert_msg(structural ? !ops->load && !ops->write : ops->load && ops->write,
                  "kind %d: load and write are the row's for a leaf, the passes' otherwise", k);
    ck_assert_int_eq(ops->numeric, k == FSIM_K_INT || k == FSIM_K_INT64 || k == FSIM_K_FLOAT);
  }
  /* The type column of the reference, through the row. */
  char buf[160];
  const fsim_spec *persons = fsim_schema_lookup_path("formations.[0].personnel");
  fsim_kind_ops_of(persons->kind)->doc_type(persons, fsim_kind_ops_of(persons->kind)->doc_name,
                                            buf, sizeof buf);
  ck_assert_str_eq(buf, "number (whole)");
  const fsim_spec *method = fsim_schema_lookup_path("sweep.method");
  fsim_kind_ops_of(method->kind)->doc_type(method, "one of", buf, sizeof buf);
  ck_assert_str_eq(buf, "one of `grid|lhs|sobol|morris`");
  /* An optional float left NaN is unset; one with a value is written. */
  fsim_rule_def rule = {.personnel = NAN, .fraction = 0.25};
  const fsim_spec *pers = fsim_schema_lookup_path("sides.red.rules.[0].personnel");
  const fsim_spec *frac = fsim_schema_lookup_path("sides.red.rules.[0].fraction");
  ck_assert(fsim_kind_ops_of(pers->kind)->is_unset(pers, &rule));
  ck_assert(!fsim_kind_ops_of(frac->kind)->is_unset(frac, &rule));
}
END_TEST

/* ---- fsim_setting_path_split ---------------------------------------------- */

/* One grammar for every setting path: keys, "[i]" and element names; an empty key
 * is refused, not skipped (a value must land where it was written). */
START_TEST(test_setting_path) {
  fsim_setting_path p;
  ck_assert_int_eq(fsim_setting_path_split(&p, "sides.red.rules.[0].delay"), FSIM_PATH_OK);
  ck_assert_int_eq(p.n, 5);
  ck_assert_str_eq(p.seg[3], "[0]");
  ck_assert_int_eq(fsim_setting_path_index(p.seg[3]), 0);
  ck_assert_int_eq(fsim_setting_path_index(p.seg[2]), -1);
  ck_assert_int_eq(fsim_setting_path_index("[99999999999]"), INT_MAX);
  ck_assert_int_eq(fsim_setting_path_index("[1a]"), -1);
  ck_assert_int_eq(fsim_setting_path_split(&p, "run"), FSIM_PATH_OK);
  ck_assert_int_eq(p.n, 1);
  const char *empty[] = {"", ".run", "run.", "run..days"};
  for (size_t i = 0; i < sizeof empty / sizeof empty[0]; i++)
    ck_assert_int_eq(fsim_setting_path_split(&p, empty[i]), FSIM_PATH_EMPTY_KEY);
  char deep[200] = "a";
  for (int i = 0; i < FSIM_PATH_SEGMENTS_MAX; i++) strcat(deep, ".b");
  ck_assert_int_eq(fsim_setting_path_split(&p, deep), FSIM_PATH_TOO_LONG);
  /* The settings table and the tree lookups read paths by the same grammar. */
  ck_assert_ptr_nonnull(fsim_schema_lookup_path("sides.red.rules.[0].delay"));
  ck_assert_ptr_null(fsim_schema_lookup_path("sides..red.rules.[0].delay"));
}
END_TEST

Suite *scenario_suite(void) {
  Suite *s = suite_create("scenario");
  TCase *path_tc = tcase_create("fsim_setting_path_split");
  tcase_add_test(path_tc, test_setting_path);
  suite_add_tcase(s, path_tc);
  TCase *tc = tcase_create("fsim_scenario_load_string");
  tcase_add_test(tc, test_load_defaults);
  tcase_add_test(tc, test_load_rule_defaults_and_derived);
  tcase_add_test(tc, test_load_integer_where_float);
  tcase_add_test(tc, test_load_separators_optional);
  tcase_add_test(tc, test_load_overrides);
  tcase_add_test(tc, test_load_override_list_value);
  tcase_add_test(tc, test_load_error_records);
  suite_add_tcase(s, tc);

  tc = tcase_create("fsim_scenario_load");
  tcase_add_test(tc, test_load_file_and_include);
  tcase_add_test(tc, test_load_missing_file);
  suite_add_tcase(s, tc);

  tc = tcase_create("fsim_scenario_write");
  tcase_add_test(tc, test_write_round_trip);
  tcase_add_test(tc, test_write_content);
  suite_add_tcase(s, tc);

  tc = tcase_create("fsim_overrides_add");
  tcase_add_test(tc, test_overrides_add);
  tcase_add_test(tc, test_overrides_paths_refused);
  tcase_add_test(tc, test_overrides_add_element);
  suite_add_tcase(s, tc);

  tc = tcase_create("fsim_date_parse");
  tcase_add_test(tc, test_dates);
  tcase_add_test(tc, test_dates_every_day);
  suite_add_tcase(s, tc);

  tc = tcase_create("fsim_text_distance");
  tcase_add_test(tc, test_text_distance);
  suite_add_tcase(s, tc);

  tc = tcase_create("fsim_kind_ops_of");
  tcase_add_test(tc, test_kind_ops);
  suite_add_tcase(s, tc);

  tc = tcase_create("fsim_nearest_result");
  tcase_add_test(tc, test_nearest);
  suite_add_tcase(s, tc);

  tc = tcase_create("fsim_date_days_in_month");
  tcase_add_test(tc, test_days_in_month);
  suite_add_tcase(s, tc);


  tc = tcase_create("fsim_sources_text");
  tcase_add_test(tc, test_sources_text);
  suite_add_tcase(s, tc);

  tc = tcase_create("fsim_lex_scan");
  tcase_add_test(tc, test_lex_scan);
  suite_add_tcase(s, tc);

  tc = tcase_create("fsim_lex_strings_in_place");
  tcase_add_test(tc, test_lex_strings_in_place);
  suite_add_tcase(s, tc);

  tc = tcase_create("fsim_enum_name_of");
  tcase_add_test(tc, test_enum_names);
  suite_add_tcase(s, tc);

  tc = tcase_create("fsim_spec_enum_name");
  tcase_add_test(tc, test_spec_enum_name);
  suite_add_tcase(s, tc);
  return s;
}
