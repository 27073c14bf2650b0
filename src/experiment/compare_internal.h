/* What compare.c measures and compare_text.c words: one row per what-if and
 * metric of the base. */
#ifndef FRONTSIM_COMPARE_INTERNAL_H
#define FRONTSIM_COMPARE_INTERNAL_H

#include <stdio.h>

#include "frontsim/compare.h"

typedef struct fsim_compare_row {
  int what_if;        /* the scenario's index, 1.. (0 is the base) */
  const char *metric; /* the base's name for it */
  char title[160];    /* what it is, from the metric table ("Day the supply route ...") */
  int kind;           /* FSIM_METRIC_* (metric_table.h) */
  long reps;          /* replications run, each scenario */
  /* Over the replications where both define the metric (n of them): the means,
   * the mean paired difference what-if - base with its 95% CI, the half-width two
   * independent runs would give, and how many times smaller the paired variance is. */
  long n;
  double mean_a, mean_b, diff, diff_lo, diff_hi, unpaired_half, reduction;
  /* Over all of each scenario's replications where it defines the metric: how
   * many, the mean and the half-width of its 95% CI. */
  long n_a, n_b;
  double mean_a_all, mean_b_all, half_a_all, half_b_all;
} fsim_compare_row;

typedef struct fsim_compare_report {
  const fsim_scenario *const *sc;
  int nsc;
  long reps;
  unsigned long long seed;
  const char *command_line;
  const char *target_metric; /* NULL: none */
  double target_halfwidth;
  int reached;
  const fsim_compare_row *rows;
  long nrows;
} fsim_compare_report;

/* The scenario's letter: a for the base, b, c, ... (its directory in the output). */
static inline char fsim_compare_letter(int i) { return (char)('a' + i); }

/* compare.txt */
void fsim_compare_write_text(FILE *fp, const fsim_compare_report *rep);
/* compare.csv (formats.h: FSIM_COMPARE_CSV_HEADER) */
void fsim_compare_write_csv(FILE *fp, const fsim_compare_report *rep);

#endif
