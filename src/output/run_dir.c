/* The output layer (src/output): what a run's results become on disk. Statistics
 * across replications (stats.c), the declared formats shared with their readers
 * (formats.c), summary.txt (summary.c) and, in this file, the output directory of a
 * run (docs/USAGE.md): scenario.cfg, frontsim.meta, series/, replications.csv,
 * summary.csv and summary.txt, staged and swapped in whole (core/outdir.c). */
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "formats.h"
#include "layout.h"
#include "results.h"
#include "series_table.h"
#include "stats.h"
#include "text.h"
#include "run_dir.h"

/* Ctrl-C after the replications: the writing stops too, and DIR stays as it was. */
static int stopped(const fsim_results *res) { return res->stop && *res->stop; }

static fsim_status interrupted(fsim_error *err) {
  return fsim_error_set(err, FSIM_E_INTERRUPTED, "", 0, "",
                        "interrupted while writing the outputs; nothing written");
}

static void put_number(FILE *fp, double v) {
  /* Empty for undefined: gnuplot, R and pandas all read it as missing. */
  if (!isnan(v)) fsim_number_write(fp, v);
}

/* A daily statistic: its values are stored as float (series_store.h), so it is
 * printed with the digits a float holds; ten would show noise past the seventh. */
static void put_float(FILE *fp, double v) {
  if (isnan(v)) return;
  /* A whole number below 10^6 (most daily percentiles: persons, counts) is its
   * digits, as fsim_text_float would find them with printf and strtod. */
  const float f = (float)v;
  if (fabsf(f) < 1e6f && f == (float)(int32_t)f && !(f == 0 && signbit(f))) {
    fsim_number_write(fp, (double)f);
    return;
  }
  char buf[32];
  fsim_text_float(v, buf, sizeof buf);
  fputs(buf, fp);
}

static fsim_status write_scenario(fsim_outdir *od, const fsim_results *res,
                                  const fsim_scenario *sc, const char *command_line,
                                  fsim_error *err) {
  char path[FSIM_PATH_MAX];
  fsim_file f;
  fsim_status st = fsim_outdir_path(od, "scenario.cfg", path, sizeof path, err);
  if (st == FSIM_OK) st = fsim_file_open(&f, path, err);
  if (st != FSIM_OK) return st;
  /* Each value escaped onto its line (fsim_text_one_line): a header line of its
   * own would be read as one of these facts. */
  char header[2 * FSIM_ONE_LINE_MAX + 512], cmd[FSIM_ONE_LINE_MAX], src[FSIM_ONE_LINE_MAX];
  snprintf(header, sizeof header,
           "Effective scenario of this run, every default filled in.\n"
           "frontsim %s\ncommand: %s\nsource: %s\nseed: %" PRIu64 "\nrng: %s\n"
           "replications: %ld",
           FRONTSIM_VERSION,
           fsim_text_one_line(command_line ? command_line : "(library call)", cmd, sizeof cmd),
           fsim_text_one_line(fsim_scenario_source(sc), src, sizeof src), res->seed,
           fsim_scenario_rng(sc), res->nreps);
  /* Record what was actually run (-n, --seed, --target-ci), so that running this
   * file reproduces the outputs. A shallow copy: the writer only reads. */
  fsim_scenario used = *sc;
  used.run.replications = (int)res->nreps;
  used.run.seed = (int64_t)res->seed;
  st = fsim_scenario_write(&used, f.fp, header, err);
  if (st != FSIM_OK) {
    /* The writer sees a stream, not a file: the message names the file here. */
    if (err && !err->file[0])
      snprintf(err->file, sizeof err->file, "%.*s", (int)sizeof err->file - 1, path);
    fsim_file_abort(&f);
    return st;
  }
  return fsim_file_commit(&f, err);
}

/* How the run was made, for the charts (formats.h); scenario.cfg's header says the
 * same to a reader. */
