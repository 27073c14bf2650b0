/* The --set assignments, kept in order, and the --param sweep parameters. */
#include <stdlib.h>
#include <string.h>

#include "frontsim/scenario.h"

typedef struct text_list {
  char **items;
  size_t n, cap;
} text_list;

struct fsim_overrides {
  text_list set;   /* path=value */
  text_list param; /* path=spec */
};

fsim_overrides *fsim_overrides_new(void) { return calloc(1, sizeof(fsim_overrides)); }

static void list_free(text_list *l) {
  for (size_t i = 0; i < l->n; i++) free(l->items[i]);
  free(l->items);
}

void fsim_overrides_free(fsim_overrides *ov) {
  if (!ov) return;
  list_free(&ov->set);
  list_free(&ov->param);
  free(ov);
}

static fsim_status list_add(text_list *l, const char *text, fsim_error *err) {
  if (l->n == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 8;
    char **grown = realloc(l->items, cap * sizeof *grown);
    if (!grown) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
    l->items = grown;
    l->cap = cap;
  }
  size_t len = strlen(text);
  char *copy = malloc(len + 1);
  if (!copy) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  memcpy(copy, text, len + 1);
  l->items[l->n++] = copy;
  return FSIM_OK;
}

fsim_status fsim_overrides_add(fsim_overrides *ov, const char *assignment, fsim_error *err) {
  const char *eq = strchr(assignment, '=');
  if (!eq || eq == assignment)
    return fsim_error_set(err, FSIM_E_INPUT, "--set", 0, "",
                          "expected path=value, got \"%s\"", assignment);
  if ((size_t)(eq - assignment) >= FSIM_ERROR_PLACE)
    return fsim_error_set(err, FSIM_E_INPUT, "--set", 0, "", "setting path too long");
  return list_add(&ov->set, assignment, err);
}

/* "a,b,c" (values), "from:to:steps" (grid) or "from:to" (range); every part a number. */
fsim_status fsim_overrides_add_param(fsim_overrides *ov, const char *spec, fsim_error *err) {
  const char *eq = strchr(spec, '=');
  if (!eq || eq == spec || !eq[1])
    return fsim_error_set(err, FSIM_E_INPUT, "--param", 0, "",
                          "expected path=values (a,b,c), path=from:to:steps or path=from:to, "
                          "got \"%s\"",
                          spec);
  int colons = 0;
  for (const char *p = eq + 1; *p;) {
    char *end = NULL;
    strtod(p, &end);
    if (end == p || (*end && *end != ',' && *end != ':'))
      return fsim_error_set(err, FSIM_E_INPUT, "--param", 0, "",
                            "\"%s\": expected numbers separated by ',' or ':'", spec);
    if (*end == ':') colons++;
    p = *end ? end + 1 : end;
  }
  if (colons > 2 || (colons > 0 && strchr(eq, ',')))
    return fsim_error_set(err, FSIM_E_INPUT, "--param", 0, "",
                          "\"%s\": use a,b,c or from:to:steps or from:to", spec);
  return list_add(&ov->param, spec, err);
}

size_t fsim_overrides_param_count(const fsim_overrides *ov) { return ov ? ov->param.n : 0; }

const char *fsim_overrides_param_get(const fsim_overrides *ov, size_t i) {
  return ov && i < ov->param.n ? ov->param.items[i] : NULL;
}

size_t fsim_overrides_count(const fsim_overrides *ov) { return ov ? ov->set.n : 0; }

const char *fsim_overrides_get(const fsim_overrides *ov, size_t i) {
  return ov && i < ov->set.n ? ov->set.items[i] : NULL;
}
