/* Adding replications until a confidence interval is narrow enough. Replication r
 * draws the same numbers whatever the total (its key depends on r only), so each
 * round runs only the replications it adds, and the result is that of a plain run
 * of the final number. */
#include "run_target.h"

#include <math.h>
#include <stdlib.h>

#include "results.h"
#include "stats.h"
#include "text.h"

/* The number of replications to try next, from the half-width h after n of them. */
static long next_count(long n, double h, double halfwidth, long max_reps) {
  /* The half-width shrinks as 1/sqrt(n); aim 10% past the estimate. */
  double want =
      isfinite(h) && h > 0 ? 1.1 * (double)n * (h / halfwidth) * (h / halfwidth) : 2.0 * (double)n;
  long next = want > (double)max_reps ? max_reps : (long)ceil(want);
  if (next < n + n / 4) next = n + n / 4 < max_reps ? n + n / 4 : max_reps;
  return next;
}

fsim_status fsim_target_metric(const fsim_scenario *sc, const char *metric, int *index,
                               fsim_error *err) {
  fsim_results *shape = NULL;
  fsim_status st = fsim_results_new(sc, &shape, err);
  if (st != FSIM_OK) return st;
  *index = fsim_results_metric_index(shape, metric);
  if (*index < 0) {
    fsim_nearest near;
    fsim_nearest_init(&near, metric);
    for (int m = 0; m < shape->layout.nmetrics; m++)
      fsim_nearest_offer(&near, shape->layout.metric_name[m]);
    const char *hint = fsim_nearest_result(&near);
    if (hint)
      st = fsim_error_set(err, FSIM_E_INPUT, "--target-ci", 0, "",
                          "no metric \"%s\" in this scenario; did you mean \"%s\"?", metric,
                          hint);
    else
      st = fsim_error_set(err, FSIM_E_INPUT, "--target-ci", 0, "",
                          "no metric \"%s\" in this scenario (see summary.csv)", metric);
  }
  fsim_results_free(shape);
  return st;
}

fsim_status fsim_target_rounds(const fsim_scenario *const *sc, int nsc,
                               const fsim_run_options *opt, long max_reps, double halfwidth,
                               fsim_target_width_fn width, void *ctx, fsim_results **out,
                               int *reached, fsim_error *err) {
  *reached = 0;
  for (int i = 0; i < nsc; i++) out[i] = NULL;
  if (max_reps > FSIM_REPLICATIONS_MAX)
    return fsim_error_set(err, FSIM_E_INPUT, "--max-replications", 0, "",
                          "at most %d replications (run.replications' limit), got %ld",
                          FSIM_REPLICATIONS_MAX, max_reps);
  fsim_run_options o = *opt;
  long n = o.replications > 0 ? o.replications : fsim_scenario_replications(sc[0]);
  if (n < 10) n = 10;
  o.keep_series = 0; /* the rounds need only the metrics */
  o.replications = n;
  fsim_status st = FSIM_OK;
  for (int i = 0; st == FSIM_OK && i < nsc; i++) st = fsim_run(sc[i], &o, &out[i], err);
  while (st == FSIM_OK) {
    double h = NAN;
    st = width(ctx, out, nsc, &h, err);
    if (st != FSIM_OK) break;
    *reached = h <= halfwidth;
    const long next = *reached || n >= max_reps ? n : next_count(n, h, halfwidth, max_reps);
    if (next == n) break;
    o.first_replication = opt->first_replication + n;
    o.replications = next - n;
    for (int i = 0; st == FSIM_OK && i < nsc; i++) {
      fsim_results *more = NULL;
      st = fsim_run(sc[i], &o, &more, err);
      if (st == FSIM_OK) st = fsim_results_extend(out[i], more, err);
      fsim_results_free(more);
    }
    n = next;
  }
  if (st != FSIM_OK)
    for (int i = 0; i < nsc; i++) {
      fsim_results_free(out[i]);
      out[i] = NULL;
    }
  return st;
}

/* The run's own target: the 95% CI of one metric's mean. */
static fsim_status halfwidth_of(void *ctx, fsim_results *const *res, int nres, double *h,
                                fsim_error *err) {
  (void)nres;
  const int m = *(const int *)ctx;
  const fsim_results *r = res[0];
  double *scratch = malloc((size_t)r->nreps * sizeof *scratch);
  if (!scratch) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  for (long k = 0; k < r->nreps; k++) scratch[k] = fsim_results_value(r, k, m);
  fsim_summary s;
  fsim_summarize(scratch, (size_t)r->nreps, r->layout.metric_kind[m], &s);
  free(scratch);
  *h = (s.ci_hi - s.ci_lo) / 2;
  return FSIM_OK;
}

fsim_status fsim_run_target(const fsim_scenario *sc, const fsim_run_options *opt,
                            const char *metric, double halfwidth, long max_reps, fsim_results **out,
                            int *reached, fsim_error *err) {
  if (!sc || !metric || !out || !reached)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "fsim_run_target: no scenario, metric or place for the results (NULL)");
  *out = NULL;
  *reached = 0;
  int m = -1;
  fsim_status st = fsim_target_metric(sc, metric, &m, err);
  if (st != FSIM_OK) return st;
  fsim_results *all = NULL;
  st = fsim_target_rounds(&sc, 1, opt, max_reps, halfwidth, halfwidth_of, &m, &all, reached,
                          err);
  if (st == FSIM_OK && opt->keep_series) {
    /* The series were not kept in the rounds: one run of the final number keeps them. */
    fsim_run_options o = *opt;
    o.replications = all->nreps;
    fsim_results_free(all);
    all = NULL;
    st = fsim_run(sc, &o, &all, err);
  }
  if (st != FSIM_OK) {
    fsim_results_free(all);
    return st;
  }
  *out = all;
  return FSIM_OK;
}
