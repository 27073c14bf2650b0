/* The schema walker: fills the scenario structs from a libconfig tree by walking
 * the settings table (schema.c), checking every value's type and range as it goes
 * and reporting the first problem as file:line: path: message (walk.h). It recurses
 * into groups and lists itself; every other setting is read by its kind's row
 * (kinds.c). Name resolution and checks across settings follow in resolve.c. */
#include <libconfig.h>
#include <stdio.h>
#include <stdlib.h>

#include "kinds.h"
#include "scenario_internal.h"
#include "scenario_load.h"
#include "schema.h"
#include "text.h"
#include "walk.h"

/* Most elements of a list of groups: far beyond any real scenario, short of memory
 * trouble from a generated one. */
#define LIST_MAX 10000

static fsim_status fill_group(fsim_walk *c, const config_setting_t *s, const fsim_group *g,
                              void *obj, const char *path);

static void join(char *out, size_t size, const char *path, const char *key) {
  snprintf(out, size, "%s%s%s", path, path[0] ? "." : "", key);
}

/* Nearest key of g to `key` among those applicable to variant (or, with
 * any_variant, among all keys), or NULL if none is close. */
static const char *nearest_key(const fsim_group *g, int variant, int any_variant,
                               const char *key) {
  fsim_nearest n;
  fsim_nearest_init(&n, key);
  for (size_t i = 0; i < g->nspecs; i++)
    if (any_variant || fsim_spec_applies(&g->specs[i], variant))
      fsim_nearest_offer(&n, g->specs[i].key);
  return fsim_nearest_result(&n);
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

static fsim_status fill_list(fsim_walk *c, const config_setting_t *s, const fsim_spec *sp,
                             void *obj, const char *path) {
  void **slot = (void **)((char *)obj + sp->offset);
  int *count = (int *)((char *)obj + sp->count_offset);
  *slot = NULL;
  *count = 0;
  if (!s) return FSIM_OK;
  if (!config_setting_is_list(s)) {
    if (config_setting_is_array(s) && config_setting_length(s) == 0) return FSIM_OK;
    return fsim_walk_wrong_type(c, s, path, "a list ( { ... }, ... )");
  }
  int n = config_setting_length(s);
  if (n > LIST_MAX) return fsim_walk_fail(c, s, path, "at most %d elements, got %d", LIST_MAX, n);
  if (n == 0) return FSIM_OK;
  char *items = calloc((size_t)n, sp->group->elem_size);
  if (!items) return fsim_error_set(c->err, FSIM_E_NOMEM, c->name, 0, path, "out of memory");
  *slot = items;
  *count = n; /* set now so the caller frees what was filled, even on failure */
  for (int i = 0; i < n; i++) {
    char sub[FSIM_ERROR_PLACE];
    snprintf(sub, sizeof sub, "%s.[%d]", path, i);
    const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
    if (!config_setting_is_group(e)) return fsim_walk_wrong_type(c, e, sub, "a group { ... }");
    fsim_status st = fill_group(c, e, sp->group, items + (size_t)i * sp->group->elem_size, sub);
    if (st != FSIM_OK) return st;
  }
  return FSIM_OK;
}

/* ---- absent settings: their defaults -------------------------------------- */

static void set_default(const fsim_spec *sp, void *obj) {
  fsim_kind_ops_of(sp->kind)->set_default(sp, obj);
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

/* ---- present settings: groups and lists; the other kinds by their row ------- */

static fsim_status load_list(fsim_walk *c, const config_setting_t *parent,
                             const config_setting_t *s, const fsim_spec *sp, void *obj,
                             const char *path) {
  if (!s && (sp->flags & FSIM_F_REQUIRED))
    return fsim_walk_fail(c, parent, path, "missing required setting '%s'", sp->key);
  return fill_list(c, s, sp, obj, path);
}

static fsim_status load_group(fsim_walk *c, const config_setting_t *parent,
                              const config_setting_t *s, const fsim_spec *sp, void *obj,
                              const char *path) {
  char *p = (char *)obj + sp->offset;
  int *present = sp->count_offset ? (int *)((char *)obj + sp->count_offset) : NULL;
  if (!s) {
    if (sp->flags & FSIM_F_REQUIRED)
      return fsim_walk_fail(c, parent, path, "missing required group '%s'", sp->key);
    if (present) {
      *present = 0;
      set_group_defaults(sp->group, p); /* unused, but deterministic */
      return FSIM_OK;
    }
    return fill_group(c, NULL, sp->group, p, path);
  }
  if (!config_setting_is_group(s)) return fsim_walk_wrong_type(c, s, path, "a group { ... }");
  if (present) *present = 1;
  return fill_group(c, s, sp->group, p, path);
}

/* A setting of any kind: groups and lists are this file's (they recurse), the
 * other kinds their row's; absent ones of those are required or take their
 * default. */
static fsim_status fill_value(fsim_walk *c, const config_setting_t *parent,
                              const config_setting_t *s, const fsim_spec *sp, void *obj,
                              const char *path) {
  if (sp->kind == FSIM_K_GROUP) return load_group(c, parent, s, sp, obj, path);
  if (sp->kind == FSIM_K_LIST) return load_list(c, parent, s, sp, obj, path);
  if (!s) {
    if (sp->flags & FSIM_F_REQUIRED)
      return fsim_walk_fail(c, parent, path, "missing required setting '%s'", sp->key);
    set_default(sp, obj);
    return FSIM_OK;
  }
  return fsim_kind_ops_of(sp->kind)->load(c, s, sp, obj, path);
}

static fsim_status fill_group(fsim_walk *c, const config_setting_t *s, const fsim_group *g,
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
      if (near)
        return fsim_walk_fail(c, e, sub, "unknown setting '%s'; did you mean '%s'?", key, near);
      /* A key of another kind of rule ("donor" in a transfer) is worth naming too. */
      near = key && vspec ? nearest_key(g, variant, 1, key) : NULL;
      if (near) {
        char vnames[128];
        fsim_walk_names_text(vspec, fsim_schema_find(g, near), vnames, sizeof vnames);
        return fsim_walk_fail(c, e, sub,
                              "unknown setting '%s'; did you mean '%s' (only in a rule of %s %s)?",
                              key, near, vspec->key, vnames);
      }
      /* `days = 30;` at the top level belongs in run: say where it goes. */
      for (size_t k = 0; key && k < g->nspecs; k++) {
        const fsim_spec *gs = &g->specs[k];
        if (gs->kind == FSIM_K_GROUP && fsim_schema_find(gs->group, key)) {
          char there[FSIM_ERROR_PLACE];
          join(there, sizeof there, path, gs->key);
          return fsim_walk_fail(c, e, sub, "unknown setting '%s' here; did you mean '%s.%s'?", key,
                                there, key);
        }
      }
      char keys[512];
      list_keys(g, variant, keys, sizeof keys);
      return fsim_walk_fail(c, e, sub, "unknown setting '%s'; known here: %s", key ? key : "?",
                            keys);
    }
    if (sp->since > c->version) {
      char what[96];
      snprintf(what, sizeof what, "the setting '%s'", key);
      return fsim_walk_too_new(c, e, sub, what, sp->since);
    }
    if (!fsim_spec_applies(sp, variant)) {
      char vnames[128];
      fsim_walk_names_text(vspec, sp, vnames, sizeof vnames);
      return fsim_walk_fail(c, e, sub, "'%s' does not apply to a rule of %s \"%s\" (only to %s)",
                            key, vspec->key, fsim_spec_enum_name(vspec, variant), vnames);
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

fsim_status fsim_walk_scenario(const config_setting_t *root, const char *name,
                               fsim_scenario *sc, fsim_error *err) {
  /* The version first: it says which settings the file may use. Its range is checked
     as the walk reads it; a value out of range here only stays below every `since`. */
  int version = 1;
  const config_setting_t *v = config_setting_get_member(root, "version");
  if (v && config_setting_type(v) == CONFIG_TYPE_INT) version = config_setting_get_int(v);
  fsim_walk c = {name, err, version};
  return fill_group(&c, root, &fsim_schema_root, sc, "");
}
