/* The effective scenario, written from the structs by walking the settings table,
 * so that `frontsim check` output loads back to the same scenario. Groups and
 * lists are written here; every other value by its kind's row (kinds.c). */
#include <stdio.h>
#include <string.h>

#include "fileio.h"
#include "kinds.h"
#include "scenario_internal.h"
#include "schema.h"

static void indent(FILE *out, int depth) {
  for (int i = 0; i < depth; i++) fputs("  ", out);
}

static void write_group_body(FILE *out, const fsim_group *g, const void *obj, int depth);

/* ---- optional settings left out: one test per kind (kinds.c) -------------- */

/* Is this optional setting unset (and so left out)? */
static int unset(const fsim_spec *sp, const void *obj) {
  if (!(sp->flags & FSIM_F_OPTIONAL)) return 0;
  int (*is_unset)(const fsim_spec *, const void *) = fsim_kind_ops_of(sp->kind)->is_unset;
  return is_unset ? is_unset(sp, obj) : 0;
}

/* ---- values: one writer per kind (kinds.c), groups and lists here ---------- */

static void write_group(FILE *out, const fsim_spec *sp, const void *obj, int depth) {
  fputs("{\n", out);
  write_group_body(out, sp->group, (const char *)obj + sp->offset, depth + 1);
  indent(out, depth);
  fputc('}', out);
}

static void write_list(FILE *out, const fsim_spec *sp, const void *obj, int depth) {
  const char *items;
  memcpy(&items, (const char *)obj + sp->offset, sizeof items);
  int n = sp->group ? fsim_count_of(sp, obj) : 0; /* a list always has its group */
  fputs("(\n", out);
  for (int i = 0; i < n; i++) {
    const void *e = items + (size_t)i * sp->group->elem_size;
    /* Implicit reserve formations are the loader's, not the file's. */
    if (strcmp(sp->key, "formations") == 0 && ((const fsim_formation_def *)e)->implicit)
      continue;
    indent(out, depth + 1);
    fputs("{\n", out);
    write_group_body(out, sp->group, e, depth + 2);
    indent(out, depth + 1);
    fputc('}', out);
    int last = i + 1 == n;
    if (!last && strcmp(sp->key, "formations") == 0 &&
        ((const fsim_formation_def *)(items + (size_t)(i + 1) * sp->group->elem_size))->implicit)
      last = 1;
    fputs(last ? "\n" : ",\n", out);
  }
  indent(out, depth);
  fputc(')', out);
}

static void write_group_body(FILE *out, const fsim_group *g, const void *obj, int depth) {
  int variant = g->variant ? *(const int *)((const char *)obj + g->variant->offset) : -1;
  for (size_t i = 0; i < g->nspecs; i++) {
    const fsim_spec *sp = &g->specs[i];
    if (!fsim_spec_applies(sp, variant) || unset(sp, obj)) continue;
    indent(out, depth);
    fprintf(out, "%s = ", sp->key);
    if (sp->kind == FSIM_K_GROUP)
      write_group(out, sp, obj, depth);
    else if (sp->kind == FSIM_K_LIST)
      write_list(out, sp, obj, depth);
    else
      fsim_kind_ops_of(sp->kind)->write(out, sp, obj);
    fputs(";\n", out);
  }
}

fsim_status fsim_scenario_write(const fsim_scenario *sc, FILE *out, const char *header,
                                fsim_error *err) {
  if (!sc || !out) return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "fsim_scenario_write: no scenario or no file (NULL)");
  if (header) {
    const char *p = header;
    while (*p) {
      const char *nl = strchr(p, '\n');
      int len = nl ? (int)(nl - p) : (int)strlen(p);
      fprintf(out, "# %.*s\n", len, p);
      p += len + (nl ? 1 : 0);
    }
    fputc('\n', out);
  }
  write_group_body(out, &fsim_schema_root, sc, 0);
  if (ferror(out))
    return fsim_error_set(err, FSIM_E_IO, "", 0, "", "cannot write the scenario");
  return FSIM_OK;
}
