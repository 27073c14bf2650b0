/* The loader's diagnoses around libconfig: before libconfig reads a scenario, a
 * check for what makes libconfig 1.5 misreport, leak or end the process (strings
 * running over a line end, strings out of place, @include of a directory); after
 * a failed read, libconfig's "syntax error" spelt out (file, line and cause);
 * after a good one, the integers libconfig read wrapped. Every pass works on the
 * texts in an fsim_sources, so that each file is read from disk once. */
#include "diagnose.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config_lex.h"
#include "fileio.h"

/* Nested @include beyond this depth is libconfig's to refuse. */
#define INCLUDE_DEPTH 10

const char *fsim_sources_text(fsim_sources *sources, const char *path) {
  for (size_t i = 0; i < sources->n; i++)
    if (strcmp(sources->files[i].path, path) == 0) return sources->files[i].text;
  if (sources->n == sources->cap) {
    size_t cap = sources->cap ? sources->cap * 2 : 8;
    fsim_source_file *grown = realloc(sources->files, cap * sizeof *grown);
    if (!grown) return NULL;
    sources->files = grown;
    sources->cap = cap;
  }
  size_t len = strlen(path);
  char *copy = malloc(len + 1);
  if (!copy) return NULL;
  memcpy(copy, path, len + 1);
  fsim_source_file *f = &sources->files[sources->n++];
  f->path = copy;
  fsim_error ignored; /* a file that cannot be read is libconfig's to report */
  f->text = NULL;      /* and NULL is remembered too */
  fsim_read_text(path, "an included file", &f->text, NULL, &ignored);
  return f->text;
}

void fsim_sources_free(fsim_sources *sources) {
  for (size_t i = 0; i < sources->n; i++) {
    free(sources->files[i].path);
    free(sources->files[i].text);
  }
  free(sources->files);
  sources->files = NULL;
  sources->n = sources->cap = 0;
}

/* Line `line` of text, trimmed and shortened for a message. */
static void line_text(const char *text, int line, char *buf, size_t size) {
  buf[0] = '\0';
  if (!text || line < 1) return;
  const char *p = text;
  for (int l = 1; l < line && p; l++) {
    p = strchr(p, '\n');
    if (p) p++;
  }
  if (!p) return;
  while (*p == ' ' || *p == '\t') p++;
  size_t n = strcspn(p, "\r\n");
  while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t')) n--;
  if (n > 70)
    snprintf(buf, size, "%.67s...", p);
  else
    snprintf(buf, size, "%.*s", (int)n, p);
}

/* Where libconfig looks for an included file: `name` (its first `len` bytes) is as
 * written after @include; relative names are taken from the include directory.
 * Allocated at the path's length (the caller frees it); NULL when out of memory. */
