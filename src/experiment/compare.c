/* frontsim compare: a base and its what-ifs under common random numbers, every
 * difference paired against the base with its confidence interval, and how much
 * pairing reduced the variance. The scenarios are run one after the other, each
 * written whole into its letter's directory with its series, which are then let
 * go: the memory is one scenario's series and every scenario's metrics. */
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare_internal.h"
#include "compare_options.h"
#include "fileio.h"
#include "formats.h"
#include "frontsim/version.h"
#include "metric_table.h"
#include "results.h"
#include "run_target.h"
#include "stats.h"

static uint32_t fnv(const char *text) {
  uint64_t h = 14695981039346656037ULL; /* FNV-1a, as fsim_label_dirname */
  for (const char *p = text; *p; p++) h = (h ^ (unsigned char)*p) * 1099511628211ULL;
  return (uint32_t)(h ^ (h >> 32));
}

/* `whole`, or when longer than `keep` its first `keep` bytes, " #" and its hash. */
static void shortened(const char *whole, size_t keep, char *buf, size_t size) {
  if (strlen(whole) <= keep)
    snprintf(buf, size, "%s", whole);
  else
    snprintf(buf, size, "%.*s #%08x", (int)keep, whole, (unsigned)fnv(whole));
}

void fsim_compare_label(const fsim_scenario *const *sc, int n, char *buf, size_t size) {
  char whole[FSIM_COMPARE_MAX * 1100] = "";
  size_t used = 0;
  for (int i = 0; i < n && used < sizeof whole; i++) {
    int k = snprintf(whole + used, sizeof whole - used, "%s%.1024s", i ? " vs " : "",
                     fsim_scenario_label(sc[i]));
    if (k > 0) used += (size_t)k;
  }
  /* frontsim.meta keeps 127 bytes of a label: the shortened one fits whole. */
  shortened(whole, 100, buf, size);
}

void fsim_compare_dirname(const fsim_scenario *const *sc, int n, char *buf, size_t size) {
  char whole[FSIM_COMPARE_MAX * 72] = "compare";
  size_t used = strlen(whole);
  for (int i = 0; i < n && used < sizeof whole; i++) {
    char name[64];
    fsim_label_dirname(fsim_scenario_label(sc[i]), name, sizeof name);
    int k = snprintf(whole + used, sizeof whole - used, "-%s", name);
    if (k > 0) used += (size_t)k;
  }
  if (used <= 120) {
    snprintf(buf, size, "%s", whole);
    return;
  }
  char base[64];
  fsim_label_dirname(fsim_scenario_label(sc[0]), base, sizeof base);
  snprintf(buf, size, "compare-%s-and-%d-what-ifs-%08x", base, n - 1, (unsigned)fnv(whole));
}

/* Where x (base) and y (what-if) are both defined: the paired statistics
 * (docs/MODEL.md §13, paired comparisons). */
static void pair(const fsim_results *ra, int ma, const fsim_results *rb, int mb, double *da,
                 double *db, double *dd, fsim_compare_row *row) {
  long n = 0;
  for (long r = 0; r < ra->nreps; r++) {
    double x = fsim_results_value(ra, r, ma), y = fsim_results_value(rb, r, mb);
    if (isnan(x) || isnan(y)) continue;
    da[n] = x;
    db[n] = y;
    dd[n] = y - x;
    n++;
  }
  row->n = n;
  row->diff_lo = row->diff_hi = row->unpaired_half = row->reduction = NAN;
  if (n < 2) {
    row->mean_a = n ? da[0] : NAN;
    row->mean_b = n ? db[0] : NAN;
    row->diff = n ? dd[0] : NAN;
    return;
  }
  row->mean_a = gsl_stats_mean(da, 1, (size_t)n);
  row->mean_b = gsl_stats_mean(db, 1, (size_t)n);
  row->diff = gsl_stats_mean(dd, 1, (size_t)n);
  double va = gsl_stats_variance(da, 1, (size_t)n), vb = gsl_stats_variance(db, 1, (size_t)n);
  double vd = gsl_stats_variance(dd, 1, (size_t)n);
  double h = fsim_ci_halfwidth(sqrt(vd), n);
  row->diff_lo = row->diff - h;
  row->diff_hi = row->diff + h;
  /* Two independent runs of n each would give Var(mean B - mean A) = (va + vb) / n. */
  row->unpaired_half = fsim_ci_halfwidth(sqrt(va + vb), n);
  row->reduction = vd > 0 ? (va + vb) / vd : (va + vb > 0 ? INFINITY : NAN);
}

/* One scenario's own mean over all its replications where it defines metric m. */
static void own(const fsim_results *r, int m, double *scratch, long *n, double *mean,
                double *half) {
  long k = 0;
  for (long i = 0; i < r->nreps; i++) {
    double v = fsim_results_value(r, i, m);
    if (!isnan(v)) scratch[k++] = v;
  }
  *n = k;
  *mean = k ? gsl_stats_mean(scratch, 1, (size_t)k) : NAN;
  *half = k > 1 ? fsim_ci_halfwidth(gsl_stats_sd(scratch, 1, (size_t)k), k) : NAN;
}

