/* The command line (src/cli): the frontsim tool parses arguments (args.c, one
 * table-driven parser), calls the library through its public API only, and prints.
 * One file per command. Only this file and the command handlers decide exit
 * statuses: 0 ok, 1 a run failed, 2 bad input. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "frontsim/frontsim.h"

typedef struct command {
  const char *name;
  int (*fn)(int argc, char **argv);
  const char *summary;
} command;

static const command commands[] = {
    {"run", cli_run, "run the replications of a scenario and write its outputs"},
    {"sweep", cli_sweep, "run a design of parameter points (grid, lhs, sobol, morris)"},
    {"compare", cli_compare, "paired runs of a base and up to 7 what-ifs, effects with CI"},
    {"merge", cli_merge, "join the outputs of sweep shards"},
    {"discover", cli_discover, "find where in a sweep a condition holds (PRIM)"},
    {"optimize", cli_optimize, "search the decisions for the best objective (CRN)"},
    {"plot", cli_plot, "draw the charts of a run, sweep, comparison or discovery"},
    {"fit", cli_fit, "fit attrition coefficients to observed daily strengths"},
    {"check", cli_check, "validate a scenario and print it with every default"},
    {"settings", cli_settings, "print the reference of every scenario setting"},
};

static void usage(FILE *out) {
  fputs("usage: frontsim COMMAND [options]\n\ncommands:\n", out);
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
    fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].summary);
  fputs("\n'frontsim COMMAND --help' describes a command; --version prints the version.\n"
        "Exit status: 0 success, 1 a run failed, 2 bad usage or bad input.\n",
        out);
}

/* What a command printed on standard output must have reached it: a full disk or a
 * closed pipe is a failed run (1), however the command itself ended. */
static int finish(int rc) {
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "frontsim: cannot write to standard output: %s\n",
            errno ? strerror(errno) : "write error");
    return rc == 0 ? 1 : rc;
  }
  return rc;
}

/* A top-level option takes nothing after it: `--version extra` is bad usage. */
static int alone(int argc, const char *option) {
  if (argc == 2) return 1;
  fprintf(stderr, "frontsim: %s takes no arguments\n", option);
  return 0;
}

int main(int argc, char **argv) {
  /* Past a file size limit (ulimit -f), a write should fail with EFBIG, reported and
     cleaned up like a full disk, rather than kill the process mid-file. */
  signal(SIGXFSZ, SIG_IGN);
  if (argc < 2) {
    usage(stderr);
    return 2;
  }
  if (cli_opt_flag(argv[1], "help", 'h')) {
    if (!alone(argc, argv[1])) return 2;
    usage(stdout);
    return finish(0);
  }
  if (cli_opt_flag(argv[1], "version", 'V')) {
    if (!alone(argc, argv[1])) return 2;
    printf("frontsim %s\n", FRONTSIM_VERSION);
    return finish(0);
  }
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
    if (strcmp(argv[1], commands[i].name) == 0)
      return finish(commands[i].fn(argc - 1, argv + 1));
  fprintf(stderr, "frontsim: unknown command '%s'\n\n", argv[1]);
  usage(stderr);
  return 2;
}
