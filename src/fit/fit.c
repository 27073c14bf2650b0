/* The fit layer (src/fit), standing on core only: attrition coefficients fitted to
 * observed daily strengths (include/frontsim/fit.h, `frontsim fit`). It shares the
 * attrition laws of MODEL.md 5 with the model but no code path: a fit runs the
 * closed-battle recursion of MODEL.md 10, not the engine. */
#include "frontsim/fit.h"

#include <errno.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "library.h"
#include "laws.h"

typedef struct fit_data {
  const double *blue, *red;
  size_t n;
  int free_law;
  double a, b;      /* fixed exponents (named laws) */
  double lo[4], hi[4]; /* each parameter's valid range (alpha blue, alpha red, a, b) */
  int max_iterations;
} fit_data;

static double power(double x, double e) {
  return e == 0.0 ? 1.0 : e == 1.0 ? x : pow(x, e);
}

/* Bounds are enforced by fitting u with p = lo + (hi - lo) / (1 + e^-u): every u is
 * a valid p, so the solver cannot leave the range the settings table allows (a
 * coefficient of -0.0008 or an exponent of 3.78 that check would then refuse). Near
 * lo the map is p - lo ~ (hi - lo) e^u: a log scale, as suits coefficients spanning
 * decades. */
static double to_param(double u, double lo, double hi) { return lo + (hi - lo) / (1 + exp(-u)); }

static double to_free(double p, double lo, double hi) {
  const double span = hi - lo, inner = 1e-6 * span; /* start strictly inside */
  p = fmin(fmax(p, lo + inner), hi - inner);
  return log((p - lo) / (hi - p));
}

/* dp/du, for the standard errors (delta method). */
static double slope(double u, double lo, double hi) {
  const double s = 1 / (1 + exp(-u));
  return (hi - lo) * s * (1 - s);
}

static void params_of(const fit_data *d, const gsl_vector *x, double p[4]) {
  for (size_t k = 0; k < 2; k++) p[k] = to_param(gsl_vector_get(x, k), d->lo[k], d->hi[k]);
  p[2] = d->free_law ? to_param(gsl_vector_get(x, 2), d->lo[2], d->hi[2]) : d->a;
  p[3] = d->free_law ? to_param(gsl_vector_get(x, 3), d->lo[3], d->hi[3]) : d->b;
}

/* Residuals: the recursion run from day 0 against the observations, each series
 * divided by its first value so both weigh alike. */
static int residuals(const gsl_vector *x, void *params, gsl_vector *f) {
  const fit_data *d = params;
  double p[4];
  params_of(d, x, p);
  const double ab = p[0], ar = p[1], a = p[2], b = p[3];
  double B = d->blue[0], R = d->red[0];
  for (size_t t = 1; t < d->n; t++) {
    const double nb = fmax(0.0, B - ar * power(R, a) * power(B, b));
    const double nr = fmax(0.0, R - ab * power(B, a) * power(R, b));
    B = nb;
    R = nr;
    gsl_vector_set(f, 2 * (t - 1), (d->blue[t] - B) / d->blue[0]);
    gsl_vector_set(f, 2 * (t - 1) + 1, (d->red[t] - R) / d->red[0]);
  }
  return GSL_SUCCESS;
}

/* Starting values from the first differences: alpha ~ mean(-dB / (R^a B^b)). */
static double first_guess(const double *own, const double *enemy, size_t n, double a, double b) {
  double sum = 0.0;
  size_t k = 0;
  for (size_t t = 1; t < n; t++) {
    double fire = power(enemy[t - 1], a) * power(own[t - 1], b);
    if (fire > 0 && own[t] > 0) {
      sum += (own[t - 1] - own[t]) / fire;
      k++;
    }
  }
  double g = k ? sum / (double)k : 0.0;
  return g > 0 ? g : 1e-6;
}

/* Explained share of the variance of both normalised series. */
static double r_squared(const double *blue, const double *red, size_t n, double rss) {
  double mb = 0, mr = 0, tss = 0;
  for (size_t t = 1; t < n; t++) mb += blue[t] / blue[0], mr += red[t] / red[0];
  mb /= (double)(n - 1);
  mr /= (double)(n - 1);
  for (size_t t = 1; t < n; t++)
    tss += pow(blue[t] / blue[0] - mb, 2) + pow(red[t] / red[0] - mr, 2);
  return tss > 0 ? 1 - rss / tss : NAN;
}

/* Step and gradient tolerances as GSL's documentation advises (about 8 digits of x;
 * the cube root of the machine epsilon for the gradient). */
