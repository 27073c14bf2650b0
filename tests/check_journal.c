/* The sweep journal (docs/ARCHITECTURE.md, "A sweep"): records read back as written,
 * a torn or corrupt last record detected and cut, damage before the end refused. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "journal.h"
#include "suites.h"

static char dir[64], path[128];

static void setup(void) {
  snprintf(dir, sizeof dir, "/tmp/fsim-journal-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(dir));
  snprintf(path, sizeof path, "%s/%s", dir, FSIM_JOURNAL_NAME);
}

static void teardown(void) { fsim_remove_tree(dir); }

/* A journal with a header and records 0..n-1 ("p,p*10"). */
static void write_journal(int n) {
  char params[] = "a;b", metrics[] = "m", columns[] = "point,a,b,replications,m_mean";
  fsim_journal_info info = {.setup = 0x1234abcdULL, .npoints = 10, .nparams = 2, .method = 1,
                            .bootstrap = 100, .seed = 42, .shard_k = 2, .shard_n = 3,
                            .params = params,
                            .metrics = metrics, .columns = columns};
  FILE *fp = NULL;
  fsim_error err;
  ck_assert_int_eq(fsim_journal_create(path, &info, &fp, &err), FSIM_OK);
  for (int p = 0; p < n; p++) {
    char rec[64];
    snprintf(rec, sizeof rec, "%d,%d", p, p * 10);
    ck_assert_int_eq(fsim_journal_append(fp, path, rec, &err), FSIM_OK);
  }
  fclose(fp);
}

static void append_raw(const char *text) {
  FILE *fp = fopen(path, "a");
  fputs(text, fp);
  fclose(fp);
}

/* Appends a record as the sweep does (with its checksum). */
static void append_record(const char *record) {
  FILE *fp = fopen(path, "a");
  fsim_error err;
  ck_assert_int_eq(fsim_journal_append(fp, path, record, &err), FSIM_OK);
  fclose(fp);
}

static long file_size(void) {
  struct stat sb;
  ck_assert_int_eq(stat(path, &sb), 0);
  return (long)sb.st_size;
}

START_TEST(test_roundtrip) {
  write_journal(3);
  fsim_journal j;
  fsim_error err;
  ck_assert_int_eq(fsim_journal_read(path, 0, &j, &err), FSIM_OK);
  ck_assert_uint_eq(j.info.setup, 0x1234abcdULL);
  ck_assert_int_eq(j.info.npoints, 10);
  ck_assert_int_eq(j.info.nparams, 2);
  ck_assert_int_eq(j.info.method, 1);
  ck_assert_int_eq(j.info.bootstrap, 100);
  ck_assert_uint_eq(j.info.seed, 42);
  ck_assert_int_eq(j.info.shard_k, 2);
  ck_assert_int_eq(j.info.shard_n, 3);
  ck_assert_str_eq(j.info.params, "a;b");
  ck_assert_str_eq(j.info.columns, "point,a,b,replications,m_mean");
  ck_assert_int_eq(j.nrecords, 3);
  ck_assert_int_eq(j.point[2], 2);
  ck_assert_str_eq(j.record[2], "2,20");
  fsim_journal_clear(&j);
}
END_TEST

/* A crash mid-append leaves a line without its newline: left out, and cut off the
 * file when repairing (a resume), so the next record starts on a clean line. */
START_TEST(test_torn_last_record) {
  write_journal(3);
  const long good = file_size();
  append_raw("3,30*00000");
  fsim_journal j;
  fsim_error err;
  ck_assert_int_eq(fsim_journal_read(path, 0, &j, &err), FSIM_OK);
  ck_assert_int_eq(j.nrecords, 3);
  fsim_journal_clear(&j);
  ck_assert_int_gt(file_size(), good); /* not repaired without asking */
  ck_assert_int_eq(fsim_journal_read(path, 1, &j, &err), FSIM_OK);
  ck_assert_int_eq(j.nrecords, 3);
  fsim_journal_clear(&j);
  ck_assert_int_eq(file_size(), good);
}
END_TEST

/* A complete last line whose checksum does not match is not trusted either. */
START_TEST(test_bad_checksum) {
  write_journal(2);
  append_raw("2,99*0000000000000000\n");
  fsim_journal j;
  fsim_error err;
  ck_assert_int_eq(fsim_journal_read(path, 1, &j, &err), FSIM_OK);
  ck_assert_int_eq(j.nrecords, 2);
  fsim_journal_clear(&j);
}
END_TEST

