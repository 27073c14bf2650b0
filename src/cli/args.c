#include "args.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cli_opt_flag(const char *arg, const char *long_name, char short_name) {
  if (strncmp(arg, "--", 2) == 0) return strcmp(arg + 2, long_name) == 0;
  return short_name && arg[0] == '-' && arg[1] == short_name && arg[2] == '\0';
}

int cli_report(const fsim_error *err) {
  char buf[1024];
  fsim_error_format(err, buf, sizeof buf);
  fprintf(stderr, "frontsim: %s\n", buf);
  return err->status == FSIM_E_INPUT ? 2 : 1;
}

int cli_usage_error(const char *cmd, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "frontsim %s: ", cmd);
  vfprintf(stderr, fmt, ap);
  fprintf(stderr, "\n(see 'frontsim %s --help')\n", cmd);
  va_end(ap);
  return 2;
}

/* Whole number in [lo, hi]; prints a message and returns 0 when it is not. */
static int parse_long(const char *opt, const char *text, long long lo, long long hi,
                      long long *out) {
  char *end = NULL;
  errno = 0;
  long long v = strtoll(text, &end, 10);
  if (errno || !end || end == text || *end) {
    fprintf(stderr, "frontsim: %s: expected a whole number, got \"%s\"\n", opt, text);
    return 0;
  }
  if (v < lo || v > hi) {
    fprintf(stderr, "frontsim: %s: must be between %lld and %lld, got %lld\n", opt, lo, hi, v);
    return 0;
  }
  *out = v;
  return 1;
}

/* The option arg names, or NULL; *value is what follows "=" if any. Long names
 * match whole ("--set" is not "--set-a"), short ones alone ("-o", not "-oDIR"). */
static const cli_option *find(const cli_command *cmd, const char *arg, const char **value) {
  *value = NULL;
  if (strncmp(arg, "--", 2) == 0) {
    const char *eq = strchr(arg + 2, '=');
    size_t n = eq ? (size_t)(eq - arg - 2) : strlen(arg + 2);
    for (size_t k = 0; k < cmd->noptions; k++) {
      const cli_option *o = &cmd->options[k];
      if (strlen(o->name) != n || strncmp(arg + 2, o->name, n) != 0) continue;
      if (eq && o->kind == CLI_FLAG) return NULL; /* "--quiet=1" is unknown */
      if (eq) *value = eq + 1;
      return o;
    }
  } else if (arg[0] == '-' && arg[1] && !arg[2]) {
    for (size_t k = 0; k < cmd->noptions; k++)
      if (cmd->options[k].letter == arg[1]) return &cmd->options[k];
  }
  return NULL;
}

/* Adds the assignment to every overrides of o; 0 or the exit status. */
static int assign(const cli_option *o, const char *assignment) {
  fsim_error err;
  fsim_error_clear(&err);
  for (int s = 0; s < CLI_OVERRIDES_MAX && o->overrides[s]; s++)
    if (fsim_overrides_add(o->overrides[s], assignment, &err) != FSIM_OK) return cli_report(&err);
  return 0;
}

/* o->set with the value in it. Its format is a literal of the command's table, with
 * the one conversion its kind passes. The assignment is never cut: a value too long
 * for its setting is refused by the loader, which says how long it may be. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static int assign_number(const cli_option *o, long long v) {
  char assignment[128];
  snprintf(assignment, sizeof assignment, o->set, v);
  return assign(o, assignment);
}

static int assign_text(const cli_option *o, const char *v) {
  /* An empty label would name outputs after nothing (a default directory "out/",
   * frontsim.meta's label=): refused as bad input, before any work. */
  if (!*v && strncmp(o->set, "run.label=", 10) == 0) {
    fprintf(stderr, "frontsim: --%s: give the label a name (it is empty)\n", o->name);
    return 2;
  }
  /* Quoted, so that a text that reads as a number or a boolean (--label 2025) is
   * still the string the setting expects. */
  char quoted[4096], assignment[4096];
  size_t q = 0;
  quoted[q++] = '"';
  const char *p = v;
  for (; *p && q + 4 < sizeof quoted; p++) {
    if (*p == '"' || *p == '\\') quoted[q++] = '\\';
    quoted[q++] = *p;
  }
  quoted[q++] = '"';
  quoted[q] = '\0';
  int n = *p ? -1 : snprintf(assignment, sizeof assignment, o->set, quoted);
  if (n < 0 || (size_t)n >= sizeof assignment) {
    fprintf(stderr, "frontsim: --%s: the value is too long (%zu characters)\n", o->name,
            strlen(v));
    return 2;
  }
  return assign(o, assignment);
}
#pragma GCC diagnostic pop

