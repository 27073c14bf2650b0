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
