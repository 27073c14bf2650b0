/* Loading: read the libconfig file, apply overrides, then walk the tree against the
 * settings table (schema.c), filling the scenario structs. Every problem is reported
 * as file:line: path: message, before any work starts. Cross-setting checks and
 * name resolution follow in scenario_resolve.c. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <libconfig.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <strings.h>

#include "config_path.h"
#include "scenario_internal.h"
#include "scenario_load.h"
#include "schema.h"
#include "text.h"

#define LIST_MAX 10000

typedef struct load_ctx {
  const char *name; /* file name for settings that carry none */
  fsim_error *err;
} load_ctx;

static fsim_status fill_group(load_ctx *c, const config_setting_t *s, const fsim_group *g,
                              void *obj, const char *path);

static void join(char *out, size_t size, const char *path, const char *key) {
  snprintf(out, size, "%s%s%s", path, path[0] ? "." : "", key);
}

static fsim_status fail(load_ctx *c, const config_setting_t *s, const char *path,
                        const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static fsim_status fail(load_ctx *c, const config_setting_t *s, const char *path,
                        const char *fmt, ...) {
  char msg[FSIM_ERROR_TEXT];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  return fsim_error_set(c->err, FSIM_E_INPUT, fsim_config_file(s, c->name), fsim_config_line(s),
                        path, "%s", msg);
}

/* "a string \"x\"", "an integer 3", ... for "found ..." messages. */
static void describe(const config_setting_t *s, char *buf, size_t size) {
  char num[64];
  switch (config_setting_type(s)) {
    case CONFIG_TYPE_INT:
      snprintf(buf, size, "an integer %d", config_setting_get_int(s));
      break;
    case CONFIG_TYPE_INT64:
      snprintf(buf, size, "an integer %lld", config_setting_get_int64(s));
      break;
    case CONFIG_TYPE_FLOAT:
      fsim_text_double(config_setting_get_float(s), 1, num, sizeof num);
      snprintf(buf, size, "a number %s", num);
      break;
    case CONFIG_TYPE_BOOL:
      snprintf(buf, size, "a boolean %s", config_setting_get_bool(s) ? "true" : "false");
      break;
    case CONFIG_TYPE_STRING:
      snprintf(buf, size, "a string \"%.60s\"", config_setting_get_string(s));
      break;
    case CONFIG_TYPE_GROUP: snprintf(buf, size, "a group { ... }"); break;
    case CONFIG_TYPE_LIST: snprintf(buf, size, "a list ( ... )"); break;
    case CONFIG_TYPE_ARRAY: snprintf(buf, size, "an array [ ... ]"); break;
    default: snprintf(buf, size, "nothing"); break;
  }
}

static fsim_status wrong_type(load_ctx *c, const config_setting_t *s, const char *path,
                              const char *expected) {
  char found[128];
  describe(s, found, sizeof found);
  return fail(c, s, path, "expected %s, found %s", expected, found);
}

/* Nearest key of g to `key` among those applicable to variant (or, with
 * any_variant, among all keys), or NULL if none is close. */
static const char *nearest_key(const fsim_group *g, int variant, int any_variant,
                               const char *key) {
  const char *best = NULL;
  int bestd = 1000;
  for (size_t i = 0; i < g->nspecs; i++) {
    if (!any_variant && !fsim_spec_applies(&g->specs[i], variant)) continue;
    int d = fsim_text_distance(key, g->specs[i].key);
    if (d < bestd) {
      bestd = d;
      best = g->specs[i].key;
    }
  }
  int len = (int)strlen(key);
  int allowed = len <= 4 ? 1 : len <= 8 ? 2 : 3;
  return bestd <= allowed ? best : NULL;
}

/* "\"a\", \"b\" or \"c\"": the names of the ENUM spec en's values, all of them, or
 * (only not NULL) those of the variants that `only` applies to. */
static void names_text(const fsim_spec *en, const fsim_spec *only, char *buf, size_t size) {
  const char *names[16];
  size_t n = 0, used = 0;
  for (size_t i = 0; i < en->nnames && n < 16; i++)
    if (!only || fsim_spec_applies(only, en->names[i].value)) names[n++] = en->names[i].name;
  buf[0] = '\0';
  for (size_t i = 0; i < n && used < size; i++) {
    int k = snprintf(buf + used, size - used, "%s\"%s\"",
                     i == 0 ? "" : i + 1 == n ? " or " : ", ", names[i]);
    if (k > 0) used += (size_t)k;
  }
}

static void list_keys(const fsim_group *g, int variant, char *buf, size_t size) {
  size_t used = 0;
  buf[0] = '\0';
  for (size_t i = 0; i < g->nspecs && used < size; i++) {
    if (!fsim_spec_applies(&g->specs[i], variant)) continue;
    int k = snprintf(buf + used, size - used, "%s%s", used ? ", " : "", g->specs[i].key);
    if (k > 0) used += (size_t)k;
  }
}

static const char *nearest_choice(const fsim_spec *en, const char *text) {
  const char *best = NULL;
  int bestd = 1000;
  for (size_t i = 0; i < en->nnames; i++) {
    int d = fsim_text_distance(text, en->names[i].name);
    if (d < bestd) {
      bestd = d;
      best = en->names[i].name;
    }
  }
  return bestd <= 2 ? best : NULL;
}

/* A bound or value as an analyst would write it: whole numbers of the integer
 * settings in full (a seed limit of 9.2e+18 reads as a float). */
static void number_text(double v, int integral, char *buf, size_t size) {
  if (integral && isfinite(v) && fabs(v) < 1e19)
    snprintf(buf, size, "%.0f", v);
  else
    fsim_text_double(v, 0, buf, size);
}

/* Range check of a number against spec. `got` is the value as read, so that a
 * 64-bit integer is shown exactly. */
static fsim_status check_range(load_ctx *c, const config_setting_t *s, const char *path,
                               const fsim_spec *sp, double v, const char *got) {
  char lo[64], hi[64];
  int integral = sp->kind == FSIM_K_INT || sp->kind == FSIM_K_INT64;
  number_text(sp->min, integral, lo, sizeof lo);
  number_text(sp->max, integral, hi, sizeof hi);
  if (!isfinite(v)) return fail(c, s, path, "must be a finite number, got %s", got);
  int low_excl = (sp->flags & FSIM_F_MIN_EXCL) != 0;
  int high_excl = (sp->flags & FSIM_F_MAX_EXCL) != 0;
  if (low_excl ? !(v > sp->min) : !(v >= sp->min))
    return fail(c, s, path, "must be %s %s, got %s", low_excl ? ">" : ">=", lo, got);
  if (high_excl ? !(v < sp->max) : !(v <= sp->max))
    return fail(c, s, path, "must be %s %s, got %s", high_excl ? "<" : "<=", hi, got);
  if ((sp->flags & FSIM_F_WHOLE) && v != floor(v))
    return fail(c, s, path, "must be a whole number of persons, got %s", got);
  return FSIM_OK;
}

/* Why text is not a date YYYY-MM-DD, or NULL when it is one. "2025-02-30" is
 * refused by fsim_date_parse like "30/01/2025"; the analyst wants to know which
 * part is wrong. */
static const char *date_problem(const char *text, char *buf, size_t size) {
  /* Digits in every place: fsim_date_parse reads with sscanf, which lets
   * "2025-+1-05" and "2025- 1-05" through, and they would be written back as they are. */
  int digits = strlen(text) == 10;
  for (int i = 0; digits && i < 10; i++)
    digits = (i == 4 || i == 7) ? text[i] == '-' : isdigit((unsigned char)text[i]) != 0;
  long day;
  if (digits && fsim_date_parse(text, &day)) return NULL;
  int y, m, d, used = 0;
  if (!digits || sscanf(text, "%4d-%2d-%2d%n", &y, &m, &d, &used) != 3 || used != 10) {
    snprintf(buf, size, "must be a date YYYY-MM-DD, got \"%.60s\"", text);
  } else if (y < 1900 || y > 2999) {
    snprintf(buf, size, "must be a date in the years 1900 to 2999, got \"%s\"", text);
  } else if (m < 1 || m > 12) {
    snprintf(buf, size, "\"%s\" is not a date: there is no month %d", text, m);
  } else {
    static const char *const months[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    static const int length[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int n = length[m - 1] + (m == 2 && leap);
    snprintf(buf, size, "\"%s\" is not a date: %s %d has %d days", text, months[m - 1], y, n);
  }
  return buf;
}

static int is_number(const config_setting_t *s) {
  int t = config_setting_type(s);
  return t == CONFIG_TYPE_INT || t == CONFIG_TYPE_INT64 || t == CONFIG_TYPE_FLOAT;
}

static double number_of(const config_setting_t *s) {
  switch (config_setting_type(s)) {
    case CONFIG_TYPE_INT: return config_setting_get_int(s);
    case CONFIG_TYPE_INT64: return (double)config_setting_get_int64(s);
    default: return config_setting_get_float(s);
  }
}

static fsim_status store_text(load_ctx *c, const config_setting_t *s, const char *path,
                              const fsim_spec *sp, char *dst) {
  if (config_setting_type(s) != CONFIG_TYPE_STRING) return wrong_type(c, s, path, "a string");
  const char *v = config_setting_get_string(s);
  size_t cap = sp->kind == FSIM_K_TEXT ? FSIM_TEXT_MAX : FSIM_NAME_MAX;
  size_t len = strlen(v);
  if (len >= cap)
    return fail(c, s, path, "must be at most %zu characters, got %zu (\"%.40s...\")", cap - 1,
                len, v);
  if (sp->kind == FSIM_K_TEXT) {
    /* Texts end up in CSV headers, chart titles and the effective scenario, where
     * a line break or a control character breaks the line structure. */
    for (const char *q = v; *q; q++)
      if ((unsigned char)*q < 0x20 || *q == 0x7f)
        return fail(c, s, path,
                    "must be one line of text without control characters, got byte 0x%02x "
                    "at position %d",
                    (unsigned)(unsigned char)*q, (int)(q - v) + 1);
  } else if (sp->kind == FSIM_K_DATE) {
    char why[160];
    if (date_problem(v, why, sizeof why)) return fail(c, s, path, "%s", why);
  } else if (!fsim_text_is_identifier(v, cap) &&
             !((sp->flags & FSIM_F_DOTTED) && fsim_text_is_dotted_name(v, cap))) {
    if (len == 0) return fail(c, s, path, "must not be empty");
    /* Name the first character that is not allowed: a space or a '.' is easy to miss. */
    const char *bad = v;
    while (*bad && (isalnum((unsigned char)*bad) || *bad == '_' || *bad == '-' ||
                    ((sp->flags & FSIM_F_DOTTED) && *bad == '.')))
      bad++;
    char shown[16];
    if (*bad == ' ')
      snprintf(shown, sizeof shown, "a space");
    else if (isprint((unsigned char)*bad))
      snprintf(shown, sizeof shown, "'%c'", *bad);
    else
      snprintf(shown, sizeof shown, "byte 0x%02x", (unsigned)(unsigned char)*bad);
    return fail(c, s, path,
                "must be a name of letters, digits, '_' or '-'%s, got \"%.60s\" (%s is not "
                "allowed)",
                (sp->flags & FSIM_F_DOTTED) ? " joined by '.'" : "", v,
                *bad ? shown : "a '.' cannot start or end a name, nor follow another");
  }
  memcpy(dst, v, len + 1);
  return FSIM_OK;
}

static fsim_status fill_list(load_ctx *c, const config_setting_t *s, const fsim_spec *sp,
                             void *obj, const char *path) {
  void **slot = (void **)((char *)obj + sp->offset);
  int *count = (int *)((char *)obj + sp->count_offset);
  *slot = NULL;
  *count = 0;
  if (!s) return FSIM_OK;
  if (!config_setting_is_list(s)) {
    if (config_setting_is_array(s) && config_setting_length(s) == 0) return FSIM_OK;
    return wrong_type(c, s, path, "a list ( { ... }, ... )");
  }
  int n = config_setting_length(s);
  if (n > LIST_MAX) return fail(c, s, path, "at most %d elements, got %d", LIST_MAX, n);
  if (n == 0) return FSIM_OK;
  char *items = calloc((size_t)n, sp->group->elem_size);
  if (!items) return fsim_error_set(c->err, FSIM_E_NOMEM, c->name, 0, path, "out of memory");
  *slot = items;
  *count = n; /* set now so the caller frees what was filled, even on failure */
  for (int i = 0; i < n; i++) {
    char sub[FSIM_ERROR_PLACE];
    snprintf(sub, sizeof sub, "%s.[%d]", path, i);
    const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
    if (!config_setting_is_group(e)) return wrong_type(c, e, sub, "a group { ... }");
    fsim_status st = fill_group(c, e, sp->group, items + (size_t)i * sp->group->elem_size, sub);
    if (st != FSIM_OK) return st;
  }
  return FSIM_OK;
}

static fsim_status fill_reflist(load_ctx *c, const config_setting_t *s, const fsim_spec *sp,
                                void *obj, const char *path) {
  char(*names)[FSIM_NAME_MAX] = (char(*)[FSIM_NAME_MAX])((char *)obj + sp->offset);
  int *count = (int *)((char *)obj + sp->count_offset);
  *count = 0;
  if (!s) return FSIM_OK;
  if (!config_setting_is_array(s) && !config_setting_is_list(s))
    return wrong_type(c, s, path, "an array of names [ \"a\", \"b\" ]");
  int n = config_setting_length(s);
  if (n > FSIM_MAX_REFS) return fail(c, s, path, "at most %d names, got %d", FSIM_MAX_REFS, n);
  for (int i = 0; i < n; i++) {
    char sub[FSIM_ERROR_PLACE];
    snprintf(sub, sizeof sub, "%s.[%d]", path, i);
    const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
    fsim_spec one = *sp;
    one.kind = FSIM_K_NAME;
    fsim_status st = store_text(c, e, sub, &one, names[i]);
    if (st != FSIM_OK) return st;
  }
  *count = n;
  return FSIM_OK;
}

static fsim_status fill_numlist(load_ctx *c, const config_setting_t *s, const fsim_spec *sp,
                                void *obj, const char *path) {
  double *values = (double *)((char *)obj + sp->offset);
  int *count = (int *)((char *)obj + sp->count_offset);
  *count = 0;
  if (!s) return FSIM_OK;
  if (!config_setting_is_array(s) && !config_setting_is_list(s))
    return wrong_type(c, s, path, "an array of numbers [ 1.0, 2.0 ]");
  int n = config_setting_length(s);
  if (n > FSIM_MAX_VALUES)
    return fail(c, s, path, "at most %d values, got %d", FSIM_MAX_VALUES, n);
  for (int i = 0; i < n; i++) {
    char sub[FSIM_ERROR_PLACE];
    snprintf(sub, sizeof sub, "%s.[%d]", path, i);
    const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
    if (!is_number(e)) return wrong_type(c, e, sub, "a number");
    values[i] = number_of(e);
    if (!isfinite(values[i])) return fail(c, e, sub, "must be a finite number");
  }
  *count = n;
  return FSIM_OK;
}

static void set_default(const fsim_spec *sp, void *obj) {
  char *p = (char *)obj + sp->offset;
  switch (sp->kind) {
    case FSIM_K_INT: *(int *)p = (int)sp->def; break;
    case FSIM_K_INT64: *(int64_t *)p = (int64_t)sp->def; break;
    case FSIM_K_FLOAT: *(double *)p = sp->def; break;
    case FSIM_K_ENUM: *(int *)p = (int)sp->def; break;
    case FSIM_K_TEXT:
    case FSIM_K_NAME:
    case FSIM_K_REF:
    case FSIM_K_DATE: snprintf(p, FSIM_NAME_MAX, "%s", sp->def_text ? sp->def_text : ""); break;
    case FSIM_K_REFLIST:
    case FSIM_K_NUMLIST: *(int *)((char *)obj + sp->count_offset) = 0; break;
    case FSIM_K_LIST:
      *(void **)p = NULL;
      *(int *)((char *)obj + sp->count_offset) = 0;
      break;
    case FSIM_K_GROUP: break; /* handled by the caller */
  }
}

static void set_group_defaults(const fsim_group *g, void *obj) {
  for (size_t i = 0; i < g->nspecs; i++) {
    const fsim_spec *sp = &g->specs[i];
    if (sp->kind == FSIM_K_GROUP)
      set_group_defaults(sp->group, (char *)obj + sp->offset);
    else
      set_default(sp, obj);
  }
}

static fsim_status fill_value(load_ctx *c, const config_setting_t *parent,
                              const config_setting_t *s, const fsim_spec *sp, void *obj,
                              const char *path) {
  char *p = (char *)obj + sp->offset;
  if (!s && sp->kind != FSIM_K_GROUP && sp->kind != FSIM_K_LIST) {
    if (sp->flags & FSIM_F_REQUIRED)
      return fail(c, parent, path, "missing required setting '%s'", sp->key);
    set_default(sp, obj);
    return FSIM_OK;
  }
  switch (sp->kind) {
    case FSIM_K_INT:
    case FSIM_K_INT64: {
      int t = config_setting_type(s);
      if (t != CONFIG_TYPE_INT && t != CONFIG_TYPE_INT64)
        return wrong_type(c, s, path, "an integer");
      long long v = t == CONFIG_TYPE_INT ? config_setting_get_int(s) : config_setting_get_int64(s);
      char got[32];
      snprintf(got, sizeof got, "%lld", v);
      fsim_status st = check_range(c, s, path, sp, (double)v, got);
      if (st != FSIM_OK) return st;
      if (sp->kind == FSIM_K_INT)
        *(int *)p = (int)v;
      else
        *(int64_t *)p = (int64_t)v;
      return FSIM_OK;
    }
    case FSIM_K_FLOAT: {
      if (!is_number(s)) return wrong_type(c, s, path, "a number");
      double v = number_of(s);
      char got[64];
      if (config_setting_type(s) == CONFIG_TYPE_FLOAT)
        fsim_text_double(v, 0, got, sizeof got);
      else
        snprintf(got, sizeof got, "%lld", config_setting_type(s) == CONFIG_TYPE_INT
                                              ? (long long)config_setting_get_int(s)
                                              : config_setting_get_int64(s));
      fsim_status st = check_range(c, s, path, sp, v, got);
      if (st != FSIM_OK) return st;
      *(double *)p = v;
      return FSIM_OK;
    }
    case FSIM_K_ENUM: {
      char options[160];
      names_text(sp, NULL, options, sizeof options);
      if (config_setting_type(s) != CONFIG_TYPE_STRING) {
        char expected[200];
        snprintf(expected, sizeof expected, "one of the strings %s", options);
        return wrong_type(c, s, path, expected);
      }
      const char *v = config_setting_get_string(s);
      int idx = fsim_enum_value_of(sp->names, sp->nnames, v);
      if (idx < 0) {
        const char *hint = nearest_choice(sp, v);
        return fail(c, s, path, "must be %s%s, got \"%.60s\"%s%s%s",
                    sp->nnames > 2 ? "one of " : "", options, v,
                    hint ? "; did you mean \"" : "", hint ? hint : "", hint ? "\"?" : "");
      }
      *(int *)p = idx;
      return FSIM_OK;
    }
    case FSIM_K_TEXT:
    case FSIM_K_NAME:
    case FSIM_K_REF:
    case FSIM_K_DATE: return store_text(c, s, path, sp, p);
    case FSIM_K_REFLIST: return fill_reflist(c, s, sp, obj, path);
    case FSIM_K_NUMLIST: return fill_numlist(c, s, sp, obj, path);
    case FSIM_K_LIST:
      if (!s && (sp->flags & FSIM_F_REQUIRED))
        return fail(c, parent, path, "missing required setting '%s'", sp->key);
      return fill_list(c, s, sp, obj, path);
    case FSIM_K_GROUP: {
      int *present = sp->count_offset ? (int *)((char *)obj + sp->count_offset) : NULL;
      if (!s) {
        if (sp->flags & FSIM_F_REQUIRED)
          return fail(c, parent, path, "missing required group '%s'", sp->key);
        if (present) {
          *present = 0;
          set_group_defaults(sp->group, p); /* unused, but deterministic */
          return FSIM_OK;
        }
        return fill_group(c, NULL, sp->group, p, path);
      }
      if (!config_setting_is_group(s)) return wrong_type(c, s, path, "a group { ... }");
      if (present) *present = 1;
      return fill_group(c, s, sp->group, p, path);
    }
  }
  return FSIM_OK;
}

static fsim_status fill_group(load_ctx *c, const config_setting_t *s, const fsim_group *g,
                              void *obj, const char *path) {
  char sub[FSIM_ERROR_PLACE];
  int variant = -1;
  const fsim_spec *vspec = g->variant;
  if (vspec) {
    join(sub, sizeof sub, path, vspec->key);
    const config_setting_t *vs = s ? config_setting_get_member(s, vspec->key) : NULL;
    fsim_status st = fill_value(c, s, vs, vspec, obj, sub);
    if (st != FSIM_OK) return st;
    variant = *(int *)((char *)obj + vspec->offset);
  }
  /* Every key present must be known (and apply to this variant). */
  int n = s ? config_setting_length(s) : 0;
  for (int i = 0; i < n; i++) {
    const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
    const char *key = config_setting_name(e);
    join(sub, sizeof sub, path, key ? key : "?");
    const fsim_spec *sp = key ? fsim_schema_find(g, key) : NULL;
    if (!sp) {
      const char *near = key ? nearest_key(g, variant, 0, key) : NULL;
      if (near) return fail(c, e, sub, "unknown setting '%s'; did you mean '%s'?", key, near);
      /* A key of another kind of rule ("donor" in a transfer) is worth naming too. */
      near = key && vspec ? nearest_key(g, variant, 1, key) : NULL;
      if (near) {
        char vnames[128];
        names_text(vspec, fsim_schema_find(g, near), vnames, sizeof vnames);
        return fail(c, e, sub,
                    "unknown setting '%s'; did you mean '%s' (only in a rule of %s %s)?", key,
                    near, vspec->key, vnames);
      }
      /* `days = 30;` at the top level belongs in run: say where it goes. */
      for (size_t k = 0; key && k < g->nspecs; k++) {
        const fsim_spec *gs = &g->specs[k];
        if (gs->kind == FSIM_K_GROUP && fsim_schema_find(gs->group, key)) {
          char there[FSIM_ERROR_PLACE];
          join(there, sizeof there, path, gs->key);
          return fail(c, e, sub, "unknown setting '%s' here; did you mean '%s.%s'?", key,
                      there, key);
        }
      }
      char keys[512];
      list_keys(g, variant, keys, sizeof keys);
      return fail(c, e, sub, "unknown setting '%s'; known here: %s", key ? key : "?", keys);
    }
    if (!fsim_spec_applies(sp, variant)) {
      char vnames[128];
      names_text(vspec, sp, vnames, sizeof vnames);
      return fail(c, e, sub, "'%s' does not apply to a rule of %s \"%s\" (only to %s)", key,
                  vspec->key, fsim_spec_enum_name(vspec, variant), vnames);
    }
  }
  for (size_t i = 0; i < g->nspecs; i++) {
    const fsim_spec *sp = &g->specs[i];
    if (sp == vspec) continue;
    join(sub, sizeof sub, path, sp->key);
    if (!fsim_spec_applies(sp, variant)) {
      if (sp->kind != FSIM_K_GROUP) set_default(sp, obj);
      continue;
    }
    const config_setting_t *e = s ? config_setting_get_member(s, sp->key) : NULL;
    fsim_status st = fill_value(c, s, e, sp, obj, sub);
    if (st != FSIM_OK) return st;
  }
  return FSIM_OK;
}

/* ---- what libconfig does not say ----------------------------------------
 * libconfig 1.5 calls every grammar problem "syntax error", names an included
 * file as written in the @include line (not as a path the analyst can open),
 * and reads an integer literal beyond 32 bits without complaint but wrapped (it
 * uses atoi: 99999999999 becomes 1215752191, so a large seed or a head count in
 * the billions would silently change). One pass of the small lexer below over
 * the text recovers what the analyst needs. */

#define LEX_DEPTH 64
#define LEX_WIDE 16
#define LEX_INCLUDES 16
#define INCLUDE_DEPTH 10
#define TEXT_MAX_BYTES (64L << 20)

typedef struct lex_wide {
  int line;
  int wrapped;   /* what libconfig made of it */
  int beyond64;  /* too large even with the suffix L */
  char text[32];
} lex_wide;

typedef struct lex_facts {
  int last_line;   /* last line holding a token (not blanks or comments) */
  int open_line;   /* innermost bracket still open at the end of the text (0: none) */
  char open_char;
  int string_line; /* first string running over a line end (0: none) */
  int comma_line;  /* first '{' or '(' right after a '}' or ')' (a missing ',') */
  int mismatch_line; /* first closing bracket that does not match the open one */
  char mismatch_close, mismatch_open;
  int mismatch_open_line; /* 0 when nothing was open */
  int nwide;
  lex_wide wide[LEX_WIDE]; /* plain integer literals outside the int range */
  int stray_line;       /* first string where the grammar allows none (0: none) */
  int stray_after_name; /* ... right after a setting's name: the '=' is missing */
  int nincludes;
  char includes[LEX_INCLUDES][FSIM_ERROR_PLACE]; /* the names after @include */
  int include_lines[LEX_INCLUDES];
} lex_facts;

/* The kind of the token before, for the strings' places. */
enum { TK_NONE, TK_NAME, TK_VALUE, TK_STRING, TK_ASSIGN, TK_OPEN_GROUP, TK_OPEN_LIST, TK_COMMA,
       TK_INCLUDE, TK_OTHER };

static void note_wide(lex_facts *f, int line, const char *start, const char *end, int wrapped,
                      int beyond64) {
  if (f->nwide >= LEX_WIDE) return;
  lex_wide *w = &f->wide[f->nwide++];
  w->line = line;
  w->wrapped = wrapped;
  w->beyond64 = beyond64;
  snprintf(w->text, sizeof w->text, "%.*s", (int)(end - start), start);
}

static const char *skip_number(const char *p, int line, lex_facts *f) {
  const char *start = p;
  if (*p == '-' || *p == '+') p++;
  if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
    /* libconfig reads hex as a 32-bit pattern (0xFFFFFFFF is -1), through strtoul. */
    p += 2;
    while (isxdigit((unsigned char)*p)) p++;
    if (*p != 'L') {
      errno = 0;
      unsigned long long v = strtoull(start, NULL, 16);
      int beyond64 = errno == ERANGE;
      if (beyond64 || v > 0xFFFFFFFFull)
        note_wide(f, line, start, p, (int)strtoul(start, NULL, 16), beyond64);
    }
  } else {
    while (isdigit((unsigned char)*p)) p++;
    if (*p == '.' || *p == 'e' || *p == 'E') { /* a float */
      while (isdigit((unsigned char)*p) || *p == '.') p++;
      if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '-' || *p == '+') p++;
        while (isdigit((unsigned char)*p)) p++;
      }
      return p;
    }
    if (*p != 'L') {
      errno = 0;
      long long v = strtoll(start, NULL, 10);
      int beyond64 = errno == ERANGE;
      if (beyond64 || v > INT_MAX || v < INT_MIN) /* wrapped as glibc's atoi, as libconfig: */
        note_wide(f, line, start, p, (int)strtol(start, NULL, 10), beyond64);
    }
  }
  while (*p == 'L') p++;
  return p;
}

