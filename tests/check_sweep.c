/* Sweeps step by step (the API the MPI driver uses): resuming, refusing a resume whose
 * setup changed, and what a worker's job may and may not do. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "frontsim/frontsim.h"
#include "suites.h"
#include "testutil.h"

#define SCENARIO FSIM_SOURCE_DIR "/tests/data/sweep.cfg"

static fsim_sweep *prepare(void) {
  fsim_sweep *sw = NULL;
  fsim_error err;
  ck_assert_msg(fsim_sweep_prepare(SCENARIO, NULL, &sw, &err) == FSIM_OK, "%s", err.message);
  return sw;
}

static void options(fsim_sweep_options *opt, long reps, int resume) {
  fsim_sweep_options_init(opt);
  opt->replications = reps;
  opt->threads = 1;
  opt->resume = resume;
}

/* Runs `count` points of a fresh job in dir and stops without finishing, as an
 * interrupted sweep does: dir.partial keeps the journal. */
static void run_some(fsim_sweep *sw, const char *dir, long reps, int count) {
  fsim_sweep_options opt;
  options(&opt, reps, 0);
  fsim_sweep_job *job = NULL;
  fsim_error err;
  ck_assert_msg(fsim_sweep_begin(sw, &opt, dir, &job, &err) == FSIM_OK, "%s", err.message);
  for (int i = 0; i < count; i++) {
    long p = fsim_sweep_job_next(job);
    ck_assert_int_ge(p, 0);
    const char *record = NULL;
    ck_assert_int_eq(fsim_sweep_point_record(job, p, &record, &err), FSIM_OK);
    ck_assert_int_eq(fsim_sweep_job_add(job, record, &err), FSIM_OK);
  }
  fsim_sweep_job_free(job);
}

static char *temp_dir(void) {
  char tmpl[] = "/tmp/fsim-sweep-XXXXXX";
  char *d = mkdtemp(tmpl);
  ck_assert_ptr_nonnull(d);
  return strdup(d);
}

static void remove_all(const char *dir) {
  ck_assert_int_eq(fsim_remove_tree(dir), 0);
}

/* An interrupted sweep resumes where it stopped; a resume with other replications
 * (another setup) is refused before any work, and frees what it read (the ASan and
 * valgrind runs of this suite see a leak otherwise). */
START_TEST(test_resume) {
  char *tmp = temp_dir();
  char dir[600];
  snprintf(dir, sizeof dir, "%s/out", tmp);
  fsim_sweep *sw = prepare();
  run_some(sw, dir, 4, 3);

  fsim_sweep_options opt;
  options(&opt, 5, 1);
  fsim_sweep_job *job = NULL;
  fsim_error err;
  ck_assert_int_eq(fsim_sweep_begin(sw, &opt, dir, &job, &err), FSIM_E_INPUT);
  ck_assert_ptr_null(job);
  ck_assert_ptr_nonnull(strstr(err.message, "started with another scenario"));

  options(&opt, 4, 1);
  ck_assert_msg(fsim_sweep_begin(sw, &opt, dir, &job, &err) == FSIM_OK, "%s", err.message);
  ck_assert_int_eq(fsim_sweep_job_remaining(job), fsim_sweep_points(sw) - 3);
  /* A record of a point already journalled is refused: a scheduler's fault (status 1),
   * not the user's input. */
  const char *record = NULL;
  ck_assert_int_eq(fsim_sweep_point_record(job, 0, &record, &err), FSIM_OK);
  ck_assert_int_eq(fsim_sweep_job_add(job, record, &err), FSIM_E_IO);
  ck_assert_ptr_nonnull(strstr(err.message, "unexpected record for point 0"));
  long p;
  while ((p = fsim_sweep_job_next(job)) >= 0) {
    ck_assert_int_eq(fsim_sweep_point_record(job, p, &record, &err), FSIM_OK);
    ck_assert_int_eq(fsim_sweep_job_add(job, record, &err), FSIM_OK);
  }
  ck_assert_msg(fsim_sweep_job_finish(job, &err) == FSIM_OK, "%s", err.message);
  /* Finishing twice is refused, not a crash. */
  ck_assert_int_eq(fsim_sweep_job_finish(job, &err), FSIM_E_INPUT);
  fsim_sweep_job_free(job);
  char csv[700];
  snprintf(csv, sizeof csv, "%s/sweep.csv", dir);
  struct stat sb;
  ck_assert_int_eq(stat(csv, &sb), 0);
  fsim_sweep_free(sw);
  remove_all(tmp);
  free(tmp);
}
END_TEST

/* One process per sweep directory: while a job holds dir, a second begin on it (a
 * requeued job's --resume, or a fresh sweep into the same output) is refused as a
 * fault, before it touches the staging directory; once the first is freed, the
 * resume goes on. A resume with another shard is the user's choice: bad input. */
