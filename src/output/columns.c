/* columns.csv: the data dictionary of a run's output directory, one row per column
 * of every CSV file it holds (file, column, unit, meaning), so that an analyst
 * reading the files with pandas or R need not guess what a column is. The metrics'
 * units and meanings come from the metric table (metric_table.h), the statistics'
 * from formats.h's lists, the daily variables' from the table below; a test checks
 * that every column written has its row (tests/cli/outputs.sh). */
#include <stdio.h>
#include <string.h>

#include "fileio.h"
#include "formats.h"
#include "layout.h"
#include "results.h"
#include "run_dir.h"

/* The daily series variables, by the name they have in their file; {side} and
 * {sector} as in the metric table. `sides` rows are those of series/sides.csv. */
typedef struct series_var {
  int sides; /* 0: a sector's file, 1: sides.csv */
  const char *name, *unit, *meaning;
} series_var;

static const series_var series_vars[] = {
    {0, "{side}_personnel", "persons", "personnel of {side} in {sector} at the end of the day"},
    {0, "{side}_power", "power", "combat power of {side} in {sector} (MODEL.md 1)"},
    {0, "{side}_losses", "persons", "losses of {side} in {sector} during the day"},
    {0, "engagements", "engagements", "engagements in {sector} during the day"},
    {0, "{side}_attacks", "attacks", "attacks by {side} in {sector} during the day"},
    {0, "{side}_successes", "attacks", "successful attacks by {side} in {sector} during the day"},
    {0, "front_km", "km", "position of the line in {sector} (negative: towards blue)"},
    {0, "held_area_km2", "km2", "area held in {sector} by its holder at the end of the day"},
    {0, "route_km", "km", "distance from the line to the supply route in {sector}"},
    {0, "stock_days", "days", "supply stock in {sector}, in days of consumption"},
    {0, "supply_eff", "fraction", "supply effectiveness in {sector} (0 to 1)"},
    {0, "route_cut", "0/1", "1 once the supply route in {sector} is cut (its mean: share of "
                            "replications cut by that day)"},
    {0, "{side}_perceived_over_true", "ratio",
     "the enemy's combat power in {sector} as {side} perceives it over the true one, that "
     "morning (MODEL.md 8.7)"},
    {1, "{side}_personnel", "persons", "personnel of {side}: sectors, reserve and in transit"},
    {1, "{side}_reserve", "persons", "personnel of {side} in its reserve"},
    {1, "{side}_transit", "persons", "personnel of {side} in transit between sectors"},
    {1, "{side}_at_{sector}", "persons", "personnel of {side} in {sector}"},
    {1, "{side}_losses", "persons", "losses of {side} during the day, all sectors"},
    {1, "{side}_losses_cum", "persons", "losses of {side} since day 1, all sectors"},
    {1, "{side}_claimed_cum", "persons",
     "losses of {side} since day 1 as claimed by the other side"},
};

/* The statistics' meanings, in the order of their lists in formats.h. */
static const char *const daily_stat_meaning[FSIM_DAILY_NSTATS] = {
    [FSIM_DAILY_MEAN] = "mean across replications of",
    [FSIM_DAILY_SD] = "standard deviation across replications of",
    [FSIM_DAILY_P5] = "5th percentile across replications of",
    [FSIM_DAILY_P25] = "25th percentile across replications of",
    [FSIM_DAILY_P50] = "median across replications of",
    [FSIM_DAILY_P75] = "75th percentile across replications of",
    [FSIM_DAILY_P95] = "95th percentile across replications of"};

/* "{side}" and "{sector}" of text replaced (side: its key; in meanings, its name). */
static void expand(char *out, size_t size, const char *text, const char *side,
                   const char *sector) {
  size_t n = 0;
  out[0] = '\0';
  for (const char *p = text; *p && n + 1 < size;) {
    const char *with = NULL;
    size_t skip = 0;
    if (strncmp(p, "{side}", 6) == 0) with = side, skip = 6;
    if (strncmp(p, "{sector}", 8) == 0) with = sector, skip = 8;
    if (with) {
      n += (size_t)snprintf(out + n, size - n, "%s", with);
      if (n >= size) n = size - 1;
      p += skip;
    } else {
      out[n++] = *p++;
      out[n] = '\0';
    }
  }
}