static void lex_scan(const char *text, lex_facts *f) {
  memset(f, 0, sizeof *f);
  char open[LEX_DEPTH];
  int open_at[LEX_DEPTH];
  int depth = 0, line = 1, after_closer = 0, after_include = 0, prev = TK_NONE;
  const char *p = text;
  while (*p) {
    char ch = *p;
    if (ch == '\n') {
      line++;
      p++;
      continue;
    }
    if (isspace((unsigned char)ch)) {
      p++;
      continue;
    }
    if (ch == '#' || (ch == '/' && p[1] == '/')) {
      while (*p && *p != '\n') p++;
      continue;
    }
    if (ch == '/' && p[1] == '*') {
      for (p += 2; *p && !(p[0] == '*' && p[1] == '/'); p++)
        if (*p == '\n') line++;
      if (*p) p += 2;
      continue;
    }
    f->last_line = line;
    int closer_before = after_closer, include_before = after_include, before = prev;
    after_closer = after_include = 0;
    prev = TK_OTHER;
    if (ch == '"') {
      /* A string may follow only '=', ':', '(', '[', another string, @include,
       * or a ',' between the values of a list; anywhere else libconfig fails on
       * it, and leaks it. */
      int in_list = depth > 0 && depth <= LEX_DEPTH && open[depth - 1] != '{';
      if (before != TK_ASSIGN && before != TK_OPEN_LIST && !(before == TK_COMMA && in_list) &&
          before != TK_STRING && before != TK_INCLUDE && !f->stray_line) {
        f->stray_line = line;
        f->stray_after_name = before == TK_NAME;
      }
      prev = TK_STRING;
      int start = line;
      const char *body = p + 1;
      for (p++; *p && *p != '"'; p++) {
        if (*p == '\\' && p[1]) p++;
        if (*p == '\n') line++;
      }
      if ((line != start || !*p) && !f->string_line) f->string_line = start;
      if (include_before && *p && f->nincludes < LEX_INCLUDES) {
        f->include_lines[f->nincludes] = start;
        snprintf(f->includes[f->nincludes++], FSIM_ERROR_PLACE, "%.*s", (int)(p - body), body);
      }
      if (*p) p++;
      f->last_line = line;
    } else if (ch == '@' && strncmp(p, "@include", 8) == 0) {
      after_include = 1;
      prev = TK_INCLUDE;
      p += 8;
    } else if (ch == '=' || ch == ':' || ch == ',') {
      prev = ch == ',' ? TK_COMMA : TK_ASSIGN;
      p++;
    } else if (ch == '{' || ch == '(' || ch == '[') {
      if (closer_before && ch != '[' && !f->comma_line) f->comma_line = line;
      prev = ch == '{' ? TK_OPEN_GROUP : TK_OPEN_LIST;
      if (depth < LEX_DEPTH) {
        open[depth] = ch;
        open_at[depth] = line;
      }
      depth++;
      p++;
    } else if (ch == '}' || ch == ')' || ch == ']') {
      char want = 0;
      if (depth > 0 && --depth < LEX_DEPTH)
        want = open[depth] == '{' ? '}' : open[depth] == '(' ? ')' : ']';
      if (want != ch && !f->mismatch_line) {
        f->mismatch_line = line;
        f->mismatch_close = ch;
        f->mismatch_open = want ? open[depth] : 0;
        f->mismatch_open_line = want ? open_at[depth] : 0;
      }
      after_closer = ch != ']';
      p++;
    } else if (isalpha((unsigned char)ch) || ch == '*') {
      const char *word = p;
      while (isalnum((unsigned char)*p) || *p == '-' || *p == '_' || *p == '*') p++;
      size_t n = (size_t)(p - word);
      prev = (n == 4 && strncasecmp(word, "true", 4) == 0) ||
                     (n == 5 && strncasecmp(word, "false", 5) == 0)
                 ? TK_VALUE
                 : TK_NAME;
    } else if (isdigit((unsigned char)ch) ||
               ((ch == '-' || ch == '+' || ch == '.') && isdigit((unsigned char)p[1]))) {
      p = skip_number(p, line, f);
      prev = TK_VALUE;
    } else {
      p++;
    }
  }
  if (depth > 0 && depth <= LEX_DEPTH) {
    f->open_line = open_at[depth - 1];
    f->open_char = open[depth - 1];
  }
}

