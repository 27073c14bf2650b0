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

#include "numfmt.h"

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
  /* About four keys a bucket, up to BUCKETS: a small column would spend more on
   * clearing and scanning 2,048 buckets than on its keys. */
  uint32_t cap = 64;
  while (cap < BUCKETS && (size_t)cap * 4 < n) cap *= 2;
  int shift = 0;
  while (((mx - mn) >> shift) >= cap) shift++;
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
  char a[FSIM_NUMFMT_MAX], b[FSIM_NUMFMT_MAX];
  fsim_numfmt_g(lo, FSIM_NUMBER_DIGITS, a, sizeof a);
  fsim_numfmt_g(hi, FSIM_NUMBER_DIGITS, b, sizeof b);
  return strcmp(a, b) == 0;
}

/* The order statistics the percentiles need (ranks ascending, m of them), and how
 * fsim_series_stats interpolates between them. */
typedef struct quantile_plan {
  size_t lo[5], rank[RANKS];
  double delta[5];
  int m;
} quantile_plan;

static void plan_quantiles(size_t n, quantile_plan *p) {
  p->m = 0;
  for (int k = 0; k < 5; k++) {
    const double pos = quantile_q[k] * (double)(n - 1);
    p->lo[k] = (size_t)pos;
    p->delta[k] = pos - (double)p->lo[k];
    p->rank[p->m++] = p->lo[k];
    p->rank[p->m++] = p->lo[k] + 1 < n ? p->lo[k] + 1 : p->lo[k];
  }
  for (int i = 1; i < p->m; i++) /* ascending (the q are; lo + 1 may pass the next lo) */
    for (int j = i; j > 0 && p->rank[j - 1] > p->rank[j]; j--) {
      const size_t t = p->rank[j];
      p->rank[j] = p->rank[j - 1], p->rank[j - 1] = t;
    }
}

/* got[j]: the value of rank p->rank[j]. */
static void interpolate(const quantile_plan *p, size_t n, const double *got, double out[5]) {
  for (int k = 0; k < 5; k++) {
    double a = 0, b = 0;
    for (int j = 0; j < p->m; j++) {
      if (p->rank[j] == p->lo[k]) a = got[j];
      if (p->rank[j] == p->lo[k] + 1) b = got[j];
    }
    out[k] = p->lo[k] + 1 >= n || p->delta[k] == 0.0 ? a
                                                     : (1 - p->delta[k]) * a + p->delta[k] * b;
  }
}

static void percentiles(const uint32_t *keys, size_t n, uint32_t mn, uint32_t mx,
                        uint32_t *scratch, double out[5]) {
  quantile_plan p;
  plan_quantiles(n, &p);
  uint32_t got[RANKS];
  double val[RANKS];
  select_ranks(keys, n, mn, mx, p.rank, p.m, got, scratch);
  for (int j = 0; j < p.m; j++) val[j] = value_of(got[j]);
  interpolate(&p, n, val, out);
}

/* out[0] and out[1] as GSL's text, from our mean m (within e_ours of the true one)
 * and our variance v about it (within e_v of the true one; n > 1), the least and
 * greatest values; returns what needs GSL's own recurrence: 1 the mean, 2 the sd.
 * GSL's running mean errs by at most u max|x| + 4u max|x| / k a step, so
 * n u max|x| + 4u max|x| (ln n + 1), under (n + 50) eps max|x| (eps = 2u); then the
 * roundings to double. Its variance: deviations from its double mean (within e_mean
 * of ours), rounded to double and squared, a running mean of them, whose steps err
 * by at most u max d^2 + 4u max d^2 / k, rounded to double. */
static int as_gsl_text(size_t n, long double m, long double e_ours, long double v,
                       long double e_v, double xmin, double xmax, double out[2]) {
  const long double dn = (long double)n, eps = LDBL_EPSILON;
  const long double a = fmax(fabs(xmin), fabs(xmax));
  const long double e_mean = 2 * (e_ours + (dn + 50) * eps * a) + 4 * DBL_EPSILON * fabsl(m);
  out[0] = (double)m;
  int redo = same_text((double)(m - e_mean), (double)(m + e_mean)) ? 0 : 1;
  if (n == 1) {
    out[1] = 0.0;
    return redo;
  }
  const long double dmax = fmaxl(m - xmin, xmax - m) + e_mean;
  const long double ev = 2 * (e_mean * e_mean + e_v + 4 * DBL_EPSILON * (v + e_mean * e_mean) +
                              (dn + 50) * eps * dmax * dmax);
  const long double r = dn / (dn - 1);
  const double lo = (double)(sqrtl(fmaxl(v - ev, 0) * r) * (1 - 4 * DBL_EPSILON));
  const double hi = (double)(sqrtl((v + ev) * r) * (1 + 4 * DBL_EPSILON));
  out[1] = (double)sqrtl(v * r);
  return redo | (same_text(lo, hi) ? 0 : 2);
}

__extension__ typedef unsigned __int128 u128; /* GCC and Clang, 64-bit targets */

#define CHUNK 16 /* counts summed together: a branch a chunk, not a branch a count */

