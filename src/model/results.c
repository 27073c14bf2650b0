/* The results record and its read-only accessors (include/frontsim/run.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "results.h"

fsim_status fsim_results_new(const fsim_scenario *sc, fsim_results **out, fsim_error *err) {
  *out = NULL;
  fsim_results *res = calloc(1, sizeof *res);
  if (!res) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  fsim_status st = fsim_layout_build(&res->layout, sc, err);
  if (st != FSIM_OK) {
    free(res);
    return st;
  }
  res->sc = sc;
  res->days = sc->run.days;
  *out = res;
  return FSIM_OK;
}

fsim_status fsim_results_extend(fsim_results *res, const fsim_results *more, fsim_error *err) {
  if (res->ser.nsel || more->ser.nsel || res->sc != more->sc || res->seed != more->seed ||
      res->point != more->point || more->first_rep != res->first_rep + res->nreps)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "",
                          "results can be extended only by the next replications of the same "
                          "run, without series");
  const size_t M = (size_t)res->layout.nmetrics, n = (size_t)(res->nreps + more->nreps);
  double *metrics = realloc(res->metrics, n * (M ? M : 1) * sizeof *metrics);
  if (!metrics) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  res->metrics = metrics;
  uint64_t *keys = realloc(res->rep_key, n * sizeof *keys);
  if (!keys) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  res->rep_key = keys;
  memcpy(metrics + (size_t)res->nreps * M, more->metrics,
         (size_t)more->nreps * M * sizeof *metrics);
  memcpy(keys + res->nreps, more->rep_key, (size_t)more->nreps * sizeof *keys);
  res->nreps += more->nreps;
  res->threads_used = more->threads_used;
  return FSIM_OK;
}

void fsim_results_free(fsim_results *res) {
  if (!res) return;
  fsim_series_store_free(&res->ser);
  free(res->rep_key);
  free(res->metrics);
  fsim_layout_destroy(&res->layout);
  free(res);
}

/* The accessors of the public API: a NULL results record, an index out of range or an
 * unknown name answer 0, NULL, -1 or NaN rather than crash the host (docs/API.md). */
long fsim_results_replications(const fsim_results *res) { return res ? res->nreps : 0; }
uint64_t fsim_results_seed(const fsim_results *res) { return res ? res->seed : 0; }
uint64_t fsim_results_rep_seed(const fsim_results *res, long rep) {
  return res && rep >= 0 && rep < res->nreps ? res->rep_key[rep] : 0;
}
int fsim_results_days(const fsim_results *res) { return res ? res->days : 0; }
int fsim_results_nmetrics(const fsim_results *res) { return res ? res->layout.nmetrics : 0; }
const char *fsim_results_metric_name(const fsim_results *res, int m) {
  return res && m >= 0 && m < res->layout.nmetrics ? res->layout.metric_name[m] : NULL;
}
int fsim_results_metric_index(const fsim_results *res, const char *name) {
  return res && name ? fsim_layout_find_metric(&res->layout, name) : -1;
}
double fsim_results_value(const fsim_results *res, long rep, int m) {
  if (!res || rep < 0 || rep >= res->nreps || m < 0 || m >= res->layout.nmetrics) return NAN;
  return res->metrics[(size_t)rep * (size_t)res->layout.nmetrics + (size_t)m];
}
int fsim_results_nseries(const fsim_results *res) {
  return res && res->ser.nsel ? res->layout.nseries : 0;
}
const char *fsim_results_series_name(const fsim_results *res, int v) {
  return res && v >= 0 && v < res->layout.nseries ? res->layout.series_name[v] : NULL;
}
int fsim_results_series_index(const fsim_results *res, const char *name) {
  return res && name ? fsim_layout_find_series(&res->layout, name) : -1;
}
double fsim_results_series_value(const fsim_results *res, int v, int day, long rep) {
  if (!res || day < 0 || day > res->days || rep < 0 || rep >= res->nreps) return NAN;
  const fsim_series_store *ss = &res->ser;
  if (!ss->exact || v < 0 || v >= res->layout.nseries || ss->slot[v] < 0) return NAN;
  return (double)fsim_series_store_value(ss, fsim_series_store_cell(ss, ss->slot[v], day), rep);
}
