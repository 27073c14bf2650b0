/* Numbers as text without printf (src/core/numfmt.h): every text is compared with
 * what snprintf writes (and, for the shortest forms, with trying each precision
 * through snprintf and strtod, as frontsim did before), over random doubles of every
 * magnitude, random floats, and the cases a rounding gets wrong first: decimal
 * ties (rounded to even on the exact binary value), values just below a power of
 * ten, the switch between the fixed and the exponent layouts. */
#include <check.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numfmt.h"
#include "suites.h"

static uint64_t next(uint64_t *s) {
  uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static double uniform(uint64_t *s) { return (double)(next(s) >> 11) * 0x1p-53; }

/* A random double of magnitude 10^-30 .. 10^30, either sign, full mantissa. */
static double random_double(uint64_t *s) {
  const double x = (1 + uniform(s)) * pow(10, -30 + 60 * uniform(s));
  return next(s) & 1 ? -x : x;
}

static void check_g(double x, int prec) {
  char want[64], got[FSIM_NUMFMT_MAX];
  const int n = snprintf(want, sizeof want, "%.*g", prec, x);
  const int len = fsim_numfmt_g(x, prec, got, sizeof got);
  if (strcmp(want, got) != 0 || len != n)
    ck_abort_msg("%%.%dg of %a: snprintf \"%s\", fsim_numfmt_g \"%s\" (length %d)", prec, x,
                 want, got, len);
}

/* What fsim_text_float and fsim_text_double did before: each precision from 6
 * through snprintf, until strtod reads the target back. */
static void old_shortest(double x, int maxprec, int as_float, char *buf, size_t size) {
  const float f = (float)x;
  for (int prec = 6; prec <= maxprec; prec++) {
    snprintf(buf, size, "%.*g", prec, as_float ? (double)f : x);
    const double back = strtod(buf, NULL);
    if (as_float ? (float)back == f : back == x) break;
  }
}

/* The shortest text of x as float (as_float) or as double, against the old way. */
static void check_shortest(double x, int as_float) {
  char want[64], got[FSIM_NUMFMT_MAX];
  old_shortest(x, as_float ? 9 : 17, as_float, want, sizeof want);
  if (as_float)
    fsim_numfmt_float(x, got, sizeof got);
  else
    fsim_numfmt_double(x, got, sizeof got);
  if (strcmp(want, got) != 0)
    ck_abort_msg("shortest %s of %a: \"%s\" before, \"%s\" now", as_float ? "float" : "double",
                 x, want, got);
}

static void check_float(double x) { check_shortest(x, 1); }
static void check_double(double x) { check_shortest(x, 0); }

START_TEST(test_g_random) {
  uint64_t s = 20261130;
  for (int i = 0; i < 200000; i++) check_g(random_double(&s), 1 + (int)(next(&s) % 17));
  /* Whole numbers and short decimals, as the outputs mostly hold. */
  for (int i = 0; i < 50000; i++) {
    const double k = (double)(next(&s) % 100000000);
    check_g(k, 10);
    check_g(k / 1000, 10);
    check_g(k / 7, 10);
    check_g((float)(k / 7), 10);
  }
}
END_TEST

START_TEST(test_g_ties_and_edges) {
  /* k + 1/2, k + 1/8, k + 3/8 printed with exactly the digits that make them ties:
   * glibc rounds an exact tie to even. */
  uint64_t s = 7;
  for (int i = 0; i < 20000; i++) {
    const uint64_t k = next(&s) % 10000000;
    const int dk = k ? (int)floor(log10((double)k)) + 1 : 1;
    check_g((double)k + 0.5, dk);
    check_g((double)k + 0.125, dk + 2);
    check_g((double)k + 0.375, dk + 2);
    check_g(-((double)k + 0.5), dk);
  }
  /* Near powers of ten, where the exponent of the rounded value is one up, and the
   * switch between the layouts (exponent below -4, or at least the precision). */
  for (int e = -30; e <= 30; e++) {
    const double p = pow(10, e);
    const double near[] = {p, nextafter(p, 0), nextafter(p, INFINITY), p * 0.99999999995,
                           p * 0.9999999999, p * 0.999999999949, p * 1.00000000005,
                           p * 9.9999999995, p * 9.5, p * 0.95, p * 0.5};
    for (size_t i = 0; i < sizeof near / sizeof near[0]; i++)
      for (int prec = 1; prec <= 17; prec++) check_g(near[i], prec);
  }
  static const double odd[] = {0.5,  1.5,    2.5,     0.125,   0.375,    1e-5,   9.99995e-5,
                               1e-4, 0.0001, 99999.5, 999999.5, 1e15,    1e16,   1e17,
                               1e22, 1e23,   5e-324,  DBL_MIN,  DBL_MAX, 123456789012345678.0,
                               0.1,  0.2,    0.3,     1.0 / 3, 2.0 / 3,  3.141592653589793, -2.718281828459045};
  for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++)
    for (int prec = 1; prec <= 17; prec++) {
      check_g(odd[i], prec);
      check_g(-odd[i], prec);
    }
  /* What the arithmetic leaves to snprintf: zeros, NaN, infinities. */
  static const double other[] = {0.0, -0.0, NAN, -NAN, INFINITY, -INFINITY};
  for (size_t i = 0; i < sizeof other / sizeof other[0]; i++) check_g(other[i], 10);
}
END_TEST

