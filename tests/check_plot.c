/* Charts: a small run plotted in every format gives every chart and its script,
 * non-empty and of the right kind; a script re-runs on its own from charts/;
 * --only selects; gnuplot missing or failing is FSIM_E_EXTERNAL and writes
 * nothing. Tests that need gnuplot say so and pass when it is absent. Sweeps:
 * the kind of a directory, reading sweep.csv and sensitivity.csv, what each
 * metric is, which charts a sweep gets and their scripts (the sweep charts
 * drawn by gnuplot are tested by tests/cli/plot_sweep.sh). */
#include <check.h>
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "frontsim/plot.h"
#include "plot_internal.h"
#include "suites.h"
#include "testutil.h"


static const char *const expected[] = {
    "personnel_k_1", "personnel_p-2", "allocation_blue", "allocation_red", "supply_p-2",
    "held_area_k_1", "losses",        "engagements"};
#define NEXPECTED (sizeof expected / sizeof expected[0])

/* A fresh run directory <tmp>/run of tu_two_sectors; `base` gets <tmp>. */
static void make_run(char *base, size_t size, char *run, size_t run_size) {
  snprintf(base, size, "%s/frontsim-plot-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
  ck_assert_ptr_nonnull(mkdtemp(base));
  snprintf(run, run_size, "%s/run", base);
  fsim_scenario *sc = tu_load(tu_two_sectors);
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
  if (fsim_gnuplot_check(program, "(test)", 30, &err) == FSIM_OK) return 1;
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
  ck_assert_ptr_nonnull(strstr(err.message, "holds no frontsim output to draw"));
  char missing[600];
  snprintf(missing, sizeof missing, "%s/nothing-here", base);
  ck_assert_int_eq(fsim_plot_dir(missing, NULL, &err), FSIM_E_INPUT);
  ck_assert_int_eq(remove_tree(base), 0);
}
END_TEST


/* ---- Sweeps ---------------------------------------------------------------- */

static void write_text(const char *path, const char *text) {
  FILE *fp = fopen(path, "w");
  ck_assert_ptr_nonnull(fp);
  fputs(text, fp);
  ck_assert_int_eq(fclose(fp), 0);
}

static void make_base(char *base, size_t size) {
  snprintf(base, size, "%s/frontsim-plot-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
  ck_assert_ptr_nonnull(mkdtemp(base));
}

/* Columns of one metric in sweep.csv. */
#define STATS7(m) "," m "_mean," m "_sd," m "_mean_ci95_low," m "_mean_ci95_high," m "_p5," m "_p50," m "_p95"

/* A grid of 2 x 3 points of tu_two_sectors, the last parameter fastest;
 * p-2.cut_day is never defined. */
static const char sweep_header[] =
    "point,sides.red.reserve,sectors.[0].width_km,replications" STATS7("red.losses")
        STATS7("p-2.route_cut") STATS7("p-2.cut_day") STATS7("red.claimed_losses") "\n";
static const char *const sweep_rows[] = {
    "0,1000,30,4,21000,1,20000,22000,,,,0.5,0.1,0.2,0.8,,,,,,,,,,,40000,1,1,1,1,1,1\n",
    "1,1000,35,4,22000,1,21000,23000,,,,0.25,0.1,0.1,0.5,,,,,,,,,,,40000,1,1,1,1,1,1\n",
    "2,1000,40,4,23000,1,22000,24000,,,,0,0,0,0.3,,,,,,,,,,,40000,1,1,1,1,1,1\n",
    "3,5000,30,4,24000,1,23000,25000,,,,1,0,0.7,1,,,,,,,,,,,40000,1,1,1,1,1,1\n",
    "4,5000,35,4,-25000.5,1,24000,26000,,,,0.75,0.1,0.4,0.9,,,,,,,,,,,40000,1,1,1,1,1,1\n",
    "5,5000,40,4,24000,1,23000,25000,,,,0.5,0.1,0.2,0.8,,,,,,,,,,,40000,1,1,1,1,1,1\n"};

/* sweep.csv of the rows in the order given by `order` (indices into sweep_rows). */
static void write_sweep(const char *path, const int *order, int n) {
  FILE *fp = fopen(path, "w");
  ck_assert_ptr_nonnull(fp);
  fputs(sweep_header, fp);
  for (int i = 0; i < n; i++) fputs(sweep_rows[order[i]], fp);
  ck_assert_int_eq(fclose(fp), 0);
}

START_TEST(test_dir_kind) {
  char base[512], path[700];
  make_base(base, sizeof base);
  fsim_plot_dir_kind kind = FSIM_PLOT_DIR_RUN;
  fsim_error err;
  /* Empty: none; the message says which file of which kind it looked for. */
  ck_assert_int_eq(fsim_plot_dir_kind_of(base, &kind, &err), FSIM_E_INPUT);
  ck_assert_ptr_nonnull(strstr(err.message, "scenario.cfg (a run)"));
  ck_assert_ptr_nonnull(strstr(err.message, "sweep.csv (a sweep)"));
  snprintf(path, sizeof path, "%s/scenario.cfg", base);
  write_text(path, "# a run\n");
  ck_assert_int_eq(fsim_plot_dir_kind_of(base, &kind, &err), FSIM_OK);
  ck_assert_int_eq(kind, FSIM_PLOT_DIR_RUN);
  /* A journal without the table: a sweep under way, interrupted, or a shard. */
  snprintf(path, sizeof path, "%s/points.journal", base);
  write_text(path, "");
  ck_assert_int_eq(fsim_plot_dir_kind_of(base, &kind, &err), FSIM_E_INPUT);
  ck_assert_ptr_nonnull(strstr(err.message, "--resume"));
  ck_assert_ptr_nonnull(strstr(err.message, "frontsim merge"));
  snprintf(path, sizeof path, "%s/sweep.csv", base);
  write_text(path, "point\n");
  ck_assert_int_eq(fsim_plot_dir_kind_of(base, &kind, &err), FSIM_OK);
  ck_assert_int_eq(kind, FSIM_PLOT_DIR_SWEEP);
  /* Not a directory. */
  ck_assert_int_eq(fsim_plot_dir_kind_of(path, &kind, &err), FSIM_E_INPUT);
  snprintf(path, sizeof path, "%s/nothing-here", base);
  ck_assert_int_eq(fsim_plot_dir_kind_of(path, &kind, &err), FSIM_E_INPUT);
  ck_assert_int_eq(fsim_plot_dir_kind_of(NULL, &kind, &err), FSIM_E_INPUT);
  /* An incomplete sweep directory is refused by fsim_plot_dir, naming the file. */
  snprintf(path, sizeof path, "%s/points.journal", base);
  ck_assert_int_eq(remove(path), 0);
  ck_assert_int_eq(fsim_plot_dir(base, NULL, &err), FSIM_E_INPUT);
  ck_assert_ptr_nonnull(strstr(err.file, "design.csv"));
  ck_assert_ptr_nonnull(strstr(err.message, "not a complete frontsim sweep directory"));
  ck_assert_int_eq(remove_tree(base), 0);
}
END_TEST

START_TEST(test_sweep_table) {
  char base[512], path[700];
  make_base(base, sizeof base);
  snprintf(path, sizeof path, "%s/sweep.csv", base);
  const int in_order[] = {0, 1, 2, 3, 4, 5};
  write_sweep(path, in_order, 6);
  fsim_plot_sweep sw;
  fsim_error err;
  ck_assert_int_eq(fsim_plot_sweep_read_table(&sw, path, NULL, &err), FSIM_OK);
  ck_assert_int_eq(sw.npoints, 6);
  ck_assert_int_eq(sw.nparams, 2);
  ck_assert_str_eq(sw.params[0].path, "sides.red.reserve");
  /* Unlabelled: its path's last part in words. */
  ck_assert_str_eq(sw.params[1].label, "width km");
  ck_assert_int_eq(sw.params[0].count, 2);
  ck_assert_int_eq(sw.params[1].count, 3);
  ck_assert(sw.params[1].values[2] == 40.0);
  ck_assert_int_eq(sw.value_index[4 * 2 + 1], 1);
  ck_assert_int_eq(sw.grid, 1);
  ck_assert_int_eq(sw.nmetrics, 4);
  ck_assert_str_eq(sw.metrics[0].name, "red.losses");
  ck_assert_str_eq(sw.metrics[2].name, "p-2.cut_day");
  ck_assert_int_eq(sw.metrics[0].defined, 6);
  ck_assert_int_eq(sw.metrics[2].defined, 0);
  ck_assert(sw.metrics[0].max_abs == 25000.5);
  fsim_plot_sweep_free(&sw);

  /* The same points out of grid order, or one missing: not a grid. */
  const int shuffled[] = {0, 2, 1, 3, 4, 5};
  write_sweep(path, shuffled, 6);
  ck_assert_int_eq(fsim_plot_sweep_read_table(&sw, path, NULL, &err), FSIM_OK);
  ck_assert_int_eq(sw.grid, 0);
  fsim_plot_sweep_free(&sw);
  write_sweep(path, in_order, 5);
  ck_assert_int_eq(fsim_plot_sweep_read_table(&sw, path, NULL, &err), FSIM_OK);
  ck_assert_int_eq(sw.grid, 0);
  fsim_plot_sweep_free(&sw);

  /* An lhs-like table, every value distinct and more of them than a grid may have:
   * read (in time linear in the rows), not a grid. */
  FILE *fp = fopen(path, "w");
  ck_assert_ptr_nonnull(fp);
  fputs("point,a,replications" STATS7("m") "\n", fp);
  for (int i = 0; i < FSIM_GRID_VALUES_MAX + 500; i++)
    fprintf(fp, "%d,%.6f,3,%d,,,,,,\n", i, 0.5 + i * 1e-3, i);
  ck_assert_int_eq(fclose(fp), 0);
  ck_assert_int_eq(fsim_plot_sweep_read_table(&sw, path, NULL, &err), FSIM_OK);
  ck_assert_int_eq(sw.npoints, FSIM_GRID_VALUES_MAX + 500);
  ck_assert_int_eq(sw.params[0].too_many, 1);
  ck_assert_int_eq(sw.grid, 0);
  ck_assert(sw.metrics[0].max_abs == FSIM_GRID_VALUES_MAX + 499);
  fsim_plot_sweep_free(&sw);

  /* Parameters ending alike are named by their whole path. */
  write_text(path, "point,x.[0].delay,x.[1].delay,replications" STATS7("m") "\n"
                   "0,1,2,3,4,,,,,,\n");
  ck_assert_int_eq(fsim_plot_sweep_read_table(&sw, path, NULL, &err), FSIM_OK);
  ck_assert_str_eq(sw.params[0].label, "x.[0].delay");
  ck_assert_str_eq(sw.params[1].label, "x.[1].delay");
  fsim_plot_sweep_free(&sw);

  /* Not a sweep's table. */
  write_text(path, "metric,mean\nred.losses,3\n");
  ck_assert_int_eq(fsim_plot_sweep_read_table(&sw, path, NULL, &err), FSIM_E_INPUT);
  ck_assert_ptr_nonnull(strstr(err.message, "not the table of a frontsim sweep"));
  write_text(path, "point,a,replications,m_mean,m_sd\n0,1,2,3,4\n");
  ck_assert_int_eq(fsim_plot_sweep_read_table(&sw, path, NULL, &err), FSIM_E_INPUT);
  write_text(path, "point,a,replications" STATS7("m") "\n0,1,2,3\n");
  ck_assert_int_eq(fsim_plot_sweep_read_table(&sw, path, NULL, &err), FSIM_E_INPUT);
  ck_assert_int_eq(err.line, 2);
  write_text(path, "point,a,replications" STATS7("m") "\n0,x,2,3,,,,,,\n");
  ck_assert_int_eq(fsim_plot_sweep_read_table(&sw, path, NULL, &err), FSIM_E_INPUT);
  ck_assert_str_eq(err.path, "a");
  write_text(path, "point,a,replications" STATS7("m") "\n");
  ck_assert_int_eq(fsim_plot_sweep_read_table(&sw, path, NULL, &err), FSIM_E_INPUT);
  write_text(path, "");
  ck_assert_int_eq(fsim_plot_sweep_read_table(&sw, path, NULL, &err), FSIM_E_INPUT);
  snprintf(path, sizeof path, "%s/none.csv", base);
  ck_assert_int_eq(fsim_plot_sweep_read_table(&sw, path, NULL, &err), FSIM_E_INPUT);
  ck_assert_int_eq(remove_tree(base), 0);
}
END_TEST

/* A categorical parameter read back with the scenario that ran it: its levels in the
 * sweep's order whatever order the rows take, numbered 1, 2, ...; labels and units
 * from the sweep, else the setting's own unit; a name that is no level refused. */
START_TEST(test_sweep_table_levels) {
  static char text[4096];
  snprintf(text, sizeof text, "%s%s", tu_two_sectors,
           "sweep = { method = \"lhs\"; parameters = (\n"
           "  { path = \"sides.red.rules.[0].donors\"; label = \"Donor order\";\n"
           "    levels = ( { name = \"first\"; value = [\"p-2\"]; },\n"
           "               { name = \"second\"; value = [\"reserve\"]; } ); },\n"
           "  { path = \"sides.red.rules.[0].delay\"; from = 1; to = 9; } ); };\n");
  fsim_scenario *sc = tu_load(text);
  char base[512], path[700];
  make_base(base, sizeof base);
  snprintf(path, sizeof path, "%s/sweep.csv", base);
  write_text(path, "point,sides.red.rules.[0].donors,sides.red.rules.[0].delay,replications" STATS7("m")
                   "\n0,second,3,5,1,,,,,,\n1,first,7,5,2,,,,,,\n");
  fsim_plot_sweep sw;
  fsim_error err;
  ck_assert_msg(fsim_plot_sweep_read_table(&sw, path, sc, &err) == FSIM_OK, "%s", err.message);
  ck_assert_int_eq(sw.params[0].nlevels, 2);
  ck_assert_str_eq(sw.params[0].levels[0], "first");
  ck_assert_int_eq(sw.value_index[0 * 2 + 0], 1); /* row 0 is "second" */
  ck_assert_int_eq(sw.value_index[1 * 2 + 0], 0);
  ck_assert_str_eq(sw.params[0].label, "Donor order");
  ck_assert_str_eq(sw.params[0].axis, "Donor order");
  ck_assert_str_eq(sw.params[1].axis, "delay (days)");
  fsim_plot_sweep_free(&sw);
  write_text(path, "point,sides.red.rules.[0].donors,sides.red.rules.[0].delay,replications" STATS7("m")
                   "\n0,third,3,5,1,,,,,,\n");
  ck_assert_int_eq(fsim_plot_sweep_read_table(&sw, path, sc, &err), FSIM_E_INPUT);
  ck_assert_str_eq(err.path, "sides.red.rules.[0].donors");
  ck_assert_ptr_nonnull(strstr(err.message, "not a level"));
  fsim_scenario_free(sc);
  ck_assert_int_eq(remove_tree(base), 0);
}
END_TEST

/* The grid of test_sweep_table described with tu_two_sectors. */
static fsim_scenario *described(const char *base, fsim_plot_sweep *sw) {
  char path[700];
  snprintf(path, sizeof path, "%s/sweep.csv", base);
  const int in_order[] = {0, 1, 2, 3, 4, 5};
  write_sweep(path, in_order, 6);
  fsim_error err;
  ck_assert_int_eq(fsim_plot_sweep_read_table(sw, path, NULL, &err), FSIM_OK);
  fsim_scenario *sc = tu_load(tu_two_sectors);
  ck_assert_int_eq(fsim_plot_sweep_describe(sw, sc, &err), FSIM_OK);
  return sc;
}

START_TEST(test_sweep_describe) {
  char base[512];
  make_base(base, sizeof base);
  fsim_plot_sweep sw;
  fsim_scenario *sc = described(base, &sw);
  /* Units and scales: persons in thousands past 10,000, shares in %. */
  const fsim_sweep_metric *losses = &sw.metrics[0], *cut = &sw.metrics[1];
  ck_assert_int_eq(losses->unit, FSIM_UNIT_PERSONS);
  ck_assert(losses->scale == 0.001);
  ck_assert_str_eq(losses->title, "Losses of Red over the run (thousands of persons)");
  ck_assert_str_eq(losses->axis, "Losses (thousands of persons)");
  ck_assert_int_eq(cut->unit, FSIM_UNIT_SHARE);
  ck_assert(cut->scale == 100.0);
  ck_assert_str_eq(cut->title, "Supply route in p-2 cut by the last day (% of replications)");
  ck_assert_int_eq(sw.metrics[2].unit, FSIM_UNIT_DAY);
  ck_assert_ptr_nonnull(strstr(sw.metrics[3].title, "as claimed by Blue's side"));
  /* tu_two_sectors lists no metrics: the headline ones are charted, others on
   * request, and a metric never defined not at all. */
  ck_assert_int_eq(losses->is_default, 1);
  ck_assert_int_eq(cut->is_default, 1);
  ck_assert_int_eq(sw.metrics[2].is_default, 0);
  ck_assert_int_eq(sw.metrics[3].is_default, 0);
  /* Along x the parameter with more values, one line per value of the other. */
  ck_assert_int_eq(sw.method, 0);
  ck_assert_int_eq(sw.x_param, 1);
  ck_assert_int_eq(sw.line_param, 0);
  fsim_plot_sweep_free(&sw);
  fsim_scenario_free(sc);
  ck_assert_int_eq(remove_tree(base), 0);
}
END_TEST

START_TEST(test_sweep_indices) {
  char base[512], path[700];
  make_base(base, sizeof base);
  fsim_plot_sweep sw;
  fsim_scenario *sc = described(base, &sw);
  snprintf(path, sizeof path, "%s/sensitivity.csv", base);
  static const char header[] =
      "metric,parameter,first,first_ci95_low,first_ci95_high,total,total_ci95_low,total_ci95_high,"
      "variance,noise_share\n";
  char text[1024];
  snprintf(text, sizeof text,
           "%sred.losses,sides.red.reserve,0.1,0,0.2,0.2,0.1,0.3,5,0.05\n"
           "red.losses,sectors.[0].width_km,0.6,0.5,0.7,0.7,0.6,0.8,5,0.05\n"
           "p-2.route_cut,sides.red.reserve,,,,,,,0,\n"
           "p-2.route_cut,sectors.[0].width_km,,,,,,,0,\n",
           header);
  write_text(path, text);
  fsim_error err;
  ck_assert_int_eq(fsim_plot_sweep_read_indices(&sw, path, &err), FSIM_OK);
  /* Largest total index first. */
  ck_assert_int_eq(sw.metrics[0].has_indices, 1);
  ck_assert_str_eq(sw.metrics[0].order, "sectors.[0].width_km sides.red.reserve");
  ck_assert(sw.metrics[0].noise_share == 0.05);
  /* A metric that did not vary has no index to chart. */
  ck_assert_int_eq(sw.metrics[1].has_indices, 0);
  /* Rows of something the sweep does not have, or a wrong file. */
  snprintf(text, sizeof text, "%sblue.losses,sides.red.reserve,0.1,0,0.2,0.2,0.1,0.3,5,0.05\n",
           header);
  write_text(path, text);
  ck_assert_int_eq(fsim_plot_sweep_read_indices(&sw, path, &err), FSIM_E_INPUT);
  ck_assert_ptr_nonnull(strstr(err.message, "blue.losses"));
  write_text(path, "metric,parameter\n");
  ck_assert_int_eq(fsim_plot_sweep_read_indices(&sw, path, &err), FSIM_E_INPUT);
  fsim_plot_sweep_free(&sw);
  fsim_scenario_free(sc);
  ck_assert_int_eq(remove_tree(base), 0);
}
END_TEST

START_TEST(test_sweep_charts) {
  char base[512];
  make_base(base, sizeof base);
  fsim_plot_sweep sw;
  fsim_scenario *sc = described(base, &sw);
  fsim_plot_run run;
  memset(&run, 0, sizeof run);
  run.sc = sc;
  run.replications = 4;
  snprintf(run.source, sizeof run.source, "Source: test");
  fsim_error err;
  ck_assert_int_eq(fsim_plot_sweep_charts(&run, &sw, &err), FSIM_OK);
  /* A grid of two parameters: an effect chart and a heat map per metric that
   * has a value somewhere (not p-2.cut_day). */
  ck_assert_int_eq(run.ncharts, 6);
  ck_assert_str_eq(run.charts[0].name, "effect_red.losses");
  ck_assert_str_eq(run.charts[0].template_name, "sweep_lines");
  ck_assert_str_eq(run.charts[1].name, "heatmap_red.losses");
  ck_assert_str_eq(run.charts[5].name, "heatmap_red.claimed_losses");
  /* What --only selects: by default the headline metrics; a metric by name
   * whether or not it is one; a kind among the default ones. */
  int selected = 0;
  for (int i = 0; i < run.ncharts; i++) selected += fsim_chart_selected(&run.charts[i], NULL);
  ck_assert_int_eq(selected, 4);
  ck_assert_int_eq(fsim_chart_selected(&run.charts[5], NULL), 0);
  ck_assert_int_eq(fsim_chart_selected(&run.charts[5], "red.claimed_losses"), 1);
  ck_assert_int_eq(fsim_chart_selected(&run.charts[5], "heatmap_red.claimed_losses"), 1);
  ck_assert_int_eq(fsim_chart_selected(&run.charts[5], "heatmap"), 0);
  ck_assert_int_eq(fsim_chart_selected(&run.charts[1], "heatmap"), 1);
  ck_assert_int_eq(fsim_chart_selected(&run.charts[0], "heatmap"), 0);
  /* Every script is complete: each @KEY@ field filled in, the design written. */
  for (int i = 0; i < run.ncharts; i++) {
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    ck_assert_ptr_nonnull(mem);
    fsim_status st =
        fsim_plot_write_script(mem, &run, &run.charts[i], FSIM_PLOT_SVG, "x.svg", &err);
    fclose(mem);
    ck_assert_msg(st == FSIM_OK, "%s: %s", run.charts[i].name, err.message);
    ck_assert_ptr_nonnull(strstr(text, "params = 'sides.red.reserve sectors.[0].width_km'"));
    ck_assert_ptr_nonnull(strstr(text, "values_2 = '30 35 40'"));
    ck_assert_ptr_nonnull(strstr(text, "from the sweep in the parent directory"));
    ck_assert_ptr_null(strstr(text, "set xdata time"));
    free(text);
  }
  fsim_plot_run_free(&run);

  /* Not a grid (lhs): scatter panels, no heat map; sobol adds the indices. */
  sw.grid = 0;
  sw.method = 2; /* sobol */
  sw.metrics[0].has_indices = 1;
  snprintf(sw.metrics[0].order, sizeof sw.metrics[0].order, "%s",
           "sides.red.reserve sectors.[0].width_km");
  sw.metrics[0].noise_share = 0.1;
  memset(&run, 0, sizeof run);
  run.sc = sc;
  run.replications = 4;
  ck_assert_int_eq(fsim_plot_sweep_charts(&run, &sw, &err), FSIM_OK);
  ck_assert_int_eq(run.ncharts, 4);
  ck_assert_str_eq(run.charts[0].template_name, "sweep_scatter");
  ck_assert_str_eq(run.charts[1].name, "sensitivity_red.losses");
  ck_assert_str_eq(run.charts[1].data, "../sensitivity.csv");
  char *text = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&text, &len);
  ck_assert_int_eq(fsim_plot_write_script(mem, &run, &run.charts[1], FSIM_PLOT_PNG, "x.png", &err),
                   FSIM_OK);
  fclose(mem);
  ck_assert_ptr_nonnull(strstr(text, "order = 'sides.red.reserve sectors.[0].width_km'"));
  ck_assert_ptr_nonnull(strstr(text, "noise_share = 0.1\n"));
  free(text);
  fsim_plot_run_free(&run);
  fsim_plot_sweep_free(&sw);
  fsim_scenario_free(sc);
  ck_assert_int_eq(remove_tree(base), 0);
}
END_TEST

/* Every character a display name may hold, and quotes where gnuplot's own escape
 * fails (first, last, two in a row), comes back from gnuplot as written. */
START_TEST(test_put_quoted) {
  if (!have_gnuplot("test_put_quoted")) return;
  char printable[96];
  for (int c = 0x20; c < 0x7f; c++) printable[c - 0x20] = (char)c;
  printable[0x7f - 0x20] = '\0';
  const char *texts[] = {"'Azov' brigade", "a''b", "''", "'", "end'", "\"q\" and \\ back",
                         "@TITLE@ % $x", "Kursk \xe2\x80\x93 Pokrovsk", printable};
  char dir[] = "/tmp/fsim-quote-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
    char script[64], out[64], cmd[256];
    snprintf(script, sizeof script, "%s/q.gp", dir);
    snprintf(out, sizeof out, "%s/q.txt", dir);
    FILE *fp = fopen(script, "w");
    fprintf(fp, "set print '%s'\nx = '", out);
    fsim_plot_put_quoted(fp, texts[i]);
    fputs("'\nprint x\n", fp);
    fclose(fp);
    snprintf(cmd, sizeof cmd, "%s '%s' 2>&1", fsim_gnuplot_program(NULL), script);
    FILE *p = popen(cmd, "r");
    char complaint[512] = "";
    size_t n = fread(complaint, 1, sizeof complaint - 1, p);
    complaint[n] = '\0';
    ck_assert_int_eq(pclose(p), 0);
    fp = fopen(out, "r");
    ck_assert_ptr_nonnull(fp);
    char got[256] = "";
    ck_assert_ptr_nonnull(fgets(got, sizeof got, fp));
    fclose(fp);
    got[strcspn(got, "\n")] = '\0';
    ck_assert_msg(strcmp(got, texts[i]) == 0, "sent <%s>, gnuplot printed <%s> %s", texts[i], got,
                  complaint);
  }
  ck_assert_int_eq(fsim_remove_tree(dir), 0);
}
END_TEST

