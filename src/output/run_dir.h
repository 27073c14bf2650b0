/* Internal pieces of the run writer. */
#ifndef FRONTSIM_RUN_DIR_H
#define FRONTSIM_RUN_DIR_H

#include <stdio.h>

#include "frontsim/run.h"
#include "frontsim/version.h"
#include "fileio.h"
#include "layout.h"
#include "stats.h"

/* Summary of every metric across replications; sum has nmetrics entries. */
fsim_status fsim_results_summarize(const fsim_results *res, fsim_summary *sum, fsim_error *err);

/* The readable summary with the headline answers (write_summary.c). */
fsim_status fsim_write_summary_txt(const fsim_results *res, const fsim_scenario *sc,
                                   const fsim_summary *sum, const char *path,
                                   const char *command_line, fsim_error *err);

/* The long tables (long_format.c); tab from fsim_series_table. */
fsim_status fsim_write_summary_long(fsim_outdir *od, const fsim_results *res,
                                    const fsim_summary *sum, fsim_error *err);
fsim_status fsim_write_series_long(fsim_outdir *od, const fsim_results *res, const double *tab,
                                   fsim_error *err);

/* The unit and meaning of metric m (the metric table's unit and title); per_rep: as
 * a replication's value (a probability's metric is then its 0/1 indicator). */
void fsim_metric_describe(const fsim_layout *lay, const fsim_scenario *sc, int m, int per_rep,
                          const char **unit, char *meaning, size_t size);
/* One row of a columns.csv (the meaning quoted, its quotes doubled). */
void fsim_columns_row(FILE *fp, const char *file, const char *column, const char *unit,
                      const char *meaning);

/* columns.csv, the data dictionary of the run directory (columns.c). */
fsim_status fsim_write_columns(fsim_outdir *od, const fsim_results *res, const fsim_scenario *sc,
                               int long_format, fsim_error *err);

#endif
