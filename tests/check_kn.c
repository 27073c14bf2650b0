/* Kim and Nelson's procedure KN (experiment/kn.c) on normal alternatives with known
 * means: it selects the best with at least the stated probability, and with fewer
 * replications than enumerating every alternative with the same cap. */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "kn.h"
#include "rng.h"
#include "suites.h"

/* Normal alternatives: replication j of alternative i is mu_i + sigma (sqrt(rho) Z_j +
 * sqrt(1 - rho) E_ij), Z_j common to all (common random numbers when rho > 0). Each
 * draw is a hash of (seed, i, j), so a replication is the same whenever it is asked. */
typedef struct normals {
  int k;
  const double *mu;
  double sigma, rho;
  uint64_t seed;
  long calls; /* replications asked for */
} normals;

static double gauss(uint64_t key) {
  const double u1 = ((double)(fsim_splitmix64(key) >> 11) + 0.5) / 9007199254740992.0;
  const double u2 = ((double)(fsim_splitmix64(key ^ 0x5bd1e995u) >> 11) + 0.5) / 9007199254740992.0;
  return sqrt(-2 * log(u1)) * cos(6.283185307179586 * u2);
}

static fsim_status sample(void *ctx, int alt, long first, long count, double *out,
                          fsim_error *err) {
  (void)err;
  normals *nm = ctx;
  for (long r = 0; r < count; r++) {
    const uint64_t j = (uint64_t)(first + r);
    const double z = gauss(fsim_splitmix64(nm->seed) ^ (j * 0x9e3779b97f4a7c15ULL));
    const double e = gauss(fsim_splitmix64(nm->seed + 1 + (uint64_t)alt) ^ (j * 0xbf58476d1ce4e5b9ULL));
    out[r] = nm->mu[alt] + nm->sigma * (sqrt(nm->rho) * z + sqrt(1 - nm->rho) * e);
  }
  nm->calls += count;
  return FSIM_OK;
}

/* KN's constant by hand for k = 2, n0 = 10, alpha = 0.05: eta = ((0.1)^(-2/9) - 1) / 2 =
 * 0.3340503, h^2 = 2 eta 9 = 6.012905. */
START_TEST(test_h2) {
  ck_assert_double_eq_tol(fsim_kn_h2(2, 10, 0.95), 6.012905, 1e-6);
  /* More alternatives, or more confidence, widen the region; a larger n0 narrows it. */
  ck_assert(fsim_kn_h2(5, 10, 0.95) > fsim_kn_h2(2, 10, 0.95));
  ck_assert(fsim_kn_h2(2, 10, 0.99) > fsim_kn_h2(2, 10, 0.95));
  ck_assert(fsim_kn_h2(2, 40, 0.95) < fsim_kn_h2(2, 10, 0.95));
}
END_TEST

/* The least favourable configuration: the best exactly delta above the four others
 * (a larger gap only helps). KN guarantees P(correct selection) >= 0.95 there. Over 300
 * independent seeds the correct count is at least Binomial(300, 0.95), which falls
 * below 272 with probability 0.0006: a correct procedure passes, and one that ignored
 * the continuation region (selecting by the first stage's means, about 0.65 correct
 * here) fails. With and without common random numbers; each run uses fewer
 * replications than enumeration with the same cap (5 x 10,000). */
START_TEST(test_selects_best) {
  static const double mu[5] = {0.0, 0.0, 0.5, 0.0, 0.0};
  static const double rho[2] = {0.0, 0.6};
  for (int c = 0; c < 2; c++) {
    int correct = 0;
    long most = 0, total = 0;
    for (int s = 0; s < 300; s++) {
      normals nm = {.k = 5, .mu = mu, .sigma = 1, .rho = rho[c], .seed = 1000u + (uint64_t)s};
      long n[5];
      double mean[5];
      fsim_kn_result res = {.n = n, .mean = mean};
      const fsim_kn_setup setup = {.k = 5, .n0 = 10, .nmax = 10000, .batch = 1, .delta = 0.5,
                                   .confidence = 0.95};
      fsim_error err;
      ck_assert_int_eq(fsim_kn_select(&setup, sample, &nm, &res, &err), FSIM_OK);
      correct += res.best == 2;
      ck_assert_int_eq(res.total, nm.calls);
      ck_assert_int_eq(res.survivors, 1);
      total += res.total;
      if (res.total > most) most = res.total;
    }
    if (getenv("FSIM_KN_SHOW")) /* for docs/OPTIMIZE.md */
      fprintf(stderr, "rho %g: %d of 300 correct, %ld replications in all, most %ld\n",
              rho[c], correct, total, most);
    ck_assert_msg(correct >= 272, "rho %g: %d of 300 correct", rho[c], correct);
    ck_assert_msg(most < 5 * 10000, "rho %g: %ld replications", rho[c], most);
    /* Positive correlation (common random numbers) shrinks the pairs' variances and so
       the replications needed. */
    if (c == 1) ck_assert_msg(total < 300L * 5 * 200, "rho 0.6: %ld in all", total);
  }
}
END_TEST

/* Stages of a batch check the region less often: the selection stays correct, the
 * alternatives stop on multiples of the batch, and the cap ends a tie with the best
 * mean among those left. */
START_TEST(test_batches_and_cap) {
  static const double mu[3] = {0.0, 1.0, 0.0};
  normals nm = {.k = 3, .mu = mu, .sigma = 1, .rho = 0, .seed = 7};
  long n[3];
  double mean[3];
  fsim_kn_result res = {.n = n, .mean = mean};
  fsim_kn_setup setup = {.k = 3, .n0 = 20, .nmax = 1000, .batch = 20, .delta = 0.5,
                         .confidence = 0.95};
  fsim_error err;
  ck_assert_int_eq(fsim_kn_select(&setup, sample, &nm, &res, &err), FSIM_OK);
  ck_assert_int_eq(res.best, 1);
  for (int i = 0; i < 3; i++) ck_assert_int_eq(n[i] % 20, 0);
  /* Identical alternatives (fully correlated, equal means) never separate: the cap
     stops it with all three in, and the first of the best means is selected. */
  static const double tie[3] = {0.0, 0.0, 0.0};
  normals nt = {.k = 3, .mu = tie, .sigma = 1, .rho = 1, .seed = 8};
  setup.nmax = 60;
  ck_assert_int_eq(fsim_kn_select(&setup, sample, &nt, &res, &err), FSIM_OK);
  ck_assert_int_eq(res.survivors, 3);
  ck_assert_int_eq(res.best, 0);
  ck_assert_int_eq(res.total, 180);
  /* Bad setups are refused. */
  setup.delta = 0;
  ck_assert_int_eq(fsim_kn_select(&setup, sample, &nt, &res, &err), FSIM_E_INPUT);
}
END_TEST

Suite *kn_suite(void) {
  Suite *s = suite_create("kn");
  TCase *tc = tcase_create("fsim_kn_select");
  tcase_add_test(tc, test_h2);
  tcase_add_test(tc, test_selects_best);
  tcase_add_test(tc, test_batches_and_cap);
  suite_add_tcase(s, tc);
  return s;
}