/* The whole of a text file, NUL-terminated (NULL when it cannot be read). */
static char *slurp(const char *path) {
  FILE *in = fopen(path, "rb");
  if (!in) return NULL;
  size_t cap = 8192, n = 0;
  char *buf = malloc(cap);
  while (buf) {
    if (n + 1 >= cap) {
      char *grown = (long)cap < TEXT_MAX_BYTES ? realloc(buf, cap * 2) : NULL;
      if (!grown) {
        free(buf);
        buf = NULL;
        break;
      }
      buf = grown;
      cap *= 2;
    }
    size_t k = fread(buf + n, 1, cap - 1 - n, in);
    n += k;
    if (k == 0) {
      buf[n] = '\0';
      break;
    }
  }
  fclose(in);
  return buf;
}

/* Line `line` of text, trimmed and shortened for a message. */
static void line_text(const char *text, int line, char *buf, size_t size) {
  buf[0] = '\0';
  if (!text || line < 1) return;
  const char *p = text;
  for (int l = 1; l < line && p; l++) {
    p = strchr(p, '\n');
    if (p) p++;
  }
  if (!p) return;
  while (*p == ' ' || *p == '\t') p++;
  size_t n = strcspn(p, "\r\n");
  while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t')) n--;
  if (n > 70)
    snprintf(buf, size, "%.67s...", p);
  else
    snprintf(buf, size, "%.*s", (int)n, p);
}