static fsim_status write_meta(fsim_outdir *od, const fsim_results *res,
                              const fsim_scenario *sc, fsim_error *err) {
  fsim_run_meta meta = {.kind = "run", .seed = res->seed, .replications = res->nreps};
  snprintf(meta.version, sizeof meta.version, "%s", FRONTSIM_VERSION);
  snprintf(meta.scenario_file, sizeof meta.scenario_file, "%s", fsim_scenario_source(sc));
  snprintf(meta.label, sizeof meta.label, "%s", fsim_scenario_label(sc));
  snprintf(meta.generator, sizeof meta.generator, "%s", fsim_scenario_rng(sc));
  snprintf(meta.series, sizeof meta.series, "%s",
           res->ser.nsel == res->layout.nseries ? "all" : res->ser.nsel ? "some" : "none");
  char path[FSIM_PATH_MAX];
  fsim_status st = fsim_outdir_path(od, FSIM_META_NAME, path, sizeof path, err);
  return st == FSIM_OK ? fsim_meta_write(path, &meta, err) : st;
}

/* One series file: the kept variables whose file tag is `file` (none kept: no file);
 * tab from fsim_series_table. */
static fsim_status write_series_file(fsim_outdir *od, const fsim_results *res, int file,
                                     const char *name, const double *tab, fsim_error *err) {
  const fsim_layout *lay = &res->layout;
  const fsim_series_store *ss = &res->ser;
  int any = 0;
  for (int k = 0; k < ss->nsel; k++) any |= lay->series_file[ss->var[k]] == file;
  if (!any) return FSIM_OK;
  char rel[FSIM_PATH_MAX], path[FSIM_PATH_MAX];
  snprintf(rel, sizeof rel, "series/%s.csv", name);
  fsim_file f;
  fsim_status st = fsim_outdir_path(od, rel, path, sizeof path, err);
  if (st == FSIM_OK) st = fsim_file_open(&f, path, err);
  if (st != FSIM_OK) return st;
  fputs(FSIM_SERIES_LEAD, f.fp);
  for (int k = 0; k < ss->nsel; k++) {
    if (lay->series_file[ss->var[k]] != file) continue;
    for (int j = 0; j < FSIM_DAILY_NSTATS; j++)
      fprintf(f.fp, ",%s_%s", lay->series_column[ss->var[k]], fsim_daily_stat_names[j]);
  }
  fputc('\n', f.fp);
  for (int d = 0; d <= res->days; d++) {
    char date[11];
    /* Day d ends on start_date + d - 1; day 0 is the state the run starts from. */
    fsim_date_format(res->sc->run.start_epoch_day + d - 1, date);
    fprintf(f.fp, "%d,%s", d, date);
    for (int k = 0; k < ss->nsel; k++) {
      if (lay->series_file[ss->var[k]] != file) continue;
      const double *vals = tab + ((size_t)k * (size_t)ss->days1 + (size_t)d) * FSIM_DAILY_NSTATS;
      for (int j = 0; j < FSIM_DAILY_NSTATS; j++) {
        fputc(',', f.fp);
        put_float(f.fp, vals[j]);
      }
    }
    fputc('\n', f.fp);
  }
  return fsim_file_commit(&f, err);
}

static fsim_status write_replications(fsim_outdir *od, const fsim_results *res,
                                      fsim_error *err) {
  const fsim_layout *lay = &res->layout;
  char path[FSIM_PATH_MAX];
  fsim_file f;
  fsim_status st = fsim_outdir_path(od, "replications.csv", path, sizeof path, err);
  if (st == FSIM_OK) st = fsim_file_open(&f, path, err);
  if (st != FSIM_OK) return st;
  fputs(FSIM_REPLICATIONS_LEAD, f.fp);
  for (int m = 0; m < lay->nmetrics; m++) fprintf(f.fp, ",%s", lay->metric_name[m]);
  fputc('\n', f.fp);
  for (long r = 0; r < res->nreps; r++) {
    fprintf(f.fp, "%ld,%" PRIu64, res->first_rep + r, res->rep_key[r]);
    for (int m = 0; m < lay->nmetrics; m++) {
      fputc(',', f.fp);
      put_number(f.fp, fsim_results_value(res, r, m));
    }
    fputc('\n', f.fp);
  }
  return fsim_file_commit(&f, err);
}

