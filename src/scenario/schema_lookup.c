/* Lookups in the settings table (schema.h): a key in a group, a --set path, a rule
 * variant, an enum's name. Kept apart from the table itself (schema.c). */
#include <string.h>

#include "schema.h"
#include "scenario_internal.h"
#include "setting_path.h"

const fsim_spec *fsim_schema_find(const fsim_group *g, const char *key) {
  for (size_t i = 0; i < g->nspecs; i++)
    if (strcmp(g->specs[i].key, key) == 0) return &g->specs[i];
  return NULL;
}

/* Walks the table along a --set style path: list elements are skipped whether
 * named by index or by name. */
const fsim_spec *fsim_schema_lookup_path(const char *path) {
  fsim_setting_path segs;
  if (fsim_setting_path_split(&segs, path) != FSIM_PATH_OK) return NULL;
  const fsim_group *g = &fsim_schema_root;
  const fsim_spec *sp = NULL;
  int in_list = 0;
  for (int i = 0; i < segs.n; i++) {
    const char *seg = segs.seg[i];
    if (in_list) { /* "[i]" or an element's name */
      in_list = 0;
      continue;
    }
    if (!g) return NULL;
    sp = fsim_schema_find(g, seg);
    if (!sp) return NULL;
    in_list = sp->kind == FSIM_K_LIST;
    g = sp->group;
  }
  return in_list ? NULL : sp;
}

int fsim_spec_applies(const fsim_spec *s, int variant) {
  if (s->variants == 0 || variant < 0) return 1;
  return (s->variants >> variant) & 1u;
}

const char *fsim_spec_enum_name(const fsim_spec *sp, int v) {
  const char *name = fsim_enum_name_of(sp->names, sp->nnames, v);
  return name ? name : "?";
}
