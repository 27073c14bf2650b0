/* The loader's diagnoses around libconfig: before libconfig reads a scenario, a
 * check for what makes libconfig 1.5 misreport or leak (strings running over a
 * line end, strings out of place) and for an @include of a directory; after
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

/* Nested @include beyond this depth is refused when the includes are expanded. */
#define INCLUDE_DEPTH 10

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

/* libconfig's parse error as file:line: message, with the cause spelt out. The
 * line is one of the expanded text (sources.h): the map gives the file and line. */
fsim_status fsim_diagnose_parse_error(config_t *cfg, fsim_sources *sources, fsim_error *err) {
  const char *name = sources->main_path ? sources->main_path : sources->main_name;
  const char *what = config_error_text(cfg);
  int line = config_error_line(cfg);
  const char *file = fsim_sources_place(sources, line, &line);
  const char *src = NULL;
  if (!file) file = name;
  if (strcmp(file, name) == 0)
    src = sources->main_text;
  else
    src = fsim_sources_text(sources, file);
  if (!what) what = "syntax error";
  char msg[FSIM_ERROR_TEXT], here[96];
  line_text(src, line, here, sizeof here);
  if (strcmp(what, "mismatched element type in array") == 0) {
    snprintf(msg, sizeof msg,
             "the values of an array [ ... ] must all have one type; write 1.0 rather than 1 "
             "beside numbers with a decimal point: %s",
             here);
  } else if (strcmp(what, "duplicate setting name") == 0) {
    snprintf(msg, sizeof msg,
             "a setting is given twice in the same group: %s (to change a setting of an "
             "included file, list it in overrides = [\"path=value\"])",
             here);
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
  return fsim_error_set(err, FSIM_E_INPUT, file, line, "", "%s", msg);
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

/* The integer setting at `file`:`line` whose value libconfig made `v` (wrapped
 * to 32 bits, or clamped to 64 when `as64`). */
static const config_setting_t *find_wrapped(const fsim_sources *sources,
                                            const config_setting_t *s, const char *file,
                                            int line, long long v, int as64) {
  int t = config_setting_type(s);
  if (t == CONFIG_TYPE_INT || t == CONFIG_TYPE_INT64) {
    long long got = t == CONFIG_TYPE_INT ? config_setting_get_int(s) : config_setting_get_int64(s);
    int at = 0;
    const char *from = fsim_sources_place(sources, (int)config_setting_source_line(s), &at);
    return (t == CONFIG_TYPE_INT64) == as64 && from && strcmp(from, file) == 0 && at == line &&
                   got == v
               ? s
               : NULL;
  }
  if (!config_setting_is_aggregate(s)) return NULL;
  int n = config_setting_length(s);
  for (int i = 0; i < n; i++) {
    const config_setting_t *hit =
        find_wrapped(sources, config_setting_get_elem(s, (unsigned)i), file, line, v, as64);
    if (hit) return hit;
  }
  return NULL;
}

/* Refuses integer literals that libconfig read wrapped (see above), in the
 * scenario and in every file it includes. */
fsim_status fsim_diagnose_wide_integers(config_t *cfg, fsim_sources *sources, fsim_error *err) {
  const config_setting_t *root = config_root_setting(cfg);
  const char *main = sources->main_path ? sources->main_path : sources->main_name;
  fsim_status st = FSIM_OK;
  for (size_t i = 0; i <= sources->n && st == FSIM_OK; i++) {
    const char *shown = i == 0 ? main : sources->files[i - 1].path;
    const char *src = i == 0 ? sources->main_text : sources->files[i - 1].text;
    if (!src) continue;
    fsim_lex_facts f;
    fsim_lex_scan(src, &f);
    for (int k = 0; k < f.nwide && st == FSIM_OK; k++) {
      const config_setting_t *s = find_wrapped(sources, root, shown, f.wide[k].line,
                                               f.wide[k].wrapped, f.wide[k].suffixed);
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
  }
  return st;
}

/* A string that does not end on the line where it starts is refused before
 * libconfig reads the text: it is almost always a missing '"', which libconfig
 * reports lines later, where the shifted quotes finally clash, and in doing so
 * leaks the string token it was holding (libconfig 1.5 has no destructor for
 * it). Names and texts of a scenario never need a line break. The included
 * files are checked too, as libconfig will read them. */
static fsim_status precheck(fsim_sources *sources, const char *shown,
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
    char *inc = fsim_sources_resolve(sources, shown, f->include_name[i],
                                     (size_t)f->include_len[i]);
    if (!inc) {
      st = fsim_error_set(err, FSIM_E_NOMEM, shown, 0, "", "out of memory");
      break;
    }
    /* A directory or device is named as such (reading one would fail obscurely). */
    struct stat sb;
    if (stat(inc, &sb) == 0 && !S_ISREG(sb.st_mode)) {
      st = fsim_error_set(err, FSIM_E_INPUT, shown, f->include_lines[i], "",
                          "@include \"%.*s\": not a regular file (%s)", f->include_len[i],
                          f->include_name[i], inc);
      free(inc);
      break;
    }
    /* a file that cannot be opened is refused where the includes are expanded */
    const char *text = fsim_sources_text(sources, inc);
    if (text) st = precheck(sources, inc, text, depth + 1, err);
    free(inc);
  }
  free(f);
  return st;
}

fsim_status fsim_diagnose_precheck(fsim_sources *sources, fsim_error *err) {
  return precheck(sources, sources->main_path ? sources->main_path : sources->main_name,
                  sources->main_text, 0, err);
}
