/* The long format of a run's tables (frontsim run --format long), for analysts who
 * reshape with pandas or R rather than split column names: summary_long.csv, one row
 * per metric and statistic, and series_long.csv, one row per variable and day with
 * the daily statistics as columns. Written beside the wide files, which the charts
 * read; the same figures with the same digits. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fileio.h"
#include "formats.h"
#include "layout.h"
#include "results.h"
#include "run_dir.h"
#include "text.h"

static void put(FILE *fp, double v, int as_float) {
  if (isnan(v)) return; /* empty: missing to gnuplot, R and pandas */
  char buf[32];
  if (as_float)
    fsim_text_float(v, buf, sizeof buf);
  else
    snprintf(buf, sizeof buf, "%.10g", v);
  fputs(buf, fp);
}

fsim_status fsim_write_summary_long(fsim_outdir *od, const fsim_results *res,
                                    const fsim_summary *sum, fsim_error *err) {
  const fsim_layout *lay = &res->layout;
  char path[FSIM_PATH_MAX];
  fsim_file f;
  fsim_status st = fsim_outdir_path(od, FSIM_SUMMARY_LONG_NAME, path, sizeof path, err);
  if (st == FSIM_OK) st = fsim_file_open(&f, path, err);
  if (st != FSIM_OK) return st;
  /* summary.csv's statistic columns, by their names there. */
  static const char *const stat[] = {"n",  "mean", "sd",  "mean" FSIM_CI95_LOW, "mean" FSIM_CI95_HIGH,
                                     "p5", "p25",  "p50", "p75",              "p95"};
  fputs(FSIM_SUMMARY_LONG_HEADER "\n", f.fp);
  for (int m = 0; m < lay->nmetrics; m++) {
    const fsim_summary *s = &sum[m];
    const double v[] = {(double)s->n, s->mean, s->sd,  s->ci_lo, s->ci_hi,
                        s->p5,        s->p25,  s->p50, s->p75,   s->p95};
    for (size_t k = 0; k < sizeof v / sizeof v[0]; k++) {
      fprintf(f.fp, "%s,%s,%s,", lay->metric_name[m],
              FSIM_ENUM_NAME(fsim_metric_kind_names, lay->metric_kind[m]), stat[k]);
      put(f.fp, v[k], 0);
      fputc('\n', f.fp);
    }
  }
  return fsim_file_commit(&f, err);
}

fsim_status fsim_write_series_long(fsim_outdir *od, const fsim_results *res, const double *tab,
                                   fsim_error *err) {
  const fsim_layout *lay = &res->layout;
  const fsim_series_store *ss = &res->ser;
  char path[FSIM_PATH_MAX];
  fsim_file f;
  fsim_status st = fsim_outdir_path(od, FSIM_SERIES_LONG_NAME, path, sizeof path, err);
  if (st == FSIM_OK) st = fsim_file_open(&f, path, err);
  if (st != FSIM_OK) return st;
  fputs(FSIM_SERIES_LONG_LEAD, f.fp);
  for (int j = 0; j < FSIM_DAILY_NSTATS; j++) fprintf(f.fp, ",%s", fsim_daily_stat_names[j]);
  fputc('\n', f.fp);
  for (int k = 0; k < ss->nsel; k++) {
    const int v = ss->var[k], file = lay->series_file[v];
    const char *fname = file < 0 ? FSIM_SERIES_SIDES : res->sc->sectors[file].name;
    for (int d = 0; d <= res->days; d++) {
      char date[11];
      fsim_date_format(res->sc->run.start_epoch_day + d - 1, date);
      fprintf(f.fp, "%s,%s,%d,%s", fname, lay->series_column[v], d, date);
      const double *vals = tab + ((size_t)k * (size_t)ss->days1 + (size_t)d) * FSIM_DAILY_NSTATS;
      for (int j = 0; j < FSIM_DAILY_NSTATS; j++) {
        fputc(',', f.fp);
        put(f.fp, vals[j], 1);
      }
      fputc('\n', f.fp);
    }
  }
  return fsim_file_commit(&f, err);
}
