/* The public API's contract for bindings (docs/API.md): options set by name, NULL
 * arguments answered with an error instead of a crash, cancellation through the
 * progress callback, bulk accessors equal to the value-by-value ones, text versions
 * of the FILE functions. Only frontsim/frontsim.h is used, as a binding would. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "frontsim/frontsim.h"
#include "suites.h"
#include "testutil.h"

START_TEST(test_run_options_set_get) {
  fsim_error err;
  fsim_error_clear(&err);
  fsim_run_options *o = fsim_run_options_new();
  ck_assert_ptr_nonnull(o);
  char buf[64];
  ck_assert_int_eq(fsim_run_options_get(o, "replications", buf, sizeof buf, &err), FSIM_OK);
  ck_assert_str_eq(buf, "0");
  ck_assert_int_eq(fsim_run_options_set(o, "replications", "250", &err), FSIM_OK);
  ck_assert_int_eq(fsim_run_options_set(o, "seed", "9223372036854775807", &err), FSIM_OK);
  ck_assert_int_eq(fsim_run_options_set(o, "series", "none", &err), FSIM_OK);
  ck_assert_int_eq(fsim_run_options_get(o, "replications", buf, sizeof buf, &err), FSIM_OK);
  ck_assert_str_eq(buf, "250");
  ck_assert_int_eq(fsim_run_options_get(o, "seed", buf, sizeof buf, &err), FSIM_OK);
  ck_assert_str_eq(buf, "9223372036854775807");
  ck_assert_int_eq(fsim_run_options_get(o, "series", buf, sizeof buf, &err), FSIM_OK);
  ck_assert_str_eq(buf, "none");
  /* A text option replaced frees the old copy (the leak check of the asan build). */
  ck_assert_int_eq(fsim_run_options_set(o, "series", "all", &err), FSIM_OK);
  fsim_run_options_free(o);
}
END_TEST

START_TEST(test_run_options_errors) {
  fsim_error err;
  fsim_run_options *o = fsim_run_options_new();
  fsim_error_clear(&err);
  ck_assert_int_eq(fsim_run_options_set(o, "replicatons", "10", &err), FSIM_E_INPUT);
  ck_assert_str_eq(err.path, "replicatons");
  ck_assert_ptr_nonnull(strstr(err.message, "did you mean \"replications\""));
  fsim_error_clear(&err);
  ck_assert_int_eq(fsim_run_options_set(o, "replications", "-3", &err), FSIM_E_INPUT);
  ck_assert_str_eq(err.path, "replications");
  ck_assert_ptr_nonnull(strstr(err.message, "found \"-3\""));
  ck_assert_int_eq(fsim_run_options_set(o, "threads", "2x", &err), FSIM_E_INPUT);
  ck_assert_int_eq(fsim_run_options_set(o, "seed", "-1", &err), FSIM_E_INPUT);
  ck_assert_int_eq(fsim_run_options_set(o, "seed", "99999999999999999999", &err), FSIM_E_INPUT);
  ck_assert_int_eq(fsim_run_options_set(o, "threads", NULL, &err), FSIM_E_INPUT);
  ck_assert_int_eq(fsim_run_options_set(o, NULL, "1", &err), FSIM_E_INPUT);
  ck_assert_int_eq(fsim_run_options_set(NULL, "threads", "1", &err), FSIM_E_INPUT);
  /* A refused value leaves the option as it was. */
  char buf[32];
  fsim_run_options_get(o, "threads", buf, sizeof buf, &err);
  ck_assert_str_eq(buf, "0");
  fsim_run_options_free(o);
  fsim_run_options_free(NULL);
}
END_TEST

START_TEST(test_sweep_plot_options) {
  fsim_error err;
  fsim_error_clear(&err);
  fsim_sweep_options *s = fsim_sweep_options_new();
  char buf[64];
  ck_assert_int_eq(fsim_sweep_options_set(s, "shard", "2/4", &err), FSIM_OK);
  ck_assert_int_eq(fsim_sweep_options_get(s, "shard", buf, sizeof buf, &err), FSIM_OK);
  ck_assert_str_eq(buf, "2/4");
  ck_assert_int_eq(fsim_sweep_options_set(s, "shard", "5/4", &err), FSIM_E_INPUT);
  ck_assert_str_eq(err.path, "shard");
  ck_assert_int_eq(fsim_sweep_options_set(s, "resume", "yes", &err), FSIM_OK);
  ck_assert_int_eq(fsim_sweep_options_get(s, "resume", buf, sizeof buf, &err), FSIM_OK);
  ck_assert_str_eq(buf, "1");
  ck_assert_int_eq(fsim_sweep_options_set(s, "resume", "maybe", &err), FSIM_E_INPUT);
  fsim_sweep_options_free(s);
  fsim_plot_options *p = fsim_plot_options_new();
  ck_assert_int_eq(fsim_plot_options_set(p, "format", "pdf", &err), FSIM_OK);
  ck_assert_int_eq(fsim_plot_options_get(p, "format", buf, sizeof buf, &err), FSIM_OK);
  ck_assert_str_eq(buf, "pdf");
  ck_assert_int_eq(fsim_plot_options_set(p, "format", "jpg", &err), FSIM_E_INPUT);
  ck_assert_str_eq(err.path, "format");
  ck_assert_int_eq(fsim_plot_options_set(p, "timeout", "2.5", &err), FSIM_OK);
  ck_assert_int_eq(fsim_plot_options_set(p, "timeout", "-1", &err), FSIM_E_INPUT);
  fsim_plot_options_free(p);
}
END_TEST

