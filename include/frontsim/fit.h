/* Fitting attrition coefficients to observed daily strengths (frontsim fit): the
 * discrete Lanchester recursion of docs/MODEL.md 10 for one closed battle
 *   B(t) = max(0, B(t-1) - alpha_red  R(t-1)^a B(t-1)^b)
 *   R(t) = max(0, R(t-1) - alpha_blue B(t-1)^a R(t-1)^b)
 * is run from the first observed day, and its coefficients (and, with law "free",
 * the exponents a and b) are fitted to both whole series by GSL's nonlinear least
 * squares (trust region, Levenberg-Marquardt), each parameter kept inside its
 * valid range. */
#ifndef FRONTSIM_FIT_H
#define FRONTSIM_FIT_H

#include "frontsim/export.h"

#include <stddef.h>

#include "frontsim/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum fsim_fit_law {
  FSIM_FIT_SQUARE = 0,  /* (a, b) = (1, 0) */
  FSIM_FIT_LINEAR,      /* (1, 1) */
  FSIM_FIT_LOGARITHMIC, /* (0, 1) */
  FSIM_FIT_FREE         /* a and b fitted too */
} fsim_fit_law;

/* The solver's iteration cap: a fit that reaches it has not converged, an error. */
#define FSIM_FIT_MAX_ITERATIONS 500

/* The valid ranges of the fitted parameters (the caller takes them from the settings
 * table: sectors.[i].attrition.blue/.red and model.attrition.a/.b), which the fit
 * keeps every parameter inside, and the iteration cap (0: FSIM_FIT_MAX_ITERATIONS). */
typedef struct fsim_fit_limits {
  /* sizeof(fsim_fit_limits) as the caller was compiled (FSIM_FIT_LIMITS_INIT sets it):
   * a later library reads only what an earlier caller's struct holds, and gives the
   * fields added since their defaults, so adding one breaks no caller. */
  size_t size;
  double alpha_min, alpha_max;
  double exponent_min, exponent_max;
  int max_iterations;
} fsim_fit_limits;
/* Below this R^2 the recursion describes the data badly: `frontsim fit` warns. */
#define FSIM_FIT_R2_POOR 0.8

/* The usual start: the size set, every other field 0 (to be filled in). */
#define FSIM_FIT_LIMITS_INIT {.size = sizeof(fsim_fit_limits)}

typedef struct fsim_fit_result {
  /* sizeof(fsim_fit_result) as the caller was compiled (FSIM_FIT_RESULT_INIT): the
   * library writes no more than that, and leaves `size` as it was. */
  size_t size;
  fsim_fit_law law;
  double alpha_blue, alpha_red; /* blue's fire on red, red's fire on blue */
  double se_blue, se_red;       /* standard errors */
  double a, b, se_a, se_b;      /* exponents (se 0 unless fitted) */
  double rss;                   /* residual sum of squares of the normalised series */
  double r2;                    /* share of the variance of both series explained */
  size_t days;                  /* observations used */
  int iterations;
  /* Per parameter (alpha blue, alpha red, a, b): -1 or 1 when it ended at the low or
   * high end of its range (the data push past it; the value is then that end and its
   * standard error NaN), else 0. */
  int at_bound[4];
} fsim_fit_result;

#define FSIM_FIT_RESULT_INIT {.size = sizeof(fsim_fit_result)}

/* blue[0..n), red[0..n): personnel on consecutive days. FSIM_E_NUMERIC when the
 * solver fails or does not converge (no coefficients are given then). With law
 * free, the exponents start from the named law that fits best. */
FSIM_API fsim_status fsim_fit_attrition(const double *blue, const double *red, size_t n,
                                        fsim_fit_law law, const fsim_fit_limits *bounds,
                                        fsim_fit_result *out, fsim_error *err);

/* Reads two columns (by header name) of a CSV file; *blue and *red are malloc'ed. */
FSIM_API fsim_status fsim_fit_read_csv(const char *path, const char *blue_col, const char *red_col,
                                       double **blue, double **red, size_t *n, fsim_error *err);

#ifdef __cplusplus
}
#endif
#endif