/* The date axis ends for any range: a run ending in the year 3000 (the month loop
 * once met 1970-01-01 again and never ended), a range of a single day, a reversed
 * one and the extremes of a long. The output stays small and dated. */
static char *date_ticks(long first, long last, long start) {
  char *text = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&text, &len);
  ck_assert_ptr_nonnull(mem);
  fsim_plot_write_date_ticks(mem, first, last, start);
  fclose(mem);
  ck_assert_uint_lt(len, 20000);
  return text;
}

START_TEST(test_date_ticks_any_range) {
  long d = 0;
  ck_assert(fsim_date_parse("2999-06-01", &d));
  char *text = date_ticks(d - 1, d + 399, d);
  ck_assert_ptr_nonnull(strstr(text, "date_of('3000-01-01')"));
  ck_assert_ptr_null(strstr(text, "1970-01-01"));
  free(text);
  const long cases[][3] = {{d, d, d},           {d + 5, d, d},         {LONG_MIN, LONG_MAX, 0},
                           {LONG_MAX - 1, LONG_MAX, LONG_MIN}, {0, 3000000, -3000000},
                           {-800000, 100, 5}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    text = date_ticks(cases[i][0], cases[i][1], cases[i][2]);
    ck_assert_msg(strstr(text, "date_of('") != NULL, "case %zu: no tick", i);
    free(text);
  }
}
END_TEST

