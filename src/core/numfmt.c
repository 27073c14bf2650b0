/* "%.*g" without printf (numfmt.h). */
#include "numfmt.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const uint64_t pow10_u64[20] = {1ULL,
                                       10ULL,
                                       100ULL,
                                       1000ULL,
                                       10000ULL,
                                       100000ULL,
                                       1000000ULL,
                                       10000000ULL,
                                       100000000ULL,
                                       1000000000ULL,
                                       10000000000ULL,
                                       100000000000ULL,
                                       1000000000000ULL,
                                       10000000000000ULL,
                                       100000000000000ULL,
                                       1000000000000000ULL,
                                       10000000000000000ULL,
                                       100000000000000000ULL,
                                       1000000000000000000ULL,
                                       10000000000000000000ULL};

/* Powers of ten that are exact doubles (10^22 = 2^22 5^22, 5^22 < 2^53). */
static const double pow10_exact[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                       1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

#ifdef __SIZEOF_INT128__
__extension__ typedef unsigned __int128 u128; /* GCC and Clang, 64-bit targets */

#define POW5_MAX 27 /* 5^27 < 2^63 */

static uint64_t pow5(int k) {
  uint64_t p = 1;
  while (k-- > 0) p *= 5;
  return p;
}

/* *d = m 2^e 10^s rounded to the nearest integer, ties to even (the exact value's
 * remainder decides, as glibc's printf rounds); 0 when the 128-bit arithmetic
 * cannot hold it or the result passes 2^64. m < 2^53. */
static int scaled(uint64_t m, int e, int s, uint64_t *d) {
  u128 q;
  if (s >= 0) {
    if (s > POW5_MAX) return 0;
    const u128 num = (u128)m * pow5(s); /* < 2^116 */
    const int sh = e + s;               /* times 2^sh */
    if (sh >= 0) {
      if (sh >= 64 || (num >> (64 - sh)) != 0) return 0;
      *d = (uint64_t)(num << sh);
      return 1;
    }
    const int r = -sh;
    if (r > 120) return 0;
    q = num >> r;
    const u128 rem = num - (q << r), half = (u128)1 << (r - 1);
    if (rem > half || (rem == half && (q & 1))) q++;
  } else {
    const int j = -s;
    if (j > POW5_MAX) return 0;
    u128 den = pow5(j), num;
    const int sh = e - j; /* m 2^sh / 5^j */
    if (sh >= 0) {
      if (sh > 127 - 53) return 0;
      num = (u128)m << sh;
    } else {
      if (-sh > 63) return 0; /* den < 2^126 */
      num = m;
      den <<= -sh;
    }
    q = num / den;
    const u128 twice = (num - q * den) << 1; /* the remainder < den < 2^127 */
    if (twice > den || (twice == den && (q & 1))) q++;
  }
  if ((q >> 64) != 0) return 0;
  *d = (uint64_t)q;
  return 1;
}

/* The prec significant digits of ax > 0 (finite) as "%e" rounds them: d in
 * [10^(prec-1), 10^prec), and the decimal exponent of the rounded value. */
static int digits(double ax, int prec, uint64_t *d, int *exp10) {
  int ex;
  const double fr = frexp(ax, &ex);
  const uint64_t m = (uint64_t)ldexp(fr, 53);
  const int e = ex - 53;
  int E = (int)floor(log10(ax)); /* may be one off near a power of ten: corrected below */
  for (int tries = 0; tries < 4; tries++) {
    uint64_t v;
    if (!scaled(m, e, prec - 1 - E, &v)) return 0;
    if (v >= pow10_u64[prec]) { /* rounded up to the next power, or E too low */
      E++;
      continue;
    }
    if (v < pow10_u64[prec - 1]) {
      E--;
      continue;
    }
    /* 10^(prec-1) at E may be a value below 10^E rounded up on E's coarser grid:
     * its own exponent is E - 1 unless its rounding there passes 10^prec. */
    uint64_t finer;
    if (v == pow10_u64[prec - 1]) {
      if (!scaled(m, e, prec - E, &finer)) return 0;
      if (finer < pow10_u64[prec]) {
        v = finer;
        E--;
      }
    }
    *d = v;
    *exp10 = E;
    return 1;
  }
  return 0;
}
#else
static int digits(double ax, int prec, uint64_t *d, int *exp10) {
  (void)ax, (void)prec, (void)d, (void)exp10;
  return 0;
}
#endif

/* The text of d (prec digits) times 10^(E - prec + 1) as "%.*g" lays it out:
 * fixed when -4 <= E < prec, else with an exponent; trailing zeros dropped. */
static int layout(int neg, uint64_t d, int E, int prec, char *buf) {
  char dig[20];
  for (int i = prec - 1; i >= 0; i--, d /= 10) dig[i] = (char)('0' + d % 10);
  int nd = prec;
  while (nd > 1 && dig[nd - 1] == '0') nd--; /* significant digits kept */
  char *p = buf;
  if (neg) *p++ = '-';
  if (E >= -4 && E < prec) {
    if (E >= 0) {
      for (int i = 0; i <= E; i++) *p++ = i < nd ? dig[i] : '0';
      if (nd > E + 1) {
        *p++ = '.';
        for (int i = E + 1; i < nd; i++) *p++ = dig[i];
      }
    } else {
      *p++ = '0';
      *p++ = '.';
      for (int i = 0; i < -E - 1; i++) *p++ = '0';
      for (int i = 0; i < nd; i++) *p++ = dig[i];
    }
  } else {
    *p++ = dig[0];
    if (nd > 1) {
      *p++ = '.';
      for (int i = 1; i < nd; i++) *p++ = dig[i];
    }
    *p++ = 'e';
    *p++ = E < 0 ? '-' : '+';
    const int ae = E < 0 ? -E : E;
    if (ae >= 100) *p++ = (char)('0' + ae / 100);
    *p++ = (char)('0' + ae / 10 % 10);
    *p++ = (char)('0' + ae % 10);
  }
  *p = '\0';
  return (int)(p - buf);
}

int fsim_numfmt_g(double x, int prec, char *buf, size_t size) {
  uint64_t d;
  int E;
  if (prec >= 1 && prec <= 17 && size >= FSIM_NUMFMT_MAX && isfinite(x) && x != 0 &&
      digits(fabs(x), prec, &d, &E))
    return layout(signbit(x) != 0, d, E, prec, buf);
  return snprintf(buf, size, "%.*g", prec, x);
}

/* The decimal d 10^(E - prec + 1) read back as strtod reads it, exactly: both
 * operands are exact doubles, so the product or quotient is the correctly rounded
 * double of the decimal, which is what strtod returns. 0 when that does not hold. */
static int read_back(uint64_t d, int E, int prec, double *out) {
  const int q = E - prec + 1;
  if (d >= (1ULL << 53) || q > 22 || q < -22) return 0;
  *out = q >= 0 ? (double)d * pow10_exact[q] : (double)d / pow10_exact[-q];
  return 1;
}

/* From 6 digits up to maxprec, the first whose text reads back to the target
 * (float or double); as fsim_text_float and fsim_text_double always did it, each
 * text through snprintf and strtod, where the exact route does not apply. */
static int shortest(double x, int maxprec, int as_float, char *buf, size_t size) {
  const float f = (float)x;
  const double target = as_float ? (double)f : x;
  int len = 0;
  for (int prec = 6; prec <= maxprec; prec++) {
    uint64_t d;
    int E;
    double back;
    const int fast = size >= FSIM_NUMFMT_MAX && isfinite(target) && target != 0 &&
                     digits(fabs(target), prec, &d, &E);
    if (fast) {
      len = layout(signbit(target) != 0, d, E, prec, buf);
      if (!read_back(d, E, prec, &back)) back = fabs(strtod(buf, NULL));
      if (signbit(target)) back = -back;
    } else {
      len = snprintf(buf, size, "%.*g", prec, target);
      back = strtod(buf, NULL);
    }
    if (as_float ? (float)back == f : back == x) break;
  }
  return len;
}

int fsim_numfmt_float(double x, char *buf, size_t size) { return shortest(x, 9, 1, buf, size); }

int fsim_numfmt_double(double x, char *buf, size_t size) {
  return shortest(x, 17, 0, buf, size);
}
