/* Tiny option parsing shared by the subcommands (no getopt: the same behaviour
 * everywhere, and "--name=value" as well as "--name value"). */
#ifndef FRONTSIM_CLI_ARGS_H
#define FRONTSIM_CLI_ARGS_H

#include "frontsim/error.h"

/* 1 if argv[*i] is the option and *value is set (a separate value advances *i);
 * 0 if it is another argument; -1 if its value is missing (message printed). */
int cli_opt_value(int argc, char **argv, int *i, const char *long_name, char short_name,
                  const char **value);
/* 1 if arg is the flag "--long_name" or "-short_name". */
int cli_opt_flag(const char *arg, const char *long_name, char short_name);
/* Whole number in [lo, hi]; prints a message and returns 0 when it is not. */
int cli_parse_long(const char *opt, const char *text, long long lo, long long hi,
                   long long *out);
/* The tail of every option loop: refuses an unknown option, takes arg as the one
 * positional argument (*slot), refuses a second. Returns 0 or the exit status 2. */
int cli_positional(const char *cmd, const char *arg, const char **slot, const char *what);
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

#endif
