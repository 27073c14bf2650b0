/* The @KEY@ fields of the sweep templates (plots/sweep_*.gp): the metric, its scale
 * and labels, and the design as gnuplot variables. */
#include <ctype.h>
#include <math.h>
#include <string.h>

#include "formats.h"
#include "plot_internal.h"

/* text as one word of a gnuplot word list: in double quotes, so that a label of
 * several words stays one (a double quote inside becomes a single one). */
static void put_word(FILE *out, const char *text) {
  char buf[FSIM_TEXT_MAX + FSIM_NAME_MAX + 4];
  snprintf(buf, sizeof buf, "%s", text);
  for (char *p = buf; *p; p++)
    if (*p == '"') *p = '\'';
  fputc('"', out);
  fsim_plot_put_quoted(out, buf);
  fputc('"', out);
}

/* An axis title begins with a capital, as the value axis does ("Delay (days)"
 * from the label "delay"); a setting's path, the title where a parameter has no
 * label and its path's end is ambiguous, stays as written. */
void fsim_plot_put_title_word(FILE *out, const char *text) {
  char buf[FSIM_TEXT_MAX + FSIM_NAME_MAX + 4];
  snprintf(buf, sizeof buf, "%s", text);
  size_t word = strcspn(buf, " (");
  if (islower((unsigned char)buf[0]) && strcspn(buf, ".[") >= word)
    buf[0] = (char)toupper((unsigned char)buf[0]);
  put_word(out, buf);
}

/* The design as gnuplot variables: the parameters' columns and legend names and,
 * for a grid, each one's values, count and stride. */
static void put_design(FILE *out, const fsim_plot_sweep *sw) {
  fputs("params = '", out);
  for (int i = 0; i < sw->nparams; i++) {
    if (i) fputc(' ', out);
    fsim_plot_put_quoted(out, sw->params[i].path);
  }
  fputs("'\nparam_labels = '", out);
  for (int i = 0; i < sw->nparams; i++) {
    if (i) fputc(' ', out);
    put_word(out, sw->params[i].label);
  }
  fputs("'\n# Axis titles: the label and unit of each parameter.\nparam_axes = '", out);
  for (int i = 0; i < sw->nparams; i++) {
    if (i) fputc(' ', out);
    fsim_plot_put_title_word(out, sw->params[i].axis);
  }
  fputs("'\n# The same without the unit, where a panel is too narrow for it.\nparam_titles = '",
        out);
  for (int i = 0; i < sw->nparams; i++) {
    if (i) fputc(' ', out);
    fsim_plot_put_title_word(out, sw->params[i].label);
  }
  /* Categorical parameters: sweep.csv holds a level's name, charted at its number
   * (1, 2, ...) with the name as the tick label. */
  fputs("'\n# Levels of each parameter (0: numeric), and the names of a categorical one's.\n"
        "nlevels = '",
        out);
  for (int i = 0; i < sw->nparams; i++) fprintf(out, "%s%d", i ? " " : "", sw->params[i].nlevels);
  fputc('\'', out);
  for (int i = 0; i < sw->nparams; i++) {
    if (sw->params[i].nlevels == 0) continue;
    fprintf(out, "\nlevels_%d = '", i + 1);
    for (int l = 0; l < sw->params[i].nlevels; l++)
      fprintf(out, "%s%s", l ? " " : "", sw->params[i].levels[l]);
    fputc('\'', out);
  }
  fputs("\n", out);
  if (!sw->grid) {
    fprintf(out, "# A %s design of %ld points: no grid.", fsim_sweep_method_name(sw->method),
            sw->npoints);
    return;
  }
  fputs("# A grid: every combination of the values below, the last parameter varying\n"
        "# fastest, so row p of the data (from 0) has value number\n"
        "# (p / stride(i)) % count(i) + 1 of parameter i.\ncounts = '",
        out);
  for (int i = 0; i < sw->nparams; i++) fprintf(out, "%s%d", i ? " " : "", sw->params[i].count);
  fputs("'\nstrides = '", out);
  for (int i = 0; i < sw->nparams; i++) {
    long stride = 1;
    for (int j = i + 1; j < sw->nparams; j++) stride *= sw->params[j].count;
    fprintf(out, "%s%ld", i ? " " : "", stride);
  }
  fputs("'", out);
  for (int i = 0; i < sw->nparams; i++) {
    fprintf(out, "\nvalues_%d = '", i + 1);
    for (int j = 0; j < sw->params[i].count; j++)
      fprintf(out, "%s%.10g", j ? " " : "", sw->params[i].values[j]);
    fputc('\'', out);
  }
}

