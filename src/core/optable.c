/* Options set by name from a table (optable.h). */
#include "optable.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"

/* The row of `name` in t or its parent, and the base its offsets count from. */
static const fsim_opt_row *lookup(const fsim_opt_table *t, const char *name, size_t *shift) {
  *shift = 0;
  for (; t; *shift += t->parent_offset, t = t->parent)
    for (size_t i = 0; i < t->nrows; i++)
      if (strcmp(t->rows[i].name, name) == 0) return &t->rows[i];
  return NULL;
}

static const fsim_opt_row *find(const fsim_opt_table *t, const char *name, size_t *shift,
                                fsim_error *err) {
  if (!name) {
    fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "no option name given");
    return NULL;
  }
  const fsim_opt_row *r = lookup(t, name, shift);
  if (r) return r;
  fsim_nearest near;
  fsim_nearest_init(&near, name);
  for (const fsim_opt_table *u = t; u; u = u->parent)
    for (size_t i = 0; i < u->nrows; i++) fsim_nearest_offer(&near, u->rows[i].name);
  const char *hint = fsim_nearest_result(&near);
  if (hint)
    fsim_error_set(err, FSIM_E_INPUT, "", 0, name, "no such %s (did you mean \"%s\"?)", t->what,
                   hint);
  else
    fsim_error_set(err, FSIM_E_INPUT, "", 0, name, "no such %s", t->what);
  return NULL;
}

/* A whole number, all of the text, no sign beyond a leading minus. */
static int read_whole(const char *s, long long *out) {
  const char *p = s + (*s == '-');
  if (!isdigit((unsigned char)*p)) return 0;
  for (const char *q = p; *q; q++)
    if (!isdigit((unsigned char)*q)) return 0;
  errno = 0;
  long long v = strtoll(s, NULL, 10);
  if (errno == ERANGE) return 0;
  *out = v;
  return 1;
}

static fsim_status out_of_range(const fsim_opt_row *r, const char *value, fsim_error *err) {
  char lo[32], hi[32];
  fsim_text_double(r->min, 0, lo, sizeof lo);
  fsim_text_double(r->max, 0, hi, sizeof hi);
  return fsim_error_set(err, FSIM_E_INPUT, "", 0, r->name,
                        "expected a %s from %s to %s, found \"%.40s\"",
                        r->kind == FSIM_OPT_DOUBLE ? "number" : "whole number", lo, hi, value);
}

fsim_status fsim_opt_set(const fsim_opt_table *t, void *base, const char *name,
                         const char *value, fsim_error *err) {
  if (!t || !base) return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "no options given (NULL)");
  size_t shift = 0;
  const fsim_opt_row *r = find(t, name, &shift, err);
  if (!r) return FSIM_E_INPUT;
  base = (char *)base + shift;
  if (!value && r->kind != FSIM_OPT_TEXT)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, r->name, "no value given (NULL)");
  char *field = (char *)base + r->offset;
  long long v = 0;
  switch (r->kind) {
    case FSIM_OPT_LONG:
    case FSIM_OPT_INT:
      if (!read_whole(value, &v) || (double)v < r->min || (double)v > r->max)
        return out_of_range(r, value, err);
      if (r->kind == FSIM_OPT_LONG)
        *(long *)(void *)field = (long)v;
      else
        *(int *)(void *)field = (int)v;
      break;
    case FSIM_OPT_U64: {
      if (!read_whole(value, &v) || v < 0 || (r->max > 0 && (double)v > r->max)) {
        char hi[32];
        snprintf(hi, sizeof hi, "%.0f", r->max > 0 ? r->max : 9223372036854775807.0);
        return fsim_error_set(err, FSIM_E_INPUT, "", 0, r->name,
                              "expected a whole number from 0 to %s, found \"%.40s\"", hi, value);
      }
      *(uint64_t *)(void *)field = (uint64_t)v;
      break;
    }
    case FSIM_OPT_DOUBLE: {
      char *end = NULL;
      errno = 0;
      double d = strtod(value, &end);
      if (end == value || *end || errno == ERANGE || !isfinite(d) || d < r->min || d > r->max)
        return out_of_range(r, value, err);
      *(double *)(void *)field = d;
      break;
    }
    case FSIM_OPT_BOOL: {
      static const struct { const char *text; int value; } words[] = {
          {"1", 1},   {"yes", 1}, {"true", 1},  {"on", 1},
          {"0", 0},   {"no", 0},  {"false", 0}, {"off", 0}};
      size_t i = 0;
      while (i < sizeof words / sizeof *words && strcasecmp(words[i].text, value) != 0) i++;
      if (i == sizeof words / sizeof *words)
        return fsim_error_set(err, FSIM_E_INPUT, "", 0, r->name,
                              "expected 1 or 0 (yes/no, true/false, on/off), found \"%.40s\"",
                              value);
      *(int *)(void *)field = words[i].value;
      break;
    }
    case FSIM_OPT_TEXT: {
      char *copy = NULL;
      if (value && !(copy = strdup(value)))
        return fsim_error_set(err, FSIM_E_NOMEM, "", 0, r->name, "out of memory");
      char **slot = (char **)(void *)field;
      free(*slot);
      *slot = copy;
      break;
    }
    case FSIM_OPT_CUSTOM: {
      fsim_status st = r->parse(base, value, err);
      if (st != FSIM_OK) return st;
      break;
    }
  }
  if (r->flag_offset_plus1) *(int *)(void *)((char *)base + r->flag_offset_plus1 - 1) = 1;
  return FSIM_OK;
}

fsim_status fsim_opt_get(const fsim_opt_table *t, const void *base, const char *name, char *buf,
                         size_t size, fsim_error *err) {
  if (!t || !base || !buf || size == 0)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "no options or buffer given (NULL)");
  size_t shift = 0;
  const fsim_opt_row *r = find(t, name, &shift, err);
  if (!r) return FSIM_E_INPUT;
  base = (const char *)base + shift;
  const char *field = (const char *)base + r->offset;
  switch (r->kind) {
    case FSIM_OPT_LONG: snprintf(buf, size, "%ld", *(const long *)(const void *)field); break;
    case FSIM_OPT_INT:
    case FSIM_OPT_BOOL: snprintf(buf, size, "%d", *(const int *)(const void *)field); break;
    case FSIM_OPT_U64:
      snprintf(buf, size, "%" PRIu64, *(const uint64_t *)(const void *)field);
      break;
    case FSIM_OPT_DOUBLE: fsim_text_double(*(const double *)(const void *)field, 0, buf, size); break;
    case FSIM_OPT_TEXT: {
      const char *s = *(char *const *)(const void *)field;
      snprintf(buf, size, "%s", s ? s : "");
      break;
    }
    case FSIM_OPT_CUSTOM: r->format(base, buf, size); break;
  }
  return FSIM_OK;
}

void fsim_opt_free_texts(const fsim_opt_table *t, void *base) {
  if (t->parent) fsim_opt_free_texts(t->parent, (char *)base + t->parent_offset);
  for (size_t i = 0; i < t->nrows; i++)
    if (t->rows[i].kind == FSIM_OPT_TEXT) {
      char **slot = (char **)(void *)((char *)base + t->rows[i].offset);
      free(*slot);
      *slot = NULL;
    }
}