/* Where libconfig looks for an included file: `name` is as written after
 * @include; relative names are taken from the include directory. */
static void include_path(const config_t *cfg, const char *name, char *buf, size_t size) {
  const char *dir = config_get_include_dir(cfg);
  if (dir && dir[0] && name[0] != '/')
    snprintf(buf, size, "%s/%s", dir, name);
  else
    snprintf(buf, size, "%s", name);
}

/* libconfig's parse error as file:line: message, with the cause spelt out. */
static fsim_status parse_error(config_t *cfg, const char *path, const char *text,
                               const char *name, fsim_error *err) {
  const char *raw = config_error_file(cfg);
  const char *what = config_error_text(cfg);
  int line = config_error_line(cfg);
  char file[FSIM_ERROR_PLACE];
  char *own = NULL;
  const char *src = NULL;
  if (!raw || (path && strcmp(raw, path) == 0)) { /* the scenario itself */
    snprintf(file, sizeof file, "%s", raw ? raw : name);
    src = text ? text : (own = slurp(path));
  } else { /* an included file */
    include_path(cfg, raw, file, sizeof file);
    src = own = slurp(file);
  }
  if (!what) what = "syntax error";
  char msg[FSIM_ERROR_TEXT], here[96];
  line_text(src, line, here, sizeof here);
  if (strcmp(what, "cannot open include file") == 0) {
    /* The line is the @include; name the file and say where it was looked for. */
    char inc[FSIM_ERROR_PLACE] = "", where[FSIM_ERROR_PLACE];
    const char *q = strchr(here, '"');
    if (q) snprintf(inc, sizeof inc, "%.*s", (int)strcspn(q + 1, "\""), q + 1);
    include_path(cfg, inc, where, sizeof where);
    FILE *probe = inc[0] ? fopen(where, "r") : NULL;
    const char *why = probe || !inc[0] ? "cannot be read" : strerror(errno);
    if (probe) fclose(probe);
    if (!inc[0])
      snprintf(msg, sizeof msg, "cannot open an included file: %s", here);
    else if (strcmp(where, inc) != 0)
      snprintf(msg, sizeof msg, "cannot include \"%.150s\": %.60s (looked for %.250s)", inc, why,
               where);
    else
      snprintf(msg, sizeof msg, "cannot include \"%.150s\": %.60s", inc, why);
  } else if (strcmp(what, "include file nesting too deep") == 0) {
    snprintf(msg, sizeof msg, "@include nested too deep (does a file include itself?)");
  } else if (strcmp(what, "mismatched element type in array") == 0) {
    snprintf(msg, sizeof msg,
             "the values of an array [ ... ] must all have one type; write 1.0 rather than 1 "
             "beside numbers with a decimal point: %s",
             here);
  } else if (strcmp(what, "duplicate setting name") == 0) {
    snprintf(msg, sizeof msg, "a setting is given twice in the same group: %s", here);
  } else if (strcmp(what, "syntax error") != 0) {
    snprintf(msg, sizeof msg, "syntax error: %s", what);
  } else {
    lex_facts f;
    if (src) lex_scan(src, &f);
    if (src && f.string_line && f.string_line <= line) {
      line = f.string_line;
      snprintf(msg, sizeof msg,
               "syntax error: the string opened on this line is not closed on it (a missing "
               "'\"'?)");
    } else if (src && f.comma_line == line) {
      snprintf(msg, sizeof msg,
               "syntax error: a ',' is missing between two elements of a list: %s", here);
    } else if (src && f.mismatch_line == line && f.mismatch_open) {
      snprintf(msg, sizeof msg,
               "syntax error: '%c' does not close the '%c' opened on line %d (a bracket is "
               "missing or one too many)",
               f.mismatch_close, f.mismatch_open, f.mismatch_open_line);
    } else if (src && f.mismatch_line == line) {
      snprintf(msg, sizeof msg, "syntax error: '%c' closes nothing", f.mismatch_close);
    } else if (src && line >= f.last_line && f.open_line) {
      line = f.open_line;
      snprintf(msg, sizeof msg,
               "syntax error: the '%c' opened on this line is never closed (the file ends "
               "first)",
               f.open_char);
    } else if (src && line > f.last_line) {
      snprintf(msg, sizeof msg,
               "syntax error at the end of the file (a bracket or quote left open, here or "
               "in an included file?)");
    } else if (here[0]) {
      snprintf(msg, sizeof msg,
               "syntax error (look for a missing '=', ',' or quote, or a stray character): %s",
               here);
    } else {
      snprintf(msg, sizeof msg, "syntax error");
    }
  }
  free(own);
  return fsim_error_set(err, FSIM_E_INPUT, file, line, "", "%s", msg);
}

