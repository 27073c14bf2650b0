/* The fit layer (src/fit), standing on core only: attrition coefficients fitted to
 * observed daily strengths (include/frontsim/fit.h, `frontsim fit`). It shares the
 * attrition laws of MODEL.md 5 with the model but no code path: a fit runs the
 * closed-battle recursion of MODEL.md 10, not the engine. */
#include "frontsim/fit.h"

#include <errno.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <math.h>
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
  double a, b;       /* fixed exponents (named laws) */
  double scale[4];   /* parameters are fitted as multiples of these */
} fit_data;

static double power(double x, double e) {
  return e == 0.0 ? 1.0 : e == 1.0 ? x : pow(x, e);
}

/* Residuals: the recursion run from day 0 against the observations, each series
 * divided by its first value so both weigh alike. */
static int residuals(const gsl_vector *x, void *params, gsl_vector *f) {
  const fit_data *d = params;
  const double ab = gsl_vector_get(x, 0) * d->scale[0], ar = gsl_vector_get(x, 1) * d->scale[1];
  const double a = d->free_law ? gsl_vector_get(x, 2) * d->scale[2] : d->a;
  const double b = d->free_law ? gsl_vector_get(x, 3) * d->scale[3] : d->b;
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

fsim_status fsim_fit_attrition(const double *blue, const double *red, size_t n,
                               fsim_fit_law law, fsim_fit_result *out, fsim_error *err) {
  fsim_gsl_policy_apply();
  if (!blue || !red || !out) return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "fsim_fit_attrition: a NULL argument");
  memset(out, 0, sizeof *out);
  _Static_assert((int)FSIM_FIT_FREE == (int)FSIM_FIXED_LAWS, "laws.h lists the fixed laws in order");
  const int free_law = law == FSIM_FIT_FREE;
  const size_t p = free_law ? 4 : 2;
  if (n < 3 || 2 * (n - 1) <= p)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "need at least %zu days of data, got %zu",
                          p / 2 + 2, n);
  if (!(blue[0] > 0) || !(red[0] > 0))
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "both sides need personnel on day 0");
  fit_data d = {blue, red, n, free_law, 1, 0, {1, 1, 1, 1}};
  if (!free_law) fsim_law_exponents((int)law, &d.a, &d.b);
  d.scale[0] = first_guess(red, blue, n, d.a, d.b);  /* blue's fire shows in red's losses */
  d.scale[1] = first_guess(blue, red, n, d.a, d.b);

  gsl_multifit_nlinear_fdf fdf;
  memset(&fdf, 0, sizeof fdf);
  fdf.f = residuals;
  fdf.df = NULL; /* finite differences: the recursion has no tidy derivative */
  fdf.n = 2 * (n - 1);
  fdf.p = p;
  fdf.params = &d;
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
  gsl_vector_set_all(x, 1.0);
  if (free_law) gsl_vector_set(x, 3, 0.0); /* start from the square law: a = 1, b = 0 */
  fsim_status st = FSIM_OK;
  int info = 0;
  int rc = gsl_multifit_nlinear_init(x, &fdf, w);
  if (rc == GSL_SUCCESS) rc = gsl_multifit_nlinear_driver(500, 1e-10, 1e-10, 1e-12, NULL, NULL, &info, w);
  if (rc != GSL_SUCCESS && rc != GSL_EMAXITER)
    st = fsim_error_set(err, FSIM_E_NUMERIC, "", 0, "", "the fit failed: %s", gsl_strerror(rc));
  if (st == FSIM_OK) {
    const gsl_vector *sol = gsl_multifit_nlinear_position(w);
    const gsl_vector *f = gsl_multifit_nlinear_residual(w);
    double rss;
    gsl_blas_ddot(f, f, &rss);
    gsl_multifit_nlinear_covar(gsl_multifit_nlinear_jac(w), 0.0, covar);
    const double s2 = rss / (double)(fdf.n - p);
    double se[4] = {0, 0, 0, 0};
    for (size_t k = 0; k < p; k++) se[k] = sqrt(s2 * gsl_matrix_get(covar, k, k)) * d.scale[k];
    out->law = law;
    out->alpha_blue = gsl_vector_get(sol, 0) * d.scale[0];
    out->alpha_red = gsl_vector_get(sol, 1) * d.scale[1];
    out->se_blue = se[0];
    out->se_red = se[1];
    out->a = free_law ? gsl_vector_get(sol, 2) : d.a;
    out->b = free_law ? gsl_vector_get(sol, 3) : d.b;
    out->se_a = se[2];
    out->se_b = se[3];
    out->rss = rss;
    /* Explained share of the variance of both normalised series. */
    double mb = 0, mr = 0, tss = 0;
    for (size_t t = 1; t < n; t++) mb += blue[t] / blue[0], mr += red[t] / red[0];
    mb /= (double)(n - 1);
    mr /= (double)(n - 1);
    for (size_t t = 1; t < n; t++)
      tss += pow(blue[t] / blue[0] - mb, 2) + pow(red[t] / red[0] - mr, 2);
    out->r2 = tss > 0 ? 1 - rss / tss : NAN;
    out->days = n;
    out->iterations = (int)gsl_multifit_nlinear_niter(w);
  }
  gsl_matrix_free(covar);
  gsl_vector_free(x);
  gsl_multifit_nlinear_free(w);
  return st;
}

/* ---- CSV ------------------------------------------------------------------ */

static int column_of(char *header, const char *name) {
  int col = 0;
  for (char *save = NULL, *tok = strtok_r(header, ",\r\n", &save); tok;
       tok = strtok_r(NULL, ",\r\n", &save), col++)
    if (strcmp(tok, name) == 0) return col;
  return -1;
}

static int field(const char *line, int col, double *v) {
  const char *p = line;
  for (int i = 0; i < col; i++) {
    p = strchr(p, ',');
    if (!p) return 0;
    p++;
  }
  char *end = NULL;
  errno = 0;
  *v = strtod(p, &end);
  return end != p && errno == 0 && (*end == ',' || *end == '\n' || *end == '\r' || *end == '\0') &&
         isfinite(*v) && *v >= 0;
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
  char *at = text, *line = next_line(&at);
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
