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

/* ---- VALUE: any one value or array, kept as --set text ------------------- */

/* Appends element e (a scalar) to buf in libconfig syntax; 0 when it is not one. */
static int put_scalar(const config_setting_t *e, char *buf, size_t size, size_t *used) {
  char num[64];
  const char *s;
  int w;
  switch (config_setting_type(e)) {
    case CONFIG_TYPE_INT: w = snprintf(buf + *used, size - *used, "%d", config_setting_get_int(e)); break;
    case CONFIG_TYPE_INT64:
      w = snprintf(buf + *used, size - *used, "%lldL", config_setting_get_int64(e));
      break;
    case CONFIG_TYPE_FLOAT:
      fsim_text_double(config_setting_get_float(e), 1, num, sizeof num);
      w = snprintf(buf + *used, size - *used, "%s", num);
      break;
    case CONFIG_TYPE_BOOL:
      w = snprintf(buf + *used, size - *used, "%s", config_setting_get_bool(e) ? "true" : "false");
      break;
    case CONFIG_TYPE_STRING:
      w = 0;
      if (*used + 1 < size) buf[*used + (size_t)w++] = '"';
      for (s = config_setting_get_string(e); *s && *used + (size_t)w + 3 < size; s++) {
        if (*s == '"' || *s == '\\') buf[*used + (size_t)w++] = '\\';
        buf[*used + (size_t)w++] = *s;
      }
      if (*s) return -1; /* too long */
      buf[*used + (size_t)w++] = '"';
      buf[*used + (size_t)w] = '\0';
      break;
    default: return 0;
  }
  if (w < 0 || (size_t)w >= size - *used) return -1;
  *used += (size_t)w;
  return 1;
}

fsim_status fsim_load_value(fsim_walk *c, const config_setting_t *s, const fsim_spec *sp,
                            void *obj, const char *path) {
  char *dst = (char *)obj + sp->offset;
  size_t used = 0;
  dst[0] = '\0';
  int ok;
  if (config_setting_is_array(s) || config_setting_is_list(s)) {
    int n = config_setting_length(s);
    ok = 1;
    dst[used++] = '[';
    for (int i = 0; i < n && ok > 0; i++) {
      if (i) used += (size_t)snprintf(dst + used, FSIM_TEXT_MAX - used, ", ");
      ok = used + 2 < FSIM_TEXT_MAX
               ? put_scalar(config_setting_get_elem(s, (unsigned)i), dst, FSIM_TEXT_MAX - 1, &used)
               : -1;
    }
    if (ok > 0) {
      dst[used++] = ']';
      dst[used] = '\0';
    }
  } else {
    ok = put_scalar(s, dst, FSIM_TEXT_MAX, &used);
  }
  if (ok == 0)
    return fsim_walk_wrong_type(c, s, path,
                                "one value (a number, string or boolean) or an array of them");
  if (ok < 0)
    return fsim_walk_fail(c, s, path, "the value is longer than %d characters",
                          FSIM_TEXT_MAX - 2);
  return FSIM_OK;
}

void fsim_write_value(FILE *out, const fsim_spec *sp, const void *obj) {
  fputs((const char *)obj + sp->offset, out);
}
