/* The exact daily figures of one cell (one variable on one day across replications),
 * cheaply: the same text in the files as fsim_series_stats (stats.h), which is GSL's. */
#ifndef FRONTSIM_COLUMN_STATS_H
#define FRONTSIM_COLUMN_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "formats.h" /* FSIM_NUMBER_FORMAT */

/* uint32 words of scratch fsim_column_stats needs for n values. */
size_t fsim_column_scratch(size_t n);

/* Mean, sd and the 5/25/50/75/95th percentiles of x[0..n) into out[7], as
 * fsim_series_stats: the percentiles bit for bit (the same order statistics, the
 * same interpolation); the mean and the sd as numbers whose FSIM_NUMBER_FORMAT text
 * is that of GSL's (gsl_stats_mean, gsl_stats_sd_m), computed without GSL's two
 * long-double divisions per value where an error bound shows the text cannot
 * differ, by GSL's own recurrence where it could. */
void fsim_column_stats(const float *x, size_t n, uint32_t *scratch, double *work,
                       double out[7]);

/* The same figures of n whole numbers lo + i, count[i] of each (i < range): one
 * pass over the counts. Returns nonzero when a figure needs GSL's own recurrence,
 * which depends on the values' order: then fsim_column_stats of the column. */
int fsim_column_stats_counts(const uint32_t *count, double lo, size_t range, size_t n,
                             double out[7]);

#endif
