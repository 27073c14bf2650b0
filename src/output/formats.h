/* The output files as interfaces between modules: the run directory is read back
 * by the charts, the sweep journal becomes sweep.csv and sensitivity.csv, which the
 * charts read again. Each file's columns and fixed lines are declared here once, so
 * the writer and the reader cannot drift apart; and the run metadata file
 * (frontsim.meta), a small key=value record of how a run or sweep was made that the
 * charts read instead of the comment lines of scenario.cfg. */
#ifndef FRONTSIM_FORMATS_H
#define FRONTSIM_FORMATS_H

#include <inttypes.h>
#include <stdio.h>

#include "frontsim/error.h"

/* The number format of every figure in the output files, and a writer of it (the
 * same text as fprintf, without printf: core/numfmt.h). */
#define FSIM_NUMBER_FORMAT "%.10g"
#define FSIM_NUMBER_DIGITS 10 /* the same, for fsim_numfmt_g */
void fsim_number_write(FILE *fp, double v);

/* ---- series/<file>.csv: "day,date", then per variable its daily statistics ---- */

/* Across replications, for one variable on one day (fsim_series_stats' order). */
enum { FSIM_DAILY_MEAN = 0, FSIM_DAILY_SD, FSIM_DAILY_P5, FSIM_DAILY_P25, FSIM_DAILY_P50,
       FSIM_DAILY_P75, FSIM_DAILY_P95, FSIM_DAILY_NSTATS };
extern const char *const fsim_daily_stat_names[FSIM_DAILY_NSTATS]; /* "mean", ... "p95" */
#define FSIM_SERIES_LEAD "day,date"

/* ---- The long format (--format long): summary_long.csv, one row per metric and
 * statistic (the statistic named as summary.csv's column); series_long.csv, one row
 * per variable and day (the file's stem and the variable as in its header), then
 * the daily statistics. ---- */
#define FSIM_SUMMARY_LONG_NAME "summary_long.csv"
#define FSIM_SUMMARY_LONG_HEADER "metric,kind,statistic,value"
#define FSIM_SERIES_LONG_NAME "series_long.csv"
#define FSIM_SERIES_LONG_LEAD "file,variable,day,date"
/* sweep_long.csv: one row per point, metric and statistic (sweep.csv's names). */
#define FSIM_SWEEP_LONG_NAME "sweep_long.csv"
#define FSIM_SWEEP_LONG_HEADER "point,metric,statistic,value"

/* ---- columns.csv: the data dictionary, one row per column of the directory's CSV
 * files ---- */
#define FSIM_COLUMNS_NAME "columns.csv"
#define FSIM_COLUMNS_HEADER "file,column,unit,meaning"

/* ---- replications.csv: "replication,seed", then every metric by name ---- */
#define FSIM_REPLICATIONS_LEAD "replication,seed"

/* ---- One naming of intervals in every file: <statistic>_ci95_low and _high, the
 * 95% confidence interval of that statistic (mean_ci95_low, first_ci95_high). ---- */
#define FSIM_CI95_LOW "_ci95_low"
#define FSIM_CI95_HIGH "_ci95_high"

/* ---- summary.csv: one row per metric ---- */
#define FSIM_SUMMARY_CSV_HEADER \
  "metric,kind,n,mean,sd,mean" FSIM_CI95_LOW ",mean" FSIM_CI95_HIGH ",p5,p25,p50,p75,p95"

/* ---- sweep.csv: "point", the parameter paths, "replications", then per metric
 * its point statistics as <metric>_<stat>. design.csv begins with "point" too. ---- */
#define FSIM_SWEEP_POINT_COLUMN "point"
#define FSIM_SWEEP_REPS_COLUMN "replications"

/* Across the replications of one sweep point, for one metric (not the daily set:
 * a confidence interval instead of the quartiles). */
enum { FSIM_POINT_MEAN = 0, FSIM_POINT_SD, FSIM_POINT_CI_LOW, FSIM_POINT_CI_HIGH,
       FSIM_POINT_P5, FSIM_POINT_P50, FSIM_POINT_P95, FSIM_POINT_NSTATS };
extern const char *const fsim_point_stat_names[FSIM_POINT_NSTATS]; /* "mean", ... "p95" */

/* ---- sensitivity.csv (sobol): one row per metric and parameter ---- */
enum { FSIM_SENS_METRIC = 0, FSIM_SENS_PARAMETER, FSIM_SENS_FIRST, FSIM_SENS_FIRST_LOW,
       FSIM_SENS_FIRST_HIGH, FSIM_SENS_TOTAL, FSIM_SENS_TOTAL_LOW, FSIM_SENS_TOTAL_HIGH,
       FSIM_SENS_VARIANCE, FSIM_SENS_NOISE_SHARE, FSIM_SENS_NCOLS };
#define FSIM_SENSITIVITY_HEADER                                                      \
  "metric,parameter,first,first" FSIM_CI95_LOW ",first" FSIM_CI95_HIGH ",total,total"     \
  FSIM_CI95_LOW ",total" FSIM_CI95_HIGH ",variance,noise_share"
