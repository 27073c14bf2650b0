/* The engine alone through the library: N replications of a scenario, metrics only
 * (no series), on the threads asked; prints the seconds, wall and processor. scripts/run_cost.sh builds it
 * and compares it with `frontsim run` of the same replications. Not a test. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "frontsim/frontsim.h"

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: run_cost SCENARIO REPS THREADS\n");
    return 2;
  }
  fsim_error err;
  fsim_error_clear(&err);
  fsim_scenario *sc = NULL;
  if (fsim_scenario_load(argv[1], NULL, &sc, &err) != FSIM_OK) return 1;
  fsim_run_options *opt = fsim_run_options_new();
  if (!opt || fsim_run_options_set(opt, "replications", argv[2], &err) != FSIM_OK ||
      fsim_run_options_set(opt, "threads", argv[3], &err) != FSIM_OK ||
      fsim_run_options_set(opt, "series", "none", &err) != FSIM_OK)
    return 1;
  struct timespec a, b, ca, cb;
  clock_gettime(CLOCK_MONOTONIC, &a);
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ca);
  fsim_results *res = NULL;
  if (fsim_run(sc, opt, &res, &err) != FSIM_OK) return 1;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cb);
  clock_gettime(CLOCK_MONOTONIC, &b);
  printf("%.3f %.3f\n", (double)(b.tv_sec - a.tv_sec) + 1e-9 * (double)(b.tv_nsec - a.tv_nsec),
         (double)(cb.tv_sec - ca.tv_sec) + 1e-9 * (double)(cb.tv_nsec - ca.tv_nsec));
  fsim_results_free(res);
  fsim_run_options_free(opt);
  fsim_scenario_free(sc);
  return 0;
}
