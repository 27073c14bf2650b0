/* The settings held with a count at count_offset: kind NUMLIST (an array of
 * numbers), read and checked by the loader, written by the effective scenario;
 * and what the counted kinds share in their rows (REFLIST, NUMLIST, LIST: absent
 * is none, none is unset), with the LIST and GROUP rows' own default and unset
 * test (an optional group's count is its present flag). Groups and lists
 * themselves are loaded and written by the passes, which recurse into them
 * (walk.c, write.c); the rows of kinds.c point here, and nothing here calls the
 * passes, only the loader's messages (walk.h). */
#include <libconfig.h>
#include <math.h>
#include <stdio.h>

#include "kinds.h"
#include "scenario_internal.h"
#include "schema.h"
#include "text.h"
#include "walk.h"

/* ---- NUMLIST ---------------------------------------------------------------- */

fsim_status fsim_load_numlist(fsim_walk *c, const config_setting_t *s, const fsim_spec *sp,
                              void *obj, const char *path) {
  double *values = (double *)((char *)obj + sp->offset);
  int *count = (int *)((char *)obj + sp->count_offset);
  *count = 0;
  if (!s) return FSIM_OK;
  if (!config_setting_is_array(s) && !config_setting_is_list(s))
    return fsim_walk_wrong_type(c, s, path, "an array of numbers [ 1.0, 2.0 ]");
  int n = config_setting_length(s);
  if (n > FSIM_MAX_VALUES)
    return fsim_walk_fail(c, s, path, "at most %d values, got %d", FSIM_MAX_VALUES, n);
  for (int i = 0; i < n; i++) {
    char sub[FSIM_ERROR_PLACE];
    snprintf(sub, sizeof sub, "%s.[%d]", path, i);
    const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
    if (!fsim_walk_is_number(e)) return fsim_walk_wrong_type(c, e, sub, "a number");
    values[i] = fsim_walk_number_of(e);
    if (!isfinite(values[i])) return fsim_walk_fail(c, e, sub, "must be a finite number");
  }
  *count = n;
  return FSIM_OK;
}

void fsim_write_numlist(FILE *out, const fsim_spec *sp, const void *obj) {
  const double *v = (const double *)(const void *)((const char *)obj + sp->offset);
  int n = fsim_count_of(sp, obj);
  char buf[64];
  fputc('[', out);
  for (int i = 0; i < n; i++) {
    fsim_text_double(v[i], 1, buf, sizeof buf);
    fprintf(out, "%s%s", i ? ", " : "", buf);
  }
  fputc(']', out);
}

/* ---- counted kinds, lists and groups: absent and unset --------------------- */

void fsim_default_counted(const fsim_spec *sp, void *obj) {
  *(int *)((char *)obj + sp->count_offset) = 0;
}

void fsim_default_list(const fsim_spec *sp, void *obj) {
  *(void **)((char *)obj + sp->offset) = NULL;
  *(int *)((char *)obj + sp->count_offset) = 0;
}

void fsim_default_group(const fsim_spec *sp, void *obj) {
  (void)sp; /* an absent group is filled by the walker (walk.c) */
  (void)obj;
}

int fsim_unset_counted(const fsim_spec *sp, const void *obj) {
  return fsim_count_of(sp, obj) == 0;
}

int fsim_unset_group(const fsim_spec *sp, const void *obj) {
  return sp->count_offset && fsim_count_of(sp, obj) == 0;
}
