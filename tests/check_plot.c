/* Charts: a small run plotted in every format gives every chart and its script,
 * non-empty and of the right kind; a script re-runs on its own from charts/;
 * --only selects; gnuplot missing or failing is FSIM_E_EXTERNAL and writes
 * nothing. Tests that need gnuplot say so and pass when it is absent. */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "frontsim/plot.h"
#include "plot_internal.h"
#include "suites.h"
#include "testutil.h"

/* Two sectors, one with a held area and one with a supply route; a sector name
 * with '-' and '_', a display name with a quote, an event by date. */
static const char fixture[] =
    "run = { days = 20; start_date = \"2024-12-20\"; seed = 5; diversion_sector = \"k_1\"; };\n"
    "sectors = (\n"
    "  { name = \"k_1\"; width_km = 40; attacker = \"blue\"; engagement_rate = 30; counter_share = 0.4;\n"
    "    step_km = 0.1; attrition = { blue = 0.002; red = 0.0015; };\n"
    "    held_area = { holder = \"blue\"; initial_km2 = 800; max_km2 = 1300; }; },\n"
    "  { name = \"p-2\"; width_km = 30; attacker = \"red\"; engagement_rate = 50; step_km = 0.2;\n"
    "    attrition = { blue = 0.002; red = 0.002; };\n"
    "    supply = { side = \"blue\"; distance_km = 1.0; }; } );\n"
    "formations = (\n"
    "  { name = \"bk\"; side = \"blue\"; personnel = 20000; location = \"k_1\"; },\n"
    "  { name = \"bp\"; side = \"blue\"; personnel = 30000; location = \"p-2\"; },\n"
    "  { name = \"rk\"; side = \"red\"; personnel = 40000; location = \"k_1\"; },\n"
    "  { name = \"rp\"; side = \"red\"; personnel = 60000; location = \"p-2\"; } );\n"
    "sides = {\n"
    "  blue = { name = \"Blue's side\"; reserve = 5000; replacements_per_day = 200; };\n"
    "  red = { name = \"Red\"; reserve = 10000; claim_bias = 2.0; claim_sigma = 0.2;\n"
    "    rules = ( { type = \"transfer\"; day = 5; from = \"reserve\"; to = \"k_1\"; personnel = 2000; delay = 2; } ); };\n"
    "};\n"
    "events = ( { name = \"talks\"; date = \"2024-12-31\"; }, { name = \"cease-fire\"; day = 19; } );\n";

static const char *const expected[] = {
    "personnel_k_1", "personnel_p-2", "allocation_blue", "allocation_red", "supply_p-2",
    "held_area_k_1", "losses",        "engagements"};
#define NEXPECTED (sizeof expected / sizeof expected[0])

/* A fresh run directory <tmp>/run of the fixture; `base` gets <tmp>. */
static void make_run(char *base, size_t size, char *run, size_t run_size) {
  snprintf(base, size, "%s/frontsim-plot-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
  ck_assert_ptr_nonnull(mkdtemp(base));
  snprintf(run, run_size, "%s/run", base);
  fsim_scenario *sc = tu_load(fixture);
  fsim_results *res = tu_run(sc, 24, 1);
  fsim_error err;
  fsim_status st = fsim_results_write_dir(res, sc, run, "check_plot", &err);
  ck_assert_msg(st == FSIM_OK, "write_dir: %s", err.message);
  fsim_results_free(res);
  fsim_scenario_free(sc);
}

static int remove_tree(const char *path) {
  struct stat st;
  if (lstat(path, &st) != 0) return 0;
  if (S_ISDIR(st.st_mode)) {
    DIR *d = opendir(path);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
      if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
      char sub[4096];
      snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
      remove_tree(sub);
    }
    if (d) closedir(d);
    return rmdir(path);
  }
  return remove(path);
}

/* Size of a file, -1 when missing; its first bytes in head. */
static long file_head(const char *path, char *head, size_t size) {
  FILE *fp = fopen(path, "rb");
  if (!fp) return -1;
  memset(head, 0, size);
  size_t n = fread(head, 1, size - 1, fp);
  (void)n;
  fseek(fp, 0, SEEK_END);
  long len = ftell(fp);
  fclose(fp);
  return len;
}

static int count_entries(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return -1;
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL)
    if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) n++;
  closedir(d);
  return n;
}

/* 1 when gnuplot runs; otherwise says why the test is skipped. */
static int have_gnuplot(const char *test) {
  fsim_error err;
  const char *program = fsim_gnuplot_program(NULL);
  if (fsim_gnuplot_check(program, "(test)", &err) == FSIM_OK) return 1;
  printf("SKIP %s: gnuplot (%s) cannot be run; install gnuplot-nox (5.4 or later) to draw "
         "the charts\n",
         test, program);
  return 0;
}