#define FIT_XTOL 1e-10
#define FIT_GTOL 1e-10

/* One least-squares fit from the starting values start[0..p), into out; an error
 * when GSL fails or stops at its iteration cap (not converged). */
static fsim_status solve(fit_data *d, const double start[4], size_t p, fsim_fit_result *out,
                         fsim_error *err) {
  gsl_multifit_nlinear_fdf fdf;
  memset(&fdf, 0, sizeof fdf);
  fdf.f = residuals;
  fdf.df = NULL; /* finite differences: the recursion has no tidy derivative */
  fdf.n = 2 * (d->n - 1);
  fdf.p = p;
  fdf.params = d;
  gsl_multifit_nlinear_parameters params = gsl_multifit_nlinear_default_parameters();
  gsl_multifit_nlinear_workspace *w =
      gsl_multifit_nlinear_alloc(gsl_multifit_nlinear_trust, &params, fdf.n, p);
  gsl_vector *x = gsl_vector_alloc(p);
  gsl_matrix *covar = gsl_matrix_alloc(p, p);
  if (!w || !x || !covar) {
    if (w) gsl_multifit_nlinear_free(w);
    if (x) gsl_vector_free(x);
    if (covar) gsl_matrix_free(covar);
    return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  for (size_t k = 0; k < p; k++) gsl_vector_set(x, k, to_free(start[k], d->lo[k], d->hi[k]));
  fsim_status st = FSIM_OK;
  int info = 0;
  int rc = gsl_multifit_nlinear_init(x, &fdf, w);
  if (rc == GSL_SUCCESS)
    rc = gsl_multifit_nlinear_driver((size_t)d->max_iterations, FIT_XTOL, FIT_GTOL, 0.0, NULL, NULL,
                                     &info, w);
  /* GSL reports a start it cannot improve on (the first step makes no progress) as
   * the iteration cap: a start that is already the minimum passes the tests. */
  if (rc == GSL_EMAXITER && info == GSL_ENOPROG &&
      gsl_multifit_nlinear_test(FIT_XTOL, FIT_GTOL, 0.0, &info, w) == GSL_SUCCESS)
    rc = GSL_SUCCESS;
  if (rc == GSL_EMAXITER)
    st = fsim_error_set(err, FSIM_E_NUMERIC, "", 0, "",
                        "the fit did not converge in %d iterations: the data do not settle on "
                        "coefficients under this law (one closed battle, no arrivals?); no "
                        "coefficients are given",
                        d->max_iterations);
  else if (rc != GSL_SUCCESS)
    st = fsim_error_set(err, FSIM_E_NUMERIC, "", 0, "", "the fit failed: %s", gsl_strerror(rc));
  if (st == FSIM_OK) {
    const gsl_vector *sol = gsl_multifit_nlinear_position(w);
    const gsl_vector *f = gsl_multifit_nlinear_residual(w);
    double rss, v[4];
    gsl_blas_ddot(f, f, &rss);
    gsl_multifit_nlinear_covar(gsl_multifit_nlinear_jac(w), 0.0, covar);
    params_of(d, sol, v);
    const double s2 = rss / (double)(fdf.n - p);
    double se[4] = {0, 0, 0, 0};
    for (size_t k = 0; k < p; k++) {
      const double u = gsl_vector_get(sol, k);
      se[k] = sqrt(s2 * gsl_matrix_get(covar, k, k)) * slope(u, d->lo[k], d->hi[k]);
      /* Within a millionth of the range from an end: the data push past it. */
      const double tol = 1e-6 * (d->hi[k] - d->lo[k]);
      out->at_bound[k] = v[k] - d->lo[k] < tol ? -1 : d->hi[k] - v[k] < tol ? 1 : 0;
      /* At an end the estimate is that end (u ran off towards infinity: 1e-216 is
       * 0), and a standard error means nothing there. */
      if (out->at_bound[k]) v[k] = out->at_bound[k] < 0 ? d->lo[k] : d->hi[k], se[k] = NAN;
    }
    out->alpha_blue = v[0];
    out->alpha_red = v[1];
    out->a = v[2];
    out->b = v[3];
    out->se_blue = se[0];
    out->se_red = se[1];
    out->se_a = se[2];
    out->se_b = se[3];
    out->rss = rss;
    out->r2 = r_squared(d->blue, d->red, d->n, rss);
    out->days = d->n;
    out->iterations = (int)gsl_multifit_nlinear_niter(w);
  }
  gsl_matrix_free(covar);
  gsl_vector_free(x);
  gsl_multifit_nlinear_free(w);
  return st;
}

static fsim_status fit_attrition(const double *blue, const double *red, size_t n,
                                 fsim_fit_law law, const fsim_fit_limits *bounds,
                                 fsim_fit_result *out, fsim_error *err) {
  memset(out, 0, sizeof *out);
  _Static_assert((int)FSIM_FIT_FREE == (int)FSIM_FIXED_LAWS, "laws.h lists the fixed laws in order");
  const int free_law = law == FSIM_FIT_FREE;
  const size_t p = free_law ? 4 : 2;
  if (n < 3 || 2 * (n - 1) <= p)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "need at least %zu days of data, got %zu",
                          p / 2 + 2, n);
  if (!(blue[0] > 0) || !(red[0] > 0))
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "both sides need personnel on day 0");
  if (!(bounds->alpha_min < bounds->alpha_max) || !(bounds->exponent_min < bounds->exponent_max))
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "empty range for a fitted parameter");
  fit_data d = {blue, red, n, 0, 1, 0,
                {bounds->alpha_min, bounds->alpha_min, bounds->exponent_min, bounds->exponent_min},
                {bounds->alpha_max, bounds->alpha_max, bounds->exponent_max, bounds->exponent_max},
                bounds->max_iterations > 0 ? bounds->max_iterations : FSIM_FIT_MAX_ITERATIONS};
  double start[4];
  if (!free_law) {
    fsim_law_exponents((int)law, &d.a, &d.b);
    start[0] = first_guess(red, blue, n, d.a, d.b); /* blue's fire shows in red's losses */
    start[1] = first_guess(blue, red, n, d.a, d.b);
    fsim_status st = solve(&d, start, p, out, err);
    out->law = law;
    return st;
  }
  /* Free exponents start from the named law that fits best (each a fit of its own),
   * moved a tenth of the range inside, where the map to u is not flat. */
  fsim_fit_result best = {.law = FSIM_FIT_SQUARE};
  int have = 0;
  for (int l = 0; l < FSIM_FIXED_LAWS; l++) {
    fsim_fit_result r;
    fsim_error ignored;
    if (fit_attrition(blue, red, n, (fsim_fit_law)l, bounds, &r, &ignored) != FSIM_OK)
      continue;
    if (!have || r.rss < best.rss) best = r, have = 1;
  }
  const double margin = 0.1 * (bounds->exponent_max - bounds->exponent_min);
  if (have) {
    start[0] = best.alpha_blue, start[1] = best.alpha_red, start[2] = best.a, start[3] = best.b;
  } else {
    start[2] = 1, start[3] = 0;
    start[0] = first_guess(red, blue, n, 1, 0), start[1] = first_guess(blue, red, n, 1, 0);
  }
  for (int k = 2; k < 4; k++)
    start[k] = fmin(fmax(start[k], bounds->exponent_min + margin), bounds->exponent_max - margin);
  d.free_law = 1;
  fsim_status st = solve(&d, start, p, out, err);
  out->law = law;
  return st;
}

