/* Poisson, binomial and log-normal samplers (samplers.h), checked against the exact
 * laws by chi-square tests in tests/check_samplers.c. */
#include "samplers.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>

#include "rng.h"

/* log k! for k < LOGFACT_N, filled once: the exact acceptance tests of PTRS and BTRS
 * need it for a third to a half of their draws, and a table lookup costs far less
 * than lgamma. */
#define LOGFACT_N 1024
static double logfact_table[LOGFACT_N];
static pthread_once_t logfact_once = PTHREAD_ONCE_INIT;

static void logfact_fill(void) {
  for (int k = 0; k < LOGFACT_N; k++) logfact_table[k] = lgamma(k + 1.0);
}

static double stirling_tail(double k);

/* Beyond the table, Stirling's series: its tail term is exact to double precision
 * there (error O(k^-7)), and unlike lgamma it writes no global (signgam) from
 * several threads. */
static double log_factorial(double k) {
  if (k < LOGFACT_N) return logfact_table[(int)k];
  return (k + 0.5) * log(k + 1) - (k + 1) + 0.91893853320467274178 /* log sqrt(2 pi) */ +
         stirling_tail(k);
}

/* 1/k for the recursion of the binomial inversion, which rarely goes beyond k = 40:
 * a multiplication instead of a division per step. */
#define RECIP_N 64
static const double recip[RECIP_N] = {
    0,        1.0 / 1,  1.0 / 2,  1.0 / 3,  1.0 / 4,  1.0 / 5,  1.0 / 6,  1.0 / 7,
    1.0 / 8,  1.0 / 9,  1.0 / 10, 1.0 / 11, 1.0 / 12, 1.0 / 13, 1.0 / 14, 1.0 / 15,
    1.0 / 16, 1.0 / 17, 1.0 / 18, 1.0 / 19, 1.0 / 20, 1.0 / 21, 1.0 / 22, 1.0 / 23,
    1.0 / 24, 1.0 / 25, 1.0 / 26, 1.0 / 27, 1.0 / 28, 1.0 / 29, 1.0 / 30, 1.0 / 31,
    1.0 / 32, 1.0 / 33, 1.0 / 34, 1.0 / 35, 1.0 / 36, 1.0 / 37, 1.0 / 38, 1.0 / 39,
    1.0 / 40, 1.0 / 41, 1.0 / 42, 1.0 / 43, 1.0 / 44, 1.0 / 45, 1.0 / 46, 1.0 / 47,
    1.0 / 48, 1.0 / 49, 1.0 / 50, 1.0 / 51, 1.0 / 52, 1.0 / 53, 1.0 / 54, 1.0 / 55,
    1.0 / 56, 1.0 / 57, 1.0 / 58, 1.0 / 59, 1.0 / 60, 1.0 / 61, 1.0 / 62, 1.0 / 63};

static inline double reciprocal(unsigned int k) { return k < RECIP_N ? recip[k] : 1.0 / k; }

/* x^n by repeated squaring: a few multiplications, cheaper than exp(n log x) for the
 * small n of the binomial inversion, and as accurate (relative error ~ log2(n) eps). */
static double pow_uint(double x, unsigned int n) {
  double r = 1.0;
  while (n) {
    if (n & 1) r *= x;
    x *= x;
    n >>= 1;
  }
  return r;
}

/* Poisson(g) for whole g < POISSON_TABLE_G by inversion of a tabulated distribution
 * function: the cdf of each g over the k where it differs from 0 and 1 by more than
 * 2^-64 (below the resolution of a uniform), with a guide table (Chen and Asau 1974)
 * that starts the search where it almost always ends. About 1.4 MB for all g, filled
 * once, at the first draw (a few milliseconds); a draw reads one guide entry and one
 * or two cdf values. */
#define POISSON_TABLE_G 512
/* The widest range ptab_range gives (g = 511: 2 * 226 + 51 values). The tables are
 * static, so filling them needs no allocation that could fail; they are sized for every
 * g at its widest, but only the part filled (about 1.4 MB) is ever touched, and pages
 * never touched cost no memory. */
#define PTAB_SPAN 503
static double ptab_cdf[POISSON_TABLE_G * PTAB_SPAN];  /* the cdfs of all g, one after the other */
static unsigned short ptab_guide[POISSON_TABLE_G * PTAB_SPAN]; /* per g: the first index whose
                                                                  cdf exceeds j / len */