/* Cell labels of a heat map with about three significant digits. */
static const char *cell_format(const fsim_sweep_metric *mt) {
  double top = mt->max_abs * mt->scale;
  return top >= 100.0 ? "%.0f" : top >= 10.0 ? "%.1f" : "%.2f";
}

int fsim_plot_sweep_fill(FILE *out, const fsim_plot_run *run, const fsim_chart *chart,
                         const char *key) {
  const fsim_plot_sweep *sw = run->sweep;
  if (!sw || chart->metric < 0 || chart->metric >= sw->nmetrics) return 0;
  const fsim_sweep_metric *mt = &sw->metrics[chart->metric];
  const int paired = strcmp(chart->kind, "paired") == 0;
  if (strcmp(key, "METRIC") == 0)
    fsim_plot_put_quoted(out, mt->name);
  else if (strcmp(key, "SCALE") == 0)
    fprintf(out, "%.10g", mt->scale);
  else if (strcmp(key, "VALUE_LABEL") == 0) {
    /* A difference: which metric, the title says; the axis gives the unit. */
    const char *unit = strrchr(mt->axis, '(');
    if (paired && unit) unit = fsim_plot_difference_unit(mt->unit, unit - 1) + 1;
    if (paired) fprintf(out, "Difference from point %ld%s", sw->baseline, unit ? " " : "");
    fsim_plot_put_quoted(out, paired ? (unit ? unit : "") : mt->axis);
  } else if (strcmp(key, "PAIRED_DATA") == 0) {
    if (paired) fsim_plot_put_paired(out, sw, chart->metric);
  } else if (paired && (strcmp(key, "LOWER") == 0 || strcmp(key, "UPPER") == 0))
    fputs(key[0] == 'L' ? "-1e300" : "1e300", out); /* a difference has either sign */
  else if (strcmp(key, "LOWER") == 0 || strcmp(key, "UPPER") == 0) {
    /* As shown (scaled); a bound the unit does not have is written as none. */
    const fsim_metric_unit *u = fsim_metric_unit_of(mt->unit);
    const double b = (key[0] == 'L' ? u->lower : u->upper) * mt->scale;
    if (isfinite(b))
      fprintf(out, "%.10g", b);
    else
      fputs(b < 0 ? "-1e300" : "1e300", out);
  } else if (strcmp(key, "CELL_FORMAT") == 0)
    fputs(cell_format(mt), out);
  else if (strcmp(key, "DESIGN") == 0)
    put_design(out, sw);
  else if (strcmp(key, "TALLER") == 0)
    fprintf(out, "%.4g", chart->taller > 1 ? chart->taller : 1.0);
  else if (strcmp(key, "X_PARAM") == 0)
    fprintf(out, "%d", sw->x_param + 1);
  else if (strcmp(key, "LINE_PARAM") == 0)
    fprintf(out, "%d", sw->line_param + 1);
  else if (strcmp(key, "MAX_LINES") == 0)
    fprintf(out, "%d", FSIM_SWEEP_MAX_LINES);
  else if (strcmp(key, "PARAM_ORDER") == 0)
    fsim_plot_put_quoted(out, mt->order);
  else if (strcmp(key, "NOISE_SHARE") == 0) {
    if (isnan(mt->noise_share))
      fputs("NaN", out);
    else
      fprintf(out, "%.6g", mt->noise_share);
  } else if (strcmp(key, "SOBOL_NOTE") == 0) {
    /* Indices are shares of the variance, 0 to 1: estimates past them are sampling error. */
    if (mt->idx_lo < 0.0 || mt->idx_hi > 1.0)
      fprintf(out, "Estimates and interval ends outside 0 to 1 (here %.2f to %.2f: sampling "
              "error) are drawn at 0 or 1, marked by an arrow",
              mt->idx_lo < 0.0 ? mt->idx_lo : 0.0, mt->idx_hi > 1.0 ? mt->idx_hi : 1.0);
  } else if (strcmp(key, "SOBOL_WARNING") == 0) {
    /* The rule of the sweep's own warning (formats.h, docs/USAGE.md). */
    const long n = sw->npoints / (sw->nparams + 2);
    if (mt->idx_width > FSIM_SOBOL_MAX_WIDTH)
      fprintf(out, "Base sample too small (N = %ld): intervals up to %.2f wide, over %.2f; "
              "about N = %ld (--points) would narrow them to %.2f",
              n, mt->idx_width, FSIM_SOBOL_MAX_WIDTH,
              fsim_sobol_points_needed(n, mt->idx_width), FSIM_SOBOL_MAX_WIDTH);
  } else
    return 0;
  return 1;
}
