/* The loader's messages (walk.h): a problem with a setting as file:line: path:
 * message, the "expected ..., found ..." of a value of the wrong type, and the
 * pieces the loaders of several kinds share. Used by the walker (walk.c) and the
 * loaders of the kinds (kinds.h); it calls neither. */
#include <libconfig.h>
#include <stdarg.h>
#include <stdio.h>

#include "config_path.h"
#include "schema.h"
#include "text.h"
#include "walk.h"

fsim_status fsim_walk_fail(fsim_walk *c, const config_setting_t *s, const char *path,
                           const char *fmt, ...) {
  char msg[FSIM_ERROR_TEXT];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  return fsim_error_set(c->err, FSIM_E_INPUT, fsim_config_file(s, c->name), fsim_config_line(s),
                        path, "%s", msg);
}

/* "a string \"x\"", "an integer 3", ... for "found ..." messages. */
static void describe(const config_setting_t *s, char *buf, size_t size) {
  char num[64];
  switch (config_setting_type(s)) {
    case CONFIG_TYPE_INT:
      snprintf(buf, size, "an integer %d", config_setting_get_int(s));
      break;
    case CONFIG_TYPE_INT64:
      snprintf(buf, size, "an integer %lld", config_setting_get_int64(s));
      break;
    case CONFIG_TYPE_FLOAT:
      fsim_text_double(config_setting_get_float(s), 1, num, sizeof num);
      snprintf(buf, size, "a number %s", num);
      break;
    case CONFIG_TYPE_BOOL:
      snprintf(buf, size, "a boolean %s", config_setting_get_bool(s) ? "true" : "false");
      break;
    case CONFIG_TYPE_STRING:
      snprintf(buf, size, "a string \"%.60s\"", config_setting_get_string(s));
      break;
    case CONFIG_TYPE_GROUP: snprintf(buf, size, "a group { ... }"); break;
    case CONFIG_TYPE_LIST: snprintf(buf, size, "a list ( ... )"); break;
    case CONFIG_TYPE_ARRAY: snprintf(buf, size, "an array [ ... ]"); break;
    default: snprintf(buf, size, "nothing"); break;
  }
}

fsim_status fsim_walk_wrong_type(fsim_walk *c, const config_setting_t *s, const char *path,
                                 const char *expected) {
  char found[128];
  describe(s, found, sizeof found);
  return fsim_walk_fail(c, s, path, "expected %s, found %s", expected, found);
}

fsim_status fsim_walk_too_new(fsim_walk *c, const config_setting_t *s, const char *path,
                              const char *what, int since) {
  return fsim_walk_fail(c, s, path,
                        "%s needs version = %d (or later) at the top of the scenario (this "
                        "file is version %d)",
                        what, since, c->version);
}

void fsim_walk_names_text(const fsim_spec *en, const fsim_spec *only, char *buf, size_t size) {
  const char *names[16];
  size_t n = 0, used = 0;
  for (size_t i = 0; i < en->nnames && n < 16; i++)
    if (!only || fsim_spec_applies(only, en->names[i].value)) names[n++] = en->names[i].name;
  buf[0] = '\0';
  for (size_t i = 0; i < n && used < size; i++) {
    int k = snprintf(buf + used, size - used, "%s\"%s\"",
                     i == 0 ? "" : i + 1 == n ? " or " : ", ", names[i]);
    if (k > 0) used += (size_t)k;
  }
}

int fsim_walk_is_number(const config_setting_t *s) {
  int t = config_setting_type(s);
  return t == CONFIG_TYPE_INT || t == CONFIG_TYPE_INT64 || t == CONFIG_TYPE_FLOAT;
}

double fsim_walk_number_of(const config_setting_t *s) {
  switch (config_setting_type(s)) {
    case CONFIG_TYPE_INT: return config_setting_get_int(s);
    case CONFIG_TYPE_INT64: return (double)config_setting_get_int64(s);
    default: return config_setting_get_float(s);
  }
}
