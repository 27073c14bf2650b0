/* fsim_optimize (experiment/optimize*.c) on a scenario whose optimum is known in
 * closed form (tests/optimize/known.cfg, expected mode, one day), and its refusal of
 * bad input before any work. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fileio.h"
#include "frontsim/optimize.h"
#include "optimize.h"
#include "suites.h"
#include "testutil.h"

#define KNOWN FSIM_SOURCE_DIR "/tests/optimize/known.cfg"
#define SELECT FSIM_SOURCE_DIR "/tests/optimize/select.cfg"

/* The line of dir/file that starts with prefix, into line (0 when none). */
static int find_line(const char *dir, const char *file, const char *prefix, char *line,
                     size_t size) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, file);
  FILE *fp = fopen(path, "r");
  if (!fp) return 0;
  int found = 0;
  while (!found && fgets(line, (int)size, fp)) found = strncmp(line, prefix, strlen(prefix)) == 0;
  fclose(fp);
  return found;
}

static fsim_optimize_options *options(const char *const (*set)[2], size_t n) {
  fsim_optimize_options *o = fsim_optimize_options_new();
  fsim_error err;
  ck_assert_ptr_nonnull(o);
  for (size_t i = 0; i < n; i++)
    ck_assert_msg(fsim_optimize_options_set(o, set[i][0], set[i][1], &err) == FSIM_OK, "%s: %s",
                  set[i][0], err.message);
  return o;
}

/* In expected mode after one day red holds R - a_blue B and blue B - a_red R (MODEL.md
 * 10), R = 1000, a_blue = 0.05, a_red = 0.08. Minimising blue's personnel at the end
 * subject to red's <= 400 needs a_blue B >= 600: B* = 12000 exactly, objective 11920.
 * The same problem maximising the negated objective, and with a_blue a discrete choice
 * of 0.03, 0.05, 0.08 (B* = 600 / 0.08 = 7500 at 0.08: the enumeration must pick the
 * level with the smallest B), must find the same optimum to the person. */
START_TEST(test_known_optimum) {
  static const struct {
    const char *objective, *second; /* second decision, or NULL */
    const char *want_b, *want_obj, *want_second;
  } cases[] = {
      {"min blue.personnel_end", NULL, "12000", "11920", NULL},
      {"max -1*blue.personnel_end", NULL, "12000", "-11920", NULL},
      {"min blue.personnel_end", "sectors.s.attrition.blue=0.03,0.05,0.08", "7500", "7420",
       "0.08"},
  };
  char dir[] = "/tmp/fsim-opt-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
    const char *const set[][2] = {{"decision", "formations.strike.personnel=0:20000:int"},
                                  {"objective", cases[c].objective},
                                  {"constraint", "red.personnel_end <= 400"},
                                  {"budget", "150"},
                                  {"tolerance", "1e-7"},
                                  {"decision", cases[c].second}};
    fsim_optimize_options *o = options(set, cases[c].second ? 6 : 5);
    char out[300], line[1024], want[400];
    snprintf(out, sizeof out, "%s/out%zu", dir, c);
    fsim_error err;
    ck_assert_msg(fsim_optimize(KNOWN, NULL, o, out, "test", &err) == FSIM_OK, "%s", err.message);
    snprintf(want, sizeof want, "formations.strike.personnel,integer,0,20000,,%s\n",
             cases[c].want_b);
    ck_assert_msg(find_line(out, "decision.csv", "formations.strike.personnel,", line,
                            sizeof line) && strcmp(line, want) == 0,
                  "case %zu: %s", c, line);
    if (cases[c].want_second) {
      ck_assert(find_line(out, "decision.csv", "sectors.s.attrition.blue,", line, sizeof line));
      ck_assert_ptr_nonnull(strstr(line, cases[c].want_second));
    }
    /* In-sample and fresh agree exactly in expected mode: no draw to differ. */
    snprintf(want, sizeof want, "objective,,4,%s,%s,%s,4,%s,", cases[c].want_obj,
             cases[c].want_obj, cases[c].want_obj, cases[c].want_obj);
    ck_assert_msg(find_line(out, "estimate.csv", "objective,", line, sizeof line) &&
                      strncmp(line, want, strlen(want)) == 0,
                  "case %zu: %s", c, line);
    /* The journal is removed once the output is complete. */
    snprintf(want, sizeof want, "%s.optimize-journal", out);
    ck_assert_int_ne(access(want, F_OK), 0);
    fsim_optimize_options_free(o);
  }
  ck_assert_int_eq(fsim_remove_tree(dir), 0);
}
END_TEST

