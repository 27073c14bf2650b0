/* Comparisons (experiment/compare.c, compare_text.c): every what-if paired against the
 * base under common random numbers, each scenario's own mean, the labels; the target
 * on a paired interval; the names a comparison's output gets. */
#include <check.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fileio.h"
#include "frontsim/compare.h"
#include "suites.h"
#include "testutil.h"

static char tmpdir[64];
static char fixture[128];

static void setup(void) {
  snprintf(tmpdir, sizeof tmpdir, "/tmp/fsim-compare-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(tmpdir));
  snprintf(fixture, sizeof fixture, "%s/two.cfg", tmpdir);
  FILE *fp = fopen(fixture, "w");
  ck_assert_ptr_nonnull(fp);
  fputs(tu_two_sectors, fp);
  fclose(fp);
}

static void teardown(void) { fsim_remove_tree(tmpdir); }

/* The fixture with the assignments (path=value) given, NULL-terminated. */
static fsim_scenario *load_with(const char *first, ...) {
  fsim_overrides *ov = fsim_overrides_new();
  fsim_error err;
  fsim_error_clear(&err);
  va_list ap;
  va_start(ap, first);
  for (const char *a = first; a; a = va_arg(ap, const char *))
    ck_assert_msg(fsim_overrides_add(ov, a, &err) == FSIM_OK, "%s", err.message);
  va_end(ap);
  fsim_scenario *sc = NULL;
  ck_assert_msg(fsim_scenario_load(fixture, ov, &sc, &err) == FSIM_OK, "%s", err.message);
  fsim_overrides_free(ov);
  return sc;
}

/* compare.csv's row of what-if `letter` and `metric`: its fields, split at commas
 * (the labels of these tests hold none). */
static int csv_row(const char *dir, char letter, const char *metric, char fields[17][64]) {
  char path[256], line[4096];
  snprintf(path, sizeof path, "%s/compare.csv", dir);
  FILE *fp = fopen(path, "r");
  ck_assert_ptr_nonnull(fp);
  int found = 0;
  while (!found && fgets(line, sizeof line, fp)) {
    line[strcspn(line, "\n")] = '\0';
    char *tok = line;
    int k = 0;
    for (char *p = line;; p++) {
      if (*p == ',' || *p == '\0') {
        const int end = *p == '\0';
        *p = '\0';
        if (k < 17) snprintf(fields[k], 64, "%.63s", tok);
        k++;
        tok = p + 1;
        if (end) break;
      }
    }
    found = k == 17 && fields[0][0] == letter && strcmp(fields[3], metric) == 0;
  }
  fclose(fp);
  return found;
}

static const fsim_scenario *const *three(fsim_scenario **sc) {
  return (const fsim_scenario *const *)sc;
}

/* A what-if that changes nothing but its label differs from the base by exactly 0 in
 * every pair; one that does change is paired replication by replication, and each
 * scenario's own mean is that of its plain run. */
START_TEST(test_pairs_against_the_base) {
  fsim_scenario *sc[3] = {load_with("run.label=base", NULL),
                          load_with("run.label=more red", "formations.rk.personnel=60000", NULL),
                          load_with("run.label=same again", NULL)};
  fsim_compare_options opt;
  fsim_compare_options_init(&opt);
  opt.run.replications = 24;
  opt.run.threads = 2;
  char dir[128];
  snprintf(dir, sizeof dir, "%s/cmp", tmpdir);
  fsim_error err;
  fsim_error_clear(&err);
  long out_reps = 0;
  int out_reached = 0;
  ck_assert_msg(fsim_compare_run(three(sc), 3, &opt, dir, "test", &out_reps, &out_reached, &err) == FSIM_OK, "%s",
                err.message);
  ck_assert_int_eq(out_reps, 24);
  char f[17][64];
  /* c: the base again, so every pair is equal. */
  ck_assert(csv_row(dir, 'c', "red.losses", f));
  ck_assert_str_eq(f[1], "base");
  ck_assert_str_eq(f[2], "same again");
  ck_assert_str_eq(f[5], "24");
  ck_assert_double_eq(strtod(f[8], NULL), 0);
  ck_assert_double_eq(strtod(f[14], NULL), strtod(f[16], NULL));
  /* b: the difference is the mean of the pairs, the own means those of plain runs. */
  ck_assert(csv_row(dir, 'b', "red.losses", f));
  fsim_results *ra = tu_run_opt(sc[0], 24, 1, 0), *rb = tu_run_opt(sc[1], 24, 1, 0);
  const double ma = tu_metric_mean(ra, "red.losses"), mb = tu_metric_mean(rb, "red.losses");
  ck_assert_double_eq_tol(strtod(f[14], NULL), ma, 1e-6 * fabs(ma));
  ck_assert_double_eq_tol(strtod(f[16], NULL), mb, 1e-6 * fabs(mb));
  ck_assert_double_eq_tol(strtod(f[8], NULL), mb - ma, 1e-6 * fabs(ma));
  ck_assert_double_gt(fabs(mb - ma), 0);
  const double lo = strtod(f[9], NULL), hi = strtod(f[10], NULL);
  ck_assert(lo < strtod(f[8], NULL) && strtod(f[8], NULL) < hi);
  fsim_results_free(ra);
  fsim_results_free(rb);
  /* The day the route is cut: each own mean over its own replications, the pairs
     over those where both are defined (never more than either). */
  if (csv_row(dir, 'b', "p-2.cut_day", f)) {
    const long n = strtol(f[5], NULL, 10), na = strtol(f[13], NULL, 10),
               nb = strtol(f[15], NULL, 10);
    ck_assert(n <= na && n <= nb && na <= 24 && nb <= 24);
  }
  for (int i = 0; i < 3; i++) fsim_scenario_free(sc[i]);
}
END_TEST

/* Two scenarios of one label could not be told apart: refused, nothing written. */
START_TEST(test_same_label_refused) {
  fsim_scenario *sc[2] = {load_with(NULL, NULL), load_with(NULL, NULL)};
  fsim_compare_options opt;
  fsim_compare_options_init(&opt);
  opt.run.replications = 4;
  char dir[128];
  snprintf(dir, sizeof dir, "%s/same", tmpdir);
  fsim_error err;
  fsim_error_clear(&err);
  ck_assert_int_eq(fsim_compare_run(three(sc), 2, &opt, dir, NULL, NULL, NULL, &err), FSIM_E_INPUT);
  ck_assert_ptr_nonnull(strstr(err.message, "--label-b"));
  ck_assert_int_ne(access(dir, F_OK), 0);
  for (int i = 0; i < 2; i++) fsim_scenario_free(sc[i]);
}
END_TEST

/* --target-ci: replications added until every paired half-width is at most H; a
 * misspelt metric is refused with the nearest name before any work. */
START_TEST(test_target_on_the_differences) {
  fsim_scenario *sc[3] = {load_with("run.label=a", NULL),
                          load_with("run.label=b", "formations.rk.personnel=50000", NULL),
                          load_with("run.label=c", "formations.bk.personnel=25000", NULL)};
  fsim_compare_options opt;
  fsim_compare_options_init(&opt);
  opt.run.replications = 10;
  opt.run.threads = 2;
  char dir[128];
  snprintf(dir, sizeof dir, "%s/plain", tmpdir);
  fsim_error err;
  fsim_error_clear(&err);
  long out_reps = 0;
  int out_reached = 0;
  ck_assert_msg(fsim_compare_run(three(sc), 3, &opt, dir, NULL, &out_reps, &out_reached, &err) == FSIM_OK, "%s",
                err.message);
  /* The widest paired half-width at 10 replications; the target is half of it. */
  char f[17][64];
  double widest = 0;
  for (char w = 'b'; w <= 'c'; w++) {
    ck_assert(csv_row(dir, w, "blue.losses", f));
    const double h = (strtod(f[10], NULL) - strtod(f[9], NULL)) / 2;
    if (h > widest) widest = h;
  }
  ck_assert_double_gt(widest, 0);
  opt.target_metric = "blue.losses";
  opt.target_halfwidth = widest / 2;
  snprintf(dir, sizeof dir, "%s/tgt", tmpdir);
  ck_assert_msg(fsim_compare_run(three(sc), 3, &opt, dir, NULL, &out_reps, &out_reached, &err) == FSIM_OK, "%s",
                err.message);
  ck_assert(out_reached);
  ck_assert_int_gt(out_reps, 10);
  for (char w = 'b'; w <= 'c'; w++) {
    ck_assert(csv_row(dir, w, "blue.losses", f));
    ck_assert_double_le((strtod(f[10], NULL) - strtod(f[9], NULL)) / 2, widest / 2);
    ck_assert_int_eq(strtol(f[5], NULL, 10), out_reps);
  }
  opt.target_metric = "blue.loses";
  snprintf(dir, sizeof dir, "%s/typo", tmpdir);
  ck_assert_int_eq(fsim_compare_run(three(sc), 3, &opt, dir, NULL, &out_reps, &out_reached, &err), FSIM_E_INPUT);
  ck_assert_ptr_nonnull(strstr(err.message, "did you mean \"blue.losses\"?"));
  ck_assert_int_ne(access(dir, F_OK), 0);
  for (int i = 0; i < 3; i++) fsim_scenario_free(sc[i]);
}
END_TEST

/* What a comparison's output is of fits frontsim.meta (127 bytes) and tells two
 * comparisons apart; its directory name stays short. */
START_TEST(test_label_and_directory_names) {
  char long_a[200], long_b[200];
  memset(long_a, 'x', 150);
  long_a[150] = '\0';
  snprintf(long_b, sizeof long_b, "%s", long_a);
  long_b[149] = 'y';
  char la[96], lb[96];
  snprintf(la, sizeof la, "run.label=%.80s", long_a);
  snprintf(lb, sizeof lb, "run.label=%.80s", long_b + 70);
  fsim_scenario *sc[3] = {load_with(la, NULL), load_with(lb, NULL),
                          load_with("run.label=short", NULL)};
  char one[256], two[256], d1[256], d2[256];
  fsim_compare_label(three(sc), 3, one, sizeof one);
  ck_assert_uint_le(strlen(one), 127);
  fsim_scenario *swapped[3] = {sc[0], sc[2], sc[1]};
  fsim_compare_label(three(swapped), 3, two, sizeof two);
  ck_assert_str_ne(one, two);
  fsim_compare_dirname(three(sc), 3, d1, sizeof d1);
  fsim_compare_dirname(three(swapped), 3, d2, sizeof d2);
  ck_assert_uint_le(strlen(d1), 128);
  ck_assert_str_ne(d1, d2);
  ck_assert_ptr_null(strchr(d1, '/'));
  /* Short labels are kept whole. */
  fsim_scenario *two_short[2] = {sc[2], sc[2]};
  fsim_compare_label(three(two_short), 2, one, sizeof one);
  ck_assert_str_eq(one, "short vs short");
  for (int i = 0; i < 3; i++) fsim_scenario_free(sc[i]);
}
END_TEST

Suite *compare_suite(void) {
  Suite *s = suite_create("compare");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_pairs_against_the_base);
  tcase_add_test(tc, test_same_label_refused);
  tcase_add_test(tc, test_target_on_the_differences);
  tcase_add_test(tc, test_label_and_directory_names);
  suite_add_tcase(s, tc);
  return s;
}