/* The path of setting `s` below the root ("sectors.[0].width_km"). */
static void setting_path(const config_setting_t *s, char *buf, size_t size) {
  const config_setting_t *parent = config_setting_parent(s);
  if (!parent) {
    buf[0] = '\0';
    return;
  }
  char up[FSIM_ERROR_PLACE];
  setting_path(parent, up, sizeof up);
  const char *key = config_setting_name(s);
  if (key)
    snprintf(buf, size, "%.200s%s%.50s", up, up[0] ? "." : "", key);
  else
    snprintf(buf, size, "%.200s.[%d]", up, config_setting_index(s));
}

static int same_file(const char *a, const char *b) {
  return a == b || (a && b && strcmp(a, b) == 0);
}

/* The integer setting of `file` at `line` whose value libconfig wrapped to `v`. */
static const config_setting_t *find_wrapped(const config_setting_t *s, const char *file,
                                            int line, int v) {
  if (config_setting_type(s) == CONFIG_TYPE_INT)
    return same_file(config_setting_source_file(s), file) &&
                   (int)config_setting_source_line(s) == line && config_setting_get_int(s) == v
               ? s
               : NULL;
  if (!config_setting_is_aggregate(s)) return NULL;
  int n = config_setting_length(s);
  for (int i = 0; i < n; i++) {
    const config_setting_t *hit =
        find_wrapped(config_setting_get_elem(s, (unsigned)i), file, line, v);
    if (hit) return hit;
  }
  return NULL;
}