START_TEST(test_one_process_per_directory) {
  char *tmp = temp_dir();
  char dir[600], journal[700];
  snprintf(dir, sizeof dir, "%s/out", tmp);
  snprintf(journal, sizeof journal, "%s.partial/points.journal", dir);
  fsim_sweep *sw = prepare();
  fsim_sweep_options opt;
  options(&opt, 3, 0);
  fsim_sweep_job *first = NULL, *second = NULL;
  fsim_error err;
  ck_assert_int_eq(fsim_sweep_begin(sw, &opt, dir, &first, &err), FSIM_OK);
  for (int resume = 0; resume <= 1; resume++) {
    options(&opt, 3, resume);
    ck_assert_int_eq(fsim_sweep_begin(sw, &opt, dir, &second, &err), FSIM_E_IO);
    ck_assert_ptr_null(second);
    char who[64]; /* the holder named by its kind and pid, as the lock file records them */
    snprintf(who, sizeof who, "another frontsim sweep (pid %ld) is working on", (long)getpid());
    ck_assert_msg(strstr(err.message, who) != NULL, "%s", err.message);
    struct stat sb;
    ck_assert_int_eq(stat(journal, &sb), 0);
  }
  fsim_sweep_job_free(first);
  options(&opt, 3, 1);
  opt.shard_k = 1;
  opt.shard_n = 2;
  ck_assert_int_eq(fsim_sweep_begin(sw, &opt, dir, &second, &err), FSIM_E_INPUT);
  ck_assert_ptr_nonnull(strstr(err.message, "started without --shard, not with --shard 1/2"));
  options(&opt, 3, 1);
  ck_assert_msg(fsim_sweep_begin(sw, &opt, dir, &second, &err) == FSIM_OK, "%s", err.message);
  fsim_sweep_job_free(second);
  fsim_sweep_free(sw);
  remove_all(tmp);
  free(tmp);
}
END_TEST

/* A worker's job (no directory) computes records and nothing else: adding or
 * finishing is refused with FSIM_E_INPUT (it used to close a NULL journal). */
START_TEST(test_worker_job) {
  fsim_sweep *sw = prepare();
  fsim_sweep_options opt;
  options(&opt, 3, 0);
  fsim_sweep_job *job = NULL;
  fsim_error err;
  ck_assert_int_eq(fsim_sweep_begin(sw, &opt, NULL, &job, &err), FSIM_OK);
  const char *record = NULL;
  ck_assert_int_eq(fsim_sweep_point_record(job, 5, &record, &err), FSIM_OK);
  ck_assert_int_eq(strtol(record, NULL, 10), 5);
  ck_assert_int_eq(fsim_sweep_job_add(job, record, &err), FSIM_E_INPUT);
  ck_assert_int_eq(fsim_sweep_job_finish(job, &err), FSIM_E_INPUT);
  ck_assert_ptr_nonnull(strstr(err.message, "no journal"));
  fsim_sweep_job_free(job);
  fsim_sweep_free(sw);
}
END_TEST

/* The scenario is read by the one text reader: /dev/zero is refused at once, not read
 * until memory runs out. */
/* An lhs design spreads its strata evenly over a categorical parameter's levels:
 * 12 points over 3 levels take each exactly 4 times, shown by name in the record. */
START_TEST(test_lhs_levels_even) {
  fsim_overrides *ov = fsim_overrides_new();
  fsim_error err;
  ck_assert_int_eq(fsim_overrides_add(ov, "sweep.method=lhs", &err), FSIM_OK);
  ck_assert_int_eq(fsim_overrides_add(ov, "sweep.points=12", &err), FSIM_OK);
  ck_assert_int_eq(fsim_overrides_add_param(
                       ov, "sides.red.rules.[0].donors=a:[\"p\",\"reserve\"]|b:[\"reserve\",\"p\"]|c:[\"reserve\"]", &err),
                   FSIM_OK);
  ck_assert_int_eq(fsim_overrides_add_param(ov, "sides.red.rules.[0].threshold=1:3", &err), FSIM_OK);
  fsim_sweep *sw = NULL;
  ck_assert_msg(fsim_sweep_prepare(SCENARIO, ov, &sw, &err) == FSIM_OK, "%s", err.message);
  ck_assert_int_eq(fsim_sweep_points(sw), 12);
  fsim_sweep_options opt;
  options(&opt, 1, 0);
  fsim_sweep_job *job = NULL;
  ck_assert_int_eq(fsim_sweep_begin(sw, &opt, NULL, &job, &err), FSIM_OK);
  int seen[3] = {0, 0, 0};
  for (long p = 0; p < 12; p++) {
    const char *record = NULL;
    ck_assert_int_eq(fsim_sweep_point_record(job, p, &record, &err), FSIM_OK);
    const char *level = strchr(record, ',') + 1;
    ck_assert_msg(level[0] >= 'a' && level[0] <= 'c' && level[1] == ',', "record %s", record);
    seen[level[0] - 'a']++;
  }
  ck_assert_int_eq(seen[0], 4);
  ck_assert_int_eq(seen[1], 4);
  ck_assert_int_eq(seen[2], 4);
  fsim_sweep_job_free(job);
  fsim_sweep_free(sw);
  fsim_overrides_free(ov);
}
END_TEST