/* Applies option o (given as arg) to value, NULL when missing; 0 or the exit status. */
static int apply(const cli_option *o, const char *arg, const char *value) {
  if (o->kind == CLI_FLAG) {
    *o->flag = 1;
    return 0;
  }
  if (!value) fprintf(stderr, "frontsim: option %s needs a value\n", arg);
  if (o->kind == CLI_CALL) return o->call(o->ctx, value);
  if (!value) return 2;
  if (o->kind == CLI_SET) return assign(o, value);
  if (o->kind == CLI_TEXT) {
    if (o->text) *o->text = value;
    return o->set ? assign_text(o, value) : 0;
  }
  /* CLI_LONG: messages name the option as the help text shows it. */
  char label[64];
  if (o->letter)
    snprintf(label, sizeof label, "-%c", o->letter);
  else
    snprintf(label, sizeof label, "--%s", o->name);
  long long v;
  if (o->parse) {
    unsigned long long u = 0;
    fsim_error err;
    fsim_error_clear(&err);
    if (o->parse(value, &u, &err) != FSIM_OK) return cli_report(&err);
    v = (long long)u; /* the parsers of this kind stay within long long */
  } else if (!parse_long(label, value, o->min, o->max, &v)) {
    return 2;
  }
  if (o->number) *o->number = v;
  return o->set ? assign_number(o, v) : 0;
}

/* An unknown option, and where it is a short option run together with its value
 * ("-j2"), how to write it. */
static int unknown_option(const cli_command *cmd, const char *arg) {
  for (size_t k = 0; arg[1] != '-' && arg[2] && k < cmd->noptions; k++) {
    const cli_option *o = &cmd->options[k];
    if (o->letter == arg[1] && o->kind != CLI_FLAG)
      return cli_usage_error(cmd->name, "unknown option %s (write -%c %s, with a space)", arg,
                             arg[1], arg + 2);
  }
  return cli_usage_error(cmd->name, "unknown option %s", arg);
}

static int positional(const cli_command *cmd, const char *arg) {
  if (arg[0] == '-' && arg[1]) return unknown_option(cmd, arg);
  for (int k = 0; k < cmd->nargs; k++)
    if (!cmd->args[k]) {
      cmd->args[k] = arg;
      return 0;
    }
  if (cmd->nargs == 1)
    return cli_usage_error(cmd->name, "one %s at a time (got %s and %s)", cmd->what, cmd->args[0],
                           arg);
  if (cmd->nargs_min)
    return cli_usage_error(cmd->name, "%s (at most %d; got one more: %s)", cmd->what,
                           cmd->nargs, arg);
  return cli_usage_error(cmd->name, "%s (got a third: %s)", cmd->what, arg);
}

int cli_parse_owning(const cli_command *cmd, int argc, char **argv, fsim_overrides *ov) {
  const int rc = cli_parse(cmd, argc, argv);
  if (rc != CLI_PROCEED) fsim_overrides_free(ov);
  return rc;
}

int cli_parse(const cli_command *cmd, int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    const char *arg = argv[i], *value;
    if (cli_opt_flag(arg, "help", 'h')) {
      fputs(cmd->help, stdout);
      return 0;
    }
    const cli_option *o = find(cmd, arg, &value);
    /* "--name value": the next argument, whatever it looks like. */
    if (o && !value && o->kind != CLI_FLAG && i + 1 < argc) value = argv[++i];
    int rc = o ? apply(o, arg, value) : positional(cmd, arg);
    if (rc != 0) return rc;
  }
  if (cmd->args[(cmd->nargs_min ? cmd->nargs_min : cmd->nargs) - 1]) return CLI_PROCEED;
  return cli_usage_error(cmd->name, "%s", cmd->missing);
}
