/* The daily statistics of a run's kept series, before any file is written. */
#ifndef FRONTSIM_SERIES_TABLE_H
#define FRONTSIM_SERIES_TABLE_H

#include "results.h"

/* tab[cell * FSIM_DAILY_NSTATS + k], cell = slot * (D + 1) + d over the kept
 * variables (res->ser): a variable's days together, whatever order the store keeps
 * its cells in; k in fsim_series_stats' order; in parallel over cells. */
fsim_status fsim_series_table(const fsim_results *res, double **out, fsim_error *err);

#endif
