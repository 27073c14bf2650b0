/* Loading: read the libconfig file, apply overrides, then walk the tree against the
 * settings table (schema.c), filling the scenario structs. Every problem is reported
 * as file:line: path: message, before any work starts. Cross-setting checks and
 * name resolution follow in scenario_resolve.c. */
#include <errno.h>
#include <stdarg.h>
#include <libconfig.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Nearest key of g (applicable to variant) to `key`, or NULL if none is close. */
static const char *nearest_key(const fsim_group *g, int variant, const char *key) {
  const char *best = NULL;
  int bestd = 1000;
  for (size_t i = 0; i < g->nspecs; i++) {
    if (!fsim_spec_applies(&g->specs[i], variant)) continue;
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

static void list_keys(const fsim_group *g, int variant, char *buf, size_t size) {
  size_t used = 0;
  buf[0] = '\0';
  for (size_t i = 0; i < g->nspecs && used < size; i++) {
    if (!fsim_spec_applies(&g->specs[i], variant)) continue;
    int k = snprintf(buf + used, size - used, "%s%s", used ? ", " : "", g->specs[i].key);
    if (k > 0) used += (size_t)k;
  }
}

static const char *nearest_choice(const char *choices, const char *text, char *buf,
                                  size_t size) {
  int best = -1, bestd = 1000;
  char name[64];
  for (int i = 0;; i++) {
    fsim_choice_name(choices, i, name, sizeof name);
    if (strcmp(name, "?") == 0) break;
    int d = fsim_text_distance(text, name);
    if (d < bestd) {
      bestd = d;
      best = i;
    }
  }
  if (best < 0 || bestd > 2) return NULL;
  fsim_choice_name(choices, best, buf, size);
  return buf;
}

/* Range check of a number against spec; fmt of the bounds without noise. */
static fsim_status check_range(load_ctx *c, const config_setting_t *s, const char *path,
                               const fsim_spec *sp, double v) {
  char lo[64], hi[64], got[64];
  fsim_text_double(sp->min, 0, lo, sizeof lo);
  fsim_text_double(sp->max, 0, hi, sizeof hi);
  fsim_text_double(v, 0, got, sizeof got);
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
  if (sp->kind == FSIM_K_TEXT) {
    if (strlen(v) >= cap)
      return fail(c, s, path, "must be at most %zu characters, got %zu", cap - 1, strlen(v));
  } else if (sp->kind == FSIM_K_DATE) {
    long day;
    if (!fsim_date_parse(v, &day))
      return fail(c, s, path, "must be a date YYYY-MM-DD, got \"%.60s\"", v);
  } else if (!fsim_text_is_identifier(v, cap) &&
             !((sp->flags & FSIM_F_DOTTED) && fsim_text_is_dotted_name(v, cap))) {
    return fail(c, s, path,
                "must be a name of letters, digits, '_' or '-' (1 to %zu characters), "
                "got \"%.60s\"",
                cap - 1, v);
  }
  memcpy(dst, v, strlen(v) + 1);
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
      fsim_status st = check_range(c, s, path, sp, (double)v);
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
      fsim_status st = check_range(c, s, path, sp, v);
      if (st != FSIM_OK) return st;
      *(double *)p = v;
      return FSIM_OK;
    }
    case FSIM_K_ENUM: {
      if (config_setting_type(s) != CONFIG_TYPE_STRING) {
        char expected[160];
        snprintf(expected, sizeof expected, "one of the strings %s", sp->choices);
        return wrong_type(c, s, path, expected);
      }
      const char *v = config_setting_get_string(s);
      int idx = fsim_choice_index(sp->choices, v);
      if (idx < 0) {
        char near[64];
        const char *hint = nearest_choice(sp->choices, v, near, sizeof near);
        return fail(c, s, path, "must be one of %s, got \"%.60s\"%s%s%s", sp->choices, v,
                    hint ? " (did you mean \"" : "", hint ? hint : "", hint ? "\"?)" : "");
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
  const fsim_spec *vspec = g->variant_spec >= 0 ? &g->specs[g->variant_spec] : NULL;
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
      const char *near = key ? nearest_key(g, variant, key) : NULL;
      if (near) return fail(c, e, sub, "unknown setting '%s'; did you mean '%s'?", key, near);
      char keys[512];
      list_keys(g, variant, keys, sizeof keys);
      return fail(c, e, sub, "unknown setting '%s'; known here: %s", key ? key : "?", keys);
    }
    if (!fsim_spec_applies(sp, variant)) {
      char vname[64];
      fsim_choice_name(vspec->choices, variant, vname, sizeof vname);
      return fail(c, e, sub, "'%s' does not apply to a %s of %s \"%s\"", key, "rule",
                  vspec->key, vname);
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

/* ---- entry points ------------------------------------------------------- */

static fsim_status read_config(config_t *cfg, const char *path, const char *text,
                               const char *name, fsim_error *err) {
  int ok;
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
  if (ok == CONFIG_TRUE) return FSIM_OK;
  const char *file = config_error_file(cfg);
  if (config_error_type(cfg) == CONFIG_ERR_FILE_IO)
    return fsim_error_set(err, FSIM_E_INPUT, file ? file : name, 0, "",
                          "cannot read the scenario file");
  return fsim_error_set(err, FSIM_E_INPUT, file ? file : name, config_error_line(cfg), "",
                        "syntax error: %s", config_error_text(cfg));
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
