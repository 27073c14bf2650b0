/* The --set assignments, kept in order, and the --param sweep parameters. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "config_lex.h"
#include "frontsim/scenario.h"
#include "param_spec.h"

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
  if (!ov || !assignment) return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "fsim_overrides_add: no overrides or no assignment (NULL)");
  const char *eq = strchr(assignment, '=');
  if (!eq || eq == assignment)
    return fsim_error_set(err, FSIM_E_INPUT, "--set", 0, "",
                          "expected path=value, got \"%s\"", assignment);
  if ((size_t)(eq - assignment) >= FSIM_ERROR_PLACE)
    return fsim_error_set(err, FSIM_E_INPUT, "--set", 0, "", "setting path too long");
  return list_add(&ov->set, assignment, err);
}

/* Checked here, when given, by the reader the loader uses (param_spec.c). */
fsim_status fsim_overrides_add_param(fsim_overrides *ov, const char *spec, fsim_error *err) {
  if (!ov || !spec) return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "fsim_overrides_add_param: no overrides or no parameter (NULL)");
  fsim_param_spec p;
  fsim_status st = fsim_param_spec_read(spec, &p, err);
  if (st != FSIM_OK) return st;
  fsim_param_spec_free(&p);
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

fsim_status fsim_seed_parse(const char *text, unsigned long long *seed, fsim_error *err) {
  if (!text || !seed) return fsim_error_set(err, FSIM_E_INPUT, "--seed", 0, "run.seed", "no seed given (NULL)");
  const char *digits = text + (text[0] == '-' || text[0] == '+');
  int ok = digits[0] != '\0';
  for (const char *p = digits; ok && *p; p++) ok = isdigit((unsigned char)*p) != 0;
  if (!ok)
    return fsim_error_set(err, FSIM_E_INPUT, "--seed", 0, "run.seed",
                          "expected a whole number from 0 to %lld, found \"%.40s\"",
                          FSIM_SEED_MAX, text);
  errno = 0;
  long long v = strtoll(text, NULL, 10);
  if (errno == ERANGE) return fsim_lex_refuse_beyond64(err, "--seed", 0, "run.seed", text);
  /* As the settings table words it for run.seed (its minimum is 0). */
  if (v < 0) return fsim_error_set(err, FSIM_E_INPUT, "--seed", 0, "run.seed", "must be >= 0, got %lld", v);
  *seed = (unsigned long long)v;
  return FSIM_OK;
}
