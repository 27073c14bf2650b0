/* fsim_plot_options set by name (include/frontsim/plot.h): one table row per option. */
#include "plot_options.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "optable.h"

void fsim_plot_options_init(fsim_plot_options *opt) {
  memset(opt, 0, sizeof *opt);
  opt->format = FSIM_PLOT_PNG;
  opt->baseline = -1;
}

static fsim_status parse_format(void *base, const char *value, fsim_error *err) {
  fsim_plot_options *o = base;
  fsim_status st = fsim_plot_format_parse(value, &o->format, err);
  if (st != FSIM_OK && err) snprintf(err->path, sizeof err->path, "%s", "format");
  return st;
}

static void format_format(const void *base, char *buf, size_t size) {
  const fsim_plot_options *o = base;
  snprintf(buf, size, "%s", fsim_plot_format_extension(o->format));
}

#define OFF(f) offsetof(fsim_plot_options, f)
static const fsim_opt_row rows[] = {
    {.name = "format", .kind = FSIM_OPT_CUSTOM, .parse = parse_format, .format = format_format,
     .doc = "png (default), svg or pdf"},
    {.name = "only", .kind = FSIM_OPT_TEXT, .offset = OFF(only),
     .doc = "one chart, a kind of chart or a sweep's metric; \"\": every chart"},
    {.name = "gnuplot", .kind = FSIM_OPT_TEXT, .offset = OFF(gnuplot),
     .doc = "the gnuplot program; \"\": $FRONTSIM_GNUPLOT, else gnuplot"},
    {.name = "timeout", .kind = FSIM_OPT_DOUBLE, .offset = OFF(timeout), .min = 0, .max = 1e7,
     .doc = "seconds each gnuplot process may take; 0: $FRONTSIM_GNUPLOT_TIMEOUT, else 120"},
    {.name = "baseline", .kind = FSIM_OPT_LONG, .offset = OFF(baseline), .min = -1, .max = 1e12,
     .doc = "a sweep's point: also chart each point's paired difference from it; -1: none"},
};
#undef OFF
static const fsim_opt_table table = {.what = "plot option", .rows = rows,
                                     .nrows = sizeof rows / sizeof *rows};

fsim_plot_options *fsim_plot_options_new(void) {
  fsim_plot_options *opt = malloc(sizeof *opt);
  if (opt) fsim_plot_options_init(opt);
  return opt;
}

void fsim_plot_options_free(fsim_plot_options *opt) {
  if (!opt) return;
  fsim_opt_free_texts(&table, opt);
  free(opt);
}

fsim_status fsim_plot_options_set(fsim_plot_options *opt, const char *name, const char *value,
                                  fsim_error *err) {
  return fsim_opt_set(&table, opt, name, value, err);
}

fsim_status fsim_plot_options_get(const fsim_plot_options *opt, const char *name, char *buf,
                                  size_t size, fsim_error *err) {
  return fsim_opt_get(&table, opt, name, buf, size, err);
}

void fsim_plot_options_set_progress(fsim_plot_options *opt, fsim_progress_fn fn, void *ctx) {
  if (!opt) return;
  opt->progress = fn;
  opt->progress_ctx = ctx;
}

void fsim_plot_options_set_written(fsim_plot_options *opt,
                                   void (*fn)(void *ctx, const char *image, const char *script),
                                   void *ctx) {
  if (!opt) return;
  opt->written = fn;
  opt->written_ctx = ctx;
}

void fsim_plot_options_set_skipped(fsim_plot_options *opt,
                                   void (*fn)(void *ctx, const char *chart, const char *why),
                                   void *ctx) {
  if (!opt) return;
  opt->skipped = fn;
  opt->skipped_ctx = ctx;
}

void fsim_plot_options_set_removed(fsim_plot_options *opt, void (*fn)(void *ctx, const char *path),
                                   void *ctx) {
  if (!opt) return;
  opt->removed = fn;
  opt->removed_ctx = ctx;
}
