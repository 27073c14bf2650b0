/* The daily statistics of a run's kept series (series_table.h): per cell (variable,
 * day) its mean, sd and 5/25/50/75/95th percentiles across replications. Exact from
 * the rows up to the exact limit, as fsim_series_stats computes them; beyond, read
 * from the run's moments and histograms (core/qhist.h). */
#include "series_table.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "column_stats.h"
#include "formats.h"

static const double quantile_q[5] = {0.05, 0.25, 0.50, 0.75, 0.95};

fsim_status fsim_series_table(const fsim_results *res, double **out, fsim_error *err) {
  const fsim_series_store *ss = &res->ser;
  const long cells = ss->ncells, n = res->nreps, tile = 32;
  double *tab = malloc((size_t)(cells > 0 ? cells : 1) * FSIM_DAILY_NSTATS * sizeof *tab);
  if (!tab) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  int failed = 0;
  const volatile int *stop = res->stop;
#ifdef FRONTSIM_HAVE_OPENMP
#pragma omp parallel num_threads(res->threads_used > 0 ? res->threads_used : 1) reduction(| : failed)
#endif
  {
    /* A tile of cells is read row by row (each row's cells are neighbours), into one
     * column per cell. */
    const int exact = ss->exact && n > 0;
    float *x = exact ? malloc((size_t)(tile * n) * sizeof *x) : NULL;
    uint32_t *scratch = exact ? malloc(fsim_column_scratch((size_t)n) * sizeof *scratch) : NULL;
    double *work = exact ? malloc((size_t)n * sizeof *work) : NULL;
    if (exact && (!x || !scratch || !work)) failed = 1;
#ifdef FRONTSIM_HAVE_OPENMP
#pragma omp for schedule(dynamic, 1)
#endif
    for (long t = 0; t < (cells + tile - 1) / tile; t++) {
      if (failed || (stop && *stop)) continue; /* drain the loop quickly */
      const long c0 = t * tile, c1 = c0 + tile < cells ? c0 + tile : cells, w = c1 - c0;
      if (!ss->exact || n == 0) {
        for (long c = c0; c < c1; c++) {
          double *o = tab + c * FSIM_DAILY_NSTATS;
          o[0] = ss->mom && ss->mom[c].n > 0 ? ss->mom[c].mean : NAN;
          o[1] = ss->mom ? fsim_moments_sd(&ss->mom[c]) : NAN;
          if (ss->qh)
            fsim_qhist_quantiles(&ss->qh[c], quantile_q, 5, o + 2);
          else
            for (int j = 2; j < FSIM_DAILY_NSTATS; j++) o[j] = NAN;
        }
        continue;
      }
      /* Rows a page or more apart: the prefetcher does not follow them, so the
       * rows a few ahead are asked for. */
      const size_t stride = (size_t)cells;
      for (long r = 0; r < n; r++) {
        const float *row = ss->rows + (size_t)r * stride + (size_t)c0;
        if (r + 8 < n) {
          __builtin_prefetch(row + 8 * stride);
          __builtin_prefetch(row + 8 * stride + 16);
        }
        for (long k = 0; k < w; k++) x[(size_t)k * (size_t)n + (size_t)r] = row[k];
      }
      for (long k = 0; k < w; k++)
        fsim_column_stats(x + (size_t)k * (size_t)n, (size_t)n, scratch, work,
                          tab + (c0 + k) * FSIM_DAILY_NSTATS);
    }
    free(x);
    free(scratch);
    free(work);
  }
  if (failed || (stop && *stop)) {
    free(tab);
    return failed ? fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory")
                  : fsim_error_set(err, FSIM_E_INTERRUPTED, "", 0, "",
                                   "interrupted while writing the outputs; nothing written");
  }
  *out = tab;
  return FSIM_OK;
}
