/* fsim_compare_options set by name (include/frontsim/compare.h): the run options'
 * table embedded, and the target's rows. */
#include "compare_options.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "optable.h"

void fsim_compare_options_init(fsim_compare_options *opt) {
  memset(opt, 0, sizeof *opt);
  fsim_run_options_init(&opt->run);
}

#define OFF(f) offsetof(fsim_compare_options, f)
static const fsim_opt_row rows[] = {
    {.name = "target_metric", .kind = FSIM_OPT_TEXT, .offset = OFF(target_metric),
     .doc = "a metric whose paired differences must reach target_halfwidth"},
    {.name = "target_halfwidth", .kind = FSIM_OPT_DOUBLE, .offset = OFF(target_halfwidth),
     .min = 1e-300, .max = 1e300, .doc = "the 95% CI half-width to reach"},
    {.name = "max_replications", .kind = FSIM_OPT_LONG, .offset = OFF(max_replications),
     .min = 0, .max = 1e12, .doc = "the most replications the target may take; 0: 1,000,000"},
};
static const fsim_opt_table table = {"compare option", rows, sizeof rows / sizeof *rows,
                                     &fsim_run_option_table, OFF(run)};
#undef OFF

fsim_compare_options *fsim_compare_options_new(void) {
  fsim_compare_options *opt = malloc(sizeof *opt);
  if (opt) fsim_compare_options_init(opt);
  return opt;
}

void fsim_compare_options_free(fsim_compare_options *opt) {
  if (!opt) return;
  fsim_opt_free_texts(&table, opt);
  free(opt);
}

fsim_status fsim_compare_options_set(fsim_compare_options *opt, const char *name,
                                     const char *value, fsim_error *err) {
  return fsim_opt_set(&table, opt, name, value, err);
}

fsim_status fsim_compare_options_get(const fsim_compare_options *opt, const char *name,
                                     char *buf, size_t size, fsim_error *err) {
  return fsim_opt_get(&table, opt, name, buf, size, err);
}

void fsim_compare_options_set_progress(fsim_compare_options *opt, fsim_progress_fn fn,
                                       void *ctx) {
  if (!opt) return;
  opt->run.progress = fn;
  opt->run.progress_ctx = ctx;
}
