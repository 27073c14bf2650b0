/* Internals shared by the sweep runner, its writer and merge. */
#ifndef FRONTSIM_SWEEP_INTERNAL_H
#define FRONTSIM_SWEEP_INTERNAL_H

#include "frontsim/sweep.h"
#include "sweep_options.h"
#include "formats.h"
#include "journal.h"
#include "scenario_internal.h"
#include "text.h"

struct fsim_sweep {
  char *text;                  /* the scenario file, read once */
  char source[FSIM_ERROR_PLACE];
  char *include_dir;           /* the scenario's directory, at its length (NULL: none) */
  fsim_overrides *ov;          /* the command line's --set and --param */
  fsim_scenario *base;
  int k;                       /* parameters */
  long npoints;
  double *values;              /* [p * k + j] */
  int nmetrics;
  int *metric;                 /* metric indices in the scenario's layout */
  fsim_journal_info info;      /* header of the journal: setup hash, names, columns */
  char *scenario_text;         /* effective base scenario, as written to scenario.cfg */
  char *design_text;           /* design.csv */
};

/* A point's record is its row of sweep.csv, then optionally "|r:" and every
 * replication's collected metrics (sweep.per_replication), then "|s:" and its daily
 * series: "name;name:days:" and per variable and day mean,p5,p50,p95 (sweep.series). */
#define FSIM_SWEEP_REPS_PART "|r:"
#define FSIM_SWEEP_SERIES_PART "|s:"

/* Writes sweep.csv (sensitivity.csv for sobol, morris.csv for morris, replications.csv
 * and series.csv when the records hold them) into dir from a complete set of
 * records; the same function serves a plain run, a resumed run and a merge, so
 * their outputs are byte-identical. */
fsim_status fsim_sweep_write_final(const char *dir, const fsim_journal *j, int long_format,
                                   fsim_error *err);
/* columns.csv of the sweep directory dir (its scenario.cfg already there). */
fsim_status fsim_sweep_write_columns(const char *dir, const fsim_journal *j, int long_format,
                                     fsim_error *err);

/* The journal header of the sweep with `reps` replications a point: setup hash,
 * names and columns (sw->info), and design.csv's text (sweep.c). */
fsim_status fsim_sweep_describe(fsim_sweep *sw, long reps, fsim_error *err);
/* Runs point p with `reps` replications into its record (rec), the line the journal
 * keeps: p, its values, then each collected metric's statistics (sweep.c). scratch
 * holds reps values. */
fsim_status fsim_sweep_run_point(const fsim_sweep *sw, long p, const fsim_sweep_options *opt,
                                 long reps, fsim_text_buf *rec, double *scratch,
                                 fsim_error *err);

#endif
