/* Files never seen half-written: a file appears only when committed, a failed commit
 * leaves no temporary file, and abort is safe to call on any fsim_file. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fileio.h"
#include "suites.h"

static char dir[64];

static void setup(void) {
  snprintf(dir, sizeof dir, "/tmp/fsim-fileio-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void) { fsim_remove_tree(dir); }

static int exists(const char *path) {
  struct stat sb;
  return stat(path, &sb) == 0;
}

/* Entries of dir other than . and .. */
static int entries(void) {
  char cmd[128];
  snprintf(cmd, sizeof cmd, "ls -A '%s' | wc -l", dir);
  FILE *p = popen(cmd, "r");
  int n = -1;
  ck_assert_int_eq(fscanf(p, "%d", &n), 1);
  pclose(p);
  return n;
}

START_TEST(test_commit_then_abort) {
  char path[128];
  snprintf(path, sizeof path, "%s/a.csv", dir);
  fsim_file f;
  fsim_error err;
  ck_assert_int_eq(fsim_file_open(&f, path, &err), FSIM_OK);
  fputs("x\n", f.fp);
  ck_assert(!exists(path)); /* not before the commit */
  ck_assert_int_eq(fsim_file_commit(&f, &err), FSIM_OK);
  ck_assert(exists(path));
  fsim_file_abort(&f); /* a no-op now: the committed file stays */
  ck_assert(exists(path));
  ck_assert_int_eq(entries(), 1);
}
END_TEST

START_TEST(test_abort) {
  char path[128];
  snprintf(path, sizeof path, "%s/b.csv", dir);
  fsim_file f;
  fsim_error err;
  ck_assert_int_eq(fsim_file_open(&f, path, &err), FSIM_OK);
  fputs("x\n", f.fp);
  fsim_file_abort(&f);
  fsim_file_abort(&f); /* twice is harmless */
  ck_assert_int_eq(entries(), 0);
  fsim_file zero = {0};
  fsim_file_abort(&zero); /* never opened */
  snprintf(path, sizeof path, "%s/no/such/dir/c.csv", dir);
  ck_assert_int_eq(fsim_file_open(&f, path, &err), FSIM_E_IO);
  fsim_file_abort(&f); /* failed to open */
}
END_TEST

/* A commit that cannot rename into place (a directory holds the name) fails with
 * FSIM_E_IO naming the file, and removes its temporary file. */
START_TEST(test_commit_fails) {
  char path[128];
  snprintf(path, sizeof path, "%s/d.csv", dir);
  ck_assert_int_eq(mkdir(path, 0777), 0);
  char inside[160];
  snprintf(inside, sizeof inside, "%s/keep", path);
  FILE *k = fopen(inside, "w");
  ck_assert_ptr_nonnull(k);
  fclose(k);
  fsim_file f;
  fsim_error err;
  ck_assert_int_eq(fsim_file_open(&f, path, &err), FSIM_OK);
  fputs("x\n", f.fp);
  ck_assert_int_eq(fsim_file_commit(&f, &err), FSIM_E_IO);
  ck_assert_str_eq(err.file, path);
  fsim_file_abort(&f);
  ck_assert_int_eq(entries(), 1); /* the directory only: no temporary file left */
}
END_TEST

/* One reader for every text file: whole, NUL-terminated, with its length; a missing
 * file, a NUL byte (/dev/zero) and a file over the limit are refused as bad input. */
