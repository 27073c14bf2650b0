#include "config_path.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ORIGIN "--set"

const char *fsim_config_file(const config_setting_t *s, const char *fallback) {
  if (!s) return fallback;
  if (config_setting_source_line(s) == 0) return ORIGIN;
  const char *f = config_setting_source_file(s);
  return f ? f : fallback;
}

int fsim_config_line(const config_setting_t *s) {
  return s ? (int)config_setting_source_line(s) : 0;
}

/* "[12]" -> 12; -1 when seg is not an index. */
static int segment_index(const char *seg) {
  size_t n = strlen(seg);
  if (n < 3 || seg[0] != '[' || seg[n - 1] != ']') return -1;
  long v = 0;
  for (size_t i = 1; i + 1 < n; i++) {
    if (!isdigit((unsigned char)seg[i]) || v > 1000000) return -1;
    v = v * 10 + (seg[i] - '0');
  }
  return (int)v;
}

static config_setting_t *list_named(config_setting_t *list, const char *name) {
  int n = config_setting_length(list);
  for (int i = 0; i < n; i++) {
    config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
    const char *v = NULL;
    if (config_setting_is_group(e) && config_setting_lookup_string(e, "name", &v) &&
        strcmp(v, name) == 0)
      return e;
  }
  return NULL;
}

/* One step down from cur by seg; NULL when there is nothing there. */
static config_setting_t *step(config_setting_t *cur, const char *seg) {
  int idx = segment_index(seg);
  if (idx >= 0) {
    if (!config_setting_is_aggregate(cur)) return NULL;
    return config_setting_get_elem(cur, (unsigned)idx);
  }
  if (config_setting_is_group(cur)) return config_setting_get_member(cur, seg);
  if (config_setting_is_list(cur)) return list_named(cur, seg);
  return NULL;
}

config_setting_t *fsim_config_find(config_setting_t *root, const char *path) {
  char buf[512];
  if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf) return NULL;
  config_setting_t *cur = root;
  for (char *save = NULL, *seg = strtok_r(buf, ".", &save); seg && cur;
       seg = strtok_r(NULL, ".", &save))
    cur = step(cur, seg);
  return cur;
}

/* Deep copy of src's value into dst (same type). */
static int copy_value(config_setting_t *dst, const config_setting_t *src) {
  switch (config_setting_type(src)) {
    case CONFIG_TYPE_INT: return config_setting_set_int(dst, config_setting_get_int(src));
    case CONFIG_TYPE_INT64: return config_setting_set_int64(dst, config_setting_get_int64(src));
    case CONFIG_TYPE_FLOAT: return config_setting_set_float(dst, config_setting_get_float(src));
    case CONFIG_TYPE_BOOL: return config_setting_set_bool(dst, config_setting_get_bool(src));
    case CONFIG_TYPE_STRING:
      return config_setting_set_string(dst, config_setting_get_string(src));
    case CONFIG_TYPE_GROUP:
    case CONFIG_TYPE_LIST:
    case CONFIG_TYPE_ARRAY: {
      int n = config_setting_length(src);
      for (int i = 0; i < n; i++) {
        const config_setting_t *e = config_setting_get_elem(src, (unsigned)i);
        config_setting_t *c = config_setting_add(dst, config_setting_name(e),
                                                 config_setting_type(e));
        if (!c || !copy_value(c, e)) return CONFIG_FALSE;
      }
      return CONFIG_TRUE;
    }
    default: return CONFIG_FALSE;
  }
}

fsim_status fsim_config_assign(config_t *cfg, const char *path, const char *value,
                               fsim_error *err) {
  char buf[512];
  if (!path[0] || snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf)
    return fsim_error_set(err, FSIM_E_INPUT, ORIGIN, 0, path, "not a setting path");

  /* Parse the value as libconfig would; a bare word is a string. */
  config_t tmp;
  config_init(&tmp);
  size_t need = strlen(value) + 16;
  char *text = malloc(need > 64 ? need * 2 + 16 : 160);
  if (!text) {
    config_destroy(&tmp);
    return fsim_error_set(err, FSIM_E_NOMEM, ORIGIN, 0, path, "out of memory");
  }
  snprintf(text, need, "v = %s;", value);
  if (!value[0] || config_read_string(&tmp, text) != CONFIG_TRUE) {
    config_destroy(&tmp);
    config_init(&tmp);
    /* Quote it: escape backslashes and quotes. */
    char *q = text;
    q += sprintf(q, "v = \"");
    for (const char *p = value; *p; p++) {
      if (*p == '"' || *p == '\\') *q++ = '\\';
      *q++ = *p;
    }
    sprintf(q, "\";");
    if (config_read_string(&tmp, text) != CONFIG_TRUE) {
      free(text);
      config_destroy(&tmp);
      return fsim_error_set(err, FSIM_E_INPUT, ORIGIN, 0, path, "cannot read the value '%s'",
                            value);
    }
  }
  free(text);
  const config_setting_t *val = config_lookup(&tmp, "v");

  fsim_status st = FSIM_OK;
  config_setting_t *cur = config_root_setting(cfg);
  char *save = NULL;
  char *seg = strtok_r(buf, ".", &save);
  while (seg) {
    char *next = strtok_r(NULL, ".", &save);
    if (!next) break;
    config_setting_t *down = step(cur, seg);
    if (!down && config_setting_is_group(cur) && segment_index(seg) < 0)
      down = config_setting_add(cur, seg, CONFIG_TYPE_GROUP);
    if (!down) {
      st = fsim_error_set(err, FSIM_E_INPUT, ORIGIN, 0, path,
                          segment_index(seg) >= 0 ? "no element %s here"
                                                  : "no element named '%s' in this list",
                          seg);
      break;
    }
    cur = down;
    seg = next;
  }
  if (st == FSIM_OK) {
    if (!seg || segment_index(seg) >= 0 || !config_setting_is_group(cur)) {
      st = fsim_error_set(err, FSIM_E_INPUT, ORIGIN, 0, path,
                          "a --set path must end in the key of a setting inside a group");
    } else {
      config_setting_t *old = config_setting_get_member(cur, seg);
      if (old) config_setting_remove(cur, seg);
      config_setting_t *c = config_setting_add(cur, seg, config_setting_type(val));
      if (!c || !copy_value(c, val))
        st = fsim_error_set(err, FSIM_E_INPUT, ORIGIN, 0, path, "cannot set the value '%s'",
                            value);
    }
  }
  config_destroy(&tmp);
  return st;
}

