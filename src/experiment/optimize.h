/* Internals of fsim_optimize (include/frontsim/optimize.h): the options, the parsed
 * problem, evaluations with their cache and journal (docs/OPTIMIZE.md). */
#ifndef FSIM_EXPERIMENT_OPTIMIZE_H
#define FSIM_EXPERIMENT_OPTIMIZE_H

#include <stdint.h>
#include <stdio.h>

#include "frontsim/optimize.h"
#include "frontsim/run.h"

#define FSIM_OPT_MAXVAR 16   /* decision variables */
#define FSIM_OPT_MAXLEVEL 32 /* levels of a discrete one */
#define FSIM_OPT_MAXTERM 8   /* metrics in the objective's weighted sum */
#define FSIM_OPT_MAXCON 8    /* constraints */

/* Where a part of the problem was written, when it came from the scenario's optimize
 * section (file empty: from an option), for the messages of later checks. */
typedef struct fsim_opt_origin {
  char file[256];
  int line;
  char path[64];
} fsim_opt_origin;
/* Slots of fsim_optimize_options.origin: the objective, each decision, each constraint. */
#define FSIM_OPT_ORIGIN_OBJECTIVE 0
#define FSIM_OPT_ORIGIN_DECISION(v) (1 + (v))
#define FSIM_OPT_ORIGIN_CONSTRAINT(c) (1 + FSIM_OPT_MAXVAR + (c))
#define FSIM_OPT_NORIGIN (1 + FSIM_OPT_MAXVAR + FSIM_OPT_MAXCON)

struct fsim_optimize_options {
  char *decisions;   /* one spec a line, as set */
  char *constraints; /* one spec a line, as set */
  char *objective;
  long replications, budget, fresh_replications;
  int has_seed, has_fresh_seed, threads, resume;
  uint64_t seed, fresh_seed;
  double tolerance, step;
  fsim_progress_fn progress; /* may be NULL */
  void *progress_ctx;
  int rank, ranks; /* this process of how many (0 of 1: alone) */
  fsim_sum_fn sum; /* adds a buffer over the processes */
  void *sum_ctx;
  int discrete; /* fsim_discrete_method: enumerate, or Kim and Nelson's procedure */
  double delta, confidence; /* kn: indifference zone (0: not given), 1 - alpha */
  long first_stage;         /* kn: n0 */
  unsigned given;           /* bit i: option row i was set (the file fills the others) */
  fsim_opt_origin origin[FSIM_OPT_NORIGIN];
};

/* Whether option `name` was set (optimize_spec.c). */
int fsim_opt_given(const fsim_optimize_options *opt, const char *name);
/* The options in effect: a copy of `opt` with what it leaves unset taken from the
 * optimize section of the scenario at `path`, if it has one (optimize_file.c). */
fsim_status fsim_opt_options_effective(const fsim_optimize_options *opt, const char *path,
                                       const fsim_overrides *ov, fsim_optimize_options **out,
                                       fsim_error *err);
/* Moves an error about an option (err->file "--objective", ...) to where that part of
   the problem was written, when it came from the file. */
void fsim_opt_relocate(const fsim_optimize_options *opt, int slot, fsim_error *err);

typedef enum { FSIM_DEC_REAL, FSIM_DEC_INT, FSIM_DEC_SET } fsim_dec_kind;

typedef struct fsim_decision {
  char path[256];
  fsim_dec_kind kind;
  double lo, hi;                        /* REAL, INT */
  int nlevels;                          /* SET */
  char level[FSIM_OPT_MAXLEVEL][128];
} fsim_decision;

typedef enum { FSIM_CON_LT, FSIM_CON_LE, FSIM_CON_GT, FSIM_CON_GE } fsim_con_op;

typedef struct fsim_constraint {
  char metric[256];
  int m; /* its index in the layout */
  fsim_con_op op;
  double bound;
} fsim_constraint;

/* The problem: what fsim_optimize parsed and checked from the options. */
typedef struct fsim_opt_problem {
  int nvar, ncont; /* ncont: REAL and INT ones, searched by the simplex */
  fsim_decision var[FSIM_OPT_MAXVAR];
  int maximise;
  int nterm;
  double weight[FSIM_OPT_MAXTERM];
  char term[FSIM_OPT_MAXTERM][256];
  int term_m[FSIM_OPT_MAXTERM];
  int ncon;
  fsim_constraint con[FSIM_OPT_MAXCON];
  long reps, fresh_reps;
  uint64_t seed, fresh_seed;
} fsim_opt_problem;

/* A quantity's sample statistics over the replications where it is defined. */
typedef struct fsim_opt_stat {
  long n;
  double mean, sd;
} fsim_opt_stat;