/* When Sobol' indices are too imprecise to read (docs/USAGE.md#how-precise-sobol-indices-are):
 * an index's 95% interval wider than this share of the variance. A parameter causing
 * that share of it cannot then be told from one causing none, nor two parameters ranked
 * whose indices differ by less. The widths shrink as 1/sqrt(N) in the base sample N, so
 * about N (width / FSIM_SOBOL_MAX_WIDTH)^2 base points narrow them to it. */
#define FSIM_SOBOL_MAX_WIDTH 0.25
static inline long fsim_sobol_points_needed(long n, double width) {
  const double r = width / FSIM_SOBOL_MAX_WIDTH;
  return (long)((double)n * r * r + 0.999);
}

/* ---- morris.csv (morris): one row per metric and parameter, the statistics of the
 * parameter's elementary effects on the metric's point means ---- */
#define FSIM_MORRIS_NAME "morris.csv"
enum { FSIM_MORRIS_METRIC = 0, FSIM_MORRIS_PARAMETER, FSIM_MORRIS_MU, FSIM_MORRIS_MU_LOW,
       FSIM_MORRIS_MU_HIGH, FSIM_MORRIS_MU_STAR, FSIM_MORRIS_MU_STAR_LOW,
       FSIM_MORRIS_MU_STAR_HIGH, FSIM_MORRIS_SIGMA, FSIM_MORRIS_SIGMA_LOW,
       FSIM_MORRIS_SIGMA_HIGH, FSIM_MORRIS_NCOLS };
#define FSIM_MORRIS_HEADER                                                                \
  "metric,parameter,mu,mu" FSIM_CI95_LOW ",mu" FSIM_CI95_HIGH ",mu_star,mu_star"            \
  FSIM_CI95_LOW ",mu_star" FSIM_CI95_HIGH ",sigma,sigma" FSIM_CI95_LOW ",sigma" FSIM_CI95_HIGH

/* ---- compare.csv: one row per what-if and metric; a is the base, b the what-if
 * (their letters are their directories); n and the means before "difference"
 * are over the replications where both define the metric, n_a_all and
 * mean_a_all over all of the base's where it does (b alike). ---- */
#define FSIM_COMPARE_CSV_HEADER                                                          \
  "what_if,label_a,label_b,metric,kind,n,mean_a,mean_b,difference,difference" FSIM_CI95_LOW \
  ",difference" FSIM_CI95_HIGH ",unpaired_ci95_halfwidth,variance_reduction,n_a_all,"   \
  "mean_a_all,n_b_all,mean_b_all"
enum { FSIM_CMP_WHAT_IF = 0, FSIM_CMP_LABEL_A, FSIM_CMP_LABEL_B, FSIM_CMP_METRIC,
       FSIM_CMP_KIND, FSIM_CMP_N, FSIM_CMP_MEAN_A, FSIM_CMP_MEAN_B, FSIM_CMP_DIFF,
       FSIM_CMP_DIFF_LOW, FSIM_CMP_DIFF_HIGH, FSIM_CMP_UNPAIRED, FSIM_CMP_REDUCTION,
       FSIM_CMP_N_A_ALL, FSIM_CMP_MEAN_A_ALL, FSIM_CMP_N_B_ALL, FSIM_CMP_MEAN_B_ALL,
       FSIM_CMP_NCOLS };

/* ---- points.journal: six header lines, then one record per point ---- */
#define FSIM_JOURNAL_HEADER_LINES 6
#define FSIM_JOURNAL_MAGIC "# frontsim-sweep-journal 1"
/* Lines 2 and 3 are printf and scanf formats alike, but for the 64-bit field at
 * their end: append PRIx64 / SCNx64 (setup) and PRIu64 / SCNu64 (seed). */
#define FSIM_JOURNAL_SETUP "# setup %"
#define FSIM_JOURNAL_SHAPE "# points %ld params %d method %d bootstrap %d seed %"
/* Then, on line 3 since this field exists: the shard (0/0 for none). */
#define FSIM_JOURNAL_SHARD " shard %d/%d"
#define FSIM_JOURNAL_PARAMS "# params "   /* "path1;path2" */
#define FSIM_JOURNAL_METRICS "# metrics " /* "m1;m2" */
#define FSIM_JOURNAL_COLUMNS "# columns " /* the header line of sweep.csv */

/* ---- frontsim.meta: how a run or a sweep was made, one key=value a line ---- */
#define FSIM_META_NAME "frontsim.meta"

typedef struct fsim_run_meta {
  char kind[16];               /* "run", "sweep", "compare", "optimize", "discover" */
  char version[32];            /* frontsim's */
  char scenario_file[4096];    /* the scenario as given on the command line */
  char label[128];             /* run.label: what the output is of (may be empty: older) */
  uint64_t seed;
  char generator[64];          /* run.rng */
  long replications;           /* a sweep's: per point */
  /* A run's daily series: "some" or "none" when it kept fewer than all (then
   * written as series=...; absent, as in older outputs, means all). */
  char series[8];
} fsim_run_meta;

/* Writes the record to `path` (whole or not at all: fsim_file). */
fsim_status fsim_meta_write(const char *path, const fsim_run_meta *meta, fsim_error *err);
/* Reads `path` into *meta; keys it does not know are skipped (a later version may
 * add some), those it lacks keep what *meta held. FSIM_E_INPUT when the file
 * cannot be read or a line is not key=value. */
fsim_status fsim_meta_read(const char *path, fsim_run_meta *meta, fsim_error *err);

#endif