/* Collects the distinct files the settings came from (NULL: text in memory). */
static void collect_files(const config_setting_t *s, const char **files, int *n, int max) {
  const char *f = config_setting_source_file(s);
  int known = 0;
  for (int i = 0; i < *n && !known; i++) known = same_file(files[i], f);
  if (!known && *n < max) files[(*n)++] = f;
  if (!config_setting_is_aggregate(s)) return;
  int len = config_setting_length(s);
  for (int i = 0; i < len; i++)
    collect_files(config_setting_get_elem(s, (unsigned)i), files, n, max);
}

/* Refuses integer literals that libconfig read wrapped (see above). */
static fsim_status check_wide_integers(config_t *cfg, const char *path, const char *text,
                                       const char *name, fsim_error *err) {
  const config_setting_t *root = config_root_setting(cfg);
  const char *files[64];
  int nfiles = 0;
  collect_files(root, files, &nfiles, 64);
  fsim_status st = FSIM_OK;
  for (int i = 0; i < nfiles && st == FSIM_OK; i++) {
    char shown[FSIM_ERROR_PLACE];
    char *own = NULL;
    const char *src;
    if (!files[i] || (path && strcmp(files[i], path) == 0)) {
      snprintf(shown, sizeof shown, "%s", files[i] ? files[i] : name);
      src = text ? text : (own = slurp(path));
    } else {
      include_path(cfg, files[i], shown, sizeof shown);
      src = own = slurp(shown);
    }
    lex_facts f;
    if (src) lex_scan(src, &f);
    for (int k = 0; src && k < f.nwide && st == FSIM_OK; k++) {
      const config_setting_t *s = find_wrapped(root, files[i], f.wide[k].line, f.wide[k].wrapped);
      if (!s) continue; /* not a setting of the scenario: nothing was misread */
      char where[FSIM_ERROR_PLACE];
      setting_path(s, where, sizeof where);
      if (f.wide[k].beyond64)
        st = fsim_error_set(err, FSIM_E_INPUT, shown, f.wide[k].line, where,
                            "%s is out of range for any integer (%lld to %lld)",
                            f.wide[k].text, LLONG_MIN, LLONG_MAX);
      else
        st = fsim_error_set(err, FSIM_E_INPUT, shown, f.wide[k].line, where,
                            "%s is out of range for a plain integer (%d to %d) and would be "
                            "misread; write %sL for a 64-bit integer",
                            f.wide[k].text, INT_MIN, INT_MAX, f.wide[k].text);
    }
    free(own);
  }
  return st;
}

