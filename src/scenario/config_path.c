/* Setting paths over a libconfig tree (config_path.h): finding, assigning (--set)
 * and replacing the sweep parameters (--param). */
#include "config_path.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_lex.h"
#include "param_spec.h"
#include "schema.h"
#include "setting_path.h"
#include "sources.h"

#define ORIGIN "--set"

/* The map of the expanded text the tree was parsed from (sources.h), which the
 * loader hangs on the root's hook; NULL for a tree read otherwise. */
static const fsim_sources *sources_of(const config_setting_t *s) {
  while (config_setting_parent(s)) s = config_setting_parent(s);
  return config_setting_get_hook(s);
}

/* Made by --param: below a sweep.parameters list that no file gave (--param
 * replaces the list whole; a --set into a file's list is below a list with a line). */
static int made_by_param(const config_setting_t *s) {
  for (; s && config_setting_parent(s); s = config_setting_parent(s)) {
    const config_setting_t *up = config_setting_parent(s);
    const char *name = config_setting_name(s), *up_name = config_setting_name(up);
    if (name && up_name && strcmp(name, "parameters") == 0 && strcmp(up_name, "sweep") == 0 &&
        !config_setting_parent(config_setting_parent(up)))
      return config_setting_source_line(s) == 0;
  }
  return 0;
}

const char *fsim_config_file(const config_setting_t *s, const char *fallback) {
  if (!s) return fallback;
  /* The root has no line of its own, but it is the file, not an override. */
  if (!config_setting_parent(s)) return fallback;
  if (config_setting_source_line(s) == 0) return made_by_param(s) ? "--param" : ORIGIN;
  const fsim_sources *src = sources_of(s);
  int line = 0;
  const char *f = src ? fsim_sources_place(src, (int)config_setting_source_line(s), &line) : NULL;
  if (f) return f;
  f = config_setting_source_file(s);
  return f ? f : fallback;
}

int fsim_config_line(const config_setting_t *s) {
  if (!s) return 0;
  int line = (int)config_setting_source_line(s), mapped = 0;
  const fsim_sources *src = line ? sources_of(s) : NULL;
  return src && fsim_sources_place(src, line, &mapped) ? mapped : line;
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
  int idx = fsim_setting_path_index(seg);
  if (idx >= 0) {
    if (!config_setting_is_aggregate(cur) || idx >= config_setting_length(cur)) return NULL;
    return config_setting_get_elem(cur, (unsigned)idx);
  }
  if (config_setting_is_group(cur)) return config_setting_get_member(cur, seg);
  if (config_setting_is_list(cur)) return list_named(cur, seg);
  return NULL;
}