static unsigned int ptab_off[POISSON_TABLE_G];
static unsigned short ptab_lo[POISSON_TABLE_G], ptab_len[POISSON_TABLE_G];
static pthread_once_t ptab_once = PTHREAD_ONCE_INIT;
/* Set once the table is filled: a plain load per draw instead of a call to pthread_once. */
static atomic_int ptab_ready;

/* The range [lo, hi] tabulated for g: 10 standard deviations and 20 more either side
 * hold all but 2^-64 of the mass (Chernoff); the fill trims the rest. */
static void ptab_range(int g, int *lo, int *hi) {
  const double s = sqrt((double)g);
  *lo = g - (int)(10 * s) - 20 < 0 ? 0 : g - (int)(10 * s) - 20;
  *hi = g + (int)(10 * s) + 30;
}

/* s + x, with the rounding error of the sum accumulated in *err (Neumaier 1974). */
static double neumaier_add(double s, double x, double *err) {
  const double t = s + x;
  *err += fabs(s) >= fabs(x) ? (s - t) + x : (x - t) + s;
  return t;
}

static void ptab_fill(void) {
  double pmf[PTAB_SPAN];
  size_t off = 0;
  for (int g = 0; g < POISSON_TABLE_G; g++) {
    int lo, hi;
    ptab_range(g, &lo, &hi);
    /* P(k) / P(g) from the mode outwards by P(k+1) = P(k) g / (k+1), a rounding or
       two per step, then divided by their sum over [lo, hi] (which misses under 2^-64
       of the mass): P(g) itself, from exp(-g + g log g - log g!), would carry the
       rounding of numbers near 3000, about 1e-13. Sums compensated (Neumaier), so each
       cdf value is within a few roundings of the exact one. */
    pmf[g - lo] = 1.0;
    for (int k = g + 1; k <= hi; k++) pmf[k - lo] = pmf[k - 1 - lo] * g / k;
    for (int k = g - 1; k >= lo; k--) pmf[k - lo] = pmf[k + 1 - lo] * (k + 1) / g;
    double sum = 0.0, err = 0.0;
    for (int k = lo; k <= hi; k++) sum = neumaier_add(sum, pmf[k - lo], &err);
    sum += err;
    for (int k = lo; k <= hi; k++) pmf[k - lo] /= sum;
    int first = lo;
    for (double tail = 0; first < g && tail + pmf[first - lo] < 0x1p-64; first++)
      tail += pmf[first - lo];
    double cdf = 0.0;
    int n = 0;
    err = 0.0;
    for (int k = first; k <= hi; k++) {
      cdf = neumaier_add(cdf, pmf[k - lo], &err);
      ptab_cdf[off + (size_t)n++] = cdf + err;
      if (1.0 - (cdf + err) < 0x1p-64) break;
    }
    ptab_cdf[off + (size_t)n - 1] = 1.0; /* every uniform (< 1) stops here at the latest */
    for (int j = 0, i = 0; j < n; j++) {
      while (ptab_cdf[off + (size_t)i] <= (double)j / n) i++;
      ptab_guide[off + (size_t)j] = (unsigned short)i;
    }
    ptab_off[g] = (unsigned int)off;
    ptab_lo[g] = (unsigned short)first;
    ptab_len[g] = (unsigned short)n;
    off += (size_t)n;
  }
  atomic_store_explicit(&ptab_ready, 1, memory_order_release);
}

/* Poisson(g) from the table: the guide entry for u, then the few steps to the first
 * cdf value above u. */
static inline unsigned int ptab_draw(const gsl_rng *r, int g) {
  const double u = fsim_uniform(r);
  const double *cdf = ptab_cdf + ptab_off[g];
  unsigned int k = ptab_guide[ptab_off[g] + (unsigned int)(u * ptab_len[g])];
  while (cdf[k] <= u) k++;
  return ptab_lo[g] + k;
}

