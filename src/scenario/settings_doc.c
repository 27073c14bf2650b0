/* docs/SCENARIO.md's reference tables, generated from the settings table so the
 * documentation cannot drift from what the loader accepts; and a setting's valid
 * range for tools that produce values (fit). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "frontsim/scenario.h"
#include "kinds.h"
#include "scenario_internal.h"
#include "schema.h"
#include "text.h"

/* ---- the columns of a setting: its kind's row (kinds.c) says type and default */

/* A bound as an analyst reads it: the largest integer as 2^63 - 1 and powers of ten
 * from a million up as 10^k, where %g wrote 9.223372036854776e+18 and 1e+06. */
static void bound_text(double v, char *buf, size_t size) {
  if (v == 9223372036854775807.0) {
    snprintf(buf, size, "2^63 - 1");
    return;
  }
  const double a = fabs(v);
  const int k = a >= 1e6 ? (int)lround(log10(a)) : 0;
  char p[32];
  if (k > 0 && snprintf(p, sizeof p, "1e%d", k) > 0 && strtod(p, NULL) == a)
    snprintf(buf, size, "%s10^%d", v < 0 ? "-" : "", k);
  else
    fsim_text_double(v, 0, buf, size);
}

static void range_text(const fsim_spec *sp, char *buf, size_t size) {
  if (!fsim_kind_ops_of(sp->kind)->numeric) {
    snprintf(buf, size, " ");
    return;
  }
  char lo[32], hi[32];
  bound_text(sp->min, lo, sizeof lo);
  bound_text(sp->max, hi, sizeof hi);
  snprintf(buf, size, "%s%s, %s%s", (sp->flags & FSIM_F_MIN_EXCL) ? "(" : "[", lo, hi,
           (sp->flags & FSIM_F_MAX_EXCL) ? ")" : "]");
}

static void default_text(const fsim_spec *sp, char *buf, size_t size) {
  if (sp->flags & FSIM_F_REQUIRED)
    snprintf(buf, size, "required");
  else
    fsim_kind_ops_of(sp->kind)->doc_default(sp, buf, size);
}

static void type_text(const fsim_spec *sp, char *buf, size_t size) {
  const fsim_kind_ops *ops = fsim_kind_ops_of(sp->kind);
  if (ops->doc_type)
    ops->doc_type(sp, ops->doc_name, buf, size);
  else
    snprintf(buf, size, "%s", ops->doc_name);
}

/* A table cell's text: a '|', even inside a code span (`stochastic|expected`), ends
 * a cell in GitHub's Markdown unless escaped. */
static void put_cell(FILE *out, const char *text) {
  for (const char *p = text; *p; p++) {
    if (*p == '|') fputc('\\', out);
    fputc(*p, out);
  }
}

/* The groups already written: a group reached by several keys (sides.blue and
 * sides.red share sides.<side>) is documented once, where it is first met. */
typedef struct seen_groups {
  const fsim_group *g[64];
  size_t n;
} seen_groups;

static int first_visit(seen_groups *seen, const fsim_group *g) {
  for (size_t i = 0; i < seen->n; i++)
    if (seen->g[i] == g) return 0;
  if (seen->n < sizeof seen->g / sizeof seen->g[0]) seen->g[seen->n++] = g;
  return 1;
}

static void write_group(FILE *out, const fsim_group *g, seen_groups *seen) {
  if (!first_visit(seen, g)) return;
  fprintf(out, "### `%s`\n\n%s\n\n", g->name, g->doc);
  fputs("| setting | type | unit | default | valid | meaning |\n", out);
  fputs("|---|---|---|---|---|---|\n", out);
  const fsim_spec *vspec = g->variant;
  for (size_t i = 0; i < g->nspecs; i++) {
    const fsim_spec *sp = &g->specs[i];
    char range[96], def[96], type[160];
    range_text(sp, range, sizeof range);
    default_text(sp, def, sizeof def);
    type_text(sp, type, sizeof type);
    char applies[128] = "";
    if (vspec && sp->variants) {
      size_t used = (size_t)snprintf(applies, sizeof applies, " (%s: ", vspec->key);
      int first = 1;
      for (int v = 0; v < 16; v++) {
        if (!((sp->variants >> v) & 1u)) continue;
        used += (size_t)snprintf(applies + used, sizeof applies - used, "%s%s",
                                 first ? "" : ", ", fsim_spec_enum_name(vspec, v));
        first = 0;
      }
      snprintf(applies + used, sizeof applies - used, ")");
    }
    char since[48] = "";
    if (sp->since > 1) snprintf(since, sizeof since, " From version %d.", sp->since);
    const char *const cell[] = {type, sp->unit ? sp->unit : " ", def, range, sp->doc};
    fprintf(out, "| `%s` |", sp->key);
    for (size_t c = 0; c < sizeof cell / sizeof *cell; c++) {
      fputc(' ', out);
      put_cell(out, cell[c]);
      fputs(c + 1 < sizeof cell / sizeof *cell ? " |" : "", out);
    }
    fprintf(out, "%s%s |\n", applies, since);
  }
  fputc('\n', out);
  for (size_t i = 0; i < g->nspecs; i++)
    if (g->specs[i].group) write_group(out, g->specs[i].group, seen);
}

void fsim_settings_write_markdown(FILE *out) {
  seen_groups seen = {.n = 0};
  write_group(out, &fsim_schema_root, &seen);
}

fsim_status fsim_setting_range(const char *path, double *min, double *max, fsim_error *err) {
  const fsim_spec *sp = fsim_schema_lookup_path(path);
  if (!sp || !fsim_kind_ops_of(sp->kind)->numeric)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, path, "no numeric setting at this path");
  *min = sp->min;
  *max = sp->max;
  return FSIM_OK;
}
