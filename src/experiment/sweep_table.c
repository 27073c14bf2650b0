/* The results of a sweep from its journal: sweep.csv (one row per point, in point
 * order) and, for a sobol design, sensitivity.csv. A plain run, a resumed run and a
 * merge of shards all come through here, so their outputs are byte-identical. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "design.h"
#include "fileio.h"
#include "scenario_internal.h"
#include "sweep_internal.h"

/* Value of field `col` (0-based) of a CSV record; NaN for an empty field. */
static double field(const char *rec, int col) {
  const char *p = rec;
  for (int i = 0; i < col && p; i++) {
    p = strchr(p, ',');
    if (p) p++;
  }
  if (!p || *p == ',' || *p == '\0') return NAN;
  return strtod(p, NULL);
}

/* Splits "a;b;c" into at most max names (pointers into a copy the caller frees). */
static int split(char *text, char **out, int max) {
  int n = 0;
  for (char *save = NULL, *t = strtok_r(text, ";", &save); t && n < max; t = strtok_r(NULL, ";", &save))
    out[n++] = t;
  return n;
}

static fsim_status write_sensitivity(const char *dir, const fsim_journal *j, const char **rows,
                                     fsim_error *err) {
  const fsim_journal_info *info = &j->info;
  const int k = info->nparams;
  const size_t N = (size_t)info->npoints / (size_t)(k + 2);
  char *params_copy = strdup(info->params), *metrics_copy = strdup(info->metrics);
  char *pname[64], **mname = malloc(4096 * sizeof *mname);
  double *y = malloc((size_t)info->npoints * sizeof *y);
  fsim_sobol_index *idx = malloc((size_t)k * sizeof *idx);
  fsim_status st = FSIM_OK;
  if (!params_copy || !metrics_copy || !mname || !y || !idx) {
    st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
    goto done;
  }
  split(params_copy, pname, 64);
  int nm = split(metrics_copy, mname, 4096);
  char path[FSIM_PATH_MAX + 32];
  snprintf(path, sizeof path, "%s/sensitivity.csv", dir);
  fsim_file f;
  st = fsim_file_open(&f, path, err);
  if (st != FSIM_OK) goto done;
  fputs(FSIM_SENSITIVITY_HEADER "\n", f.fp);
  for (int m = 0; m < nm && st == FSIM_OK; m++) {
    const int first = 1 + k + 1 + m * FSIM_POINT_NSTATS;
    const int mean_col = first + FSIM_POINT_MEAN, sd_col = first + FSIM_POINT_SD;
    double noise = 0.0;
    int defined = 1;
    for (long p = 0; p < info->npoints; p++) {
      y[p] = field(rows[p], mean_col);
      double sd = field(rows[p], sd_col), reps = field(rows[p], 1 + k);
      if (isnan(y[p])) defined = 0;
      /* Replication noise left in each point's mean: sd^2 / replications. */
      if (!isnan(sd) && reps > 0) noise += sd * sd / reps;
    }
    noise /= (double)info->npoints;
    if (!defined) continue; /* e.g. a conditional metric undefined at some point */
    double V = 0.0;
    st = fsim_sobol_indices(y, N, k, info->bootstrap, info->seed, idx, &V, err);
    for (int i = 0; st == FSIM_OK && i < k; i++) {
      double vals[FSIM_SENS_NCOLS] = {
          [FSIM_SENS_FIRST] = idx[i].first,         [FSIM_SENS_FIRST_LOW] = idx[i].first_lo,
          [FSIM_SENS_FIRST_HIGH] = idx[i].first_hi, [FSIM_SENS_TOTAL] = idx[i].total,
          [FSIM_SENS_TOTAL_LOW] = idx[i].total_lo,  [FSIM_SENS_TOTAL_HIGH] = idx[i].total_hi,
          [FSIM_SENS_VARIANCE] = V, [FSIM_SENS_NOISE_SHARE] = V > 0 ? noise / V : NAN};
      fprintf(f.fp, "%s,%s", mname[m], pname[i]);
      for (int c = FSIM_SENS_FIRST; c < FSIM_SENS_NCOLS; c++) {
        if (isnan(vals[c]))
          fputs(",", f.fp);
        else
          fprintf(f.fp, ",%.6g", vals[c]);
      }
      fputc('\n', f.fp);
    }
  }
  if (st == FSIM_OK)
    st = fsim_file_commit(&f, err);
  else
    fsim_file_abort(&f);
done:
  free(idx);
  free(y);
  free(mname);
  free(metrics_copy);
  free(params_copy);
  return st;
}

