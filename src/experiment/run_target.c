/* Adding replications until a confidence interval is narrow enough. */
#include <math.h>
#include <stdlib.h>

#include "frontsim/run.h"
#include "results.h"
#include "stats.h"

static double halfwidth_of(const fsim_results *res, int m, double *scratch) {
  for (long r = 0; r < res->nreps; r++) scratch[r] = fsim_results_value(res, r, m);
  fsim_summary s;
  fsim_summarize(scratch, (size_t)res->nreps, res->layout.metric_kind[m], &s);
  return (s.ci_hi - s.ci_lo) / 2;
}

fsim_status fsim_run_target(const fsim_scenario *sc, const fsim_run_options *opt,
                            const char *metric, double halfwidth, long max_reps,
                            fsim_results **out, int *reached, fsim_error *err) {
  *out = NULL;
  *reached = 0;
  fsim_run_options o = *opt;
  long n = o.replications > 0 ? o.replications : fsim_scenario_replications(sc);
  if (n < 10) n = 10;
  int keep = o.keep_series;
  o.keep_series = 0; /* the trial runs need only the metrics */
  for (;;) {
    o.replications = n;
    fsim_results *res = NULL;
    fsim_status st = fsim_run(sc, &o, &res, err);
    if (st != FSIM_OK) return st;
    int m = fsim_results_metric_index(res, metric);
    if (m < 0) {
      fsim_results_free(res);
      return fsim_error_set(err, FSIM_E_INPUT, "--target-ci", 0, "",
                            "no metric \"%s\" in this scenario (see summary.csv)", metric);
    }
    double *scratch = malloc((size_t)n * sizeof *scratch);
    if (!scratch) {
      fsim_results_free(res);
      return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
    }
    double h = halfwidth_of(res, m, scratch);
    free(scratch);
    fsim_results_free(res);
    long next = n;
    if (h <= halfwidth) {
      *reached = 1;
    } else if (n < max_reps) {
      /* The half-width shrinks as 1/sqrt(n); aim 10% past the estimate. */
      double want = isfinite(h) && h > 0 ? 1.1 * (double)n * (h / halfwidth) * (h / halfwidth)
                                         : 2.0 * (double)n;
      next = want > (double)max_reps ? max_reps : (long)ceil(want);
      if (next < n + n / 4) next = n + n / 4 < max_reps ? n + n / 4 : max_reps;
    }
    if (*reached || next == n) {
      o.replications = n;
      o.keep_series = keep;
      return fsim_run(sc, &o, out, err);
    }
    n = next;
  }
}