START_TEST(test_prepare_refuses_devices) {
  fsim_sweep *sw = NULL;
  fsim_error err;
  ck_assert_int_eq(fsim_sweep_prepare("/dev/zero", NULL, &sw, &err), FSIM_E_INPUT);
  ck_assert_ptr_null(sw);
  ck_assert_str_eq(err.file, "/dev/zero");
}
END_TEST

static void write_file(const char *dir, const char *name, const char *text) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *fp = fopen(path, "w");
  ck_assert_ptr_nonnull(fp);
  fputs(text, fp);
  fclose(fp);
}

/* Sobol' indices read as a reader should: an index whose interval contains 0 is marked,
 * and a base sample whose intervals are wider than 0.25 is warned of with the --points
 * that would narrow them (N (w / 0.25)^2: 8 (1 / 0.25)^2 = 128); narrow ones are not. */
START_TEST(test_sobol_summary_and_warning) {
  char dir[] = "/tmp/frontsim-sobol-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  /* Two parameters, N = 8: 8 (2 + 2) = 32 points (the summary needs sweep.csv). */
  write_file(dir, "sweep.csv", "point,a,b,replications,m_mean\n0,1,1,4,3\n1,2,2,4,5\n");
  write_file(dir, "sensitivity.csv",
             "metric,parameter,first,first_ci95_low,first_ci95_high,total,total_ci95_low,"
             "total_ci95_high,variance,noise_share\n"
             "m,a,0.7,0.5,0.9,0.8,0.6,1.1,2,0.01\n"
             "m,b,-0.2,-0.6,0.4,0.05,0.01,0.1,2,0.01\n");
  fsim_error err;
  char *text = NULL;
  ck_assert_int_eq(fsim_sweep_summary_text(dir, &text, &err), FSIM_OK);
  ck_assert_ptr_nonnull(strstr(text, "first -0.2 [-0.6, 0.4] (indistinguishable from 0)"));
  ck_assert_ptr_nonnull(strstr(text, "first 0.7 [0.5, 0.9]  total"));
  ck_assert_ptr_null(strstr(text, "0.05 [0.01, 0.1] (indistinguishable"));
  fsim_free(text);
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  ck_assert_int_eq(fsim_sweep_sobol_warning(dir, 32, out, &err), FSIM_OK);
  fclose(out);
  ck_assert_ptr_nonnull(strstr(buf, "(N = 8) is too small"));
  ck_assert_ptr_nonnull(strstr(buf, "up to 1.00 wide"));
  ck_assert_ptr_nonnull(strstr(buf, "about --points 128 would"));
  free(buf);
  write_file(dir, "sensitivity.csv",
             "metric,parameter,first,first_ci95_low,first_ci95_high,total,total_ci95_low,"
             "total_ci95_high,variance,noise_share\n"
             "m,a,0.7,0.6,0.8,0.8,0.7,0.9,2,0.01\n"
             "m,b,0.1,0.05,0.2,0.15,0.1,0.2,2,0.01\n");
  out = open_memstream(&buf, &len);
  ck_assert_int_eq(fsim_sweep_sobol_warning(dir, 32, out, &err), FSIM_OK);
  fclose(out);
  ck_assert_uint_eq(len, 0);
  free(buf);
  char path[512];
  snprintf(path, sizeof path, "%s/sweep.csv", dir);
  remove(path);
  snprintf(path, sizeof path, "%s/sensitivity.csv", dir);
  remove(path);
  rmdir(dir);
}
END_TEST

Suite *sweep_suite(void) {
  Suite *s = suite_create("sweep");
  TCase *tc = tcase_create("fsim_sweep_begin");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_resume);
  tcase_add_test(tc, test_one_process_per_directory);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_sweep_prepare");
  tcase_add_test(tc, test_prepare_refuses_devices);
  tcase_add_test(tc, test_lhs_levels_even);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_sweep_job_finish");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_worker_job);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_sweep_summarize");
  tcase_add_test(tc, test_sobol_summary_and_warning);
  suite_add_tcase(s, tc);
  return s;
}
