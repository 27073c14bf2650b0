/* Validation against results obtained independently of the engine (see
 * docs/VALIDATION.md): the continuous Lanchester equations as the daily rates
 * shrink, Brown's exact win probability of the square-law Markov chain, and where
 * the mean of stochastic runs must (and must not) equal expected mode.
 * Statistical checks use fixed seeds and a tolerance of 4 standard errors. */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_odeiv2.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "suites.h"
#include "testutil.h"

/* One sector "s", one formation a side (quality 1), no protection, the line held
 * still (step_km = 0), no supply, no reserve or rules: only attrition (MODEL.md 5)
 * and, where `extra` says so, attacks (MODEL.md 3). alpha_blue is blue's fire
 * coefficient (it kills red). */
typedef struct duel {
  const char *mode, *law;
  int days;
  long seed;
  double lambda, alpha_blue, alpha_red, blue, red;
  const char *extra; /* more sector settings, or NULL */
} duel;

static fsim_scenario *duel_load(const duel *d) {
  char text[2048];
  snprintf(text, sizeof text,
           "run = { days = %d; seed = %ld; mode = \"%s\"; };\n"
           "model = { attrition = { law = \"%s\"; }; };\n"
           "sectors = ( { name = \"s\"; width_km = 10; attacker = \"blue\"; step_km = 0;\n"
           "  engagement_rate = %.17g; %s\n"
           "  attrition = { blue = %.17g; red = %.17g; }; } );\n"
           "formations = ( { name = \"b\"; side = \"blue\"; personnel = %.0f; location = \"s\"; },\n"
           "  { name = \"r\"; side = \"red\"; personnel = %.0f; location = \"s\"; } );\n"
           "sides = { blue = { name = \"B\"; }; red = { name = \"R\"; }; };\n",
           d->days, d->seed, d->mode, d->law, d->lambda, d->extra ? d->extra : "",
           d->alpha_blue, d->alpha_red, d->blue, d->red);
  return tu_load(text);
}

/* Runs on every thread OpenMP offers (results do not depend on it); without series
 * for the long Monte Carlo runs, whose series would need gigabytes. */
static fsim_results *run_reps(const fsim_scenario *sc, long reps, int keep_series) {
  return tu_run_opt(sc, reps, 0, keep_series);
}

static double metric(const fsim_results *res, const char *name, long rep) {
  int m = fsim_results_metric_index(res, name);
  ck_assert_msg(m >= 0, "no metric %s", name);
  return fsim_results_value(res, rep, m);
}

/* Mean and standard error of the mean of series `name` on `day`. */
static void series_mean_se(const fsim_results *res, const char *name, int day, double *mean,
                           double *se) {
  int v = fsim_results_series_index(res, name);
  ck_assert_msg(v >= 0, "no series %s", name);
  long n = fsim_results_replications(res);
  double s = 0, ss = 0;
  for (long r = 0; r < n; r++) {
    double x = fsim_results_series_value(res, v, day, r);
    s += x;
    ss += x * x;
  }
  *mean = s / (double)n;
  double var = fmax(0.0, (ss - s * *mean) / (double)(n - 1));
  *se = sqrt(var / (double)n);
}

/* ---- 1. The continuous limit ------------------------------------------------ */

/* The Lanchester ODEs (square: B' = -ar R, R' = -ab B; linear: B' = -ar R B,
 * R' = -ab B R) together with the leading term of the global error of the daily
 * recursion of MODEL.md 10, which is explicit Euler with step h: N_h(t) - N(t) =
 * h e(t) + O(h^2), where e' = J(N) e - N''/2, e(0) = 0 (Hairer, Norsett & Wanner,
 * Solving ODEs I, II.8) and N'' = J N'. State: (B, R, e_B, e_R). */
typedef struct ode_par {
  int linear;
  double ab, ar;
} ode_par;