int fsim_column_stats_counts(const uint32_t *count, double lo, size_t range, size_t n,
                             double out[7]) {
  quantile_plan p;
  plan_quantiles(n, &p);
  double val[RANKS] = {0};
  /* One pass, a chunk of counts c_k at offsets i0 + k at a time: its sums of c_k,
   * c_k k and c_k k^2, whence the exact sums
   * s1 = sum c_i i and s2 = sum c_i i^2 over the column; a chunk that passes a rank
   * is walked count by count for the value at it. */
  u128 s1 = 0, s2 = 0;
  size_t seen = 0, i0 = 0;
  int j = 0;
  for (; i0 < range; i0 += CHUNK) {
    const size_t w = range - i0 < CHUNK ? range - i0 : CHUNK;
    uint64_t c0 = 0, c1 = 0, c2 = 0;
    for (size_t k = 0; k < w; k++) {
      const uint64_t c = count[i0 + k];
      c0 += c, c1 += c * k, c2 += c * (k * k);
    }
    s1 += (u128)i0 * c0 + c1;
    s2 += (u128)i0 * i0 * c0 + (u128)2 * i0 * c1 + c2;
    if (j < p.m && p.rank[j] < seen + c0)
      for (size_t k = 0, at = seen; k < w && j < p.m; k++) {
        at += count[i0 + k];
        for (; j < p.m && p.rank[j] < at; j++) val[j] = lo + (double)(i0 + k);
      }
    seen += c0;
  }
  interpolate(&p, n, val, out + 2);
  size_t first = 0, last = range;
  while (first < range && !count[first]) first++;
  while (last > first && !count[last - 1]) last--;
  if (first + 1 >= last) { /* all equal: GSL's recurrences give c and 0 exactly */
    out[0] = lo + (double)first;
    out[1] = 0.0;
    return 0;
  }
  /* The mean lo + s1 / n within two roundings; the variance (n s2 - s1^2) / n^2 from
   * an exact numerator, within three (its conversion, n^2, the division). */
  const long double dn = (long double)n, eps = LDBL_EPSILON;
  const long double ybar = (long double)s1 / dn, m = (long double)lo + ybar;
  const long double v = (long double)(s2 * n - s1 * s1) / (dn * dn);
  const long double e_ours = eps * (fabsl(m) + ybar), e_v = 2 * eps * v;
  return as_gsl_text(n, m, e_ours, v, e_v, lo + (double)first, lo + (double)(last - 1), out);
}

void fsim_column_stats(const float *x, size_t n, uint32_t *scratch, double *work,
                       double out[7]) {
  if (n == 0) {
    for (int k = 0; k < 7; k++) out[k] = NAN;
    return;
  }
  uint32_t *keys = scratch;
  scratch += n;
  /* The sum and the sum of magnitudes in blocks of 256, each in four chains of
   * doubles (the floats are exact in double, and the loop runs in vector
   * registers, where long-double chains ran on the x87), the blocks' sums added in
   * long double; then the keys, their least and greatest, in a pass of their own. */
  long double sum = 0;
  double abs_sum = 0;
  for (size_t b0 = 0; b0 < n; b0 += 256) {
    const size_t b1 = n - b0 < 256 ? n : b0 + 256;
    double s[4] = {0, 0, 0, 0}, a[4] = {0, 0, 0, 0};
    size_t i = b0;
    for (; i + 4 <= b1; i += 4)
      for (int j = 0; j < 4; j++) {
        const double xj = x[i + (size_t)j];
        s[j] += xj, a[j] += fabs(xj);
      }
    for (; i < b1; i++) s[0] += x[i], a[0] += fabs((double)x[i]);
    sum += (long double)((s[0] + s[1]) + (s[2] + s[3]));
    abs_sum += (a[0] + a[1]) + (a[2] + a[3]);
  }
  uint32_t kmin = UINT32_MAX, kmax = 0;
  for (size_t i = 0; i < n; i++) {
    const uint32_t k = key_of(x[i]);
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
  const long double dn = (long double)n, m = sum / dn;
  /* A chain of 64 doubles and the two additions that join four: within 65 u (u =
   * DBL_EPSILON / 2) of the block's sum of magnitudes; n / 256 long-double
   * additions, one rounding each of at most LDBL_EPSILON / 2 of the sum of
   * magnitudes; the division. Taken with room to spare (40 DBL_EPSILON = 80 u). */
  const long double eps = LDBL_EPSILON;
  const long double e_ours =
      (40 * (long double)DBL_EPSILON + (dn / 256 + 1) * eps) * abs_sum / dn + eps * fabsl(m);
  long double v = 0, e_v = 0;
  size_t i;
  if (n > 1) {
    /* Squared deviations from the double nearest our mean, summed in double (the
     * x87 has too few registers for four long-double chains and spills them) in
     * blocks of 256, whose sums are added in long double: within 3 ulps a term and
     * (64 + 3) ulps a block, 75 DBL_EPSILON / 2 of the sum in all; about md, which
     * is within e_ours + DBL_EPSILON |m| of the true mean. */
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
    v = vsum / dn;
    const long double e_md = e_ours + DBL_EPSILON * fabsl(m);
    e_v = e_md * e_md + 80 * DBL_EPSILON * v;
  }
  const int redo = as_gsl_text(n, m, e_ours, v, e_v, value_of(kmin), value_of(kmax), out);
  const int redo_mean = redo & 1, redo_sd = redo & 2;
  if (redo_mean || redo_sd) { /* near a rounding boundary: GSL's figures themselves */
    for (i = 0; i < n; i++) work[i] = x[i];
    const double g = gsl_stats_mean(work, 1, n);
    if (redo_mean) out[0] = g;
    if (redo_sd) out[1] = gsl_stats_sd_m(work, 1, n, g);
  }
}
