/* Poisson and binomial samplers on a gsl_rng, faster than GSL's own for the means
 * this model draws. Poisson: below a mean of 512, inversion of tabulated cdfs for the
 * whole part of the mean plus a thinned Poisson(1) for the fraction; above, Hörmann's
 * transformed rejection with squeeze (PTRS: W. Hörmann, "The transformed rejection
 * method for generating Poisson random variables", Insurance: Mathematics and
 * Economics 12, 1993). Binomial: inversion for n p < 10, else BTRS (Hörmann, "The
 * generation of binomial random variates", J. Statist. Comput. Simul. 46, 1993).
 * tests/check_samplers.c checks them against the exact probabilities with chi-square
 * tests. */
#ifndef FRONTSIM_SAMPLERS_H
#define FRONTSIM_SAMPLERS_H

#include <gsl/gsl_rng.h>

unsigned int fsim_ran_poisson(const gsl_rng *r, double mu);
unsigned int fsim_ran_binomial(const gsl_rng *r, double p, unsigned int n);
/* exp(zeta + sigma Z), Z standard normal (GSL's ziggurat). */
double fsim_ran_lognormal(const gsl_rng *r, double zeta, double sigma);

#endif
