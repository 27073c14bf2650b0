/* What the run-like subcommands share: scenario options, progress, Ctrl-C. */
#ifndef FRONTSIM_CLI_COMMON_H
#define FRONTSIM_CLI_COMMON_H

#include <stddef.h>

#include "frontsim/frontsim.h"

/* The command line as one string, quoted where needed (recorded in outputs). */
void cli_command_line(int argc, char **argv, const char *prefix, char *buf, size_t size);
/* "out/<a name made from the label>" (fsim_label_dirname) */
void cli_default_output(const char *label, char *buf, size_t size);
/* --target-ci METRIC=HALFWIDTH (run, compare): a CLI_CALL option's context. */
typedef struct cli_target {
  const char *command; /* for the usage message */
  char metric[256];
  double half;
} cli_target;
int cli_parse_target(void *ctx, const char *value);
/* Ctrl-C and SIGTERM set *cli_stop_flag() so long work stops cleanly: the progress
 * callbacks below hand it to the library (a non-zero return cancels). */
void cli_install_stop_handler(void);
volatile int *cli_stop_flag(void);
/* A progress callback that reports nothing and cancels on Ctrl-C. */
int cli_stop_requested(void *ctx, long done, long total);
/* v as text, for the options set by name. */
const char *cli_number(char buf[32], long long v);
/* Progress on stderr when it is a terminal: "label done/total, rate, time left",
 * redrawn at most CLI_PROGRESS_PER_SECOND times a second (and at the end): a
 * redraw per replication was 20,000 writes to the terminal for a default run. */
#define CLI_PROGRESS_PER_SECOND 4
typedef struct cli_progress {
  const char *label;
  double started, drawn; /* drawn: when the line was last redrawn */
  long shown;             /* the count it showed: the end is reported twice (by the
                           * thread that ran the last replication, then by the run) */
  int enabled;
} cli_progress;
void cli_progress_init(cli_progress *p, const char *label, int quiet);
/* Draws the progress line; returns the stop flag (a progress callback). */
int cli_progress_report(void *ctx, long done, long total);
void cli_progress_done(cli_progress *p);
double cli_now(void);
/* --format wide|long of run and sweep: *format = 0 (wide) or 1 (long). */
typedef struct cli_format {
  const char *cmd; /* for the usage message */
  int format;
} cli_format;
int cli_parse_format(void *ctx, const char *value);
/* Copies the text file `path` (an output just written) to standard output. */
void cli_print_file(const char *path);

#endif
