/* The model layer (src/model): from a scenario to the results of its replications.
 * fsim_run (this file) compiles the engine (engine/, private to this layer), runs the
 * replications and frees the engine; what the layers above see is the results record
 * (results.h): the scenario it borrows, its own layout, the days and the values.
 *
 * Replications are spread over OpenMP threads. Each replication owns its slot in the
 * result arrays and its random streams, so the results do not depend on the number
 * of threads or on scheduling. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#ifdef FRONTSIM_HAVE_OPENMP
#include <omp.h>
#endif

#include "engine.h"
#include "results.h"
#include "rng.h"

#define SERIES_BYTES_MAX (8ULL << 30) /* refuse runs whose series would not fit */

void fsim_run_options_init(fsim_run_options *opt) {
  memset(opt, 0, sizeof *opt);
  opt->keep_series = 1;
}

fsim_status fsim_run(const fsim_scenario *sc, const fsim_run_options *opt, fsim_results **out,
                     fsim_error *err) {
  *out = NULL;
  fsim_run_options defaults;
  if (!opt) {
    fsim_run_options_init(&defaults);
    opt = &defaults;
  }
  fsim_results *res = NULL;
  fsim_status st = fsim_results_new(sc, &res, err);
  if (st != FSIM_OK) return st;
  /* The engine lives for this call only; the results keep their own layout. */
  fsim_engine engine;
  st = fsim_engine_init(&engine, sc, err);
  if (st != FSIM_OK) {
    fsim_results_free(res);
    return st;
  }
  const fsim_engine *eng = &engine;
  res->nreps = opt->replications > 0 ? opt->replications : sc->run.replications;
  res->seed = opt->has_seed ? opt->seed : (uint64_t)sc->run.seed;
  res->point = opt->point;
  res->first_rep = opt->first_replication;
  res->stop = opt->stop;
  const size_t M = (size_t)eng->layout.nmetrics;
  const size_t nreps = (size_t)res->nreps;
  res->metrics = malloc(nreps * (M ? M : 1) * sizeof *res->metrics);
  res->rep_key = malloc(nreps * sizeof *res->rep_key);
  if (opt->keep_series) {
    unsigned long long cells =
        (unsigned long long)eng->layout.nseries * (unsigned long long)(eng->days + 1) * nreps;
    if (cells * sizeof(float) > SERIES_BYTES_MAX) {
      const int days = eng->days;
      fsim_engine_destroy(&engine);
      fsim_results_free(res);
      return fsim_error_set(err, FSIM_E_INPUT, "", 0, "",
                            "the daily series of %ld replications x %d days would need %.1f GiB;"
                            " use fewer replications (or a sweep, which keeps no series)",
                            (long)nreps, days, (double)(cells * sizeof(float)) / (1 << 30));
    }
    res->series = malloc(cells * sizeof(float));
  }
  if (!res->metrics || !res->rep_key || (opt->keep_series && !res->series)) {
    fsim_engine_destroy(&engine);
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
  fsim_engine_destroy(&engine);
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

