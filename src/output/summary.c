/* summary.txt: the headline answers in words an analyst can paste into a note. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fileio.h"
#include "results.h"
#include "run_dir.h"

/* Persons as whole numbers, ratios and km with a sensible number of digits. */
static const char *num(double v, char *buf, size_t size) {
  if (isnan(v))
    snprintf(buf, size, "n/a");
  else if (fabs(v) >= 100)
    snprintf(buf, size, "%.0f", v);
  else if (fabs(v) >= 1)
    snprintf(buf, size, "%.2f", v);
  else
    snprintf(buf, size, "%.3f", v);
  return buf;
}

static void value_line(FILE *fp, const char *label, const fsim_summary *s, const char *unit) {
  char a[32], b[32], c[32], d[32], e[32];
  fprintf(fp, "  %-44s %s%s [%s, %s]  (5-95%%: %s to %s)\n", label, num(s->mean, a, sizeof a),
          unit, num(s->ci_lo, b, sizeof b), num(s->ci_hi, c, sizeof c), num(s->p5, d, sizeof d),
          num(s->p95, e, sizeof e));
}

static void prob_line(FILE *fp, const char *label, const fsim_summary *s) {
  fprintf(fp, "  %-44s %.3f [%.3f, %.3f]\n", label, s->mean, s->ci_lo, s->ci_hi);
}

static void date_of(const fsim_scenario *sc, double day, char out[11]) {
  fsim_date_format(sc->run.start_epoch_day + (long)day - 1, out);
}

