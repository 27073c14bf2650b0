/* summary.txt: the headline answers in words an analyst can paste into a note. The
 * sections and their order are decided here; each metric's line is worded by the
 * metric table (metric_table.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fileio.h"
#include "results.h"
#include "run_dir.h"
#include "stats.h"
#include "text.h"

static const char *num(double v, char *buf, size_t size) { return fsim_format_fixed(v, buf, size); }

static const char *rounded(double v, double half, char *buf, size_t size) {
  return fsim_format_rounded(v, half, buf, size);
}

static void value_line(FILE *fp, const char *label, const fsim_summary *s, const char *unit) {
  char a[32], b[32], c[32], d[32], e[32];
  if (isnan(s->ci_lo) && s->n > 0) { /* expected mode: one value, no interval */
    fprintf(fp, "  %-44s %s%s\n", label, num(s->mean, a, sizeof a), unit);
    return;
  }
  if (s->n > 0 && s->sd == 0) { /* every replication alike: no interval to give */
    num(s->mean, a, sizeof a);
    if (strchr(a, '.')) { /* 0.000 as 0, 0.420 as 0.42 */
      size_t len = strlen(a);
      while (a[len - 1] == '0') a[--len] = '\0';
      if (a[len - 1] == '.') a[--len] = '\0';
    }
    fprintf(fp, "  %-44s %s%s in every replication\n", label, a, unit);
    return;
  }
  double half = (s->ci_hi - s->ci_lo) / 2;
  fprintf(fp, "  %-44s %s%s [%s, %s]  (5-95%%: %s to %s)\n", label,
          rounded(s->mean, half, a, sizeof a), unit, rounded(s->ci_lo, half, b, sizeof b),
          rounded(s->ci_hi, half, c, sizeof c), rounded(s->p5, half, d, sizeof d),
          rounded(s->p95, half, e, sizeof e));
}

static void prob_line(FILE *fp, const char *label, const fsim_summary *s) {
  char a[32], b[32], c[32];
  if (isnan(s->ci_lo) && s->n > 0) { /* expected mode */
    fprintf(fp, "  %-44s %s\n", label, num(s->mean, a, sizeof a));
    return;
  }
  double half = (s->ci_hi - s->ci_lo) / 2;
  if (!(half > 0)) half = 0.001; /* three decimals, as before */
  fprintf(fp, "  %-44s %s [%s, %s]\n", label, rounded(s->mean, half, a, sizeof a),
          rounded(s->ci_lo, half, b, sizeof b), rounded(s->ci_hi, half, c, sizeof c));
}

static void date_of(const fsim_scenario *sc, double day, char out[11]) {
  fsim_date_format(sc->run.start_epoch_day + (long)day - 1, out);
}

/* The line of family f's metric at (a, b), worded by the metric table: a
 * probability for an indicator, else a value. */
static void metric_line(FILE *fp, const fsim_scenario *sc, const fsim_layout *lay,
                        const fsim_summary *sum, int f, int a, int b) {
  char label[400];
  fsim_metric_text(label, sizeof label, fsim_metric_families[f].label, sc, f, a, b, 1);
  const fsim_summary *s = &sum[fsim_layout_metric(lay, f, a, b)];
  if (fsim_metric_families[f].kind == FSIM_METRIC_INDICATOR)
    prob_line(fp, label, s);
  else
    value_line(fp, label, s, "");
}

/* The same where the scenario has that metric (families that appear only where used). */
static void metric_line_if(FILE *fp, const fsim_scenario *sc, const fsim_layout *lay,
                           const fsim_summary *sum, int f, int a, int b) {
  if (fsim_layout_metric(lay, f, a, b) >= 0) metric_line(fp, sc, lay, sum, f, a, b);
}

/* The line of a day something happens (family f in sector s, defined only where it
 * happens): its median as a day and a date, the 5-95% range as dates, and in how many
 * replications; `never` where in none. */