static int lanchester_rhs(double t, const double y[], double f[], void *params) {
  (void)t;
  const ode_par *p = params;
  const double B = y[0], R = y[1];
  double fB, fR, J[2][2];
  if (p->linear) {
    fB = -p->ar * R * B, fR = -p->ab * B * R;
    J[0][0] = -p->ar * R, J[0][1] = -p->ar * B, J[1][0] = -p->ab * R, J[1][1] = -p->ab * B;
  } else {
    fB = -p->ar * R, fR = -p->ab * B;
    J[0][0] = 0, J[0][1] = -p->ar, J[1][0] = -p->ab, J[1][1] = 0;
  }
  const double accB = J[0][0] * fB + J[0][1] * fR, accR = J[1][0] * fB + J[1][1] * fR;
  f[0] = fB;
  f[1] = fR;
  f[2] = J[0][0] * y[2] + J[0][1] * y[3] - 0.5 * accB;
  f[3] = J[1][0] * y[2] + J[1][1] * y[3] - 0.5 * accR;
  return GSL_SUCCESS;
}

/* Integrates to T with rk8pd at a relative tolerance of 1e-13. */
static void lanchester_solve(ode_par *p, double B0, double R0, double T, double y[4]) {
  gsl_odeiv2_system sys = {lanchester_rhs, NULL, 4, p};
  gsl_odeiv2_driver *drv =
      gsl_odeiv2_driver_alloc_y_new(&sys, gsl_odeiv2_step_rk8pd, 1e-3, 1e-13, 1e-13);
  y[0] = B0, y[1] = R0, y[2] = 0, y[3] = 0;
  double t = 0;
  int st = gsl_odeiv2_driver_apply(drv, &t, T, y);
  ck_assert_int_eq(st, GSL_SUCCESS);
  gsl_odeiv2_driver_free(drv);
}

enum { NLEVELS = 7 }; /* h = 1, 1/2, ..., 1/64 */

/* Runs expected mode with the daily rates scaled by h = 2^-k and T/h days, and
 * checks first-order convergence to the ODE solution y (see VALIDATION.md). With
 * err(h) = e1 h + e2 h^2 + ..., the ratio err(h) / err(h/2) = 2 + (e2/e1) h + O(h^2):
 * it must lie within 2 +- ratio_tol * h (e2/e1 is of the order of the daily rates
 * times T, below 0.2 for these scenarios). The relative error at the smallest h must
 * be below rel_bound, and error / h there within coef_tol of e1 = e(T), whose
 * distance from it is e2 h (relative order 1e-3 at h = 1/64). */
static void check_convergence(const char *law, const ode_par *p, double B0, double R0, int T,
                              const double y[4], double ratio_tol, double rel_bound,
                              double coef_tol) {
  double err[NLEVELS][2];
  for (int k = 0; k < NLEVELS; k++) {
    const double h = ldexp(1.0, -k);
    duel d = {"expected", law, T << k, 1, 10.0, p->ab * h, p->ar * h, B0, R0, NULL};
    fsim_scenario *sc = duel_load(&d);
    fsim_results *res = run_reps(sc, 1, 0);
    err[k][0] = metric(res, "blue.personnel_end", 0) - y[0];
    err[k][1] = metric(res, "red.personnel_end", 0) - y[1];
    fsim_results_free(res);
    fsim_scenario_free(sc);
    fprintf(stderr,
            "continuous %s: h = 1/%-3d blue %.6f (rel. error %+.3e), red %.6f (rel. error "
            "%+.3e)",
            law, 1 << k, y[0] + err[k][0], err[k][0] / y[0], y[1] + err[k][1],
            err[k][1] / y[1]);
    if (k > 0)
      fprintf(stderr, ", ratios %.4f %.4f", err[k - 1][0] / err[k][0],
              err[k - 1][1] / err[k][1]);
    fprintf(stderr, "\n");
  }
  const double hmin = ldexp(1.0, -(NLEVELS - 1));
  fprintf(stderr,
          "continuous %s: ODE blue %.9f red %.9f; error/h at h = 1/%d: blue %.5f (leading "
          "term %.5f), red %.5f (%.5f)\n",
          law, y[0], y[1], 1 << (NLEVELS - 1), err[NLEVELS - 1][0] / hmin, y[2],
          err[NLEVELS - 1][1] / hmin, y[3]);
  for (int i = 0; i < 2; i++) {
    for (int k = 1; k < NLEVELS; k++)
      ck_assert_double_eq_tol(err[k - 1][i] / err[k][i], 2.0, ratio_tol * ldexp(1.0, 1 - k));
    ck_assert(fabs(err[NLEVELS - 1][i]) / y[i] < rel_bound);
    ck_assert_double_eq_tol(err[NLEVELS - 1][i] / hmin, y[2 + i], coef_tol * fabs(y[2 + i]));
  }
}

