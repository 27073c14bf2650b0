/* fsim_optimize (include/frontsim/optimize.h): the search, the fresh-seed
 * re-estimate and the outputs (docs/OPTIMIZE.md).
 *
 * Under common random numbers every decision is run with the same seed and the same
 * replication keys, so the sample average of the objective is a deterministic
 * function of the decisions and a derivative-free method can search it: GSL's
 * Nelder-Mead simplex (nmsimplex2) over the continuous decisions, every combination of
 * the discrete ones enumerated. Bounds by transformation: the simplex moves y freely
 * and the decision is lo + (hi - lo) (1 + sin y) / 2, always within [lo, hi]; whole
 * numbers are rounded. Constraints order the evaluations: any feasible one is better
 * than any infeasible one, and infeasible ones compare by their violation. The best
 * decision's objective is then re-estimated on fresh seeds, paired with the scenario
 * as given, since its in-sample value is biased (it was chosen for being low). */
#include <gsl/gsl_errno.h>
#include <gsl/gsl_multimin.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fileio.h"
#include "formats.h"
#include "frontsim/version.h"
#include "journal.h"
#include "optimize.h"
#include "results.h"
#include "run_options.h"
#include "scenario_internal.h"
#include "stats.h"
#include "text.h"

typedef struct search {
  fsim_opt_runner *rn;
  const fsim_opt_problem *pb;
  int level[FSIM_OPT_MAXVAR]; /* the discrete decisions' current levels */
  fsim_status st;
  fsim_error *err;
  int spent; /* the budget (or this combination's share) ran out */
} search;

/* The decisions' values as override text: continuous ones from y (transformed). */
static void values_of(const search *s, const double *y, char values[][128]) {
  int c = 0;
  for (int v = 0; v < s->pb->nvar; v++) {
    const fsim_decision *d = &s->pb->var[v];
    if (d->kind == FSIM_DEC_SET) {
      snprintf(values[v], 128, "%s", d->level[s->level[v]]);
      continue;
    }
    double x = d->lo + (d->hi - d->lo) * (1 + sin(y[c++])) / 2;
    x = fmin(fmax(x, d->lo), d->hi);
    if (d->kind == FSIM_DEC_INT) snprintf(values[v], 128, "%.0f", round(x));
    else snprintf(values[v], 128, "%.17g", x);
  }
}

/* The order the search minimises: feasible ones by the objective (signed so that
 * smaller is better), all below the infeasible ones, which order by violation. */
static double score(const fsim_opt_problem *pb, const fsim_opt_eval *e) {
  const double m = e->q[0].mean;
  if (e->feasible && !isnan(m)) return pb->maximise ? -m : m;
  return 1e30 * (1 + (isnan(e->violation) ? 1e6 : e->violation));
}

static double nm_function(const gsl_vector *yv, void *params) {
  search *s = params;
  if (s->st != FSIM_OK || s->spent) return 1e300;
  char values[FSIM_OPT_MAXVAR][128];
  values_of(s, yv->data, values);
  const fsim_opt_eval *e = NULL;
  s->st = fsim_opt_evaluate(s->rn, values, &e, s->err);
  if (s->st != FSIM_OK || !e) {
    s->spent = !e;
    return 1e300;
  }
  return score(s->pb, e);
}