/* Bad input is refused with FSIM_E_INPUT naming what is wrong, and nothing is written. */
START_TEST(test_bad_input) {
  static const struct {
    const char *name, *value, *message;
  } cases[] = {
      {"decision", "formations.strike.personnel=5:1:int", "expected lo < hi"},
      {"decision", "formations.strike.personnel=0:20000", ":int)"},
      {"decision", "formations.strike.personel=0:20000:int", "personel"},
      {"decision", "formations.strike.personnel=0..9", "expected PATH=lo:hi"},
      {"objective", "minimise blue.personnel_end", "expected 'min EXPR'"},
      {"objective", "min blue.personel_end", "did you mean \"blue.personnel_end\""},
      {"objective", "min x*blue.personnel_end", "expected a weight"},
      {"constraint", "red.personnel_end = 400", "OP one of"},
      {"constraint", "red.personnel_end <= lots", "expected a number"},
  };
  char dir[] = "/tmp/fsim-optbad-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char out[300];
  snprintf(out, sizeof out, "%s/out", dir);
  for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
    /* Decisions and constraints add up, so a bad decision is the only one; a bad
       constraint comes with a good one; the objective is replaced. */
    const int bad_decision = strcmp(cases[c].name, "decision") == 0;
    const char *const set[][2] = {{"objective", "min blue.personnel_end"},
                                  {"constraint", "red.personnel_end <= 400"},
                                  {"decision", "formations.strike.personnel=0:20000:int"}};
    fsim_optimize_options *o = options(set, bad_decision ? 2 : 3);
    fsim_error err;
    fsim_error_clear(&err);
    fsim_status st = fsim_optimize_options_set(o, cases[c].name, cases[c].value, &err);
    if (st == FSIM_OK) st = fsim_optimize(KNOWN, NULL, o, out, "test", &err);
    ck_assert_msg(st == FSIM_E_INPUT, "case %zu: status %d", c, (int)st);
    ck_assert_msg(strstr(err.message, cases[c].message) || strstr(err.path, cases[c].message),
                  "case %zu: %s (%s)", c, err.message, err.path);
    ck_assert_int_ne(access(out, F_OK), 0);
    fsim_optimize_options_free(o);
  }
  /* Options by name: an unknown one with a hint, a value out of range. */
  fsim_optimize_options *o = fsim_optimize_options_new();
  fsim_error err;
  ck_assert_int_eq(fsim_optimize_options_set(o, "budjet", "5", &err), FSIM_E_INPUT);
  ck_assert_ptr_nonnull(strstr(err.message, "budget"));
  ck_assert_int_eq(fsim_optimize_options_set(o, "budget", "0", &err), FSIM_E_INPUT);
  char buf[64];
  ck_assert_int_eq(fsim_optimize_options_get(o, "budget", buf, sizeof buf, &err), FSIM_OK);
  ck_assert_str_eq(buf, "60");
  fsim_optimize_options_free(o);
  rmdir(dir);
}
END_TEST

/* Constraints: strict ones are violated on their bound, and violations are relative to
 * the bound so that km² and probabilities weigh alike. */
START_TEST(test_judge) {
  fsim_opt_problem pb;
  memset(&pb, 0, sizeof pb);
  pb.ncon = 2;
  pb.con[0] = (fsim_constraint){.op = FSIM_CON_GE, .bound = 400};
  pb.con[1] = (fsim_constraint){.op = FSIM_CON_LT, .bound = 0.5};
  fsim_opt_eval e;
  memset(&e, 0, sizeof e);
  e.q[1].mean = 400;
  e.q[2].mean = 0.4;
  fsim_opt_judge(&pb, &e);
  ck_assert_int_eq(e.feasible, 1);
  e.q[2].mean = 0.5;
  fsim_opt_judge(&pb, &e);
  ck_assert_int_eq(e.feasible, 0);
  e.q[1].mean = 360; /* 10% short */
  e.q[2].mean = 0.55; /* 10% over */
  fsim_opt_judge(&pb, &e);
  ck_assert_double_eq_tol(e.violation, 0.2, 1e-12);
}
END_TEST

