/* Bounded-memory summaries of a stream of values, for the daily series of runs too
 * large to keep (docs/VALIDATION.md, "Series beyond the exact limit"):
 *
 * - fsim_moments: count, mean and sum of squared deviations, merged block by block
 *   (Chan, Golub and LeVeque 1979), in a fixed order, so the result does not depend
 *   on threads.
 * - fsim_qhist: a histogram of FSIM_QHIST_BINS bins of width w, a power of two, over
 *   an adaptive window [lo, lo + BINS w) with lo a multiple of w. When a value falls
 *   outside, w doubles (pairs of bins merge: bins stay unions of the old ones) until
 *   the window holds every value seen. Each bin keeps its count and the sum of its
 *   values. A quantile is read as GSL reads it from sorted data, the order statistics
 *   replaced by the mean of the bin holding them: each lies in the same bin as the
 *   exact one, so the error is below w < 2 (max - min) / (BINS - 1) (or the floor of
 *   w when all values are nearly equal), and nil for integer values spread over fewer
 *   than BINS integers (each bin then holds one value). */
#ifndef FRONTSIM_QHIST_H
#define FRONTSIM_QHIST_H

#include <stddef.h>
#include <stdint.h>

typedef struct fsim_moments {
  double n, mean, m2; /* m2: sum of squared deviations from the mean */
} fsim_moments;

/* Adds the block x[0..n) (read at x[i * stride]) to *m: the block's mean and m2
 * by two passes, then Chan's merge. */
void fsim_moments_add_block(fsim_moments *m, const float *x, size_t n, size_t stride);
/* The standard deviation (n - 1 in the denominator; 0 for one value). */
double fsim_moments_sd(const fsim_moments *m);

#define FSIM_QHIST_BINS 1024

typedef struct fsim_qhist {
  double lo, w;  /* the window [lo, lo + BINS w); w = 0 while empty */
  double min, max;
  uint64_t n;
  uint32_t count[FSIM_QHIST_BINS];
  double sum[FSIM_QHIST_BINS];
} fsim_qhist;

void fsim_qhist_init(fsim_qhist *h);
/* Adds x[0..n) (read at x[i * stride]), in that order. */
void fsim_qhist_add(fsim_qhist *h, const float *x, size_t n, size_t stride);
/* The q-quantiles (q[k] in [0, 1], increasing) as gsl_stats_quantile_from_sorted_data
 * would interpolate them, the order statistics estimated; NaN when empty. */
void fsim_qhist_quantiles(const fsim_qhist *h, const double *q, int nq, double *out);
/* The bound on the error of every quantile: the bin width w. */
double fsim_qhist_error_bound(const fsim_qhist *h);

#endif
