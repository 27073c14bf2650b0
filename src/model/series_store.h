/* The daily series a run keeps (docs/VALIDATION.md, "Series beyond the exact limit").
 * The engine writes each replication's kept variables into its row of a block of
 * rows, a day at a time (cell = d * nsel + slot: a day's values side by side, so
 * that a row is written from start to end, a few lines a day, and the engine's own
 * data keep the cache), each row starting a 64-byte line of FSIM_SERIES_TILE
 * floats: no two threads share one. Replications run in blocks of
 * rows, and each block is folded, FSIM_SERIES_TILE cells at a time (a line down the
 * rows), before the next. Up to `exact_max` replications every value is
 * kept, packed per cell and block (FSIM_SERIES_EXACT_BLOCK rows): a cell whose
 * values are all equal as one number, whole numbers within 255 or 65,535 of their
 * least as one or two bytes above it, others as floats; the statistics are exact.
 * (A run's series are mostly whole persons and counts: packed, a 10,000-replication
 * run writes and reads a fraction of the memory, where first touching a page of it
 * cost more than the statistics.) Beyond, blocks of FSIM_SERIES_BLOCK rows are
 * folded, cell by cell in replication order, into streaming moments and a
 * histogram (core/qhist.h): memory independent of the replications. Either way the
 * figures are independent of the threads. */
#ifndef FRONTSIM_SERIES_STORE_H
#define FRONTSIM_SERIES_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "frontsim/error.h"
#include "layout.h"
#include "qhist.h"

#define FSIM_SERIES_EXACT_MAX 10000L /* the default of fsim_run_options.series_exact_max */
#define FSIM_SERIES_BLOCK 1024L
#define FSIM_SERIES_EXACT_BLOCK 256L /* rows packed at a time: 256 rows of 7,139 cells, 7 MB */
#define FSIM_SERIES_TILE 16L         /* cells a thread folds together */

/* One cell's values in one block of an exact run (16 bytes: these headers are a
 * twentieth of the packed values). */
typedef struct fsim_series_pack {
  uint32_t at;         /* the values: arena + 4 * at, width bytes each */
  float base;          /* width 0: every value; 1 or 2: the value of offset 0 */
  float span;          /* whole: the greatest less the least */
  unsigned char width; /* 0, 1 or 2 (unsigned offsets above base), 4 (the floats) */
  unsigned char whole; /* 1: whole numbers, from base to base + span */
} fsim_series_pack;

typedef struct fsim_series_store {
  int nsel;            /* variables kept (0: no series) */
  int *var;            /* [nsel]: their layout indices, in layout order */
  int *slot;           /* [nseries]: a variable's place among those kept, or -1 */
  int days1;           /* D + 1 */
  long ncells;         /* nsel * (D + 1) */
  int exact;           /* 1: every value kept, in `pack` */
  long block;          /* rows held at a time */
  long rstride;        /* floats from one row to the next: ncells rounded up to a line */
  float *rows;         /* [row * rstride + cell]: the block being run, a replication's
                        * row contiguous (it stays in cache while the engine fills it) */
  long nblocks;        /* exact: blocks of the run */
  fsim_series_pack *pack; /* exact: [block * ncells + cell] */
  unsigned char *arena;   /* exact: the packed values, room for them all as floats */
  size_t arena_size;      /* bytes reserved (touched only as used) */
  _Atomic size_t arena_used; /* bytes taken, by the threads as they pack */
  fsim_moments *mom;   /* beyond the exact limit: [ncells] */
  fsim_qhist *qh;      /* beyond the exact limit: [ncells] */
  size_t rows_bytes, pack_bytes, mom_bytes, qh_bytes; /* the mappings' sizes */
} fsim_series_store;

/* Chooses the variables: spec NULL, "" or "all": every one; "none": none; else
 * comma-separated names as the layout spells them ("kursk.blue_personnel"). */
fsim_status fsim_series_store_select(fsim_series_store *st, const fsim_layout *lay,
                                     const char *spec, fsim_error *err);
/* Allocates for nreps replications of days1 rows (exact up to exact_max). */
fsim_status fsim_series_store_alloc(fsim_series_store *st, int days1, long nreps,
                                    long exact_max, fsim_error *err);
/* Row r of the block being run, where the engine writes the replication's kept
 * variables a day at a time: cell fsim_series_store_cell(st, k, d). */
float *fsim_series_store_row(fsim_series_store *st, long r);
/* The kept variables' layout indices as the engine takes them: NULL when every
 * variable is kept (the layout's order is then the row's). */
const int *fsim_series_store_vars(const fsim_series_store *st);
/* The cell of kept variable k (its place among those kept) on day d: a day's values
 * side by side, so that the engine writes a row from start to end. */
static inline long fsim_series_store_cell(const fsim_series_store *st, int k, int d) {
  return (long)d * st->nsel + k;
}
/* Cell c's place in variable order (slot * (D + 1) + d), as tables list them. */
static inline long fsim_series_store_in_var_order(const fsim_series_store *st, long c) {
  return (c % st->nsel) * st->days1 + c / st->nsel;
}
/* Folds cells [c0, c1) (at most FSIM_SERIES_TILE, c0 a multiple of it) of the
 * first n rows, block b of the run, into the packed values or the summaries;
 * nonzero when out of memory. */
int fsim_series_store_fold(fsim_series_store *st, long b, long n, long c0, long c1);
/* Cell c's values, replications [0, nreps) of an exact run, into x. */
void fsim_series_store_column(const fsim_series_store *st, long c, long nreps, float *x);
/* Of an exact run whose cell c holds whole numbers within `room` of each other:
 * count[i] = how many replications of [0, nreps) have the value *lo + i, i < *range;
 * 0 (count untouched) for any other cell. */
int fsim_series_store_counts(const fsim_series_store *st, long c, long nreps, size_t room,
                             uint32_t *count, double *lo, size_t *range);
/* Cell c's value in replication r of an exact run. */
float fsim_series_store_value(const fsim_series_store *st, long c, long r);
void fsim_series_store_free(fsim_series_store *st);

#endif
