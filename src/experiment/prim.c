/* PRIM: peeling and pasting of boxes (prim.h; docs/DISCOVERY.md). */
#include "prim.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static uint64_t all_levels(int ncat) {
  return ncat >= 64 ? ~(uint64_t)0 : (((uint64_t)1 << ncat) - 1);
}

void fsim_prim_box_full(const fsim_prim_data *d, fsim_prim_box *b) {
  memset(b, 0, sizeof *b);
  for (int j = 0; j < d->k; j++) {
    b->lo[j] = INFINITY;
    b->hi[j] = -INFINITY;
    b->cats[j] = d->ncat[j] ? all_levels(d->ncat[j]) : 0;
  }
  for (long i = 0; i < d->n; i++)
    for (int j = 0; j < d->k; j++) {
      double v = d->x[i * d->k + j];
      if (v < b->lo[j]) b->lo[j] = v;
      if (v > b->hi[j]) b->hi[j] = v;
    }
}

int fsim_prim_box_contains(const fsim_prim_data *d, const fsim_prim_box *b, long i) {
  const double *x = d->x + i * d->k;
  for (int j = 0; j < d->k; j++) {
    if (d->ncat[j]) {
      if (!(b->cats[j] >> (int)x[j] & 1)) return 0;
    } else if (x[j] < b->lo[j] || x[j] > b->hi[j]) {
      return 0;
    }
  }
  return 1;
}

/* Whether b restricts parameter j, against the full box. */
static int restricts(const fsim_prim_data *d, const fsim_prim_box *full, const fsim_prim_box *b,
                     int j) {
  if (d->ncat[j]) return (b->cats[j] & full->cats[j]) != full->cats[j];
  return b->lo[j] > full->lo[j] || b->hi[j] < full->hi[j];
}

int fsim_prim_box_restricts(const fsim_prim_data *d, const fsim_prim_box *b, int j) {
  fsim_prim_box full;
  fsim_prim_box_full(d, &full);
  return restricts(d, &full, b, j);
}

