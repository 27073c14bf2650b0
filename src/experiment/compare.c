/* frontsim compare: paired differences with their confidence intervals, and how
 * much pairing (common random numbers) reduced the variance. */
#include "frontsim/compare.h"

#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "results.h"
#include "stats.h"
#include "text.h"

typedef struct pair_stats {
  long n;
  double mean_a, mean_b, diff, diff_lo, diff_hi, unpaired_half, reduction;
} pair_stats;

static void pair(const fsim_results *ra, int ma, const fsim_results *rb, int mb, double *da,
                 double *db, double *dd, pair_stats *ps) {
  long n = 0;
  for (long r = 0; r < ra->nreps; r++) {
    double x = fsim_results_value(ra, r, ma), y = fsim_results_value(rb, r, mb);
    if (isnan(x) || isnan(y)) continue; /* pairs where both are defined */
    da[n] = x;
    db[n] = y;
    dd[n] = y - x;
    n++;
  }
  ps->n = n;
  if (n < 2) {
    ps->mean_a = n ? da[0] : NAN;
    ps->mean_b = n ? db[0] : NAN;
    ps->diff = n ? dd[0] : NAN;
    ps->diff_lo = ps->diff_hi = ps->unpaired_half = ps->reduction = NAN;
    return;
  }
  ps->mean_a = gsl_stats_mean(da, 1, (size_t)n);
  ps->mean_b = gsl_stats_mean(db, 1, (size_t)n);
  ps->diff = gsl_stats_mean(dd, 1, (size_t)n);
  double va = gsl_stats_variance(da, 1, (size_t)n), vb = gsl_stats_variance(db, 1, (size_t)n);
  double vd = gsl_stats_variance(dd, 1, (size_t)n);
  double h = fsim_ci_halfwidth(sqrt(vd), n);
  ps->diff_lo = ps->diff - h;
  ps->diff_hi = ps->diff + h;
  /* Two independent runs of n each would give Var(mean B - mean A) = (va + vb) / n. */
  ps->unpaired_half = fsim_ci_halfwidth(sqrt(va + vb), n);
  ps->reduction = vd > 0 ? (va + vb) / vd : (va + vb > 0 ? INFINITY : NAN);
}

static void num(FILE *fp, double v) {
  if (!isnan(v)) fprintf(fp, "%.10g", v);
}

