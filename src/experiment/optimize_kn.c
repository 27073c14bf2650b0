/* Discrete decisions by Kim and Nelson's procedure (kn.c; docs/OPTIMIZE.md, "Discrete
 * decisions: Kim and Nelson"): every combination of the levels is an alternative, its
 * scenario loaded once; replication r of every alternative runs on the same random
 * numbers (common random numbers, the replication keys of docs/MODEL.md 11), so KN's
 * paired differences are those of the decisions. The procedure is journaled whole:
 * when it ends, one record per alternative (its replications' statistics) and one
 * naming the choice; a search killed before that reruns it on --resume, to the same
 * result, since every replication it draws is determined by its key. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kn.h"
#include "optimize.h"

typedef struct kn_ctx {
  fsim_opt_runner *rn;
  fsim_scenario **sc; /* [k] */
  double *vals;       /* [k * reps]: each alternative's objective, by replication */
  double *x;          /* a collection buffer */
  char (*key)[2048];  /* [k] */
} kn_ctx;

static fsim_status sample(void *vctx, int alt, long first, long count, double *out,
                          fsim_error *err) {
  kn_ctx *c = vctx;
  const fsim_opt_problem *pb = c->rn->pb;
  fsim_status st = fsim_opt_collect(c->rn, c->sc[alt], FSIM_OK, first, count, pb->seed, c->x, err);
  for (long r = 0; st == FSIM_OK && r < count; r++) {
    const double v = c->x[r];
    if (isnan(v))
      return fsim_error_set(err, FSIM_E_INPUT, "--discrete", 0, "",
                            "kn needs the objective in every replication, and replication %ld of "
                            "%s has none: use enumerate",
                            first + r, c->key[alt]);
    c->vals[(size_t)alt * (size_t)pb->reps + (size_t)(first + r)] = v;
    out[r] = pb->maximise ? v : -v; /* KN selects the largest */
  }
  return st;
}

/* The levels of combination `combo` (mixed radix, the last decision fastest, as
   enumeration visits them) as override text, and its key "v1;v2". */
static void combination(const fsim_opt_problem *pb, long combo, char values[][128], char *key,
                        size_t size) {
  for (int v = pb->nvar - 1; v >= 0; v--) {
    snprintf(values[v], 128, "%s", pb->var[v].level[combo % pb->var[v].nlevels]);
    combo /= pb->var[v].nlevels;
  }
  key[0] = '\0';
  for (int v = 0; v < pb->nvar; v++)
    snprintf(key + strlen(key), size - strlen(key), "%s%s", v ? ";" : "", values[v]);
}

/* The journal's records of an earlier run of the procedure: all k, then the choice,
   whose statistics hold the procedure's own (n: replications in all, mean: the
   alternatives left, sd: the checks), so a resumed search reports what it did. */
static fsim_status from_journal(fsim_opt_runner *rn, int k, char (*key)[2048], int *done,
                                fsim_error *err) {
  fsim_opt_eval *e = calloc((size_t)k + 1, sizeof *e);
  if (!e) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  int all = 1;
  fsim_status st = FSIM_OK;
  /* Every process asks for every record, so that they stay in step. */
  for (int i = 0; st == FSIM_OK && i <= k; i++) {
    int found = 0;
    for (long j = 0; j < rn->ncached && !found; j++)
      if (rn->cached[j].index == i && (i == k || strcmp(rn->cached[j].key, key[i]) == 0)) {
        e[i] = rn->cached[j];
        found = 1;
      }
    st = fsim_opt_share_cached(rn, &found, &e[i], err);
    all = all && found;
  }
  *done = 0;
  for (int i = 0; st == FSIM_OK && all && i < k; i++) {
    e[i].index = i;
    st = fsim_opt_record(rn, &e[i], 1, err);
    if (strcmp(e[k].key, key[i]) == 0) rn->chosen = i + 1;
  }
  if (st == FSIM_OK && all && rn->chosen == 0) rn->nevals = 0; /* no choice among them */
  if (st == FSIM_OK && all && rn->chosen > 0) {
    *done = 1;
    rn->kn_total = e[k].q[0].n;
    rn->kn_survivors = (int)e[k].q[0].mean;
    rn->kn_stages = (long)e[k].q[0].sd;
  }
  free(e);
  return st;
}

