/* fsim_optimize's replications: each evaluation's spread over OpenMP threads (fsim_run)
 * and, when the caller runs one search per MPI rank (fsim_optimize_options_set_ranks),
 * over processes. Process k of N runs replications [k R / N, (k + 1) R / N) with their
 * own replication keys (docs/MODEL.md 11: a key does not depend on who runs it or on
 * the total), writes their values into a buffer of all R that is zero elsewhere, and
 * the buffers are summed: adding zeros is exact, so every process holds the same values
 * as a single process would, and the statistics, computed in replication order, are
 * byte-identical. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gsl/gsl_statistics_double.h>

#include "optimize.h"
#include "results.h"
#include "run_options.h"

double fsim_opt_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

double fsim_opt_quantity(const fsim_opt_problem *pb, const fsim_results *res, int q, long rep) {
  if (q > 0) return fsim_results_value(res, rep, fsim_results_metric_index(res, pb->con[q - 1].metric));
  double s = 0;
  for (int t = 0; t < pb->nterm; t++)
    s += pb->weight[t] * fsim_results_value(res, rep, fsim_results_metric_index(res, pb->term[t]));
  return s;
}

void fsim_opt_stat_defined(double *x, long n, fsim_opt_stat *out) {
  long m = 0;
  for (long i = 0; i < n; i++)
    /* Defined replications (e.g. the day a route was cut); + 0.0 makes a -0 +0, as
       the sum over processes does. */
    if (!isnan(x[i])) x[m++] = x[i] + 0.0;
  out->n = m;
  out->mean = m ? gsl_stats_mean(x, 1, (size_t)m) : NAN;
  out->sd = m > 1 ? gsl_stats_sd(x, 1, (size_t)m) : (m ? 0 : NAN);
}

static fsim_status sum(const fsim_optimize_options *opt, double *buf, long n, fsim_error *err) {
  if (opt->ranks <= 1) return FSIM_OK;
  if (opt->sum(opt->sum_ctx, buf, n) != 0)
    return fsim_error_set(err, FSIM_E_IO, "", 0, "", "the sum across processes failed");
  return FSIM_OK;
}

/* From the counts of processes interrupted and failed (b[0], b[1]). */
static fsim_status worst(fsim_status st, const double *b, fsim_error *err) {
  if (st != FSIM_OK) return st;
  if (b[1] > 0) return fsim_error_set(err, FSIM_E_IO, "", 0, "", "another process of the search failed");
  if (b[0] > 0) return fsim_error_set(err, FSIM_E_INTERRUPTED, "", 0, "", "interrupted");
  return FSIM_OK;
}

fsim_status fsim_opt_agree(const fsim_optimize_options *opt, fsim_status st, fsim_error *err) {
  if (opt->ranks <= 1) return st;
  double b[2] = {st == FSIM_E_INTERRUPTED, st != FSIM_OK && st != FSIM_E_INTERRUPTED};
  fsim_status ss = sum(opt, b, 2, err);
  return ss != FSIM_OK ? ss : worst(st, b, err);
}

fsim_status fsim_opt_share_cached(fsim_opt_runner *rn, int *found, fsim_opt_eval *e,
                                  fsim_error *err) {
  const fsim_optimize_options *opt = rn->opt;
  if (opt->ranks <= 1) return FSIM_OK;
  const int nq = 1 + rn->pb->ncon;
  double b[1 + 3 * (1 + FSIM_OPT_MAXCON)] = {0};
  if (opt->rank == 0 && *found) {
    b[0] = 1;
    for (int q = 0; q < nq; q++) {
      b[1 + 3 * q] = (double)e->q[q].n;
      b[2 + 3 * q] = e->q[q].mean;
      b[3 + 3 * q] = e->q[q].sd;
    }
  }
  fsim_status st = sum(opt, b, 1 + 3 * nq, err);
  *found = st == FSIM_OK && b[0] > 0;
  for (int q = 0; *found && q < nq; q++) {
    e->q[q].n = (long)b[1 + 3 * q];
    e->q[q].mean = b[2 + 3 * q];
    e->q[q].sd = b[3 + 3 * q];
  }
  return st;
}

/* A run's progress as the search's: evaluations done of the budget. */
static int run_progress(void *ctx, long done, long total) {
  const fsim_opt_runner *rn = ctx;
  (void)done, (void)total;
  return rn->opt->progress(rn->opt->progress_ctx, rn->nevals, rn->opt->budget);
}

fsim_status fsim_opt_collect(fsim_opt_runner *rn, const fsim_scenario *sc, fsim_status st,
                             long first, long reps, uint64_t seed, double *x, fsim_error *err) {
  const fsim_optimize_options *opt = rn->opt;
  const int nq = 1 + rn->pb->ncon, ranks = opt->ranks > 1 ? opt->ranks : 1;
  const int rank = ranks > 1 ? opt->rank : 0;
  /* Indices into x, relative to `first`. */
  const long lo = reps * rank / ranks, hi = reps * (rank + 1) / ranks;
  memset(x, 0, ((size_t)nq * (size_t)reps + 2) * sizeof *x);
  if (st == FSIM_OK && opt->progress && opt->progress(opt->progress_ctx, rn->nevals, opt->budget))
    st = fsim_error_set(err, FSIM_E_INTERRUPTED, "", 0, "", "interrupted");
  fsim_results *res = NULL;
  if (st == FSIM_OK && hi > lo) {
    fsim_run_options ro;
    fsim_run_options_init(&ro);
    ro.keep_series = 0;
    ro.replications = hi - lo;
    ro.first_replication = first + lo;
    ro.has_seed = 1;
    ro.seed = seed;
    ro.threads = opt->threads;
    if (opt->progress) {
      ro.progress = run_progress;
      ro.progress_ctx = rn;
    }
    const double t0 = fsim_opt_now();
    st = fsim_run(sc, &ro, &res, err);
    rn->run_seconds += fsim_opt_now() - t0;
  }
  for (int q = 0; st == FSIM_OK && q < nq; q++)
    for (long r = lo; r < hi; r++) x[q * reps + r] = fsim_opt_quantity(rn->pb, res, q, r - lo);
  fsim_results_free(res);
  double *b = x + (size_t)nq * (size_t)reps;
  b[0] = st == FSIM_E_INTERRUPTED;
  b[1] = st != FSIM_OK && st != FSIM_E_INTERRUPTED;
  const fsim_status ss = sum(opt, x, nq * reps + 2, err);
  return ss != FSIM_OK ? ss : worst(st, b, err);
}