fsim_status fsim_compare(const fsim_scenario *a, const fsim_scenario *b,
                         const fsim_run_options *opt, const char *dir,
                         const char *command_line, fsim_error *err) {
  if (!a || !b || !dir) return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "fsim_compare: no scenario A or B, or no directory (NULL)");
  fsim_run_options o = *opt;
  if (!o.has_seed) {
    o.has_seed = 1;
    o.seed = fsim_scenario_seed(a);
  }
  if (o.replications <= 0) o.replications = fsim_scenario_replications(a);
  o.point = 0;
  fsim_results *ra = NULL, *rb = NULL;
  fsim_outdir od;
  memset(&od, 0, sizeof od);
  double *buf = NULL;
  fsim_status st = fsim_outdir_check_target(dir, err);
  if (st == FSIM_OK) st = fsim_run(a, &o, &ra, err);
  if (st == FSIM_OK) st = fsim_run(b, &o, &rb, err);
  if (st == FSIM_OK) st = fsim_outdir_begin(&od, dir, err);
  char path[sizeof od.stage + 32];
  if (st == FSIM_OK) {
    snprintf(path, sizeof path, "%s/a", od.stage);
    st = fsim_results_write_dir(ra, a, path, command_line, err);
  }
  if (st == FSIM_OK) {
    snprintf(path, sizeof path, "%s/b", od.stage);
    st = fsim_results_write_dir(rb, b, path, command_line, err);
  }
  fsim_file csv = {0}, txt = {0};
  if (st == FSIM_OK) {
    buf = malloc(3 * (size_t)o.replications * sizeof *buf);
    if (!buf) st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  if (st == FSIM_OK) {
    snprintf(path, sizeof path, "%s/compare.csv", od.stage);
    st = fsim_file_open(&csv, path, err);
  }
  if (st == FSIM_OK) {
    snprintf(path, sizeof path, "%s/compare.txt", od.stage);
    st = fsim_file_open(&txt, path, err);
  }
  if (st == FSIM_OK) {
    fputs("metric,n,mean_a,mean_b,difference,difference_ci_low,difference_ci_high,"
          "unpaired_ci_halfwidth,variance_reduction\n",
          csv.fp);
    char one_a[FSIM_ONE_LINE_MAX], one_b[FSIM_ONE_LINE_MAX]; /* values on one line */
    fprintf(txt.fp,
            "frontsim compare: B - A, paired by replication (common random numbers)\n"
            "A: %s\n",
            fsim_text_one_line(fsim_scenario_label(a), one_a, sizeof one_a));
    fprintf(txt.fp, "   (%s)\n", fsim_text_one_line(fsim_scenario_source(a), one_a, sizeof one_a));
    fprintf(txt.fp, "B: %s\n", fsim_text_one_line(fsim_scenario_label(b), one_b, sizeof one_b));
    fprintf(txt.fp, "   (%s)\n%ld replications each, seed %llu\n",
            fsim_text_one_line(fsim_scenario_source(b), one_b, sizeof one_b), o.replications,
            (unsigned long long)o.seed);
    if (command_line)
      fprintf(txt.fp, "command: %s\n", fsim_text_one_line(command_line, one_a, sizeof one_a));
    fprintf(txt.fp,
            "\nDifference: mean [95%% CI, paired]; 'x' = how many times smaller the variance\n"
            "of the difference is than with two independent runs.\n\n"
            "%-44s %12.12s %12.12s %12s  %-27s %s\n",
            "metric", fsim_scenario_label(a), fsim_scenario_label(b), "B - A", "95% CI",
            "variance reduction");
    const fsim_layout *la = &ra->layout;
    double *da = buf, *db = buf + o.replications, *dd = buf + 2 * o.replications;
    for (int m = 0; m < la->nmetrics; m++) {
      int mb = fsim_results_metric_index(rb, la->metric_name[m]);
      if (mb < 0) continue; /* metrics only one scenario has */
      pair_stats ps;
      pair(ra, m, rb, mb, da, db, dd, &ps);
      fprintf(csv.fp, "%s,%ld,", la->metric_name[m], ps.n);
      double v[] = {ps.mean_a, ps.mean_b, ps.diff, ps.diff_lo, ps.diff_hi, ps.unpaired_half,
                    ps.reduction};
      for (size_t k = 0; k < sizeof v / sizeof v[0]; k++) {
        if (k) fputc(',', csv.fp);
        num(csv.fp, v[k]);
      }
      fputc('\n', csv.fp);
      char ci[64] = "", red[32] = "";
      if (!isnan(ps.diff_lo)) snprintf(ci, sizeof ci, "[%.4g, %.4g]", ps.diff_lo, ps.diff_hi);
      if (!isnan(ps.reduction)) snprintf(red, sizeof red, "%.3gx", ps.reduction);
      fprintf(txt.fp, "%-44s %12.5g %12.5g %12.5g  %-27s %s\n", la->metric_name[m], ps.mean_a,
              ps.mean_b, ps.diff, ci, red);
    }
    st = fsim_file_commit(&csv, err);
    if (st == FSIM_OK) st = fsim_file_commit(&txt, err);
  }
  /* No-ops for a file committed (or never opened); else close and remove the temp. */
  fsim_file_abort(&csv);
  fsim_file_abort(&txt);
  if (st == FSIM_OK)
    st = fsim_outdir_commit(&od, err);
  else
    fsim_outdir_abort(&od);
  free(buf);
  fsim_results_free(rb);
  fsim_results_free(ra);
  return st;
}
