/* Summary statistics across replications. */
#ifndef FRONTSIM_STATS_H
#define FRONTSIM_STATS_H

#include <stddef.h>

typedef struct fsim_summary {
  long n;       /* values that are defined (not NaN) */
  double mean, sd;
  double ci_lo, ci_hi; /* 95% confidence interval of the mean (Wilson for 0/1 indicators) */
  double p5, p25, p50, p75, p95;
} fsim_summary;

/* Summarises x[0..n) (NaN values are left out); reorders x in place. kind is one of
 * FSIM_METRIC_* (metric_table.h). */
void fsim_summarize(double *x, size_t n, int kind, fsim_summary *out);

/* Mean, sd and the 5/25/50/75/95th percentiles of x[0..n) (reordered in place;
 * no NaN expected) into out[7]: selection instead of a full sort, with the same
 * interpolation as gsl_stats_quantile_from_sorted_data, so the figures equal
 * those of fsim_summarize. */
void fsim_series_stats(double *x, size_t n, double out[7]);

/* 95% interval of a mean from n values with standard deviation sd (Student t). */
double fsim_ci_halfwidth(double sd, long n);

/* Fixed notation with a sensible number of digits: persons as whole numbers
 * (|v| >= 100), then two decimals (>= 1), else three; "n/a" for NaN. */
const char *fsim_format_fixed(double v, char *buf, size_t size);
/* The digits the interval supports: v rounded to the leading digit of the
 * interval's half-width (0.763 [0.741, 0.786] is 0.76 [0.74, 0.79]); more digits
 * would claim a precision the replications do not give. A zero-width interval
 * (every replication alike) keeps fsim_format_fixed's digits. */
const char *fsim_format_rounded(double v, double half, char *buf, size_t size);

#endif
