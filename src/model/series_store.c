/* Which daily series a run keeps, and their rows or summaries (series_store.h). */
#define _DEFAULT_SOURCE /* madvise's MADV_HUGEPAGE, where the system has it */
#include "series_store.h"

#include <math.h>
#include <stdatomic.h>
#include <stdint.h>
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
  if (bytes >= huge) {
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

/* Address space for the packed values of an exact run, touched (and so paid for)
 * only as far as they fill it: a run's series pack to a half or less of their
 * floats. In huge pages where the system offers them (fewer page faults). */
static unsigned char *arena_reserve(size_t bytes) {
  void *p = mmap(NULL, bytes ? bytes : 1, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) return NULL;
#ifdef MADV_HUGEPAGE
  (void)madvise(p, bytes ? bytes : 1, MADV_HUGEPAGE);
#endif
  return p;
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
  st->block = st->exact ? FSIM_SERIES_EXACT_BLOCK : FSIM_SERIES_BLOCK;
  if (st->block > nreps) st->block = nreps > 0 ? nreps : 1;
  st->rows = rows_alloc((size_t)st->block * (size_t)st->ncells);
  if (st->rows && st->exact) {
    st->nblocks = (nreps + st->block - 1) / st->block;
    st->pack = calloc((size_t)(st->nblocks * st->ncells) + 1, sizeof *st->pack);
    st->arena_size = (size_t)(st->nblocks * st->block) * (size_t)st->ncells * sizeof(float);
    st->arena = arena_reserve(st->arena_size);
  }
  if (st->rows && !st->exact) {
    st->mom = calloc((size_t)st->ncells, sizeof *st->mom);
    st->qh = malloc((size_t)st->ncells * sizeof *st->qh);
    if (st->qh)
      for (long c = 0; c < st->ncells; c++) fsim_qhist_init(&st->qh[c]);
  }
  if (!st->rows || (!st->exact && (!st->mom || !st->qh)) ||
      (st->exact && (!st->pack || !st->arena)))
    return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "",
                          "out of memory for the daily series of %ld replications%s", nreps,
                          st->exact ? " (fewer replications, or --series with fewer variables)"
                                    : "");
  return FSIM_OK;
}

void fsim_series_store_keep(fsim_series_store *st, long r, const float *full) {
  float *col = st->rows + r;
  const size_t days1 = (size_t)st->days1, stride = (size_t)st->block;
  for (int k = 0; k < st->nsel; k++) {
    const float *from = full + (size_t)st->var[k] * days1;
    for (size_t d = 0; d < days1; d++) col[((size_t)k * days1 + d) * stride] = from[d];
  }
}

/* Packs cells [c0, c0 + w) of the block's n rows. */
static int pack_tile(fsim_series_store *st, long b, long n, long c0, long w) {
  const float *col = st->rows + (size_t)c0 * (size_t)st->block;
  const long ld = st->block;
  fsim_series_pack *pk = st->pack + b * st->ncells + c0;
  size_t bytes = 0;
  for (long k = 0; k < w; k++) {
    const float *x = col + k * ld, x0 = x[0];
    /* Branch-free, so that it runs in vector registers: a value outside +-2e9 (or
     * NaN) is taken as 0.5, which fails the whole-number test. */
    int32_t mn = INT32_MAX, mx = INT32_MIN;
    int equal = 1, whole = 1;
    for (long r = 0; r < n; r++) {
      const float v = x[r];
      const int32_t iv = (int32_t)(v > -2e9f && v < 2e9f ? v : 0.5f);
      equal &= v == x0;
      whole &= v == (float)iv;
      mn = iv < mn ? iv : mn;
      mx = iv > mx ? iv : mx;
    }
    const double span = (double)mx - (double)mn;
    pk[k].base = whole ? (float)mn : x0;
    pk[k].whole = whole;
    pk[k].span = whole ? (float)span : 0; /* exact below 2^24; beyond, far past any use */
    pk[k].width = equal ? 0 : !whole ? 4 : span < 256 ? 1 : span < 65536 ? 2 : 4;
    bytes += ((size_t)pk[k].width * (size_t)n + 3) & ~(size_t)3;
  }
  /* Room taken in whatever order the threads come: where a cell's values lie
   * changes nothing they are. */
  const size_t at = atomic_fetch_add(&st->arena_used, bytes);
  if (at + bytes > st->arena_size) return -1; /* cannot happen: room for all as floats */
  unsigned char *mem = st->arena + at;
  for (long k = 0; k < w; k++) {
    const float *x = col + k * ld;
    const float base = pk[k].base;
    pk[k].data = mem;
    if (pk[k].width == 1)
      for (long r = 0; r < n; r++) mem[r] = (unsigned char)(x[r] - base);
    else if (pk[k].width == 2)
      for (long r = 0; r < n; r++) ((uint16_t *)(void *)mem)[r] = (uint16_t)(x[r] - base);
    else if (pk[k].width == 4)
      memcpy(mem, x, (size_t)n * sizeof *x);
    mem += ((size_t)pk[k].width * (size_t)n + 3) & ~(size_t)3;
  }
  return 0;
}

