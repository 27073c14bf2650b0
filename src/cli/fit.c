/* frontsim fit DATA.csv: attrition coefficients from observed daily strengths. */
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
    "columns named blue and red by default. With --law free the exponents a and b are\n"
    "fitted too. Prints the coefficients with standard errors, ready for a scenario's\n"
    "sectors.[i].attrition.blue / .red.\n";

static int parse_law(void *ctx, const char *v) {
  static const char *const laws[] = {"square", "linear", "logarithmic", "free"};
  for (int k = 0; v && k < 4; k++)
    if (strcmp(v, laws[k]) == 0) {
      *(fsim_fit_law *)ctx = (fsim_fit_law)k;
      return 0;
    }
  return cli_usage_error("fit", "--law takes square, linear, logarithmic or free");
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
  fsim_fit_result fit;
  if (fsim_fit_read_csv(path, blue_col, red_col, &blue, &red, &n, &err) != FSIM_OK ||
      fsim_fit_attrition(blue, red, n, law, &fit, &err) != FSIM_OK) {
    free(blue);
    free(red);
    return cli_report(&err);
  }
  free(blue);
  free(red);
  printf("frontsim fit: %s, %zu days, %s law (a = %.4g, b = %.4g)\n", path, fit.days,
         law == FSIM_FIT_FREE ? "free" : law == FSIM_FIT_LINEAR ? "linear"
                                       : law == FSIM_FIT_LOGARITHMIC ? "logarithmic" : "square",
         fit.a, fit.b);
  printf("  alpha blue (blue's fire on red): %.6g  (standard error %.3g)\n", fit.alpha_blue, fit.se_blue);
  printf("  alpha red  (red's fire on blue): %.6g  (standard error %.3g)\n", fit.alpha_red, fit.se_red);
  if (law == FSIM_FIT_FREE)
    printf("  exponents: a = %.4g (se %.3g), b = %.4g (se %.3g)\n", fit.a, fit.se_a, fit.b, fit.se_b);
  printf("  R^2 of both series: %.4f; %d iterations\n", fit.r2, fit.iterations);
  printf("  scenario: attrition = { blue = %.6g; red = %.6g; };\n", fit.alpha_blue, fit.alpha_red);
  return 0;
}