/* The sum of column n (the third) of evaluations.csv: replications simulated. */
static long replications_used(const char *dir) {
  char path[512], line[1024];
  snprintf(path, sizeof path, "%s/evaluations.csv", dir);
  FILE *fp = fopen(path, "r");
  long total = 0;
  ck_assert_ptr_nonnull(fp);
  ck_assert_ptr_nonnull(fgets(line, sizeof line, fp)); /* the header */
  while (fgets(line, sizeof line, fp)) {
    const char *at = strchr(strchr(line, ',') + 1, ',') + 1;
    total += strtol(at, NULL, 10);
  }
  fclose(fp);
  return total;
}

/* Kim and Nelson on tests/optimize/select.cfg: five levels of a_red whose mean blue
 * strength after a day is 4980, 4960, ..., 4900; the best (0.02) is 20 above the
 * next, more than the indifference zone of 10. KN guarantees the best at least 95% of
 * the time: over 40 seeds, fewer than 33 correct has probability 0.0007 under that
 * bound (Binomial(40, 0.95)). Every run uses fewer replications than enumeration with
 * the same 2,000 each (10,000), and the levels are listed worst first so that
 * "the first" would be wrong. */
START_TEST(test_kn_selects_best) {
  char dir[] = "/tmp/fsim-optkn-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  int correct = 0;
  long most = 0;
  for (int seed = 1; seed <= 40; seed++) {
    char seedtext[16], out[300], line[1024];
    snprintf(seedtext, sizeof seedtext, "%d", seed);
    const char *const set[][2] = {{"decision", "sectors.s.attrition.red=0.1,0.08,0.06,0.04,0.02"},
                                  {"objective", "max blue.personnel_end"},
                                  {"discrete", "kn"},
                                  {"delta", "10"},
                                  {"seed", seedtext},
                                  {"fresh_replications", "50"}};
    fsim_optimize_options *o = options(set, 6);
    snprintf(out, sizeof out, "%s/out%d", dir, seed);
    fsim_error err;
    ck_assert_msg(fsim_optimize(SELECT, NULL, o, out, "test", &err) == FSIM_OK, "%s", err.message);
    ck_assert(find_line(out, "decision.csv", "sectors.s.attrition.red,", line, sizeof line));
    correct += strstr(line, ",0.02\n") != NULL;
    const long used = replications_used(out);
    ck_assert_msg(used < 5 * 2000, "seed %d: %ld replications", seed, used);
    if (used > most) most = used;
    ck_assert(find_line(out, "optimize.txt", "Search: Kim-Nelson ranking and selection among 5 ",
                        line, sizeof line));
    fsim_optimize_options_free(o);
  }
  ck_assert_msg(correct >= 33, "%d of 40 correct", correct);
  ck_assert_int_eq(fsim_remove_tree(dir), 0);
}
END_TEST

/* Stops a search once `after` evaluations are made (the fresh re-estimate then), and
   keeps the fewest made when a replication ran. */
typedef struct stopper {
  long after, fewest;
} stopper;
static int stop_after(void *ctx, long done, long total) {
  stopper *s = ctx;
  (void)total;
  if (done < s->fewest) s->fewest = done;
  return done >= s->after;
}

/* KN's result is journaled whole: a search interrupted after the procedure (during
 * the fresh re-estimate) resumes from the journal, simulating none of it again, to the
 * outputs of an uninterrupted search. */
