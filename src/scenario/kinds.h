/* What each kind of setting does, in one row per kind (kinds.c): how the loader
 * (walk.c) reads it from the tree and what it holds when absent, how the
 * effective-scenario writer (write.c) writes it, and how the settings reference
 * (settings_doc.c) documents it. The table puts a kind's behaviour side by side;
 * the functions live in files by family of kinds (kind_number.c, kind_text.c,
 * kind_array.c), which the passes reach only through the table and which never
 * call the passes. Groups and lists, which recurse, are the passes' own: their
 * rows are marked structural and have no load or write. */
#ifndef FRONTSIM_KINDS_H
#define FRONTSIM_KINDS_H

#include <libconfig.h>
#include <stdio.h>

#include "frontsim/error.h"
#include "schema.h"

typedef struct fsim_walk fsim_walk; /* the loader's context (walk.h) */

/* Reads setting s (present) of the table's sp into obj. */
typedef fsim_status (*fsim_load_fn)(fsim_walk *w, const config_setting_t *s, const fsim_spec *sp,
                                    void *obj, const char *path);

typedef struct fsim_kind_ops {
  /* A group or a list of groups: loaded and written by the passes themselves
   * (walk.c, write.c), which recurse into it; load and write are NULL. */
  int structural;
  fsim_load_fn load;
  void (*set_default)(const fsim_spec *sp, void *obj); /* an absent setting's value */
  /* Is an optional setting unset, and so left out of the written scenario? NULL:
   * never. */
  int (*is_unset)(const fsim_spec *sp, const void *obj);
  void (*write)(FILE *out, const fsim_spec *sp, const void *obj); /* its value */
  const char *doc_name; /* the type column of the reference */
  /* The type column when it says more than doc_name (NULL: doc_name). */
  void (*doc_type)(const fsim_spec *sp, const char *doc_name, char *buf, size_t size);
  /* The default column of a setting that is not required. */
  void (*doc_default)(const fsim_spec *sp, char *buf, size_t size);
  int numeric; /* has a valid range (min, max) */
} fsim_kind_ops;

/* The row of kind k. */
const fsim_kind_ops *fsim_kind_ops_of(fsim_kind k);

/* The int at count_offset: the count of a REFLIST, NUMLIST or LIST, the present
 * flag of an optional GROUP. */
static inline int fsim_count_of(const fsim_spec *sp, const void *obj) {
  return *(const int *)((const char *)obj + sp->count_offset);
}

/* kind_number.c: INT, INT64, FLOAT */
fsim_status fsim_load_integer(fsim_walk *w, const config_setting_t *s, const fsim_spec *sp,
                              void *obj, const char *path);
fsim_status fsim_load_float(fsim_walk *w, const config_setting_t *s, const fsim_spec *sp, void *obj,
                            const char *path);
void fsim_default_int(const fsim_spec *sp, void *obj); /* also ENUM's */
void fsim_default_int64(const fsim_spec *sp, void *obj);
void fsim_default_float(const fsim_spec *sp, void *obj);
int fsim_unset_int(const fsim_spec *sp, const void *obj);
int fsim_unset_float(const fsim_spec *sp, const void *obj);
void fsim_write_int(FILE *out, const fsim_spec *sp, const void *obj);
void fsim_write_int64(FILE *out, const fsim_spec *sp, const void *obj);
void fsim_write_float(FILE *out, const fsim_spec *sp, const void *obj);
void fsim_doc_type_float(const fsim_spec *sp, const char *doc_name, char *buf, size_t size);
void fsim_doc_default_number(const fsim_spec *sp, char *buf, size_t size);

/* kind_text.c: TEXT, NAME, REF, DATE, ENUM, REFLIST, TEXTS */
fsim_status fsim_load_text(fsim_walk *w, const config_setting_t *s, const fsim_spec *sp, void *obj,
                           const char *path);
fsim_status fsim_load_enum(fsim_walk *w, const config_setting_t *s, const fsim_spec *sp, void *obj,
                           const char *path);
fsim_status fsim_load_reflist(fsim_walk *w, const config_setting_t *s, const fsim_spec *sp,
                              void *obj, const char *path);
/* TEXTS: one string, or an array of 1 to FSIM_LINKED_MAX of them, each as TEXT */
fsim_status fsim_load_texts(fsim_walk *w, const config_setting_t *s, const fsim_spec *sp,
                            void *obj, const char *path);
void fsim_write_texts(FILE *out, const fsim_spec *sp, const void *obj);
void fsim_default_text(const fsim_spec *sp, void *obj);
int fsim_unset_text(const fsim_spec *sp, const void *obj);
void fsim_write_text(FILE *out, const fsim_spec *sp, const void *obj);
void fsim_write_enum(FILE *out, const fsim_spec *sp, const void *obj);
void fsim_write_reflist(FILE *out, const fsim_spec *sp, const void *obj);
void fsim_doc_type_enum(const fsim_spec *sp, const char *doc_name, char *buf, size_t size);
void fsim_doc_type_ref(const fsim_spec *sp, const char *doc_name, char *buf, size_t size);
void fsim_doc_default_enum(const fsim_spec *sp, char *buf, size_t size);
void fsim_doc_default_text(const fsim_spec *sp, char *buf, size_t size); /* also others' */

/* kind_array.c: NUMLIST, and what the counted kinds, LIST and GROUP share */
fsim_status fsim_load_numlist(fsim_walk *w, const config_setting_t *s, const fsim_spec *sp,
                              void *obj, const char *path);
void fsim_write_numlist(FILE *out, const fsim_spec *sp, const void *obj);
/* VALUE: a scalar or an array of scalars, held as libconfig text */
fsim_status fsim_load_value(fsim_walk *w, const config_setting_t *s, const fsim_spec *sp,
                            void *obj, const char *path);
void fsim_write_value(FILE *out, const fsim_spec *sp, const void *obj);
void fsim_default_counted(const fsim_spec *sp, void *obj); /* REFLIST, NUMLIST */
void fsim_default_list(const fsim_spec *sp, void *obj);
void fsim_default_group(const fsim_spec *sp, void *obj);
int fsim_unset_counted(const fsim_spec *sp, const void *obj); /* REFLIST, NUMLIST, LIST */
int fsim_unset_group(const fsim_spec *sp, const void *obj);

#endif
