/* output/replace.c: whether an output directory may be replaced (frontsim/output.h).
 * One rule for every kind: the same kind and label, nothing frontsim did not write,
 * or --force; a run of the old format (no frontsim.meta) counts as a run. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "formats.h"
#include "frontsim/output.h"
#include "suites.h"

static char dir[64];

static void setup(void) {
  snprintf(dir, sizeof dir, "/tmp/fsim-replace-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void) { fsim_remove_tree(dir); }

static void put(const char *d, const char *name, const char *text) {
  char path[256];
  fsim_error err;
  snprintf(path, sizeof path, "%s/%s", d, name);
  ck_assert_int_eq(fsim_file_write_text(path, text, &err), FSIM_OK);
}

/* dir/name holding an output of kind and label (kind NULL: an old run, no meta). */
static const char *output(const char *name, const char *kind, const char *label) {
  static char path[128];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  ck_assert_int_eq(mkdir(path, 0777), 0);
  put(path, FSIM_OUTPUT_MARKER, FSIM_OUTPUT_MARKER_HEAD "file summary.csv\n"
                                "file replications.csv\nfile frontsim.meta\n");
  put(path, "summary.csv", "metric\n");
  put(path, "replications.csv", "replication\n");
  if (kind) {
    fsim_run_meta meta;
    memset(&meta, 0, sizeof meta);
    snprintf(meta.kind, sizeof meta.kind, "%s", kind);
    snprintf(meta.label, sizeof meta.label, "%s", label);
    char file[256];
    fsim_error err;
    snprintf(file, sizeof file, "%s/%s", path, FSIM_META_NAME);
    ck_assert_int_eq(fsim_meta_write(file, &meta, &err), FSIM_OK);
  }
  return path;
}

START_TEST(test_same_kind_and_label) {
  fsim_error err;
  const char *d = output("a", "sweep", "kp");
  ck_assert_int_eq(fsim_output_may_replace(d, "sweep", "kp", 0, NULL, &err), FSIM_OK);
  ck_assert_int_eq(fsim_output_may_replace(d, "sweep", "other", 0, NULL, &err), FSIM_E_INPUT);
  ck_assert_ptr_nonnull(strstr(err.message, "holds a sweep labelled \"kp\""));
  ck_assert_ptr_nonnull(strstr(err.message, "--force"));
  ck_assert_int_eq(fsim_output_may_replace(d, "run", "kp", 0, NULL, &err), FSIM_E_INPUT);
  ck_assert_ptr_nonnull(strstr(err.message, "not a run labelled \"kp\""));
  ck_assert_int_eq(fsim_output_may_replace(d, "optimize", "kp", 1, NULL, &err), FSIM_OK);
  char absent[128];
  snprintf(absent, sizeof absent, "%s/none", dir);
  ck_assert_int_eq(fsim_output_may_replace(absent, "discover", "x", 0, NULL, &err), FSIM_OK);
}
END_TEST

START_TEST(test_old_run) {
  fsim_error err;
  const char *d = output("old", NULL, NULL);
  ck_assert_int_eq(fsim_output_may_replace(d, "run", "any", 0, NULL, &err), FSIM_OK);
  ck_assert_int_eq(fsim_output_may_replace(d, "compare", "any", 0, NULL, &err), FSIM_E_INPUT);
  ck_assert_ptr_nonnull(strstr(err.message, "no label recorded"));
  /* An older search: the marker and its files, no meta, not a run's files. */
  char older[128];
  snprintf(older, sizeof older, "%s/older", dir);
  ck_assert_int_eq(mkdir(older, 0777), 0);
  put(older, FSIM_OUTPUT_MARKER, FSIM_OUTPUT_MARKER_HEAD);
  put(older, "optimize.txt", "search\n");
  ck_assert_int_eq(fsim_output_may_replace(older, "optimize", "any", 0, NULL, &err),
                   FSIM_E_INPUT);
  ck_assert_ptr_nonnull(strstr(err.message, "before its kind was recorded"));
}
END_TEST

START_TEST(test_foreign_files) {
  fsim_error err;
  const char *d = output("n", "run", "kp");
  put(d, "my-notes.txt", "x\n");
  int charts = -1;
  ck_assert_int_eq(fsim_output_may_replace(d, "run", "kp", 0, &charts, &err), FSIM_E_INPUT);
  ck_assert_int_eq(charts, 0);
  ck_assert_ptr_nonnull(strstr(err.message, "holds 1 file frontsim did not write (my-notes.txt)"));
  ck_assert_int_eq(fsim_output_may_replace(d, "run", "kp", 1, NULL, &err), FSIM_OK);
}
END_TEST

/* A claim holds DIR.lock until released; an empty label is refused first. */
START_TEST(test_claim) {
  fsim_error err;
  const char *d = output("c", "run", "kp");
  char lock[160];
  snprintf(lock, sizeof lock, "%s.lock", d);
  fsim_output_claim *c = NULL;
  ck_assert_int_eq(fsim_output_claim_dir(d, "run", "", 0, NULL, &c, &err), FSIM_E_INPUT);
  ck_assert_ptr_null(c);
  ck_assert_int_eq(fsim_output_claim_dir(d, "run", "other", 0, NULL, &c, &err), FSIM_E_INPUT);
  ck_assert_ptr_null(c);
  struct stat sb;
  ck_assert_int_ne(stat(lock, &sb), 0);
  ck_assert_int_eq(fsim_output_claim_dir(d, "run", "kp", 0, NULL, &c, &err), FSIM_OK);
  ck_assert_int_eq(stat(lock, &sb), 0);
  fsim_output_claim_release(c);
  ck_assert_int_ne(stat(lock, &sb), 0);
}
END_TEST

Suite *replace_suite(void) {
  Suite *s = suite_create("replace");
  TCase *tc = tcase_create("fsim_output_may_replace");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_same_kind_and_label);
  tcase_add_test(tc, test_old_run);
  tcase_add_test(tc, test_foreign_files);
  tcase_add_test(tc, test_claim);
  suite_add_tcase(s, tc);
  return s;
}
