/* fsim_run_options set by name (include/frontsim/run.h): one table row per option. */
#include "run_options.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "frontsim/scenario.h"
#include "optable.h"

void fsim_run_options_init(fsim_run_options *opt) {
  memset(opt, 0, sizeof *opt);
  opt->keep_series = 1;
}

#define OFF(f) offsetof(fsim_run_options, f)
static const fsim_opt_row rows[] = {
    {.name = "replications", .kind = FSIM_OPT_LONG, .offset = OFF(replications), .min = 0,
     .max = 1e12, .doc = "replications to run; 0: the scenario's run.replications"},
    {.name = "seed", .kind = FSIM_OPT_U64, .offset = OFF(seed), .max = (double)FSIM_SEED_MAX,
     .flag_offset_plus1 = OFF(has_seed) + 1, .doc = "master seed, instead of run.seed"},
    {.name = "threads", .kind = FSIM_OPT_INT, .offset = OFF(threads), .min = 0, .max = 4096,
     .doc = "threads; 0: OpenMP's default (results do not depend on it)"},
    {.name = "series", .kind = FSIM_OPT_TEXT, .offset = OFF(series),
     .doc = "daily series kept: \"all\" (default), \"none\" or names separated by commas"},
    {.name = "series_exact_max", .kind = FSIM_OPT_LONG, .offset = OFF(series_exact_max),
     .min = 0, .max = 1e12,
     .doc = "replications up to which the series' statistics are exact; 0: 10,000"},
    {.name = "point", .kind = FSIM_OPT_U64, .offset = OFF(point),
     .doc = "p in the seeding hash (docs/MODEL.md 11): another value, independent streams"},
    {.name = "first_replication", .kind = FSIM_OPT_LONG, .offset = OFF(first_replication),
     .min = 0, .max = 1e15, .doc = "index of the first replication (to extend a run)"},
};
#undef OFF
const fsim_opt_table fsim_run_option_table = {"run option", rows, sizeof rows / sizeof *rows,
                                              NULL, 0};

fsim_run_options *fsim_run_options_new(void) {
  fsim_run_options *opt = malloc(sizeof *opt);
  if (opt) fsim_run_options_init(opt);
  return opt;
}

void fsim_run_options_free(fsim_run_options *opt) {
  if (!opt) return;
  fsim_opt_free_texts(&fsim_run_option_table, opt);
  free(opt);
}

fsim_status fsim_run_options_set(fsim_run_options *opt, const char *name, const char *value,
                                 fsim_error *err) {
  return fsim_opt_set(&fsim_run_option_table, opt, name, value, err);
}

fsim_status fsim_run_options_get(const fsim_run_options *opt, const char *name, char *buf,
                                 size_t size, fsim_error *err) {
  return fsim_opt_get(&fsim_run_option_table, opt, name, buf, size, err);
}

void fsim_run_options_set_progress(fsim_run_options *opt, fsim_progress_fn fn, void *ctx) {
  if (!opt) return;
  opt->progress = fn;
  opt->progress_ctx = ctx;
}
