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
#include "hugemem.h"
#include "results.h"
#include "rng.h"
#include "run_options.h"

#define SERIES_BYTES_MAX (8ULL << 30) /* refuse runs whose series would not fit */

fsim_status fsim_run(const fsim_scenario *sc, const fsim_run_options *opt, fsim_results **out,
                     fsim_error *err) {
  if (!out) return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "fsim_run: no place for the results (NULL)");
  *out = NULL;
  if (!sc) return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "fsim_run: no scenario (NULL)");
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
  /* Cancelled by the caller's progress callback (a non-zero return), or by the
     library's own stop flag (a sweep's). */
  volatile int cancelled = 0;
  res->stop = opt->stop;
  const size_t M = (size_t)eng->layout.nmetrics;
  const size_t nreps = (size_t)res->nreps;
  res->metrics = malloc(nreps * (M ? M : 1) * sizeof *res->metrics);
  fsim_prefer_huge_pages(res->metrics, nreps * (M ? M : 1) * sizeof *res->metrics);
  res->rep_key = malloc(nreps * sizeof *res->rep_key);
  fsim_series_store *ss = &res->ser;
  st = fsim_series_store_select(ss, &eng->layout, opt->keep_series ? opt->series : "none", err);
  const long exact_max = opt->series_exact_max > 0 ? opt->series_exact_max : FSIM_SERIES_EXACT_MAX;
  const unsigned long long exact_bytes =
      (unsigned long long)ss->nsel * (unsigned long long)(eng->days + 1) * nreps * sizeof(float);
  if (st == FSIM_OK && (long)nreps <= exact_max && exact_bytes > SERIES_BYTES_MAX)
    st = fsim_error_set(err, FSIM_E_INPUT, "", 0, "",
                        "the exact daily series of %ld replications x %d days would need %.1f "
                        "GiB; keep fewer (--series) or lower the exact limit",
                        (long)nreps, eng->days, (double)exact_bytes / (1 << 30));
  if (st == FSIM_OK) st = fsim_series_store_alloc(ss, eng->days + 1, (long)nreps, exact_max, err);
  if (st == FSIM_OK && (!res->metrics || !res->rep_key))
    st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  if (st != FSIM_OK) {
    fsim_engine_destroy(&engine);
    fsim_results_free(res);
    return st;
  }

  /* Replications in blocks of rows (all of them when no series are kept); each
   * block is folded before the next, packed when the series are exact, beyond the
   * exact limit into the summaries cell by cell in replication order: the same
   * figures on any number of threads. The engine writes the kept variables straight
   * into the block's row, a day's values side by side: the row fills from start to
   * end, where a row in variable order (a cell a day in each of its 7,000 lines)
   * held the whole row in cache throughout and took it from the engine's data, and
   * a row of the thread's own, copied at the end, cost the copy (docs/PERFORMANCE.md). */
  const int *kept = ss->nsel ? fsim_series_store_vars(ss) : NULL;
  const long block = ss->nsel ? ss->block : (long)nreps;
  const long nblocks = block > 0 ? ((long)nreps + block - 1) / block : 0;
  const long tile = FSIM_SERIES_TILE;
  const long ntiles = (ss->ncells + tile - 1) / tile;
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
    for (long b = 0; b < nblocks; b++) {
      const long r0 = b * block, n = (long)nreps - r0 < block ? (long)nreps - r0 : block;
#ifdef FRONTSIM_HAVE_OPENMP
#pragma omp for schedule(dynamic, 4)
#endif
      for (long i = 0; i < n; i++) {
        if (failed || cancelled || (opt->stop && *opt->stop)) continue; /* drain quickly */
        const long r = r0 + i;
        uint64_t key = fsim_rep_key(res->seed, res->point, (uint64_t)(res->first_rep + r));
        res->rep_key[r] = key;
        fsim_replicate(rp, key, ss->nsel ? fsim_series_store_row(ss, i) : NULL, kept, ss->nsel);
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
            if (opt->progress(opt->progress_ctx, now, (long)nreps)) cancelled = 1;
        }
      }
      if (ss->nsel) {
#ifdef FRONTSIM_HAVE_OPENMP
#pragma omp for schedule(dynamic, 1)
#endif
        for (long t = 0; t < ntiles; t++) {
          if (failed || cancelled || (opt->stop && *opt->stop)) continue;
          const long c1 = (t + 1) * tile < ss->ncells ? (t + 1) * tile : ss->ncells;
          if (fsim_series_store_fold(ss, b, n, t * tile, c1) != 0) failed = 1;
        }
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
  if (cancelled || (opt->stop && *opt->stop)) {
    fsim_results_free(res);
    return fsim_error_set(err, FSIM_E_INTERRUPTED, "", 0, "",
                          "interrupted before the replications were done; nothing written");
  }
  if (opt->progress) (void)opt->progress(opt->progress_ctx, (long)nreps, (long)nreps);
  *out = res;
  return FSIM_OK;
}

