/* The charts of a sweep directory: what each metric is (its title, unit and
 * scale, from the metric table) and which charts it gets. Each metric gets an effect chart (its mean
 * against the parameters, with confidence intervals), a heat map over two
 * parameters when the design is a grid of two or more, for sobol a chart of
 * its Sobol' indices, and for morris one of mu* against sigma. */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "formats.h"
#include "plot_internal.h"

/* Formats a chart's title or subtitle into dst (n bytes); a text too long for it ends
 * in "..." rather than being cut silently. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void chart_text(char *dst, size_t n, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  const int len = vsnprintf(dst, n, fmt, ap);
  va_end(ap);
  if (len >= 0 && (size_t)len >= n && n > 4) memcpy(dst + n - 4, "...", 4);
}


/* ---- What each metric is ------------------------------------------------- */

/* The unit as the suffix of a title or an axis label, and the scale of the values
 * shown (metric_table.c: shares in %, persons in thousands once they reach 10,000,
 * as the run charts show them). */
static const char *unit_suffix(int unit, double max_abs, double *scale) {
  const fsim_metric_unit *u = fsim_metric_unit_of(unit);
  if (u->large > 0 && max_abs >= u->large) {
    *scale = u->large_scale;
    return u->large_suffix;
  }
  *scale = u->scale;
  return u->suffix;
}

/* The headline metrics, charted when the sweep did not list its metrics (it then
 * has every metric, too many to chart): those the metric table marks, and those it
 * marks for the diversion's sector (what the diversion drew). */
static int headline(const fsim_scenario *sc, const fsim_layout *lay, int m) {
  if (m < 0) return 0;
  const fsim_metric_ref *r = &lay->metric_ref[m];
  switch (fsim_metric_families[r->family].headline) {
    case FSIM_HEADLINE_YES: return 1;
    case FSIM_HEADLINE_DIVERSION: return r->a == sc->run.diversion;
    default: return 0;
  }
}

/* The grid charts' axes: the parameter with the most values along x, one line
 * (or heat map row) per value of the one with the next most. */
static void choose_axes(fsim_plot_sweep *sw) {
  sw->x_param = 0;
  sw->line_param = -1;
  for (int i = 1; i < sw->nparams; i++)
    if (sw->params[i].count > sw->params[sw->x_param].count) sw->x_param = i;
  for (int i = 0; i < sw->nparams; i++)
    if (i != sw->x_param &&
        (sw->line_param < 0 || sw->params[i].count > sw->params[sw->line_param].count))
      sw->line_param = i;
}

fsim_status fsim_plot_sweep_describe(fsim_plot_sweep *sw, const fsim_scenario *sc,
                                     fsim_error *err) {
  fsim_layout lay;
  fsim_status st = fsim_layout_build(&lay, sc, err);
  if (st != FSIM_OK) return st;
  sw->method = sc->has_sweep ? sc->sweep.method : FSIM_SWEEP_GRID;
  /* A grid of the method "grid" only: an lhs or sobol design is never charted
   * as lines, even in the unlikely case its points fall on a grid. */
  if (sw->method != FSIM_SWEEP_GRID) sw->grid = 0;
  const int listed = sc->has_sweep && sc->sweep.nmetrics > 0;
  int ndefault = 0;
  for (int m = 0; m < sw->nmetrics; m++) {
    fsim_sweep_metric *mt = &sw->metrics[m];
    int lm = fsim_layout_find_metric(&lay, mt->name);
    char title[FSIM_CHART_TEXT], axis[FSIM_CHART_TEXT];
    mt->unit = -1;
    mt->kind = FSIM_METRIC_VALUE;
    if (lm >= 0) { /* its title, axis label and unit from the metric table */
      const fsim_metric_ref *r = &lay.metric_ref[lm];
      const fsim_metric_family *fam = &fsim_metric_families[r->family];
      fsim_metric_text(title, sizeof title, fam->title, sc, r->family, r->a, r->b, 1);
      fsim_metric_text(axis, sizeof axis, fam->axis, sc, r->family, r->a, r->b, 1);
      mt->unit = fam->unit;
      mt->kind = fam->kind;
    } else { /* a column the scenario does not have: its name */
      snprintf(title, sizeof title, "%s", mt->name);
      snprintf(axis, sizeof axis, "%s", mt->name);
    }
    const char *suffix = unit_suffix(mt->unit, mt->max_abs, &mt->scale);
    snprintf(mt->subject, sizeof mt->subject, "%s", title);
    snprintf(mt->title, sizeof mt->title, "%.300s%s", title, suffix);
    snprintf(mt->axis, sizeof mt->axis, "%.300s%s", axis, suffix);
    mt->is_default = mt->defined > 0 && (listed || headline(sc, &lay, lm));
    ndefault += mt->is_default;
  }
  /* A scenario without any headline metric: the first few. */
  for (int m = 0; ndefault == 0 && m < sw->nmetrics && m < 8; m++)
    sw->metrics[m].is_default = sw->metrics[m].defined > 0;
  choose_axes(sw);
  fsim_layout_destroy(&lay);
  return FSIM_OK;
}

