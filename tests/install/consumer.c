/* A program that embeds libfrontsim as an installed library: built by
 * tests/install/install.sh once with pkg-config and once with find_package(frontsim).
 * Runs SCENARIO with SEED and N replications and prints the library's version and the
 * mean of METRIC, which the script checks against the installed frontsim tool. */
#include <frontsim/frontsim.h>
#include <stdio.h>

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: consumer SCENARIO SEED N METRIC\n");
    return 2;
  }
  fsim_error err;
  fsim_error_clear(&err);
  fsim_scenario *sc = NULL;
  if (fsim_scenario_load(argv[1], NULL, &sc, &err) != FSIM_OK) {
    char msg[1024];
    fsim_error_format(&err, msg, sizeof msg);
    fprintf(stderr, "consumer: %s\n", msg);
    return 2;
  }
  fsim_run_options *opt = fsim_run_options_new();
  fsim_results *res = NULL;
  fsim_status st = opt ? FSIM_OK : FSIM_E_NOMEM;
  if (st == FSIM_OK) st = fsim_run_options_set(opt, "seed", argv[2], &err);
  if (st == FSIM_OK) st = fsim_run_options_set(opt, "replications", argv[3], &err);
  if (st == FSIM_OK) st = fsim_run_options_set(opt, "series", "none", &err);
  if (st == FSIM_OK) st = fsim_run(sc, opt, &res, &err);
  fsim_run_options_free(opt);
  if (st != FSIM_OK) {
    char msg[1024];
    fsim_error_format(&err, msg, sizeof msg);
    fprintf(stderr, "consumer: %s\n", msg);
    fsim_scenario_free(sc);
    return 1;
  }
  int m = fsim_results_metric_index(res, argv[4]);
  if (m < 0) {
    fprintf(stderr, "consumer: no metric %s\n", argv[4]);
    fsim_results_free(res);
    fsim_scenario_free(sc);
    return 2;
  }
  double sum = 0;
  long n = fsim_results_replications(res);
  for (long r = 0; r < n; r++) sum += fsim_results_value(res, r, m);
  printf("version %s\nreplications %ld\nmean %.6f\n", fsim_version(), n, sum / (double)n);
  fsim_results_free(res);
  fsim_scenario_free(sc);
  return 0;
}
