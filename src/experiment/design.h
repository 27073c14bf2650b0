/* Experimental designs over k parameters, as points in the unit cube or as lists
 * of values: full factorial grids, Latin hypercubes, and Saltelli's scheme on a
 * Sobol' sequence for variance-based sensitivity. All deterministic given a seed. */
#ifndef FRONTSIM_DESIGN_H
#define FRONTSIM_DESIGN_H

#include <stddef.h>
#include <stdint.h>

#include "frontsim/error.h"

/* Full factorial: point p takes value index idx[j] of parameter j, with the last
 * parameter varying fastest. counts[j] values of parameter j. */
void fsim_design_grid_index(size_t p, int k, const int *counts, int *idx);
size_t fsim_design_grid_size(int k, const int *counts);

/* Latin hypercube of n points in [0,1)^k: each parameter's range is cut into n
 * strata, each used once, with a uniform position inside it. u[p * k + j]. */
fsim_status fsim_design_lhs(size_t n, int k, uint64_t seed, double *u, fsim_error *err);

/* Saltelli (2010) scheme: base matrices A and B from the first 2k dimensions of a
 * Sobol' sequence (skipping the origin); then for each parameter i, A with column
 * i taken from B. Rows in order A (n), B (n), AB_1 (n), ..., AB_k (n): n (k + 2)
 * points, u[p * k + j]. k <= 20. */
fsim_status fsim_design_saltelli(size_t n, int k, double *u, fsim_error *err);

/* First-order and total Sobol' indices by the Jansen estimators (Saltelli et al.
 * 2010, table 2) from outputs y in Saltelli order, with percentile bootstrap 95%
 * intervals from nboot resamples of the n base rows. Arrays of k. */
typedef struct fsim_sobol_index {
  double first, first_lo, first_hi;
  double total, total_lo, total_hi;
} fsim_sobol_index;

fsim_status fsim_sobol_indices(const double *y, size_t n, int k, int nboot, uint64_t seed,
                               fsim_sobol_index *out, double *variance, fsim_error *err);

#endif
