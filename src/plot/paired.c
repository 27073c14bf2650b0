/* Paired differences of a sweep's points from one of them (frontsim plot --baseline P).
 * Replication r of every point uses the same random streams (common random numbers),
 * so y(p, r) - y(P, r) carries less noise than two separate means: the interval of the
 * difference is that of the mean of the pairs (docs/MODEL.md §11, as in a comparison),
 * narrower than the two points' own intervals suggest. The per-replication values come
 * from the sweep's replications.csv (sweep.per_replication = 1); each paired chart carries
 * its figures in its script, as a datablock, so the script stays self-contained. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "text.h"
#include "formats.h"
#include "plot_internal.h"
#include "stats.h"

/* Running mean and sum of squared deviations (Welford). */
typedef struct moments {
  long n;
  double mean, m2;
} moments;

static void add(moments *s, double x) {
  s->n++;
  const double d = x - s->mean;
  s->mean += d / (double)s->n;
  s->m2 += d * (x - s->mean);
}

static double sd_of(const moments *s) { return s->n > 1 ? sqrt(s->m2 / (double)(s->n - 1)) : NAN; }

/* The lines of a file in place (pointers into text, '\n' replaced by '\0'). */
static char **lines_of(char *text, long *n) {
  long cap = 1;
  for (const char *p = text; *p; p++) cap += *p == '\n';
  char **line = malloc((size_t)(cap + 1) * sizeof *line);
  *n = 0;
  if (!line) return NULL;
  char *save = NULL;
  for (char *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) line[(*n)++] = l;
  return line;
}

/* The prefix of a sweep.csv line up to its replications field (point, the parameters,
 * replications): cut in place at the comma after field 1 + k. */
static void cut_lead(char *line, int k) {
  char *p = line;
  for (int i = 0; i <= k + 1 && p; i++) {
    p = strchr(p, ',');
    if (p && i < k + 1) p++;
  }
  if (p) *p = '\0';
}

static fsim_status read_text(const char *dir, const char *name, char **text, fsim_error *err) {
  char path[FSIM_PATH_MAX + 32];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  return fsim_read_text(path, name, text, NULL, err);
}