/* A string that does not end on the line where it starts is refused before
 * libconfig reads the text: it is almost always a missing '"', which libconfig
 * reports lines later, where the shifted quotes finally clash, and in doing so
 * leaks the string token it was holding (libconfig 1.5 has no destructor for
 * it). Names and texts of a scenario never need a line break. The included
 * files are checked too, as libconfig will read them. */
static fsim_status precheck(const config_t *cfg, const char *shown, const char *src, int depth,
                            fsim_error *err) {
  lex_facts *f = malloc(sizeof *f);
  if (!f) return fsim_error_set(err, FSIM_E_NOMEM, shown, 0, "", "out of memory");
  lex_scan(src, f);
  fsim_status st = FSIM_OK;
  if (f->string_line)
    st = fsim_error_set(err, FSIM_E_INPUT, shown, f->string_line, "",
                        "syntax error: the string opened on this line is not closed on it (a "
                        "missing '\"'?)");
  else if (f->stray_line && f->stray_after_name)
    st = fsim_error_set(err, FSIM_E_INPUT, shown, f->stray_line, "",
                        "syntax error: a '=' is missing between a setting's name and its value");
  else if (f->stray_line)
    st = fsim_error_set(err, FSIM_E_INPUT, shown, f->stray_line, "",
                        "syntax error: a string where none can be (is a '=', ',' or '[' "
                        "missing before it, or a name in quotes?)");
  for (int i = 0; st == FSIM_OK && depth < INCLUDE_DEPTH && i < f->nincludes; i++) {
    char inc[FSIM_ERROR_PLACE];
    include_path(cfg, f->includes[i], inc, sizeof inc);
    /* libconfig 1.5 ends the process (exit() from its scanner) when an @include names
     * a directory or another file it cannot read as text (hyperrealm/libconfig#292). */
    struct stat sb;
    if (stat(inc, &sb) == 0 && !S_ISREG(sb.st_mode)) {
      st = fsim_error_set(err, FSIM_E_INPUT, shown, f->include_lines[i], "",
                          "@include \"%s\": not a regular file (%s)", f->includes[i], inc);
      break;
    }
    char *text = slurp(inc);
    if (!text) continue; /* libconfig says it cannot be opened, and parse_error explains */
    st = precheck(cfg, inc, text, depth + 1, err);
    free(text);
  }
  free(f);
  return st;
}

