/* One cell's exact daily figures (column_stats.h). GSL's mean and sd run a
 * recurrence with two long-double divisions per value; here the mean is a plain
 * long-double sum and the sd a sum of squared deviations, each with a bound on how
 * far GSL's figure can be from it. When every number within the bound prints the
 * same (FSIM_NUMBER_FORMAT is monotone), that text is GSL's; otherwise (a figure
 * within the bound of a rounding boundary: rare) GSL's recurrence gives the figure.
 * The percentiles' order statistics come from a histogram selection: two passes
 * over the keys where a radix sort made up to six. */
#include "column_stats.h"

#include <float.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static const double quantile_q[5] = {0.05, 0.25, 0.50, 0.75, 0.95};

/* A float's bits as an unsigned key in the floats' order; -0 as +0, which compares
 * equal to it. */
static uint32_t key_of(float f) {
  uint32_t u;
  memcpy(&u, &f, sizeof u);
  if (u == 0x80000000u) u = 0;
  return u & 0x80000000u ? ~u : u | 0x80000000u;
}

static double value_of(uint32_t k) {
  const uint32_t u = k & 0x80000000u ? k ^ 0x80000000u : ~k;
  float f;
  memcpy(&f, &u, sizeof f);
  return f;
}

/* Selection recurses at most four levels (11 bits of key range each, then one
 * value), each gathering at most n keys. */
size_t fsim_column_scratch(size_t n) { return 4 * n + 64; }

static void sort_small(uint32_t *a, size_t n) {
  for (size_t i = 1; i < n; i++) {
    const uint32_t v = a[i];
    size_t j = i;
    for (; j > 0 && a[j - 1] > v; j--) a[j] = a[j - 1];
    a[j] = v;
  }
}

#define BUCKETS 2048
#define RANKS 10 /* two order statistics for each of the five percentiles */

/* out[j] = the key of rank rank[j] in a[0..n) (ranks ascending, < n; mn and mx the
 * least and greatest key): the keys counted into BUCKETS buckets of their range,
 * then, within each bucket that holds a rank, the same again on its keys, gathered
 * into scratch. */
static void select_ranks(const uint32_t *a, size_t n, uint32_t mn, uint32_t mx,
                         const size_t *rank, int m, uint32_t *out, uint32_t *scratch) {
  if (mn == mx) {
    for (int j = 0; j < m; j++) out[j] = mn;
    return;
  }
  if (n <= 48) {
    memcpy(scratch, a, n * sizeof *a);
    sort_small(scratch, n);
    for (int j = 0; j < m; j++) out[j] = scratch[rank[j]];
    return;
  }
  int shift = 0;
  while (((mx - mn) >> shift) >= BUCKETS) shift++;
  const size_t nb = ((size_t)(mx - mn) >> shift) + 1;
  uint32_t count[BUCKETS];
  memset(count, 0, nb * sizeof *count);
  for (size_t i = 0; i < n; i++) count[(a[i] - mn) >> shift]++;
  /* The buckets holding a rank (slots), and each rank's slot. */
  size_t bucket[RANKS], below[RANKS], size[RANKS], start[RANKS], pos[RANKS];
  int slot_of[RANKS], nslot = 0, j = 0;
  size_t seen = 0;
  for (size_t b = 0; b < nb && j < m; b++) {
    for (; j < m && rank[j] < seen + count[b]; j++) {
      if (nslot == 0 || bucket[nslot - 1] != b) {
        bucket[nslot] = b, below[nslot] = seen, size[nslot] = count[b];
        nslot++;
      }
      slot_of[j] = nslot - 1;
    }
    seen += count[b];
  }
  unsigned char map[BUCKETS];
  memset(map, 0, nb);
  size_t at = 0;
  for (int s = 0; s < nslot; s++) {
    map[bucket[s]] = (unsigned char)(s + 1);
    start[s] = pos[s] = at;
    at += size[s];
  }
  for (size_t i = 0; i < n; i++) {
    const unsigned s = map[(a[i] - mn) >> shift];
    if (s) scratch[pos[s - 1]++] = a[i];
  }
  for (int s = 0, j0 = 0; s < nslot; s++) {
    size_t local[RANKS];
    int k = 0;
    while (j0 + k < m && slot_of[j0 + k] == s) {
      local[k] = rank[j0 + k] - below[s];
      k++;
    }
    const uint32_t *b = scratch + start[s];
    uint32_t bmn = b[0], bmx = b[0];
    for (size_t i = 1; i < size[s]; i++) {
      bmn = b[i] < bmn ? b[i] : bmn;
      bmx = b[i] > bmx ? b[i] : bmx;
    }
    select_ranks(b, size[s], bmn, bmx, local, k, out + j0, scratch + at);
    j0 += k;
  }
}