START_TEST(test_continuous_square) {
  /* B0 = 1000, R0 = 800, blue's fire 0.05, red's 0.03 a day, 12 days: red would
   * reach zero after 18.7 days, so the max(0, .) clamp never acts. */
  const double B0 = 1000, R0 = 800;
  const int T = 12;
  ode_par p = {0, 0.05, 0.03};
  double y[4];
  lanchester_solve(&p, B0, R0, T, y);
  /* The ODE solver against the closed form: with k = sqrt(ab ar),
   * B(t) = B0 cosh(kt) - R0 sqrt(ar/ab) sinh(kt), R(t) = R0 cosh(kt) - B0 sqrt(ab/ar)
   * sinh(kt); and the error term e(T) = -(T/2) ab ar N(T), since J^2 = ab ar I. */
  const double k = sqrt(p.ab * p.ar), c = cosh(k * T), s = sinh(k * T);
  const double B = B0 * c - R0 * sqrt(p.ar / p.ab) * s, R = R0 * c - B0 * sqrt(p.ab / p.ar) * s;
  fprintf(stderr, "continuous square: closed form blue %.9f red %.9f, ODE - closed form %.2e %.2e\n",
          B, R, y[0] - B, y[1] - R);
  ck_assert_double_eq_tol(y[0], B, 1e-9 * B);
  ck_assert_double_eq_tol(y[1], R, 1e-9 * R);
  ck_assert_double_eq_tol(y[2], -0.5 * T * p.ab * p.ar * B, 1e-9 * B);
  ck_assert_double_eq_tol(y[3], -0.5 * T * p.ab * p.ar * R, 1e-9 * R);
  check_convergence("square", &p, B0, R0, T, y, 0.2, 1e-3, 0.01);
}
END_TEST

START_TEST(test_continuous_linear) {
  /* The linear-law validation scenario's forces and rates, 30 days. */
  const double B0 = 1000, R0 = 1500;
  const int T = 30;
  ode_par p = {1, 0.00001, 0.00002};
  double y[4];
  lanchester_solve(&p, B0, R0, T, y);
  /* The linear law conserves ab B - ar R (a check on the solver). */
  ck_assert_double_eq_tol(p.ab * y[0] - p.ar * y[1], p.ab * B0 - p.ar * R0, 1e-12);
  check_convergence("linear", &p, B0, R0, T, y, 0.2, 1e-3, 0.01);
}
END_TEST

/* ---- 2. Brown's Markov chain --------------------------------------------------- */

/* Brown (1963): in continuous time with square-law rates (blue loses one at rate
 * b y, red at rate a x) the next casualty is red's with probability
 * A = a x / (a x + b y), so blue's win probability is
 * P(x, y) = A P(x, y-1) + (1 - A) P(x-1, y), P(x, 0) = 1 (x > 0), P(0, y) = 0. */
static double brown_win(int x0, int y0, double a, double b) {
  const size_t w = (size_t)y0 + 1;
  double *P = malloc(((size_t)x0 + 1) * w * sizeof *P);
  for (int x = 0; x <= x0; x++)
    for (int y = 0; y <= y0; y++) {
      double v;
      if (x == 0)
        v = 0;
      else if (y == 0)
        v = 1;
      else {
        const double A = a * x / (a * x + b * y);
        v = A * P[(size_t)x * w + (size_t)y - 1] + (1 - A) * P[(size_t)(x - 1) * w + (size_t)y];
      }
      P[(size_t)x * w + (size_t)y] = v;
    }
  double r = P[(size_t)x0 * w + (size_t)y0];
  free(P);
  return r;
}