/* ---- entry points ------------------------------------------------------- */

static fsim_status read_config(config_t *cfg, const char *path, const char *text,
                               const char *name, fsim_error *err) {
  int ok;
  char *own = text ? NULL : slurp(path);
  fsim_status pre = text || own ? precheck(cfg, text ? name : path, text ? text : own, 0, err)
                                : FSIM_OK;
  free(own);
  if (pre != FSIM_OK) return pre;
  if (text) {
    ok = config_read_string(cfg, text);
  } else {
    FILE *probe = fopen(path, "r");
    if (!probe)
      return fsim_error_set(err, FSIM_E_INPUT, path, 0, "", "cannot open the scenario: %s",
                            strerror(errno));
    fclose(probe);
    ok = config_read_file(cfg, path);
  }
  if (ok == CONFIG_TRUE) return check_wide_integers(cfg, path, text, name, err);
  if (config_error_type(cfg) == CONFIG_ERR_FILE_IO) {
    const char *file = config_error_file(cfg);
    return fsim_error_set(err, FSIM_E_INPUT, file ? file : name, 0, "",
                          "cannot read the scenario file");
  }
  return parse_error(cfg, path, text, name, err);
}

static fsim_status apply_overrides(config_t *cfg, const fsim_overrides *ov, fsim_error *err) {
  size_t n = ov ? fsim_overrides_count(ov) : 0;
  for (size_t i = 0; i < n; i++) {
    const char *a = fsim_overrides_get(ov, i);
    const char *eq = strchr(a, '=');
    char path[FSIM_ERROR_PLACE];
    snprintf(path, sizeof path, "%.*s", (int)(eq - a), a);
    fsim_status st = fsim_config_assign(cfg, path, eq + 1, err);
    if (st != FSIM_OK) return st;
  }
  size_t np = ov ? fsim_overrides_param_count(ov) : 0;
  if (np == 0) return FSIM_OK;
  const char *specs[256];
  if (np > 256) return fsim_error_set(err, FSIM_E_INPUT, "--param", 0, "", "at most 256 --param");
  for (size_t i = 0; i < np; i++) specs[i] = fsim_overrides_param_get(ov, i);
  return fsim_config_set_params(cfg, specs, np, err);
}

static fsim_status load_common(const char *path, const char *text, const char *name,
                               const char *include_dir, const fsim_overrides *ov,
                               fsim_scenario **out, fsim_error *err) {
  *out = NULL;
  fsim_error_clear(err);
  config_t cfg;
  config_init(&cfg);
  char dir[FSIM_ERROR_PLACE] = "";
  if (include_dir) {
    snprintf(dir, sizeof dir, "%s", include_dir);
  } else if (path) {
    /* @include paths are relative to the including file's directory. */
    const char *slash = strrchr(path, '/');
    if (slash) snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
  }
  if (dir[0]) config_set_include_dir(&cfg, dir);

  fsim_status st = read_config(&cfg, path, text, name, err);
  if (st == FSIM_OK) st = apply_overrides(&cfg, ov, err);
  fsim_scenario *sc = NULL;
  if (st == FSIM_OK) {
    sc = calloc(1, sizeof *sc);
    if (!sc) st = fsim_error_set(err, FSIM_E_NOMEM, name, 0, "", "out of memory");
  }
  if (st == FSIM_OK) {
    snprintf(sc->source, sizeof sc->source, "%s", name);
    load_ctx c = {name, err};
    st = fill_group(&c, config_root_setting(&cfg), &fsim_schema_root, sc, "");
  }
  if (st == FSIM_OK) st = fsim_scenario_resolve(sc, &cfg, name, err);
  if (st == FSIM_OK && ov) {
    size_t used = 0;
    for (size_t i = 0; i < fsim_overrides_count(ov) && used < sizeof sc->text_overrides; i++) {
      int k = snprintf(sc->text_overrides + used, sizeof sc->text_overrides - used, "%s%s",
                       i ? " " : "", fsim_overrides_get(ov, i));
      if (k > 0) used += (size_t)k;
    }
  }
  config_destroy(&cfg);
  if (st != FSIM_OK) {
    fsim_scenario_free(sc);
    return st;
  }
  *out = sc;
  return FSIM_OK;
}

fsim_status fsim_scenario_load(const char *path, const fsim_overrides *ov, fsim_scenario **out,
                               fsim_error *err) {
  return load_common(path, NULL, path, NULL, ov, out, err);
}

fsim_status fsim_scenario_load_string(const char *text, const char *name,
                                      const char *include_dir, const fsim_overrides *ov,
                                      fsim_scenario **out, fsim_error *err) {
  return load_common(NULL, text, name ? name : "(string)", include_dir, ov, out, err);
}

void fsim_scenario_free(fsim_scenario *sc) {
  if (!sc) return;
  free(sc->sweep.params);
  free(sc->events);
  for (int s = 0; s < FSIM_NSIDES; s++) free(sc->sides.side[s].rules);
  free(sc->formations);
  for (int i = 0; i < sc->nsectors && sc->sectors; i++) free(sc->sectors[i].schedule);
  free(sc->sectors);
  free(sc);
}