/* Whether every number in [lo, hi] prints the same. */
static int same_text(double lo, double hi) {
  if (!isfinite(lo) || !isfinite(hi)) return 0;
  char a[40], b[40];
  snprintf(a, sizeof a, FSIM_NUMBER_FORMAT, lo);
  snprintf(b, sizeof b, FSIM_NUMBER_FORMAT, hi);
  return strcmp(a, b) == 0;
}

/* Percentiles as fsim_series_stats interpolates them, from the order statistics. */
static void percentiles(const uint32_t *keys, size_t n, uint32_t mn, uint32_t mx,
                        uint32_t *scratch, double out[5]) {
  size_t lo[5], rank[RANKS];
  double delta[5];
  int m = 0;
  for (int k = 0; k < 5; k++) {
    const double p = quantile_q[k] * (double)(n - 1);
    lo[k] = (size_t)p;
    delta[k] = p - (double)lo[k];
    rank[m++] = lo[k];
    rank[m++] = lo[k] + 1 < n ? lo[k] + 1 : lo[k];
  }
  for (int i = 1; i < m; i++) /* ascending (the q are; lo + 1 may pass the next lo) */
    for (int j = i; j > 0 && rank[j - 1] > rank[j]; j--) {
      const size_t t = rank[j];
      rank[j] = rank[j - 1], rank[j - 1] = t;
    }
  uint32_t got[RANKS];
  select_ranks(keys, n, mn, mx, rank, m, got, scratch);
  for (int k = 0; k < 5; k++) {
    double a = 0, b = 0;
    for (int j = 0; j < m; j++) {
      if (rank[j] == lo[k]) a = value_of(got[j]);
      if (rank[j] == lo[k] + 1) b = value_of(got[j]);
    }
    out[k] = lo[k] + 1 >= n || delta[k] == 0.0 ? a : (1 - delta[k]) * a + delta[k] * b;
  }
}

