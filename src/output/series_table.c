/* The daily statistics of a run's kept series (series_table.h): per cell (variable,
 * day) its mean, sd and 5/25/50/75/95th percentiles across replications. Exact from
 * the packed values up to the exact limit (column_stats.h); beyond, read
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
  const long cells = ss->ncells, n = res->nreps;
  double *tab = malloc((size_t)(cells > 0 ? cells : 1) * FSIM_DAILY_NSTATS * sizeof *tab);
  if (!tab) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  int failed = 0;
  const volatile int *stop = res->stop;
#ifdef FRONTSIM_HAVE_OPENMP
#pragma omp parallel num_threads(res->threads_used > 0 ? res->threads_used : 1) reduction(| : failed)
#endif
  {
    const int exact = ss->exact && n > 0;
    float *x = exact ? malloc((size_t)n * sizeof *x) : NULL;
    uint32_t *scratch = exact ? malloc(fsim_column_scratch((size_t)n) * sizeof *scratch) : NULL;
    double *work = exact ? malloc((size_t)n * sizeof *work) : NULL;
    const size_t room = 2 * (size_t)n + 64;
    uint32_t *count = exact ? malloc(room * sizeof *count) : NULL;
    if (exact && (!x || !scratch || !work || !count)) failed = 1;
#ifdef FRONTSIM_HAVE_OPENMP
#pragma omp for schedule(dynamic, 16)
#endif
    for (long c = 0; c < cells; c++) {
      if (failed || (stop && *stop)) continue; /* drain the loop quickly */
      /* The table is in variable order, a variable's days together. */
      double *o = tab + fsim_series_store_in_var_order(ss, c) * FSIM_DAILY_NSTATS;
      if (exact) {
        /* Whole numbers within a span of 2n (most cells: persons, counts): from
         * their counts, one pass; else, or near a rounding boundary, the column. */
        double lo;
        size_t range;
        if (!fsim_series_store_counts(ss, c, n, room, count, &lo, &range) ||
            fsim_column_stats_counts(count, lo, range, (size_t)n, o) != 0) {
          fsim_series_store_column(ss, c, n, x);
          fsim_column_stats(x, (size_t)n, scratch, work, o);
        }
        continue;
      }
      o[0] = ss->mom && ss->mom[c].n > 0 ? ss->mom[c].mean : NAN;
      o[1] = ss->mom ? fsim_moments_sd(&ss->mom[c]) : NAN;
      if (ss->qh)
        fsim_qhist_quantiles(&ss->qh[c], quantile_q, 5, o + 2);
      else
        for (int j = 2; j < FSIM_DAILY_NSTATS; j++) o[j] = NAN;
    }
    free(x);
    free(scratch);
    free(work);
    free(count);
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