/* Poisson(mu) probabilities of 0..n-1 and of >= n in f[0..n] (a loss capped at
 * the n persons present, MODEL.md 5). */
static void capped_poisson(double mu, int n, double *f) {
  double sum = 0;
  for (int l = 0; l < n; l++) {
    f[l] = mu > 0 ? gsl_ran_poisson_pdf((unsigned int)l, mu) : (l == 0 ? 1.0 : 0.0);
    sum += f[l];
  }
  f[n] = fmax(0.0, 1.0 - sum);
}

/* The exact win probability of the model's own daily chain, to measure the
 * discrete-time bias: each day E ~ Poisson(lambda), then independently blue loses
 * min(x, Poisson(E/lambda * b y)) and red min(y, Poisson(E/lambda * a x))
 * (MODEL.md 2, 5). Blue wins when red reaches 0 with blue > 0 (both reaching 0 on
 * one day is a draw). W(x, y) = sum over (lx, ly) != (0, 0) of p W(x-lx, y-ly),
 * divided by 1 - p(0, 0), in order of x + y. */
static double daily_chain_win(int x0, int y0, double a, double b, double lambda) {
  const size_t w = (size_t)y0 + 1;
  double *W = malloc(((size_t)x0 + 1) * w * sizeof *W);
  double *fx = malloc(((size_t)x0 + 1) * sizeof *fx), *fy = malloc(w * sizeof *fy);
  const int Emax = (int)(lambda + 12 * sqrt(lambda) + 30); /* tail below 1e-25 */
  for (int x = 0; x <= x0; x++)
    for (int y = 0; y <= y0; y++) {
      if (x == 0 || y == 0) {
        W[(size_t)x * w + (size_t)y] = x > 0 ? 1.0 : 0.0;
        continue;
      }
      double acc = 0, p00 = 0;
      for (int E = 0; E <= Emax; E++) {
        const double pe = gsl_ran_poisson_pdf((unsigned int)E, lambda);
        if (pe < 1e-30) continue;
        capped_poisson(E / lambda * b * y, x, fx);
        capped_poisson(E / lambda * a * x, y, fy);
        p00 += pe * fx[0] * fy[0];
        for (int i = 0; i <= x; i++)
          for (int j = i == 0 ? 1 : 0; j <= y; j++)
            acc += pe * fx[i] * fy[j] * W[(size_t)(x - i) * w + (size_t)(y - j)];
      }
      W[(size_t)x * w + (size_t)y] = acc / (1 - p00);
    }
  double r = W[(size_t)x0 * w + (size_t)y0];
  free(fy);
  free(fx);
  free(W);
  return r;
}

typedef struct brown_case {
  int x, y;          /* blue's and red's personnel */
  double a, b;       /* relative fire coefficients of blue and red */
  unsigned long seed;
} brown_case;

/* Blue's fire coefficient per day (red's is RATE * b / a): small enough that the
 * daily chain's bias is below a quarter of the standard error (checked below). */
#define BROWN_RATE 0.005
#define BROWN_LAMBDA 20.0
#define BROWN_REPS 20000L

