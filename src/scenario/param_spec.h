/* The one reader of a --param spec: "path=a,b,c" (values), "path=from:to" (a range)
 * or "path=from:to:steps" (a grid). fsim_overrides_add_param checks a spec with it
 * when it is given, and fsim_config_set_params builds the sweep parameter from what
 * it read, so the two cannot disagree on a spec. */
#ifndef FRONTSIM_PARAM_SPEC_H
#define FRONTSIM_PARAM_SPEC_H
#include "frontsim/error.h"

typedef struct fsim_param_spec {
  char path[FSIM_ERROR_PLACE];
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
