/* fsim_optimize's evaluations: a decision's scenario run under common random
 * numbers (the same seed and replication keys for every decision), its sample
 * statistics, a cache so no decision is simulated twice, and the journal that lets a
 * killed search resume to the same result (docs/OPTIMIZE.md, docs/ARCHITECTURE.md). */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "journal.h"
#include "optimize.h"

/* Marks a journal as an optimisation's (a sweep's journal has its design's method). */
#define OPT_JOURNAL_METHOD 100

void fsim_opt_judge(const fsim_opt_problem *pb, fsim_opt_eval *ev) {
  ev->violation = 0;
  for (int c = 0; c < pb->ncon; c++) {
    const fsim_constraint *k = &pb->con[c];
    const double m = ev->q[1 + c].mean;
    /* Relative to the bound (or absolute about 0), so constraints in km² and in
       probabilities weigh alike; an undefined mean counts as a large violation. */
    const double scale = fabs(k->bound) > 0 ? fabs(k->bound) : 1;
    double v;
    if (isnan(m)) v = 1e6;
    else if (k->op == FSIM_CON_LE || k->op == FSIM_CON_LT) v = m - k->bound;
    else v = k->bound - m;
    const int strict = k->op == FSIM_CON_LT || k->op == FSIM_CON_GT;
    if (isnan(m)) ev->violation += v;
    else if (v > 0) ev->violation += v / scale;
    else if (strict && v == 0) ev->violation += 1e-12; /* on the bound of a strict one */
  }
  ev->feasible = ev->violation == 0;
}

static fsim_opt_eval *push(fsim_opt_runner *rn, fsim_error *err) {
  if (rn->nevals == rn->cap) {
    long cap = rn->cap ? 2 * rn->cap : 64;
    fsim_opt_eval *g = realloc(rn->evals, (size_t)cap * sizeof *g);
    if (!g) {
      fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
      return NULL;
    }
    rn->evals = g;
    rn->cap = cap;
  }
  fsim_opt_eval *e = &rn->evals[rn->nevals];
  memset(e, 0, sizeof *e);
  e->index = rn->nevals++;
  return e;
}

static void record_text(const fsim_opt_problem *pb, const fsim_opt_eval *e, char *buf, size_t size) {
  size_t used = (size_t)snprintf(buf, size, "%ld\t%s", e->index, e->key);
  for (int q = 0; q <= pb->ncon && used < size; q++)
    used += (size_t)snprintf(buf + used, size - used, "\t%ld %.17g %.17g", e->q[q].n, e->q[q].mean,
                             e->q[q].sd);
}

static int parse_record(const fsim_opt_problem *pb, const char *text, fsim_opt_eval *e) {
  memset(e, 0, sizeof *e);
  char *end;
  e->index = strtol(text, &end, 10);
  if (*end != '\t') return 0;
  const char *key = end + 1, *tab = strchr(key, '\t');
  if (!tab || (size_t)(tab - key) >= sizeof e->key) return 0;
  memcpy(e->key, key, (size_t)(tab - key));
  for (int q = 0; q <= pb->ncon; q++) {
    if (!tab || *tab != '\t') return 0;
    int used = 0;
    if (sscanf(tab + 1, "%ld %lf %lf%n", &e->q[q].n, &e->q[q].mean, &e->q[q].sd, &used) != 3)
      return 0;
    tab = tab + 1 + used;
  }
  fsim_opt_judge(pb, e);
  return *tab == '\0';
}

fsim_status fsim_opt_journal_open(fsim_opt_runner *rn, uint64_t setup, fsim_error *err) {
  const fsim_opt_problem *pb = rn->pb;
  char params[4096] = "", metrics[2048] = "";
  for (int v = 0; v < pb->nvar; v++)
    snprintf(params + strlen(params), sizeof params - strlen(params), "%s%s", v ? ";" : "",
             pb->var[v].path);
  for (int c = 0; c <= pb->ncon; c++)
    snprintf(metrics + strlen(metrics), sizeof metrics - strlen(metrics), "%s%s", c ? ";" : "",
             c ? pb->con[c - 1].metric : "objective");
  fsim_journal_info info = {.setup = setup, .npoints = rn->opt->budget, .nparams = pb->nvar,
                            .method = OPT_JOURNAL_METHOD, .seed = pb->seed, .params = params,
                            .metrics = metrics, .columns = "evaluation\tdecision\tn mean sd ..."};
  if (rn->opt->resume && access(rn->journal_path, F_OK) == 0) {
    fsim_journal j;
    fsim_status st = fsim_journal_read(rn->journal_path, 1, &j, err);
    if (st == FSIM_E_IO && err) { /* the reader speaks of sweeps: say what to do here */
      char *cut = strstr(err->message, "; the journal is damaged");
      if (cut) snprintf(cut, sizeof err->message - (size_t)(cut - err->message),
                        "; the search's journal is damaged: run without --resume");
    }
    if (st != FSIM_OK) return st;
    if (!j.torn_header && (j.info.setup != setup || j.info.method != OPT_JOURNAL_METHOD)) {
      fsim_journal_clear(&j);
      return fsim_error_set(err, FSIM_E_INPUT, rn->journal_path, 0, "",
                            "this journal is of another search (other scenario, decisions, "
                            "objective, constraints, seed, replications or budget): run "
                            "without --resume to start afresh");
    }
    if (j.torn_header) {
      fsim_journal_clear(&j);
      return fsim_journal_create(rn->journal_path, &info, &rn->journal, err);
    }
    rn->cached = calloc((size_t)(j.nrecords ? j.nrecords : 1), sizeof *rn->cached);
    if (!rn->cached) st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
    for (long i = 0; st == FSIM_OK && i < j.nrecords; i++) {
      if (!parse_record(pb, j.record[i], &rn->cached[rn->ncached]))
        st = fsim_error_set(err, FSIM_E_IO, rn->journal_path, 0, "",
                            "a record that is not an evaluation; the journal is damaged: run "
                            "without --resume");
      else rn->ncached++;
    }
    fsim_journal_clear(&j);
    if (st == FSIM_OK) st = fsim_journal_open_append(rn->journal_path, &rn->journal, err);
    return st;
  }
  return fsim_journal_create(rn->journal_path, &info, &rn->journal, err);
}