/* The target's width: the widest paired interval of the metric over the what-ifs. */
typedef struct target_ctx {
  int m[FSIM_COMPARE_MAX];
} target_ctx;

static fsim_status widest(void *ctx, fsim_results *const *res, int nres, double *h,
                          fsim_error *err) {
  const target_ctx *t = ctx;
  const long n = res[0]->nreps;
  double *buf = malloc(3 * (size_t)n * sizeof *buf);
  if (!buf) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  *h = 0;
  for (int w = 1; w < nres; w++) {
    fsim_compare_row row;
    pair(res[0], t->m[0], res[w], t->m[w], buf, buf + n, buf + 2 * n, &row);
    double hw = (row.diff_hi - row.diff_lo) / 2;
    /* Fewer than two pairs: no interval yet, so more replications are needed. */
    if (!(hw <= *h)) *h = isnan(hw) ? INFINITY : hw;
  }
  free(buf);
  return FSIM_OK;
}

/* Every label differs, and the target's metric is known to every scenario: checked
 * before any replication runs. */
static fsim_status check_inputs(const fsim_scenario *const *sc, int nsc,
                                const fsim_compare_options *opt, target_ctx *t,
                                fsim_error *err) {
  if (nsc < 2 || nsc > FSIM_COMPARE_MAX)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "",
                          "compare takes 2 to %d scenarios (a base and its what-ifs), got %d",
                          FSIM_COMPARE_MAX, nsc);
  for (int i = 0; i < nsc; i++)
    for (int j = 0; j < i; j++)
      if (strcmp(fsim_scenario_label(sc[i]), fsim_scenario_label(sc[j])) == 0)
        return fsim_error_set(err, FSIM_E_INPUT, fsim_scenario_source(sc[i]), 0, "run.label",
                              "scenarios %c and %c have the same label \"%.200s\", so their "
                              "results could not be told apart; name one with --label-%c",
                              fsim_compare_letter(j), fsim_compare_letter(i),
                              fsim_scenario_label(sc[i]), fsim_compare_letter(i));
  if (!opt->target_metric) return FSIM_OK;
  if (!(opt->target_halfwidth > 0))
    return fsim_error_set(err, FSIM_E_INPUT, "--target-ci", 0, "",
                          "the half-width must be above 0");
  fsim_status st = fsim_target_metric(sc[0], opt->target_metric, &t->m[0], err);
  for (int i = 1; st == FSIM_OK && i < nsc; i++) {
    fsim_error ignored;
    if (fsim_target_metric(sc[i], opt->target_metric, &t->m[i], &ignored) != FSIM_OK)
      st = fsim_error_set(err, FSIM_E_INPUT, "--target-ci", 0, "",
                          "what-if %c (%.200s) has no metric \"%s\", which the base has",
                          fsim_compare_letter(i), fsim_scenario_label(sc[i]),
                          opt->target_metric);
  }
  return st;
}

