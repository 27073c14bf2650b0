/* Adding replications until a confidence interval is narrow enough. Replication r
 * draws the same numbers whatever the total (its key depends on r only), so each
 * round runs only the replications it adds, and the result is that of a plain run
 * of the final number. */
#include <math.h>
#include <stdlib.h>

#include "frontsim/run.h"
#include "results.h"
#include "stats.h"

static fsim_status halfwidth_of(const fsim_results *res, int m, double *h, fsim_error *err) {
  double *scratch = malloc((size_t)res->nreps * sizeof *scratch);
  if (!scratch) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  for (long r = 0; r < res->nreps; r++) scratch[r] = fsim_results_value(res, r, m);
  fsim_summary s;
  fsim_summarize(scratch, (size_t)res->nreps, res->layout.metric_kind[m], &s);
  free(scratch);
  *h = (s.ci_hi - s.ci_lo) / 2;
  return FSIM_OK;
}

/* The number of replications to try next, from the half-width h after n of them. */
static long next_count(long n, double h, double halfwidth, long max_reps) {
  /* The half-width shrinks as 1/sqrt(n); aim 10% past the estimate. */
  double want =
      isfinite(h) && h > 0 ? 1.1 * (double)n * (h / halfwidth) * (h / halfwidth) : 2.0 * (double)n;
  long next = want > (double)max_reps ? max_reps : (long)ceil(want);
  if (next < n + n / 4) next = n + n / 4 < max_reps ? n + n / 4 : max_reps;
  return next;
}

fsim_status fsim_run_target(const fsim_scenario *sc, const fsim_run_options *opt,
                            const char *metric, double halfwidth, long max_reps, fsim_results **out,
                            int *reached, fsim_error *err) {
  *out = NULL;
  *reached = 0;
  if (max_reps > FSIM_REPLICATIONS_MAX)
    return fsim_error_set(err, FSIM_E_INPUT, "--max-replications", 0, "",
                          "at most %d replications (run.replications' limit), got %ld",
                          FSIM_REPLICATIONS_MAX, max_reps);
  /* The metric is checked against the scenario's layout before any replication runs. */
  fsim_results *shape = NULL;
  fsim_status st = fsim_results_new(sc, &shape, err);
  if (st != FSIM_OK) return st;
  const int m = fsim_results_metric_index(shape, metric);
  if (m < 0) {
    const char *near = fsim_layout_nearest_metric(&shape->layout, metric);
    st = fsim_error_set(err, FSIM_E_INPUT, "--target-ci", 0, "",
                        "no metric \"%s\" in this scenario%s%s%s (see summary.csv)", metric,
                        near ? "; did you mean \"" : "", near ? near : "", near ? "\"?" : "");
  }
  fsim_results_free(shape);
  if (st != FSIM_OK) return st;
  fsim_run_options o = *opt;
  long n = o.replications > 0 ? o.replications : fsim_scenario_replications(sc);
  if (n < 10) n = 10;
  o.keep_series = 0; /* the rounds need only the metrics */
  o.replications = n;
  fsim_results *all = NULL; /* replications first .. first + n - 1 */
  st = fsim_run(sc, &o, &all, err);
  if (st != FSIM_OK) return st;
  for (;;) {
    double h = NAN;
    st = halfwidth_of(all, m, &h, err);
    if (st != FSIM_OK) break;
    *reached = h <= halfwidth;
    const long next = *reached || n >= max_reps ? n : next_count(n, h, halfwidth, max_reps);
    if (next == n) break;
    fsim_results *more = NULL;
    o.first_replication = opt->first_replication + n;
    o.replications = next - n;
    st = fsim_run(sc, &o, &more, err);
    if (st == FSIM_OK) st = fsim_results_extend(all, more, err);
    fsim_results_free(more);
    if (st != FSIM_OK) break;
    n = next;
  }
  if (st == FSIM_OK && opt->keep_series) {
    /* The series were not kept in the rounds: one run of the final number keeps them. */
    fsim_results_free(all);
    all = NULL;
    o = *opt;
    o.replications = n;
    st = fsim_run(sc, &o, &all, err);
  }
  if (st != FSIM_OK) {
    fsim_results_free(all);
    return st;
  }
  *out = all;
  return FSIM_OK;
}
