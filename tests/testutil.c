#include "testutil.h"

#include <check.h>

fsim_scenario *tu_load(const char *text) {
  fsim_scenario *sc = NULL;
  fsim_error err;
  fsim_status st = fsim_scenario_load_string(text, "test.cfg", NULL, NULL, &sc, &err);
  ck_assert_msg(st == FSIM_OK, "scenario: %s: %s (line %d)", err.path, err.message, err.line);
  return sc;
}

fsim_results *tu_run(const fsim_scenario *sc, long reps, int threads) {
  return tu_run_opt(sc, reps, threads, 1);
}

fsim_results *tu_run_opt(const fsim_scenario *sc, long reps, int threads, int keep_series) {
  fsim_run_options opt;
  fsim_run_options_init(&opt);
  opt.replications = reps;
  opt.threads = threads;
  opt.keep_series = keep_series;
  opt.series_exact_max = reps; /* the tests read every replication's series */
  fsim_results *res = NULL;
  fsim_error err;
  fsim_status st = fsim_run(sc, &opt, &res, &err);
  ck_assert_msg(st == FSIM_OK, "run: %s", err.message);
  return res;
}

double tu_series_mean(const fsim_results *res, const char *name, int day) {
  int v = fsim_results_series_index(res, name);
  ck_assert_msg(v >= 0, "no series %s", name);
  double sum = 0.0;
  long n = fsim_results_replications(res);
  for (long r = 0; r < n; r++) sum += fsim_results_series_value(res, v, day, r);
  return sum / (double)n;
}

double tu_series_grand_mean(const fsim_results *res, const char *name, int days) {
  double sum = 0.0;
  for (int d = 1; d <= days; d++) sum += tu_series_mean(res, name, d);
  return sum / days;
}

double tu_metric_mean(const fsim_results *res, const char *name) {
  int m = fsim_results_metric_index(res, name);
  ck_assert_msg(m >= 0, "no metric %s", name);
  double sum = 0.0;
  long n = fsim_results_replications(res);
  for (long r = 0; r < n; r++) sum += fsim_results_value(res, r, m);
  return sum / (double)n;
}

/* The smallest valid scenario: one sector, a formation per side. */
const char tu_minimal[] =
    "sectors = ( { name = \"s\"; width_km = 10; attacker = \"red\"; engagement_rate = 5;\n"
    "              attrition = { blue = 0.01; red = 0.01; }; } );\n"
    "formations = ( { name = \"b\"; side = \"blue\"; personnel = 100; location = \"s\"; },\n"
    "               { name = \"r\"; side = \"red\"; personnel = 200; location = \"s\"; } );\n"
    "sides = { blue = { name = \"B\"; }; red = { name = \"R\"; }; };\n";

/* Two sectors, one with a held area and one with a supply route; a sector name
 * with '-' and '_', a display name with a quote, an event by date. */
const char tu_two_sectors[] =
    "run = { days = 20; start_date = \"2024-12-20\"; seed = 5; diversion_sector = \"k_1\"; };\n"
    "sectors = (\n"
    "  { name = \"k_1\"; width_km = 40; attacker = \"blue\"; engagement_rate = 30; counter_share = 0.4;\n"
    "    step_km = 0.1; attrition = { blue = 0.002; red = 0.0015; };\n"
    "    held_area = { holder = \"blue\"; initial_km2 = 800; max_km2 = 1300; }; },\n"
    "  { name = \"p-2\"; width_km = 30; attacker = \"red\"; engagement_rate = 50; step_km = 0.2;\n"
    "    attrition = { blue = 0.002; red = 0.002; };\n"
    "    supply = { side = \"blue\"; distance_km = 1.0; }; } );\n"
    "formations = (\n"
    "  { name = \"bk\"; side = \"blue\"; personnel = 20000; location = \"k_1\"; },\n"
    "  { name = \"bp\"; side = \"blue\"; personnel = 30000; location = \"p-2\"; },\n"
    "  { name = \"rk\"; side = \"red\"; personnel = 40000; location = \"k_1\"; },\n"
    "  { name = \"rp\"; side = \"red\"; personnel = 60000; location = \"p-2\"; } );\n"
    "sides = {\n"
    "  blue = { name = \"Blue's side\"; reserve = 5000; replacements_per_day = 200; };\n"
    "  red = { name = \"Red\"; reserve = 10000; claim_bias = 2.0; claim_sigma = 0.2;\n"
    "    rules = ( { type = \"transfer\"; day = 5; from = \"reserve\"; to = \"k_1\"; personnel = 2000; delay = 2; } ); };\n"
    "};\n"
    "events = ( { name = \"talks\"; date = \"2024-12-31\"; }, { name = \"cease-fire\"; day = 19; } );\n";
