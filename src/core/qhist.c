/* Streaming moments and the adaptive histogram of quantiles (qhist.h). */
#include "qhist.h"

#include <math.h>
#include <string.h>

void fsim_moments_add_block(fsim_moments *m, const float *x, size_t n, size_t stride) {
  if (n == 0) return;
  double s = 0;
  for (size_t i = 0; i < n; i++) s += x[i * stride];
  const double nb = (double)n, mb = s / nb;
  double m2b = 0;
  for (size_t i = 0; i < n; i++) {
    const double d = x[i * stride] - mb;
    m2b += d * d;
  }
  const double na = m->n, nn = na + nb, delta = mb - m->mean;
  m->mean += delta * (nb / nn);
  m->m2 += m2b + delta * delta * (na * nb / nn);
  m->n = nn;
}

double fsim_moments_sd(const fsim_moments *m) {
  return m->n > 1 ? sqrt(m->m2 / (m->n - 1)) : m->n == 1 ? 0.0 : NAN;
}

void fsim_qhist_init(fsim_qhist *h) { memset(h, 0, sizeof *h); }

/* The least power of two >= x (x > 0). */
static double pow2_ceil(double x) {
  int e;
  const double m = frexp(x, &e); /* x = m 2^e, m in [0.5, 1) */
  return ldexp(1.0, m == 0.5 ? e - 1 : e);
}

/* The least width, a power of two, whose window from floor(mn / w) w reaches past mx.
 * Its floor keeps lo / w below 2^25, so the bin of a float is computed exactly. */
static double width_for(double mn, double mx, double w) {
  const double scale = fmax(fmax(fabs(mn), fabs(mx)), 1.0);
  const double floor_w = pow2_ceil(scale * 0x1p-24);
  if (w < floor_w) w = floor_w;
  while (floor(mn / w) * w + FSIM_QHIST_BINS * w <= mx) w *= 2;
  return w;
}

/* Makes the window hold [mn, mx]: a wider w, the old bins summed into the new. */
static void widen(fsim_qhist *h, double mn, double mx) {
  const double w = width_for(mn, mx, h->w), lo = floor(mn / w) * w;
  if (h->n == 0) {
    h->w = w;
    h->lo = lo;
    return;
  }
  if (w == h->w && lo == h->lo) return;
  uint32_t count[FSIM_QHIST_BINS] = {0};
  double sum[FSIM_QHIST_BINS] = {0};
  /* Old bin j starts at h->lo + j h->w = lo + (o + j) h->w, o >= 0 an integer. */
  const double o = (h->lo - lo) / h->w, f = w / h->w;
  for (int j = 0; j < FSIM_QHIST_BINS; j++) {
    if (!h->count[j]) continue;
    const int k = (int)floor((o + j) / f);
    count[k] += h->count[j];
    sum[k] += h->sum[j];
  }
  memcpy(h->count, count, sizeof count);
  memcpy(h->sum, sum, sizeof sum);
  h->w = w;
  h->lo = lo;
}

void fsim_qhist_add(fsim_qhist *h, const float *x, size_t n, size_t stride) {
  if (n == 0) return;
  double mn = x[0], mx = x[0];
  for (size_t i = 1; i < n; i++) {
    const double v = x[i * stride];
    mn = v < mn ? v : mn;
    mx = v > mx ? v : mx;
  }
  if (h->n) {
    mn = fmin(mn, h->min);
    mx = fmax(mx, h->max);
  }
  /* One widening per block, then every value lands inside the window. */
  if (h->n == 0 || mn < h->lo || mx >= h->lo + FSIM_QHIST_BINS * h->w) widen(h, mn, mx);
  h->min = mn;
  h->max = mx;
  const double lo = h->lo, inv = 1.0 / h->w; /* exact: w is a power of two */
  for (size_t i = 0; i < n; i++) {
    const double v = x[i * stride];
    int k = (int)floor((v - lo) * inv);
    k = k < 0 ? 0 : k >= FSIM_QHIST_BINS ? FSIM_QHIST_BINS - 1 : k;
    h->count[k]++;
    h->sum[k] += v;
  }
  h->n += n;
}

void fsim_qhist_quantiles(const fsim_qhist *h, const double *q, int nq, double *out) {
  if (h->n == 0) {
    for (int k = 0; k < nq; k++) out[k] = NAN;
    return;
  }
  /* Ranks wanted, in increasing order: lo and lo + 1 of each quantile. */
  int j = 0;
  uint64_t below = 0; /* values in the bins before j */
  double value_at[2];
  for (int k = 0; k < nq; k++) {
    const double pos = q[k] * (double)(h->n - 1);
    const uint64_t r = (uint64_t)pos;
    const double delta = pos - (double)r;
    for (int t = 0; t < 2; t++) {
      const uint64_t want = r + (uint64_t)t < h->n ? r + (uint64_t)t : h->n - 1;
      while (below + h->count[j] <= want) below += h->count[j++];
      value_at[t] = h->sum[j] / h->count[j];
      /* A later quantile starts from here: ranks only grow. */
    }
    out[k] = r + 1 >= h->n || delta == 0.0 ? value_at[0]
                                            : (1 - delta) * value_at[0] + delta * value_at[1];
  }
}

double fsim_qhist_error_bound(const fsim_qhist *h) { return h->w; }
