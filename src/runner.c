/* Replications of a scenario, spread over OpenMP threads. Each replication owns
 * its slot in the result arrays and its random streams, so the results do not
 * depend on the number of threads or on scheduling. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#ifdef FRONTSIM_HAVE_OPENMP
#include <omp.h>
#endif

#include "results_internal.h"
#include "rng.h"

#define SERIES_BYTES_MAX (8ULL << 30) /* refuse runs whose series would not fit */

void fsim_run_options_init(fsim_run_options *opt) {
  memset(opt, 0, sizeof *opt);
  opt->keep_series = 1;
}

void fsim_results_free(fsim_results *res) {
  if (!res) return;
  free(res->series);
  free(res->rep_key);
  free(res->metrics);
  fsim_engine_destroy(&res->eng);
  free(res);
}

fsim_status fsim_run(const fsim_scenario *sc, const fsim_run_options *opt, fsim_results **out,
                     fsim_error *err) {
  *out = NULL;
  fsim_run_options defaults;
  if (!opt) {
    fsim_run_options_init(&defaults);
    opt = &defaults;
  }
  fsim_results *res = calloc(1, sizeof *res);
  if (!res) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  fsim_status st = fsim_engine_init(&res->eng, sc, err);
  if (st != FSIM_OK) {
    free(res);
    return st;
  }
  const fsim_engine *eng = &res->eng;
  res->nreps = opt->replications > 0 ? opt->replications : sc->run.replications;
  res->seed = opt->has_seed ? opt->seed : (uint64_t)sc->run.seed;
  res->point = opt->point;
  res->first_rep = opt->first_replication;
  const size_t M = (size_t)eng->layout.nmetrics;
  const size_t nreps = (size_t)res->nreps;
  res->metrics = malloc(nreps * (M ? M : 1) * sizeof *res->metrics);
  res->rep_key = malloc(nreps * sizeof *res->rep_key);
  if (opt->keep_series) {
    unsigned long long cells =
        (unsigned long long)eng->layout.nseries * (unsigned long long)(eng->D + 1) * nreps;
    if (cells * sizeof(float) > SERIES_BYTES_MAX) {
      const int days = eng->D; /* eng lives in res */
      fsim_results_free(res);
      return fsim_error_set(err, FSIM_E_INPUT, "", 0, "",
                            "the daily series of %ld replications x %d days would need %.1f GiB;"
                            " use fewer replications (or a sweep, which keeps no series)",
                            (long)nreps, days, (double)(cells * sizeof(float)) / (1 << 30));
    }
    res->series = malloc(cells * sizeof(float));
  }
  if (!res->metrics || !res->rep_key || (opt->keep_series && !res->series)) {
    fsim_results_free(res);
    return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }

  int failed = 0;
  long done = 0;
  int threads = 1;
#ifdef FRONTSIM_HAVE_OPENMP
  threads = opt->threads > 0 ? opt->threads : omp_get_max_threads();
#pragma omp parallel num_threads(threads) reduction(| : failed)
#endif
  {
    fsim_replica *rp = fsim_replica_new(eng);
    if (!rp) failed = 1;
#ifdef FRONTSIM_HAVE_OPENMP
#pragma omp for schedule(dynamic, 8)
#endif
    for (long r = 0; r < (long)nreps; r++) {
      if (!rp || (opt->stop && *opt->stop)) continue; /* drain the loop quickly */
      uint64_t key = fsim_rep_key(res->seed, res->point, (uint64_t)(res->first_rep + r));
      res->rep_key[r] = key;
      fsim_replicate(rp, key, res->series ? res->series + r : NULL, nreps);
      memcpy(res->metrics + (size_t)r * M, rp->metrics, M * sizeof *rp->metrics);
      if (opt->progress) {
        long now;
#ifdef FRONTSIM_HAVE_OPENMP
#pragma omp atomic capture
#endif
        now = ++done;
#ifdef FRONTSIM_HAVE_OPENMP
        if (omp_get_thread_num() == 0)
#endif
          opt->progress(opt->progress_ctx, now, (long)nreps);
      }
    }
    fsim_replica_free(rp);
  }
  res->threads_used = threads;
  if (failed) {
    fsim_results_free(res);
    return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  if (opt->stop && *opt->stop) {
    fsim_results_free(res);
    return fsim_error_set(err, FSIM_E_INTERRUPTED, "", 0, "",
                          "interrupted before the replications were done; nothing written");
  }
  if (opt->progress) opt->progress(opt->progress_ctx, (long)nreps, (long)nreps);
  *out = res;
  return FSIM_OK;
}

long fsim_results_replications(const fsim_results *res) { return res->nreps; }
uint64_t fsim_results_seed(const fsim_results *res) { return res->seed; }
uint64_t fsim_results_rep_seed(const fsim_results *res, long rep) { return res->rep_key[rep]; }
int fsim_results_nmetrics(const fsim_results *res) { return res->eng.layout.nmetrics; }
const char *fsim_results_metric_name(const fsim_results *res, int m) {
  return m >= 0 && m < res->eng.layout.nmetrics ? res->eng.layout.metric_name[m] : NULL;
}
int fsim_results_metric_index(const fsim_results *res, const char *name) {
  return fsim_layout_find_metric(&res->eng.layout, name);
}
double fsim_results_value(const fsim_results *res, long rep, int m) {
  return res->metrics[(size_t)rep * (size_t)res->eng.layout.nmetrics + (size_t)m];
}
int fsim_results_nseries(const fsim_results *res) {
  return res->series ? res->eng.layout.nseries : 0;
}
const char *fsim_results_series_name(const fsim_results *res, int v) {
  return v >= 0 && v < res->eng.layout.nseries ? res->eng.layout.series_name[v] : NULL;
}
int fsim_results_series_index(const fsim_results *res, const char *name) {
  return fsim_layout_find_series(&res->eng.layout, name);
}
double fsim_results_series_value(const fsim_results *res, int v, int day, long rep) {
  size_t at = ((size_t)v * (size_t)(res->eng.D + 1) + (size_t)day) * (size_t)res->nreps + (size_t)rep;
  return (double)res->series[at];
}