static void day_line(FILE *fp, const fsim_scenario *sc, const fsim_layout *lay,
                     const fsim_summary *sum, int f, int s, const char *never) {
  const fsim_summary *cd = &sum[fsim_layout_metric(lay, f, s, 0)];
  if (cd->n == 0) {
    fprintf(fp, "  %s\n", never);
    return;
  }
  char label[400], med[11], lo[11], hi[11];
  date_of(sc, round(cd->p50), med);
  date_of(sc, round(cd->p5), lo);
  date_of(sc, round(cd->p95), hi);
  fsim_metric_text(label, sizeof label, fsim_metric_families[f].label, sc, f, s, 0, 1);
  fprintf(fp, "  %-44s median day %.0f (%s); 5-95%%: %s to %s (%ld replications)\n", label,
          cd->p50, med, lo, hi, cd->n);
}

fsim_status fsim_write_summary_txt(const fsim_results *res, const fsim_scenario *sc,
                                   const fsim_summary *sum, const char *path,
                                   const char *command_line, fsim_error *err) {
  const fsim_layout *lay = &res->layout;
  fsim_file f;
  fsim_status st = fsim_file_open(&f, path, err);
  if (st != FSIM_OK) return st;
  FILE *fp = f.fp;
  char first[11], last[11], a[32];
  date_of(sc, 1, first);
  date_of(sc, sc->run.days, last);
  char one[FSIM_ONE_LINE_MAX]; /* a value on one line (fsim_text_one_line) */
  fprintf(fp, "frontsim %s: %s\n", FRONTSIM_VERSION,
          fsim_text_one_line(fsim_scenario_label(sc), one, sizeof one));
  fprintf(fp, "scenario: %s\n", fsim_text_one_line(fsim_scenario_source(sc), one, sizeof one));
  fprintf(fp, "overrides: %s\n",
          sc->whatif[0] ? fsim_text_one_line(sc->whatif, one, sizeof one) : "none");
  fprintf(fp, "%ld replications, mode %s, %d days from %s to %s\n", res->nreps,
          FSIM_ENUM_NAME(fsim_run_mode_names, sc->run.mode), sc->run.days, first, last);
  fprintf(fp, "seed %llu, generator %s\n", (unsigned long long)res->seed, sc->run.rng);
  if (command_line) fprintf(fp, "command: %s\n", fsim_text_one_line(command_line, one, sizeof one));
  if (sc->run.mode == FSIM_MODE_EXPECTED)
    fputs("\nExpected mode: every random draw is replaced by its mean, so the replications\n"
          "are all alike and carry one replication's worth of information. Figures are\n"
          "that one replication's values, a probability 0 or 1; no sampling interval is\n"
          "given, as there is no sampling. Every input is an illustrative assumption (see\n"
          "the scenario's comments); the spread across other assumptions, e.g. other\n"
          "what-ifs or a sweep, is what matters here.\n",
          fp);
  else
    fputs("\nFigures: mean [95% confidence interval of the mean] (5th to 95th percentile\n"
          "across replications). Probabilities: share of replications [Wilson 95% interval].\n"
          "Figures are rounded to the digits their interval supports.\n"
          "The bracketed intervals are Monte Carlo error of the mean only: they shrink with\n"
          "more replications and say nothing of the inputs. Every input is an illustrative\n"
          "assumption (see the scenario's comments); the spread across other assumptions,\n"
          "e.g. other what-ifs or a sweep, is far larger than these intervals.\n",
          fp);

  for (int s = 0; s < sc->nsectors; s++) {
    const fsim_sector_def *d = &sc->sectors[s];
    if (!d->has_supply) continue;
    fprintf(fp, "\nSupply route in %s (%s's; %.3g km from the line on day 0)\n", d->name,
            sc->sides.side[d->supply.supplied_side].name, d->supply.distance_km);
    for (int e = 0; e < sc->nevents; e++) metric_line(fp, sc, lay, sum, FSIM_M_EVENT_ROUTE_CUT, e, s);
    metric_line(fp, sc, lay, sum, FSIM_M_ROUTE_CUT, s, 0);
    day_line(fp, sc, lay, sum, FSIM_M_CUT_DAY, s, "the route is not cut in any replication");
    metric_line(fp, sc, lay, sum, FSIM_M_MIN_EFF, s, 0);
  }

  for (int s = 0; s < sc->nsectors; s++) {
    const fsim_sector_def *d = &sc->sectors[s];
    if (!d->has_held_area) continue;
    fprintf(fp, "\nHeld area in %s (held by %s; %s km2 on day 0)\n", d->name,
            sc->sides.side[d->held_area.holder_side].name,
            num(d->held_area.initial_km2, a, sizeof a));
    for (int e = 0; e < sc->nevents; e++) metric_line(fp, sc, lay, sum, FSIM_M_EVENT_HELD_AREA, e, s);
    metric_line(fp, sc, lay, sum, FSIM_M_HELD_AREA, s, 0);
    if (fsim_layout_metric(lay, FSIM_M_AREA_ZERO_DAY, s, 0) >= 0)
      day_line(fp, sc, lay, sum, FSIM_M_AREA_ZERO_DAY, s,
               "the held area does not reach 0 in any replication");
  }

  if (sc->run.diversion >= 0) {
    const int s = sc->run.diversion;
    fprintf(fp, "\nThe diversion in %s: personnel sent there during the run\n",
            sc->sectors[s].name);
    for (int i = FSIM_NSIDES - 1; i >= 0; i--) {
      metric_line(fp, sc, lay, sum, FSIM_M_DRAWN_SECTORS, s, i);
      metric_line(fp, sc, lay, sum, FSIM_M_DRAWN_RESERVE, s, i);
      metric_line_if(fp, sc, lay, sum, FSIM_M_DRAWN_TRUE, s, i);
      metric_line_if(fp, sc, lay, sum, FSIM_M_DRAWN_SEEN, s, i);
    }
  }

  /* Withdrawals (MODEL.md 8.6), where a side has a withdraw rule: one heading a
   * sector, both sides under it when both leave (a victor moving on). */
  for (int s = 0; s < sc->nsectors; s++) {
    int headed = 0;
    for (int i = 0; i < FSIM_NSIDES; i++) {
      if (fsim_layout_metric(lay, FSIM_M_WITHDRAWN, s, i) < 0) continue;
      if (!headed++)
        fprintf(fp, "\nWithdrawal from %s: personnel sent out during the run\n",
                sc->sectors[s].name);
      metric_line(fp, sc, lay, sum, FSIM_M_WITHDRAWN, s, i);
    }
  }

  fputs("\nLosses over the run (true; and as claimed by the enemy)\n", fp);
  for (int i = 0; i < FSIM_NSIDES; i++) {
    metric_line(fp, sc, lay, sum, FSIM_M_LOSSES, i, 0);
    metric_line(fp, sc, lay, sum, FSIM_M_CLAIMED, i, 0);
  }
  metric_line(fp, sc, lay, sum, FSIM_M_EXCHANGE, 0, 0);
  for (int e = 0; e < sc->nevents; e++)
    for (int i = 0; i < FSIM_NSIDES; i++) metric_line(fp, sc, lay, sum, FSIM_M_EVENT_LOSSES, e, i);
  fputs("\nLosses by formation (true)\n", fp);
  for (int fi = 0; fi < sc->nformations; fi++)
    metric_line(fp, sc, lay, sum, FSIM_M_FORMATION_LOSSES, fi, 0);
  fputs("\nPersonnel at the end (all sectors, reserve and in transit)\n", fp);
  for (int i = 0; i < FSIM_NSIDES; i++) metric_line(fp, sc, lay, sum, FSIM_M_PERSONNEL_END, i, 0);
  return fsim_file_commit(&f, err);
}