/* The rows of what-if w against the base: one per metric of the base that w has. */
static fsim_status add_rows(const fsim_results *ra, const fsim_results *rb, int w,
                            fsim_compare_row **rows, long *nrows, fsim_error *err) {
  const fsim_layout *la = &ra->layout;
  fsim_compare_row *grown = realloc(*rows, (size_t)(*nrows + la->nmetrics) * sizeof *grown);
  double *buf = malloc(3 * (size_t)ra->nreps * sizeof *buf + 1);
  if (grown) *rows = grown;
  if (!grown || !buf) {
    free(buf);
    return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  double *da = buf, *db = buf + ra->nreps, *dd = buf + 2 * ra->nreps;
  for (int m = 0; m < la->nmetrics; m++) {
    int mb = fsim_results_metric_index(rb, la->metric_name[m]);
    if (mb < 0) continue; /* metrics only the base has */
    fsim_compare_row *row = &(*rows)[(*nrows)++];
    memset(row, 0, sizeof *row);
    row->what_if = w;
    row->metric = la->metric_name[m];
    row->kind = la->metric_kind[m];
    const fsim_metric_ref *ref = &la->metric_ref[m];
    fsim_metric_text(row->title, sizeof row->title, fsim_metric_families[ref->family].title,
                     ra->sc, ref->family, ref->a, ref->b, 1);
    row->reps = ra->nreps;
    pair(ra, m, rb, mb, da, db, dd, row);
    own(ra, m, da, &row->n_a, &row->mean_a_all, &row->half_a_all);
    own(rb, mb, db, &row->n_b, &row->mean_b_all, &row->half_b_all);
  }
  free(buf);
  return FSIM_OK;
}

static fsim_status write_meta(const fsim_outdir *od, const fsim_scenario *const *sc, int nsc,
                              long reps, uint64_t seed, fsim_error *err) {
  fsim_run_meta meta = {.kind = "compare", .seed = seed, .replications = reps};
  snprintf(meta.version, sizeof meta.version, "%s", FRONTSIM_VERSION);
  snprintf(meta.scenario_file, sizeof meta.scenario_file, "%s", fsim_scenario_source(sc[0]));
  fsim_compare_label(sc, nsc, meta.label, sizeof meta.label);
  snprintf(meta.generator, sizeof meta.generator, "%s", sc[0]->run.rng);
  char path[sizeof od->stage + 32];
  snprintf(path, sizeof path, "%s/%s", od->stage, FSIM_META_NAME);
  return fsim_meta_write(path, &meta, err);
}

static fsim_status write_tables(const fsim_outdir *od, const fsim_compare_report *rep,
                                fsim_error *err) {
  fsim_file csv = {0}, txt = {0};
  char path[sizeof od->stage + 32];
  snprintf(path, sizeof path, "%s/compare.csv", od->stage);
  fsim_status st = fsim_file_open(&csv, path, err);
  if (st == FSIM_OK) {
    snprintf(path, sizeof path, "%s/compare.txt", od->stage);
    st = fsim_file_open(&txt, path, err);
  }
  if (st == FSIM_OK) {
    fsim_compare_write_csv(csv.fp, rep);
    fsim_compare_write_text(txt.fp, rep);
    st = fsim_file_commit(&csv, err);
    if (st == FSIM_OK) st = fsim_file_commit(&txt, err);
  }
  /* No-ops for a file committed (or never opened); else close and remove the temp. */
  fsim_file_abort(&csv);
  fsim_file_abort(&txt);
  return st;
}

fsim_status fsim_compare_run(const fsim_scenario *const *sc, int nsc,
                             const fsim_compare_options *opt, const char *dir,
                             const char *command_line, long *replications, int *reached_out,
                             fsim_error *err) {
  if (!sc || !dir)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "",
                          "fsim_compare_run: no scenarios or no directory (NULL)");
  for (int i = 0; i < nsc; i++)
    if (!sc[i]) return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "scenario %d is NULL", i);
  fsim_compare_options defaults;
  if (!opt) {
    fsim_compare_options_init(&defaults);
    opt = &defaults;
  }
  target_ctx tctx;
  memset(&tctx, 0, sizeof tctx);
  fsim_status st = check_inputs(sc, nsc, opt, &tctx, err);
  if (st != FSIM_OK) return st;
  fsim_run_options o = opt->run;
  if (!o.has_seed) {
    o.has_seed = 1;
    o.seed = fsim_scenario_seed(sc[0]);
  }
  if (o.replications <= 0) o.replications = fsim_scenario_replications(sc[0]);
  o.point = 0;
  o.keep_series = 1;
  int reached = 1;
  fsim_results *res[FSIM_COMPARE_MAX] = {NULL};
  st = fsim_outdir_check_target(dir, err);
  if (st == FSIM_OK && opt->target_metric) {
    /* Rounds on the metrics alone; the count found is then run with the series. */
    fsim_run_options r = o;
    r.progress = NULL;
    st = fsim_target_rounds(sc, nsc, &r, opt->max_replications > 0 ? opt->max_replications
                                                                   : 1000000,
                            opt->target_halfwidth, widest, &tctx, res, &reached, err);
    if (st == FSIM_OK) o.replications = res[0]->nreps;
    for (int i = 0; i < nsc; i++) {
      fsim_results_free(res[i]);
      res[i] = NULL;
    }
  }
  fsim_outdir od;
  memset(&od, 0, sizeof od);
  if (st == FSIM_OK) st = fsim_outdir_begin(&od, dir, err);
  fsim_compare_row *rows = NULL;
  long nrows = 0;
  for (int i = 0; st == FSIM_OK && i < nsc; i++) {
    st = fsim_run(sc[i], &o, &res[i], err);
    char path[sizeof od.stage + 8];
    snprintf(path, sizeof path, "%s/%c", od.stage, fsim_compare_letter(i));
    if (st == FSIM_OK) st = fsim_results_write_dir(res[i], sc[i], path, command_line, err);
    /* Written: only the metrics are needed from here on. */
    if (st == FSIM_OK) fsim_series_store_free(&res[i]->ser);
    if (st == FSIM_OK && i > 0) st = add_rows(res[0], res[i], i, &rows, &nrows, err);
  }
  fsim_compare_report rep = {.sc = sc, .nsc = nsc, .reps = o.replications, .seed = o.seed,
                             .command_line = command_line, .target_metric = opt->target_metric,
                             .target_halfwidth = opt->target_halfwidth, .reached = reached,
                             .rows = rows, .nrows = nrows};
  if (st == FSIM_OK) st = write_meta(&od, sc, nsc, o.replications, o.seed, err);
  if (st == FSIM_OK) st = write_tables(&od, &rep, err);
  if (st == FSIM_OK)
    st = fsim_outdir_commit(&od, err);
  else
    fsim_outdir_abort(&od);
  if (st == FSIM_OK && replications) *replications = o.replications;
  if (st == FSIM_OK && reached_out) *reached_out = reached;
  free(rows);
  for (int i = 0; i < nsc; i++) fsim_results_free(res[i]);
  return st;
}