/* A source line's label or file too long is shortened near a word's end with "...",
 * never inside a UTF-8 character; a short one is left as it is. */
START_TEST(test_short_text) {
  char buf[64];
  ck_assert_str_eq(fsim_plot_short(buf, sizeof buf, "kursk-pokrovsk", 30), "kursk-pokrovsk");
  ck_assert_str_eq(fsim_plot_short(buf, sizeof buf, "alpha beta gamma delta epsilon", 20),
                   "alpha beta gamma...");
  /* "é" is two bytes; a cut in the middle of it backs up to its start. */
  ck_assert_str_eq(fsim_plot_short(buf, sizeof buf, "ééééééééééé", 10), "ééé...");
  ck_assert_uint_le(strlen(fsim_plot_short(buf, sizeof buf,
                                           "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                                           200)),
                    63);
}
END_TEST

/* A source line longer than FSIM_SOURCE_CHARS has its longest part that may be
 * shortened cut by its kind's rule, its fixed parts whole: a what-if's label split
 * into its name and its overrides, every override kept with its value (the line
 * named only the first before); a line that fits is left as it is. */
START_TEST(test_source_line) {
  char out[FSIM_CHART_TEXT], head[FSIM_CHART_TEXT], buf[FSIM_CHART_TEXT];
  const char *label = "kursk-pokrovsk, sides.red.rules.[0].threshold=3.5, "
                      "sides.red.rules.[0].daily_cap=1000, sides.red.rules.[0].donor_floor=1.5";
  fsim_source_part parts[FSIM_SOURCE_PARTS];
  parts[0] = (fsim_source_part){"Source: frontsim 0.1.0, ", 0};
  int n = fsim_plot_label_parts(parts + 1, head, sizeof head, label, "scenarios/kursk-pokrovsk.cfg");
  ck_assert_int_eq(n, 3); /* the name, ", ", the list: the file not named again */
  parts[n + 1] = (fsim_source_part){", 20 replications, seed 20250105", 0};
  fsim_plot_source(out, sizeof out, parts, n + 2);
  ck_assert_uint_le(strlen(out), FSIM_SOURCE_CHARS);
  ck_assert_str_eq(out, "Source: frontsim 0.1.0, kursk-pokrovsk, thres...=3.5, dail...=1000, "
                        "donor...=1.5, 20 replications, seed 20250105");
  /* Room for the count: it says how many, each override whole but its path. */
  ck_assert_str_eq(fsim_plot_overrides(buf, sizeof buf, label + 16, 80),
                   "3 overrides: threshold=3.5, daily_cap=1000, donor_floor=1.5");
  /* Less room: each key loses its end, every value stays. */
  ck_assert_str_eq(fsim_plot_overrides(buf, sizeof buf, label + 16, 40),
                   "thres...=3.5, dail...=1000, donor...=1.5");
  /* A value's own ", " stays in its item; a list that fits is as it was. */
  ck_assert_str_eq(fsim_plot_overrides(buf, sizeof buf, "a.b=[1, 2], c=3", 40), "a.b=[1, 2], c=3");
  ck_assert_str_eq(fsim_plot_overrides(buf, sizeof buf, "sides.a.b=[1, 2], sides.c=3", 20),
                   "b=[1, 2], c=3");
  /* Two overrides whose keys end alike keep the part that tells them apart, red's
   * and blue's, and their values, however little the room: the old rule made them
   * "intel_s...=0.3" and "intel_s...=0.2", or lost the values ("intel..."). */
  const char *sides = "sides.red.intel_sigma=0.3, sides.blue.intel_sigma=0.2";
  ck_assert_str_eq(fsim_plot_overrides(buf, sizeof buf, sides, 41),
                   "red.intel_sigma=0.3, blue.intel_sigma=0.2");
  ck_assert_str_eq(fsim_plot_overrides(buf, sizeof buf, sides, 30),
                   "red.int...=0.3, blue.int...=0.2");
  ck_assert_str_eq(fsim_plot_overrides(buf, sizeof buf, sides, 12), "red.int...=0.3, blue.int...=0.2");
  /* The same key set twice is one key: nothing to tell apart (the last part). */
  ck_assert_str_eq(fsim_plot_overrides(buf, sizeof buf, "a.b.delay=3, a.b.delay=4, c.d.x=1", 28),
                   "delay=3, delay=4, x=1");
  /* Rules of one side: the index tells them apart. */
  ck_assert_str_eq(fsim_plot_overrides(buf, sizeof buf,
                                       "sides.red.rules.[0].delay=7, sides.red.rules.[1].delay=9", 30),
                   "[0].delay=7, [1].delay=9");
  /* A sweep's longer fixed text, a long name and an override: the list is asked as
   * short as its rule makes it, and the line fits (it was asked 12 characters and
   * came to 113). */
  n = fsim_plot_label_parts(parts + 1, head, sizeof head,
                            "assumption-screening, sides.red.intel_sigma=0.3",
                            "scenarios/sweeps/assumption-screening.cfg");
  parts[n + 1] = (fsim_source_part){", 22-point morris sweep x 2 replications, seed 20250105", 0};
  fsim_plot_source(out, sizeof out, parts, n + 2);
  ck_assert_uint_le(strlen(out), FSIM_SOURCE_CHARS);
  ck_assert_ptr_nonnull(strstr(out, "assumption-screening, int"));
  ck_assert_ptr_nonnull(strstr(out, "...=0.3, 22-point"));
  /* A name that is not the file's: the file follows in brackets. */
  n = fsim_plot_label_parts(parts, head, sizeof head, "my what-if", "dir/kursk-pokrovsk.cfg");
  ck_assert_int_eq(n, 4);
  ck_assert_str_eq(parts[2].text, "dir/kursk-pokrovsk.cfg");
  const fsim_source_part fits[] = {{"Source: ", 0}, {"kursk-pokrovsk", 1}};
  ck_assert_str_eq(fsim_plot_source(out, sizeof out, fits, 2), "Source: kursk-pokrovsk");
}
END_TEST

Suite *plot_suite(void) {
  Suite *s = suite_create("plot");
  TCase *tc = tcase_create("fsim_plot_format_parse");
  tcase_add_test(tc, test_format_parse);
  tcase_add_test(tc, test_date_ticks_any_range);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_plot_put_quoted");
  tcase_add_test(tc, test_put_quoted);
  tcase_add_test(tc, test_short_text);
  tcase_add_test(tc, test_source_line);
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
  tc = tcase_create("sweeps");
  tcase_add_test(tc, test_dir_kind);
  tcase_add_test(tc, test_sweep_table);
  tcase_add_test(tc, test_sweep_table_levels);
  tcase_add_test(tc, test_sweep_describe);
  tcase_add_test(tc, test_sweep_indices);
  tcase_add_test(tc, test_sweep_charts);
  suite_add_tcase(s, tc);
  return s;
}
