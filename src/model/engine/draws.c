/* The draw trace of the benchmark (draws.h) and the multinomial split by conditional
 * binomials. */
#include "draws.h"

#include <stdlib.h>

const char *const fsim_draw_names[FSIM_DRAW_NKINDS] = {"poisson", "gamma",
                                                       "multinomial", "lognormal"};

void fsim_multinomial(gsl_rng *r, size_t K, unsigned int N, const double *w, unsigned int *out) {
  double rest = 0.0;
  for (size_t k = 0; k < K; k++) rest += w[k];
  unsigned int left = N;
  for (size_t k = 0; k < K; k++) {
    if (left == 0 || w[k] <= 0) {
      out[k] = 0;
    } else if (k + 1 == K || w[k] >= rest) {
      out[k] = left; /* the last category with weight takes what is left */
    } else {
      out[k] = fsim_ran_binomial(r, w[k] / rest, left);
    }
    left -= out[k];
    rest -= w[k];
  }
}

void fsim_draw_trace_add(fsim_draw_trace *t, int kind, int stream, double a, double b) {
  if (t->failed) return;
  if (t->n == t->cap) {
    size_t cap = t->cap ? t->cap * 2 : 4096;
    fsim_draw_note *g = realloc(t->notes, cap * sizeof *g);
    if (!g) {
      t->failed = 1;
      return;
    }
    t->notes = g;
    t->cap = cap;
  }
  t->notes[t->n++] = (fsim_draw_note){kind, stream, a, b};
}

void fsim_draw_trace_free(fsim_draw_trace *t) {
  free(t->notes);
  t->notes = NULL;
  t->n = t->cap = 0;
}

int fsim_draw_trace_filter(const fsim_draw_trace *t, int kind, fsim_draw_trace *out) {
  for (size_t i = 0; i < t->n; i++) {
    const fsim_draw_note *d = &t->notes[i];
    size_t n = d->kind != kind ? 0 : kind == FSIM_DRAW_MULTINOMIAL ? 1 + (size_t)d->a : 1;
    for (size_t j = 0; j < n; j++) {
      const fsim_draw_note *e = &t->notes[i + j];
      fsim_draw_trace_add(out, e->kind, e->stream, e->a, e->b);
    }
  }
  return out->failed ? -1 : 0;
}

double fsim_draw_replay(const fsim_draw_trace *t, gsl_rng **rng, double *w, unsigned int *k) {
  double sum = 0.0;
  for (size_t i = 0; i < t->n; i++) {
    const fsim_draw_note *d = &t->notes[i];
    gsl_rng *r = rng[d->stream];
    switch (d->kind) {
      case FSIM_DRAW_POISSON: sum += fsim_ran_poisson(r, d->a); break;
      case FSIM_DRAW_GAMMA: sum += gsl_ran_gamma(r, d->a, d->b); break;
      case FSIM_DRAW_LOGNORMAL: sum += fsim_ran_lognormal(r, d->a, d->b); break;
      case FSIM_DRAW_MULTINOMIAL: {
        size_t K = (size_t)d->a;
        for (size_t j = 0; j < K; j++) w[j] = t->notes[i + 1 + j].a;
        fsim_multinomial(r, K, (unsigned int)d->b, w, k);
        sum += k[0];
        i += K;
        break;
      }
      default: break;
    }
  }
  return sum;
}
