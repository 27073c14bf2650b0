#include "args.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cli_opt_value(int argc, char **argv, int *i, const char *long_name, char short_name,
                  const char **value) {
  const char *a = argv[*i];
  size_t n = strlen(long_name);
  if (long_name[0] && strncmp(a, "--", 2) == 0 && strncmp(a + 2, long_name, n) == 0) {
    if (a[2 + n] == '=') {
      *value = a + 3 + n;
      return 1;
    }
    if (a[2 + n] != '\0') return 0;
  } else if (!(short_name && a[0] == '-' && a[1] == short_name && a[2] == '\0')) {
    return 0;
  }
  if (*i + 1 >= argc) {
    fprintf(stderr, "frontsim: option %s needs a value\n", a);
    return -1;
  }
  *value = argv[++*i];
  return 1;
}

int cli_opt_flag(const char *arg, const char *long_name, char short_name) {
  if (strncmp(arg, "--", 2) == 0) return strcmp(arg + 2, long_name) == 0;
  return short_name && arg[0] == '-' && arg[1] == short_name && arg[2] == '\0';
}

int cli_parse_long(const char *opt, const char *text, long long lo, long long hi,
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

int cli_positional(const char *cmd, const char *arg, const char **slot, const char *what) {
  if (arg[0] == '-' && arg[1]) return cli_usage_error(cmd, "unknown option %s", arg);
  if (*slot) return cli_usage_error(cmd, "one %s at a time (got %s and %s)", what, *slot, arg);
  *slot = arg;
  return 0;
}