static char *include_path(const config_t *cfg, const char *name, size_t len) {
  const char *dir = config_get_include_dir(cfg);
  int rel = dir && dir[0] && name[0] != '/';
  size_t size = (rel ? strlen(dir) + 1 : 0) + len + 1;
  char *buf = malloc(size);
  if (buf) snprintf(buf, size, "%s%s%.*s", rel ? dir : "", rel ? "/" : "", (int)len, name);
  return buf;
}
/* libconfig's parse error as file:line: message, with the cause spelt out. */
fsim_status fsim_diagnose_parse_error(config_t *cfg, fsim_sources *sources, fsim_error *err) {
  const char *path = sources->main_path, *name = sources->main_name;
  const char *raw = config_error_file(cfg);
  const char *what = config_error_text(cfg);
  int line = config_error_line(cfg);
  char *included = NULL;
  const char *file, *src = NULL;
  if (!raw || (path && strcmp(raw, path) == 0)) { /* the scenario itself */
    file = raw ? raw : name;
    src = sources->main_text;
  } else { /* an included file */
    included = include_path(cfg, raw, strlen(raw));
    if (!included) return fsim_error_set(err, FSIM_E_NOMEM, raw, 0, "", "out of memory");
    file = included;
    src = fsim_sources_text(sources, file);
  }
  if (!what) what = "syntax error";
  char msg[FSIM_ERROR_TEXT], here[96];
  line_text(src, line, here, sizeof here);
  if (strcmp(what, "cannot open include file") == 0) {
    /* The line is the @include; name the file and say where it was looked for. */
    /* The name from the lexer, whole (the line shown in messages is shortened). */
    char inc[FSIM_ERROR_PLACE] = "";
    char *where = NULL;
    fsim_lex_facts *f = src ? malloc(sizeof *f) : NULL;
    if (f) fsim_lex_scan(src, f);
    for (int i = 0; f && i < f->nincludes && !where; i++)
      if (f->include_lines[i] == line) {
        snprintf(inc, sizeof inc, "%.*s", f->include_len[i], f->include_name[i]);
        where = include_path(cfg, f->include_name[i], (size_t)f->include_len[i]);
      }
    free(f);
    FILE *probe = where ? fopen(where, "r") : NULL;
    const char *why = probe || !inc[0] ? "cannot be read" : strerror(errno);
    if (probe) fclose(probe);
    if (!inc[0])
      snprintf(msg, sizeof msg, "cannot open an included file: %s", here);
    else if (where && strcmp(where, inc) != 0)
      snprintf(msg, sizeof msg, "cannot include \"%.150s\": %.60s (looked for %.250s)", inc, why,
               where);
    else
      snprintf(msg, sizeof msg, "cannot include \"%.150s\": %.60s", inc, why);
    free(where);
  } else if (strcmp(what, "include file nesting too deep") == 0) {
    snprintf(msg, sizeof msg, "@include nested too deep (does a file include itself?)");
  } else if (strcmp(what, "mismatched element type in array") == 0) {
    snprintf(msg, sizeof msg,
             "the values of an array [ ... ] must all have one type; write 1.0 rather than 1 "
             "beside numbers with a decimal point: %s",
             here);
  } else if (strcmp(what, "duplicate setting name") == 0) {
    snprintf(msg, sizeof msg, "a setting is given twice in the same group: %s", here);
  } else if (strcmp(what, "syntax error") != 0) {
    snprintf(msg, sizeof msg, "syntax error: %s", what);
  } else {
    fsim_lex_facts f;
    if (src) fsim_lex_scan(src, &f);
    if (src && f.string_line && f.string_line <= line) {
      line = f.string_line;
      snprintf(msg, sizeof msg,
               "syntax error: the string opened on this line is not closed on it (a missing "
               "'\"'?)");
    } else if (src && f.comma_line == line) {
      snprintf(msg, sizeof msg,
               "syntax error: a ',' is missing between two elements of a list: %s", here);
    } else if (src && f.mismatch_line == line && f.mismatch_open) {
      snprintf(msg, sizeof msg,
               "syntax error: '%c' does not close the '%c' opened on line %d (a bracket is "
               "missing or one too many)",
               f.mismatch_close, f.mismatch_open, f.mismatch_open_line);
    } else if (src && f.mismatch_line == line) {
      snprintf(msg, sizeof msg, "syntax error: '%c' closes nothing", f.mismatch_close);
    } else if (src && line >= f.last_line && f.open_line) {
      line = f.open_line;
      snprintf(msg, sizeof msg,
               "syntax error: the '%c' opened on this line is never closed (the file ends "
               "first)",
               f.open_char);
    } else if (src && line > f.last_line) {
      snprintf(msg, sizeof msg,
               "syntax error at the end of the file (a bracket or quote left open, here or "
               "in an included file?)");
    } else if (here[0]) {
      snprintf(msg, sizeof msg,
               "syntax error (look for a missing '=', ',' or quote, or a stray character): %s",
               here);
    } else {
      snprintf(msg, sizeof msg, "syntax error");
    }
  }
  fsim_status st = fsim_error_set(err, FSIM_E_INPUT, file, line, "", "%s", msg);
  free(included);
  return st;
}

/* The path of setting `s` below the root ("sectors.[0].width_km"). */
static void setting_path(const config_setting_t *s, char *buf, size_t size) {
  const config_setting_t *parent = config_setting_parent(s);
  if (!parent) {
    buf[0] = '\0';
    return;
  }
  char up[FSIM_ERROR_PLACE];
  setting_path(parent, up, sizeof up);
  const char *key = config_setting_name(s);
  if (key)
    snprintf(buf, size, "%.200s%s%.50s", up, up[0] ? "." : "", key);
  else
    snprintf(buf, size, "%.200s.[%d]", up, config_setting_index(s));
}

static int same_file(const char *a, const char *b) {
  return a == b || (a && b && strcmp(a, b) == 0);
}

/* The integer setting of `file` at `line` whose value libconfig made `v` (wrapped
 * to 32 bits, or clamped to 64 when `as64`). */
static const config_setting_t *find_wrapped(const config_setting_t *s, const char *file,
                                            int line, long long v, int as64) {
  int t = config_setting_type(s);
  if (t == CONFIG_TYPE_INT || t == CONFIG_TYPE_INT64) {
    long long got = t == CONFIG_TYPE_INT ? config_setting_get_int(s) : config_setting_get_int64(s);
    return (t == CONFIG_TYPE_INT64) == as64 && same_file(config_setting_source_file(s), file) &&
                   (int)config_setting_source_line(s) == line && got == v
               ? s
               : NULL;
  }
  if (!config_setting_is_aggregate(s)) return NULL;
  int n = config_setting_length(s);
  for (int i = 0; i < n; i++) {
    const config_setting_t *hit =
        find_wrapped(config_setting_get_elem(s, (unsigned)i), file, line, v, as64);
    if (hit) return hit;
  }
  return NULL;
}

/* Collects the distinct files the settings came from (NULL: text in memory). */
static void collect_files(const config_setting_t *s, const char **files, int *n, int max) {
  const char *f = config_setting_source_file(s);
  int known = 0;
  for (int i = 0; i < *n && !known; i++) known = same_file(files[i], f);
  if (!known && *n < max) files[(*n)++] = f;
  if (!config_setting_is_aggregate(s)) return;
  int len = config_setting_length(s);
  for (int i = 0; i < len; i++)
    collect_files(config_setting_get_elem(s, (unsigned)i), files, n, max);
}

