/* The reader of --param specs (param_spec.h). Every part is checked before any is
 * used: a missing bound, an empty value, a number that is not finite or a count of
 * steps that is not a whole number in the range of sweep.parameters.[k].steps. */
#include "param_spec.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario_internal.h"
#include "schema.h"

#define ORIGIN "--param"
#define FORMS "path=a,b,c, path=from:to, path=from:to:steps or path=a|b|c"

static fsim_status refuse(fsim_error *err, const char *spec, const char *path, const char *fmt,
                          ...) __attribute__((format(printf, 4, 5)));
static fsim_status refuse(fsim_error *err, const char *spec, const char *path, const char *fmt,
                          ...) {
  char msg[FSIM_ERROR_TEXT];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  return fsim_error_set(err, FSIM_E_INPUT, ORIGIN, 0, path, "\"%.200s\": %s", spec, msg);
}

/* The number in [p, end), blanks around it allowed; `found` says what is there
 * (for a message), and 0 is returned when it is not a finite number. */
static int read_number(const char *p, const char *end, double *out, char *found, size_t size) {
  while (p < end && isspace((unsigned char)*p)) p++;
  while (end > p && isspace((unsigned char)end[-1])) end--;
  size_t n = (size_t)(end - p);
  if (n == 0) {
    snprintf(found, size, "nothing");
    return 0;
  }
  char buf[80];
  if (n >= sizeof buf) {
    snprintf(found, size, "\"%.40s...\" (%zu characters)", p, n);
    return 0;
  }
  memcpy(buf, p, n);
  buf[n] = '\0';
  snprintf(found, size, "\"%s\"", buf);
  char *stop = NULL;
  errno = 0;
  double v = strtod(buf, &stop);
  if (stop != buf + n || errno == ERANGE || !isfinite(v)) return 0;
  *out = v;
  return 1;
}

/* The bounds of sweep.parameters.[k].steps, from the settings table. */
static void steps_range(double *lo, double *hi) {
  const fsim_spec *sp = fsim_schema_lookup_path("sweep.parameters.[0].steps");
  *lo = sp ? sp->min : 2;
  *hi = sp ? sp->max : 10000;
}

static fsim_status read_range(const char *spec, const char *text, fsim_param_spec *out,
                              fsim_error *err) {
  static const char *const part[] = {"from", "to", "steps"};
  const char *p = text;
  double v[3];
  int k = 0;
  char found[128] = "";
  for (;; k++) {
    const char *end = strchr(p, ':');
    if (!end) end = p + strlen(p);
    if (k == 3)
      return refuse(err, spec, out->path,
                    "expected path=from:to or path=from:to:steps, found more than two ':'");
    if (!read_number(p, end, &v[k], found, sizeof found))
      return refuse(err, spec, out->path, "expected a finite number as %s, found %s", part[k],
                    found);
    if (!*end) break;
    p = end + 1;
  }
  out->range = 1;
  out->from = v[0];
  out->to = v[1];
  if (k == 2) {
    double lo, hi;
    steps_range(&lo, &hi);
    if (v[2] != floor(v[2]) || v[2] < lo || v[2] > hi)
      return refuse(err, spec, out->path,
                    "expected a whole number of steps from %.0f to %.0f, found %s", lo, hi,
                    found);
    out->steps = (int)v[2];
  }
  return FSIM_OK;
}

static fsim_status read_values(const char *spec, const char *text, fsim_param_spec *out,
                               fsim_error *err) {
  int n = 1;
  for (const char *q = text; *q; q++) n += *q == ',';
  out->values = malloc((size_t)n * sizeof *out->values);
  if (!out->values) return fsim_error_set(err, FSIM_E_NOMEM, ORIGIN, 0, out->path, "out of memory");
  char found[128];
  for (const char *p = text;; out->nvalues++) {
    const char *end = strchr(p, ',');
    if (!end) end = p + strlen(p);
    if (!read_number(p, end, &out->values[out->nvalues], found, sizeof found)) {
      /* Words rather than numbers: perhaps alternatives meant as levels. */
      int word = found[0] == '"' && !strchr("0123456789+-.", found[1]);
      fsim_status st = refuse(err, spec, out->path, "expected a finite number as value %d, found %s%s",
                              out->nvalues + 1, found,
                              word ? " (alternatives of another type are given as path=a|b|c)" : "");
      fsim_param_spec_free(out);
      return st;
    }
    if (!*end) break;
    p = end + 1;
  }
  out->nvalues++;
  return FSIM_OK;
}

/* A level's optional name: letters, digits, '_', '-' and '.' before a ':'. */
static size_t name_prefix(const char *p, const char *end) {
  size_t n = 0;
  while (p + n < end && (isalnum((unsigned char)p[n]) || strchr("_-.", p[n]))) n++;
  return n > 0 && p + n < end && p[n] == ':' ? n : 0;
}

/* "[name:]value|[name:]value|...": the alternatives of a categorical parameter, each
 * a value as --set takes it; checked against the setting when the sweep loads. */