START_TEST(test_kn_resume) {
  char dir[] = "/tmp/fsim-optknr-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  const char *const set[][2] = {{"decision", "sectors.s.attrition.red=0.1,0.08,0.06,0.04,0.02"},
                                {"objective", "max blue.personnel_end"},
                                {"discrete", "kn"},
                                {"delta", "10"}};
  char full[300], cut[300], a[1024], b[1024];
  snprintf(full, sizeof full, "%s/full", dir);
  snprintf(cut, sizeof cut, "%s/cut", dir);
  fsim_error err;
  fsim_optimize_options *o = options(set, 4);
  ck_assert_msg(fsim_optimize(SELECT, NULL, o, full, "test", &err) == FSIM_OK, "%s", err.message);
  stopper stop = {.after = 5, .fewest = 1000000};
  fsim_optimize_options_set_progress(o, stop_after, &stop);
  ck_assert_int_eq(fsim_optimize(SELECT, NULL, o, cut, "test", &err), FSIM_E_INTERRUPTED);
  ck_assert_int_ne(access(cut, F_OK), 0);
  stop = (stopper){.after = 1000000, .fewest = 1000000};
  ck_assert_int_eq(fsim_optimize_options_set(o, "resume", "1", &err), FSIM_OK);
  ck_assert_msg(fsim_optimize(SELECT, NULL, o, cut, "test", &err) == FSIM_OK, "%s", err.message);
  /* No replication ran before all five evaluations were there: read back. */
  ck_assert_int_eq(stop.fewest, 5);
  static const char *const files[] = {"evaluations.csv", "decision.csv", "estimate.csv"};
  for (size_t f = 0; f < 3; f++) {
    char pa[400], pb[400], cmd[900];
    snprintf(pa, sizeof pa, "%s/%s", full, files[f]);
    snprintf(pb, sizeof pb, "%s/%s", cut, files[f]);
    snprintf(cmd, sizeof cmd, "cmp -s '%s' '%s'", pa, pb);
    ck_assert_msg(system(cmd) == 0, "%s differs after resume", files[f]);
  }
  /* The procedure's own account survives the journal too. */
  ck_assert(find_line(full, "optimize.txt", "Search:", a, sizeof a));
  ck_assert(find_line(cut, "optimize.txt", "Search:", b, sizeof b));
  ck_assert_str_eq(a, b);
  fsim_optimize_options_free(o);
  ck_assert_int_eq(fsim_remove_tree(dir), 0);
}
END_TEST

/* kn is refused up front where it does not apply. */
START_TEST(test_kn_refused) {
  static const struct {
    const char *decision, *constraint, *delta, *message;
  } cases[] = {
      {"formations.strike.personnel=0:20000:int", NULL, "10", "discrete decisions only"},
      {"sectors.s.attrition.red=0.02,0.04", "red.personnel_end <= 990", "10", "objective alone"},
      {"sectors.s.attrition.red=0.02,0.04", NULL, NULL, "--delta"},
  };
  for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
    const char *const set[][2] = {{"decision", cases[c].decision},
                                  {"objective", "max blue.personnel_end"},
                                  {"discrete", "kn"}};
    fsim_optimize_options *o = options(set, 3);
    fsim_error err;
    if (cases[c].constraint)
      ck_assert_int_eq(fsim_optimize_options_set(o, "constraint", cases[c].constraint, &err),
                       FSIM_OK);
    if (cases[c].delta)
      ck_assert_int_eq(fsim_optimize_options_set(o, "delta", cases[c].delta, &err), FSIM_OK);
    ck_assert_int_eq(fsim_optimize(SELECT, NULL, o, "/tmp/fsim-optkn-never", "test", &err),
                     FSIM_E_INPUT);
    ck_assert_msg(strstr(err.message, cases[c].message), "case %zu: %s", c, err.message);
    ck_assert_int_ne(access("/tmp/fsim-optkn-never", F_OK), 0);
    fsim_optimize_options_free(o);
  }
}
END_TEST

Suite *optimize_suite(void) {
  Suite *s = suite_create("optimize");
  TCase *tc = tcase_create("fsim_optimize");
  tcase_add_test(tc, test_known_optimum);
  tcase_add_test(tc, test_bad_input);
  tcase_add_test(tc, test_kn_selects_best);
  tcase_add_test(tc, test_kn_refused);
  tcase_add_test(tc, test_kn_resume);
  tcase_set_timeout(tc, 120);
  suite_add_tcase(s, tc);
  tc = tcase_create("fsim_opt_judge");
  tcase_add_test(tc, test_judge);
  suite_add_tcase(s, tc);
  return s;
}
