/* The settings table: every setting of the scenario format, its type, unit,
 * default and valid range, and where it is stored. The loader (walk.c), the
 * effective-scenario writer (write.c), the error messages and
 * docs/SCENARIO.md (via fsim_settings_write_markdown) all read this one table. */
#ifndef FRONTSIM_SCHEMA_H
#define FRONTSIM_SCHEMA_H

#include <stddef.h>

#include "scenario_internal.h"

typedef enum fsim_kind {
  FSIM_K_INT,     /* int */
  FSIM_K_INT64,   /* int64_t */
  FSIM_K_FLOAT,   /* double; an integer in the file is accepted */
  FSIM_K_TEXT,    /* char[FSIM_TEXT_MAX], free text */
  FSIM_K_NAME,    /* char[FSIM_NAME_MAX], an identifier [A-Za-z0-9_-] */
  FSIM_K_REF,     /* char[FSIM_NAME_MAX], the name of something defined elsewhere */
  FSIM_K_REFLIST, /* char[FSIM_MAX_REFS][FSIM_NAME_MAX] + int count at count_offset */
  FSIM_K_TEXTS,   /* char[FSIM_LINKED_MAX][FSIM_TEXT_MAX] + int count: a string or an array */
  FSIM_K_ENUM,    /* int, one of the values named in `names` */
  FSIM_K_DATE,    /* char[FSIM_NAME_MAX], "YYYY-MM-DD" */
  FSIM_K_NUMLIST, /* double[FSIM_MAX_VALUES] + int count at count_offset */
  FSIM_K_VALUE,   /* char[FSIM_TEXT_MAX]: any one value or array, held in --set syntax */
  FSIM_K_GROUP,   /* embedded struct; optional groups set an int flag at count_offset */
  FSIM_K_LIST     /* list of groups: pointer at offset, int count at count_offset */
} fsim_kind;

enum {
  FSIM_F_REQUIRED = 1u << 0, /* must be present (within its variant) */
  FSIM_F_OPTIONAL = 1u << 1, /* may be absent: NaN / 0 / "" / flag 0, and then not written */
  FSIM_F_MIN_EXCL = 1u << 2, /* value must be > min rather than >= min */
  FSIM_F_MAX_EXCL = 1u << 3,
  FSIM_F_WHOLE = 1u << 4,  /* a FLOAT that must be a whole number (persons) */
  FSIM_F_DOTTED = 1u << 5  /* names may contain '.' (metric names) */
};

struct fsim_group;

/* One setting. Written with designated initializers: a field left out is 0 (no
 * flags, no default, no unit, applies to every variant). */
typedef struct fsim_spec {
  const char *key;
  fsim_kind kind;
  size_t offset;       /* of the value in its struct */
  size_t count_offset; /* REFLIST, NUMLIST, LIST: of the int count; an optional GROUP:
                          of the int set when it is present (0: none) */
  unsigned flags;
  double def;           /* numeric default (ENUM: its value) */
  const char *def_text; /* text default */
  double min, max;
  const fsim_enum_name *names; /* ENUM: the names of its values (scenario_internal.h) */
  size_t nnames;
  const char *refers_to; /* REF and REFLIST: what the names refer to */
  unsigned variants;     /* bit v set: applies to variant v; 0: applies to all */
  const char *unit;
  const struct fsim_group *group; /* GROUP, LIST */
  const char *doc;
  int since; /* the first scenario version that has the setting (0: every version) */
} fsim_spec;

typedef struct fsim_group {
  const char *name; /* heading in the docs */
  const fsim_spec *specs;
  size_t nspecs;
  size_t elem_size;           /* size of one element when the group is a LIST element */
  const fsim_spec *variant;   /* the ENUM spec that selects the variant, or NULL */
  const char *doc;
} fsim_group;

extern const fsim_group fsim_schema_root;
/* The optimize section (schema_optimize.c). */
extern const fsim_group fsim_optimize_group;

/* The spec for `key` in `g` (NULL if unknown). */
const fsim_spec *fsim_schema_find(const fsim_group *g, const char *key);
/* Does spec apply to variant v (v < 0: no variant)? */
int fsim_spec_applies(const fsim_spec *s, int variant);
/* The spec of the setting at a --set style path ("sectors.kursk.width_km",
 * "sides.red.rules.[0].delay"), or NULL when no such setting exists. */
const fsim_spec *fsim_schema_lookup_path(const char *path);
/* The name of the value v of an ENUM spec ("?" when it has none). */
const char *fsim_spec_enum_name(const fsim_spec *sp, int v);

#endif