fsim_status fsim_write_summary_txt(const fsim_results *res, const fsim_scenario *sc,
                                   const fsim_summary *sum, const char *path,
                                   const char *command_line, fsim_error *err) {
  const fsim_layout *lay = &res->layout;
  fsim_file f;
  fsim_status st = fsim_file_open(&f, path, err);
  if (st != FSIM_OK) return st;
  FILE *fp = f.fp;
  char first[11], last[11], label[400], a[32];
  date_of(sc, 1, first);
  date_of(sc, sc->run.days, last);
  fprintf(fp, "frontsim %s: %s\n", FRONTSIM_VERSION, fsim_scenario_source(sc));
  fprintf(fp, "%ld replications, mode %s, %d days from %s to %s\n", res->nreps,
          FSIM_ENUM_NAME(fsim_run_mode_names, sc->run.mode), sc->run.days, first, last);
  fprintf(fp, "seed %llu, generator %s\n", (unsigned long long)res->seed, sc->run.rng);
  if (command_line) fprintf(fp, "command: %s\n", command_line);
  fputs("\nFigures: mean [95% confidence interval of the mean] (5th to 95th percentile\n"
        "across replications). Probabilities: share of replications [Wilson 95% interval].\n"
        "All inputs are illustrative assumptions; see the scenario's comments.\n",
        fp);

  for (int s = 0; s < sc->nsectors; s++) {
    const fsim_sector_def *d = &sc->sectors[s];
    const fsim_sector_metrics *sm = &lay->sm[s];
    if (!d->has_supply) continue;
    fprintf(fp, "\nSupply route in %s (%s's; %.3g km from the line on day 0)\n", d->name,
            sc->sides.side[d->supply.supplied_side].name, d->supply.distance_km);
    for (int e = 0; e < sc->nevents; e++) {
      char when[11];
      date_of(sc, sc->events[e].day_resolved, when);
      snprintf(label, sizeof label, "P(cut by %s, %s, day %d)", sc->events[e].name, when,
               sc->events[e].day_resolved);
      prob_line(fp, label, &sum[lay->event_cut[e * sc->nsectors + s]]);
    }
    snprintf(label, sizeof label, "P(cut by the last day, %s, day %d)", last, sc->run.days);
    prob_line(fp, label, &sum[sm->cut]);
    const fsim_summary *cd = &sum[sm->cut_day];
    if (cd->n > 0) {
      char med[11], lo[11], hi[11];
      date_of(sc, round(cd->p50), med);
      date_of(sc, round(cd->p5), lo);
      date_of(sc, round(cd->p95), hi);
      fprintf(fp, "  %-44s median day %.0f (%s); 5-95%%: %s to %s (%ld replications)\n",
              "day the route is cut, where it is cut:", cd->p50, med, lo, hi, cd->n);
    } else {
      fprintf(fp, "  the route is not cut in any replication\n");
    }
    value_line(fp, "lowest supply effectiveness (0-1):", &sum[sm->min_eff], "");
  }

  for (int s = 0; s < sc->nsectors; s++) {
    const fsim_sector_def *d = &sc->sectors[s];
    if (!d->has_held_area) continue;
    fprintf(fp, "\nHeld area in %s (held by %s; %s km2 on day 0)\n", d->name,
            sc->sides.side[d->held_area.holder_side].name,
            num(d->held_area.initial_km2, a, sizeof a));
    for (int e = 0; e < sc->nevents; e++) {
      char when[11];
      date_of(sc, sc->events[e].day_resolved, when);
      snprintf(label, sizeof label, "at %s (%s), km2:", sc->events[e].name, when);
      value_line(fp, label, &sum[lay->event_area[e * sc->nsectors + s]], "");
    }
    snprintf(label, sizeof label, "on the last day (%s), km2:", last);
    value_line(fp, label, &sum[lay->sm[s].area], "");
  }

  if (sc->run.diversion >= 0) {
    const int s = sc->run.diversion;
    fprintf(fp, "\nThe diversion in %s: personnel sent there during the run\n",
            sc->sectors[s].name);
    for (int i = FSIM_NSIDES - 1; i >= 0; i--) {
      snprintf(label, sizeof label, "%s, from other sectors:", sc->sides.side[i].name);
      value_line(fp, label, &sum[lay->sm[s].drawn[i][0]], "");
      snprintf(label, sizeof label, "%s, from the reserve:", sc->sides.side[i].name);
      value_line(fp, label, &sum[lay->sm[s].drawn[i][1]], "");
    }
  }

  fputs("\nLosses over the run (true; and as claimed by the enemy)\n", fp);
  for (int i = 0; i < FSIM_NSIDES; i++) {
    snprintf(label, sizeof label, "%s, true:", sc->sides.side[i].name);
    value_line(fp, label, &sum[lay->losses[i]], "");
    snprintf(label, sizeof label, "%s, claimed by %s:", sc->sides.side[i].name,
             sc->sides.side[1 - i].name);
    value_line(fp, label, &sum[lay->claimed[i]], "");
  }
  snprintf(label, sizeof label, "exchange ratio (%s / %s losses):", sc->sides.side[1].name,
           sc->sides.side[0].name);
  value_line(fp, label, &sum[lay->exchange], "");
  for (int e = 0; e < sc->nevents; e++)
    for (int i = 0; i < FSIM_NSIDES; i++) {
      snprintf(label, sizeof label, "%s, true, by %s:", sc->sides.side[i].name,
               sc->events[e].name);
      value_line(fp, label, &sum[lay->event_losses[e * 2 + i]], "");
    }
  fputs("\nLosses by formation (true)\n", fp);
  for (int fi = 0; fi < sc->nformations; fi++) {
    snprintf(label, sizeof label, "%s (%s):", sc->formations[fi].name,
             fsim_side_key(sc->formations[fi].side_idx));
    value_line(fp, label, &sum[lay->formation_losses + fi], "");
  }
  fputs("\nPersonnel at the end (all sectors, reserve and in transit)\n", fp);
  for (int i = 0; i < FSIM_NSIDES; i++) {
    snprintf(label, sizeof label, "%s:", sc->sides.side[i].name);
    value_line(fp, label, &sum[lay->personnel_end[i]], "");
  }
  return fsim_file_commit(&f, err);
}
