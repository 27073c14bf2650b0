/* A run directory's daily series, checked before any chart of it is drawn: every file
 * there, complete (a header and every day), or, of a run that kept fewer series
 * (--series), the charts whose files are missing or short of columns dropped and
 * named. So a wrong or damaged directory gets one clear message and no chart. */
#include <stdio.h>
#include <string.h>

#include "fileio.h"
#include "formats.h"
#include "layout.h"
#include "plot_internal.h"
#include "plot_options.h"

/* Every data file the selected charts read must be there before gnuplot runs,
 * so a wrong directory gets one clear message. */
static fsim_status check_data(const char *dir, const fsim_plot_run *run, fsim_error *err) {
  fsim_status st = fsim_plot_need_file(dir, "series/" FSIM_SERIES_SIDES ".csv", FSIM_PLOT_DIR_RUN, err);
  for (int s = 0; st == FSIM_OK && s < run->sc->nsectors; s++) {
    char rel[FSIM_PATH_MAX];
    snprintf(rel, sizeof rel, "series/%s.csv", run->sc->sectors[s].name);
    st = fsim_plot_need_file(dir, rel, FSIM_PLOT_DIR_RUN, err);
  }
  return st;
}

/* Every daily series file there holds a header and the days 0 to D: a file cut short
 * (a copy interrupted, an edit) would otherwise be drawn as a shorter run. */
static fsim_status check_rows(const char *dir, const fsim_plot_run *run, fsim_error *err) {
  const long want = (long)run->sc->run.days + 2;
  for (int s = -1; s < run->sc->nsectors; s++) {
    char rel[FSIM_PATH_MAX], path[FSIM_PATH_MAX];
    snprintf(rel, sizeof rel, "series/%s.csv", s < 0 ? FSIM_SERIES_SIDES : run->sc->sectors[s].name);
    FILE *fp = fsim_plot_join(path, dir, rel) ? fopen(path, "r") : NULL;
    if (!fp) continue; /* missing: the checks of columns say so, or drop its charts */
    long lines = 0;
    for (int c; (c = getc(fp)) != EOF;) lines += c == '\n';
    fclose(fp);
    if (lines != want)
      return fsim_error_set(err, FSIM_E_INPUT, path, 0, "",
                            "%ld lines where a run of %d days has %ld (a header and days 0 to "
                            "%d): the file is cut short or from another run; write the run "
                            "again (frontsim run %s/scenario.cfg -o %s)",
                            lines, run->sc->run.days, want, run->sc->run.days, dir, dir);
  }
  return FSIM_OK;
}

/* Whether series/<file>.csv holds every column a full run writes: a run that kept
 * fewer series (--series) wrote some files with fewer columns, or none. */
static int series_file_complete(const char *dir, const char *file, int tag,
                                const fsim_layout *lay) {
  char rel[FSIM_PATH_MAX], path[FSIM_PATH_MAX];
  snprintf(rel, sizeof rel, "series/%s.csv", file);
  fsim_plot_join(path, dir, rel);
  FILE *fp = fopen(path, "r");
  if (!fp) return 0;
  long fields = 1, want = 2;
  for (int c; (c = fgetc(fp)) != EOF && c != '\n';) fields += c == ',';
  fclose(fp);
  for (int v = 0; v < lay->nseries; v++) want += lay->series_file[v] == tag ? FSIM_DAILY_NSTATS : 0;
  return fields == want;
}

/* A run chart's data are there: its file, or for "../series" every sector's file. */
static int chart_data_complete(const char *dir, const fsim_plot_run *run, const fsim_chart *c,
                               const fsim_layout *lay) {
  const fsim_scenario *sc = run->sc;
  for (int s = -1; s < sc->nsectors; s++) {
    const char *file = s < 0 ? "sides" : sc->sectors[s].name;
    char data[FSIM_CHART_NAME + 16];
    snprintf(data, sizeof data, "../series/%s.csv", file);
    const int reads = strcmp(c->data, "../series") == 0 ? s >= 0 : strcmp(c->data, data) == 0;
    if (reads && !series_file_complete(dir, file, s, lay)) return 0;
  }
  return 1;
}

/* Of a run that kept fewer series, the charts whose data are missing are dropped
 * (and reported), not failed: the other charts are still drawn. */
static fsim_status drop_incomplete(const char *dir, fsim_plot_run *run,
                                   const fsim_plot_options *opt, fsim_error *err) {
  fsim_layout lay;
  fsim_status st = fsim_layout_build(&lay, run->sc, err);
  if (st != FSIM_OK) return st;
  int kept = 0, drawn = 0, dropped = 0; /* drawn, dropped: of the charts asked for */
  for (int i = 0; i < run->ncharts; i++) {
    fsim_chart *c = &run->charts[i];
    const int asked = fsim_chart_selected(c, opt->only);
    if (!asked || chart_data_complete(dir, run, c, &lay)) {
      run->charts[kept++] = *c;
      drawn += asked;
      continue;
    }
    dropped++;
    if (opt->skipped) {
      char why[FSIM_CHART_NAME + 96];
      snprintf(why, sizeof why, "the run kept fewer daily series; %s is missing or lacks columns",
               strcmp(c->data, "../series") == 0 ? "series/" : c->data + 3);
      opt->skipped(opt->skipped_ctx, c->name, why);
    }
  }
  run->ncharts = kept;
  fsim_layout_destroy(&lay);
  /* Nothing left to draw is a failure, not a success with no charts. */
  if (drawn == 0 && dropped > 0)
    return fsim_error_set(err, FSIM_E_INPUT, dir, 0, "",
                          "nothing to draw: every chart asked for needs daily series the run "
                          "did not keep (see --series in its frontsim.meta); run it again with "
                          "--series all, or keep the variables those charts read");
  return FSIM_OK;
}

fsim_status fsim_plot_run_data(const char *dir, fsim_plot_run *run, int all_series,
                               const fsim_plot_options *opt, fsim_error *err) {
  fsim_status st = check_rows(dir, run, err);
  if (st == FSIM_OK) st = all_series ? check_data(dir, run, err) : drop_incomplete(dir, run, opt, err);
  return st;
}