fsim_status fsim_sweep_write_final(const char *dir, const fsim_journal *j, fsim_error *err) {
  const fsim_journal_info *info = &j->info;
  /* Exactly one record per point. */
  const char **rows = calloc((size_t)(info->npoints ? info->npoints : 1), sizeof *rows);
  fsim_status st = FSIM_OK;
  if (!rows) {
    st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
    goto done;
  }
  for (long i = 0; i < j->nrecords; i++) {
    long p = j->point[i];
    if (p < 0 || p >= info->npoints) {
      st = fsim_error_set(err, FSIM_E_INPUT, dir, 0, "", "record for point %ld of %ld", p,
                          info->npoints);
      goto done;
    }
    if (rows[p]) {
      st = fsim_error_set(err, FSIM_E_INPUT, dir, 0, "", "point %ld recorded twice", p);
      goto done;
    }
    rows[p] = j->record[i];
  }
  for (long p = 0; p < info->npoints; p++)
    if (!rows[p]) {
      st = fsim_error_set(err, FSIM_E_INPUT, dir, 0, "", "point %ld has no result", p);
      goto done;
    }
  char path[FSIM_PATH_MAX + 32];
  snprintf(path, sizeof path, "%s/sweep.csv", dir);
  fsim_file f;
  st = fsim_file_open(&f, path, err);
  if (st != FSIM_OK) goto done;
  fprintf(f.fp, "%s\n", info->columns);
  for (long p = 0; p < info->npoints; p++) fprintf(f.fp, "%s\n", rows[p]);
  st = fsim_file_commit(&f, err);
  if (st == FSIM_OK && info->method == FSIM_SWEEP_SOBOL) st = write_sensitivity(dir, j, rows, err);
done:
  free(rows);
  return st;
}

/* ---- merge -------------------------------------------------------------- */

static fsim_status copy_file(const char *from, const char *to, fsim_error *err) {
  FILE *in = fopen(from, "rb");
  if (!in) return fsim_error_set(err, FSIM_E_INPUT, from, 0, "", "cannot read");
  fsim_file f;
  fsim_status st = fsim_file_open(&f, to, err);
  if (st == FSIM_OK) {
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) fwrite(buf, 1, n, f.fp);
    st = fsim_file_commit(&f, err);
  }
  fclose(in);
  return st;
}

fsim_status fsim_sweep_merge(const char *out_dir, const char *const *shard_dirs, int nshards,
                             const char *command_line, fsim_error *err) {
  (void)command_line;
  if (nshards < 1) return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "no shard directories");
  fsim_journal all, one;
  memset(&all, 0, sizeof all);
  fsim_status st = FSIM_OK;
  for (int s = 0; s < nshards && st == FSIM_OK; s++) {
    char path[FSIM_PATH_MAX + 64];
    snprintf(path, sizeof path, "%s/%s", shard_dirs[s], FSIM_JOURNAL_NAME);
    st = fsim_journal_read(path, 0, &one, err);
    if (st != FSIM_OK) break;
    if (s == 0) {
      all.info = one.info;
      memset(&one.info, 0, sizeof one.info);
    } else if (one.info.setup != all.info.setup) {
      st = fsim_error_set(err, FSIM_E_INPUT, shard_dirs[s], 0, "",
                          "this shard belongs to another sweep (its setup differs from %s)",
                          shard_dirs[0]);
    }
    for (long i = 0; st == FSIM_OK && i < one.nrecords; i++)
      st = fsim_journal_add(&all, one.point[i], one.record[i], err);
    fsim_journal_clear(&one);
  }
  fsim_outdir od;
  if (st == FSIM_OK) st = fsim_outdir_begin(&od, out_dir, err);
  if (st == FSIM_OK) {
    const char *files[] = {"scenario.cfg", "design.csv", FSIM_META_NAME};
    char from[FSIM_PATH_MAX + 64], to[sizeof od.stage + 32];
    struct stat sb;
    for (int i = 0; i < 3 && st == FSIM_OK; i++) {
      snprintf(from, sizeof from, "%s/%s", shard_dirs[0], files[i]);
      /* Shards written before frontsim.meta existed have none: the charts then read
       * scenario.cfg's header instead. */
      if (i == 2 && stat(from, &sb) != 0) continue;
      snprintf(to, sizeof to, "%s/%s", od.stage, files[i]);
      st = copy_file(from, to, err);
    }
    if (st == FSIM_OK) st = fsim_sweep_write_final(od.stage, &all, err);
    if (st == FSIM_OK)
      st = fsim_outdir_commit(&od, err);
    else
      fsim_outdir_abort(&od);
  }
  fsim_journal_clear(&all);
  return st;
}
