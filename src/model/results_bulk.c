/* Bulk accessors of the results (include/frontsim/run.h): a whole column or block
 * copied into the caller's array in one call, for bindings (numpy) that would
 * otherwise cross the language boundary once per value. */
#include <stddef.h>

#include "results.h"

static fsim_status check_range(const fsim_results *res, long first, long count,
                               const double *out, fsim_error *err) {
  if (!res || !out)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "no results or no output array (NULL)");
  if (first < 0 || count < 0 || first > res->nreps || count > res->nreps - first)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "",
                          "replications %ld to %ld asked for, the results hold 0 to %ld", first,
                          first + count - 1, res->nreps - 1);
  return FSIM_OK;
}

fsim_status fsim_results_metric_column(const fsim_results *res, int m, long first, long count,
                                       double *out, fsim_error *err) {
  fsim_status st = check_range(res, first, count, out, err);
  if (st != FSIM_OK) return st;
  const size_t M = (size_t)res->layout.nmetrics;
  if (m < 0 || (size_t)m >= M)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "no metric %d (the results have %zu)", m,
                          M);
  for (long r = 0; r < count; r++) out[r] = res->metrics[(size_t)(first + r) * M + (size_t)m];
  return FSIM_OK;
}

fsim_status fsim_results_metric_block(const fsim_results *res, long first, long count,
                                      double *out, fsim_error *err) {
  fsim_status st = check_range(res, first, count, out, err);
  if (st != FSIM_OK) return st;
  const size_t M = (size_t)res->layout.nmetrics;
  for (size_t i = 0; i < (size_t)count * M; i++) out[i] = res->metrics[(size_t)first * M + i];
  return FSIM_OK;
}

fsim_status fsim_results_series_block(const fsim_results *res, int v, long first, long count,
                                      double *out, fsim_error *err) {
  fsim_status st = check_range(res, first, count, out, err);
  if (st != FSIM_OK) return st;
  const fsim_series_store *ss = &res->ser;
  if (v < 0 || v >= res->layout.nseries)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "no series variable %d (there are %d)", v,
                          res->layout.nseries);
  if (!ss->exact || !ss->nsel || ss->slot[v] < 0)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, res->layout.series_name[v],
                          "the run did not keep this variable's series replication by "
                          "replication (option \"series\", or beyond series_exact_max)");
  const int days1 = res->days + 1;
  for (long r = 0; r < count; r++)
    for (int d = 0; d < days1; d++)
      out[(size_t)r * (size_t)days1 + (size_t)d] = fsim_results_series_value(res, v, d, first + r);
  return FSIM_OK;
}
