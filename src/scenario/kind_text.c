/* The texts and names of the settings table, kinds TEXT, NAME, REF, DATE, ENUM (a
 * name from a fixed list, held as its value) and REFLIST (an array of names): how
 * each is read and checked by the loader, what it holds when absent, when an
 * optional one is unset, how the effective scenario writes it (quoted) and how the
 * settings reference shows its type and default. The rows of kinds.c point here;
 * nothing here calls the passes (walk.c, write.c, settings_doc.c), only the
 * loader's messages (walk.h). */
#include <ctype.h>
#include <libconfig.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "kinds.h"
#include "scenario_internal.h"
#include "schema.h"
#include "text.h"
#include "walk.h"

/* ---- the loader: read and checked ------------------------------------------ */

static const char *nearest_choice(const fsim_spec *en, const char *text) {
  fsim_nearest n;
  fsim_nearest_init(&n, text);
  for (size_t i = 0; i < en->nnames; i++) fsim_nearest_offer(&n, en->names[i].name);
  return fsim_nearest_result(&n);
}

/* Why text is not a date YYYY-MM-DD, or NULL when it is one. "2025-02-30" is
 * refused by fsim_date_parse like "30/01/2025"; the analyst wants to know which
 * part is wrong. */
static const char *date_problem(const char *text, char *buf, size_t size) {
  /* Digits in every place: fsim_date_parse reads with sscanf, which lets
   * "2025-+1-05" and "2025- 1-05" through, and they would be written back as they are. */
  int digits = strlen(text) == 10;
  for (int i = 0; digits && i < 10; i++)
    digits = (i == 4 || i == 7) ? text[i] == '-' : isdigit((unsigned char)text[i]) != 0;
  long day;
  if (digits && fsim_date_parse(text, &day)) return NULL;
  int y, m, d, used = 0;
  if (!digits || sscanf(text, "%4d-%2d-%2d%n", &y, &m, &d, &used) != 3 || used != 10) {
    snprintf(buf, size, "must be a date YYYY-MM-DD, got \"%.60s\"", text);
  } else if (y < 1900 || y > 2999) {
    snprintf(buf, size, "must be a date in the years 1900 to 2999, got \"%s\"", text);
  } else if (m < 1 || m > 12) {
    snprintf(buf, size, "\"%s\" is not a date: there is no month %d", text, m);
  } else {
    static const char *const months[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    int n = fsim_date_days_in_month(y, (unsigned)m);
    snprintf(buf, size, "\"%s\" is not a date: %s %d has %d days", text, months[m - 1], y, n);
  }
  return buf;
}

static fsim_status store_text(fsim_walk *c, const config_setting_t *s, const char *path,
                              const fsim_spec *sp, char *dst) {
  if (config_setting_type(s) != CONFIG_TYPE_STRING)
    return fsim_walk_wrong_type(c, s, path, "a string");
  const char *v = config_setting_get_string(s);
  size_t cap = sp->kind == FSIM_K_TEXT ? FSIM_TEXT_MAX : FSIM_NAME_MAX;
  size_t len = strlen(v);
  if (len >= cap)
    return fsim_walk_fail(c, s, path, "must be at most %zu characters, got %zu (\"%.40s...\")",
                          cap - 1, len, v);
  if (sp->kind == FSIM_K_TEXT) {
    /* Texts end up in CSV headers, chart titles and the effective scenario, where
     * a line break or a control character breaks the line structure. */
    for (const char *q = v; *q; q++)
      if ((unsigned char)*q < 0x20 || *q == 0x7f)
        return fsim_walk_fail(
            c, s, path,
            "must be one line of text without control characters, got byte 0x%02x "
            "at position %d",
            (unsigned)(unsigned char)*q, (int)(q - v) + 1);
  } else if (sp->kind == FSIM_K_DATE) {
    char why[160];
    if (date_problem(v, why, sizeof why)) return fsim_walk_fail(c, s, path, "%s", why);
  } else if (!fsim_text_is_identifier(v, cap) &&
             !((sp->flags & FSIM_F_DOTTED) && fsim_text_is_dotted_name(v, cap))) {
    if (len == 0) return fsim_walk_fail(c, s, path, "must not be empty");
    /* Name the first character that is not allowed: a space or a '.' is easy to miss. */
    const char *bad = v;
    while (*bad && (isalnum((unsigned char)*bad) || *bad == '_' || *bad == '-' ||
                    ((sp->flags & FSIM_F_DOTTED) && *bad == '.')))
      bad++;
    char shown[16];
    if (*bad == ' ')
      snprintf(shown, sizeof shown, "a space");
    else if (isprint((unsigned char)*bad))
      snprintf(shown, sizeof shown, "'%c'", *bad);
    else
      snprintf(shown, sizeof shown, "byte 0x%02x", (unsigned)(unsigned char)*bad);
    return fsim_walk_fail(
        c, s, path,
        "must be a name of letters, digits, '_' or '-'%s, got \"%.60s\" (%s is not "
        "allowed)",
        (sp->flags & FSIM_F_DOTTED) ? " joined by '.'" : "", v,
        *bad ? shown : "a '.' cannot start or end a name, nor follow another");
  }
  memcpy(dst, v, len + 1);
  return FSIM_OK;
}

fsim_status fsim_load_text(fsim_walk *c, const config_setting_t *s, const fsim_spec *sp, void *obj,
                           const char *path) {
  return store_text(c, s, path, sp, (char *)obj + sp->offset);
}

fsim_status fsim_load_enum(fsim_walk *c, const config_setting_t *s, const fsim_spec *sp, void *obj,
                           const char *path) {
  char options[160];
  fsim_walk_names_text(sp, NULL, options, sizeof options);
  if (config_setting_type(s) != CONFIG_TYPE_STRING) {
    char expected[200];
    snprintf(expected, sizeof expected, "one of the strings %s", options);
    return fsim_walk_wrong_type(c, s, path, expected);
  }
  const char *v = config_setting_get_string(s);
  int idx = fsim_enum_value_of(sp->names, sp->nnames, v);
  if (idx < 0) {
    const char *hint = nearest_choice(sp, v);
    return fsim_walk_fail(c, s, path, "must be %s%s, got \"%.60s\"%s%s%s",
                          sp->nnames > 2 ? "one of " : "", options, v,
                          hint ? "; did you mean \"" : "", hint ? hint : "", hint ? "\"?" : "");
  }
  for (size_t i = 0; i < sp->nnames; i++)
    if (sp->names[i].value == idx && sp->names[i].since > c->version) {
      char what[96];
      snprintf(what, sizeof what, "%s \"%s\"", sp->key, v);
      return fsim_walk_too_new(c, s, path, what, sp->names[i].since);
    }
  *(int *)((char *)obj + sp->offset) = idx;
  return FSIM_OK;
}

fsim_status fsim_load_reflist(fsim_walk *c, const config_setting_t *s, const fsim_spec *sp,
                              void *obj, const char *path) {
  char(*names)[FSIM_NAME_MAX] = (char(*)[FSIM_NAME_MAX])((char *)obj + sp->offset);
  int *count = (int *)((char *)obj + sp->count_offset);
  *count = 0;
  if (!s) return FSIM_OK;
  if (!config_setting_is_array(s) && !config_setting_is_list(s))
    return fsim_walk_wrong_type(c, s, path, "an array of names [ \"a\", \"b\" ]");
  int n = config_setting_length(s);
  if (n > FSIM_MAX_REFS)
    return fsim_walk_fail(c, s, path, "at most %d names, got %d", FSIM_MAX_REFS, n);
  for (int i = 0; i < n; i++) {
    char sub[FSIM_ERROR_PLACE];
    snprintf(sub, sizeof sub, "%s.[%d]", path, i);
    const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
    fsim_spec one = *sp;
    one.kind = FSIM_K_NAME;
    fsim_status st = store_text(c, e, sub, &one, names[i]);
    if (st != FSIM_OK) return st;
  }
  *count = n;
  return FSIM_OK;
}

/* One string, kept as a list of one, or an array of strings (a sweep parameter's
 * linked paths): written back as it was given, one string staying one string. */
fsim_status fsim_load_texts(fsim_walk *c, const config_setting_t *s, const fsim_spec *sp,
                            void *obj, const char *path) {
  char(*texts)[FSIM_TEXT_MAX] = (char(*)[FSIM_TEXT_MAX])((char *)obj + sp->offset);
  int *count = (int *)((char *)obj + sp->count_offset);
  *count = 0;
  if (!s) return FSIM_OK;
  fsim_spec one = *sp;
  one.kind = FSIM_K_TEXT;
  if (config_setting_type(s) == CONFIG_TYPE_STRING) {
    fsim_status st = store_text(c, s, path, &one, texts[0]);
    if (st == FSIM_OK) *count = 1;
    return st;
  }
  if (!config_setting_is_array(s) && !config_setting_is_list(s))
    return fsim_walk_wrong_type(c, s, path, "a string or an array of strings [ \"a\", \"b\" ]");
  int n = config_setting_length(s);
  if (n < 1 || n > FSIM_LINKED_MAX)
    return fsim_walk_fail(c, s, path, "give 1 to %d strings, got %d", FSIM_LINKED_MAX, n);
  for (int i = 0; i < n; i++) {
    char sub[FSIM_ERROR_PLACE];
    snprintf(sub, sizeof sub, "%s.[%d]", path, i);
    fsim_status st = store_text(c, config_setting_get_elem(s, (unsigned)i), sub, &one, texts[i]);
    if (st != FSIM_OK) return st;
  }
  *count = n;
  return FSIM_OK;
}

/* ---- absent: the default; optional: unset -------------------------------- */

void fsim_default_text(const fsim_spec *sp, void *obj) {
  snprintf((char *)obj + sp->offset, FSIM_NAME_MAX, "%s", sp->def_text ? sp->def_text : "");
}

int fsim_unset_text(const fsim_spec *sp, const void *obj) {
  return ((const char *)obj + sp->offset)[0] == '\0';
}

/* ---- the effective scenario ----------------------------------------------- */

static void write_string(FILE *out, const char *s) {
  fputc('"', out);
  for (const char *p = s; *p; p++) {
    if (*p == '"' || *p == '\\') fputc('\\', out);
    fputc(*p, out);
  }
  fputc('"', out);
}

void fsim_write_text(FILE *out, const fsim_spec *sp, const void *obj) {
  write_string(out, (const char *)obj + sp->offset);
}

void fsim_write_enum(FILE *out, const fsim_spec *sp, const void *obj) {
  write_string(out, fsim_spec_enum_name(sp, *(const int *)((const char *)obj + sp->offset)));
}

void fsim_write_reflist(FILE *out, const fsim_spec *sp, const void *obj) {
  const char *p = (const char *)obj + sp->offset;
  int n = fsim_count_of(sp, obj);
  fputc('[', out);
  for (int i = 0; i < n; i++) {
    if (i) fputs(", ", out);
    write_string(out, p + (size_t)i * FSIM_NAME_MAX);
  }
  fputc(']', out);
}

void fsim_write_texts(FILE *out, const fsim_spec *sp, const void *obj) {
  const char *p = (const char *)obj + sp->offset;
  int n = fsim_count_of(sp, obj);
  if (n == 1) {
    write_string(out, p);
    return;
  }
  fputc('[', out);
  for (int i = 0; i < n; i++) {
    if (i) fputs(", ", out);
    write_string(out, p + (size_t)i * FSIM_TEXT_MAX);
  }
  fputc(']', out);
}

/* ---- the settings reference: type and default columns ------------------- */

/* "one of `a|b|c`": the names of an ENUM's values, in the table's order. */
void fsim_doc_type_enum(const fsim_spec *sp, const char *doc_name, char *buf, size_t size) {
  size_t used = (size_t)snprintf(buf, size, "%s `", doc_name);
  for (size_t i = 0; i < sp->nnames && used < size; i++)
    used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? "|" : "", sp->names[i].name);
  if (used < size) snprintf(buf + used, size - used, "`");
}

void fsim_doc_type_ref(const fsim_spec *sp, const char *doc_name, char *buf, size_t size) {
  snprintf(buf, size, "%s %s", doc_name, sp->refers_to);
}

void fsim_doc_default_enum(const fsim_spec *sp, char *buf, size_t size) {
  snprintf(buf, size, "`\"%s\"`", fsim_spec_enum_name(sp, (int)sp->def));
}

void fsim_doc_default_text(const fsim_spec *sp, char *buf, size_t size) {
  if (sp->def_text && sp->def_text[0])
    snprintf(buf, size, "`\"%s\"`", sp->def_text);
  else
    snprintf(buf, size, "optional");
}