START_TEST(test_shortest_float) {
  uint64_t s = 11;
  /* Random bit patterns: every finite float of every magnitude. */
  for (int i = 0; i < 200000; i++) {
    const uint32_t u = (uint32_t)next(&s);
    float f;
    memcpy(&f, &u, sizeof f);
    if (isfinite(f)) check_float(f);
  }
  /* Figures such as the daily statistics: means of whole numbers, interpolated
   * percentiles, ratios. */
  for (int i = 0; i < 100000; i++) {
    check_float((double)(next(&s) % 5000000) / 1000.0);
    check_float(uniform(&s) * 3.0);
    check_float(random_double(&s));
  }
  static const double edge[] = {0.0, -0.0, 1e-45, FLT_MIN, FLT_MAX, 16777216.0, 16777217.0,
                                0.1, 1e6, 1e7, 999999.5, 1e-5, 1e38};
  for (size_t i = 0; i < sizeof edge / sizeof edge[0]; i++) {
    check_float(edge[i]);
    check_float(-edge[i]);
  }
}
END_TEST

START_TEST(test_shortest_double) {
  uint64_t s = 13;
  for (int i = 0; i < 50000; i++) {
    check_double(random_double(&s));
    check_double((double)(next(&s) % 1000000) / 100.0);
  }
  static const double edge[] = {0.1, 0.2, 0.3, 1.0 / 3, 1e22, 1e23, 9007199254740993.0,
                                5e-324, DBL_MAX, 123.456, 1e-7};
  for (size_t i = 0; i < sizeof edge / sizeof edge[0]; i++) {
    check_double(edge[i]);
    check_double(-edge[i]);
  }
}
END_TEST

/* A buffer below FSIM_NUMFMT_MAX goes to snprintf, truncating as it does. */
START_TEST(test_small_buffer) {
  char want[8], got[8];
  const volatile size_t cap = sizeof want; /* truncating on purpose */
  const int n = snprintf(want, cap, "%.*g", 10, 12345.678901);
  ck_assert_int_eq(fsim_numfmt_g(12345.678901, 10, got, cap), n);
  ck_assert_str_eq(got, want);
}
END_TEST

Suite *numfmt_suite(void) {
  Suite *s = suite_create("numfmt");
  TCase *tc = tcase_create("fsim_numfmt_g");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_g_random);
  tcase_add_test(tc, test_g_ties_and_edges);
  tcase_add_test(tc, test_small_buffer);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_numfmt_float");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_shortest_float);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_numfmt_double");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_shortest_double);
  suite_add_tcase(s, tc);
  return s;
}