START_TEST(test_read_text) {
  char path[128];
  snprintf(path, sizeof path, "%s/t.cfg", dir);
  FILE *fp = fopen(path, "w");
  fputs("a = 1;\n", fp);
  fclose(fp);
  char *text = NULL;
  size_t len = 0;
  fsim_error err;
  ck_assert_int_eq(fsim_read_text(path, "the scenario", &text, &len, &err), FSIM_OK);
  ck_assert_str_eq(text, "a = 1;\n");
  ck_assert_uint_eq(len, 7);
  free(text);

  snprintf(path, sizeof path, "%s/missing.cfg", dir);
  ck_assert_int_eq(fsim_read_text(path, "the scenario", &text, &len, &err), FSIM_E_INPUT);
  ck_assert_ptr_null(text);
  ck_assert_ptr_nonnull(strstr(err.message, "cannot open the scenario"));

  ck_assert_int_eq(fsim_read_text(dir, "the scenario", &text, NULL, &err), FSIM_E_INPUT);
  ck_assert_ptr_nonnull(strstr(err.message, "is a directory"));

  ck_assert_int_eq(fsim_read_text("/dev/zero", "the scenario", &text, NULL, &err), FSIM_E_INPUT);
  ck_assert_ptr_nonnull(strstr(err.message, "NUL byte"));

  snprintf(path, sizeof path, "%s/big.cfg", dir);
  fp = fopen(path, "w");
  static char block[1 << 16];
  memset(block, 'a', sizeof block);
  for (size_t n = 0; n <= FSIM_TEXT_MAX_BYTES; n += sizeof block) fwrite(block, 1, sizeof block, fp);
  fclose(fp);
  ck_assert_int_eq(fsim_read_text(path, "the scenario", &text, NULL, &err), FSIM_E_INPUT);
  ck_assert_ptr_nonnull(strstr(err.message, "too large"));
  ck_assert_ptr_null(text);
}
END_TEST

/* A pid that no longer runs: a child's, once it has exited and been reaped. */
static long dead_pid(void) {
  pid_t pid = fork();
  if (pid == 0) _exit(0);
  waitpid(pid, NULL, 0);
  return (long)pid;
}

static void make_output(const char *path, const char *content) {
  ck_assert_int_eq(mkdir(path, 0777), 0);
  char file[512];
  snprintf(file, sizeof file, "%s/%s", path, FSIM_OUTPUT_MARKER);
  FILE *fp = fopen(file, "w");
  fputs(content, fp);
  fclose(fp);
}

static int has(const char *path, const char *content) {
  char file[512], got[64] = "";
  snprintf(file, sizeof file, "%s/%s", path, FSIM_OUTPUT_MARKER);
  FILE *fp = fopen(file, "r");
  if (!fp) return 0;
  char *ok = fgets(got, sizeof got, fp);
  fclose(fp);
  return ok && strcmp(got, content) == 0;
}

/* The next run on a target finds what a dead run left beside it (docs/ARCHITECTURE.md):
 * the earlier output in target.old-<pid>-<host> is put back when target is missing; a
 * dead run's staging directory is removed; a live run's, or another host's, is kept. */
START_TEST(test_outdir_recover) {
  char host[64] = "";
  gethostname(host, sizeof host - 1);
  char target[128], old[256], dead[256], live[256], other[256];
  snprintf(target, sizeof target, "%s/out", dir);
  snprintf(old, sizeof old, "%s.old-%ld-%s", target, dead_pid(), host);
  snprintf(dead, sizeof dead, "%s.partial-%ld-%s", target, dead_pid(), host);
  snprintf(live, sizeof live, "%s.partial-%ld-%s", target, (long)getpid(), host);
  snprintf(other, sizeof other, "%s.partial-%ld-not-%s", target, dead_pid(), host);
  make_output(old, "earlier\n");
  make_output(dead, "staging\n");
  make_output(live, "live\n");
  make_output(other, "other\n");
  fsim_error err;
  ck_assert_int_eq(fsim_outdir_check_target(target, &err), FSIM_OK);
  ck_assert(has(target, "earlier\n"));
  ck_assert(!exists(old));
  ck_assert(!exists(dead));
  ck_assert(has(live, "live\n"));
  ck_assert(has(other, "other\n"));
  /* Once target is back, another old copy of a dead owner is only removed. */
  make_output(old, "older\n");
  ck_assert_int_eq(fsim_outdir_check_target(target, &err), FSIM_OK);
  ck_assert(has(target, "earlier\n"));
  ck_assert(!exists(old));
}
END_TEST