static void check_brown(const brown_case *c) {
  const double a = BROWN_RATE * c->a, b = BROWN_RATE * c->b;
  const double P = brown_win(c->x, c->y, a, b);
  const double Pd = daily_chain_win(c->x, c->y, a, b, BROWN_LAMBDA);
  const double Pd2 = daily_chain_win(c->x, c->y, a / 2, b / 2, BROWN_LAMBDA);
  const double se = sqrt(P * (1 - P) / (double)BROWN_REPS);
  /* The run is long enough that every replication ends (checked): the slowest
   * state, (1, 1), ends after 1 / (a + b) <= 133 days on average. */
  duel d = {"stochastic", "square", 20000, (long)c->seed, BROWN_LAMBDA, a, b, c->x, c->y, NULL};
  fsim_scenario *sc = duel_load(&d);
  fsim_results *res = run_reps(sc, BROWN_REPS, 0);
  long wins = 0, losses = 0, draws = 0, open = 0;
  double days = 0;
  for (long r = 0; r < BROWN_REPS; r++) {
    const double nb = metric(res, "blue.personnel_end", r), nr = metric(res, "red.personnel_end", r);
    days += metric(res, "days_run", r);
    if (nb > 0 && nr > 0)
      open++;
    else if (nb > 0)
      wins++;
    else if (nr > 0)
      losses++;
    else
      draws++;
  }
  const double phat = (double)wins / (double)BROWN_REPS;
  fprintf(stderr,
          "brown (%d, %d), a = %g, b = %g: P(blue wins) Brown %.5f, daily chain %.5f (rates "
          "halved %.5f, bias %+.1e), Monte Carlo %.5f (SE %.5f, %+.2f SE) over %ld "
          "replications: %ld wins, %ld losses, %ld draws, %ld unfinished, %.0f days on "
          "average\n",
          c->x, c->y, a, b, P, Pd, Pd2, Pd - P, phat, se, (phat - P) / se, BROWN_REPS, wins,
          losses, draws, open, days / (double)BROWN_REPS);
  ck_assert_int_eq(open, 0);
  ck_assert_msg(fabs(Pd - P) < se / 4, "discrete-time bias %g not below SE/4 = %g", Pd - P,
                se / 4);
  ck_assert_msg(fabs(phat - P) < 4 * se, "Monte Carlo %g vs Brown %g: %.2f SE", phat, P,
                (phat - P) / se);
  ck_assert_msg(fabs(phat - Pd) < 4 * se, "Monte Carlo %g vs daily chain %g", phat, Pd);
  fsim_results_free(res);
  fsim_scenario_free(sc);
}

START_TEST(test_brown) {
  static const brown_case cases[] = {
      {10, 10, 1.0, 1.0, 701}, {12, 8, 1.0, 1.5, 702}, {8, 12, 1.0, 0.5, 703}, {20, 15, 1.0, 1.6, 704}};
  check_brown(&cases[_i]);
}
END_TEST

/* ---- 3. Mean of stochastic runs against expected mode ------------------------- */

