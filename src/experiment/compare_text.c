/* compare.txt and compare.csv: the rows compare.c measured, for a reader and for
 * a program (the difference chart of `frontsim plot` reads compare.csv). */
#include <math.h>
#include <string.h>

#include "compare_internal.h"
#include "formats.h"
#include "metric_table.h"
#include "stats.h"
#include "text.h"

/* A CSV field: quoted when it holds a comma or a quote (labels list overrides). */
static void csv_text(FILE *fp, const char *text) {
  char one[FSIM_ONE_LINE_MAX];
  fsim_text_one_line(text, one, sizeof one);
  if (!strpbrk(one, ",\"")) {
    fputs(one, fp);
    return;
  }
  fputc('"', fp);
  for (const char *p = one; *p; p++) {
    if (*p == '"') fputc('"', fp);
    fputc(*p, fp);
  }
  fputc('"', fp);
}

static void csv_num(FILE *fp, double v) {
  fputc(',', fp);
  if (!isnan(v)) fprintf(fp, "%.10g", v);
}

void fsim_compare_write_csv(FILE *fp, const fsim_compare_report *rep) {
  fputs(FSIM_COMPARE_CSV_HEADER "\n", fp);
  for (long i = 0; i < rep->nrows; i++) {
    const fsim_compare_row *r = &rep->rows[i];
    fprintf(fp, "%c,", fsim_compare_letter(r->what_if));
    csv_text(fp, fsim_scenario_label(rep->sc[0]));
    fputc(',', fp);
    csv_text(fp, fsim_scenario_label(rep->sc[r->what_if]));
    const char *kind = FSIM_ENUM_NAME(fsim_metric_kind_names, r->kind);
    fprintf(fp, ",%s,%s,%ld", r->metric, kind ? kind : "value", r->n);
    const double v[] = {r->mean_a, r->mean_b, r->diff, r->diff_lo, r->diff_hi,
                        r->unpaired_half, r->reduction};
    for (size_t k = 0; k < sizeof v / sizeof v[0]; k++) csv_num(fp, v[k]);
    fprintf(fp, ",%ld", r->n_a);
    csv_num(fp, r->mean_a_all);
    fprintf(fp, ",%ld", r->n_b);
    csv_num(fp, r->mean_b_all);
    fputc('\n', fp);
  }
}

static void header(FILE *fp, const fsim_compare_report *rep) {
  char one[FSIM_ONE_LINE_MAX];
  fputs("frontsim compare: each what-if minus the base, paired by replication (common "
        "random numbers)\n",
        fp);
  for (int i = 0; i < rep->nsc; i++) {
    fprintf(fp, "%c%s: %s\n", fsim_compare_letter(i), i ? "" : " (base)",
            fsim_text_one_line(fsim_scenario_label(rep->sc[i]), one, sizeof one));
    fprintf(fp, "   (%s)\n", fsim_text_one_line(fsim_scenario_source(rep->sc[i]), one, sizeof one));
  }
  fprintf(fp, "%ld replications each, seed %llu\n", rep->reps, rep->seed);
  if (rep->target_metric)
    fprintf(fp, "target: every difference of %s within +-%g (95%% CI): %s\n", rep->target_metric,
            rep->target_halfwidth, rep->reached ? "reached" : "NOT reached at the limit");
  if (rep->command_line)
    fprintf(fp, "command: %s\n", fsim_text_one_line(rep->command_line, one, sizeof one));
  fputs("\n"
        "How to read it: a and the what-if are each scenario's own mean over all its\n"
        "replications (where the metric is defined); the difference is the mean of the\n"
        "paired differences over the replications where both define it, with its 95% CI.\n"
        "Figures are rounded to the digits their interval supports. 'pairing' is how many\n"
        "times smaller the variance of the difference is than with two independent runs.\n"
        "The intervals are Monte Carlo error only, not the uncertainty of the inputs.\n",
        fp);
}

/* Rounded as fsim_format_rounded, but a zero is "0" whatever its digits. */
static const char *fig(double v, double half, char *buf, size_t size) {
  if (v == 0) {
    snprintf(buf, size, "0");
    return buf;
  }
  return fsim_format_rounded(v, half, buf, size);
}

/* One what-if's block: a line per metric, then the notes on metrics defined only
 * in some replications. */
static void block(FILE *fp, const fsim_compare_report *rep, int w) {
  char one[FSIM_ONE_LINE_MAX], two[FSIM_ONE_LINE_MAX];
  const char b = fsim_compare_letter(w);
  fprintf(fp, "\n%c - a: %s minus %s\n", b,
          fsim_text_one_line(fsim_scenario_label(rep->sc[w]), one, sizeof one),
          fsim_text_one_line(fsim_scenario_label(rep->sc[0]), two, sizeof two));
  char col_b[4] = {b, '\0'}, col_d[8];
  snprintf(col_d, sizeof col_d, "%c - a", b);
  fprintf(fp, "%-44s %12s %12s %12s  %-25s %s\n", "metric", "a (base)", col_b, col_d, "95% CI",
          "pairing");
  int notes = 0;
  for (long i = 0; i < rep->nrows; i++) {
    const fsim_compare_row *r = &rep->rows[i];
    if (r->what_if != w) continue;
    char ma[32], mb[32], d[32], lo[32], hi[32], ci[72] = "", red[32] = "";
    const double half = (r->diff_hi - r->diff_lo) / 2;
    fig(r->mean_a_all, r->half_a_all, ma, sizeof ma);
    fig(r->mean_b_all, r->half_b_all, mb, sizeof mb);
    fig(r->diff, half, d, sizeof d);
    if (half == 0) /* every pair alike: an interval says nothing more */
      snprintf(ci, sizeof ci, "(same in every pair)");
    else if (!isnan(r->diff_lo))
      snprintf(ci, sizeof ci, "[%s, %s]", fsim_format_rounded(r->diff_lo, half, lo, sizeof lo),
               fsim_format_rounded(r->diff_hi, half, hi, sizeof hi));
    if (!isnan(r->reduction) && !isinf(r->reduction))
      snprintf(red, sizeof red, "%.1fx", r->reduction);
    const int partial = r->n_a < r->reps || r->n_b < r->reps;
    char mark[16] = "";
    if (partial) snprintf(mark, sizeof mark, "  (%d)", ++notes);
    fprintf(fp, "%-44s %12s %12s %12s  %-25s %s%s\n", r->metric, ma, mb, d, ci, red, mark);
  }
  if (!notes) return;
  fputs("\nDefined only in some replications (e.g. a day on which something happened):\n", fp);
  notes = 0;
  for (long i = 0; i < rep->nrows; i++) {
    const fsim_compare_row *r = &rep->rows[i];
    if (r->what_if != w || (r->n_a == r->reps && r->n_b == r->reps)) continue;
    fprintf(fp,
            "(%d) %s (%s):\n    a's mean is over the %ld of its %ld replications where it is "
            "defined, %c's over %ld;\n    the difference over the %ld replications where both "
            "are%s.\n",
            ++notes, r->metric, r->title, r->n_a, r->reps, b, r->n_b, r->n,
            r->n < 2 ? " (too few for an interval)" : "");
  }
}

void fsim_compare_write_text(FILE *fp, const fsim_compare_report *rep) {
  header(fp, rep);
  for (int w = 1; w < rep->nsc; w++) block(fp, rep, w);
}