/* The simplex over the continuous decisions, the discrete ones held at s->level. */
static void nelder_mead(search *s, const fsim_optimize_options *opt) {
  const size_t n = (size_t)s->pb->ncont;
  gsl_multimin_fminimizer *m = gsl_multimin_fminimizer_alloc(gsl_multimin_fminimizer_nmsimplex2, n);
  gsl_vector *y0 = gsl_vector_calloc(n), *step = gsl_vector_alloc(n);
  if (!m || !y0 || !step) {
    s->st = fsim_error_set(s->err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  } else {
    gsl_vector_set_all(step, opt->step); /* y = 0: the middle of every range */
    gsl_multimin_function f = {.f = nm_function, .n = n, .params = s};
    int gs = gsl_multimin_fminimizer_set(m, &f, y0, step);
    /* Iterations that only find decisions already evaluated (rounded whole numbers)
       cost nothing; the cap stops a simplex that no longer moves. */
    for (long it = 0; gs == GSL_SUCCESS && s->st == FSIM_OK && !s->spent && it < 200 * opt->budget;
         it++) {
      if (gsl_multimin_fminimizer_iterate(m) != GSL_SUCCESS) break;
      if (gsl_multimin_fminimizer_size(m) < opt->tolerance) break;
    }
  }
  gsl_multimin_fminimizer_free(m);
  gsl_vector_free(y0);
  gsl_vector_free(step);
}

static fsim_status run_search(search *s, const fsim_optimize_options *opt) {
  const fsim_opt_problem *pb = s->pb;
  long combos = 1;
  for (int v = 0; v < pb->nvar; v++)
    if (pb->var[v].kind == FSIM_DEC_SET) combos *= pb->var[v].nlevels;
  if (combos > opt->budget)
    return fsim_error_set(s->err, FSIM_E_INPUT, "--budget", 0, "",
                          "the discrete decisions have %ld combinations, more than the budget "
                          "of %ld evaluations", combos, opt->budget);
  if (opt->discrete == FSIM_DISCRETE_KN) return fsim_opt_kn(s->rn, s->err);
  for (long c = 0; c < combos && s->st == FSIM_OK; c++) {
    long rest = c;
    for (int v = pb->nvar - 1; v >= 0; v--) /* mixed radix, the last decision fastest */
      if (pb->var[v].kind == FSIM_DEC_SET) {
        s->level[v] = (int)(rest % pb->var[v].nlevels);
        rest /= pb->var[v].nlevels;
      }
    /* Each combination gets an equal share of what is left of the budget. */
    s->rn->limit = s->rn->nevals + (opt->budget - s->rn->nevals) / (combos - c);
    s->spent = 0;
    if (pb->ncont == 0) {
      char values[FSIM_OPT_MAXVAR][128];
      const fsim_opt_eval *e;
      values_of(s, NULL, values);
      s->st = fsim_opt_evaluate(s->rn, values, &e, s->err);
    } else {
      nelder_mead(s, opt);
    }
  }
  return s->st;
}

/* The best evaluation: feasible first, then the objective, then the earliest. */
static long best_of(const fsim_opt_runner *rn) {
  if (rn->chosen > 0) return rn->chosen - 1; /* a selection procedure's choice */
  long best = -1;
  for (long i = 0; i < rn->nevals; i++)
    if (best < 0 || score(rn->pb, &rn->evals[i]) < score(rn->pb, &rn->evals[best])) best = i;
  return best;
}

/* The fresh re-estimate: the best decision and the scenario as given, same fresh
 * seed, paired replication by replication. */
typedef struct fresh {
  fsim_opt_stat best[1 + FSIM_OPT_MAXCON], given[1 + FSIM_OPT_MAXCON],
      diff[1 + FSIM_OPT_MAXCON];
} fresh;

/* Quantity q of every replication of the scenario with `values` (NULL: as given) on
 * the fresh seed, into x[q * reps + r]. */
static fsim_status fresh_run(fsim_opt_runner *rn, char values[][128], double *x,
                             fsim_error *err) {
  fsim_overrides *o = NULL;
  fsim_scenario *sc = NULL;
  fsim_status st = fsim_opt_overrides(rn->ov, rn->pb, values, &o, err);
  if (st == FSIM_OK) st = fsim_scenario_load(rn->path, o, &sc, err);
  st = fsim_opt_collect(rn, sc, st, 0, rn->pb->fresh_reps, rn->pb->fresh_seed, x, err);
  fsim_scenario_free(sc);
  fsim_overrides_free(o);
  return st;
}

static fsim_status re_estimate(fsim_opt_runner *rn, const char *best_key, fresh *fr,
                               fsim_error *err) {
  const fsim_opt_problem *pb = rn->pb;
  char values[FSIM_OPT_MAXVAR][128];
  const char *at = best_key;
  for (int v = 0; v < pb->nvar; v++) {
    size_t len = strcspn(at, ";");
    snprintf(values[v], 128, "%.*s", (int)len, at);
    at += len + (at[len] == ';');
  }
  const long n = pb->fresh_reps;
  const size_t size = (size_t)(1 + pb->ncon) * (size_t)n + 2;
  double *xb = malloc(size * sizeof *xb), *xg = malloc(size * sizeof *xg),
         *xd = malloc((size_t)n * sizeof *xd);
  if (!xb || !xg || !xd) {
    free(xb), free(xg), free(xd);
    return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  fsim_status st = fresh_run(rn, values, xb, err);
  if (st == FSIM_OK) st = fresh_run(rn, NULL, xg, err);
  for (int q = 0; st == FSIM_OK && q <= pb->ncon; q++) {
    double *b = xb + q * n, *g = xg + q * n;
    for (long r = 0; r < n; r++) xd[r] = b[r] - g[r]; /* one stream: paired; NaN if either */
    fsim_opt_stat_defined(xd, n, &fr->diff[q]);
    fsim_opt_stat_defined(b, n, &fr->best[q]);
    fsim_opt_stat_defined(g, n, &fr->given[q]);
  }
  free(xb), free(xg), free(xd);
  return st;
}

/* One CSV field, quoted when it holds a comma or a quote (a donor order). */
static void field(FILE *fp, const char *v, size_t len) {
  if (!memchr(v, ',', len) && !memchr(v, '"', len)) {
    fprintf(fp, "%.*s", (int)len, v);
    return;
  }
  fputc('"', fp);
  for (size_t i = 0; i < len; i++) {
    if (v[i] == '"') fputc('"', fp);
    fputc(v[i], fp);
  }
  fputc('"', fp);
}

/* The values of a key "v1;v2", as CSV fields each preceded by a comma. */
static void key_fields(FILE *fp, const char *key) {
  for (const char *at = key;;) {
    const size_t len = strcspn(at, ";");
    fputc(',', fp);
    field(fp, at, len);
    if (!at[len]) break;
    at += len + 1;
  }
}

static void num(FILE *fp, double v) {
  fputc(',', fp);
  if (!isnan(v)) fprintf(fp, "%.10g", v);
}

/* mean and 95% CI of a statistic, as three CSV fields after n. */
static void stat_csv(FILE *fp, const fsim_opt_stat *s) {
  const double h = fsim_ci_halfwidth(s->sd, s->n);
  fprintf(fp, ",%ld", s->n);
  num(fp, s->mean);
  num(fp, s->mean - h);
  num(fp, s->mean + h);
}

static const char *op_text(fsim_con_op op) {
  static const char *const t[] = {[FSIM_CON_LT] = "<", [FSIM_CON_LE] = "<=",
                                  [FSIM_CON_GT] = ">", [FSIM_CON_GE] = ">="};
  return t[op];
}

/* Fresh minus in-sample with its 95% CI: two independent samples (other seeds), so
 * the variances add; t with the smaller sample's degrees of freedom (conservative). A
 * CI that excludes 0 is optimisation bias (or chance, one time in twenty). */
static void gap_ci(const fsim_opt_stat *in, const fsim_opt_stat *fr, double *gap, double *lo,
                   double *hi) {
  *gap = fr->mean - in->mean;
  const long n = in->n < fr->n ? in->n : fr->n;
  const double se = sqrt(in->sd * in->sd / (double)in->n + fr->sd * fr->sd / (double)fr->n);
  const double h = fsim_ci_halfwidth(se * sqrt((double)n), n);
  *lo = *gap - h;
  *hi = *gap + h;
}

typedef struct outcome {
  const fsim_opt_eval *best;
  fresh fr;
  double seconds;
} outcome;

static fsim_status write_csvs(fsim_outdir *od, const fsim_opt_runner *rn, const outcome *oc,
                              fsim_error *err) {
  const fsim_opt_problem *pb = rn->pb;
  char path[FSIM_PATH_MAX + 256];
  fsim_file f;
  /* evaluations.csv: every evaluation of the search, in the order it was made. */
  fsim_status st = fsim_outdir_path(od, "evaluations.csv", path, sizeof path, err);
  if (st == FSIM_OK) st = fsim_file_open(&f, path, err);
  if (st != FSIM_OK) return st;
  fputs("evaluation", f.fp);
  for (int v = 0; v < pb->nvar; v++) fprintf(f.fp, ",%s", pb->var[v].path);
  fputs(",n,objective_mean,objective_sd", f.fp);
  for (int c = 0; c < pb->ncon; c++) fprintf(f.fp, ",%s", pb->con[c].metric);
  fputs(",feasible,violation\n", f.fp);
  for (long i = 0; i < rn->nevals; i++) {
    const fsim_opt_eval *e = &rn->evals[i];
    fprintf(f.fp, "%ld", e->index);
    key_fields(f.fp, e->key);
    fprintf(f.fp, ",%ld", e->q[0].n);
    num(f.fp, e->q[0].mean);
    num(f.fp, e->q[0].sd);
    for (int c = 0; c < pb->ncon; c++) num(f.fp, e->q[1 + c].mean);
    fprintf(f.fp, ",%d,%.6g\n", e->feasible, e->violation);
  }
  if ((st = fsim_file_commit(&f, err)) != FSIM_OK) return st;
  /* decision.csv: the best decision. */
  if ((st = fsim_outdir_path(od, "decision.csv", path, sizeof path, err)) != FSIM_OK) return st;
  if ((st = fsim_file_open(&f, path, err)) != FSIM_OK) return st;
  fputs("setting,kind,low,high,levels,value\n", f.fp);
  const char *at = oc->best->key;
  static const char *const kind[] = {[FSIM_DEC_REAL] = "continuous", [FSIM_DEC_INT] = "integer",
                                     [FSIM_DEC_SET] = "discrete"};
  for (int v = 0; v < pb->nvar; v++) {
    const fsim_decision *d = &pb->var[v];
    const size_t len = strcspn(at, ";");
    fprintf(f.fp, "%s,%s,", d->path, kind[d->kind]);
    if (d->kind == FSIM_DEC_SET) {
      char levels[FSIM_OPT_MAXLEVEL * 130] = "";
      for (int l = 0; l < d->nlevels; l++)
        snprintf(levels + strlen(levels), sizeof levels - strlen(levels), "%s%s", l ? "|" : "",
                 d->level[l]);
      fputs(",,", f.fp);
      field(f.fp, levels, strlen(levels));
    } else {
      fprintf(f.fp, "%.10g,%.10g,", d->lo, d->hi);
    }
    fputc(',', f.fp);
    field(f.fp, at, len);
    fputc('\n', f.fp);
    at += len + (at[len] == ';');
  }
  if ((st = fsim_file_commit(&f, err)) != FSIM_OK) return st;
  /* estimate.csv: in-sample and fresh, and the paired difference from as given. */
  if ((st = fsim_outdir_path(od, "estimate.csv", path, sizeof path, err)) != FSIM_OK) return st;
  if ((st = fsim_file_open(&f, path, err)) != FSIM_OK) return st;
  /* Intervals named as in every output file: <statistic>_ci95_low/high (formats.h). */
  fputs("quantity,bound,in_sample_n,in_sample_mean,in_sample_mean" FSIM_CI95_LOW
        ",in_sample_mean" FSIM_CI95_HIGH ",fresh_n,fresh_mean,fresh_mean" FSIM_CI95_LOW
        ",fresh_mean" FSIM_CI95_HIGH ",as_given_n,as_given_mean,as_given_mean" FSIM_CI95_LOW
        ",as_given_mean" FSIM_CI95_HIGH ",difference_n,difference,difference" FSIM_CI95_LOW
        ",difference" FSIM_CI95_HIGH ",fresh_minus_in_sample,fresh_minus_in_sample"
        FSIM_CI95_LOW ",fresh_minus_in_sample" FSIM_CI95_HIGH "\n", f.fp);
  for (int q = 0; q <= pb->ncon; q++) {
    if (q) fprintf(f.fp, "%s,%s %.10g", pb->con[q - 1].metric, op_text(pb->con[q - 1].op),
                   pb->con[q - 1].bound);
    else fputs("objective,", f.fp);
    stat_csv(f.fp, &oc->best->q[q]);
    stat_csv(f.fp, &oc->fr.best[q]);
    stat_csv(f.fp, &oc->fr.given[q]);
    stat_csv(f.fp, &oc->fr.diff[q]);
    double gap, lo, hi;
    gap_ci(&oc->best->q[q], &oc->fr.best[q], &gap, &lo, &hi);
    num(f.fp, gap);
    num(f.fp, lo);
    num(f.fp, hi);
    fputc('\n', f.fp);
  }
  return fsim_file_commit(&f, err);
}

/* A mean and its interval at the digits the interval supports, as summary.txt gives
 * them (0.17 [0.10, 0.24], where %.5g wrote 0.17 [0.095091, 0.24491]). */
static void ci_text(const fsim_opt_stat *s, char *buf, size_t size) {
  const double h = fsim_ci_halfwidth(s->sd, s->n);
  char m[32], lo[32], hi[32];
  if (isnan(h)) snprintf(buf, size, "%.5g", s->mean);
  else
    snprintf(buf, size, "%s [%s, %s]", fsim_format_rounded(s->mean, h, m, sizeof m),
             fsim_format_rounded(s->mean - h, h, lo, sizeof lo),
             fsim_format_rounded(s->mean + h, h, hi, sizeof hi));
}

/* frontsim.meta: DIR holds a search, of the scenario's label: what the next command
 * on DIR may replace (output/replace.c). */
static fsim_status write_meta(fsim_outdir *od, const fsim_opt_runner *rn, fsim_error *err) {
  fsim_scenario *sc = NULL;
  fsim_status st = fsim_scenario_load(rn->path, rn->ov, &sc, err);
  fsim_run_meta meta = {.kind = "optimize", .seed = rn->pb->seed, .replications = rn->pb->reps};
  char path[FSIM_PATH_MAX + 64];
  if (st == FSIM_OK) {
    snprintf(meta.version, sizeof meta.version, "%s", FRONTSIM_VERSION);
    snprintf(meta.scenario_file, sizeof meta.scenario_file, "%s", rn->path);
    snprintf(meta.label, sizeof meta.label, "%s", fsim_scenario_label(sc));
    snprintf(meta.generator, sizeof meta.generator, "%s", fsim_scenario_rng(sc));
    st = fsim_outdir_path(od, FSIM_META_NAME, path, sizeof path, err);
  }
  if (st == FSIM_OK) st = fsim_meta_write(path, &meta, err);
  fsim_scenario_free(sc);
  return st;
}

static fsim_status write_text(fsim_outdir *od, const fsim_opt_runner *rn, const outcome *oc,
                              const char *command_line, fsim_error *err) {
  const fsim_opt_problem *pb = rn->pb;
  char path[FSIM_PATH_MAX + 256], line[FSIM_ONE_LINE_MAX], a[128], b[128], c[128];
  fsim_file f;
  fsim_status st = fsim_outdir_path(od, "optimize.txt", path, sizeof path, err);
  if (st == FSIM_OK) st = fsim_file_open(&f, path, err);
  if (st != FSIM_OK) return st;
  fprintf(f.fp, "frontsim %s: directed search on %s\n", FRONTSIM_VERSION,
          fsim_text_one_line(rn->path, line, sizeof line));
  fprintf(f.fp, "command: %s\n\n",
          fsim_text_one_line(command_line ? command_line : "(library call)", line, sizeof line));
  fprintf(f.fp, "Objective: %s ", pb->maximise ? "maximise" : "minimise");
  for (int t = 0; t < pb->nterm; t++)
    fprintf(f.fp, "%s%.6g*%s", t ? " + " : "", pb->weight[t], pb->term[t]);
  fputs(" (mean over replications)\n", f.fp);
  for (int k = 0; k < pb->ncon; k++)
    fprintf(f.fp, "Constraint: mean %s %s %.10g\n", pb->con[k].metric, op_text(pb->con[k].op),
            pb->con[k].bound);
  const fsim_optimize_options *opt = rn->opt;
  if (opt->discrete == FSIM_DISCRETE_KN)
    fprintf(f.fp, "Search: Kim-Nelson ranking and selection among %ld alternatives, seed %" PRIu64
                  " (common random numbers): indifference zone %.6g, confidence %.6g, first "
                  "stage %ld replications, then %ld more per stage of each alternative still "
                  "in, at most %ld; %ld stage(s), %ld replications in all, %.1f%% of the %ld "
                  "that enumeration with %ld each takes; %d alternative(s) left at the end%s.\n\n",
            rn->nevals, pb->seed, opt->delta, opt->confidence, opt->first_stage,
            opt->first_stage, pb->reps, rn->kn_stages, rn->kn_total,
            100.0 * (double)rn->kn_total / ((double)rn->nevals * (double)pb->reps),
            rn->nevals * pb->reps, pb->reps, rn->kn_survivors,
            rn->kn_survivors > 1 ? " (the cap stopped it: the best mean among them)" : "");
  else
    fprintf(f.fp, "Search: %ld evaluations of %ld replications each, seed %" PRIu64
                  " (common random numbers); Nelder-Mead over %d continuous decision(s), "
                  "%d discrete one(s) enumerated.\n\n",
            rn->nevals, pb->reps, pb->seed, pb->ncont, pb->nvar - pb->ncont);
  fprintf(f.fp, "Best decision (evaluation %ld, %s):\n", oc->best->index,
          oc->best->feasible ? "meets every constraint in-sample"
                             : "NO evaluation met every constraint: the least violation");
  const char *at = oc->best->key;
  for (int v = 0; v < pb->nvar; v++) {
    const size_t len = strcspn(at, ";");
    fprintf(f.fp, "  %-50s %.*s\n", pb->var[v].path, (int)len, at);
    at += len + (at[len] == ';');
  }
  fprintf(f.fp, "\nRe-estimated on fresh seeds (seed %" PRIu64 ", %ld replications), paired "
                "with the scenario as given:\n\n%-40s %-30s %-30s %-30s %s\n",
          pb->fresh_seed, pb->fresh_reps, "quantity", "in-sample [95% CI]", "fresh [95% CI]",
          "as given (fresh)", "best - as given [95% CI]");
  for (int q = 0; q <= pb->ncon; q++) {
    char d[128];
    ci_text(&oc->best->q[q], a, sizeof a);
    ci_text(&oc->fr.best[q], b, sizeof b);
    ci_text(&oc->fr.given[q], c, sizeof c);
    ci_text(&oc->fr.diff[q], d, sizeof d);
    fprintf(f.fp, "%-40s %-30s %-30s %-30s %s\n", q ? pb->con[q - 1].metric : "objective", a, b,
            c, d);
  }
  const double h = fsim_ci_halfwidth(oc->best->q[0].sd, oc->best->q[0].n);
  double gap, lo, hi;
  gap_ci(&oc->best->q[0], &oc->fr.best[0], &gap, &lo, &hi);
  const int agree = isnan(lo) ? gap == 0 : lo <= 0 && 0 <= hi;
  char gt[40], lt[32], ht[32];
  if (isnan(lo)) {
    snprintf(gt, sizeof gt, "%+.4g", gap);
    snprintf(lt, sizeof lt, "%.4g", lo);
    snprintf(ht, sizeof ht, "%.4g", hi);
  } else { /* the digits the interval supports, as above */
    const double hw = (hi - lo) / 2;
    char g[32];
    fsim_format_rounded(gap, hw, g, sizeof g);
    snprintf(gt, sizeof gt, "%s%s", g[0] == '-' ? "" : "+", g);
    fsim_format_rounded(lo, hw, lt, sizeof lt);
    fsim_format_rounded(hi, hw, ht, sizeof ht);
  }
  fprintf(f.fp, "\nFresh minus in-sample objective: %s [95%% CI %s, %s]: %s.\n"
                "The fresh objective is %s the in-sample 95%% CI.\n",
          gt, lt, ht,
          agree ? "no optimisation bias detected" : "OPTIMISATION BIAS (or chance)",
          fabs(gap) <= (isnan(h) ? 0 : h) ? "within" : "outside");
  fprintf(f.fp, "\nTime: %.3g s, of which %.3g s (%.1f%%) in replications.\n", oc->seconds,
          rn->run_seconds, oc->seconds > 0 ? 100 * rn->run_seconds / oc->seconds : 0.0);
  return fsim_file_commit(&f, err);
}

/* A hash of what determines the search: the scenario as loaded, the problem and the
 * search's settings, so a journal is resumed only by the search that wrote it. */
static fsim_status setup_hash(const char *path, const fsim_overrides *ov,
                              const fsim_optimize_options *opt, const fsim_opt_problem *pb,
                              uint64_t *out, fsim_error *err) {
  fsim_scenario *sc = NULL;
  char *text = NULL;
  fsim_status st = fsim_scenario_load(path, ov, &sc, err);
  if (st == FSIM_OK) st = fsim_scenario_to_text(sc, NULL, &text, err);
  if (st == FSIM_OK) {
    char buf[512];
    uint64_t h = fsim_fnv1a(FSIM_FNV_INIT, text, strlen(text));
    const char *parts[] = {opt->decisions, opt->objective, opt->constraints ? opt->constraints : ""};
    for (size_t i = 0; i < 3; i++) h = fsim_fnv1a(h, parts[i], strlen(parts[i]) + 1);
    snprintf(buf, sizeof buf, "%ld %" PRIu64 " %ld %.17g %.17g %d %.17g %.17g %ld", pb->reps,
             pb->seed, opt->budget, opt->tolerance, opt->step, opt->discrete, opt->delta,
             opt->confidence, opt->first_stage);
    *out = fsim_fnv1a(h, buf, strlen(buf));
  }
  fsim_free(text);
  fsim_scenario_free(sc);
  return st;
}

fsim_status fsim_optimize(const char *path, const fsim_overrides *ov,
                          const fsim_optimize_options *given, const char *out_dir,
                          const char *command_line, fsim_error *err) {
  if (!path || !given || !out_dir)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "",
                          "fsim_optimize: no scenario, options or output directory (NULL)");
  const double t0 = fsim_opt_now();
  /* The options given, completed from the scenario's optimize section. */
  fsim_optimize_options *opt = NULL;
  fsim_status st = fsim_opt_options_effective(given, path, ov, &opt, err);
  if (st != FSIM_OK) return st;
  fsim_opt_problem *pb = malloc(sizeof *pb);
  if (!pb) {
    fsim_optimize_options_free(opt);
    return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  st = fsim_opt_problem_parse(opt, path, ov, pb, err);
  uint64_t setup = 0;
  if (st == FSIM_OK) st = setup_hash(path, ov, opt, pb, &setup, err);
  /* Up to here every process fails alike (the same input); from here one process owns
     the output, its lock and the journal (with several: rank 0), and the others learn
     of its failure from fsim_opt_agree. */
  const int alike_ok = st == FSIM_OK;
  const int owner = opt->ranks <= 1 || opt->rank == 0;
  if (st == FSIM_OK && owner) st = fsim_outdir_check_target(out_dir, err);
  fsim_opt_runner rn;
  memset(&rn, 0, sizeof rn);
  rn.path = path;
  rn.ov = ov;
  rn.opt = opt;
  rn.pb = pb;
  rn.limit = opt->budget;
  fsim_lock lock = {.fd = -1};
  /* "out/o/" is "out/o": its lock and journal beside it, not inside. */
  const int len = (int)fsim_path_dir_len(out_dir);
  char lock_path[FSIM_PATH_MAX + 16];
  snprintf(lock_path, sizeof lock_path, "%.*s.lock", len < FSIM_PATH_MAX ? len : FSIM_PATH_MAX - 1,
           out_dir);
  snprintf(rn.journal_path, sizeof rn.journal_path, "%.*s.optimize-journal", len, out_dir);
  if (st == FSIM_OK && owner) st = fsim_lock_take_as(&lock, lock_path, "optimize", 0, err);
  if (st == FSIM_OK && owner) st = fsim_opt_journal_open(&rn, setup, err);
  if (alike_ok) st = fsim_opt_agree(opt, st, err);
  search s = {.rn = &rn, .pb = pb, .st = FSIM_OK, .err = err};
  if (st == FSIM_OK) st = run_search(&s, opt);
  outcome oc;
  memset(&oc, 0, sizeof oc);
  long best = st == FSIM_OK ? best_of(&rn) : -1;
  if (st == FSIM_OK && best < 0)
    st = fsim_error_set(err, FSIM_E_INPUT, "--budget", 0, "", "no evaluation was made");
  if (st == FSIM_OK) {
    oc.best = &rn.evals[best];
    st = re_estimate(&rn, oc.best->key, &oc.fr, err);
  }
  if (st == FSIM_OK && owner) {
    fsim_outdir od;
    oc.seconds = fsim_opt_now() - t0;
    st = fsim_outdir_begin(&od, out_dir, err);
    if (st == FSIM_OK) {
      st = write_csvs(&od, &rn, &oc, err);
      if (st == FSIM_OK) st = write_text(&od, &rn, &oc, command_line, err);
      if (st == FSIM_OK) st = write_meta(&od, &rn, err);
      if (st == FSIM_OK) st = fsim_outdir_commit(&od, err);
      else fsim_outdir_abort(&od);
    }
  }
  if (st == FSIM_E_INTERRUPTED)
    st = fsim_error_set(err, FSIM_E_INTERRUPTED, out_dir, 0, "",
                        "interrupted after %ld evaluations (kept in %s); continue with --resume",
                        rn.nevals, rn.journal_path);
  /* The output is complete: the journal is no longer needed. */
  if (st == FSIM_OK && owner) unlink(rn.journal_path);
  fsim_opt_runner_free(&rn);
  fsim_lock_release(&lock);
  free(pb);
  fsim_optimize_options_free(opt);
  return st;
}
