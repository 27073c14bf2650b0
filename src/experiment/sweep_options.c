/* fsim_sweep_options set by name (include/frontsim/sweep.h): one table row per option. */
#include "sweep_options.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "optable.h"

void fsim_sweep_options_init(fsim_sweep_options *opt) { memset(opt, 0, sizeof *opt); }

/* "K/N" with 1 <= K <= N, or "" for no shard: as --shard reads it. */
static fsim_status parse_shard(void *base, const char *value, fsim_error *err) {
  fsim_sweep_options *o = base;
  if (!*value) {
    o->shard_k = o->shard_n = 0;
    return FSIM_OK;
  }
  int k = 0, n = 0, used = 0;
  if (sscanf(value, "%d/%d%n", &k, &n, &used) != 2 || value[used] || n < 1 || k < 1 || k > n)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "shard",
                          "expected K/N with 1 <= K <= N (e.g. 2/4), found \"%.40s\"", value);
  o->shard_k = k;
  o->shard_n = n;
  return FSIM_OK;
}

static void format_shard(const void *base, char *buf, size_t size) {
  const fsim_sweep_options *o = base;
  if (o->shard_n > 0)
    snprintf(buf, size, "%d/%d", o->shard_k, o->shard_n);
  else
    snprintf(buf, size, "%s", "");
}

#define OFF(f) offsetof(fsim_sweep_options, f)
static const fsim_opt_row rows[] = {
    {.name = "replications", .kind = FSIM_OPT_LONG, .offset = OFF(replications), .min = 0,
     .max = 1e12, .doc = "replications per point; 0: the scenario's sweep.replications"},
    {.name = "threads", .kind = FSIM_OPT_INT, .offset = OFF(threads), .min = 0, .max = 4096,
     .doc = "threads; 0: OpenMP's default (results do not depend on it)"},
    {.name = "resume", .kind = FSIM_OPT_BOOL, .offset = OFF(resume),
     .doc = "1: continue an interrupted sweep in the same output directory"},
    {.name = "force", .kind = FSIM_OPT_BOOL, .offset = OFF(force),
     .doc = "1: start over even when the output directory holds an interrupted sweep"},
    {.name = "shard", .kind = FSIM_OPT_CUSTOM, .parse = parse_shard, .format = format_shard,
     .doc = "K/N: run only the points p with p % N == K - 1 (merge the shards after)"},
    {.name = "long_format", .kind = FSIM_OPT_BOOL, .offset = OFF(long_format),
     .doc = "1: also write sweep_long.csv, a row per point, metric and statistic"},
    {.name = "command_line", .kind = FSIM_OPT_TEXT, .offset = OFF(command_line),
     .doc = "the command recorded in the outputs' headers"},
};
#undef OFF
static const fsim_opt_table table = {.what = "sweep option", .rows = rows,
                                     .nrows = sizeof rows / sizeof *rows};

fsim_sweep_options *fsim_sweep_options_new(void) {
  fsim_sweep_options *opt = malloc(sizeof *opt);
  if (opt) fsim_sweep_options_init(opt);
  return opt;
}

void fsim_sweep_options_free(fsim_sweep_options *opt) {
  if (!opt) return;
  fsim_opt_free_texts(&table, opt);
  free(opt);
}

fsim_status fsim_sweep_options_set(fsim_sweep_options *opt, const char *name, const char *value,
                                   fsim_error *err) {
  return fsim_opt_set(&table, opt, name, value, err);
}

fsim_status fsim_sweep_options_get(const fsim_sweep_options *opt, const char *name, char *buf,
                                   size_t size, fsim_error *err) {
  return fsim_opt_get(&table, opt, name, buf, size, err);
}

void fsim_sweep_options_set_progress(fsim_sweep_options *opt, fsim_progress_fn fn, void *ctx) {
  if (!opt) return;
  opt->progress = fn;
  opt->progress_ctx = ctx;
}
