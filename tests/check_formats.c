/* The output formats (src/output/formats.h): the two sets of statistics keep their
 * column names apart, and the run metadata file written by one side reads back the
 * same on the other, tolerating keys it does not know and refusing what is not
 * key=value. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "formats.h"
#include "text.h"
#include "suites.h"

/* A fresh file name in a temporary directory; the caller removes both. */
static void temp_path(char *dir, size_t dsize, char *path, size_t psize) {
  snprintf(dir, dsize, "%s/frontsim-formats-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
  ck_assert_ptr_nonnull(mkdtemp(dir));
  snprintf(path, psize, "%s/%s", dir, FSIM_META_NAME);
}

static void write_text(const char *path, const char *text) {
  FILE *fp = fopen(path, "w");
  ck_assert_ptr_nonnull(fp);
  fputs(text, fp);
  fclose(fp);
}

START_TEST(test_stat_names) {
  /* The daily set has quartiles, the point set a confidence interval. */
  ck_assert_str_eq(fsim_daily_stat_names[FSIM_DAILY_MEAN], "mean");
  ck_assert_str_eq(fsim_daily_stat_names[FSIM_DAILY_P25], "p25");
  ck_assert_str_eq(fsim_daily_stat_names[FSIM_DAILY_P95], "p95");
  ck_assert_str_eq(fsim_point_stat_names[FSIM_POINT_MEAN], "mean");
  ck_assert_str_eq(fsim_point_stat_names[FSIM_POINT_CI_LOW], "mean_ci95_low");
  /* One naming of intervals across files. */
  ck_assert_ptr_nonnull(strstr(FSIM_SUMMARY_CSV_HEADER, ",mean_ci95_low,mean_ci95_high,"));
  ck_assert_ptr_nonnull(strstr(FSIM_SENSITIVITY_HEADER, ",first_ci95_low,first_ci95_high,"));
  ck_assert_ptr_nonnull(strstr(FSIM_SENSITIVITY_HEADER, ",total_ci95_low,total_ci95_high,"));
  ck_assert_str_eq(fsim_point_stat_names[FSIM_POINT_P95], "p95");
}
END_TEST

/* fsim_number_write prints what FSIM_NUMBER_FORMAT does: whole numbers by their
 * digits, the rest (and -0, and 10^10 on) by printf. */
START_TEST(test_number_write) {
  static const double v[] = {0.0, -0.0, 1.0, -1.0, 7.0, 10.0, 123456789.0, 9999999999.0,
                             -9999999999.0, 1e10, -1e10, 12345678901.0, 0.5, -2.5, 1e-5,
                             109583.8111, 4503599627370497.0, 1e300, -1e-300, INFINITY,
                             -INFINITY, 65536.0, 2147483648.0, -2147483649.0};
  char *got = NULL;
  size_t size = 0;
  for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
    FILE *fp = open_memstream(&got, &size);
    ck_assert_ptr_nonnull(fp);
    fsim_number_write(fp, v[i]);
    fclose(fp);
    char want[64];
    snprintf(want, sizeof want, FSIM_NUMBER_FORMAT, v[i]);
    ck_assert_msg(strcmp(got, want) == 0, "%.17g: wrote %s, printf %s", v[i], got, want);
    free(got);
    got = NULL;
  }
}
END_TEST

START_TEST(test_meta_round_trip) {
  char dir[256], path[512];
  temp_path(dir, sizeof dir, path, sizeof path);
  fsim_run_meta out = {.kind = "sweep", .version = "9.8.7", .scenario_file = "a/b c.cfg",
                       .seed = 18446744073709551615ULL, .generator = "mt19937",
                       .replications = 1234};
  fsim_error err;
  ck_assert_int_eq(fsim_meta_write(path, &out, &err), FSIM_OK);
  fsim_run_meta in;
  memset(&in, 0, sizeof in);
  ck_assert_int_eq(fsim_meta_read(path, &in, &err), FSIM_OK);
  ck_assert_str_eq(in.kind, "sweep");
  ck_assert_str_eq(in.version, "9.8.7");
  ck_assert_str_eq(in.scenario_file, "a/b c.cfg");
  ck_assert(in.seed == out.seed);
  ck_assert_str_eq(in.generator, "mt19937");
  ck_assert_int_eq(in.replications, 1234);
  unlink(path);
  rmdir(dir);
}
END_TEST

