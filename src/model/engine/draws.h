/* Every random draw of the model goes through these wrappers, which, when a trace is
 * attached (the benchmark), count draws by kind and note each draw's parameters so
 * the same draws can be replayed in a tight loop: the floor the engine is measured
 * against (docs/PERFORMANCE.md). */
#ifndef FRONTSIM_DRAWS_H
#define FRONTSIM_DRAWS_H

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <stddef.h>
#include <stdint.h>

#include "samplers.h"

enum {
  FSIM_DRAW_POISSON = 0,
  FSIM_DRAW_GAMMA,
  FSIM_DRAW_MULTINOMIAL,
  FSIM_DRAW_LOGNORMAL,
  FSIM_DRAW_NKINDS,
  FSIM_DRAW_WEIGHT = FSIM_DRAW_NKINDS /* trace only: one multinomial weight */
};

extern const char *const fsim_draw_names[FSIM_DRAW_NKINDS];

typedef struct fsim_draw_note {
  int kind;
  int stream;
  double a, b;
} fsim_draw_note;

typedef struct fsim_draw_trace {
  fsim_draw_note *notes;
  size_t n, cap;
  int failed;
} fsim_draw_trace;

typedef struct fsim_draw_counter {
  uint64_t count[FSIM_DRAW_NKINDS];
  fsim_draw_trace *trace; /* NULL except in the benchmark */
} fsim_draw_counter;

void fsim_draw_trace_add(fsim_draw_trace *t, int kind, int stream, double a, double b);
void fsim_draw_trace_free(fsim_draw_trace *t);
/* Copies into `out` (empty) the draws of `t` of one kind, with a multinomial's weights;
 * returns 0, or -1 out of memory. */
int fsim_draw_trace_filter(const fsim_draw_trace *t, int kind, fsim_draw_trace *out);
/* Replays a trace with generators rng[stream]; returns a checksum of the draws so
 * the compiler cannot drop them. */
double fsim_draw_replay(const fsim_draw_trace *t, gsl_rng **rng, double *w, unsigned int *k);

void fsim_multinomial(gsl_rng *r, size_t K, unsigned int N, const double *w, unsigned int *out);

/* Counted only while a trace is attached (the benchmark's traced replications): the
 * day loop need not pay for a count nobody reads. */
static inline void fsim_draw_note_(fsim_draw_counter *c, int kind, int stream, double a,
                                   double b) {
  if (c->trace) {
    c->count[kind]++;
    fsim_draw_trace_add(c->trace, kind, stream, a, b);
  }
}

static inline unsigned int fsim_draw_poisson(fsim_draw_counter *c, gsl_rng **rng, int s,
                                             double mu) {
  fsim_draw_note_(c, FSIM_DRAW_POISSON, s, mu, 0);
  return fsim_ran_poisson(rng[s], mu);
}

static inline double fsim_draw_gamma(fsim_draw_counter *c, gsl_rng **rng, int s, double shape,
                                     double scale) {
  fsim_draw_note_(c, FSIM_DRAW_GAMMA, s, shape, scale);
  return gsl_ran_gamma(rng[s], shape, scale);
}

static inline double fsim_draw_lognormal(fsim_draw_counter *c, gsl_rng **rng, int s,
                                         double zeta, double sigma) {
  fsim_draw_note_(c, FSIM_DRAW_LOGNORMAL, s, zeta, sigma);
  return fsim_ran_lognormal(rng[s], zeta, sigma);
}

/* The log of a fsim_draw_lognormal(c, rng, s, 0, sigma) draw, from the same numbers of
 * the generator (noted as that draw): sigma Z, for noise carried from day to day in its
 * log (MODEL.md 8.7). */
static inline double fsim_draw_lognormal_log(fsim_draw_counter *c, gsl_rng **rng, int s,
                                             double sigma) {
  fsim_draw_note_(c, FSIM_DRAW_LOGNORMAL, s, 0.0, sigma);
  return gsl_ran_gaussian_ziggurat(rng[s], sigma);
}

/* Multinomial by conditional binomials (as gsl_ran_multinomial), stopping as soon
 * as nothing is left to share and giving the last category the remainder, so K
 * categories cost at most K - 1 binomial draws. */
static inline void fsim_draw_multinomial(fsim_draw_counter *c, gsl_rng **rng, int s, size_t K,
                                         unsigned int N, const double *w, unsigned int *out) {
  fsim_draw_note_(c, FSIM_DRAW_MULTINOMIAL, s, (double)K, N);
  if (c->trace)
    for (size_t i = 0; i < K; i++) fsim_draw_trace_add(c->trace, FSIM_DRAW_WEIGHT, s, w[i], 0);
  fsim_multinomial(rng[s], K, N, w, out);
}

#endif
