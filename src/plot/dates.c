/* The date axis: gnuplot's automatic time ticks crowd long labels together
 * (two-week ticks over four months overlap), so frontsim chooses them for the
 * run's length and writes them into the script, where they can be edited.
 * Up to about half a year: ticks every few days or weeks from the first day,
 * labelled "05 Jan 2025", with daily or weekly minor ticks. Longer: ticks on the
 * first of every month, second, third... month, labelled "Apr 2025". */
#include <stdio.h>

#include "date.h"
#include "plot_internal.h"

#define DAY_SECONDS 86400

/* No major tick this close to the right end: its centred label would run off
 * the canvas. Half a label of 11 characters is about 55 px of a 1200 px PNG (the
 * widest text of the formats), the right margin 30 px, so 25 px, 0.024 of the
 * plot, must be clear; 0.07 left the last month of a four-month run unlabelled. */
#define RIGHT_CLEARANCE 0.03

static void write_tick(FILE *out, long epoch_day, int *n) {
  char date[11];
  fsim_date_format(epoch_day, date);
  fprintf(out, "%sdate_of('%s')", *n == 0 ? "" : (*n % 4 == 0 ? ", \\\n    " : ", "), date);
  ++*n;
}

/* The axis is drawn for any range it is given, within the years 0 to 9999 (dates
 * of four digits); every loop below then ends after at most one step per month of
 * that window. The loader keeps a run's dates in 1900 to 2999 (date.h). */
static long clamp_day(long day) {
  long lo = fsim_date_from_civil(0, 1, 1), hi = fsim_date_from_civil(9999, 12, 31);
  return day < lo ? lo : day > hi ? hi : day;
}

static void day_ticks(FILE *out, long first, long last, long start) {
  static const int steps[] = {1, 2, 7, 14, 28, 42, 56, 91};
  long span = last - first;
  int step = steps[sizeof steps / sizeof steps[0] - 1];
  /* At most about seven labels of 11 characters across the plot. */
  for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
    if (span / steps[i] <= 6) {
      step = steps[i];
      break;
    }
  fputs("date_format = '%d %b %Y'\nset format x date_format\nset xtics (", out);
  int n = 0;
  if (start < first) start += (first - start + step - 1) / step * step; /* left of the axis */
  for (long d = start; d <= last; d += step)
    if ((double)(d - first) <= (1.0 - RIGHT_CLEARANCE) * (double)span) write_tick(out, d, &n);
  if (n == 0) write_tick(out, first, &n); /* a run of a day or two: the left edge */
  fputs(")\n", out);
  int minor = step <= 14 ? 1 : 7;
  if (minor < step)
    fprintf(out,
            "do for [d = %ld:%ld:%d] { set xtics add ('' date_of(first_date) + d * %d 1) }",
            (start - first) % minor, span, minor, DAY_SECONDS);
  else
    fputs("# (no minor ticks)", out);
}

/* The first day of month k counted from January of year 0. Not through
 * fsim_date_parse, which reads only the loader's years: a month it refused came
 * back as day 0, 1970-01-01, before `last`, and the loop never ended. */
static long month_start(long k) { return fsim_date_from_civil(k / 12, (unsigned)(k % 12) + 1, 1); }

static void month_ticks(FILE *out, long first, long last) {
  static const int steps[] = {1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000, 12000};
  char date[11];
  int y, m, d;
  fsim_date_format(first, date);
  if (sscanf(date, "%d-%d-%d", &y, &m, &d) != 3) return;
  long months = (last - first) / 30 + 1;
  int step = steps[sizeof steps / sizeof steps[0] - 1];
  /* At most about eight labels of 8 characters. */
  for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
    if (months / steps[i] <= 8) {
      step = steps[i];
      break;
    }
  int minor = step <= 3 ? 1 : step <= 12 ? 3 : step <= 120 ? 12 : step;
  long span = last - first;
  fputs("date_format = '%b %Y'\nset format x date_format\nset xtics (", out);
  int n = 0;
  /* Months counted from year 0, so that steps fall on January, April... */
  for (long k = (long)y * 12 + (m - 1) + (d > 1);; k++) {
    long t = month_start(k);
    if (t > last) break;
    if (k % step == 0 && (double)(t - first) <= (1.0 - RIGHT_CLEARANCE) * (double)span)
      write_tick(out, t, &n);
  }
  if (n == 0) write_tick(out, first, &n);
  fputs(")", out);
  if (minor == step) return;
  int nminor = 0;
  for (long k = (long)y * 12 + (m - 1) + (d > 1);; k++) {
    long t = month_start(k);
    if (t > last) break;
    if (k % minor != 0 || k % step == 0) continue;
    fsim_date_format(t, date);
    fprintf(out, "%sdate_of('%s') 1", nminor % 4 == 0 ? "\nset xtics add ('' " : ", '' ", date);
    if (nminor % 4 == 3) fputs(")", out);
    nminor++;
  }
  if (nminor % 4 != 0) fputs(")", out);
}

void fsim_plot_write_date_ticks(FILE *out, long first, long last, long start) {
  first = clamp_day(first);
  last = clamp_day(last);
  start = clamp_day(start);
  if (last < first) last = first;
  if (last - first <= 200)
    day_ticks(out, first, last, start);
  else
    month_ticks(out, first, last);
}
