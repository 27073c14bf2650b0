/* Kim and Nelson's fully sequential procedure KN for selecting the best of k
 * alternatives (Kim and Nelson 2001, ACM TOMACS 11:251-273; docs/OPTIMIZE.md): n0
 * replications of each, the variance of each pair's differences from them, then one
 * batch of replications more per stage of every alternative still in, eliminating i
 * when its mean falls below another's by more than the triangular continuation
 * region allows. With common random numbers (replication r of every alternative on
 * the same random numbers) the pairs' differences have small variances, and the
 * procedure eliminates early. Pure: the replications come from a callback. */
#ifndef FSIM_EXPERIMENT_KN_H
#define FSIM_EXPERIMENT_KN_H

#include "frontsim/error.h"

/* Fills out[0..count-1] with alternative `alt`'s value (larger is better) in
 * replications first .. first + count - 1. */
typedef fsim_status (*fsim_kn_sample_fn)(void *ctx, int alt, long first, long count,
                                         double *out, fsim_error *err);

typedef struct fsim_kn_setup {
  int k;             /* alternatives, >= 2 */
  long n0;           /* first stage, >= 2 */
  long nmax;         /* most replications of any alternative (>= n0): the procedure's cap */
  long batch;        /* replications added per stage (>= 1); checks only then */
  double delta;      /* indifference zone, > 0 */
  double confidence; /* 1 - alpha, in (1/k, 1) */
} fsim_kn_setup;

typedef struct fsim_kn_result {
  int best;          /* the alternative selected */
  int survivors;     /* alternatives still in at the end (1 unless the cap stopped it) */
  long stages;       /* checks of the continuation region */
  long total;        /* replications in all */
  long *n;           /* [k], the caller's: replications of each */
  double *mean;      /* [k], the caller's: each one's mean over its n */
  double h2;         /* the procedure's constant h^2 */
} fsim_kn_result;

/* h^2 = 2 eta (n0 - 1), eta = ((2 alpha / (k - 1))^(-2 / (n0 - 1)) - 1) / 2 (KN's
 * constant for a first stage of n0 and k alternatives at confidence 1 - alpha). */
double fsim_kn_h2(int k, long n0, double confidence);

/* Runs KN; at the cap nmax with several alternatives in, the best mean among them is
 * selected (then result->survivors > 1). */
fsim_status fsim_kn_select(const fsim_kn_setup *s, fsim_kn_sample_fn sample, void *ctx,
                           fsim_kn_result *result, fsim_error *err);

#endif