/* ---- CSV ------------------------------------------------------------------ */

/* A header cell without its surrounding spaces and double quotes: R's write.csv and
 * pandas with quoting write "day","blue","red". */
static const char *unquote(char *cell) {
  while (*cell == ' ') cell++;
  size_t len = strlen(cell);
  while (len > 0 && cell[len - 1] == ' ') cell[--len] = '\0';
  if (len >= 2 && cell[0] == '"' && cell[len - 1] == '"') {
    cell[len - 1] = '\0';
    cell++;
  }
  return cell;
}

static int column_of(char *header, const char *name) {
  int col = 0;
  for (char *save = NULL, *tok = strtok_r(header, ",\r\n", &save); tok;
       tok = strtok_r(NULL, ",\r\n", &save), col++)
    if (strcmp(unquote(tok), name) == 0) return col;
  return -1;
}

/* Column col of a data line as a number >= 0; the number may be quoted ("98"). */
static int field(const char *line, int col, double *v) {
  const char *p = line;
  for (int i = 0; i < col; i++) {
    p = strchr(p, ',');
    if (!p) return 0;
    p++;
  }
  while (*p == ' ') p++;
  const int quoted = *p == '"';
  p += quoted;
  char *end = NULL;
  errno = 0;
  *v = strtod(p, &end);
  if (end == p || errno != 0) return 0;
  if (quoted && *end++ != '"') return 0;
  while (*end == ' ') end++;
  return (*end == ',' || *end == '\n' || *end == '\r' || *end == '\0') && isfinite(*v) &&
         *v >= 0;
}