void fsim_column_stats(const float *x, size_t n, uint32_t *scratch, double *work,
                       double out[7]) {
  if (n == 0) {
    for (int k = 0; k < 7; k++) out[k] = NAN;
    return;
  }
  uint32_t *keys = scratch;
  scratch += n;
  /* One pass: the keys, their least and greatest, and the sums in four chains (one
   * would wait on each addition). */
  long double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  double abs_sum = 0;
  uint32_t kmin = UINT32_MAX, kmax = 0;
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    s0 += x[i], s1 += x[i + 1], s2 += x[i + 2], s3 += x[i + 3];
    abs_sum += ((double)fabsf(x[i]) + fabsf(x[i + 1])) + ((double)fabsf(x[i + 2]) + fabsf(x[i + 3]));
    for (size_t j = i; j < i + 4; j++) {
      const uint32_t k = key_of(x[j]);
      keys[j] = k;
      kmin = k < kmin ? k : kmin;
      kmax = k > kmax ? k : kmax;
    }
  }
  for (; i < n; i++) {
    const uint32_t k = key_of(x[i]);
    s0 += x[i], abs_sum += fabsf(x[i]);
    keys[i] = k;
    kmin = k < kmin ? k : kmin;
    kmax = k > kmax ? k : kmax;
  }
  percentiles(keys, n, kmin, kmax, scratch, out + 2);
  if (kmin == kmax) { /* all equal: GSL's recurrences give c and 0 exactly */
    out[0] = value_of(kmin);
    out[1] = 0.0;
    return;
  }
  const long double dn = (long double)n, m = (s0 + s1 + s2 + s3) / dn;
  const double xmin = value_of(kmin), xmax = value_of(kmax);
  const long double a = fmax(fabs(xmin), fabs(xmax)), eps = LDBL_EPSILON; /* eps = 2u */
  /* The sum in four chains: within n u sum|x|, so the mean within 2u sum|x| / n...
   * taken as eps sum|x| (generous). GSL's running mean: each step adds at most
   * u max|x| + 4u max|x| / k, so n u max|x| + 4u max|x| (ln n + 1), under
   * (n + 50) eps max|x|; then the roundings to double. */
  const long double e_ours = eps * abs_sum + eps * fabsl(m);
  const long double e_mean = 2 * (e_ours + (dn + 50) * eps * a) + 4 * DBL_EPSILON * fabsl(m);
  out[0] = (double)m;
  const int redo_mean = !same_text((double)(m - e_mean), (double)(m + e_mean));
  int redo_sd = 0;
  if (n == 1) {
    out[1] = 0.0;
  } else {
    /* Squared deviations from the double nearest our mean, summed in double (the
     * x87 has too few registers for four long-double chains and spills them) in
     * blocks of 256, whose sums are added in long double: within 3 ulps a term and
     * (64 + 3) ulps a block, 75 DBL_EPSILON / 2 of the sum in all. */
    const double md = (double)m;
    long double vsum = 0;
    for (size_t b0 = 0; b0 < n; b0 += 256) {
      const size_t b1 = n - b0 < 256 ? n : b0 + 256;
      double v0 = 0, v1 = 0, v2 = 0, v3 = 0;
      for (i = b0; i + 4 <= b1; i += 4) {
        const double d0 = x[i] - md, d1 = x[i + 1] - md, d2 = x[i + 2] - md, d3 = x[i + 3] - md;
        v0 += d0 * d0, v1 += d1 * d1, v2 += d2 * d2, v3 += d3 * d3;
      }
      for (; i < b1; i++) {
        const double d = x[i] - md;
        v0 += d * d;
      }
      vsum += (long double)((v0 + v1) + (v2 + v3));
    }
    const long double v = vsum / dn;
    /* GSL: deviations from its double mean (within e_mean of ours), rounded to
     * double and squared; a running mean of them, whose steps err by at most
     * u max d^2 + 4u max d^2 / k; the variance rounded to double. Ours: the sum
     * above about md, which is within e_ours + DBL_EPSILON |m| of the true mean. */
    const long double e_md = e_ours + DBL_EPSILON * fabsl(m);
    const long double dmax = fmaxl(m - xmin, xmax - m) + e_mean;
    const long double ev =
        2 * (e_mean * e_mean + e_md * e_md + 80 * DBL_EPSILON * v +
             4 * DBL_EPSILON * (v + e_mean * e_mean) + (dn + 50) * eps * dmax * dmax);
    const long double r = dn / (dn - 1);
    const double lo = (double)(sqrtl(fmaxl(v - ev, 0) * r) * (1 - 4 * DBL_EPSILON));
    const double hi = (double)(sqrtl((v + ev) * r) * (1 + 4 * DBL_EPSILON));
    out[1] = (double)sqrtl(v * r);
    redo_sd = !same_text(lo, hi);
  }
  if (redo_mean || redo_sd) { /* near a rounding boundary: GSL's figures themselves */
    for (i = 0; i < n; i++) work[i] = x[i];
    const double g = gsl_stats_mean(work, 1, n);
    if (redo_mean) out[0] = g;
    if (redo_sd) out[1] = gsl_stats_sd_m(work, 1, n, g);
  }
}