config_setting_t *fsim_config_find(config_setting_t *root, const char *path) {
  fsim_setting_path sp;
  if (fsim_setting_path_split(&sp, path) != FSIM_PATH_OK) return NULL;
  config_setting_t *cur = root;
  for (int i = 0; i < sp.n && cur; i++) cur = step(cur, sp.seg[i]);
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

/* Why `seg` leads nowhere from `cur` (reached by the path `walked`). */
static fsim_status no_such(config_setting_t *cur, const char *walked, const char *seg,
                           const char *path, fsim_error *err) {
  const char *where = walked[0] ? walked : "the top level";
  int n = config_setting_is_aggregate(cur) ? config_setting_length(cur) : 0;
  if (!config_setting_is_aggregate(cur))
    return fsim_error_set(err, FSIM_E_INPUT, ORIGIN, 0, path,
                          "%s is a single value; nothing lies below it", where);
  if (fsim_setting_path_index(seg) >= 0) {
    if (n == 0)
      return fsim_error_set(err, FSIM_E_INPUT, ORIGIN, 0, path, "%s is empty: no element %s",
                            where, seg);
    return fsim_error_set(err, FSIM_E_INPUT, ORIGIN, 0, path,
                          "%s has no element %s (it has %d: [0] to [%d])", where, seg, n,
                          n - 1);
  }
  char names[200] = "";
  size_t used = 0;
  for (int i = 0; i < n && used < sizeof names; i++) {
    const char *v = NULL;
    config_setting_t *e = config_setting_get_elem(cur, (unsigned)i);
    if (!config_setting_is_group(e) || !config_setting_lookup_string(e, "name", &v)) continue;
    int k = snprintf(names + used, sizeof names - used, "%s%s", used ? ", " : "", v);
    if (k > 0) used += (size_t)k;
  }
  return fsim_error_set(err, FSIM_E_INPUT, ORIGIN, 0, path,
                        "%s has no element named \"%s\"%s%s%s", where, seg,
                        names[0] ? " (names: " : "", names, names[0] ? ")" : "");
}

/* libconfig 1.5 reads a plain integer beyond 32 bits wrapped (atoi); a value on
 * the command line such as a seed of 11 digits is meant as a 64-bit integer. */
static int wide_integer(const char *value, long long *out) {
  const char *p = value;
  if (*p == '-' || *p == '+') p++;
  if (!*p) return 0;
  for (const char *q = p; *q; q++)
    if (!isdigit((unsigned char)*q)) return 0;
  errno = 0;
  long long v = strtoll(value, NULL, 10);
  if (errno != ERANGE && v >= INT_MIN && v <= INT_MAX) return 0;
  *out = v;
  return errno == ERANGE ? -1 : 1;
}

fsim_status fsim_config_assign(config_t *cfg, const char *path, const char *value,
                               fsim_error *err) {
  fsim_setting_path segs;
  const int split = fsim_setting_path_split(&segs, path);
  if (split == FSIM_PATH_EMPTY_KEY && path[0])
    return fsim_error_set(err, FSIM_E_INPUT, ORIGIN, 0, path,
                          "not a setting path: a key is empty (a '.' at an end, or two dots)");
  if (split != FSIM_PATH_OK)
    return fsim_error_set(err, FSIM_E_INPUT, ORIGIN, 0, path, "not a setting path");
  long long wide = 0;
  int w = wide_integer(value, &wide);
  if (w < 0) return fsim_lex_refuse_beyond64(err, ORIGIN, 0, path, value);
  /* One value per --set: a line break would let libconfig read an @include. */
  if (strpbrk(value, "\r\n"))
    return fsim_error_set(err, FSIM_E_INPUT, ORIGIN, 0, path,
                          "expected a value on one line, found a line break in '%.60s'", value);

  /* Parse the value as libconfig would; a bare word is a string. */
  config_t tmp;
  config_init(&tmp);
  size_t need = strlen(value) + 16;
  char *text = malloc(need > 64 ? need * 2 + 16 : 160);
  if (!text) {
    config_destroy(&tmp);
    return fsim_error_set(err, FSIM_E_NOMEM, ORIGIN, 0, path, "out of memory");
  }
  snprintf(text, need, "v = %s%s;", value, w > 0 ? "L" : "");
  if (!value[0] || !fsim_lex_strings_in_place(value) || config_read_string(&tmp, text) != CONFIG_TRUE) {
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
  /* "1; days=2" reads as two settings: the second would be dropped without a word. */
  if (config_setting_length(config_root_setting(&tmp)) != 1) {
    config_destroy(&tmp);
    return fsim_error_set(err, FSIM_E_INPUT, ORIGIN, 0, path,
                          "expected one value, found more after it in '%.100s' (give each "
                          "setting its own --set)",
                          value);
  }
  const config_setting_t *val = config_lookup(&tmp, "v");

  fsim_status st = FSIM_OK;
  config_setting_t *cur = config_root_setting(cfg);
  char walked[512] = "";
  int at = 0;
  char *seg = segs.seg[0];
  while (seg) {
    char *next = at + 1 < segs.n ? segs.seg[at + 1] : NULL;
    if (!next) break;
    config_setting_t *down = step(cur, seg);
    /* The index just past a list's end adds an element (a group), so that a what-if can
       add a rule or a formation; its settings follow, each by its own --set. */
    if (!down && config_setting_is_list(cur) &&
        fsim_setting_path_index(seg) == config_setting_length(cur))
      down = config_setting_add(cur, NULL, CONFIG_TYPE_GROUP);
    if (!down && config_setting_is_group(cur) && fsim_setting_path_index(seg) < 0) {
      /* Create the missing group (an optional one such as held_area), unless the
       * settings table says this is not a group: then the path itself is wrong. */
      char here[512];
      snprintf(here, sizeof here, "%s%s%s", walked, walked[0] ? "." : "", seg);
      const fsim_spec *sp = fsim_schema_lookup_path(here);
      if (!sp) { /* the lookup answers for an element of a list, not for the list */
        char elem[520];
        snprintf(elem, sizeof elem, "%s.[0]", here);
        sp = fsim_schema_lookup_path(elem);
        if (sp && sp->kind != FSIM_K_LIST) sp = NULL;
      }
      if (sp && sp->kind == FSIM_K_LIST) {
        st = fsim_error_set(err, FSIM_E_INPUT, ORIGIN, 0, path,
                            "%s is not in the scenario; --set adds elements to a list "
                            "the scenario has, not the list itself",
                            here);
        break;
      }
      if (sp && sp->kind != FSIM_K_GROUP) {
        st = fsim_error_set(err, FSIM_E_INPUT, ORIGIN, 0, path,
                            "%s is a single value; nothing lies below it", here);
        break;
      }
      down = config_setting_add(cur, seg, CONFIG_TYPE_GROUP);
    }
    if (!down) {
      st = no_such(cur, walked, seg, path, err);
      break;
    }
    size_t used = strlen(walked);
    snprintf(walked + used, sizeof walked - used, "%s%s", used ? "." : "", seg);
    cur = down;
    seg = next;
    at++;
  }
  if (st == FSIM_OK) {
    if (!config_setting_is_aggregate(cur)) {
      st = no_such(cur, walked, seg, path, err);
    } else if (!config_setting_is_group(cur) || fsim_setting_path_index(seg) >= 0) {
      st = fsim_error_set(err, FSIM_E_INPUT, ORIGIN, 0, path,
                          "a --set path must end in the key of a setting, not in a list "
                          "element (e.g. %s.%s.name)",
                          walked[0] ? walked : "sectors", seg);
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

static int add_string(config_setting_t *group, const char *key, const char *v) {
  if (!v[0]) return 1; /* not given */
  config_setting_t *s = config_setting_add(group, key, CONFIG_TYPE_STRING);
  return s && config_setting_set_string(s, v);
}

/* Parameter group g (element i of sweep.parameters) from a spec read by
 * fsim_param_spec_read. A level's value is read as --set reads a value. */
static fsim_status no_memory(fsim_error *err) {
  return fsim_error_set(err, FSIM_E_NOMEM, "--param", 0, "", "out of memory");
}

static fsim_status add_param(config_t *cfg, config_setting_t *g, int i, const fsim_param_spec *p,
                             fsim_error *err) {
  /* "p1,p2": linked paths, an array; one path stays a string. */
  if (strchr(p->path, ',')) {
    config_setting_t *paths = config_setting_add(g, "path", CONFIG_TYPE_ARRAY);
    char copy[sizeof p->path];
    snprintf(copy, sizeof copy, "%s", p->path);
    for (char *save = NULL, *one = strtok_r(copy, ",", &save); paths && one;
         one = strtok_r(NULL, ",", &save)) {
      config_setting_t *e = config_setting_add(paths, NULL, CONFIG_TYPE_STRING);
      if (!e || !config_setting_set_string(e, one)) return no_memory(err);
    }
    if (!paths) return no_memory(err);
  } else if (!add_string(g, "path", p->path)) {
    return no_memory(err);
  }
  if (!add_string(g, "label", p->label) || !add_string(g, "unit", p->unit))
    return no_memory(err);
  if (p->nlevels > 0) {
    config_setting_t *levels = config_setting_add(g, "levels", CONFIG_TYPE_LIST);
    for (int l = 0; levels && l < p->nlevels; l++) {
      config_setting_t *lv = config_setting_add(levels, NULL, CONFIG_TYPE_GROUP);
      if (!lv || !add_string(lv, "name", p->levels[l].name)) return no_memory(err);
      char at[96];
      snprintf(at, sizeof at, "sweep.parameters.[%d].levels.[%d].value", i, l);
      fsim_status st = fsim_config_assign(cfg, at, p->levels[l].value, err);
      if (st != FSIM_OK) { /* named as the user gave it */
        snprintf(err->file, sizeof err->file, "--param");
        snprintf(err->path, sizeof err->path, "%s", p->path);
        return st;
      }
    }
    return levels ? FSIM_OK : no_memory(err);
  }
  if (p->range) {
    if (!add_float(g, "from", p->from) || !add_float(g, "to", p->to)) return no_memory(err);
    config_setting_t *st = p->steps ? config_setting_add(g, "steps", CONFIG_TYPE_INT) : NULL;
    return !p->steps || (st && config_setting_set_int(st, p->steps)) ? FSIM_OK : no_memory(err);
  }
  config_setting_t *vals = config_setting_add(g, "values", CONFIG_TYPE_ARRAY);
  for (int k = 0; vals && k < p->nvalues; k++) {
    config_setting_t *e = config_setting_add(vals, NULL, CONFIG_TYPE_FLOAT);
    if (!e || !config_setting_set_float(e, p->values[k])) return no_memory(err);
  }
  return vals ? FSIM_OK : no_memory(err);
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
  if (!list) return fsim_error_set(err, FSIM_E_NOMEM, "--param", 0, "", "out of memory");
  for (size_t i = 0; i < n; i++) {
    fsim_param_spec p;
    fsim_status st = fsim_param_spec_read(specs[i], &p, err);
    if (st != FSIM_OK) return st;
    config_setting_t *g = config_setting_add(list, NULL, CONFIG_TYPE_GROUP);
    st = g ? add_param(cfg, g, (int)i, &p, err)
           : fsim_error_set(err, FSIM_E_NOMEM, "--param", 0, "", "out of memory");
    fsim_param_spec_free(&p);
    if (st != FSIM_OK) return st;
  }
  return FSIM_OK;
}
