/* What-ifs: a small scenario file includes a base and lists what differs in
 * `overrides`, because libconfig refuses a setting given twice and a list element
 * cannot be reopened from outside; and every run carries a label, so that its
 * outputs say which what-if they are. */
#include "whatif.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "config_path.h"
#include "sources.h"

int fsim_whatif_changes_question(const char *a) {
  static const char *const aside[] = {"run.replications=", "run.seed=", "run.label=", "sweep."};
  for (size_t i = 0; i < sizeof aside / sizeof aside[0]; i++)
    if (strncmp(a, aside[i], strlen(aside[i])) == 0) return 0;
  return 1;
}

static void append(char *record, size_t size, const char *text) {
  size_t used = strlen(record);
  if (used + 1 < size) snprintf(record + used, size - used, "%s%s", used ? ", " : "", text);
}

/* The setting an override made takes the override's line, so that a later
 * complaint about its value points at the override in the file (the loader's line
 * map reads config_setting_t's public `line`, which libconfig has no setter for). */
static void take_line(config_setting_t *s, unsigned line) {
  s->line = line;
  if (!config_setting_is_aggregate(s)) return;
  for (int i = 0; i < config_setting_length(s); i++)
    take_line(config_setting_get_elem(s, (unsigned)i), line);
}

static const char *type_name(const config_setting_t *s) {
  switch (config_setting_type(s)) {
    case CONFIG_TYPE_GROUP: return "a group";
    case CONFIG_TYPE_LIST: return "a list";
    case CONFIG_TYPE_ARRAY: return "an array";
    case CONFIG_TYPE_STRING: return "a string";
    default: return "a number";
  }
}

/* How many lines before `line` of the file the string `value` stands: libconfig
 * dates an element of a list by the token after it, often on the next line. */
static unsigned lines_back(config_setting_t *root, const char *file, int line,
                           const char *value) {
  fsim_sources *src = config_setting_get_hook(root);
  const char *text = !src ? NULL
                     : strcmp(file, src->main_path ? src->main_path : src->main_name) == 0
                         ? src->main_text
                         : fsim_sources_text(src, file);
  if (!text || line < 1) return 0;
  const char *at[8] = {0}; /* starts of lines line-7 .. line */
  int l = 1;
  for (const char *p = text; p && l <= line; l++) {
    at[(l) % 8] = p;
    p = strchr(p, '\n');
    if (p) p++;
  }
  char probe[24];
  snprintf(probe, sizeof probe, "%s", value);
  for (unsigned back = 0; back < 8 && (int)back < line; back++) {
    const char *start = at[(line - (int)back) % 8];
    const char *end = start ? strchr(start, '\n') : NULL;
    const char *hit = start ? strstr(start, probe) : NULL;
    if (hit && (!end || hit < end)) return back;
  }
  return 0;
}

/* " path = value " -> "path=value" in buf; 0 when there is no path before '='. */
static int tidy(const char *text, char *buf, size_t size) {
  const char *eq = strchr(text, '=');
  if (!eq) return 0;
  const char *p = text, *pe = eq, *v = eq + 1, *ve = eq + strlen(eq);
  while (p < pe && (*p == ' ' || *p == '\t')) p++;
  while (pe > p && (pe[-1] == ' ' || pe[-1] == '\t')) pe--;
  while (*v == ' ' || *v == '\t') v++;
  while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t')) ve--;
  if (pe == p) return 0;
  return snprintf(buf, size, "%.*s=%.*s", (int)(pe - p), p, (int)(ve - v), v) < (int)size;
}

