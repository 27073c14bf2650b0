/* The daily series a run keeps (docs/VALIDATION.md, "Series beyond the exact limit").
 * Each replication records its row of the kept variables, cell = slot * (D + 1) + d,
 * contiguous (the engine writes it with stride 1, so recording touches one row).
 * Up to `exact_max` replications every row is kept and the statistics are exact;
 * beyond, replications run in blocks of FSIM_SERIES_BLOCK rows and each block is
 * folded, cell by cell in replication order, into streaming moments and a
 * histogram (core/qhist.h): memory independent of the replications, and figures
 * independent of the threads. */
#ifndef FRONTSIM_SERIES_STORE_H
#define FRONTSIM_SERIES_STORE_H

#include "frontsim/error.h"
#include "layout.h"
#include "qhist.h"

#define FSIM_SERIES_EXACT_MAX 10000L /* the default of fsim_run_options.series_exact_max */
#define FSIM_SERIES_BLOCK 1024L

typedef struct fsim_series_store {
  int nsel;            /* variables kept (0: no series) */
  int *var;            /* [nsel]: their layout indices, in layout order */
  int *slot;           /* [nseries]: a variable's place among those kept, or -1 */
  int days1;           /* D + 1 */
  long ncells;         /* nsel * (D + 1) */
  int exact;           /* 1: every replication's row kept in `rows` */
  long block;          /* rows held at a time: every replication when exact */
  float *rows;         /* [row * ncells + cell] */
  fsim_moments *mom;   /* beyond the exact limit: [ncells] */
  fsim_qhist *qh;      /* beyond the exact limit: [ncells] */
} fsim_series_store;

/* Chooses the variables: spec NULL, "" or "all": every one; "none": none; else
 * comma-separated names as the layout spells them ("kursk.blue_personnel"). */
fsim_status fsim_series_store_select(fsim_series_store *st, const fsim_layout *lay,
                                     const char *spec, fsim_error *err);
/* Allocates for nreps replications of days1 rows (exact up to exact_max). */
fsim_status fsim_series_store_alloc(fsim_series_store *st, int days1, long nreps,
                                    long exact_max, fsim_error *err);
/* Copies the kept variables of a full row (every layout variable) into row r. */
void fsim_series_store_keep(fsim_series_store *st, long r, const float *full);
/* Folds cells [c0, c1) of the first n rows into the summaries. */
void fsim_series_store_fold(fsim_series_store *st, long n, long c0, long c1);
void fsim_series_store_free(fsim_series_store *st);

#endif