/* A bad line followed by good ones is damage, not a crash: refused as a fault
 * (FSIM_E_IO, exit status 1), never as bad input. */
START_TEST(test_damage_in_the_middle) {
  write_journal(2);
  append_raw("2,99*0000000000000000\n");
  append_record("3,30");
  fsim_error err;
  fsim_journal j;
  ck_assert_int_eq(fsim_journal_read(path, 1, &j, &err), FSIM_E_IO);
  ck_assert_ptr_nonnull(strstr(err.message, "damaged record in the middle"));
  ck_assert_ptr_nonnull(strstr(err.message, "without --resume"));
  ck_assert_int_eq(err.line, 9); /* six header lines, two records, then the bad one */
  ck_assert_int_eq(j.nrecords, 0);
}
END_TEST

START_TEST(test_not_a_journal) {
  fsim_journal j;
  fsim_error err;
  ck_assert_int_eq(fsim_journal_read(path, 0, &j, &err), FSIM_E_INPUT); /* missing */
  ck_assert_ptr_nonnull(strstr(err.message, "no sweep journal"));
  append_raw("# frontsim-sweep-journal 1\n# not a setup line\n# points 1\n");
  ck_assert_int_eq(fsim_journal_read(path, 0, &j, &err), FSIM_E_IO);
  ck_assert_int_eq(err.line, 2);
  ck_assert_int_eq(j.nrecords, 0);
}
END_TEST

/* A header cut short (a full disk or a kill while it was written) holds no record:
 * read as torn, so a resume starts afresh instead of refusing. */
START_TEST(test_torn_header) {
  fsim_journal j;
  fsim_error err;
  append_raw("");
  ck_assert_int_eq(fsim_journal_read(path, 1, &j, &err), FSIM_OK); /* empty */
  ck_assert_int_eq(j.torn_header, 1);
  append_raw("# frontsim-sweep-journal 1\n# setup 00\n# points 40 par");
  ck_assert_int_eq(fsim_journal_read(path, 1, &j, &err), FSIM_OK);
  ck_assert_int_eq(j.torn_header, 1);
  ck_assert_int_eq(j.nrecords, 0);
  fsim_journal_clear(&j);
}
END_TEST

/* An exact repeat of a record (two processes appended the same point) is kept once;
 * a different record of the same point is damage, a fault saying what to do. */
START_TEST(test_duplicates) {
  write_journal(3);
  append_record("1,10");
  fsim_error err;
  fsim_journal j;
  ck_assert_int_eq(fsim_journal_read(path, 1, &j, &err), FSIM_OK);
  ck_assert_int_eq(j.nrecords, 3);
  ck_assert_str_eq(j.record[1], "1,10");
  fsim_journal_clear(&j);
  append_record("2,21");
  ck_assert_int_eq(fsim_journal_read(path, 1, &j, &err), FSIM_E_IO);
  ck_assert_ptr_nonnull(strstr(err.message, "point 2 is recorded twice with different"));
  ck_assert_ptr_nonnull(strstr(err.message, "without --resume"));
  ck_assert_int_eq(j.nrecords, 0);
}
END_TEST

/* A record of a point the design has not is damage too. */
START_TEST(test_point_out_of_design) {
  write_journal(1);
  append_record("10,0");
  fsim_error err;
  fsim_journal j;
  ck_assert_int_eq(fsim_journal_read(path, 0, &j, &err), FSIM_E_IO);
  ck_assert_ptr_nonnull(strstr(err.message, "point 10"));
}
END_TEST

Suite *journal_suite(void) {
  Suite *s = suite_create("journal");
  TCase *tc = tcase_create("fsim_journal_read");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_roundtrip);
  tcase_add_test(tc, test_torn_last_record);
  tcase_add_test(tc, test_bad_checksum);
  tcase_add_test(tc, test_damage_in_the_middle);
  tcase_add_test(tc, test_not_a_journal);
  tcase_add_test(tc, test_torn_header);
  tcase_add_test(tc, test_duplicates);
  tcase_add_test(tc, test_point_out_of_design);
  suite_add_tcase(s, tc);
  return s;
}