/* Runs the decision's scenario (this process's share of it) and fills e's statistics
 * from every replication, in replication order. */
static fsim_status simulate(fsim_opt_runner *rn, char values[][128], fsim_opt_eval *e,
                            fsim_error *err) {
  const fsim_opt_problem *pb = rn->pb;
  fsim_overrides *o = NULL;
  fsim_scenario *sc = NULL;
  const long reps = pb->reps;
  double *x = malloc(((size_t)(1 + pb->ncon) * (size_t)reps + 2) * sizeof *x);
  fsim_status st = x ? FSIM_OK : fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  if (st == FSIM_OK) st = fsim_opt_overrides(rn->ov, pb, values, &o, err);
  if (st == FSIM_OK) st = fsim_scenario_load(rn->path, o, &sc, err);
  /* Every process joins the collection, whatever its status, so none waits alone. */
  if (x) st = fsim_opt_collect(rn, sc, st, 0, reps, pb->seed, x, err);
  for (int q = 0; st == FSIM_OK && q <= pb->ncon; q++) fsim_opt_stat_defined(x + q * reps, reps, &e->q[q]);
  free(x);
  fsim_scenario_free(sc);
  fsim_overrides_free(o);
  return st;
}

fsim_status fsim_opt_evaluate(fsim_opt_runner *rn, char values[][128], const fsim_opt_eval **out,
                              fsim_error *err) {
  const fsim_opt_problem *pb = rn->pb;
  char key[2048] = "";
  for (int v = 0; v < pb->nvar; v++)
    snprintf(key + strlen(key), sizeof key - strlen(key), "%s%s", v ? ";" : "", values[v]);
  *out = NULL;
  for (long i = 0; i < rn->nevals; i++)
    if (strcmp(rn->evals[i].key, key) == 0) return (*out = &rn->evals[i]), FSIM_OK;
  if (rn->nevals >= rn->limit) return FSIM_OK; /* the budget is spent */
  /* On resume, evaluation k is the journal's record k: the search is deterministic.
     Only the process that keeps the journal has it, and tells the others. */
  fsim_opt_eval tmp;
  memset(&tmp, 0, sizeof tmp);
  int found = 0;
  for (long i = 0; i < rn->ncached && !found; i++)
    if (rn->cached[i].index == rn->nevals && strcmp(rn->cached[i].key, key) == 0) {
      tmp = rn->cached[i];
      found = 1;
    }
  fsim_status st = fsim_opt_share_cached(rn, &found, &tmp, err);
  if (st != FSIM_OK) return st;
  if (found) {
    fsim_opt_eval *e = push(rn, err);
    if (!e) return FSIM_E_NOMEM;
    snprintf(tmp.key, sizeof tmp.key, "%s", key);
    tmp.index = e->index;
    fsim_opt_judge(pb, &tmp);
    *e = tmp;
    return (*out = e), FSIM_OK;
  }
  snprintf(tmp.key, sizeof tmp.key, "%s", key);
  if ((st = simulate(rn, values, &tmp, err)) != FSIM_OK) return st;
  fsim_opt_eval *e = push(rn, err);
  if (!e) return FSIM_E_NOMEM;
  tmp.index = e->index;
  fsim_opt_judge(pb, &tmp);
  *e = tmp;
  char rec[8192];
  record_text(pb, e, rec, sizeof rec);
  if (rn->journal && (st = fsim_journal_append(rn->journal, rn->journal_path, rec, err)) != FSIM_OK)
    return st;
  *out = e;
  return FSIM_OK;
}

fsim_status fsim_opt_record(fsim_opt_runner *rn, const fsim_opt_eval *made, int keep,
                            fsim_error *err) {
  fsim_opt_eval tmp = *made;
  fsim_opt_judge(rn->pb, &tmp);
  if (keep) {
    fsim_opt_eval *e = push(rn, err);
    if (!e) return FSIM_E_NOMEM;
    tmp.index = e->index;
    *e = tmp;
  }
  char rec[8192];
  record_text(rn->pb, &tmp, rec, sizeof rec);
  return rn->journal ? fsim_journal_append(rn->journal, rn->journal_path, rec, err) : FSIM_OK;
}

void fsim_opt_runner_free(fsim_opt_runner *rn) {
  if (rn->journal) fclose(rn->journal);
  free(rn->evals);
  free(rn->cached);
  memset(rn, 0, sizeof *rn);
}