void fsim_prim_box_stats(const fsim_prim_data *d, const fsim_prim_box *b, int train,
                         fsim_prim_stats *s) {
  memset(s, 0, sizeof *s);
  for (long i = 0; i < d->n; i++) {
    if (train && !d->use[i]) continue;
    s->n++;
    s->y += d->y[i];
    if (fsim_prim_box_contains(d, b, i)) {
      s->n_in++;
      s->y_in += d->y[i];
    }
  }
  s->coverage = s->y ? (double)s->y_in / (double)s->y : NAN;
  s->density = s->n_in ? (double)s->y_in / (double)s->n_in : NAN;
  s->mass = s->n ? (double)s->n_in / (double)s->n : NAN;
  fsim_prim_box full; /* once, not once per parameter */
  fsim_prim_box_full(d, &full);
  for (int j = 0; j < d->k; j++) s->restricted += restricts(d, &full, b, j);
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* A candidate box, judged on the points `ids` (those of the box it comes from). */
typedef struct candidate {
  fsim_prim_box box;
  long n, y;
  int valid;
} candidate;

static void judge(const fsim_prim_data *d, const long *ids, long m, long min_n,
                  const fsim_prim_box *cand, candidate *best) {
  long n = 0, y = 0;
  for (long t = 0; t < m; t++)
    if (fsim_prim_box_contains(d, cand, ids[t])) {
      n++;
      y += d->y[ids[t]];
    }
  if (n == 0 || n < min_n || n == m) return; /* too small, or nothing peeled */
  /* Higher density first; of equal density, the box that keeps more points. */
  if (!best->valid || (double)y * (double)best->n > (double)best->y * (double)n ||
      ((double)y * (double)best->n == (double)best->y * (double)n && n > best->n)) {
    best->box = *cand;
    best->n = n;
    best->y = y;
    best->valid = 1;
  }
}

fsim_status fsim_prim_peel(const fsim_prim_data *d, const fsim_prim_params *p,
                           fsim_prim_box **traj, int *nsteps, fsim_error *err) {
  *traj = NULL;
  *nsteps = 0;
  long n_train = 0;
  for (long i = 0; i < d->n; i++) n_train += d->use[i];
  const long min_n = (long)ceil(p->min_mass * (double)n_train);
  long *ids = malloc((size_t)(d->n ? d->n : 1) * sizeof *ids);
  double *vals = malloc((size_t)(d->n ? d->n : 1) * sizeof *vals);
  int cap = 64;
  fsim_prim_box *out = malloc((size_t)cap * sizeof *out);
  if (!ids || !vals || !out) {
    free(ids), free(vals), free(out);
    return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  fsim_prim_box cur;
  fsim_prim_box_full(d, &cur);
  int steps = 0;
  out[steps++] = cur;
  for (;;) {
    long m = 0, ysum = 0;
    for (long i = 0; i < d->n; i++)
      if (d->use[i] && fsim_prim_box_contains(d, &cur, i)) {
        ids[m++] = i;
        ysum += d->y[i];
      }
    if (m == 0 || ysum == m) break; /* nothing left to gain */
    candidate best = {.valid = 0};
    const long r = (long)ceil(p->peel * (double)m) > 0 ? (long)ceil(p->peel * (double)m) : 1;
    for (int j = 0; j < d->k; j++) {
      fsim_prim_box cand = cur;
      if (d->ncat[j]) {
        for (int c = 0; c < d->ncat[j]; c++) {
          uint64_t bit = (uint64_t)1 << c;
          if (!(cur.cats[j] & bit) || (cur.cats[j] & ~bit) == 0) continue;
          cand.cats[j] = cur.cats[j] & ~bit;
          judge(d, ids, m, min_n, &cand, &best);
        }
        continue;
      }
      for (long t = 0; t < m; t++) vals[t] = d->x[ids[t] * d->k + j];
      qsort(vals, (size_t)m, sizeof *vals, cmp_double);
      /* From below: the r smallest go, and every point tied with the last of them. */
      long q = r - 1;
      while (q < m && vals[q] <= vals[r - 1]) q++;
      if (q < m) {
        cand.lo[j] = vals[q];
        judge(d, ids, m, min_n, &cand, &best);
        cand.lo[j] = cur.lo[j];
      }
      q = m - r;
      while (q >= 0 && vals[q] >= vals[m - r]) q--;
      if (q >= 0) {
        cand.hi[j] = vals[q];
        judge(d, ids, m, min_n, &cand, &best);
      }
    }
    if (!best.valid || (double)best.y * (double)m < (double)ysum * (double)best.n) break;
    cur = best.box;
    if (steps == cap) {
      fsim_prim_box *grown = realloc(out, (size_t)(cap *= 2) * sizeof *out);
      if (!grown) {
        free(ids), free(vals), free(out);
        return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
      }
      out = grown;
    }
    out[steps++] = cur;
  }
  free(ids);
  free(vals);
  *traj = out;
  *nsteps = steps;
  return FSIM_OK;
}

fsim_status fsim_prim_paste(const fsim_prim_data *d, const fsim_prim_params *p,
                            fsim_prim_box *b, fsim_error *err) {
  double *vals = malloc((size_t)(d->n ? d->n : 1) * sizeof *vals);
  if (!vals) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  for (;;) {
    fsim_prim_stats s;
    fsim_prim_box_stats(d, b, 1, &s);
    if (s.n_in == 0) break;
    const long r = (long)ceil(p->paste * (double)s.n_in) > 0 ? (long)ceil(p->paste * (double)s.n_in)
                                                             : 1;
    fsim_prim_box best = *b;
    double best_d = s.density;
    long best_n = s.n_in;
    int found = 0;
    for (int j = 0; j < d->k; j++) {
      fsim_prim_box cand = *b;
      if (d->ncat[j]) {
        for (int c = 0; c < d->ncat[j]; c++) {
          uint64_t bit = (uint64_t)1 << c;
          if (b->cats[j] & bit) continue;
          cand.cats[j] = b->cats[j] | bit;
          fsim_prim_stats cs;
          fsim_prim_box_stats(d, &cand, 1, &cs);
          if (cs.density > best_d || (cs.density == best_d && found && cs.n_in > best_n)) {
            best = cand, best_d = cs.density, best_n = cs.n_in, found = 1;
          }
        }
        continue;
      }
      /* The points outside the box in parameter j only, below it and above it. */
      for (int side = 0; side < 2; side++) {
        long m = 0;
        fsim_prim_box open = *b;
        if (side == 0) open.lo[j] = -INFINITY;
        else open.hi[j] = INFINITY;
        for (long i = 0; i < d->n; i++) {
          if (!d->use[i] || !fsim_prim_box_contains(d, &open, i)) continue;
          double v = d->x[i * d->k + j];
          if ((side == 0 && v < b->lo[j]) || (side == 1 && v > b->hi[j])) vals[m++] = v;
        }
        if (m == 0) continue;
        qsort(vals, (size_t)m, sizeof *vals, cmp_double);
        long take = r < m ? r : m;
        cand = *b;
        if (side == 0) cand.lo[j] = vals[m - take]; /* the nearest `take` below */
        else cand.hi[j] = vals[take - 1];
        fsim_prim_stats cs;
        fsim_prim_box_stats(d, &cand, 1, &cs);
        if (cs.density > best_d || (cs.density == best_d && found && cs.n_in > best_n)) {
          best = cand, best_d = cs.density, best_n = cs.n_in, found = 1;
        }
      }
    }
    if (!found) break;
    *b = best;
  }
  free(vals);
  return FSIM_OK;
}

double fsim_prim_qp(const fsim_prim_data *d, const fsim_prim_box *b, int j) {
  fsim_prim_box full, wide = *b;
  fsim_prim_box_full(d, &full);
  wide.lo[j] = full.lo[j];
  wide.hi[j] = full.hi[j];
  wide.cats[j] = full.cats[j];
  fsim_prim_stats in, around;
  fsim_prim_box_stats(d, b, 1, &in);
  fsim_prim_box_stats(d, &wide, 1, &around);
  if (in.y_in == 0 || around.n_in == 0) return 1.0;
  const double p0 = (double)around.y_in / (double)around.n_in;
  /* P(X >= y_in), X ~ Binomial(n_in, p0): Q(y_in - 1) = P(X > y_in - 1). */
  return gsl_cdf_binomial_Q((unsigned)(in.y_in - 1), p0, (unsigned)in.n_in);
}
