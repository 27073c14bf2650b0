/* Which daily series a run keeps, and their rows or summaries (series_store.h). */
#define _DEFAULT_SOURCE /* madvise's MADV_HUGEPAGE, where the system has it */
#include "series_store.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* Zeroed rows (a thread that failed leaves its rows defined for the fold). Large
 * blocks in huge pages where the system offers them: the writers read a tile of
 * cells down every row, one row a page apart, and each small page cost a TLB miss
 * and, first touched, a page fault (a tenth of a 10,000-replication run). */
static float *rows_alloc(size_t count) {
  size_t bytes = count * sizeof(float);
#ifdef MADV_HUGEPAGE
  const size_t huge = (size_t)2 << 20;
  if (bytes >= 4 * huge) {
    void *p = NULL;
    bytes = (bytes + huge - 1) / huge * huge;
    if (posix_memalign(&p, huge, bytes) == 0) {
      (void)madvise(p, bytes, MADV_HUGEPAGE); /* advice: without it, small pages */
      memset(p, 0, bytes);
      return p;
    }
  }
#endif
  return calloc(count ? count : 1, sizeof(float));
}

fsim_status fsim_series_store_select(fsim_series_store *st, const fsim_layout *lay,
                                     const char *spec, fsim_error *err) {
  memset(st, 0, sizeof *st);
  if (spec && strcmp(spec, "none") == 0) return FSIM_OK;
  const int all = !spec || !spec[0] || strcmp(spec, "all") == 0;
  st->slot = malloc(((size_t)lay->nseries + 1) * sizeof *st->slot);
  st->var = malloc(((size_t)lay->nseries + 1) * sizeof *st->var);
  if (!st->slot || !st->var) {
    fsim_series_store_free(st);
    return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  for (int v = 0; v < lay->nseries; v++) st->slot[v] = all;
  for (const char *p = spec; !all && *p;) {
    const size_t len = strcspn(p, ",");
    char name[FSIM_VAR_NAME];
    snprintf(name, sizeof name, "%.*s", (int)(len < sizeof name ? len : sizeof name - 1), p);
    const int v = len < sizeof name ? fsim_layout_find_series(lay, name) : -1;
    if (v < 0) {
      fsim_series_store_free(st);
      return fsim_error_set(err, FSIM_E_INPUT, "--series", 0, "",
                            "no series variable \"%.*s\" in this scenario (the names are "
                            "<file>.<column> as in the series CSV files, e.g. "
                            "sides.blue_personnel)",
                            (int)len, p);
    }
    st->slot[v] = 1; /* named twice: kept once */
    p += len + (p[len] == ',');
  }
  /* Layout order, whatever the order named: the files' columns stay as in a full run. */
  for (int v = 0; v < lay->nseries; v++)
    if (st->slot[v]) {
      st->var[st->nsel] = v;
      st->slot[v] = st->nsel++;
    } else {
      st->slot[v] = -1;
    }
  return FSIM_OK;
}

fsim_status fsim_series_store_alloc(fsim_series_store *st, int days1, long nreps,
                                    long exact_max, fsim_error *err) {
  st->days1 = days1;
  st->ncells = (long)st->nsel * days1;
  if (st->nsel == 0) return FSIM_OK;
  st->exact = nreps <= exact_max;
  st->block = st->exact ? nreps : FSIM_SERIES_BLOCK;
  st->rows = rows_alloc((size_t)st->block * (size_t)st->ncells);
  if (st->rows && !st->exact) {
    st->mom = calloc((size_t)st->ncells, sizeof *st->mom);
    st->qh = malloc((size_t)st->ncells * sizeof *st->qh);
    if (st->qh)
      for (long c = 0; c < st->ncells; c++) fsim_qhist_init(&st->qh[c]);
  }
  if (!st->rows || (!st->exact && (!st->mom || !st->qh)))
    return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "",
                          "out of memory for the daily series of %ld replications%s", nreps,
                          st->exact ? " (fewer replications, or --series with fewer variables)"
                                    : "");
  return FSIM_OK;
}

void fsim_series_store_keep(fsim_series_store *st, long r, const float *full) {
  float *row = st->rows + (size_t)r * (size_t)st->ncells;
  for (int k = 0; k < st->nsel; k++)
    memcpy(row + (size_t)k * (size_t)st->days1, full + (size_t)st->var[k] * (size_t)st->days1,
           (size_t)st->days1 * sizeof *row);
}

void fsim_series_store_fold(fsim_series_store *st, long n, long c0, long c1) {
  /* A cell's values are a column of the block: neighbouring cells share cache lines,
   * so a thread folds a run of cells. */
  for (long c = c0; c < c1; c++) {
    const float *col = st->rows + c;
    fsim_moments_add_block(&st->mom[c], col, (size_t)n, (size_t)st->ncells);
    fsim_qhist_add(&st->qh[c], col, (size_t)n, (size_t)st->ncells);
  }
}

void fsim_series_store_free(fsim_series_store *st) {
  free(st->var);
  free(st->slot);
  free(st->rows);
  free(st->mom);
  free(st->qh);
  memset(st, 0, sizeof *st);
}