START_TEST(test_mean_tracks_expected) {
  /* Square law, large forces, 30 days, no clamp near: E[L_i | morning] =
   * E[E/lambda] alpha_j N_j = alpha_j N_j is linear in the state, so the mean follows
   * the expected-mode recursion exactly (MODEL.md 5, 10), however noisy a day is. */
  duel d = {"stochastic", "square", 30, 31, 20.0, 0.01, 0.012, 10000, 8000, NULL};
  fsim_scenario *sc = duel_load(&d);
  const long n = 4000;
  fsim_results *res = run_reps(sc, n, 1);
  d.mode = "expected";
  fsim_scenario *sce = duel_load(&d);
  fsim_results *exp_res = run_reps(sce, 1, 1);
  static const char *const names[] = {"s.blue_personnel", "s.red_personnel"};
  double worst = 0;
  for (int i = 0; i < 2; i++)
    for (int t = 1; t <= 30; t++) {
      double mean, se;
      series_mean_se(res, names[i], t, &mean, &se);
      const double e = fsim_results_series_value(
          exp_res, fsim_results_series_index(exp_res, names[i]), t, 0);
      worst = fmax(worst, fabs(mean - e) / se);
      if (t % 10 == 0)
        fprintf(stderr, "mean vs expected, large forces: %s day %d: mean %.2f, expected %.2f, "
                        "difference %+.2f (SE %.2f)\n",
                names[i], t, mean, e, mean - e, se);
      ck_assert_msg(fabs(mean - e) < 4 * se, "%s day %d: mean %g expected %g SE %g", names[i],
                    t, mean, e, se);
    }
  fprintf(stderr, "mean vs expected, large forces: largest |difference| over 60 side-days %.2f SE\n",
          worst);
  fsim_results_free(exp_res);
  fsim_scenario_free(sce);
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

START_TEST(test_mean_extinction) {
  /* Red (40) against blue (200) loses about 10 a day and is gone in expected mode
   * on day 5. Red's loss is capped: N(t) = max(0, N(t-1) - L) with max(0, .)
   * convex, so by Jensen E[N_red(t)] >= max(0, E[N_red(t-1)] - alpha_b E[N_blue(t-1)])
   * and, by induction (with E[N_blue] <= its expected-mode value, below), the mean
   * of red stays at or above expected mode; blue, whose own cap never binds, then
   * loses alpha_r E[N_red] >= alpha_r N_red(expected) a day on average and ends
   * below expected mode. Early stop (MODEL.md 12) freezes a state that would not
   * change anyway, so it adds no bias of its own. */
  const int D = 10;
  duel d = {"stochastic", "square", D, 32, 20.0, 0.05, 0.1, 200, 40, NULL};
  fsim_scenario *sc = duel_load(&d);
  const long n = 10000;
  fsim_results *res = run_reps(sc, n, 1);
  d.mode = "expected";
  fsim_scenario *sce = duel_load(&d);
  fsim_results *exp_res = run_reps(sce, 1, 1);
  int gone = 0; /* first day expected-mode red is 0 */
  double red_gap = 0, red_se = 0, blue_gap = 0, blue_se = 0;
  for (int t = 1; t <= D; t++) {
    double mr, sr, mb, sb;
    series_mean_se(res, "s.red_personnel", t, &mr, &sr);
    series_mean_se(res, "s.blue_personnel", t, &mb, &sb);
    const double er = fsim_results_series_value(
        exp_res, fsim_results_series_index(exp_res, "s.red_personnel"), t, 0);
    const double eb = fsim_results_series_value(
        exp_res, fsim_results_series_index(exp_res, "s.blue_personnel"), t, 0);
    fprintf(stderr, "mean vs expected, extinction: day %2d red mean %7.3f expected %7.3f "
                    "(%+6.3f, SE %.3f), blue mean %8.3f expected %8.3f (%+6.3f, SE %.3f)\n",
            t, mr, er, mr - er, sr, mb, eb, mb - eb, sb);
    /* The inequalities derived above, on every day (not below by 4 SE). */
    ck_assert_msg(mr - er >= -4 * sr, "red day %d: %g < %g", t, mr, er);
    ck_assert_msg(mb - eb <= 4 * sb, "blue day %d: %g > %g", t, mb, eb);
    if (!gone && er <= 0) {
      gone = t;
      red_gap = mr - er, red_se = sr;
    }
    if (t == D) blue_gap = mb - eb, blue_se = sb;
  }
  ck_assert_int_gt(gone, 0);
  /* ... and the gap is real: red above on the day expected mode wipes it out, blue
   * below at the end. */
  ck_assert_msg(red_gap > 4 * red_se, "red gap %g SE %g", red_gap, red_se);
  ck_assert_msg(blue_gap < -4 * blue_se, "blue gap %g SE %g", blue_gap, blue_se);
  fsim_results_free(exp_res);
  fsim_scenario_free(sce);
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

/* Success probability of blue's attack on red (MODEL.md 3, defaults rho50 = 3,
 * beta = 2, no protection) as a function of red's personnel R. */
static double gate(double B, double R) {
  if (R <= 0) return 1.0;
  const double u = 3.0 * R / B;
  return 1.0 / (1.0 + u * u);
}

START_TEST(test_mean_attack_gate) {
  /* Blue (60, never hit: alpha_red = 0) attacks red (40) 20 times a day on average;
   * red loses Poisson(E/lambda * 1) a day, so R(t) = max(0, 40 - K_t) where
   * K_t ~ Poisson(M/lambda) given the engagements M ~ Poisson(t lambda) of t days,
   * and E[R(t)] is expected mode's 40 - t exactly. Attacks of day t succeed with
   * p = g(R(t-1)) = 1 / (1 + (3 R / 60)^2) (MODEL.md 3), so
   *   E[successes of day t] = lambda E[g(R(t-1))],
   * and expected mode gives lambda g(E[R(t-1)]). g is convex in R where the force
   * ratio rho = 60 / R < rho50 sqrt(3) = 5.2 (R > 11.5), which covers red's range
   * here up to a probability below 1e-4: by Jensen the stochastic mean of the
   * successes is ABOVE expected mode. The exact E[g(R)] is computed from the law of
   * K_t as well. */
  const int D = 15;
  const double B = 60, R0 = 40, lambda = 20;
  duel d = {"stochastic", "square", D, 33, lambda, 1.0 / 60, 0.0, B, R0, NULL};
  fsim_scenario *sc = duel_load(&d);
  const long n = 20000;
  fsim_results *res = run_reps(sc, n, 1);
  d.mode = "expected";
  fsim_scenario *sce = duel_load(&d);
  fsim_results *exp_res = run_reps(sce, 1, 1);
  const int vs = fsim_results_series_index(res, "s.blue_successes");
  ck_assert_int_ge(vs, 0);
  double s = 0, ss = 0;
  for (long r = 0; r < n; r++) {
    double tot = 0;
    for (int t = 1; t <= D; t++) tot += fsim_results_series_value(res, vs, t, r);
    s += tot;
    ss += tot * tot;
  }
  const double mean = s / (double)n;
  const double se = sqrt(fmax(0.0, (ss - s * mean) / (double)(n - 1)) / (double)n);
  double expected_mode = 0, exact = 0;
  for (int t = 1; t <= D; t++) {
    expected_mode += fsim_results_series_value(exp_res, vs, t, 0);
    /* E[g(R(t-1))] over K_{t-1}: a Poisson mixture over M ~ Poisson((t-1) lambda). */
    const double days = t - 1;
    double eg = 0;
    if (days == 0)
      eg = gate(B, R0);
    else
      for (int M = 0; M <= (int)(days * lambda + 12 * sqrt(days * lambda) + 30); M++) {
        const double pm = gsl_ran_poisson_pdf((unsigned int)M, days * lambda);
        double below = 0;
        for (int K = 0; K < (int)R0; K++) {
          const double pk = M > 0 ? gsl_ran_poisson_pdf((unsigned int)K, M / lambda)
                                  : (K == 0 ? 1.0 : 0.0);
          below += pk;
          eg += pm * pk * gate(B, R0 - K);
        }
        eg += pm * fmax(0.0, 1 - below) * gate(B, 0); /* K >= 40: red is gone */
      }
    exact += lambda * eg;
  }
  fprintf(stderr, "mean vs expected, attack gate: successes over %d days: mean %.4f (SE %.4f), "
                  "expected mode %.4f (%+.2f SE), exact %.4f (%+.2f SE)\n",
          D, mean, se, expected_mode, (mean - expected_mode) / se, exact, (mean - exact) / se);
  ck_assert_msg(mean - expected_mode > 4 * se, "mean %g expected mode %g SE %g", mean,
                expected_mode, se);
  ck_assert_msg(fabs(mean - exact) < 4 * se, "mean %g exact %g SE %g", mean, exact, se);
  fsim_results_free(exp_res);
  fsim_scenario_free(sce);
  fsim_results_free(res);
  fsim_scenario_free(sc);
}
END_TEST

Suite *validation_suite(void) {
  Suite *s = suite_create("validation");
  TCase *tc = tcase_create("continuous_limit");
  tcase_add_test(tc, test_continuous_square);
  tcase_add_test(tc, test_continuous_linear);
  suite_add_tcase(s, tc);
  tc = tcase_create("brown_markov_chain");
  /* Under the sanitizers the Monte Carlo runs take minutes. */
  tcase_set_timeout(tc, 900);
  tcase_add_loop_test(tc, test_brown, 0, 4);
  suite_add_tcase(s, tc);
  tc = tcase_create("stochastic_mean");
  tcase_set_timeout(tc, 600);
  tcase_add_test(tc, test_mean_tracks_expected);
  tcase_add_test(tc, test_mean_extinction);
  tcase_add_test(tc, test_mean_attack_gate);
  suite_add_tcase(s, tc);
  return s;
}
