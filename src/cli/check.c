/* frontsim check SCENARIO: validate and print the effective scenario.
 * frontsim settings: the reference of every setting, as Markdown. */
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "frontsim/frontsim.h"

static const char check_help[] =
    "usage: frontsim check SCENARIO [--set path=value]... [-o FILE]\n"
    "\n"
    "Validates SCENARIO (after the overrides; each level of a sweep parameter and\n"
    "each end or level of an optimize decision as --set would set it; the objective\n"
    "and constraints of an optimize section against the metrics) and prints the\n"
    "effective scenario, every default filled in, in libconfig syntax; it loads\n"
    "back unchanged.\n"
    "  -o, --output FILE  write the effective scenario to FILE (written whole, or not\n"
    "                     at all) instead of standard output\n"
    "Exit status: 0 valid, 2 invalid (the message names file, line and setting).\n";

int cli_check(int argc, char **argv) {
  const char *path = NULL, *output = NULL;
  fsim_overrides *ov = fsim_overrides_new();
  fsim_error err;
  fsim_error_clear(&err);
  const cli_option options[] = {CLI_SET_OPTION(.overrides = {ov}), CLI_OUTPUT(.text = &output)};
  const cli_command cmd = {.name = "check", .help = check_help, .options = options,
                           .noptions = CLI_COUNT(options), CLI_SCENARIO_ARG(&path)};
  int rc = cli_parse_owning(&cmd, argc, argv, ov);
  if (rc != CLI_PROCEED) return rc;
  rc = 0;
  fsim_scenario *sc = NULL;
  if (rc == 0 && fsim_scenario_load(path, ov, &sc, &err) != FSIM_OK) rc = cli_report(&err);
  /* A sweep's levels are values of their settings too: each is checked as --set would. */
  if (rc == 0 && fsim_sweep_check(path, ov, &err) != FSIM_OK) rc = cli_report(&err);
  /* So are an optimize section's decisions, and its objective names metrics. */
  if (rc == 0 && fsim_optimize_check(path, ov, &err) != FSIM_OK) rc = cli_report(&err);
  if (rc == 0) {
    char header[512];
    snprintf(header, sizeof header,
             "Effective scenario of %s (frontsim %s); every default filled in.", path,
             FRONTSIM_VERSION);
    if (output) {
      if (fsim_scenario_write_path(sc, output, header, &err) != FSIM_OK) rc = cli_report(&err);
    } else {
      if (fsim_scenario_write(sc, stdout, header, &err) != FSIM_OK) rc = cli_report(&err);
      if (fflush(stdout) != 0) rc = 1;
    }
  }
  fsim_scenario_free(sc);
  fsim_overrides_free(ov);
  return rc;
}

int cli_settings(int argc, char **argv) {
  if (argc == 2 && cli_opt_flag(argv[1], "help", 'h')) {
    fputs("usage: frontsim settings\n\nPrints the reference of every scenario setting "
          "(Markdown), as in docs/SCENARIO.md.\n",
          stdout);
    return 0;
  }
  if (argc > 1)
    return cli_usage_error("settings", "takes no arguments (got %s)", argv[1]);
  fsim_settings_write_markdown(stdout);
  return 0; /* main checks that standard output took it */
}
