/* The effective scenario, written from the structs by walking the settings table,
 * so that `frontsim check` output loads back to the same scenario. */
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "scenario_internal.h"
#include "schema.h"
#include "text.h"

static void indent(FILE *out, int depth) {
  for (int i = 0; i < depth; i++) fputs("  ", out);
}

static void write_string(FILE *out, const char *s) {
  fputc('"', out);
  for (const char *p = s; *p; p++) {
    if (*p == '"' || *p == '\\') fputc('\\', out);
    fputc(*p, out);
  }
  fputc('"', out);
}

static void write_group_body(FILE *out, const fsim_group *g, const void *obj, int depth);

/* Is this optional setting unset (and so left out)? */
static int unset(const fsim_spec *sp, const void *obj) {
  const char *p = (const char *)obj + sp->offset;
  if (!(sp->flags & FSIM_F_OPTIONAL)) return 0;
  switch (sp->kind) {
    case FSIM_K_FLOAT: return isnan(*(const double *)p);
    case FSIM_K_INT: return *(const int *)p == (int)sp->def;
    case FSIM_K_TEXT:
    case FSIM_K_NAME:
    case FSIM_K_REF:
    case FSIM_K_DATE: return p[0] == '\0';
    case FSIM_K_REFLIST:
    case FSIM_K_NUMLIST:
    case FSIM_K_LIST: return *(const int *)((const char *)obj + sp->count_offset) == 0;
    case FSIM_K_GROUP:
      return sp->count_offset && *(const int *)((const char *)obj + sp->count_offset) == 0;
    default: return 0;
  }
}

static void write_value(FILE *out, const fsim_spec *sp, const void *obj, int depth) {
  const char *p = (const char *)obj + sp->offset;
  char buf[64];
  switch (sp->kind) {
    case FSIM_K_INT: fprintf(out, "%d", *(const int *)p); break;
    case FSIM_K_INT64: {
      int64_t v = *(const int64_t *)p;
      /* libconfig needs the L suffix beyond 32 bits. */
      fprintf(out, "%" PRId64 "%s", v, (v > INT32_MAX || v < INT32_MIN) ? "L" : "");
      break;
    }
    case FSIM_K_FLOAT:
      if (sp->flags & FSIM_F_WHOLE) /* persons: written as integers, read back as numbers */
        snprintf(buf, sizeof buf, "%.0f", *(const double *)p);
      else
        fsim_text_double(*(const double *)p, 1, buf, sizeof buf);
      fputs(buf, out);
      break;
    case FSIM_K_ENUM:
      write_string(out, fsim_spec_enum_name(sp, *(const int *)p));
      break;
    case FSIM_K_TEXT:
    case FSIM_K_NAME:
    case FSIM_K_REF:
    case FSIM_K_DATE: write_string(out, p); break;
    case FSIM_K_REFLIST: {
      int n = *(const int *)((const char *)obj + sp->count_offset);
      fputc('[', out);
      for (int i = 0; i < n; i++) {
        if (i) fputs(", ", out);
        write_string(out, p + (size_t)i * FSIM_NAME_MAX);
      }
      fputc(']', out);
      break;
    }
    case FSIM_K_NUMLIST: {
      const double *v = (const double *)(const void *)p;
      int n = *(const int *)((const char *)obj + sp->count_offset);
      fputc('[', out);
      for (int i = 0; i < n; i++) {
        fsim_text_double(v[i], 1, buf, sizeof buf);
        fprintf(out, "%s%s", i ? ", " : "", buf);
      }
      fputc(']', out);
      break;
    }
    case FSIM_K_GROUP:
      fputs("{\n", out);
      write_group_body(out, sp->group, p, depth + 1);
      indent(out, depth);
      fputc('}', out);
      break;
    case FSIM_K_LIST: {
      const char *items;
      memcpy(&items, p, sizeof items);
      int n = *(const int *)((const char *)obj + sp->count_offset);
      fputs("(\n", out);
      for (int i = 0; i < n; i++) {
        const void *e = items + (size_t)i * sp->group->elem_size;
        if (sp->group == NULL) break;
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
            ((const fsim_formation_def *)(items + (size_t)(i + 1) * sp->group->elem_size))
                ->implicit)
          last = 1;
        fputs(last ? "\n" : ",\n", out);
      }
      indent(out, depth);
      fputc(')', out);
      break;
    }
  }
}

static void write_group_body(FILE *out, const fsim_group *g, const void *obj, int depth) {
  int variant = g->variant ? *(const int *)((const char *)obj + g->variant->offset) : -1;
  for (size_t i = 0; i < g->nspecs; i++) {
    const fsim_spec *sp = &g->specs[i];
    if (!fsim_spec_applies(sp, variant) || unset(sp, obj)) continue;
    indent(out, depth);
    fprintf(out, "%s = ", sp->key);
    write_value(out, sp, obj, depth);
    fputs(";\n", out);
  }
}

fsim_status fsim_scenario_write(const fsim_scenario *sc, FILE *out, const char *header,
                                fsim_error *err) {
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