void fsim_metric_describe(const fsim_layout *lay, const fsim_scenario *sc, int m, int per_rep,
                          const char **unit, char *meaning, size_t size) {
  const fsim_metric_ref *r = &lay->metric_ref[m];
  const fsim_metric_family *fam = &fsim_metric_families[r->family];
  const fsim_metric_unit *u = fsim_metric_unit_of(fam->unit);
  fsim_metric_text(meaning, size, fam->title, sc, r->family, r->a, r->b, 1);
  /* Per replication a probability's metric is its 0/1 indicator. */
  *unit = per_rep && fam->kind == FSIM_METRIC_INDICATOR ? "0/1" : u ? u->name : "";
}

void fsim_columns_row(FILE *fp, const char *file, const char *column, const char *unit,
                      const char *meaning) {
  fprintf(fp, "%s,%s,%s,\"", file, column, unit);
  for (const char *p = meaning; *p; p++) {
    if (*p == '"') fputc('"', fp);
    fputc(*p, fp);
  }
  fputs("\"\n", fp);
}

/* One row; the meaning is always quoted (it may hold commas), its quotes doubled. */
static void row(FILE *fp, const char *file, const char *column, const char *unit,
                const char *meaning) {
  fsim_columns_row(fp, file, column, unit, meaning);
}

/* The unit and meaning of a series variable's column name in its file. */
static int series_meaning(const fsim_scenario *sc, int file, const char *column, const char **unit,
                          char *meaning, size_t size) {
  const int S = sc->nsectors;
  for (size_t v = 0; v < sizeof series_vars / sizeof series_vars[0]; v++) {
    const series_var *sv = &series_vars[v];
    if (sv->sides != (file < 0)) continue;
    for (int i = 0; i < FSIM_NSIDES; i++)
      for (int s = file < 0 ? 0 : file; s < (file < 0 ? S : file + 1); s++) {
        char name[FSIM_VAR_NAME];
        expand(name, sizeof name, sv->name, fsim_side_key(i), sc->sectors[s].name);
        if (strcmp(name, column) != 0) continue;
        *unit = sv->unit;
        expand(meaning, size, sv->meaning, sc->sides.side[i].name, sc->sectors[s].name);
        return 1;
      }
  }
  return 0;
}

static void series_rows(FILE *fp, const fsim_results *res, int file, const char *fname) {
  const fsim_layout *lay = &res->layout;
  const fsim_series_store *ss = &res->ser;
  int any = 0;
  for (int k = 0; k < ss->nsel; k++) any |= lay->series_file[ss->var[k]] == file;
  if (!any) return;
  row(fp, fname, "day", "day", "day of the run (0: the state it starts from)");
  row(fp, fname, "date", "date", "the date that day ends (YYYY-MM-DD)");
  for (int k = 0; k < ss->nsel; k++) {
    if (lay->series_file[ss->var[k]] != file) continue;
    const char *column = lay->series_column[ss->var[k]], *unit = "";
    char meaning[512], col[FSIM_VAR_NAME + 16], text[640];
    if (!series_meaning(res->sc, file, column, &unit, meaning, sizeof meaning))
      snprintf(meaning, sizeof meaning, "%s", column); /* the test catches this */
    for (int j = 0; j < FSIM_DAILY_NSTATS; j++) {
      snprintf(col, sizeof col, "%s_%s", column, fsim_daily_stat_names[j]);
      snprintf(text, sizeof text, "%s %s", daily_stat_meaning[j], meaning);
      row(fp, fname, col, unit, text);
    }
  }
}

