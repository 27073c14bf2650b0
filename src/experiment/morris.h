/* Elementary-effects screening (Morris 1991), with the mean absolute effect mu* of
 * Campolongo, Cariboni and Saltelli (2007): r one-at-a-time trajectories through a
 * p-level grid of the unit cube, and per parameter the mean, mean absolute value
 * and standard deviation of its elementary effects (docs/USAGE.md, "Morris
 * screening"). Deterministic given a seed. */
#ifndef FRONTSIM_MORRIS_H
#define FRONTSIM_MORRIS_H

#include <stddef.h>
#include <stdint.h>

#include "frontsim/error.h"
#include "scenario_internal.h"

/* r trajectories of k + 1 points on the grid {0, 1/(p-1), ..., 1}^k (p = levels,
 * even): each starts at a random grid point, then moves its coordinates one at a
 * time, in a random order, by +Delta or -Delta, Delta = p / (2 (p - 1)), never
 * leaving [0,1]. Row t (k + 1) + m is point m of trajectory t: u[row * k + j]. */
fsim_status fsim_design_morris(size_t r, int k, int levels, uint64_t seed, double *u,
                               fsim_error *err);

/* Parameter pd's value at position x of the unit cube: its range [from, to]
 * linearly, a whole-number setting rounded to the nearest whole number. */
double fsim_morris_value(const fsim_param_def *pd, double x);

/* Elementary effects from outputs y (one per design row): step m of trajectory t
 * moves one coordinate i (read from the design u), and ee[t * k + i] is the change
 * in y divided by the change in x[., i], the parameter's actual position on the
 * unit scale of its range (after rounding, for a whole-number one). NaN when y is
 * undefined at either end or x did not change. */
void fsim_morris_effects(const double *u, const double *x, const double *y, size_t r, int k,
                         double *ee);

typedef struct fsim_morris_index {
  double mu, mu_lo, mu_hi;                /* mean effect */
  double mu_star, mu_star_lo, mu_star_hi; /* mean absolute effect */
  double sigma, sigma_lo, sigma_hi;       /* standard deviation of the effects */
} fsim_morris_index;

/* mu, mu* and sigma of each parameter's r effects ee[t * k + i], with percentile
 * bootstrap 95% intervals from nboot resamples of the trajectories (NaN below 2). */
fsim_status fsim_morris_indices(const double *ee, size_t r, int k, int nboot, uint64_t seed,
                                fsim_morris_index *out, fsim_error *err);

#endif