static void assert_chart(const char *charts, const char *name, const char *ext) {
  char path[4096], head[512];
  snprintf(path, sizeof path, "%s/%s.%s", charts, name, ext);
  long len = file_head(path, head, sizeof head);
  ck_assert_msg(len > 0, "%s is missing or empty", path);
  if (strcmp(ext, "png") == 0)
    ck_assert_msg(memcmp(head, "\x89PNG", 4) == 0, "%s is not a PNG", path);
  else if (strcmp(ext, "pdf") == 0)
    ck_assert_msg(memcmp(head, "%PDF", 4) == 0, "%s is not a PDF", path);
  else
    ck_assert_msg(strstr(head, "<svg") != NULL, "%s is not an SVG", path);
  snprintf(path, sizeof path, "%s/%s.gp", charts, name);
  len = file_head(path, head, sizeof head);
  ck_assert_msg(len > 0, "%s is missing or empty", path);
  /* The script says what it is and draws into the file beside it. */
  ck_assert_msg(strstr(head, name) != NULL, "%s does not name its chart", path);
}

START_TEST(test_format_parse) {
  fsim_plot_format f = FSIM_PLOT_PDF;
  fsim_error err;
  ck_assert_int_eq(fsim_plot_format_parse("png", &f, &err), FSIM_OK);
  ck_assert_int_eq(f, FSIM_PLOT_PNG);
  ck_assert_int_eq(fsim_plot_format_parse("svg", &f, &err), FSIM_OK);
  ck_assert_int_eq(f, FSIM_PLOT_SVG);
  ck_assert_int_eq(fsim_plot_format_parse("pdf", &f, &err), FSIM_OK);
  ck_assert_int_eq(f, FSIM_PLOT_PDF);
  ck_assert_int_eq(fsim_plot_format_parse("jpeg", &f, &err), FSIM_E_INPUT);
  ck_assert_str_eq(err.path, "--format");
  ck_assert_str_eq(fsim_plot_format_extension(FSIM_PLOT_SVG), "svg");
}
END_TEST

START_TEST(test_every_chart_every_format) {
  if (!have_gnuplot("test_every_chart_every_format")) return;
  char base[512], run[600], charts[700];
  make_run(base, sizeof base, run, sizeof run);
  snprintf(charts, sizeof charts, "%s/charts", run);
  const fsim_plot_format formats[] = {FSIM_PLOT_PNG, FSIM_PLOT_SVG, FSIM_PLOT_PDF};
  for (size_t f = 0; f < 3; f++) {
    fsim_plot_options opt;
    fsim_plot_options_init(&opt);
    opt.format = formats[f];
    fsim_error err;
    fsim_status st = fsim_plot_dir(run, &opt, &err);
    ck_assert_msg(st == FSIM_OK, "%s: %s", fsim_plot_format_extension(formats[f]), err.message);
    for (size_t i = 0; i < NEXPECTED; i++)
      assert_chart(charts, expected[i], fsim_plot_format_extension(formats[f]));
  }
  /* Three images per chart and one script; no staging directory left over. */
  ck_assert_int_eq(count_entries(charts), (int)NEXPECTED * 4);
  DIR *d = opendir(run);
  struct dirent *e;
  while ((e = readdir(d)) != NULL)
    ck_assert_msg(strncmp(e->d_name, ".charts-partial", 15) != 0, "left over: %s", e->d_name);
  closedir(d);
  ck_assert_int_eq(remove_tree(base), 0);
}
END_TEST

START_TEST(test_script_reruns_alone) {
  if (!have_gnuplot("test_script_reruns_alone")) return;
  char base[512], run[600], cmd[2048], path[800], head[64];
  make_run(base, sizeof base, run, sizeof run);
  fsim_error err;
  ck_assert_int_eq(fsim_plot_dir(run, NULL, &err), FSIM_OK);
  /* What a report author does: edit the script beside the chart, re-run it. */
  for (size_t i = 0; i < NEXPECTED; i++) {
    snprintf(path, sizeof path, "%s/charts/%s.png", run, expected[i]);
    ck_assert_int_eq(remove(path), 0);
    snprintf(cmd, sizeof cmd, "cd '%s/charts' && %s '%s.gp' 2>&1", run,
             fsim_gnuplot_program(NULL), expected[i]);
    ck_assert_msg(system(cmd) == 0, "%s failed", cmd);
    ck_assert_msg(file_head(path, head, sizeof head) > 0, "%s not redrawn", path);
  }
  ck_assert_int_eq(remove_tree(base), 0);
}
END_TEST