/* Replacing an earlier output leaves the new one in place and nothing beside it. */
START_TEST(test_outdir_replace) {
  char target[128];
  snprintf(target, sizeof target, "%s/out", dir);
  fsim_error err;
  for (int round = 0; round < 2; round++) {
    fsim_outdir od;
    ck_assert_int_eq(fsim_outdir_begin(&od, target, &err), FSIM_OK);
    char path[FSIM_PATH_MAX + 256];
    ck_assert_int_eq(fsim_outdir_path(&od, "a.txt", path, sizeof path, &err), FSIM_OK);
    FILE *fp = fopen(path, "w");
    fprintf(fp, "round %d\n", round);
    fclose(fp);
    ck_assert_int_eq(fsim_outdir_commit(&od, &err), FSIM_OK);
  }
  char a[160], got[32] = "";
  snprintf(a, sizeof a, "%s/a.txt", target);
  FILE *fp = fopen(a, "r");
  ck_assert_ptr_nonnull(fgets(got, sizeof got, fp));
  fclose(fp);
  ck_assert_str_eq(got, "round 1\n");
  ck_assert_int_eq(entries(), 1);
}
END_TEST

/* The manifest a commit writes into the marker tells frontsim's files from the
 * analyst's: a file added later is foreign; charts/ and an older marker without a
 * list are not counted. */
START_TEST(test_outdir_manifest) {
  char target[128], path[FSIM_PATH_MAX + 256], list[256];
  snprintf(target, sizeof target, "%s/out", dir);
  fsim_error err;
  fsim_outdir od;
  ck_assert_int_eq(fsim_outdir_begin(&od, target, &err), FSIM_OK);
  const char *rel[] = {"a.txt", "sub/b.txt"};
  for (int i = 0; i < 2; i++) {
    ck_assert_int_eq(fsim_outdir_path(&od, rel[i], path, sizeof path, &err), FSIM_OK);
    ck_assert_int_eq(fsim_file_write_text(path, "x\n", &err), FSIM_OK);
  }
  ck_assert_int_eq(fsim_outdir_commit(&od, &err), FSIM_OK);
  char *text = NULL;
  snprintf(path, sizeof path, "%s/%s", target, FSIM_OUTPUT_MARKER);
  ck_assert_int_eq(fsim_read_text(path, "marker", &text, NULL, &err), FSIM_OK);
  ck_assert_str_eq(text, FSIM_OUTPUT_MARKER_HEAD "file a.txt\nfile sub/b.txt\n");
  free(text);
  ck_assert_int_eq(fsim_outdir_foreign(target, list, sizeof list), 0);
  snprintf(path, sizeof path, "%s/notes.txt", target);
  ck_assert_int_eq(fsim_file_write_text(path, "mine\n", &err), FSIM_OK);
  snprintf(path, sizeof path, "%s/charts", target);
  ck_assert_int_eq(mkdir(path, 0777), 0);
  snprintf(path, sizeof path, "%s/charts/a.png", target);
  ck_assert_int_eq(fsim_file_write_text(path, "png\n", &err), FSIM_OK);
  ck_assert_int_eq(fsim_outdir_foreign(target, list, sizeof list), 1);
  ck_assert_str_eq(list, "notes.txt");
  snprintf(path, sizeof path, "%s/%s", target, FSIM_OUTPUT_MARKER);
  ck_assert_int_eq(fsim_file_write_text(path, FSIM_OUTPUT_MARKER_HEAD, &err), FSIM_OK);
  ck_assert_int_eq(fsim_outdir_foreign(target, list, sizeof list), 0);
}
END_TEST

/* Write bits taken away (chmod a-w) refuse the directory, a file in it or the parent
 * that would hold the staging directory, for root as for anyone. */