static fsim_status write_summary_csv(fsim_outdir *od, const fsim_results *res,
                                     const fsim_summary *sum, fsim_error *err) {
  const fsim_layout *lay = &res->layout;
  char path[FSIM_PATH_MAX];
  fsim_file f;
  fsim_status st = fsim_outdir_path(od, "summary.csv", path, sizeof path, err);
  if (st == FSIM_OK) st = fsim_file_open(&f, path, err);
  if (st != FSIM_OK) return st;
  fputs(FSIM_SUMMARY_CSV_HEADER "\n", f.fp);
  for (int m = 0; m < lay->nmetrics; m++) {
    const fsim_summary *s = &sum[m];
    fprintf(f.fp, "%s,%s,%ld", lay->metric_name[m],
            FSIM_ENUM_NAME(fsim_metric_kind_names, lay->metric_kind[m]), s->n);
    double vals[] = {s->mean, s->sd, s->ci_lo, s->ci_hi, s->p5, s->p25, s->p50, s->p75, s->p95};
    for (size_t k = 0; k < sizeof vals / sizeof vals[0]; k++) {
      fputc(',', f.fp);
      put_number(f.fp, vals[k]);
    }
    fputc('\n', f.fp);
  }
  return fsim_file_commit(&f, err);
}

fsim_status fsim_results_summarize(const fsim_results *res, fsim_summary *sum,
                                   fsim_error *err) {
  const fsim_layout *lay = &res->layout;
  double *x = malloc((size_t)res->nreps * sizeof *x);
  if (!x) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  for (int m = 0; m < lay->nmetrics; m++) {
    for (long r = 0; r < res->nreps; r++) x[r] = fsim_results_value(res, r, m);
    fsim_summarize(x, (size_t)res->nreps, lay->metric_kind[m], &sum[m]);
    /* Expected mode replaces every draw by its mean: the replications are copies of
     * one, and an interval across them (Wilson's [0, 0.004] for 0 of 1000) would
     * claim information there is not. No sampling interval is given. */
    if (res->sc->run.mode == FSIM_MODE_EXPECTED) sum[m].ci_lo = sum[m].ci_hi = NAN;
  }
  free(x);
  return FSIM_OK;
}

fsim_status fsim_results_write_dir(const fsim_results *res, const fsim_scenario *sc,
                                   const char *dir, const char *command_line,
                                   fsim_error *err) {
  return fsim_results_write_dir_as(res, sc, dir, command_line, FSIM_FORMAT_WIDE, err);
}

fsim_status fsim_results_write_dir_as(const fsim_results *res, const fsim_scenario *sc,
                                      const char *dir, const char *command_line,
                                      fsim_format format, fsim_error *err) {
  if (!res || !sc || !dir) return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "fsim_results_write_dir: no results, scenario or directory (NULL)");
  const fsim_layout *lay = &res->layout;
  fsim_summary *sum = calloc((size_t)lay->nmetrics + 1, sizeof *sum);
  if (!sum) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  fsim_outdir od;
  fsim_status st = fsim_results_summarize(res, sum, err);
  if (st == FSIM_OK) st = fsim_outdir_begin(&od, dir, err);
  if (st != FSIM_OK) {
    free(sum);
    return st;
  }
/* Between files: a stop asked for ends the writing before the next one. */
#define NEXT(call) \
  if (st == FSIM_OK) st = stopped(res) ? interrupted(err) : (call)
  st = write_scenario(&od, res, sc, command_line, err);
  NEXT(write_meta(&od, res, sc, err));
  if (res->ser.nsel && st == FSIM_OK) {
    double *tab = NULL;
    st = fsim_series_table(res, &tab, err);
    for (int s = 0; s < res->sc->nsectors && st == FSIM_OK; s++)
      NEXT(write_series_file(&od, res, s, sc->sectors[s].name, tab, err));
    NEXT(write_series_file(&od, res, -1, FSIM_SERIES_SIDES, tab, err));
    if (format == FSIM_FORMAT_LONG) NEXT(fsim_write_series_long(&od, res, tab, err));
    free(tab);
  }
  NEXT(write_replications(&od, res, err));
  NEXT(write_summary_csv(&od, res, sum, err));
  if (format == FSIM_FORMAT_LONG) NEXT(fsim_write_summary_long(&od, res, sum, err));
  NEXT(fsim_write_columns(&od, res, sc, format == FSIM_FORMAT_LONG, err));
#undef NEXT
  if (st == FSIM_OK && stopped(res)) st = interrupted(err);
  if (st == FSIM_OK) {
    char path[FSIM_PATH_MAX];
    st = fsim_outdir_path(&od, "summary.txt", path, sizeof path, err);
    if (st == FSIM_OK) st = fsim_write_summary_txt(res, sc, sum, path, command_line, err);
  }
  if (st == FSIM_OK)
    st = fsim_outdir_commit(&od, err);
  else
    fsim_outdir_abort(&od);
  free(sum);
  return st;
}