unsigned int fsim_ran_poisson(const gsl_rng *r, double mu) {
  if (!(mu > 0)) return 0;
  if (mu < POISSON_TABLE_G) {
    /* Poisson(mu) = Poisson(g) + Poisson(mu - g), g the whole part: the first from the
       table, the second (mean below 1) by inversion. */
    if (!atomic_load_explicit(&ptab_ready, memory_order_acquire)) pthread_once(&ptab_once, ptab_fill);
    const int g = (int)mu;
    const double rest = mu - g;
    unsigned int k = ptab_draw(r, g);
    /* Poisson(rest) as Y ~ Poisson(1) thinned with probability rest: no exp. Y and
       the first two trials without branches (Y <= 2 nine times in ten): a branch on a
       coin toss mispredicts half the time and costs more than the two uniforms. */
    if (rest > 0) {
      const double *c1 = ptab_cdf + ptab_off[1]; /* Poisson(1): P(Y <= y), from y = 0 */
      const double u0 = fsim_uniform(r), u1 = fsim_uniform(r), u2 = fsim_uniform(r);
      unsigned int y = (unsigned int)(u0 >= c1[0]) + (u0 >= c1[1]) + (u0 >= c1[2]);
      k += (unsigned int)((y >= 1) & (u1 < rest));
      k += (unsigned int)((y >= 2) & (u2 < rest));
      if (y == 3) {
        while (c1[y] <= u0) y++;
        for (; y > 2; y--) k += (unsigned int)(fsim_uniform(r) < rest);
      }
    }
    return k;
  }
  /* PTRS (Hörmann 1993, algorithm PTRS). */
  pthread_once(&logfact_once, logfact_fill);
  const double slam = sqrt(mu);
  double loglam = 0.0; /* only for the exact test: computed on its first use */
  const double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
  const double invalpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const double U = fsim_uniform(r) - 0.5, V = fsim_uniform(r);
    const double us = 0.5 - fabs(U);
    const double k = floor((2 * a / us + b) * U + mu + 0.43);
    if (us >= 0.07 && V <= vr) return (unsigned int)k;
    if (k < 0 || (us < 0.013 && V > us)) continue;
    if (loglam == 0.0) loglam = log(mu);
    if (log(V * invalpha / (a / (us * us) + b)) <= -mu + k * loglam - log_factorial(k))
      return (unsigned int)k;
  }
}

/* Inversion for n p < 10 (p <= 1/2): the recursion P(k+1) = P(k) (n-k)/(k+1) p/q. */
static unsigned int binomial_inversion(const gsl_rng *r, double p, unsigned int n) {
  const double q = 1 - p, s = p / q, a = (n + 1) * s;
  /* q^n: below n p < 10 with p <= 1/2 it is at least e^-20, far from underflow. For
     small p, 1 - p has lost p's low digits, so the logarithm takes p itself. */
  const double f0 = n < 4096 && p >= 1e-3 ? pow_uint(q, n) : exp(n * log1p(-p));
  for (;;) {
    double f = f0, u = fsim_uniform(r);
    unsigned int k = 0;
    while (u > f) {
      u -= f;
      k++;
      if (k > n) break; /* rounding: start again */
      f *= a * reciprocal(k) - s;
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
  pthread_once(&logfact_once, logfact_fill);
  const double q = 1 - p, spq = sqrt(n * p * q);
  const double b = 1.15 + 2.53 * spq, a = -0.0873 + 0.0248 * b + 0.01 * p;
  const double c = n * p + 0.5, vr = 0.92 - 4.2 / b;
  for (;;) {
    const double u = fsim_uniform(r) - 0.5;
    double v = fsim_uniform(r);
    const double us = 0.5 - fabs(u);
    const double k = floor((2 * a / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return (unsigned int)k;
    const double alpha = (2.83 + 5.1 / b) * spq;
    v = log(v * alpha / (a / (us * us) + b));
    if (n < LOGFACT_N) {
      /* log f(k)/f(m) from the table: one log instead of three. */
      const double m = floor((n + 1) * p);
      const double bound = log_factorial(m) + log_factorial(n - m) - log_factorial(k) -
                           log_factorial(n - k) + (k - m) * log(p / q);
      if (v <= bound) return (unsigned int)k;
      continue;
    }
    const double rr = p / q, m = floor((n + 1) * p);
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

double fsim_ran_lognormal(const gsl_rng *r, double zeta, double sigma) {
  /* GSL's lognormal draws its normal by the polar method; the ziggurat is about four
     times faster and as exact. */
  return exp(zeta + gsl_ran_gaussian_ziggurat(r, sigma));
}