fsim_status fsim_config_error(config_t *cfg, const char *fallback, fsim_error *err,
                              const char *path, const char *fmt, ...) {
  char probe[FSIM_ERROR_PLACE];
  snprintf(probe, sizeof probe, "%s", path);
  config_setting_t *s = NULL;
  while (probe[0] && !(s = fsim_config_find(config_root_setting(cfg), probe))) {
    char *dot = strrchr(probe, '.');
    if (dot)
      *dot = '\0';
    else
      probe[0] = '\0';
  }
  char msg[FSIM_ERROR_TEXT];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  return fsim_error_set(err, FSIM_E_INPUT, fsim_config_file(s, fallback), fsim_config_line(s),
                        path, "%s", msg);
}

static int add_float(config_setting_t *group, const char *key, double v) {
  config_setting_t *s = config_setting_add(group, key, CONFIG_TYPE_FLOAT);
  return s && config_setting_set_float(s, v);
}

fsim_status fsim_config_set_params(config_t *cfg, const char *const *specs, size_t n,
                                   fsim_error *err) {
  if (n == 0) return FSIM_OK;
  config_setting_t *root = config_root_setting(cfg);
  config_setting_t *sweep = config_setting_get_member(root, "sweep");
  if (!sweep) sweep = config_setting_add(root, "sweep", CONFIG_TYPE_GROUP);
  if (!sweep || !config_setting_is_group(sweep))
    return fsim_error_set(err, FSIM_E_INPUT, "--param", 0, "sweep", "sweep must be a group");
  if (config_setting_get_member(sweep, "parameters"))
    config_setting_remove(sweep, "parameters");
  config_setting_t *list = config_setting_add(sweep, "parameters", CONFIG_TYPE_LIST);
  for (size_t i = 0; list && i < n; i++) {
    const char *eq = strchr(specs[i], '=');
    char path[512];
    snprintf(path, sizeof path, "%.*s", (int)(eq - specs[i]), specs[i]);
    config_setting_t *g = config_setting_add(list, NULL, CONFIG_TYPE_GROUP);
    config_setting_t *ps = g ? config_setting_add(g, "path", CONFIG_TYPE_STRING) : NULL;
    if (!ps || !config_setting_set_string(ps, path))
      return fsim_error_set(err, FSIM_E_NOMEM, "--param", 0, "", "out of memory");
    double v[3];
    int k = 0, colon = strchr(eq, ':') != NULL;
    for (const char *p = eq + 1; *p && k < 3;) {
      char *end = NULL;
      double x = strtod(p, &end);
      if (colon) {
        v[k++] = x;
      } else {
        config_setting_t *vals = config_setting_get_member(g, "values");
        if (!vals) vals = config_setting_add(g, "values", CONFIG_TYPE_ARRAY);
        config_setting_t *e = vals ? config_setting_add(vals, NULL, CONFIG_TYPE_FLOAT) : NULL;
        if (!e || !config_setting_set_float(e, x))
          return fsim_error_set(err, FSIM_E_NOMEM, "--param", 0, "", "out of memory");
      }
      p = *end ? end + 1 : end;
    }
    if (colon) {
      int ok = add_float(g, "from", v[0]) && add_float(g, "to", v[1]);
      if (ok && k == 3) {
        config_setting_t *st = config_setting_add(g, "steps", CONFIG_TYPE_INT);
        ok = st && config_setting_set_int(st, (int)v[2]);
      }
      if (!ok) return fsim_error_set(err, FSIM_E_NOMEM, "--param", 0, "", "out of memory");
    }
  }
  return FSIM_OK;
}