int fsim_series_store_fold(fsim_series_store *st, long b, long n, long c0, long c1) {
  if (st->exact) return pack_tile(st, b, n, c0, c1 - c0);
  for (long c = c0; c < c1; c++) {
    const float *col = st->rows + (size_t)c * (size_t)st->block;
    fsim_moments_add_block(&st->mom[c], col, (size_t)n, 1);
    fsim_qhist_add(&st->qh[c], col, (size_t)n, 1);
  }
  return 0;
}

/* Whole numbers below 2^31 and their offsets are exact in float: base + offset is
 * the value (a -0 comes back as 0, which every statistic treats alike). */
static void unpack(const fsim_series_pack *p, long n, float *x) {
  const unsigned char *u8 = p->data;
  const uint16_t *u16 = p->data;
  if (p->width == 0)
    for (long r = 0; r < n; r++) x[r] = p->base;
  else if (p->width == 1)
    for (long r = 0; r < n; r++) x[r] = p->base + (float)u8[r];
  else if (p->width == 2)
    for (long r = 0; r < n; r++) x[r] = p->base + (float)u16[r];
  else
    memcpy(x, p->data, (size_t)n * sizeof *x);
}

void fsim_series_store_column(const fsim_series_store *st, long c, long nreps, float *x) {
  for (long b = 0; b * st->block < nreps; b++) {
    const long r0 = b * st->block, n = nreps - r0 < st->block ? nreps - r0 : st->block;
    unpack(&st->pack[b * st->ncells + c], n, x + r0);
  }
}

int fsim_series_store_counts(const fsim_series_store *st, long c, long nreps, size_t room,
                             uint32_t *count, double *lo, size_t *range) {
  double mn = 0, mx = 0;
  for (long b = 0; b * st->block < nreps; b++) {
    const fsim_series_pack *p = &st->pack[b * st->ncells + c];
    if (!p->whole || p->width == 4) return 0;
    mn = b == 0 || p->base < mn ? p->base : mn;
    mx = b == 0 || (double)p->base + p->span > mx ? (double)p->base + p->span : mx;
  }
  if (mx - mn >= (double)room) return 0;
  *lo = mn;
  *range = (size_t)(mx - mn) + 1;
  memset(count, 0, *range * sizeof *count);
  for (long b = 0; b * st->block < nreps; b++) {
    const long r0 = b * st->block, n = nreps - r0 < st->block ? nreps - r0 : st->block;
    const fsim_series_pack *p = &st->pack[b * st->ncells + c];
    uint32_t *at = count + (size_t)((double)p->base - mn);
    const unsigned char *u8 = p->data;
    const uint16_t *u16 = p->data;
    if (p->width == 0)
      at[0] += (uint32_t)n;
    else if (p->width == 1)
      for (long r = 0; r < n; r++) at[u8[r]]++;
    else
      for (long r = 0; r < n; r++) at[u16[r]]++;
  }
  return 1;
}

float fsim_series_store_value(const fsim_series_store *st, long c, long r) {
  const fsim_series_pack *p = &st->pack[(r / st->block) * st->ncells + c];
  const long i = r % st->block;
  return p->width == 0   ? p->base
         : p->width == 1 ? p->base + (float)((const unsigned char *)p->data)[i]
         : p->width == 2 ? p->base + (float)((const uint16_t *)p->data)[i]
                         : ((const float *)p->data)[i];
}

void fsim_series_store_free(fsim_series_store *st) {
  free(st->var);
  free(st->slot);
  free(st->rows);
  free(st->mom);
  free(st->qh);
  if (st->arena) munmap(st->arena, st->arena_size);
  free(st->pack);
  memset(st, 0, sizeof *st);
}
