/* The list of --set assignments, kept in order. */
#include <stdlib.h>
#include <string.h>

#include "frontsim/scenario.h"

struct fsim_overrides {
  char **items;
  size_t n, cap;
};

fsim_overrides *fsim_overrides_new(void) { return calloc(1, sizeof(fsim_overrides)); }

void fsim_overrides_free(fsim_overrides *ov) {
  if (!ov) return;
  for (size_t i = 0; i < ov->n; i++) free(ov->items[i]);
  free(ov->items);
  free(ov);
}

fsim_status fsim_overrides_add(fsim_overrides *ov, const char *assignment, fsim_error *err) {
  const char *eq = strchr(assignment, '=');
  if (!eq || eq == assignment)
    return fsim_error_set(err, FSIM_E_INPUT, "--set", 0, "",
                          "expected path=value, got \"%s\"", assignment);
  if ((size_t)(eq - assignment) >= FSIM_ERROR_PLACE)
    return fsim_error_set(err, FSIM_E_INPUT, "--set", 0, "", "setting path too long");
  if (ov->n == ov->cap) {
    size_t cap = ov->cap ? ov->cap * 2 : 8;
    char **grown = realloc(ov->items, cap * sizeof *grown);
    if (!grown) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
    ov->items = grown;
    ov->cap = cap;
  }
  size_t len = strlen(assignment);
  char *copy = malloc(len + 1);
  if (!copy) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  memcpy(copy, assignment, len + 1);
  ov->items[ov->n++] = copy;
  return FSIM_OK;
}

size_t fsim_overrides_count(const fsim_overrides *ov) { return ov ? ov->n : 0; }

const char *fsim_overrides_get(const fsim_overrides *ov, size_t i) {
  return ov && i < ov->n ? ov->items[i] : NULL;
}