/* Refuses integer literals that libconfig read wrapped (see above). */
fsim_status fsim_diagnose_wide_integers(config_t *cfg, fsim_sources *sources, fsim_error *err) {
  const char *path = sources->main_path, *name = sources->main_name;
  const config_setting_t *root = config_root_setting(cfg);
  const char *files[64];
  int nfiles = 0;
  collect_files(root, files, &nfiles, 64);
  fsim_status st = FSIM_OK;
  for (int i = 0; i < nfiles && st == FSIM_OK; i++) {
    char *included = NULL;
    const char *shown, *src;
    if (!files[i] || (path && strcmp(files[i], path) == 0)) {
      shown = files[i] ? files[i] : name;
      src = sources->main_text;
    } else {
      included = include_path(cfg, files[i], strlen(files[i]));
      if (!included) return fsim_error_set(err, FSIM_E_NOMEM, files[i], 0, "", "out of memory");
      shown = included;
      src = fsim_sources_text(sources, shown);
    }
    fsim_lex_facts f;
    if (src) fsim_lex_scan(src, &f);
    for (int k = 0; src && k < f.nwide && st == FSIM_OK; k++) {
      const config_setting_t *s =
          find_wrapped(root, files[i], f.wide[k].line, f.wide[k].wrapped, f.wide[k].suffixed);
      if (!s) continue; /* not a setting of the scenario: nothing was misread */
      char where[FSIM_ERROR_PLACE];
      setting_path(s, where, sizeof where);
      if (f.wide[k].beyond64)
        st = fsim_lex_refuse_beyond64(err, shown, f.wide[k].line, where, f.wide[k].text);
      else
        st = fsim_error_set(err, FSIM_E_INPUT, shown, f.wide[k].line, where,
                            "%s is out of range for a plain integer (%d to %d) and would be "
                            "misread; write %sL for a 64-bit integer",
                            f.wide[k].text, INT_MIN, INT_MAX, f.wide[k].text);
    }
    free(included);
  }
  return st;
}

/* A string that does not end on the line where it starts is refused before
 * libconfig reads the text: it is almost always a missing '"', which libconfig
 * reports lines later, where the shifted quotes finally clash, and in doing so
 * leaks the string token it was holding (libconfig 1.5 has no destructor for
 * it). Names and texts of a scenario never need a line break. The included
 * files are checked too, as libconfig will read them. */
static fsim_status precheck(const config_t *cfg, fsim_sources *sources, const char *shown,
                            const char *src, int depth, fsim_error *err) {
  fsim_lex_facts *f = malloc(sizeof *f);
  if (!f) return fsim_error_set(err, FSIM_E_NOMEM, shown, 0, "", "out of memory");
  fsim_lex_scan(src, f);
  fsim_status st = FSIM_OK;
  if (f->string_line)
    st = fsim_error_set(err, FSIM_E_INPUT, shown, f->string_line, "",
                        "syntax error: the string opened on this line is not closed on it (a "
                        "missing '\"'?)");
  else if (f->stray_line && f->stray_after_name)
    st = fsim_error_set(err, FSIM_E_INPUT, shown, f->stray_line, "",
                        "syntax error: a '=' is missing between a setting's name and its value");
  else if (f->stray_line)
    st = fsim_error_set(err, FSIM_E_INPUT, shown, f->stray_line, "",
                        "syntax error: a string where none can be (is a '=', ',' or '[' "
                        "missing before it, or a name in quotes?)");
  for (int i = 0; st == FSIM_OK && depth < INCLUDE_DEPTH && i < f->nincludes; i++) {
    char *inc = include_path(cfg, f->include_name[i], (size_t)f->include_len[i]);
    if (!inc) {
      st = fsim_error_set(err, FSIM_E_NOMEM, shown, 0, "", "out of memory");
      break;
    }
    /* libconfig 1.5 ends the process (exit() from its scanner) when an @include names
     * a directory or another file it cannot read as text (hyperrealm/libconfig#292). */
    struct stat sb;
    if (stat(inc, &sb) == 0 && !S_ISREG(sb.st_mode)) {
      st = fsim_error_set(err, FSIM_E_INPUT, shown, f->include_lines[i], "",
                          "@include \"%.*s\": not a regular file (%s)", f->include_len[i],
                          f->include_name[i], inc);
      free(inc);
      break;
    }
    /* libconfig says when it cannot be opened, and the parse error explains */
    const char *text = fsim_sources_text(sources, inc);
    if (text) st = precheck(cfg, sources, inc, text, depth + 1, err);
    free(inc);
  }
  free(f);
  return st;
}

fsim_status fsim_diagnose_precheck(const config_t *cfg, fsim_sources *sources, fsim_error *err) {
  return precheck(cfg, sources, sources->main_path ? sources->main_path : sources->main_name,
                  sources->main_text, 0, err);
}
