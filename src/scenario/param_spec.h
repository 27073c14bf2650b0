/* The one reader of a --param spec: "path=a,b,c" (values), "path=from:to" (a range),
 * "path=from:to:steps" (a grid) or "path=[name:]value|[name:]value|..." (the levels
 * of a categorical parameter, values of any type in --set syntax), each optionally
 * followed by ";label=TEXT" and ";unit=TEXT" (docs/USAGE.md, frontsim sweep); "path" may
 * be several paths joined by ',' ("p1,p2=..."), linked: set to the same value. fsim_overrides_add_param checks a spec with it
 * when it is given, and fsim_config_set_params builds the sweep parameter from what
 * it read, so the two cannot disagree on a spec. */
#ifndef FRONTSIM_PARAM_SPEC_H
#define FRONTSIM_PARAM_SPEC_H
#include "frontsim/error.h"

typedef struct fsim_param_level {
  char name[64];   /* "" when not given */
  char value[128]; /* as for --set */
} fsim_param_level;

typedef struct fsim_param_spec {
  char path[FSIM_ERROR_PLACE]; /* as given: one path, or linked paths joined by ',' */
  char label[128], unit[64]; /* "" when not given */
  fsim_param_level *levels;  /* a categorical parameter (owned), nlevels long */
  int nlevels;
  int range;       /* from:to[:steps], rather than a list of values */
  double from, to; /* finite */
  int steps;       /* 0: not given */
  double *values;  /* the list, nvalues long, finite (owned; NULL for a range) */
  int nvalues;
} fsim_param_spec;

/* Reads spec into *out; a malformed spec is FSIM_E_INPUT naming the spec, what was
 * expected and what was found, and *out then holds nothing to free. */
fsim_status fsim_param_spec_read(const char *spec, fsim_param_spec *out, fsim_error *err);
void fsim_param_spec_free(fsim_param_spec *p);
#endif