START_TEST(test_only) {
  if (!have_gnuplot("test_only")) return;
  char base[512], run[600], charts[700], path[800], head[16];
  make_run(base, sizeof base, run, sizeof run);
  snprintf(charts, sizeof charts, "%s/charts", run);
  fsim_plot_options opt;
  fsim_plot_options_init(&opt);
  fsim_error err;
  opt.only = "losses";
  ck_assert_int_eq(fsim_plot_dir(run, &opt, &err), FSIM_OK);
  ck_assert_int_eq(count_entries(charts), 2);
  assert_chart(charts, "losses", "png");
  opt.only = "personnel"; /* a kind: one chart per sector */
  ck_assert_int_eq(fsim_plot_dir(run, &opt, &err), FSIM_OK);
  ck_assert_int_eq(count_entries(charts), 6);
  assert_chart(charts, "personnel_p-2", "png");
  snprintf(path, sizeof path, "%s/engagements.png", charts);
  ck_assert_int_eq(file_head(path, head, sizeof head), -1);
  opt.only = "supply_nowhere";
  ck_assert_int_eq(fsim_plot_dir(run, &opt, &err), FSIM_E_INPUT);
  ck_assert_ptr_nonnull(strstr(err.message, "held_area_k_1")); /* lists what there is */
  ck_assert_int_eq(remove_tree(base), 0);
}
END_TEST

START_TEST(test_gnuplot_missing) {
  char base[512], run[600], charts[700];
  make_run(base, sizeof base, run, sizeof run);
  snprintf(charts, sizeof charts, "%s/charts", run);
  int before = count_entries(run);
  fsim_plot_options opt;
  fsim_plot_options_init(&opt);
  opt.gnuplot = "/nonexistent/gnuplot";
  fsim_error err;
  ck_assert_int_eq(fsim_plot_dir(run, &opt, &err), FSIM_E_EXTERNAL);
  ck_assert_ptr_nonnull(strstr(err.message, "not installed"));
  ck_assert_ptr_nonnull(strstr(err.message, "complete and usable"));
  /* The same through the environment, as the command line sees it. */
  setenv("FRONTSIM_GNUPLOT", "/nonexistent/gnuplot", 1);
  ck_assert_int_eq(fsim_plot_dir(run, NULL, &err), FSIM_E_EXTERNAL);
  unsetenv("FRONTSIM_GNUPLOT");
  ck_assert_ptr_nonnull(strstr(err.message, "/nonexistent/gnuplot"));
  /* Nothing was written: the run directory is as it was. */
  ck_assert_int_eq(count_entries(run), before);
  ck_assert_int_eq(count_entries(charts), -1);
  ck_assert_int_eq(remove_tree(base), 0);
}
END_TEST

START_TEST(test_gnuplot_fails) {
  char base[512], run[600], fake[700], charts[700];
  make_run(base, sizeof base, run, sizeof run);
  snprintf(charts, sizeof charts, "%s/charts", run);
  /* A "gnuplot" that answers --version and then fails as gnuplot does. */
  snprintf(fake, sizeof fake, "%s/fake-gnuplot", base);
  FILE *fp = fopen(fake, "w");
  ck_assert_ptr_nonnull(fp);
  fputs("#!/bin/sh\n"
        "[ \"$1\" = --version ] && { echo 'gnuplot 5.4 patchlevel 4'; exit 0; }\n"
        "echo '         plot nothing' >&2\n"
        "echo '              ^' >&2\n"
        "echo \"\\\"$1\\\" line 7: undefined variable: nothing\" >&2\n"
        "exit 1\n",
        fp);
  fclose(fp);
  ck_assert_int_eq(chmod(fake, 0755), 0);
  fsim_plot_options opt;
  fsim_plot_options_init(&opt);
  opt.gnuplot = fake;
  fsim_error err;
  ck_assert_int_eq(fsim_plot_dir(run, &opt, &err), FSIM_E_EXTERNAL);
  ck_assert_msg(strstr(err.message, "personnel_k_1") != NULL, "%s", err.message);
  ck_assert_msg(strstr(err.message, "undefined variable: nothing") != NULL, "%s", err.message);
  /* No chart and no script that did not draw. */
  ck_assert_int_eq(count_entries(charts), 0);
  ck_assert_int_eq(remove_tree(base), 0);
}
END_TEST

START_TEST(test_not_a_run) {
  char base[512];
  snprintf(base, sizeof base, "%s/frontsim-plot-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
  ck_assert_ptr_nonnull(mkdtemp(base));
  fsim_error err;
  ck_assert_int_eq(fsim_plot_dir(base, NULL, &err), FSIM_E_INPUT);
  ck_assert_ptr_nonnull(strstr(err.message, "not a complete frontsim run directory"));
  char missing[600];
  snprintf(missing, sizeof missing, "%s/nothing-here", base);
  ck_assert_int_eq(fsim_plot_dir(missing, NULL, &err), FSIM_E_INPUT);
  ck_assert_int_eq(remove_tree(base), 0);
}
END_TEST

Suite *plot_suite(void) {
  Suite *s = suite_create("plot");
  TCase *tc = tcase_create("fsim_plot_format_parse");
  tcase_add_test(tc, test_format_parse);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_plot_dir");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_every_chart_every_format);
  tcase_add_test(tc, test_script_reruns_alone);
  tcase_add_test(tc, test_only);
  tcase_add_test(tc, test_gnuplot_missing);
  tcase_add_test(tc, test_gnuplot_fails);
  tcase_add_test(tc, test_not_a_run);
  suite_add_tcase(s, tc);
  return s;
}
