/* The names of the statistics columns of the output files, and the run metadata
 * file (frontsim.meta) written beside a run's or a sweep's outputs and read back by
 * the charts (formats.h). */
#include "formats.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "numfmt.h"
#include "text.h"

const char *const fsim_daily_stat_names[FSIM_DAILY_NSTATS] = {
    [FSIM_DAILY_MEAN] = "mean", [FSIM_DAILY_SD] = "sd",   [FSIM_DAILY_P5] = "p5",
    [FSIM_DAILY_P25] = "p25",   [FSIM_DAILY_P50] = "p50", [FSIM_DAILY_P75] = "p75",
    [FSIM_DAILY_P95] = "p95"};

const char *const fsim_point_stat_names[FSIM_POINT_NSTATS] = {
    [FSIM_POINT_MEAN] = "mean",       [FSIM_POINT_SD] = "sd", [FSIM_POINT_CI_LOW] = "mean" FSIM_CI95_LOW,
    [FSIM_POINT_CI_HIGH] = "mean" FSIM_CI95_HIGH, [FSIM_POINT_P5] = "p5", [FSIM_POINT_P50] = "p50",
    [FSIM_POINT_P95] = "p95"};

void fsim_number_write(FILE *fp, double v) {
  /* Whole numbers below 10^10 (most figures: persons, counts) print under %.10g
   * as their digits alone, cheaper to make than printf's conversion; -0 ("-0"),
   * NaN and everything else go through printf. */
  if (fabs(v) < 1e10 && v == (double)(int64_t)v && (v != 0 || !signbit(v))) {
    char buf[24], *p = buf + sizeof buf;
    uint64_t u = (uint64_t)(v < 0 ? -v : v);
    do *--p = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    if (v < 0) *--p = '-';
    fwrite(p, 1, (size_t)(buf + sizeof buf - p), fp);
    return;
  }
  char buf[FSIM_NUMFMT_MAX];
  const int len = fsim_numfmt_g(v, FSIM_NUMBER_DIGITS, buf, sizeof buf);
  fwrite(buf, 1, (size_t)len, fp);
}

fsim_status fsim_meta_write(const char *path, const fsim_run_meta *meta, fsim_error *err) {
  fsim_file f;
  fsim_status st = fsim_file_open(&f, path, err);
  if (st != FSIM_OK) return st;
  /* Values are escaped onto one line: a newline in a file name must not end its line. */
  char kind[4 * sizeof meta->kind], version[4 * sizeof meta->version];
  char file[4 * sizeof meta->scenario_file], generator[4 * sizeof meta->generator];
  char label[4 * sizeof meta->label];
  fprintf(f.fp,
          "# How this output was made (key=value); scenario.cfg holds the scenario.\n"
          "kind=%s\nversion=%s\nlabel=%s\nscenario_file=%s\nseed=%" PRIu64
          "\ngenerator=%s\nreplications=%ld\n",
          fsim_text_one_line(meta->kind, kind, sizeof kind),
          fsim_text_one_line(meta->version, version, sizeof version),
          fsim_text_one_line(meta->label, label, sizeof label),
          fsim_text_one_line(meta->scenario_file, file, sizeof file), meta->seed,
          fsim_text_one_line(meta->generator, generator, sizeof generator), meta->replications);
  if (meta->series[0] && strcmp(meta->series, "all") != 0)
    fprintf(f.fp, "series=%s\n", strcmp(meta->series, "none") == 0 ? "none" : "some");
  return fsim_file_commit(&f, err);
}

static void copy(char *dst, size_t size, const char *value) {
  snprintf(dst, size, "%.*s", (int)(size - 1), value);
}

fsim_status fsim_meta_read(const char *path, fsim_run_meta *meta, fsim_error *err) {
  FILE *fp = fopen(path, "r");
  if (!fp) return fsim_error_set(err, FSIM_E_INPUT, path, 0, "", "cannot read: %s", strerror(errno));
  char line[4 * sizeof meta->scenario_file + 64]; /* room for escapes */
  int lineno = 0;
  fsim_status st = FSIM_OK;
  while (st == FSIM_OK && fgets(line, sizeof line, fp)) {
    lineno++;
    line[strcspn(line, "\r\n")] = '\0';
    if (line[0] == '#' || line[0] == '\0') continue;
    char *eq = strchr(line, '=');
    if (!eq || eq == line) {
      st = fsim_error_set(err, FSIM_E_INPUT, path, lineno, "", "not a key=value line");
      break;
    }
    *eq = '\0';
    char *value = eq + 1;
    const char *key = line;
    fsim_text_unescape_line(value);
    if (strcmp(key, "kind") == 0)
      copy(meta->kind, sizeof meta->kind, value);
    else if (strcmp(key, "version") == 0)
      copy(meta->version, sizeof meta->version, value);
    else if (strcmp(key, "label") == 0)
      copy(meta->label, sizeof meta->label, value);
    else if (strcmp(key, "scenario_file") == 0)
      copy(meta->scenario_file, sizeof meta->scenario_file, value);
    else if (strcmp(key, "seed") == 0)
      meta->seed = strtoull(value, NULL, 10);
    else if (strcmp(key, "generator") == 0)
      copy(meta->generator, sizeof meta->generator, value);
    else if (strcmp(key, "replications") == 0)
      meta->replications = strtol(value, NULL, 10);
    else if (strcmp(key, "series") == 0)
      copy(meta->series, sizeof meta->series, value);
  }
  fclose(fp);
  return st;
}
