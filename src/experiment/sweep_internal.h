/* Internals shared by the sweep runner, its writer and merge. */
#ifndef FRONTSIM_SWEEP_INTERNAL_H
#define FRONTSIM_SWEEP_INTERNAL_H

#include "frontsim/sweep.h"
#include "formats.h"
#include "journal.h"
#include "scenario_internal.h"

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

/* Writes sweep.csv (and sensitivity.csv for sobol) into dir from a complete set of
 * records; the same function serves a plain run, a resumed run and a merge, so
 * their outputs are byte-identical. */
fsim_status fsim_sweep_write_final(const char *dir, const fsim_journal *j, fsim_error *err);

/* Writes a file whole (under a temporary name, then renamed). */
fsim_status fsim_write_text_file(const char *path, const char *text, fsim_error *err);

#endif
