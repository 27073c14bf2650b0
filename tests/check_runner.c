/* Replications: reproducibility, independence from threads, conservation of
 * personnel, early stop. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* In every replication of `text` (busy, or busy with another rule): personnel at the end =
 * initial + arrivals + replacements - losses (whole persons; replacements by a running
 * total: floor(rate * days)); formation losses add up to the side's. */
static void assert_busy_conserved(const char *text) {
  fsim_scenario *sc = tu_load(text);
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
  const char *side_f[2][5] = {
      {"formation.uk.losses", "formation.up.losses", "formation.blue-reserve.losses"},
      {"formation.rk.losses", "formation.nk.losses", "formation.rp.losses",
       "formation.red-reserve.losses"}};
  for (int i = 0; i < 2; i++) {
    double sum = 0;
    for (int k = 0; side_f[i][k]; k++) sum += tu_metric_mean(res, side_f[i][k]);
    ck_assert_double_eq_tol(sum, tu_metric_mean(res, lost[i]), 1e-6);
  }
  fsim_results_free(res);
  fsim_scenario_free(sc);
}

START_TEST(test_conservation) { assert_busy_conserved(busy); }
END_TEST

START_TEST(test_conservation_listed_withdraw) {
  /* From day 10 red pulls rk and what it sent to k from its reserve out to p, 800 a day,
     with a rear guard of 5% a day; nk and what came from p stay, and its reinforce rule
     keeps feeding k (MODEL.md 8.6). Version 2, the rule added after red's others. */
  char text[sizeof busy + 512];
  const char *at = strstr(busy, "fraction = 0.2; }");
  ck_assert_ptr_nonnull(at);
  const int head = (int)(at - busy) + (int)strlen("fraction = 0.2; }");
  snprintf(text, sizeof text,
           "version = 2;\n%.*s,\n"
           "              { type = \"withdraw\"; sector = \"k\"; to = \"p\"; ratio_below = 100;\n"
           "                formations = [\"rk\", \"red-reserve\"]; daily_cap = 800; delay = 2;\n"
           "                rearguard_rate = 0.05; start_day = 10; }%s",
           head, busy, at + strlen("fraction = 0.2; }"));
  fsim_scenario *sc = tu_load(text);
  fsim_results *res = tu_run(sc, 20, 1);
  ck_assert(tu_metric_mean(res, "k.red_withdrawn") > 0);
  fsim_results_free(res);
  fsim_scenario_free(sc);
  assert_busy_conserved(text);
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

/* ---- Numeric edge cases: no NaN, no negative count, no overflow ---------------- */

static int ends_with(const char *s, const char *tail) {
  size_t n = strlen(s), k = strlen(tail);
  return n >= k && strcmp(s + n - k, tail) == 0;
}

/* Series that count persons, events or stocks, which can never be negative (the
 * front line and route distance can). */
static int never_negative(const char *name) {
  static const char *const signed_series[] = {"front_km", "route_km"};
  for (size_t k = 0; k < sizeof signed_series / sizeof *signed_series; k++)
    if (ends_with(name, signed_series[k])) return 0;
  return 1;
}

/* Metrics that are NaN by definition where undefined: no blue losses, no cut. */
static int may_be_nan(const char *name) {
  return strcmp(name, "exchange_ratio") == 0 || ends_with(name, ".cut_day");
}

/* Every series value of every replication and day is finite and, where it counts
 * something, not negative; so is every metric. */
static void assert_sane(const fsim_results *res, int days) {
  const long n = fsim_results_replications(res);
  /* Each series value tested in plain C, one assertion naming the first bad one:
   * Check records every ck_assert passed, and ten years of days made millions. */
  for (int v = 0; v < fsim_results_nseries(res); v++) {
    const char *name = fsim_results_series_name(res, v);
    const int nonneg = never_negative(name);
    int bad_day = -1;
    long bad_rep = -1;
    double bad = 0;
    for (long r = 0; r < n && bad_day < 0; r++)
      for (int d = 0; d <= days; d++) {
        double x = fsim_results_series_value(res, v, d, r);
        if (!isfinite(x) || (nonneg && x < 0)) {
          bad_day = d, bad_rep = r, bad = x;
          break;
        }
      }
    ck_assert_msg(bad_day < 0, "%s day %d rep %ld: %g (not finite, or < 0)", name, bad_day, bad_rep,
                  bad);
  }
  for (int m = 0; m < fsim_results_nmetrics(res); m++) {
    const char *name = fsim_results_metric_name(res, m);
    for (long r = 0; r < n; r++) {
      double x = fsim_results_value(res, r, m);
      if (isnan(x) && may_be_nan(name)) continue;
      ck_assert_msg(isfinite(x), "%s rep %ld: %g", name, r, x);
      ck_assert_msg(!never_negative(name) || x >= 0, "%s rep %ld: %g < 0", name, r, x);
    }
  }
}

/* One sector "s" with a supply route and a held area, so that every mechanism runs. */
static fsim_scenario *edge_scenario(const char *run, double blue, double red, double rate,
                                    double alpha, const char *law) {
  char text[2048];
  snprintf(text, sizeof text,
           "run = { %s };\n"
           "model = { attrition = { %s }; };\n"
           "sectors = ( { name = \"s\"; width_km = 20; attacker = \"red\"; engagement_rate = %g;\n"
           "  step_km = 0.05; attrition = { blue = %g; red = %g; };\n"
           "  held_area = { holder = \"blue\"; initial_km2 = 300; max_km2 = 500; };\n"
           "  supply = { side = \"blue\"; distance_km = 5; }; } );\n"
           "formations = ( { name = \"b\"; side = \"blue\"; personnel = %.0f; location = \"s\"; },\n"
           "  { name = \"r\"; side = \"red\"; personnel = %.0f; location = \"s\"; } );\n"
           "sides = { blue = { name = \"B\"; }; red = { name = \"R\"; }; };\n",
           run, law, rate, alpha, alpha, blue, red);
  return tu_load(text);
}

static void assert_conserved(const fsim_results *res, const double start[2]) {
  const char *end[2] = {"blue.personnel_end", "red.personnel_end"};
  const char *lost[2] = {"blue.losses", "red.losses"};
  for (int i = 0; i < 2; i++) {
    int me = fsim_results_metric_index(res, end[i]), ml = fsim_results_metric_index(res, lost[i]);
    for (long r = 0; r < fsim_results_replications(res); r++)
      ck_assert_double_eq_tol(fsim_results_value(res, r, me) + fsim_results_value(res, r, ml),
                              start[i], 1e-9 * start[i] + 1e-9);
  }
}

START_TEST(test_zero_personnel) {
  /* A side of 0 persons: nobody fights, nothing is lost, the run stops on day 1. */
  for (int side = 0; side < 2; side++) {
    fsim_scenario *sc = edge_scenario("days = 30; seed = 5;", side == 0 ? 0 : 1000,
                                      side == 1 ? 0 : 1000, 20, 0.01, "law = \"square\";");
    fsim_results *res = tu_run(sc, 50, 1);
    assert_sane(res, 30);
    ck_assert_double_eq(tu_metric_mean(res, "blue.losses"), 0);
    ck_assert_double_eq(tu_metric_mean(res, "red.losses"), 0);
    ck_assert_double_eq(tu_metric_mean(res, "days_run"), 1);
    ck_assert(isnan(tu_metric_mean(res, "exchange_ratio")));
    fsim_results_free(res);
    fsim_scenario_free(sc);
  }
}
END_TEST

START_TEST(test_zero_engagement_rate) {
  /* No engagements: no losses, no movement, full strength to the end. */
  fsim_scenario *sc = edge_scenario("days = 30; seed = 6;", 1000, 3000, 0, 0.01, "law = \"square\";");
  fsim_results *res = tu_run(sc, 50, 1);
  assert_sane(res, 30);
  ck_assert_double_eq(tu_series_mean(res, "s.engagements", 30), 0);
  ck_assert_double_eq(tu_metric_mean(res, "blue.personnel_end"), 1000);
  ck_assert_double_eq(tu_metric_mean(res, "red.personnel_end"), 3000);
  ck_assert_double_eq(tu_metric_mean(res, "s.front_km"), 0);
  ck_assert_double_eq(tu_metric_mean(res, "s.route_cut"), 0);
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_no_defender) {
  /* Red attacks in "a", where blue has nobody: every attack succeeds (MODEL.md 3),
   * nobody is lost there, and the route 1 km away is cut within days. Sector "c" has
   * nobody at all until a blue formation arrives on the last day. */
  fsim_scenario *sc = tu_load(
      "run = { days = 20; seed = 7; };\n"
      "sectors = (\n"
      "  { name = \"a\"; width_km = 10; attacker = \"red\"; engagement_rate = 10; step_km = 0.1;\n"
      "    attrition = { blue = 0.01; red = 0.01; };\n"
      "    held_area = { holder = \"blue\"; initial_km2 = 30; max_km2 = 100; };\n"
      "    supply = { side = \"blue\"; distance_km = 1.0; }; },\n"
      "  { name = \"b\"; width_km = 10; attacker = \"blue\"; engagement_rate = 10;\n"
      "    attrition = { blue = 0.01; red = 0.01; }; },\n"
      "  { name = \"c\"; width_km = 10; attacker = \"blue\"; engagement_rate = 10;\n"
      "    attrition = { blue = 0.01; red = 0.01; }; } );\n"
      "formations = ( { name = \"r1\"; side = \"red\"; personnel = 1000; location = \"a\"; },\n"
      "  { name = \"b1\"; side = \"blue\"; personnel = 1000; location = \"b\"; },\n"
      "  { name = \"late\"; side = \"blue\"; personnel = 500; location = \"c\"; arrival_day = 20; } );\n"
      "sides = { blue = { name = \"B\"; }; red = { name = \"R\"; }; };\n");
  fsim_results *res = tu_run(sc, 50, 1);
  assert_sane(res, 20);
  ck_assert_double_eq(tu_metric_mean(res, "blue.losses"), 0);
  ck_assert_double_eq(tu_metric_mean(res, "red.losses"), 0);
  ck_assert_double_eq(tu_metric_mean(res, "a.route_cut"), 1);
  ck_assert_double_eq(tu_series_mean(res, "a.red_successes", 5), tu_series_mean(res, "a.red_attacks", 5));
  /* The late formation counts on the last day only. */
  ck_assert_double_eq(tu_series_mean(res, "c.blue_personnel", 19), 0);
  ck_assert_double_eq(tu_series_mean(res, "c.blue_personnel", 20), 500);
  ck_assert_double_eq(tu_metric_mean(res, "blue.personnel_end"), 1500);
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_huge_forces) {
  /* 10 million a side, square law: daily losses near 10^5 persons; counts stay whole
   * and are conserved exactly. */
  fsim_scenario *sc = edge_scenario("days = 60; seed = 8;", 1e7, 1e7, 40, 0.01, "law = \"square\";");
  fsim_results *res = tu_run(sc, 20, 2);
  assert_sane(res, 60);
  const double start[2] = {1e7, 1e7};
  assert_conserved(res, start);
  ck_assert_double_gt(tu_metric_mean(res, "blue.losses"), 1e6);
  const int lost[2] = {fsim_results_metric_index(res, "blue.losses"),
                       fsim_results_metric_index(res, "red.losses")};
  for (long r = 0; r < 20; r++)
    for (int i = 0; i < 2; i++) {
      double x = fsim_results_value(res, r, lost[i]);
      ck_assert_double_eq(x, floor(x)); /* whole persons */
    }
  fsim_results_free(res);
  fsim_scenario_free(sc);
  /* At the loader's limit (10^9 a side) with the free law's largest exponent, the
   * daily mean loss is about 10^26: both sides are wiped out on day 1, at once. */
  sc = edge_scenario("days = 10; seed = 9;", 1e9, 1e9, 40, 0.01, "law = \"free\"; a = 3; b = 0;");
  res = tu_run(sc, 5, 1);
  assert_sane(res, 10);
  ck_assert_double_eq(tu_metric_mean(res, "blue.losses"), 1e9);
  ck_assert_double_eq(tu_metric_mean(res, "red.losses"), 1e9);
  ck_assert_double_eq(tu_metric_mean(res, "days_run"), 1);
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_one_day_and_ten_years) {
  /* days = 1 and days = 3650, with losses small enough that both sides last:
   * about 100 a day from 2 million. */
  const int days[2] = {1, 3650};
  for (int k = 0; k < 2; k++) {
    char run[64];
    snprintf(run, sizeof run, "days = %d; seed = 10;", days[k]);
    fsim_scenario *sc = edge_scenario(run, 2e6, 2e6, 1, 5e-5, "law = \"square\";");
    fsim_results *res = tu_run(sc, 10, 2);
    assert_sane(res, days[k]);
    const double start[2] = {2e6, 2e6};
    assert_conserved(res, start);
    ck_assert_double_eq(tu_metric_mean(res, "days_run"), days[k]);
    fsim_results_free(res);
    fsim_scenario_free(sc);
  }
}
END_TEST

/* fsim_run_target adds replications round by round, running only those it adds; its
 * result must equal a plain run of the number it stops at, with and without series. */
START_TEST(test_run_target_equals_plain_run) {
  fsim_scenario *sc = tu_load(busy);
  for (int keep = 0; keep <= 1; keep++) {
    fsim_run_options opt;
    fsim_run_options_init(&opt);
    opt.replications = 10;
    opt.threads = 2;
    opt.keep_series = keep;
    fsim_results *target = NULL;
    int reached = 0;
    fsim_error err;
    /* A half-width that needs a few rounds: red losses vary by about 90 persons. */
    fsim_status st =
        fsim_run_target(sc, &opt, "red.losses", 20.0, 5000, &target, &reached, &err);
    ck_assert_msg(st == FSIM_OK, "%s", err.message);
    ck_assert_int_eq(reached, 1);
    const long n = fsim_results_replications(target);
    ck_assert_int_gt(n, 40); /* more than one round */
    fsim_results *plain = tu_run_opt(sc, n, 1, keep);
    ck_assert_int_eq(fsim_results_nseries(target), fsim_results_nseries(plain));
    assert_same(target, plain);
    fsim_results_free(plain);
    fsim_results_free(target);
  }
  fsim_scenario_free(sc);
}
END_TEST

/* A cap that stops the rounds: the result holds max_reps replications, not reached. */
START_TEST(test_run_target_cap) {
  fsim_scenario *sc = tu_load(busy);
  fsim_run_options opt;
  fsim_run_options_init(&opt);
  opt.replications = 10;
  opt.keep_series = 0;
  fsim_results *target = NULL;
  int reached = 1;
  fsim_error err;
  ck_assert_int_eq(fsim_run_target(sc, &opt, "red.losses", 1e-9, 37, &target, &reached, &err),
                   FSIM_OK);
  ck_assert_int_eq(reached, 0);
  ck_assert_int_eq(fsim_results_replications(target), 37);
  fsim_results *plain = tu_run_opt(sc, 37, 1, 0);
  assert_same(target, plain);
  fsim_results_free(plain);
  fsim_results_free(target);
  ck_assert_int_eq(fsim_run_target(sc, &opt, "no.such_metric", 1, 37, &target, &reached, &err),
                   FSIM_E_INPUT);
  ck_assert_ptr_null(target);
  /* Beyond what a scenario may record as run.replications: refused before any run. */
  ck_assert_int_eq(fsim_run_target(sc, &opt, "red.losses", 1, 20000000, &target, &reached, &err),
                   FSIM_E_INPUT);
  ck_assert_ptr_null(target);
  fsim_scenario_free(sc);
}
END_TEST

/* The run's stop flag also stops the writing of its results: Ctrl-C after the last
 * replication leaves the output directory as it was, and no staging directory. */
START_TEST(test_write_dir_stops) {
  fsim_scenario *sc = tu_load(busy);
  volatile int stop = 0;
  fsim_run_options opt;
  fsim_run_options_init(&opt);
  opt.replications = 20;
  opt.stop = &stop;
  fsim_results *res = NULL;
  fsim_error err;
  ck_assert_int_eq(fsim_run(sc, &opt, &res, &err), FSIM_OK);
  char dir[] = "/tmp/fsim-stop-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char out[64];
  snprintf(out, sizeof out, "%s/out", dir);
  stop = 1;
  ck_assert_int_eq(fsim_results_write_dir(res, sc, out, NULL, &err), FSIM_E_INTERRUPTED);
  ck_assert_ptr_nonnull(strstr(err.message, "nothing written"));
  char cmd[128];
  snprintf(cmd, sizeof cmd, "test -z \"$(ls -A '%s')\"", dir);
  ck_assert_msg(system(cmd) == 0, "something was left in %s", dir);
  stop = 0;
  ck_assert_int_eq(fsim_results_write_dir(res, sc, out, NULL, &err), FSIM_OK);
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(system(cmd), 0);
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
  tcase_add_test(tc, test_conservation_listed_withdraw);
  tcase_add_test(tc, test_early_stop);
  tcase_add_test(tc, test_write_dir_stops);
  suite_add_tcase(s, tc);
  tc = tcase_create("edge_cases");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_zero_personnel);
  tcase_add_test(tc, test_zero_engagement_rate);
  tcase_add_test(tc, test_no_defender);
  tcase_add_test(tc, test_huge_forces);
  tcase_add_test(tc, test_one_day_and_ten_years);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_run_target");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_run_target_equals_plain_run);
  tcase_add_test(tc, test_run_target_cap);
  suite_add_tcase(s, tc);
  return s;
}