static fsim_status read_levels(const char *spec, const char *text, fsim_param_spec *out,
                               fsim_error *err) {
  int n = 1;
  for (const char *q = text; *q; q++) n += *q == '|';
  out->levels = calloc((size_t)n, sizeof *out->levels);
  if (!out->levels) return fsim_error_set(err, FSIM_E_NOMEM, ORIGIN, 0, out->path, "out of memory");
  for (const char *p = text;; p++) {
    const char *end = strchr(p, '|');
    if (!end) end = p + strlen(p);
    while (p < end && isspace((unsigned char)*p)) p++;
    while (end > p && isspace((unsigned char)end[-1])) end--;
    fsim_param_level *lv = &out->levels[out->nlevels++];
    size_t name = name_prefix(p, end);
    if (name >= sizeof lv->name)
      return refuse(err, spec, out->path, "level %d: a name of at most %zu characters",
                    out->nlevels, sizeof lv->name - 1);
    snprintf(lv->name, sizeof lv->name, "%.*s", (int)name, p);
    if (name) p += name + 1;
    if (p == end)
      return refuse(err, spec, out->path, "expected a value as level %d, found nothing",
                    out->nlevels);
    if ((size_t)(end - p) >= sizeof lv->value)
      return refuse(err, spec, out->path, "level %d: a value of at most %zu characters",
                    out->nlevels, sizeof lv->value - 1);
    snprintf(lv->value, sizeof lv->value, "%.*s", (int)(end - p), p);
    p = strchr(p, '|');
    if (!p) break;
  }
  return FSIM_OK;
}

/* ";label=TEXT;unit=TEXT" after the values (options, cut off here). */
static fsim_status read_options(const char *spec, char *text, fsim_param_spec *out,
                                fsim_error *err) {
  char *semi = strchr(text, ';');
  if (!semi) return FSIM_OK;
  *semi = '\0';
  for (char *save = NULL, *o = strtok_r(semi + 1, ";", &save); o; o = strtok_r(NULL, ";", &save)) {
    while (isspace((unsigned char)*o)) o++;
    if (strncmp(o, "label=", 6) == 0 && strlen(o + 6) < sizeof out->label)
      snprintf(out->label, sizeof out->label, "%s", o + 6);
    else if (strncmp(o, "unit=", 5) == 0 && strlen(o + 5) < sizeof out->unit)
      snprintf(out->unit, sizeof out->unit, "%s", o + 5);
    else
      return refuse(err, spec, out->path,
                    "expected ;label=TEXT (up to %zu characters) or ;unit=TEXT (up to %zu) "
                    "after the values, found \"%.60s\"",
                    sizeof out->label - 1, sizeof out->unit - 1, o);
  }
  return FSIM_OK;
}

/* The paths before '=': one, or linked ones joined by ',' ("p1,p2"), each trimmed of
 * blanks and none empty; kept joined by ',' alone. */
static fsim_status read_paths(const char *spec, const char *eq, fsim_param_spec *out,
                              fsim_error *err) {
  size_t used = 0;
  int n = 0;
  for (const char *p = spec; p < eq; n++) {
    const char *end = memchr(p, ',', (size_t)(eq - p));
    if (!end) end = eq;
    const char *a = p, *b = end;
    while (a < b && isspace((unsigned char)*a)) a++;
    while (b > a && isspace((unsigned char)b[-1])) b--;
    if (a == b)
      return refuse(err, spec, "", "expected a setting path as linked path %d, found nothing",
                    n + 1);
    if (n == FSIM_LINKED_MAX)
      return refuse(err, spec, "", "expected at most %d linked paths, found more",
                    FSIM_LINKED_MAX);
    used += (size_t)snprintf(out->path + used, sizeof out->path - used, "%s%.*s", n ? "," : "",
                             (int)(b - a), a);
    p = end < eq ? end + 1 : eq;
    if (end < eq && p == eq)
      return refuse(err, spec, "", "expected a setting path as linked path %d, found nothing",
                    n + 2);
  }
  return FSIM_OK;
}

fsim_status fsim_param_spec_read(const char *spec, fsim_param_spec *out, fsim_error *err) {
  memset(out, 0, sizeof *out);
  const char *eq = strchr(spec, '=');
  if (!eq || eq == spec)
    return refuse(err, spec, "", "expected %s, found %s", FORMS,
                  eq ? "no path before '='" : "no '='");
  if ((size_t)(eq - spec) >= sizeof out->path)
    return refuse(err, spec, "", "the path is longer than %zu characters", sizeof out->path - 1);
  fsim_status st = read_paths(spec, eq, out, err);
  if (st != FSIM_OK) return st;
  char *text = strdup(eq + 1);
  if (!text) return fsim_error_set(err, FSIM_E_NOMEM, ORIGIN, 0, out->path, "out of memory");
  st = read_options(spec, text, out, err);
  int colon = strchr(text, ':') != NULL, comma = strchr(text, ',') != NULL;
  if (st != FSIM_OK) {
  } else if (strchr(text, '|')) {
    st = read_levels(spec, text, out, err);
  } else if (colon && comma) {
    st = refuse(err, spec, out->path, "expected %s, found both ',' and ':'", FORMS);
  } else if (colon) {
    st = read_range(spec, text, out, err);
  } else {
    st = read_values(spec, text, out, err);
  }
  free(text);
  if (st != FSIM_OK) fsim_param_spec_free(out);
  return st;
}

void fsim_param_spec_free(fsim_param_spec *p) {
  free(p->levels);
  p->levels = NULL;
  p->nlevels = 0;
  free(p->values);
  p->values = NULL;
  p->nvalues = 0;
}
