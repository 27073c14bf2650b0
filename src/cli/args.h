/* Option parsing shared by the subcommands (no getopt: the same behaviour
 * everywhere, and "--name=value" as well as "--name value"). Each command declares
 * a table of its options and its positional arguments; cli_parse walks argv once
 * against it, so the messages and exit statuses of bad usage are the same for all. */
#ifndef FRONTSIM_CLI_ARGS_H
#define FRONTSIM_CLI_ARGS_H

#include <stddef.h>

#include "frontsim/error.h"
#include "frontsim/scenario.h"

typedef enum cli_kind {
  CLI_FLAG, /* --name: *flag = 1 */
  CLI_TEXT, /* --name VALUE: *text = VALUE (or only the .set assignment) */
  CLI_LONG, /* --name N: a whole number in [min, max] into *number */
  CLI_SET,  /* --name path=value: added to every overrides[] */
  CLI_CALL  /* --name VALUE: call(ctx, VALUE) */
} cli_kind;

/* Where one option's assignments may go: compare's eight scenarios and a record
 * of what went to all of them. */
#define CLI_OVERRIDES_MAX 9

typedef struct cli_option {
  const char *name; /* long name, without "--" */
  char letter;      /* short name ("-x"), or 0 */
  cli_kind kind;
  int *flag;
  const char **text;
  long long *number; /* may be NULL when .set says where the number goes */
  long long min, max;
  /* CLI_LONG: reads the number instead of the range check (e.g. fsim_seed_parse, so
   * that --seed has the limit and the message of run.seed). */
  fsim_status (*parse)(const char *text, unsigned long long *out, fsim_error *err);
  /* CLI_TEXT, CLI_LONG: also add this assignment to overrides[0], a format with
   * one %s (text) or %lld (number), e.g. "run.replications=%lld". */
  const char *set;
  /* Where assignments go: compare's --set goes to every scenario. */
  fsim_overrides *overrides[CLI_OVERRIDES_MAX];
  /* CLI_CALL: returns 0 or the exit status. value is NULL when it is missing (the
   * message is printed already), so that the callback can add its usage line. */
  int (*call)(void *ctx, const char *value);
  void *ctx;
} cli_option;

typedef struct cli_command {
  const char *name; /* "run": messages read "frontsim run: ..." */
  const char *help; /* printed on stdout for --help or -h */
  const cli_option *options;
  size_t noptions;
  const char **args; /* the positional arguments, filled in order */
  int nargs;         /* how many at most */
  int nargs_min;     /* how many are required; 0: all of them */
  /* nargs 1: "one <what> at a time (got A and B)"; 2: "<what> (got a third: C)";
   * with nargs_min: "<what> (at most N; got one more: X)" */
  const char *what;
  const char *missing; /* the message when some are not given */
} cli_command;

/* The options several commands share, each defined once (name, letter, range);
 * the arguments are the remaining designators, e.g. CLI_THREADS(.number = &n). */
#define CLI_QUIET(...) {.name = "quiet", .letter = 'q', .kind = CLI_FLAG, __VA_ARGS__}
#define CLI_OUTPUT(...) {.name = "output", .letter = 'o', .kind = CLI_TEXT, __VA_ARGS__}
#define CLI_SET_OPTION(...) {.name = "set", .kind = CLI_SET, __VA_ARGS__}
#define CLI_REPLICATIONS(...) \
  {.name = "replications", .letter = 'n', .kind = CLI_LONG, .min = 1, .max = 10000000, __VA_ARGS__}
#define CLI_SEED(...) \
  {.name = "seed", .kind = CLI_LONG, .parse = fsim_seed_parse, __VA_ARGS__}
#define CLI_THREADS(...) \
  {.name = "threads", .letter = 'j', .kind = CLI_LONG, .min = 1, .max = 4096, __VA_ARGS__}

/* --label TEXT: run.label of the scenario (its name in every output). */
#define CLI_LABEL(...) {.name = "label", .kind = CLI_TEXT, .set = "run.label=%s", __VA_ARGS__}
/* --force: replace an output directory holding another label's or kind's output, or
 * files frontsim did not write (output/replace.c). */
#define CLI_FORCE(...) {.name = "force", .kind = CLI_FLAG, __VA_ARGS__}
#define CLI_COUNT(a) (sizeof(a) / sizeof((a)[0]))
/* cli_parse's "all parsed, go on" (any other value is the exit status). */
#define CLI_PROCEED (-1)

/* Parses argv[1..argc-1] against cmd, stopping at the first error. Returns
 * CLI_PROCEED, 0 after printing the help, or the exit status of bad usage
 * (2, or what cli_report says for a refused --set). */
int cli_parse(const cli_command *cmd, int argc, char **argv);
/* cli_parse for a command that owns overrides: frees them unless it is to proceed
 * (after the help, or on bad usage). */
int cli_parse_owning(const cli_command *cmd, int argc, char **argv, fsim_overrides *ov);
/* The one positional argument of the commands that read a scenario. */
#define CLI_SCENARIO_ARG(slot) \
  .args = (slot), .nargs = 1, .what = "scenario", .missing = "which scenario?"

/* 1 if arg is the flag "--long_name" or "-short_name". */
int cli_opt_flag(const char *arg, const char *long_name, char short_name);
/* Prints "frontsim: <error>" and returns the exit status for it (2 bad input, else 1). */
int cli_report(const fsim_error *err);
/* Prints "frontsim CMD: message" for bad usage and returns 2. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

int cli_check(int argc, char **argv);
int cli_settings(int argc, char **argv);
int cli_run(int argc, char **argv);
int cli_sweep(int argc, char **argv);
int cli_merge(int argc, char **argv);
int cli_compare(int argc, char **argv);
int cli_fit(int argc, char **argv);
int cli_plot(int argc, char **argv);
int cli_discover(int argc, char **argv);
int cli_optimize(int argc, char **argv);
/* frontsim optimize with the options adjusted first by `configure` (frontsim-mpi sets
 * the ranks), which returns 1 when this process reports (messages, optimize.txt);
 * `agree` (NULL: one process) is called once on every rank with 1 when this rank may
 * go on, and returns 1 when every rank may. */
struct fsim_optimize_options;
int cli_optimize_with(int argc, char **argv, int (*configure)(struct fsim_optimize_options *opt),
                      int (*agree)(int ok));

#endif