fsim_status fsim_whatif_apply(config_t *cfg, const char *name, char *record, size_t size,
                              fsim_error *err) {
  config_setting_t *root = config_root_setting(cfg);
  config_setting_t *list = config_setting_get_member(root, "overrides");
  if (!list) return FSIM_OK;
  const char *file = fsim_config_file(list, name);
  int line = fsim_config_line(list);
  if (!config_setting_is_array(list) && !config_setting_is_list(list))
    return fsim_error_set(err, FSIM_E_INPUT, file, line, "overrides",
                          "expected an array of \"path=value\" strings, found %s",
                          type_name(list));
  for (int i = 0; i < config_setting_length(list); i++) {
    config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
    unsigned raw = config_setting_source_line(e) ? config_setting_source_line(e)
                                                 : config_setting_source_line(list);
    int at = fsim_config_line(e) ? fsim_config_line(e) : line;
    if (config_setting_type(e) == CONFIG_TYPE_STRING) {
      unsigned back = lines_back(root, file, at, config_setting_get_string(e));
      raw -= back < raw ? back : 0;
      at -= (int)back;
    }
    char where[32], one[FSIM_ERROR_PLACE];
    snprintf(where, sizeof where, "overrides.[%d]", i);
    if (config_setting_type(e) != CONFIG_TYPE_STRING)
      return fsim_error_set(err, FSIM_E_INPUT, file, at, where,
                            "expected a string \"path=value\", found %s", type_name(e));
    const char *text = config_setting_get_string(e);
    if (!tidy(text, one, sizeof one))
      return fsim_error_set(err, FSIM_E_INPUT, file, at, where,
                            "expected \"path=value\" (as for --set), found \"%.100s\"", text);
    char *eq = strchr(one, '=');
    *eq = '\0';
    /* The list being applied cannot be a target: assigning it would free the
       elements still to be read. */
    if (strcmp(one, "overrides") == 0 || strncmp(one, "overrides.", 10) == 0)
      return fsim_error_set(err, FSIM_E_INPUT, file, at, where,
                            "an override cannot change the overrides list itself");
    fsim_status st = fsim_config_assign(cfg, one, eq + 1, err);
    if (st != FSIM_OK) {
      /* The assignment's own errors name --set: here it is this line of the file. */
      if (err && strcmp(err->file, "--set") == 0) {
        snprintf(err->file, sizeof err->file, "%.*s", (int)sizeof err->file - 1, file);
        err->line = at;
      }
      return st;
    }
    config_setting_t *made = fsim_config_find(root, one);
    if (made) take_line(made, raw);
    *eq = '=';
    if (fsim_whatif_changes_question(one)) append(record, size, one);
  }
  config_setting_remove(root, "overrides");
  return FSIM_OK;
}

void fsim_whatif_label(fsim_scenario *sc, const char *name, const fsim_overrides *ov) {
  size_t n = ov ? fsim_overrides_count(ov) : 0;
  int named = 0; /* on the command line: the label is as given */
  for (size_t i = 0; i < n; i++) {
    const char *a = fsim_overrides_get(ov, i);
    if (fsim_whatif_changes_question(a)) append(sc->whatif, sizeof sc->whatif, a);
    named |= strncmp(a, "run.label=", 10) == 0;
  }
  if (named) return;
  char label[1024];
  if (sc->run.label[0]) {
    snprintf(label, sizeof label, "%s", sc->run.label);
  } else {
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    size_t len = strlen(base);
    if (len > 4 && strcmp(base + len - 4, ".cfg") == 0) len -= 4;
    snprintf(label, sizeof label, "%.*s", (int)len, base);
  }
  for (size_t i = 0; i < n; i++) {
    const char *a = fsim_overrides_get(ov, i);
    if (fsim_whatif_changes_question(a)) append(label, sizeof label, a);
  }
  /* A label is one line of text: the file name too (a newline is possible there). */
  for (char *p = label; *p; p++)
    if ((unsigned char)*p < 0x20 || *p == 0x7f) *p = '?';
  size_t max = sizeof sc->run.label - 1;
  if (strlen(label) > max) memcpy(label + max - 3, "...", 4); /* shortened, and says so */
  memcpy(sc->run.label, label, max);
  sc->run.label[max] = '\0';
}

void fsim_label_dirname(const char *label, char *buf, size_t size) {
  if (!buf || size == 0) return;
  if (!label) label = "";
  /* The part before the overrides, file-system-safe and short; then, where
   * overrides follow (or the name was cut short), a hash of the whole label, so
   * that each what-if has a directory of its own and a label always the same one. */
  const char *cut = strstr(label, ", ");
  size_t n = cut ? (size_t)(cut - label) : strlen(label), used = 0;
  char name[41];
  for (size_t i = 0; i < n && used + 1 < sizeof name; i++) {
    char c = label[i];
    int safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-' || (c == '.' && used > 0);
    if (safe)
      name[used++] = c;
    else if (used > 0 && name[used - 1] != '-')
      name[used++] = '-';
  }
  while (used > 0 && (name[used - 1] == '-' || name[used - 1] == '.')) used--;
  name[used] = '\0';
  if (!used) snprintf(name, sizeof name, "run");
  if (!cut && n < sizeof name) { /* two labels alike here are told apart when replacing */
    snprintf(buf, size, "%s", name);
    return;
  }
  uint64_t h = 14695981039346656037ULL; /* FNV-1a */
  for (const char *p = label; *p; p++) h = (h ^ (unsigned char)*p) * 1099511628211ULL;
  snprintf(buf, size, "%s-%08x", name, (unsigned)(h ^ (h >> 32)));
}
