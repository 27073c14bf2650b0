/* Scenario discovery on a finished sweep (docs/DISCOVERY.md): the sweep's points
 * read back with their parameters (discover_read.c), the condition, PRIM (prim.c),
 * the outputs (discover.c). */
#ifndef FSIM_EXPERIMENT_DISCOVER_H
#define FSIM_EXPERIMENT_DISCOVER_H

#include "frontsim/discover.h"
#include "prim.h"

struct fsim_discover_options {
  char *where;     /* "METRIC OP VALUE" */
  double peel, paste, min_mass;
  double holdout;  /* share of the points kept out of the fit, to check the box on */
  long box;        /* the trajectory's step to report; -1: chosen (docs) */
  long baseline;   /* -1, or the point the condition's metric is taken relative to */
  char *against;   /* NULL, or a second sweep of the same design: metric minus its */
  unsigned long long seed; /* of the held-out split */
};

/* A sweep's points: parameters (categorical ones as level indices) and the value the
 * condition reads at each point. */
typedef struct fsim_discover_points {
  long n;
  int k;
  char names[FSIM_PRIM_MAXDIM][256];
  int ncat[FSIM_PRIM_MAXDIM];
  char *levels[FSIM_PRIM_MAXDIM][FSIM_PRIM_MAXCAT]; /* a categorical parameter's levels */
  double *x;     /* [n * k] */
  double *value; /* [n]: the metric, after baseline or against */
  long *point;   /* [n]: the sweep's point numbers */
  char column[256]; /* the column of sweep.csv the metric is */
} fsim_discover_points;

/* The condition: `column` `op` `threshold`. */
typedef enum { FSIM_OP_LT, FSIM_OP_LE, FSIM_OP_GT, FSIM_OP_GE } fsim_discover_op;
typedef struct fsim_discover_where {
  char metric[256];
  fsim_discover_op op;
  double threshold;
} fsim_discover_where;

fsim_status fsim_discover_where_parse(const char *text, fsim_discover_where *w,
                                      fsim_error *err);
int fsim_discover_holds(const fsim_discover_where *w, double v);
fsim_status fsim_discover_read(const char *dir, const fsim_discover_where *w,
                               const fsim_discover_options *opt, fsim_discover_points *pts,
                               fsim_error *err);
void fsim_discover_points_free(fsim_discover_points *pts);

#endif