START_TEST(test_meta_read_partial) {
  char dir[256], path[512];
  temp_path(dir, sizeof dir, path, sizeof path);
  /* A later version's key is skipped; a missing key keeps the caller's value. */
  write_text(path, "# comment\n\nseed=42\nfuture_key=x=y\nreplications=7\r\n");
  fsim_run_meta m = {.version = "default", .replications = 1};
  fsim_error err;
  ck_assert_int_eq(fsim_meta_read(path, &m, &err), FSIM_OK);
  ck_assert(m.seed == 42);
  ck_assert_int_eq(m.replications, 7);
  ck_assert_str_eq(m.version, "default");
  unlink(path);
  rmdir(dir);
}
END_TEST

START_TEST(test_meta_read_bad) {
  char dir[256], path[512];
  temp_path(dir, sizeof dir, path, sizeof path);
  fsim_run_meta m;
  memset(&m, 0, sizeof m);
  fsim_error err;
  ck_assert_int_eq(fsim_meta_read(path, &m, &err), FSIM_E_INPUT); /* no file */
  write_text(path, "seed=1\nnot a pair\n");
  ck_assert_int_eq(fsim_meta_read(path, &m, &err), FSIM_E_INPUT);
  ck_assert_int_eq(err.line, 2);
  write_text(path, "=value\n");
  ck_assert_int_eq(fsim_meta_read(path, &m, &err), FSIM_E_INPUT);
  unlink(path);
  rmdir(dir);
}
END_TEST

/* A float's digits: the example of the issue (the float nearest 29874.66629 is
 * 29874.666015625, printed before as 29874.66602), and round trips of floats over
 * their range, never more than 9 significant digits. */
START_TEST(test_text_float) {
  char buf[32];
  fsim_text_float(29874.66629, buf, sizeof buf);
  ck_assert_str_eq(buf, "29874.666");
  fsim_text_float(0.1, buf, sizeof buf);
  ck_assert_str_eq(buf, "0.1");
  fsim_text_float(0.0, buf, sizeof buf);
  ck_assert_str_eq(buf, "0");
  fsim_text_float(18000.0, buf, sizeof buf);
  ck_assert_str_eq(buf, "18000");
  unsigned x = 12345u;
  for (int i = 0; i < 20000; i++) {
    x = x * 1103515245u + 12345u;
    const float f = ldexpf((float)(x >> 8) / 16777216.0f, (int)(x % 60) - 30) * (x & 1 ? -1 : 1);
    fsim_text_float(f, buf, sizeof buf);
    ck_assert_msg((float)strtod(buf, NULL) == f, "%.9g printed %s", (double)f, buf);
    size_t digits = 0; /* significant: from the first digit that is not 0 */
    for (const char *p = buf; *p && *p != 'e'; p++)
      digits += (*p >= '1' && *p <= '9') || (digits > 0 && *p == '0');
    ck_assert_msg(digits <= 9, "%s: more digits than a float holds", buf);
  }
}
END_TEST

/* A field of one of frontsim's CSV lines as a number: empty fields, missing fields
 * and the line's end are NaN, never 0. */
START_TEST(test_csv_number) {
  ck_assert_double_eq(fsim_csv_number("3,-1.5,,7e2\n", 0), 3.0);
  ck_assert_double_eq(fsim_csv_number("3,-1.5,,7e2\n", 1), -1.5);
  ck_assert(isnan(fsim_csv_number("3,-1.5,,7e2\n", 2)));
  ck_assert_double_eq(fsim_csv_number("3,-1.5,,7e2\n", 3), 700.0);
  ck_assert(isnan(fsim_csv_number("3,-1.5,,7e2\n", 4)));
  ck_assert(isnan(fsim_csv_number("3,\n", 1)));
  ck_assert(isnan(fsim_csv_number("3,\r\n", 1)));
  ck_assert(isnan(fsim_csv_number("", 0)));
}
END_TEST

Suite *formats_suite(void) {
  Suite *s = suite_create("formats");
  TCase *tc = tcase_create("stat_names");
  tcase_add_test(tc, test_stat_names);
  tcase_add_test(tc, test_number_write);
  suite_add_tcase(s, tc);
  tcase_add_test(tc, test_text_float);
  tc = tcase_create("fsim_csv_number");
  tcase_add_test(tc, test_csv_number);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_meta_write");
  tcase_add_test(tc, test_meta_round_trip);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_meta_read");
  tcase_add_test(tc, test_meta_read_partial);
  tcase_add_test(tc, test_meta_read_bad);
  suite_add_tcase(s, tc);
  return s;
}