/* One evaluation: the decision's values as override text ("v1;v2"), the objective
 * (as the user wrote it, before any sign change) and each constraint's metric. */
typedef struct fsim_opt_eval {
  long index;
  char key[2048];
  fsim_opt_stat q[1 + FSIM_OPT_MAXCON]; /* [0] the objective, then the constraints */
  int feasible;
  double violation; /* sum of relative violations; 0 when feasible */
} fsim_opt_eval;

/* Parses and checks the options against the scenario at `path` (loaded at the ends of
 * every range and at every level): FSIM_E_INPUT before any replication. */
fsim_status fsim_opt_problem_parse(const fsim_optimize_options *opt, const char *path,
                                   const fsim_overrides *ov, fsim_opt_problem *pb,
                                   fsim_error *err);
/* The overrides of the scenario as given plus "PATH=value" for each decision's value
 * in `values` (NULL: none). */
fsim_status fsim_opt_overrides(const fsim_overrides *ov, const fsim_opt_problem *pb,
                               char values[][128], fsim_overrides **out, fsim_error *err);
/* Per replication: the objective's weighted sum (NaN where a term is) or constraint
 * c's metric (q = 1 + c), from a run's results. */
double fsim_opt_quantity(const fsim_opt_problem *pb, const fsim_results *res, int q, long rep);
/* The statistics of the defined (not NaN) values of x[0..n-1], which it reorders. */
void fsim_opt_stat_defined(double *x, long n, fsim_opt_stat *out);
/* Fills feasible and violation from the constraints' means. */
void fsim_opt_judge(const fsim_opt_problem *pb, fsim_opt_eval *ev);

/* The evaluator: runs a decision (or finds it in the cache of this search and of the
 * journal), journaling each new evaluation. */
typedef struct fsim_opt_runner {
  const char *path;
  const fsim_overrides *ov;
  const fsim_optimize_options *opt;
  const fsim_opt_problem *pb;
  fsim_opt_eval *evals; /* every evaluation simulated, in order */
  long nevals, cap;
  long limit; /* no new evaluation beyond this many (the budget, or a share of it) */
  fsim_opt_eval *cached; /* from the journal on resume */
  long ncached;
  FILE *journal;
  char journal_path[4200];
  long simulated; /* evaluations this search asked for (cache hits from the journal too) */
  long chosen;    /* 1 + the evaluation a selection procedure chose (0: the best by score) */
  long kn_total, kn_stages; /* kn: replications in all, checks of the region */
  int kn_survivors;         /* kn: alternatives left when it stopped */
  double run_seconds; /* wall time in fsim_run */
} fsim_opt_runner;

/* Evaluates `values` (one per decision, as override text); *out points into evals. */
fsim_status fsim_opt_evaluate(fsim_opt_runner *rn, char values[][128], const fsim_opt_eval **out,
                              fsim_error *err);
/* Runs this process's share of replications first..first+reps-1 of sc (NULL when st
 * says why not) and fills x[q * reps + r], quantity q of replication first + r, for
 * every replication:
 * the shares of all processes are summed (x holds (1 + ncon) * reps + 2 values, the
 * last two the count of processes interrupted and failed). Every process must call it
 * for every evaluation; the status is the worst of all processes'. Timed. */
fsim_status fsim_opt_collect(fsim_opt_runner *rn, const fsim_scenario *sc, fsim_status st,
                             long first, long reps, uint64_t seed, double *x, fsim_error *err);
/* The worst status of all processes (st, this one's). */
fsim_status fsim_opt_agree(const fsim_optimize_options *opt, fsim_status st, fsim_error *err);
/* Whether the journal holds the evaluation (*found, as the process keeping the journal
 * says) and its statistics, told to every process. */
fsim_status fsim_opt_share_cached(fsim_opt_runner *rn, int *found, fsim_opt_eval *e,
                                  fsim_error *err);
/* Opens the journal (created afresh, or read back with resume): setup is a hash of
 * everything that determines the search. */
fsim_status fsim_opt_journal_open(fsim_opt_runner *rn, uint64_t setup, fsim_error *err);
/* Adds an evaluation made elsewhere (a selection procedure's) to the search's, or
 * with keep 0 only to the journal (a record of the choice), and journals it. */
fsim_status fsim_opt_record(fsim_opt_runner *rn, const fsim_opt_eval *made, int keep,
                            fsim_error *err);
/* Kim and Nelson's procedure over every combination of the discrete decisions
 * (optimize_kn.c), or its result read back from the journal; sets rn->chosen. */
fsim_status fsim_opt_kn(fsim_opt_runner *rn, fsim_error *err);
void fsim_opt_runner_free(fsim_opt_runner *rn);
double fsim_opt_now(void);

#endif
