/* The numbers of the settings table, kinds INT, INT64 and FLOAT: how each is read
 * and range-checked by the loader, what it holds when absent, when an optional one
 * is unset, how the effective scenario writes it and how the settings reference
 * shows its type and default. The rows of kinds.c point here; nothing here calls
 * the passes (walk.c, write.c, settings_doc.c), only the loader's messages
 * (walk.h). */
#include <inttypes.h>
#include <libconfig.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>

#include "kinds.h"
#include "schema.h"
#include "text.h"
#include "walk.h"

/* ---- the loader: read and range-checked ----------------------------------- */

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
static fsim_status check_range(fsim_walk *c, const config_setting_t *s, const char *path,
                               const fsim_spec *sp, double v, const char *got) {
  char lo[64], hi[64];
  int integral = sp->kind == FSIM_K_INT || sp->kind == FSIM_K_INT64;
  number_text(sp->min, integral, lo, sizeof lo);
  number_text(sp->max, integral, hi, sizeof hi);
  if (!isfinite(v)) return fsim_walk_fail(c, s, path, "must be a finite number, got %s", got);
  int low_excl = (sp->flags & FSIM_F_MIN_EXCL) != 0;
  int high_excl = (sp->flags & FSIM_F_MAX_EXCL) != 0;
  if (low_excl ? !(v > sp->min) : !(v >= sp->min))
    return fsim_walk_fail(c, s, path, "must be %s %s, got %s", low_excl ? ">" : ">=", lo, got);
  if (high_excl ? !(v < sp->max) : !(v <= sp->max))
    return fsim_walk_fail(c, s, path, "must be %s %s, got %s", high_excl ? "<" : "<=", hi, got);
  if ((sp->flags & FSIM_F_WHOLE) && v != floor(v))
    return fsim_walk_fail(c, s, path, "must be a whole number of persons, got %s", got);
  return FSIM_OK;
}

fsim_status fsim_load_integer(fsim_walk *c, const config_setting_t *s, const fsim_spec *sp,
                              void *obj, const char *path) {
  char *p = (char *)obj + sp->offset;
  int t = config_setting_type(s);
  if (t != CONFIG_TYPE_INT && t != CONFIG_TYPE_INT64)
    return fsim_walk_wrong_type(c, s, path, "an integer");
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

fsim_status fsim_load_float(fsim_walk *c, const config_setting_t *s, const fsim_spec *sp, void *obj,
                            const char *path) {
  if (!fsim_walk_is_number(s)) return fsim_walk_wrong_type(c, s, path, "a number");
  double v = fsim_walk_number_of(s);
  char got[64];
  if (config_setting_type(s) == CONFIG_TYPE_FLOAT)
    fsim_text_double(v, 0, got, sizeof got);
  else
    snprintf(got, sizeof got, "%lld", config_setting_type(s) == CONFIG_TYPE_INT
                                          ? (long long)config_setting_get_int(s)
                                          : config_setting_get_int64(s));
  fsim_status st = check_range(c, s, path, sp, v, got);
  if (st != FSIM_OK) return st;
  *(double *)((char *)obj + sp->offset) = v;
  return FSIM_OK;
}

/* ---- absent: the default; optional: unset -------------------------------- */

void fsim_default_int(const fsim_spec *sp, void *obj) {
  *(int *)((char *)obj + sp->offset) = (int)sp->def;
}

void fsim_default_int64(const fsim_spec *sp, void *obj) {
  *(int64_t *)((char *)obj + sp->offset) = (int64_t)sp->def;
}

void fsim_default_float(const fsim_spec *sp, void *obj) {
  *(double *)((char *)obj + sp->offset) = sp->def;
}

int fsim_unset_int(const fsim_spec *sp, const void *obj) {
  return *(const int *)((const char *)obj + sp->offset) == (int)sp->def;
}

int fsim_unset_float(const fsim_spec *sp, const void *obj) {
  /* NaN, or an optional setting's default (a version-2 setting left at its neutral
     value is not written, so the file stays loadable as the version it is). */
  const double v = *(const double *)(const void *)((const char *)obj + sp->offset);
  return isnan(v) || v == sp->def;
}

/* ---- the effective scenario ----------------------------------------------- */

void fsim_write_int(FILE *out, const fsim_spec *sp, const void *obj) {
  fprintf(out, "%d", *(const int *)((const char *)obj + sp->offset));
}

void fsim_write_int64(FILE *out, const fsim_spec *sp, const void *obj) {
  int64_t v = *(const int64_t *)(const void *)((const char *)obj + sp->offset);
  /* libconfig needs the L suffix beyond 32 bits. */
  fprintf(out, "%" PRId64 "%s", v, (v > INT32_MAX || v < INT32_MIN) ? "L" : "");
}

void fsim_write_float(FILE *out, const fsim_spec *sp, const void *obj) {
  double v = *(const double *)(const void *)((const char *)obj + sp->offset);
  char buf[64];
  if (sp->flags & FSIM_F_WHOLE) /* persons: written as integers, read back as numbers */
    snprintf(buf, sizeof buf, "%.0f", v);
  else
    fsim_text_double(v, 1, buf, sizeof buf);
  fputs(buf, out);
}

/* ---- the settings reference: type and default columns ------------------- */

void fsim_doc_type_float(const fsim_spec *sp, const char *doc_name, char *buf, size_t size) {
  snprintf(buf, size, "%s%s", doc_name, (sp->flags & FSIM_F_WHOLE) ? " (whole)" : "");
}

void fsim_doc_default_number(const fsim_spec *sp, char *buf, size_t size) {
  if ((sp->flags & FSIM_F_OPTIONAL) && (isnan(sp->def) || sp->kind != FSIM_K_FLOAT))
    snprintf(buf, size, "optional");
  else
    fsim_text_double(sp->def, 0, buf, size);
}
