/* Options set by name: the one table-driven reader behind fsim_run_options_set,
 * fsim_sweep_options_set and fsim_plot_options_set (docs/API.md). A binding sets any
 * option from text, and an option added later is a new row, not a new ABI. */
#ifndef FSIM_CORE_OPTABLE_H
#define FSIM_CORE_OPTABLE_H

#include <stddef.h>

#include "frontsim/error.h"

typedef enum fsim_opt_kind {
  FSIM_OPT_LONG,   /* long, within [min, max] */
  FSIM_OPT_INT,    /* int, within [min, max] */
  FSIM_OPT_U64,    /* uint64_t, a whole number from 0 to max (max 0: any) */
  FSIM_OPT_DOUBLE, /* double, within [min, max] */
  FSIM_OPT_BOOL,   /* int 0 or 1, from 0/1, yes/no, true/false, on/off */
  FSIM_OPT_TEXT,   /* char *, a copy the options own (NULL: unset) */
  FSIM_OPT_CUSTOM, /* parsed and formatted by the row's own functions */
} fsim_opt_kind;

typedef struct fsim_opt_row {
  const char *name;
  fsim_opt_kind kind;
  size_t offset; /* of the field in the options struct */
  double min, max;
  /* FSIM_OPT_CUSTOM: reads `value` into the struct at `base`; writes it back as text. */
  fsim_status (*parse)(void *base, const char *value, fsim_error *err);
  void (*format)(const void *base, char *buf, size_t size);
  /* Where an option also sets a flag (e.g. a seed given: has_seed): its offset + 1,
   * 0 for none; the flag, an int, becomes 1. */
  size_t flag_offset_plus1;
  const char *doc; /* one line for docs/API.md */
} fsim_opt_row;

typedef struct fsim_opt_table {
  const char *what; /* "run option", for messages */
  const fsim_opt_row *rows;
  size_t nrows;
  /* Options of another kind embedded in this one (a comparison's run options): its
   * table, and where its struct lies in this one. */
  const struct fsim_opt_table *parent;
  size_t parent_offset;
} fsim_opt_table;

/* Sets option `name` of the struct at `base` from text. FSIM_E_INPUT naming the
 * option (err->path) with what was expected, and "did you mean" for a misspelt name. */
fsim_status fsim_opt_set(const fsim_opt_table *t, void *base, const char *name,
                         const char *value, fsim_error *err);
/* The option's value as text (the form fsim_opt_set reads back). */
fsim_status fsim_opt_get(const fsim_opt_table *t, const void *base, const char *name, char *buf,
                         size_t size, fsim_error *err);
/* Frees the text options' copies. */
void fsim_opt_free_texts(const fsim_opt_table *t, void *base);

#endif