fsim_status fsim_plot_paired_read(fsim_plot_sweep *sw, const char *dir, long baseline,
                                  long reps, fsim_error *err) {
  if (baseline < 0 || baseline >= sw->npoints)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "--baseline",
                          "the sweep has no point %ld (points 0 to %ld)", baseline,
                          sw->npoints - 1);
  char path[FSIM_PATH_MAX + 32];
  snprintf(path, sizeof path, "%s/replications.csv", dir);
  FILE *probe = fopen(path, "r");
  if (!probe)
    return fsim_error_set(err, FSIM_E_INPUT, path, 0, "--baseline",
                          "paired differences need each replication's values, which this sweep "
                          "did not keep: run it again with --set sweep.per_replication=1");
  fclose(probe);
  char *rtext = NULL, *stext = NULL;
  long nr = 0, ns = 0;
  fsim_status st = read_text(dir, "replications.csv", &rtext, err);
  if (st == FSIM_OK) st = read_text(dir, "sweep.csv", &stext, err);
  char **rl = st == FSIM_OK ? lines_of(rtext, &nr) : NULL;
  char **sl = st == FSIM_OK ? lines_of(stext, &ns) : NULL;
  const int nm = sw->nmetrics;
  int *col = calloc((size_t)nm + 1, sizeof *col);
  double *base = malloc(((size_t)reps * (size_t)nm + 1) * sizeof *base);
  moments *d = calloc((size_t)sw->npoints * (size_t)nm + 1, sizeof *d);
  moments *own = calloc((size_t)sw->npoints * (size_t)nm + 1, sizeof *own);
  sw->paired = malloc(((size_t)sw->npoints * (size_t)nm * FSIM_PAIRED_NCOLS + 1) * sizeof(double));
  sw->paired_lead = malloc(((size_t)sw->npoints + 1) * sizeof *sw->paired_lead);
  if (st == FSIM_OK && (!rl || !sl || !col || !base || !d || !own || !sw->paired ||
                        !sw->paired_lead))
    st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  if (st == FSIM_OK && (nr < 1 || ns != sw->npoints + 1))
    st = fsim_error_set(err, FSIM_E_INPUT, path, 0, "", "not the replications of this sweep");
  /* Each metric's column of replications.csv: point, replication, then the metrics. */
  for (int m = 0; st == FSIM_OK && m < nm; m++) {
    col[m] = -1;
    int c = 0;
    for (char *p = rl[0]; p; p = strchr(p, ','), p = p ? p + 1 : NULL, c++) {
      const size_t len = strlen(sw->metrics[m].name);
      if (strncmp(p, sw->metrics[m].name, len) == 0 && (p[len] == ',' || p[len] == '\0' || p[len] == '\r'))
        col[m] = c;
    }
  }
  for (long i = 0; st == FSIM_OK && i < reps * nm; i++) base[i] = NAN;
  /* First the baseline's values by replication, then every pair against them. */
  for (int pass = 0; st == FSIM_OK && pass < 2; pass++)
    for (long i = 1; i < nr; i++) {
      const long p = (long)fsim_csv_number(rl[i], 0), r = (long)fsim_csv_number(rl[i], 1);
      if (p < 0 || p >= sw->npoints || r < 0 || r >= reps) continue;
      for (int m = 0; m < nm; m++) {
        const double v = col[m] >= 0 ? fsim_csv_number(rl[i], col[m]) : NAN;
        if (pass == 0) {
          if (p == baseline) base[r * nm + m] = v;
          continue;
        }
        if (!isnan(v)) add(&own[p * nm + m], v);
        if (!isnan(v) && !isnan(base[r * nm + m])) add(&d[p * nm + m], v - base[r * nm + m]);
      }
    }
  for (long p = 0; st == FSIM_OK && p < sw->npoints; p++)
    for (int m = 0; m < nm; m++) {
      const moments *s = &d[p * nm + m], *a = &own[p * nm + m], *b = &own[baseline * nm + m];
      double *out = &sw->paired[(p * nm + m) * FSIM_PAIRED_NCOLS];
      const double h = fsim_ci_halfwidth(sd_of(s), s->n);
      /* Two independent samples of as many (as compare.c): Var = (var_p + var_P) / n. */
      const double u = a->n > 1 && b->n > 1
                           ? fsim_ci_halfwidth(sqrt(a->m2 / (double)(a->n - 1) +
                                                    b->m2 / (double)(b->n - 1)), s->n)
                           : NAN;
      const double mean = s->n ? s->mean : NAN;
      out[FSIM_PAIRED_MEAN] = mean;
      out[FSIM_PAIRED_LOW] = mean - (p == baseline ? 0 : h);
      out[FSIM_PAIRED_HIGH] = mean + (p == baseline ? 0 : h);
      out[FSIM_PAIRED_UNPAIRED_LOW] = mean - (p == baseline ? 0 : u);
      out[FSIM_PAIRED_UNPAIRED_HIGH] = mean + (p == baseline ? 0 : u);
      out[FSIM_PAIRED_N] = (double)s->n;
    }
  /* The lead of each row (point, parameters, replications) as sweep.csv has it. */
  for (long i = 0; st == FSIM_OK && i < ns; i++) cut_lead(sl[i], sw->nparams);
  if (st == FSIM_OK) {
    sw->paired_text = stext;
    stext = NULL;
    for (long p = 0; p < sw->npoints; p++) sw->paired_lead[p] = sl[p + 1];
    sw->paired_header = sl[0];
    sw->baseline = baseline;
    sw->has_paired = 1;
  } else {
    free(sw->paired);
    free(sw->paired_lead);
    sw->paired = NULL;
    sw->paired_lead = NULL;
  }
  free(sl);
  free(rl);
  free(stext);
  free(rtext);
  free(col);
  free(base);
  free(d);
  free(own);
  return st;
}

void fsim_plot_put_paired(FILE *out, const fsim_plot_sweep *sw, int m) {
  const char *name = sw->metrics[m].name;
  fprintf(out,
          "# The figures: each point's mean of the paired differences from point %ld, its\n"
          "# paired 95%% confidence interval, for reference the interval two independent\n"
          "# samples of the same size would give (unpaired), and the pairs (n).\n"
          "$paired << EOD\n%s,%s_mean,%s_mean" FSIM_CI95_LOW ",%s_mean" FSIM_CI95_HIGH
          ",%s_unpaired" FSIM_CI95_LOW ",%s_unpaired" FSIM_CI95_HIGH ",%s_n\n",
          sw->baseline, sw->paired_header, name, name, name, name, name, name);
  for (long p = 0; p < sw->npoints; p++) {
    const double *v = &sw->paired[(p * sw->nmetrics + m) * FSIM_PAIRED_NCOLS];
    fputs(sw->paired_lead[p], out);
    for (int c = 0; c < FSIM_PAIRED_NCOLS; c++)
      if (isnan(v[c]))
        fputs(",", out);
      else
        fprintf(out, ",%.10g", v[c]);
    fputc('\n', out);
  }
  fputs("EOD\n", out);
}
