/* The Patient Rule Induction Method (Friedman and Fisher 1999) as scenario discovery
 * uses it (Bryant and Lempert 2010): boxes in a sweep's parameter space where a
 * condition holds, found by peeling and pasting (docs/DISCOVERY.md). Works on the
 * points in memory; discover.c reads a sweep and writes the outputs. */
#ifndef FSIM_EXPERIMENT_PRIM_H
#define FSIM_EXPERIMENT_PRIM_H

#include <stdint.h>

#include "frontsim/error.h"

#define FSIM_PRIM_MAXDIM 64 /* parameters of a sweep */
#define FSIM_PRIM_MAXCAT 64 /* levels of a categorical parameter */

/* A box: numeric parameter j within [lo[j], hi[j]]; categorical parameter j at a
 * level whose bit is set in cats[j]. */
typedef struct fsim_prim_box {
  double lo[FSIM_PRIM_MAXDIM], hi[FSIM_PRIM_MAXDIM];
  uint64_t cats[FSIM_PRIM_MAXDIM];
} fsim_prim_box;

/* The points: x[i * k + j] is parameter j of point i (a categorical one as its level's
 * index, 0 .. ncat[j] - 1); y[i] 1 where the condition holds; use[i] 1 for the points
 * boxes are fitted on. */
typedef struct fsim_prim_data {
  long n;
  int k;
  const double *x;
  const unsigned char *y;
  const unsigned char *use;
  const int *ncat; /* [k]: 0 for a numeric parameter */
} fsim_prim_data;

/* What a box holds of a set of points (those with use set, or all). */
typedef struct fsim_prim_stats {
  long n_in, y_in; /* points in the box, of which the condition holds */
  long n, y;       /* all points of the set, of which the condition holds */
  double coverage; /* y_in / y: share of the cases of interest the box captures */
  double density;  /* y_in / n_in: share of the box's points that are cases */
  double mass;     /* n_in / n */
  int restricted;  /* parameters the box restricts */
} fsim_prim_stats;

typedef struct fsim_prim_params {
  double peel;     /* alpha: the share of the box's points a peel removes (0.05) */
  double paste;    /* the share a paste adds back (0.05) */
  double min_mass; /* peeling stops before a box holds fewer points than this share */
} fsim_prim_params;

/* The box that restricts nothing: every parameter's whole range. */
void fsim_prim_box_full(const fsim_prim_data *d, fsim_prim_box *b);
int fsim_prim_box_contains(const fsim_prim_data *d, const fsim_prim_box *b, long i);
/* Counts over the points with use set (train = 1) or over all points (train = 0). */
void fsim_prim_box_stats(const fsim_prim_data *d, const fsim_prim_box *b, int train,
                         fsim_prim_stats *s);
/* 1 when the box restricts parameter j. */
int fsim_prim_box_restricts(const fsim_prim_data *d, const fsim_prim_box *b, int j);

/* Peels from the full box: (*traj)[0] is the full box, each next one a peel of the
 * one before, as long as a peel keeps at least min_mass of the points and does not
 * lower the density. *traj is the caller's (free). */
fsim_status fsim_prim_peel(const fsim_prim_data *d, const fsim_prim_params *p,
                           fsim_prim_box **traj, int *nsteps, fsim_error *err);
/* Widens box b where that raises its density (pasting), in place. */
fsim_status fsim_prim_paste(const fsim_prim_data *d, const fsim_prim_params *p,
                            fsim_prim_box *b, fsim_error *err);
/* The significance of box b's restriction of parameter j: the probability that a box
 * drawn from b with j unrestricted would hold at least as many cases by chance
 * (one-sided binomial, the quasi-p-value of scenario discovery). */
double fsim_prim_qp(const fsim_prim_data *d, const fsim_prim_box *b, int j);

#endif