/* The next line of text at *at (its end cut off in place), or NULL at the end. */
static char *next_line(char **at) {
  char *line = *at;
  if (!*line) return NULL;
  char *end = strchr(line, '\n');
  if (end) {
    *end = '\0';
    *at = end + 1;
  } else {
    *at = line + strlen(line);
  }
  return line;
}

fsim_status fsim_fit_read_csv(const char *path, const char *blue_col, const char *red_col,
                              double **blue, double **red, size_t *n, fsim_error *err) {
  if (!path || !blue_col || !red_col || !blue || !red || !n)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "fsim_fit_read_csv: a NULL argument");
  *blue = *red = NULL;
  *n = 0;
  char *text = NULL;
  fsim_status st = fsim_read_text(path, "the data file", &text, NULL, err);
  if (st != FSIM_OK) return st;
  char *at = text, *line;
  if (strncmp(at, "\xEF\xBB\xBF", 3) == 0) at += 3; /* the byte order mark spreadsheets write */
  line = next_line(&at);
  if (!line) {
    free(text);
    return fsim_error_set(err, FSIM_E_INPUT, path, 1, "", "empty file (expected a header line)");
  }
  char *header = strdup(line);
  int cb = header ? column_of(header, blue_col) : -1;
  if (header) strcpy(header, line);
  int cr = header ? column_of(header, red_col) : -1;
  free(header);
  if (cb < 0 || cr < 0) {
    free(text);
    return fsim_error_set(err, FSIM_E_INPUT, path, 1, "",
                          "no column named \"%s\" in the header (use --blue and --red to name "
                          "the columns)",
                          cb < 0 ? blue_col : red_col);
  }
  size_t cap = 256;
  double *b = malloc(cap * sizeof *b), *r = malloc(cap * sizeof *r);
  st = (b && r) ? FSIM_OK : fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  int lineno = 1;
  while (st == FSIM_OK && (line = next_line(&at)) != NULL) {
    lineno++;
    if (line[0] == '\0' || line[0] == '\r') continue;
    if (*n == cap) {
      cap *= 2;
      double *gb = realloc(b, cap * sizeof *b);
      if (gb) b = gb;
      double *gr = realloc(r, cap * sizeof *r);
      if (gr) r = gr;
      if (!gb || !gr) {
        st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
        break;
      }
    }
    if (!field(line, cb, &b[*n]) || !field(line, cr, &r[*n]))
      st = fsim_error_set(err, FSIM_E_INPUT, path, lineno, "",
                          "expected personnel (a number >= 0) in columns %s and %s", blue_col,
                          red_col);
    else
      (*n)++;
  }
  free(text);
  if (st != FSIM_OK) {
    free(b);
    free(r);
    *n = 0;
    return st;
  }
  *blue = b;
  *red = r;
  return FSIM_OK;
}

/* The structs carry their size (fit.h): the caller's limits are read over the
 * defaults, as far as its struct goes; the result is written as far as its goes. */
fsim_status fsim_fit_attrition(const double *blue, const double *red, size_t n,
                               fsim_fit_law law, const fsim_fit_limits *bounds,
                               fsim_fit_result *out, fsim_error *err) {
  fsim_gsl_policy_apply();
  if (!blue || !red || !bounds || !out)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "fsim_fit_attrition: a NULL argument");
  /* At least what the first struct with a size held. */
  if (bounds->size < offsetof(fsim_fit_limits, max_iterations) + sizeof(int))
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "",
                          "fsim_fit_limits.size is %zu: set it to sizeof(fsim_fit_limits) "
                          "(FSIM_FIT_LIMITS_INIT)", bounds->size);
  if (out->size < offsetof(fsim_fit_result, at_bound) + sizeof out->at_bound)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "",
                          "fsim_fit_result.size is %zu: set it to sizeof(fsim_fit_result) "
                          "(FSIM_FIT_RESULT_INIT)", out->size);
  fsim_fit_limits limits = FSIM_FIT_LIMITS_INIT;
  memcpy(&limits, bounds, bounds->size < sizeof limits ? bounds->size : sizeof limits);
  limits.size = sizeof limits;
  fsim_fit_result result;
  fsim_status st = fit_attrition(blue, red, n, law, &limits, &result, err);
  const size_t keep = out->size;
  result.size = keep;
  memcpy(out, &result, keep < sizeof result ? keep : sizeof result);
  return st;
}