/* The long tables' columns (long_format.c). */
static void long_rows(FILE *fp, const fsim_results *res) {
  row(fp, FSIM_SUMMARY_LONG_NAME, "metric", "", "the metric's name (as in summary.csv)");
  row(fp, FSIM_SUMMARY_LONG_NAME, "kind", "", "as summary.csv's kind");
  row(fp, FSIM_SUMMARY_LONG_NAME, "statistic", "",
      "the statistic: the name of its column in summary.csv");
  row(fp, FSIM_SUMMARY_LONG_NAME, "value", "metric's unit",
      "the statistic's value (n: replications)");
  if (res->ser.nsel == 0) return;
  row(fp, FSIM_SERIES_LONG_NAME, "file", "", "the series file the variable is in (its stem)");
  row(fp, FSIM_SERIES_LONG_NAME, "variable", "",
      "the variable, as in that file's header without its statistic");
  row(fp, FSIM_SERIES_LONG_NAME, "day", "day", "day of the run (0: the state it starts from)");
  row(fp, FSIM_SERIES_LONG_NAME, "date", "date", "the date that day ends (YYYY-MM-DD)");
  for (int j = 0; j < FSIM_DAILY_NSTATS; j++) {
    char text[128];
    snprintf(text, sizeof text, "%s the variable on that day", daily_stat_meaning[j]);
    row(fp, FSIM_SERIES_LONG_NAME, fsim_daily_stat_names[j], "variable's unit", text);
  }
}

fsim_status fsim_write_columns(fsim_outdir *od, const fsim_results *res, const fsim_scenario *sc,
                               int long_format, fsim_error *err) {
  const fsim_layout *lay = &res->layout;
  char path[FSIM_PATH_MAX];
  fsim_file f;
  fsim_status st = fsim_outdir_path(od, FSIM_COLUMNS_NAME, path, sizeof path, err);
  if (st == FSIM_OK) st = fsim_file_open(&f, path, err);
  if (st != FSIM_OK) return st;
  FILE *fp = f.fp;
  fputs(FSIM_COLUMNS_HEADER "\n", fp);
  row(fp, FSIM_COLUMNS_NAME, "file", "", "the file the column is in, relative to this directory");
  row(fp, FSIM_COLUMNS_NAME, "column", "", "the column's name in its header line");
  row(fp, FSIM_COLUMNS_NAME, "unit", "", "the unit of the column's values (empty: a name)");
  row(fp, FSIM_COLUMNS_NAME, "meaning", "", "what the column holds");

  /* summary.csv: one row per metric; its unit and meaning are replications.csv's. */
  static const char *const summary_cols[][3] = {
      {"metric", "", "the metric's name (its unit and meaning: the rows of replications.csv)"},
      {"kind", "", "value, probability (a 0/1 indicator: mean is the share of replications) or "
                   "conditional (defined in some replications only)"},
      {"n", "replications", "replications in which the metric is defined"},
      {"mean", "metric's unit", "mean across replications"},
      {"sd", "metric's unit", "standard deviation across replications"},
      {"mean" FSIM_CI95_LOW, "metric's unit",
       "lower end of the 95% confidence interval of the mean (Student t; Wilson for a "
       "probability); empty in expected mode"},
      {"mean" FSIM_CI95_HIGH, "metric's unit", "upper end of the same interval"},
      {"p5", "metric's unit", "5th percentile across replications"},
      {"p25", "metric's unit", "25th percentile across replications"},
      {"p50", "metric's unit", "median across replications"},
      {"p75", "metric's unit", "75th percentile across replications"},
      {"p95", "metric's unit", "95th percentile across replications"}};
  for (size_t c = 0; c < sizeof summary_cols / sizeof summary_cols[0]; c++)
    row(fp, "summary.csv", summary_cols[c][0], summary_cols[c][1], summary_cols[c][2]);

  row(fp, "replications.csv", "replication", "", "the replication's index");
  row(fp, "replications.csv", "seed", "", "the replication's key to its random streams");
  for (int m = 0; m < lay->nmetrics; m++) {
    const char *unit;
    char title[400];
    fsim_metric_describe(lay, sc, m, 1, &unit, title, sizeof title);
    row(fp, "replications.csv", lay->metric_name[m], unit, title);
  }

  char fname[FSIM_PATH_MAX];
  for (int s = 0; s < sc->nsectors; s++) {
    snprintf(fname, sizeof fname, "series/%s.csv", sc->sectors[s].name);
    series_rows(fp, res, s, fname);
  }
  series_rows(fp, res, -1, "series/" FSIM_SERIES_SIDES ".csv");
  if (long_format) long_rows(fp, res);
  return fsim_file_commit(&f, err);
}
