/* Poisson and binomial samplers on a gsl_rng, faster than GSL's own for the means
 * this model draws (tens to hundreds): Hörmann's transformed rejection with
 * squeeze (PTRS, BTRS; W. Hörmann, "The transformed rejection method for
 * generating Poisson random variables", Insurance: Mathematics and Economics 12,
 * 1993; "The generation of binomial random variates", J. Statist. Comput. Simul.
 * 46, 1993), with inversion for small means. Exact: tests/check_samplers.c checks
 * them against the exact probabilities with chi-square tests. */
#ifndef FRONTSIM_SAMPLERS_H
#define FRONTSIM_SAMPLERS_H

#include <gsl/gsl_rng.h>

unsigned int fsim_ran_poisson(const gsl_rng *r, double mu);
unsigned int fsim_ran_binomial(const gsl_rng *r, double p, unsigned int n);
/* exp(zeta + sigma Z), Z standard normal (GSL's ziggurat). */
double fsim_ran_lognormal(const gsl_rng *r, double zeta, double sigma);

#endif
