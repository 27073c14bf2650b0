#include "samplers.h"

#include <math.h>

/* Inversion by sequential search from 0: about mu + 1 uniforms' worth of work, best
 * below mu = 10. */
static unsigned int poisson_inversion(const gsl_rng *r, double mu) {
  double u = gsl_rng_uniform(r), p = exp(-mu), cdf = p;
  unsigned int k = 0;
  while (u > cdf) {
    k++;
    p *= mu / k;
    cdf += p;
    if (p < 1e-300 && cdf >= 1.0 - 1e-15) break; /* rounding left a sliver above cdf */
  }
  return k;
}

unsigned int fsim_ran_poisson(const gsl_rng *r, double mu) {
  if (!(mu > 0)) return 0;
  if (mu < 10) return poisson_inversion(r, mu);
  /* PTRS (Hörmann 1993, algorithm PTRS). */
  const double slam = sqrt(mu), loglam = log(mu);
  const double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
  const double invalpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const double U = gsl_rng_uniform(r) - 0.5, V = gsl_rng_uniform(r);
    const double us = 0.5 - fabs(U);
    const double k = floor((2 * a / us + b) * U + mu + 0.43);
    if (us >= 0.07 && V <= vr) return (unsigned int)k;
    if (k < 0 || (us < 0.013 && V > us)) continue;
    if (log(V * invalpha / (a / (us * us) + b)) <= -mu + k * loglam - lgamma(k + 1))
      return (unsigned int)k;
  }
}

/* Inversion for n p < 10 (p <= 1/2): the recursion P(k+1) = P(k) (n-k)/(k+1) p/q. */
static unsigned int binomial_inversion(const gsl_rng *r, double p, unsigned int n) {
  const double q = 1 - p, s = p / q, a = (n + 1) * s;
  for (;;) {
    double f = exp(n * log1p(-p)), u = gsl_rng_uniform(r);
    unsigned int k = 0;
    while (u > f) {
      u -= f;
      k++;
      if (k > n) break; /* rounding: start again */
      f *= a / k - s;
    }
    if (k <= n) return k;
  }
}

/* The tail of Stirling's series, log k! - [(k + 1/2) log(k + 1) - (k + 1) + log sqrt(2 pi)],
 * from a table below 10 and the series above (Hörmann 1993, BTRS). */
static double stirling_tail(double k) {
  static const double table[10] = {0.08106146679532726, 0.04134069595540929,
                                   0.02767792568499834, 0.02079067210376509,
                                   0.01664469118982119, 0.01387612882307075,
                                   0.01189670994589177, 0.01041126526197209,
                                   0.009255462182712733, 0.008330563433362871};
  if (k <= 9) return table[(int)k];
  const double kp1sq = (k + 1) * (k + 1);
  return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / kp1sq) / kp1sq) / (k + 1);
}

/* BTRS for n p >= 10, p <= 1/2 (Hörmann 1993, algorithm BTRS): no log-gamma in the
 * set-up, and the exact acceptance test only for the few draws outside the squeeze. */
static unsigned int binomial_btrs(const gsl_rng *r, double p, unsigned int n) {
  const double q = 1 - p, spq = sqrt(n * p * q);
  const double b = 1.15 + 2.53 * spq, a = -0.0873 + 0.0248 * b + 0.01 * p;
  const double c = n * p + 0.5, vr = 0.92 - 4.2 / b;
  for (;;) {
    const double u = gsl_rng_uniform(r) - 0.5;
    double v = gsl_rng_uniform(r);
    const double us = 0.5 - fabs(u);
    const double k = floor((2 * a / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return (unsigned int)k;
    const double alpha = (2.83 + 5.1 / b) * spq, rr = p / q, m = floor((n + 1) * p);
    v = log(v * alpha / (a / (us * us) + b));
    const double bound =
        (m + 0.5) * log((m + 1) / (rr * (n - m + 1))) + (n + 1) * log((n - m + 1) / (n - k + 1)) +
        (k + 0.5) * log(rr * (n - k + 1) / (k + 1)) + stirling_tail(m) + stirling_tail(n - m) -
        stirling_tail(k) - stirling_tail(n - k);
    if (v <= bound) return (unsigned int)k;
  }
}

unsigned int fsim_ran_binomial(const gsl_rng *r, double p, unsigned int n) {
  if (n == 0 || !(p > 0)) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - fsim_ran_binomial(r, 1 - p, n);
  return n * p < 10 ? binomial_inversion(r, p, n) : binomial_btrs(r, p, n);
}