START_TEST(test_outdir_writable) {
  char target[128], path[256], parent[128], under[160];
  snprintf(target, sizeof target, "%s/out", dir);
  make_output(target, FSIM_OUTPUT_MARKER_HEAD);
  fsim_error err;
  ck_assert_int_eq(fsim_outdir_check_writable(target, &err), FSIM_OK);
  snprintf(path, sizeof path, "%s/%s", target, FSIM_OUTPUT_MARKER);
  ck_assert_int_eq(chmod(path, 0444), 0);
  ck_assert_int_eq(fsim_outdir_check_target(target, &err), FSIM_E_INPUT);
  ck_assert_ptr_nonnull(strstr(err.message, "is not writable (" ));
  ck_assert_ptr_nonnull(strstr(err.message, FSIM_OUTPUT_MARKER " is not)"));
  ck_assert_int_eq(chmod(path, 0644), 0);
  ck_assert_int_eq(chmod(target, 0555), 0);
  ck_assert_int_eq(fsim_outdir_check_writable(target, &err), FSIM_E_INPUT);
  ck_assert_str_eq(err.file, target);
  ck_assert_int_eq(chmod(target, 0755), 0);
  snprintf(parent, sizeof parent, "%s/ro", dir);
  ck_assert_int_eq(mkdir(parent, 0555), 0);
  snprintf(under, sizeof under, "%s/a/b", parent);
  ck_assert_int_eq(fsim_outdir_check_target(under, &err), FSIM_E_INPUT);
  ck_assert_str_eq(err.file, under);
  ck_assert_ptr_nonnull(strstr(err.message, "its parent directory"));
  ck_assert_ptr_nonnull(strstr(err.message, "/ro is not writable"));
  ck_assert_int_eq(chmod(parent, 0755), 0);
}
END_TEST

/* A shared lock is granted again, nested, in its process (a command's claim, then the
 * library's own lock); a lock not shared is not; another process is refused and told
 * the holder's pid and what it does. */
START_TEST(test_lock_holder) {
  char path[128];
  snprintf(path, sizeof path, "%s/out.lock", dir);
  fsim_error err;
  fsim_lock outer, inner;
  ck_assert_int_eq(fsim_lock_take_as(&outer, path, "run", 1, &err), FSIM_OK);
  ck_assert_int_eq(fsim_lock_take_as(&inner, path, "sweep", 0, &err), FSIM_OK);
  ck_assert_int_eq(inner.nested, 1);
  fsim_lock_release(&inner);
  ck_assert(exists(path));
  pid_t child = fork(); /* a child is another process: its lock is not nested */
  if (child == 0) {
    fsim_lock other;
    const int busy = fsim_lock_take(&other, path, &err) == FSIM_E_IO && other.busy &&
                     other.holder_pid == (long)getppid() &&
                     strcmp(other.holder_what, "run") == 0;
    _exit(busy ? 0 : 1);
  }
  int status = -1;
  waitpid(child, &status, 0);
  ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  fsim_lock_release(&outer);
  ck_assert(!exists(path));
  fsim_lock own, again;
  ck_assert_int_eq(fsim_lock_take_as(&own, path, "sweep", 0, &err), FSIM_OK);
  ck_assert_int_eq(fsim_lock_take(&again, path, &err), FSIM_E_IO);
  ck_assert_int_eq(again.busy, 1);
  fsim_lock_release(&own);
}
END_TEST

/* The directory frontsim runs in, or one above it, cannot be swapped: refused first. */
START_TEST(test_outdir_cwd) {
  fsim_error err;
  ck_assert_int_eq(fsim_outdir_check_target(".", &err), FSIM_E_INPUT);
  ck_assert_ptr_nonnull(strstr(err.message, "runs in"));
  ck_assert_int_eq(fsim_outdir_check_target("..", &err), FSIM_E_INPUT);
  ck_assert_int_eq(fsim_outdir_check_target("/", &err), FSIM_E_INPUT);
}
END_TEST

Suite *fileio_suite(void) {
  Suite *s = suite_create("fileio");
  TCase *tc = tcase_create("fsim_file_commit");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_commit_then_abort);
  tcase_add_test(tc, test_commit_fails);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_read_text");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_read_text);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_outdir_check_target");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_outdir_recover);
  tcase_add_test(tc, test_outdir_cwd);
  tcase_add_test(tc, test_outdir_writable);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_lock");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_lock_holder);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_outdir_commit");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_outdir_replace);
  tcase_add_test(tc, test_outdir_manifest);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_file_abort");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_abort);
  suite_add_tcase(s, tc);
  return s;
}
