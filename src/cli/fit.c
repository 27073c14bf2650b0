/* frontsim fit DATA.csv: attrition coefficients from observed daily strengths. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "frontsim/fit.h"

static const char fit_help[] =
    "usage: frontsim fit DATA.csv [--law square|linear|logarithmic|free]\n"
    "                    [--blue COLUMN] [--red COLUMN]\n"
    "\n"
    "Fits the attrition coefficients of the discrete Lanchester recursion (docs/MODEL.md\n"
    "10) to observed daily personnel of one closed battle: one row per consecutive day,\n"
    "columns named blue and red by default (quoted names such as \"blue\" too). With\n"
    "--law free the exponents a and b are fitted too. Every parameter stays inside the\n"
    "valid range of its setting. Prints the coefficients with standard errors and the\n"
    "scenario settings to paste: model.attrition and a sector's attrition group.\n"
    "Exit status: 0 fitted (a warning on stderr when R^2 < 0.8 or a parameter ends at\n"
    "the end of its range), 1 the fit did not converge, 2 bad usage or bad data.\n";

static const char *const law_names[] = {"square", "linear", "logarithmic", "free"};

static int parse_law(void *ctx, const char *v) {
  for (int k = 0; v && k < 4; k++)
    if (strcmp(v, law_names[k]) == 0) {
      *(fsim_fit_law *)ctx = (fsim_fit_law)k;
      return 0;
    }
  return cli_usage_error("fit", "--law takes square, linear, logarithmic or free");
}

/* The valid ranges, from the settings table: what check accepts is what fit gives. */
static fsim_status fit_bounds(fsim_fit_limits *b, fsim_error *err) {
  double lo, hi;
  fsim_status st = fsim_setting_range("sectors.[0].attrition.red", &b->alpha_min, &b->alpha_max, err);
  if (st == FSIM_OK)
    st = fsim_setting_range("sectors.[0].attrition.blue", &lo, &hi, err);
  if (st == FSIM_OK) {
    b->alpha_min = lo > b->alpha_min ? lo : b->alpha_min;
    b->alpha_max = hi < b->alpha_max ? hi : b->alpha_max;
    st = fsim_setting_range("model.attrition.a", &b->exponent_min, &b->exponent_max, err);
  }
  if (st == FSIM_OK) st = fsim_setting_range("model.attrition.b", &lo, &hi, err);
  if (st == FSIM_OK) {
    b->exponent_min = lo > b->exponent_min ? lo : b->exponent_min;
    b->exponent_max = hi < b->exponent_max ? hi : b->exponent_max;
  }
  return st;
}

/* The warnings a usable fit still deserves, on stderr. */
static void warn(const fsim_fit_result *fit, const fsim_fit_limits *b) {
  if (!(fit->r2 >= FSIM_FIT_R2_POOR))
    fprintf(stderr,
            "frontsim fit: warning: poor fit, R^2 = %.3f (below %.1f): the recursion explains "
            "little of these series; the coefficients are not a description of the data "
            "(reinforcements, withdrawals or several battles in one series?)\n",
            fit->r2, FSIM_FIT_R2_POOR);
  static const char *const names[4] = {"alpha blue", "alpha red", "a", "b"};
  const double value[4] = {fit->alpha_blue, fit->alpha_red, fit->a, fit->b};
  const int n = fit->law == FSIM_FIT_FREE ? 4 : 2;
  for (int k = 0; k < n; k++)
    if (fit->at_bound[k])
      fprintf(stderr,
              "frontsim fit: warning: %s = %.6g is at the %s end of its valid range [%g, %g]: "
              "the data push it further (no standard error)\n",
              names[k], value[k], fit->at_bound[k] < 0 ? "low" : "high",
              k < 2 ? b->alpha_min : b->exponent_min, k < 2 ? b->alpha_max : b->exponent_max);
}

/* A standard error, or "none" for a parameter at an end of its range. */
static const char *se_text(double se, char *buf, size_t size) {
  if (isnan(se)) return "none";
  snprintf(buf, size, "%.3g", se);
  return buf;
}

static void print_fit(const char *path, const fsim_fit_result *fit) {
  char s1[32], s2[32];
  const int free_law = fit->law == FSIM_FIT_FREE;
  printf("frontsim fit: %s, %zu days, %s law (a = %.4g, b = %.4g)\n", path, fit->days,
         law_names[fit->law], fit->a, fit->b);
  printf("  alpha blue (blue's fire on red): %.6g  (standard error %s)\n", fit->alpha_blue,
         se_text(fit->se_blue, s1, sizeof s1));
  printf("  alpha red  (red's fire on blue): %.6g  (standard error %s)\n", fit->alpha_red,
         se_text(fit->se_red, s1, sizeof s1));
  if (free_law)
    printf("  exponents: a = %.6g (se %s), b = %.6g (se %s)\n", fit->a,
           se_text(fit->se_a, s1, sizeof s1), fit->b, se_text(fit->se_b, s2, sizeof s2));
  printf("  R^2 of both series: %.4f; %d iteration%s\n", fit->r2, fit->iterations,
         fit->iterations == 1 ? "" : "s");
  /* Everything the coefficients mean something with: the law (and its exponents)
   * goes with them, since alpha's unit depends on it (MODEL.md 5). */
  printf("  scenario:\n");
  if (free_law)
    printf("    model = { attrition = { law = \"free\"; a = %.6g; b = %.6g; }; };\n", fit->a,
           fit->b);
  else
    printf("    model = { attrition = { law = \"%s\"; }; };\n", law_names[fit->law]);
  printf("    # in the sector's group, sectors.[i]:\n");
  printf("    attrition = { blue = %.6g; red = %.6g; };\n", fit->alpha_blue, fit->alpha_red);
}

int cli_fit(int argc, char **argv) {
  const char *path = NULL, *blue_col = "blue", *red_col = "red";
  fsim_fit_law law = FSIM_FIT_SQUARE;
  const cli_option options[] = {
      {.name = "law", .kind = CLI_CALL, .call = parse_law, .ctx = &law},
      {.name = "blue", .kind = CLI_TEXT, .text = &blue_col},
      {.name = "red", .kind = CLI_TEXT, .text = &red_col},
  };
  const cli_command cmd = {.name = "fit", .help = fit_help, .options = options,
                           .noptions = CLI_COUNT(options), .args = &path, .nargs = 1,
                           .what = "data file", .missing = "which data file?"};
  int rc = cli_parse(&cmd, argc, argv);
  if (rc != CLI_PROCEED) return rc;
  fsim_error err;
  fsim_error_clear(&err);
  double *blue = NULL, *red = NULL;
  size_t n = 0;
  fsim_fit_result fit = FSIM_FIT_RESULT_INIT;
  fsim_fit_limits bounds = FSIM_FIT_LIMITS_INIT;
  if (fit_bounds(&bounds, &err) != FSIM_OK ||
      fsim_fit_read_csv(path, blue_col, red_col, &blue, &red, &n, &err) != FSIM_OK ||
      fsim_fit_attrition(blue, red, n, law, &bounds, &fit, &err) != FSIM_OK) {
    free(blue);
    free(red);
    return cli_report(&err);
  }
  free(blue);
  free(red);
  print_fit(path, &fit);
  fflush(stdout); /* the warnings follow the figures they are about */
  warn(&fit, &bounds);
  return 0;
}
