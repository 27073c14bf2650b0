/* Kim and Nelson's procedure KN (kn.h; Kim and Nelson 2001, section 3). */
#include "kn.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

double fsim_kn_h2(int k, long n0, double confidence) {
  const double alpha = 1 - confidence;
  const double eta = 0.5 * (pow(2 * alpha / (k - 1), -2.0 / (double)(n0 - 1)) - 1);
  return 2 * eta * (double)(n0 - 1);
}

fsim_status fsim_kn_select(const fsim_kn_setup *s, fsim_kn_sample_fn sample, void *ctx,
                           fsim_kn_result *res, fsim_error *err) {
  const int k = s->k;
  if (k < 2 || s->n0 < 2 || s->nmax < s->n0 || s->batch < 1 || !(s->delta > 0) ||
      !(s->confidence > 1.0 / k && s->confidence < 1))
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "",
                          "Kim-Nelson: expected k >= 2, n0 >= 2, nmax >= n0, delta > 0 and "
                          "confidence in (1/k, 1)");
  const long n0 = s->n0;
  double *x = malloc((size_t)k * (size_t)n0 * sizeof *x);
  double *s2 = malloc((size_t)k * (size_t)k * sizeof *s2);
  double *sum = calloc((size_t)k, sizeof *sum), *batch = malloc((size_t)s->batch * sizeof *batch);
  int *in = malloc((size_t)k * sizeof *in), *out = malloc((size_t)k * sizeof *out);
  fsim_status st = x && s2 && sum && batch && in && out
                       ? FSIM_OK
                       : fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  /* Stage 0: n0 of each, and S^2_il, the sample variance of the differences. */
  for (int i = 0; st == FSIM_OK && i < k; i++) {
    st = sample(ctx, i, 0, n0, x + (size_t)i * (size_t)n0, err);
    for (long j = 0; st == FSIM_OK && j < n0; j++) sum[i] += x[(size_t)i * (size_t)n0 + (size_t)j];
    res->n[i] = n0;
    in[i] = 1;
  }
  for (int i = 0; st == FSIM_OK && i < k; i++)
    for (int l = 0; l < k; l++) {
      const double *a = x + (size_t)i * (size_t)n0, *b = x + (size_t)l * (size_t)n0;
      const double d = (sum[i] - sum[l]) / (double)n0;
      double v = 0;
      for (long j = 0; j < n0; j++) v += (a[j] - b[j] - d) * (a[j] - b[j] - d);
      s2[i * k + l] = v / (double)(n0 - 1);
    }
  res->h2 = fsim_kn_h2(k, n0, s->confidence);
  res->stages = 0;
  long r = n0;
  int alive = k;
  while (st == FSIM_OK) {
    /* Screening against every alternative in at the start of the stage (I_old). */
    res->stages++;
    for (int i = 0; i < k; i++) {
      out[i] = 0;
      for (int l = 0; in[i] && l < k && !out[i]; l++) {
        if (l == i || !in[l]) continue;
        const double w = fmax(0, s->delta / (2.0 * (double)r) *
                                     (res->h2 * s2[i * k + l] / (s->delta * s->delta) - (double)r));
        out[i] = sum[i] / (double)r < sum[l] / (double)r - w;
      }
    }
    for (int i = 0; i < k; i++)
      if (out[i]) in[i] = 0, alive--;
    if (alive <= 1 || r >= s->nmax) break;
    const long b = s->batch < s->nmax - r ? s->batch : s->nmax - r;
    for (int i = 0; st == FSIM_OK && i < k; i++) {
      if (!in[i]) continue;
      st = sample(ctx, i, r, b, batch, err);
      for (long j = 0; st == FSIM_OK && j < b; j++) sum[i] += batch[j];
      res->n[i] = r + b;
    }
    r += b;
  }
  if (st == FSIM_OK) {
    res->best = -1;
    res->survivors = alive;
    res->total = 0;
    for (int i = 0; i < k; i++) {
      res->mean[i] = sum[i] / (double)res->n[i];
      res->total += res->n[i];
      if (in[i] && (res->best < 0 || res->mean[i] > res->mean[res->best])) res->best = i;
    }
  }
  free(x), free(s2), free(sum), free(batch), free(in), free(out);
  return st;
}