/* Every function given NULL where it expects an object answers with an error or a
 * neutral value; none crashes (a crash fails the test in its own process). */
START_TEST(test_null_arguments) {
  fsim_error err;
  fsim_error_clear(&err);
  fsim_scenario *sc = NULL;
  fsim_results *res = NULL;
  ck_assert_int_eq(fsim_scenario_load(NULL, NULL, &sc, &err), FSIM_E_INPUT);
  ck_assert_ptr_null(sc);
  ck_assert_int_eq(fsim_scenario_load_string(NULL, NULL, NULL, NULL, &sc, &err), FSIM_E_INPUT);
  ck_assert_int_eq(fsim_scenario_load_string(tu_minimal, "x", NULL, NULL, NULL, &err),
                   FSIM_E_INPUT);
  ck_assert_int_eq(fsim_run(NULL, NULL, &res, &err), FSIM_E_INPUT);
  ck_assert_ptr_null(res);
  ck_assert_int_eq(fsim_run_target(NULL, NULL, "x", 0.1, 10, &res, NULL, &err), FSIM_E_INPUT);
  ck_assert_int_eq(fsim_results_write_dir(NULL, NULL, "out/x", NULL, &err), FSIM_E_INPUT);
  ck_assert_int_eq(fsim_compare_run(NULL, 2, NULL, "out/x", NULL, NULL, NULL, &err), FSIM_E_INPUT);
  ck_assert_int_eq(fsim_scenario_write(NULL, stdout, NULL, &err), FSIM_E_INPUT);
  ck_assert_int_eq(fsim_scenario_to_text(NULL, NULL, NULL, &err), FSIM_E_INPUT);
  ck_assert_int_eq(fsim_scenario_write_path(NULL, NULL, NULL, &err), FSIM_E_INPUT);
  ck_assert_int_eq(fsim_settings_markdown(NULL, &err), FSIM_E_INPUT);
  fsim_sweep *sw = NULL;
  ck_assert_int_eq(fsim_sweep_prepare(NULL, NULL, &sw, &err), FSIM_E_INPUT);
  ck_assert_int_eq(fsim_sweep_run(NULL, NULL, "out/x", &err), FSIM_E_INPUT);
  ck_assert_int_eq(fsim_sweep_merge(NULL, NULL, 0, NULL, &err), FSIM_E_INPUT);
  ck_assert_int_eq(fsim_plot_dir(NULL, NULL, &err), FSIM_E_INPUT);
  ck_assert_int_eq(fsim_fit_read_csv(NULL, "a", "b", NULL, NULL, NULL, &err), FSIM_E_INPUT);
  fsim_fit_result fr = FSIM_FIT_RESULT_INIT;
  ck_assert_int_eq(fsim_fit_attrition(NULL, NULL, 5, FSIM_FIT_SQUARE, NULL, &fr, &err), FSIM_E_INPUT);
  ck_assert_int_eq(fsim_overrides_add(NULL, "a=1", &err), FSIM_E_INPUT);
  ck_assert_int_eq(fsim_overrides_add_param(NULL, "a=1,2", &err), FSIM_E_INPUT);
  ck_assert_uint_eq(fsim_overrides_count(NULL), 0);
  ck_assert_ptr_null(fsim_overrides_get(NULL, 0));
  /* Structs that carry their size: one without it is refused, not misread. */
  const double pb[] = {100, 90, 81, 73}, pr[] = {100, 95, 90, 86};
  fsim_fit_limits lim = FSIM_FIT_LIMITS_INIT;
  lim.alpha_max = 10;
  lim.exponent_max = 3;
  fsim_fit_result unsized = {0};
  ck_assert_int_eq(fsim_fit_attrition(pb, pr, 4, FSIM_FIT_SQUARE, &lim, &unsized, &err),
                   FSIM_E_INPUT);
  ck_assert_ptr_nonnull(strstr(err.message, "FSIM_FIT_RESULT_INIT"));
  unsigned long long seed;
  ck_assert_int_eq(fsim_seed_parse(NULL, &seed, &err), FSIM_E_INPUT);
  /* Accessors: neutral answers. */
  ck_assert_int_eq(fsim_results_replications(NULL), 0);
  ck_assert_int_eq(fsim_results_nmetrics(NULL), 0);
  ck_assert_int_eq(fsim_results_metric_index(NULL, "x"), -1);
  ck_assert(isnan(fsim_results_value(NULL, 0, 0)));
  ck_assert(isnan(fsim_results_series_value(NULL, 0, 0, 0)));
  ck_assert_ptr_null(fsim_scenario_label(NULL));
  ck_assert_int_eq(fsim_scenario_nsectors(NULL), 0);
  ck_assert_int_eq(fsim_sweep_points(NULL), 0);
  /* Freeing NULL does nothing, as free(NULL). */
  fsim_scenario_free(NULL);
  fsim_results_free(NULL);
  fsim_sweep_free(NULL);
  fsim_overrides_free(NULL);
  fsim_free(NULL);
  /* A NULL error record is allowed everywhere: the status still says what failed. */
  ck_assert_int_eq(fsim_scenario_load(NULL, NULL, &sc, NULL), FSIM_E_INPUT);
  char msg[64];
  fsim_error_format(NULL, msg, sizeof msg);
  ck_assert_str_eq(msg, "");
}
END_TEST

