/* Which daily series a run keeps, and their rows or summaries (series_store.h). */
#include "series_store.h"

#include <math.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hugemem.h"

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
      const char *near = len < sizeof name ? fsim_layout_nearest_series(lay, name) : NULL;
      char hint[FSIM_VAR_NAME + 24] = "";
      if (near) snprintf(hint, sizeof hint, "did you mean \"%s\"? ", near);
      const fsim_status st2 =
          fsim_error_set(err, FSIM_E_INPUT, "--series", 0, "",
                         "no series variable \"%.*s\" in this scenario (%sthe names are "
                         "<file>.<column> as in the series CSV files, e.g. "
                         "sides.blue_personnel)",
                         (int)len, p, hint);
      fsim_series_store_free(st);
      return st2;
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
  st->rstride = (st->ncells + FSIM_SERIES_TILE - 1) / FSIM_SERIES_TILE * FSIM_SERIES_TILE;
  /* Every large array in huge pages where offered, zeroed (a thread that failed
   * leaves its rows defined for the fold) and touched only as used: the fold reads a
   * tile of cells down the rows, 28 kB apart, and the first touch of each small page
   * would cost a fault (hugemem.h). */
  st->rows_bytes = (size_t)st->block * (size_t)st->rstride * sizeof *st->rows;
  st->rows = fsim_huge_alloc(st->rows_bytes);
  if (st->rows && st->exact) {
    st->nblocks = (nreps + st->block - 1) / st->block;
    st->pack_bytes = ((size_t)(st->nblocks * st->ncells) + 1) * sizeof *st->pack;
    st->pack = fsim_huge_alloc(st->pack_bytes);
    st->arena_size = (size_t)(st->nblocks * st->block) * (size_t)st->ncells * sizeof(float);
    st->arena = fsim_huge_alloc(st->arena_size);
  }
  if (st->rows && !st->exact) {
    st->mom_bytes = (size_t)st->ncells * sizeof *st->mom;
    st->qh_bytes = (size_t)st->ncells * sizeof *st->qh;
    st->mom = fsim_huge_alloc(st->mom_bytes);
    st->qh = fsim_huge_alloc(st->qh_bytes);
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

static float *row_of(fsim_series_store *st, long r) {
  return st->rows + (size_t)r * (size_t)st->rstride;
}

float *fsim_series_store_row(fsim_series_store *st, long r) { return row_of(st, r); }

const int *fsim_series_store_vars(const fsim_series_store *st) {
  return st->var[st->nsel - 1] == st->nsel - 1 ? NULL : st->var; /* every variable: NULL */
}

#define TILE FSIM_SERIES_TILE

/* Packs cells [c0, c0 + w) of the block's n rows. */
static int pack_tile(fsim_series_store *st, long b, long n, long c0, long w) {
  const float *col = st->rows + c0;
  const size_t ld = (size_t)st->rstride;
  fsim_series_pack *pk = st->pack + b * st->ncells + c0;
  /* A line of TILE cells at a time down the rows (cells past the last are zeros of
   * the row's padding), each cell in a lane of its own: branch-free, so that it runs
   * in vector registers, and in float, whose least and greatest are an instruction
   * each (those of 32-bit integers take four without SSE4.1). A value is whole when
   * it lies within +-2e9 (in range for the conversion; NaN does not) and survives the
   * round trip through int32; a whole cell's least and greatest are then whole numbers
   * within 2^31. Three accumulators of four vectors
   * each: with a fourth and the first row's values they spilled to the stack. */
  float mn[TILE], mx[TILE];
  int32_t whole[TILE];
  for (long k = 0; k < TILE; k++) mn[k] = mx[k] = col[k], whole[k] = 1;
  for (long r = 0; r < n; r++) {
    const float *x = col + (size_t)r * ld;
    for (long k = 0; k < TILE; k++) {
      const float v = x[k];
      const int32_t in = fabsf(v) < 2e9f; /* NaN: not in */
      const float g = in ? v : 0.0f;
      whole[k] &= in & (v == (float)(int32_t)g);
      mn[k] = v < mn[k] ? v : mn[k];
      mx[k] = v > mx[k] ? v : mx[k];
    }
  }
  size_t bytes = 0;
  for (long k = 0; k < w; k++) {
    const double span = (double)mx[k] - (double)mn[k];
    /* Not whole, yet least = greatest: all equal, unless a NaN hid among them (the
     * least and greatest pass over it): looked at again, from cache (rare). */
    int equal = whole[k] ? span == 0 : mn[k] == mx[k];
    for (long r = 0; !whole[k] && equal && r < n; r++) equal = col[(size_t)r * ld + (size_t)k] == col[k];
    pk[k].base = whole[k] ? mn[k] + 0.0f : col[k]; /* a whole -0 as 0 */
    pk[k].whole = (unsigned char)whole[k];
    pk[k].span = whole[k] ? (float)span : 0; /* exact below 2^24; beyond, far past any use */
    pk[k].width = (unsigned char)(equal ? 0 : !whole[k] ? 4 : span < 256 ? 1 : span < 65536 ? 2 : 4);
    bytes += ((size_t)pk[k].width * (size_t)n + 3) & ~(size_t)3;
  }
  /* Room taken in whatever order the threads come: where a cell's values lie
   * changes nothing they are. */
  const size_t at = atomic_fetch_add(&st->arena_used, bytes);
  if (at + bytes > st->arena_size) return -1; /* cannot happen: room for all as floats */
  unsigned char *mem = st->arena + at; /* 4-byte aligned: every cell's room is */
  /* The tile's lines were just read: a cell at a time down them again hits cache. */
  for (long k = 0; k < w; k++) {
    const float *x = col + k;
    const float base = pk[k].base;
    pk[k].at = (uint32_t)((size_t)(mem - st->arena) / 4); /* the exact series' guard keeps
                                                             * the arena below 16 GiB */
    if (pk[k].width == 1)
      for (long r = 0; r < n; r++) mem[r] = (unsigned char)(x[(size_t)r * ld] - base);
    else if (pk[k].width == 2)
      for (long r = 0; r < n; r++)
        ((uint16_t *)(void *)mem)[r] = (uint16_t)(x[(size_t)r * ld] - base);
    else if (pk[k].width == 4)
      for (long r = 0; r < n; r++) ((float *)(void *)mem)[r] = x[(size_t)r * ld];
    mem += ((size_t)pk[k].width * (size_t)n + 3) & ~(size_t)3;
  }
  return 0;
}

int fsim_series_store_fold(fsim_series_store *st, long b, long n, long c0, long c1) {
  if (st->exact) return pack_tile(st, b, n, c0, c1 - c0);
  for (long c = c0; c < c1; c++) {
    const float *col = st->rows + c;
    fsim_moments_add_block(&st->mom[c], col, (size_t)n, (size_t)st->rstride);
    fsim_qhist_add(&st->qh[c], col, (size_t)n, (size_t)st->rstride);
  }
  return 0;
}

/* Whole numbers below 2^31 and their offsets are exact in float: base + offset is
 * the value (a -0 comes back as 0, which every statistic treats alike). */
static const void *pack_data(const fsim_series_store *st, const fsim_series_pack *p) {
  return st->arena + (size_t)p->at * 4;
}

static void unpack(const fsim_series_store *st, const fsim_series_pack *p, long n, float *x) {
  const unsigned char *u8 = pack_data(st, p);
  const uint16_t *u16 = pack_data(st, p);
  if (p->width == 0)
    for (long r = 0; r < n; r++) x[r] = p->base;
  else if (p->width == 1)
    for (long r = 0; r < n; r++) x[r] = p->base + (float)u8[r];
  else if (p->width == 2)
    for (long r = 0; r < n; r++) x[r] = p->base + (float)u16[r];
  else
    memcpy(x, pack_data(st, p), (size_t)n * sizeof *x);
}

void fsim_series_store_column(const fsim_series_store *st, long c, long nreps, float *x) {
  for (long b = 0; b * st->block < nreps; b++) {
    const long r0 = b * st->block, n = nreps - r0 < st->block ? nreps - r0 : st->block;
    unpack(st, &st->pack[b * st->ncells + c], n, x + r0);
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
  /* Where the room holds four counts a value, a block's r-th value is counted in
   * lane r % 4 of its value (count[4 i + lane]), then the lanes summed: a run of
   * equal values (common: a day when little moves) increments four words in turn
   * instead of waiting on one. */
  const int lanes = 4 * *range <= room ? 4 : 1;
  memset(count, 0, (size_t)lanes * *range * sizeof *count);
  for (long b = 0; b * st->block < nreps; b++) {
    const long r0 = b * st->block, n = nreps - r0 < st->block ? nreps - r0 : st->block;
    const fsim_series_pack *p = &st->pack[b * st->ncells + c];
    uint32_t *at = count + (size_t)lanes * (size_t)((double)p->base - mn);
    const unsigned char *u8 = pack_data(st, p);
    const uint16_t *u16 = pack_data(st, p);
    if (p->width == 0)
      at[0] += (uint32_t)n;
    else if (lanes == 4 && p->width == 1)
      for (long r = 0; r < n; r++) at[4 * (size_t)u8[r] + (size_t)(r & 3)]++;
    else if (lanes == 4)
      for (long r = 0; r < n; r++) at[4 * (size_t)u16[r] + (size_t)(r & 3)]++;
    else if (p->width == 1)
      for (long r = 0; r < n; r++) at[u8[r]]++;
    else
      for (long r = 0; r < n; r++) at[u16[r]]++;
  }
  if (lanes == 4) /* in place: count[i] is written after count[4 i .. 4 i + 3] are read */
    for (size_t i = 0; i < *range; i++)
      count[i] = count[4 * i] + count[4 * i + 1] + count[4 * i + 2] + count[4 * i + 3];
  return 1;
}

float fsim_series_store_value(const fsim_series_store *st, long c, long r) {
  const fsim_series_pack *p = &st->pack[(r / st->block) * st->ncells + c];
  const long i = r % st->block;
  const void *data = pack_data(st, p);
  return p->width == 0   ? p->base
         : p->width == 1 ? p->base + (float)((const unsigned char *)data)[i]
         : p->width == 2 ? p->base + (float)((const uint16_t *)data)[i]
                         : ((const float *)data)[i];
}

void fsim_series_store_free(fsim_series_store *st) {
  free(st->var);
  free(st->slot);
  fsim_huge_free(st->rows, st->rows_bytes);
  fsim_huge_free(st->mom, st->mom_bytes);
  fsim_huge_free(st->qh, st->qh_bytes);
  fsim_huge_free(st->arena, st->arena_size);
  fsim_huge_free(st->pack, st->pack_bytes);
  memset(st, 0, sizeof *st);
}