/* ---- The charts ---------------------------------------------------------- */


/* "; a held at 1, b held at 2": the other parameters of a grid of more than
 * two, at their middle value (plots/sweep_lines.gp and sweep_heatmap.gp take
 * the same values). */
static void slice_text(const fsim_plot_sweep *sw, char *out, size_t size) {
  size_t len = 0;
  out[0] = '\0';
  for (int i = 0; i < sw->nparams; i++) {
    if (i == sw->x_param || i == sw->line_param) continue;
    const fsim_sweep_param *p = &sw->params[i];
    const int mid = (p->count - 1) / 2;
    char value[FSIM_NAME_MAX];
    if (p->nlevels > 0)
      snprintf(value, sizeof value, "%s", p->levels[mid]);
    else
      snprintf(value, sizeof value, "%.6g", p->values[mid]);
    int w = snprintf(out + len, size - len, "%s%s held at %s", len ? ", " : "; ", p->label,
                     value);
    if (w < 0 || (size_t)w >= size - len) break;
    len += (size_t)w;
  }
}

/* The replications a metric's means are of: all of them, or for a conditional
 * metric (metric table kind) those where it is defined. The day a route was cut
 * counts the replications where it was, which its route_cut metric gives when the
 * sweep has it (its mean, the share, at each point: "68-149 of 200"). */
static void reps_text(const fsim_plot_sweep *sw, int m, long reps, char *out, size_t size) {
  const fsim_sweep_metric *mt = &sw->metrics[m];
  snprintf(out, size, "%ld replications", reps);
  if (mt->kind != FSIM_METRIC_CONDITIONAL) return;
  snprintf(out, size, "the replications where it is defined (of %ld)", reps);
  const char *dot = strrchr(mt->name, '.');
  if (dot && strcmp(dot, ".cut_day") == 0)
    for (int k = 0; k < sw->nmetrics; k++) {
      const fsim_sweep_metric *c = &sw->metrics[k];
      const size_t stem = (size_t)(dot - mt->name);
      if (c->defined == 0 || strncmp(c->name, mt->name, stem) != 0 ||
          strcmp(c->name + stem, ".route_cut") != 0)
        continue;
      const long lo = lround(c->lo * (double)reps), hi = lround(c->hi * (double)reps);
      if (lo == hi)
        snprintf(out, size, "the %ld of %ld replications with a cut", lo, reps);
      else
        snprintf(out, size, "the %ld-%ld of %ld replications with a cut", lo, hi, reps);
      return;
    }
}

/* The panels of plots/sweep_scatter.gp (four a row, beyond four parameters three):
 * beyond two rows, a canvas half as high again per row keeps each panel readable. */
static double scatter_taller(const fsim_plot_sweep *sw) {
  const int ncols = sw->nparams <= 4 ? sw->nparams : 3;
  const int rows = (sw->nparams + ncols - 1) / ncols;
  return rows > 2 ? 1 + 0.5 * (rows - 2) : 1;
}

/* "a 1.5, b 7": the parameters' values at point p, from the paired table's row. */
static void point_text(const fsim_plot_sweep *sw, long p, char *out, size_t size) {
  out[0] = '\0';
  const char *row = strchr(sw->paired_lead[p], ','); /* after the point's number */
  size_t len = 0;
  for (int i = 0; row && i < sw->nparams; i++) {
    const char *v = row + 1, *end = strchr(v, ',');
    const int n = end ? (int)(end - v) : (int)strlen(v);
    const int w = snprintf(out + len, size - len, "%s%s %.*s", i ? ", " : "",
                           sw->params[i].label, n, v);
    if (w < 0 || (size_t)w >= size - len) break;
    len += (size_t)w;
    row = end;
  }
}

static fsim_chart *add_chart(fsim_plot_run *run, const fsim_plot_sweep *sw, int m,
                             const char *kind, const char *template_name, const char *data) {
  fsim_chart *c = fsim_plot_chart_add(run, kind, template_name, kind, sw->metrics[m].name);
  c->metric = m;
  c->topic = sw->metrics[m].name;
  c->optional = !sw->metrics[m].is_default;
  snprintf(c->data, sizeof c->data, "%s", data);
  const fsim_sweep_metric *mt = &sw->metrics[m];
  if (mt->defined > 0 && mt->lo == mt->hi)
    snprintf(c->skip, sizeof c->skip, "constant: %.6g at every point of the sweep (%.100s)",
             mt->lo * mt->scale, mt->axis);
  return c;
}