static int cancel_after(void *ctx, long done, long total) {
  (void)total;
  long *limit = ctx;
  return done >= *limit;
}

START_TEST(test_progress_cancels) {
  fsim_scenario *sc = tu_load(tu_minimal);
  fsim_error err;
  fsim_error_clear(&err);
  fsim_run_options *o = fsim_run_options_new();
  ck_assert_int_eq(fsim_run_options_set(o, "replications", "400", &err), FSIM_OK);
  ck_assert_int_eq(fsim_run_options_set(o, "threads", "1", &err), FSIM_OK);
  long limit = 5;
  fsim_run_options_set_progress(o, cancel_after, &limit);
  fsim_results *res = NULL;
  ck_assert_int_eq(fsim_run(sc, o, &res, &err), FSIM_E_INTERRUPTED);
  ck_assert_ptr_null(res);
  /* A callback that never cancels lets the run finish. */
  limit = 1000000;
  ck_assert_int_eq(fsim_run(sc, o, &res, &err), FSIM_OK);
  ck_assert_int_eq(fsim_results_replications(res), 400);
  fsim_results_free(res);
  fsim_run_options_free(o);
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_bulk_accessors) {
  fsim_scenario *sc = tu_load(tu_two_sectors);
  fsim_error err;
  fsim_error_clear(&err);
  fsim_run_options *o = fsim_run_options_new();
  fsim_run_options_set(o, "replications", "30", &err);
  fsim_results *res = NULL;
  ck_assert_int_eq(fsim_run(sc, o, &res, &err), FSIM_OK);
  const int M = fsim_results_nmetrics(res), D = fsim_results_days(res);
  ck_assert_int_gt(M, 0);
  ck_assert_int_eq(D, fsim_scenario_days(sc));
  double col[10], block[10 * 64], ser[10 * 400];
  ck_assert_int_lt(M, 64);
  ck_assert_int_lt(D, 399);
  for (int m = 0; m < M; m++) {
    ck_assert_int_eq(fsim_results_metric_column(res, m, 20, 10, col, &err), FSIM_OK);
    for (long r = 0; r < 10; r++) {
      double want = fsim_results_value(res, 20 + r, m);
      ck_assert(isnan(want) ? isnan(col[r]) : col[r] == want);
    }
  }
  ck_assert_int_eq(fsim_results_metric_block(res, 5, 10, block, &err), FSIM_OK);
  for (long r = 0; r < 10; r++)
    for (int m = 0; m < M; m++) {
      double want = fsim_results_value(res, 5 + r, m), got = block[r * M + m];
      ck_assert(isnan(want) ? isnan(got) : got == want);
    }
  const int v = fsim_results_series_index(res, "k_1.held_area_km2");
  ck_assert_int_ge(v, 0);
  ck_assert_int_eq(fsim_results_series_block(res, v, 0, 10, ser, &err), FSIM_OK);
  for (long r = 0; r < 10; r++)
    for (int d = 0; d <= D; d++)
      ck_assert(ser[r * (D + 1) + d] == fsim_results_series_value(res, v, d, r));
  /* Out of range: refused, nothing read beyond the results. */
  ck_assert_int_eq(fsim_results_metric_column(res, 0, 25, 10, col, &err), FSIM_E_INPUT);
  ck_assert_int_eq(fsim_results_metric_column(res, M, 0, 1, col, &err), FSIM_E_INPUT);
  ck_assert_int_eq(fsim_results_series_block(res, -1, 0, 1, ser, &err), FSIM_E_INPUT);
  ck_assert_int_eq(fsim_results_metric_block(res, 0, 1, NULL, &err), FSIM_E_INPUT);
  fsim_results_free(res);
  /* Without series kept, a series block is refused with the reason. */
  fsim_run_options_set(o, "series", "none", &err);
  ck_assert_int_eq(fsim_run(sc, o, &res, &err), FSIM_OK);
  ck_assert_int_eq(fsim_results_series_block(res, v, 0, 1, ser, &err), FSIM_E_INPUT);
  ck_assert_ptr_nonnull(strstr(err.message, "did not keep"));
  fsim_results_free(res);
  fsim_run_options_free(o);
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_text_versions) {
  fsim_scenario *sc = tu_load(tu_minimal);
  fsim_error err;
  fsim_error_clear(&err);
  char *text = NULL;
  ck_assert_int_eq(fsim_scenario_to_text(sc, "a header", &text, &err), FSIM_OK);
  ck_assert_ptr_nonnull(strstr(text, "# a header\n"));
  /* It loads back to the same text. */
  fsim_scenario *again = tu_load(text);
  char *text2 = NULL;
  ck_assert_int_eq(fsim_scenario_to_text(again, "a header", &text2, &err), FSIM_OK);
  ck_assert_str_eq(text, text2);
  /* The path version writes the same bytes. */
  char path[] = "/tmp/fsim-api-XXXXXX";
  int fd = mkstemp(path);
  ck_assert_int_ge(fd, 0);
  close(fd);
  ck_assert_int_eq(fsim_scenario_write_path(sc, path, "a header", &err), FSIM_OK);
  FILE *fp = fopen(path, "r");
  char *back = calloc(strlen(text) + 2, 1);
  size_t n = fread(back, 1, strlen(text) + 1, fp);
  fclose(fp);
  remove(path);
  ck_assert_uint_eq(n, strlen(text));
  ck_assert_str_eq(back, text);
  free(back);
  char *md = NULL;
  ck_assert_int_eq(fsim_settings_markdown(&md, &err), FSIM_OK);
  ck_assert_ptr_nonnull(strstr(md, "### `run`"));
  /* Every row of a table has its six cells: a '|' in a cell's text (one of
     `stochastic|expected`) escaped, else GitHub's Markdown splits the row there; and
     bounds as an analyst reads them, not %g's 9.223372036854776e+18. */
  long rows = 0;
  for (const char *line = md; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
    if (strncmp(line, "| `", 3) != 0) continue;
    int bars = 0;
    for (const char *c = line; *c && *c != '\n'; c++) bars += *c == '|' && c[-1] != '\\';
    ck_assert_msg(bars == 7, "%d cell walls in: %.80s", bars, line);
    rows++;
  }
  ck_assert_int_gt(rows, 100);
  ck_assert_ptr_nonnull(strstr(md, "`stochastic\\|expected`"));
  ck_assert_ptr_nonnull(strstr(md, "| [0, 2^63 - 1] |"));
  ck_assert_ptr_nonnull(strstr(md, "| [1, 10^7] |"));
  ck_assert_ptr_null(strstr(md, "e+"));
  fsim_free(md);
  fsim_free(text);
  fsim_free(text2);
  fsim_scenario_free(again);
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_version) {
  ck_assert_str_eq(fsim_version(), FRONTSIM_VERSION);
  int major = -1, minor = -1, patch = -1;
  ck_assert_int_eq(sscanf(fsim_version(), "%d.%d.%d", &major, &minor, &patch), 3);
  ck_assert_int_eq(major, FRONTSIM_VERSION_MAJOR);
  ck_assert_int_eq(minor, FRONTSIM_VERSION_MINOR);
}
END_TEST

Suite *api_suite(void) {
  Suite *s = suite_create("api");
  TCase *tc = tcase_create("fsim_run_options_set");
  tcase_add_test(tc, test_run_options_set_get);
  tcase_add_test(tc, test_run_options_errors);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_sweep_plot_options_set");
  tcase_add_test(tc, test_sweep_plot_options);
  suite_add_tcase(s, tc);
  tc = tcase_create("null_arguments");
  tcase_add_test(tc, test_null_arguments);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_progress_fn");
  tcase_add_test(tc, test_progress_cancels);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_results_bulk");
  tcase_add_test(tc, test_bulk_accessors);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_scenario_to_text");
  tcase_add_test(tc, test_text_versions);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_version");
  tcase_add_test(tc, test_version);
  suite_add_tcase(s, tc);
  return s;
}