fsim_status fsim_opt_kn(fsim_opt_runner *rn, fsim_error *err) {
  const fsim_opt_problem *pb = rn->pb;
  const fsim_optimize_options *opt = rn->opt;
  int k = 1;
  for (int v = 0; v < pb->nvar; v++) k *= pb->var[v].nlevels;
  kn_ctx c = {.rn = rn};
  c.key = calloc((size_t)k, sizeof *c.key);
  if (!c.key) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  char values[FSIM_OPT_MAXVAR][128];
  for (int i = 0; i < k; i++) combination(pb, i, values, c.key[i], sizeof c.key[i]);
  /* A journal holding the procedure's result: read back, nothing simulated. Without
     the journal keeping them, rn->cached is empty and the journal is not read. */
  int done = 0;
  FILE *journal = rn->journal;
  rn->journal = NULL; /* records read back are not written again */
  fsim_status st = from_journal(rn, k, c.key, &done, err);
  rn->journal = journal;
  if (st != FSIM_OK || done) {
    free(c.key);
    return st;
  }
  c.sc = calloc((size_t)k, sizeof *c.sc);
  c.vals = malloc((size_t)k * (size_t)pb->reps * sizeof *c.vals);
  c.x = malloc(((size_t)pb->reps + 2) * sizeof *c.x);
  long *n = calloc((size_t)k, sizeof *n);
  double *mean = calloc((size_t)k, sizeof *mean);
  if (!c.sc || !c.vals || !c.x || !n || !mean)
    st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  for (int i = 0; st == FSIM_OK && i < k; i++) {
    fsim_overrides *o = NULL;
    combination(pb, i, values, c.key[i], sizeof c.key[i]);
    st = fsim_opt_overrides(rn->ov, pb, values, &o, err);
    if (st == FSIM_OK) st = fsim_scenario_load(rn->path, o, &c.sc[i], err);
    fsim_overrides_free(o);
  }
  /* Checks after every first stage's worth of replications: fewer checks than KN's
     one per replication only make elimination later, never wrong more often. */
  const fsim_kn_setup setup = {.k = k, .n0 = opt->first_stage, .nmax = pb->reps,
                               .batch = opt->first_stage, .delta = opt->delta,
                               .confidence = opt->confidence};
  fsim_kn_result res = {.n = n, .mean = mean};
  if (st == FSIM_OK) st = fsim_kn_select(&setup, sample, &c, &res, err);
  for (int i = 0; st == FSIM_OK && i < k; i++) {
    fsim_opt_eval e;
    memset(&e, 0, sizeof e);
    snprintf(e.key, sizeof e.key, "%s", c.key[i]);
    fsim_opt_stat_defined(c.vals + (size_t)i * (size_t)pb->reps, n[i], &e.q[0]);
    e.index = i;
    st = fsim_opt_record(rn, &e, 1, err);
  }
  if (st == FSIM_OK) { /* the choice, journaled after every alternative */
    fsim_opt_eval e = rn->evals[res.best];
    e.index = k;
    e.q[0] = (fsim_opt_stat){.n = res.total, .mean = res.survivors, .sd = (double)res.stages};
    st = fsim_opt_record(rn, &e, 0, err);
    rn->chosen = res.best + 1;
    rn->kn_total = res.total;
    rn->kn_stages = res.stages;
    rn->kn_survivors = res.survivors;
  }
  for (int i = 0; c.sc && i < k; i++) fsim_scenario_free(c.sc[i]);
  free(c.sc), free(c.vals), free(c.x), free(n), free(mean), free(c.key);
  return st;
}