fsim_status fsim_plot_sweep_charts(fsim_plot_run *run, const fsim_plot_sweep *sw,
                                   fsim_error *err) {
  run->sweep = sw;
  run->ncharts = 0;
  run->charts = calloc((size_t)sw->nmetrics * 4 + 1, sizeof *run->charts);
  if (!run->charts) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  const long reps = run->replications;
  char slice[FSIM_CHART_TEXT];
  slice_text(sw, slice, sizeof slice);
  const int heatmap = sw->grid && sw->line_param >= 0 && sw->params[sw->x_param].count > 1 &&
                      sw->params[sw->line_param].count > 1;
  for (int m = 0; m < sw->nmetrics; m++) {
    const fsim_sweep_metric *mt = &sw->metrics[m];
    if (mt->defined == 0) continue; /* nothing to draw (a conditional metric never defined) */
    fsim_chart *c;
    char rtext[96];
    reps_text(sw, m, reps, rtext, sizeof rtext);
    if (sw->grid) {
      c = add_chart(run, sw, m, "effect", "sweep_lines", "../sweep.csv");
      if (sw->line_param < 0) {
        chart_text(c->subtitle, sizeof c->subtitle,
                 "Means across %s at each value of %s, with 95%% "
                 "confidence intervals",
                 rtext, sw->params[sw->x_param].label);
      } else {
        int n = sw->params[sw->line_param].count;
        const int most = FSIM_SWEEP_MAX_LINES;
        int step = n > most ? (n - 1 + most - 2) / (most - 1) : 1;
        char every[32] = "";
        if (step > 1) snprintf(every, sizeof every, " (1 value in %d)", step);
        chart_text(c->subtitle, sizeof c->subtitle,
                 "Means of %s, 95%% confidence intervals; a line per %s%s%s",
                 rtext, sw->params[sw->line_param].label, every, slice);
      }
    } else {
      c = add_chart(run, sw, m, "effect", "sweep_scatter", "../sweep.csv");
      c->taller = scatter_taller(sw);
      chart_text(c->subtitle, sizeof c->subtitle,
               "Means across %s at each of the %ld points of the %s design, "
               "with 95%% confidence intervals",
               rtext, sw->npoints, fsim_sweep_method_name(sw->method));
    }
    chart_text(c->title, sizeof c->title, "%s", mt->title);
    if (heatmap) {
      c = add_chart(run, sw, m, "heatmap", "sweep_heatmap", "../sweep.csv");
      chart_text(c->title, sizeof c->title, "%s", mt->title);
      /* "by x and y" where it fits the width of a chart; the axes name them anyway. */
      const char *xl = sw->params[sw->x_param].label, *yl = sw->params[sw->line_param].label;
      if (strlen(xl) + strlen(yl) + strlen(slice) <= 40)
        chart_text(c->subtitle, sizeof c->subtitle,
                   "Means across %s at each point of the grid, by %s and %s%s",
                   rtext, xl, yl, slice);
      else
        chart_text(c->subtitle, sizeof c->subtitle,
                   "Means across %s at each point of the grid%s", rtext, slice);
    }
    if (sw->method == FSIM_SWEEP_SOBOL && mt->has_indices) {
      c = add_chart(run, sw, m, "sensitivity", "sensitivity", "../sensitivity.csv");
      chart_text(c->title, sizeof c->title, "Sensitivity: %.360s", mt->subject);
      chart_text(c->subtitle, sizeof c->subtitle,
               "%ld points x %ld replications; a hollow bar's 95%% interval contains 0: "
               "indistinguishable from 0, as is an index below the noise line",
               sw->npoints, reps);
    }
    if (sw->has_paired) {
      c = add_chart(run, sw, m, "paired", sw->grid ? "sweep_lines" : "sweep_scatter", "$paired");
      if (!sw->grid) c->taller = scatter_taller(sw);
      const size_t k = strlen(mt->subject);
      const char *own = k <= strlen(mt->title) ? mt->title + k : ""; /* its unit's suffix */
      chart_text(c->title, sizeof c->title, "Difference from point %ld: %.300s%s", sw->baseline,
                 mt->subject, fsim_plot_difference_unit(mt->unit, own));
      char at[FSIM_CHART_TEXT];
      point_text(sw, sw->baseline, at, sizeof at);
      chart_text(c->subtitle, sizeof c->subtitle,
                 "Minus point %ld (%s), replication by replication; paired 95%% CIs", 
                 sw->baseline, at);
    }
    if (sw->method == FSIM_SWEEP_MORRIS && mt->has_indices) {
      c = add_chart(run, sw, m, "morris", "sweep_morris", "../" FSIM_MORRIS_NAME);
      chart_text(c->title, sizeof c->title, "Screening: %.360s", mt->subject);
      chart_text(c->subtitle, sizeof c->subtitle,
                 "Elementary effects over %ld trajectories (%ld points x %ld replications), "
                 "95%% bootstrap intervals",
                 sw->npoints / (sw->nparams + 1), sw->npoints, reps);
    }
  }
  return FSIM_OK;
}
