/* Which charts a run gets, and their titles: one fan chart of personnel per
 * sector, one allocation chart per side, one supply chart per sector with a
 * supply route, one held-area chart per sector with a held area, then losses
 * and engagements. */
#include <stdlib.h>
#include <string.h>

#include "plot_internal.h"

fsim_chart *fsim_plot_chart_add(fsim_plot_run *run, const char *kind, const char *template_name,
                                const char *name, const char *suffix) {
  fsim_chart *c = &run->charts[run->ncharts++];
  memset(c, 0, sizeof *c);
  c->kind = kind;
  c->template_name = template_name;
  c->side = -1;
  c->sector = -1;
  c->metric = -1;
  c->scale = 1;
  /* "" for none, not NULL: a null test here would lead gcc to think the callers'
     names may be null (-Wformat-truncation). */
  if (suffix[0])
    snprintf(c->name, sizeof c->name, "%s_%s", name, suffix);
  else
    snprintf(c->name, sizeof c->name, "%s", name);
  return c;
}

static fsim_chart *add(fsim_plot_run *run, const char *kind, const char *template_name,
                       const char *suffix) {
  return fsim_plot_chart_add(run, kind, template_name, kind, suffix);
}

static void sector_data(fsim_chart *c, const char *sector) {
  snprintf(c->data, sizeof c->data, "../series/%s.csv", sector);
}

fsim_status fsim_plot_run_init(fsim_plot_run *run, const fsim_scenario *sc, long replications,
                               unsigned long long seed, const char *version,
                               const char *scenario_file, fsim_error *err) {
  memset(run, 0, sizeof *run);
  run->sc = sc;
  run->replications = replications;
  /* The label says which what-if this is: its name and every override
   * (fsim_plot_label_parts), then the file where it came from. */
  char lead[96], head[FSIM_CHART_TEXT], tail[96];
  snprintf(lead, sizeof lead, "Source: frontsim %s, ", version);
  snprintf(tail, sizeof tail, ", %ld replications, seed %llu", replications, seed);
  fsim_source_part parts[FSIM_SOURCE_PARTS];
  int n = fsim_plot_label_parts(parts + 1, head, sizeof head, sc->run.label, scenario_file);
  parts[0] = (fsim_source_part){lead, 0};
  parts[n + 1] = (fsim_source_part){tail, 0};
  fsim_plot_source(run->source, sizeof run->source, parts, n + 2);
  run->charts = calloc((size_t)sc->nsectors * 3 + 4, sizeof *run->charts);
  if (!run->charts) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");

  const char *blue = sc->sides.side[FSIM_BLUE].name, *red = sc->sides.side[FSIM_RED].name;
  for (int s = 0; s < sc->nsectors; s++) {
    const char *sector = sc->sectors[s].name;
    fsim_chart *c = add(run, "personnel", "fan", sector);
    sector_data(c, sector);
    c->sector = s;
    snprintf(c->title, sizeof c->title, "Personnel in the %s sector", sector);
    snprintf(c->subtitle, sizeof c->subtitle,
             "%s and %s: median across %ld replications, with the middle 50%% and 90%%", blue,
             red, replications);
  }
  for (int k = 0; k < FSIM_NSIDES; k++) {
    fsim_chart *c = add(run, "allocation", "allocation", fsim_side_key(k));
    c->side = k;
    c->sector = FSIM_CHART_ALL_SECTORS;
    snprintf(c->data, sizeof c->data, "../series/" FSIM_SERIES_SIDES ".csv");
    snprintf(c->title, sizeof c->title, "Where the personnel of %s are",
             sc->sides.side[k].name);
    snprintf(c->subtitle, sizeof c->subtitle,
             "By sector, in reserve and in transit: means across %ld replications, stacked",
             replications);
  }
  for (int s = 0; s < sc->nsectors; s++) {
    const fsim_sector_def *sd = &sc->sectors[s];
    if (!sd->has_supply) continue;
    fsim_chart *c = add(run, "supply", "supply", sd->name);
    sector_data(c, sd->name);
    c->sector = s;
    c->side = sd->supply.supplied_side;
    snprintf(c->title, sizeof c->title, "Supply route of %s in the %s sector",
             sc->sides.side[c->side].name, sd->name);
    snprintf(c->subtitle, sizeof c->subtitle,
             "Distance from the line to the route across %ld replications, and the share "
             "in which it has been cut",
             replications);
  }
  for (int s = 0; s < sc->nsectors; s++) {
    const fsim_sector_def *sd = &sc->sectors[s];
    if (!sd->has_held_area) continue;
    fsim_chart *c = add(run, "held_area", "held_area", sd->name);
    sector_data(c, sd->name);
    c->sector = s;
    c->side = sd->held_area.holder_side;
    snprintf(c->title, sizeof c->title, "Area held by %s in the %s sector%s",
             sc->sides.side[c->side].name, sd->name,
             s == sc->run.diversion ? " (the diversion)" : "");
    snprintf(c->subtitle, sizeof c->subtitle,
             "Median across %ld replications, with the middle 50%% and 90%%%s", replications,
             sc->nevents > 0 ? "; dotted lines mark the events" : "");
  }
  fsim_chart *c = add(run, "losses", "losses", "");
  snprintf(c->data, sizeof c->data, "../series/" FSIM_SERIES_SIDES ".csv");
  snprintf(c->title, sizeof c->title, "Cumulative losses: true and as claimed by the enemy");
  snprintf(c->subtitle, sizeof c->subtitle,
           "Medians across %ld replications; shaded: the middle 90%% of true losses",
           replications);
  c = add(run, "engagements", "engagements", "");
  snprintf(c->data, sizeof c->data, "../series");
  c->sector = FSIM_CHART_ALL_SECTORS;
  snprintf(c->title, sizeof c->title, "Daily engagements by sector");
  snprintf(c->subtitle, sizeof c->subtitle,
           "Engagements begun each day by either side: median across %ld replications, "
           "and the middle 50%%",
           replications);
  return FSIM_OK;
}

void fsim_plot_run_free(fsim_plot_run *run) {
  free(run->charts);
  free(run->box_titles);
  run->box_titles = NULL;
  run->charts = NULL;
  run->ncharts = 0;
}

int fsim_chart_selected(const fsim_chart *chart, const char *only) {
  if (!only) return !chart->optional;
  if (strcmp(only, chart->name) == 0) return 1;
  if (chart->topic && strcmp(only, chart->topic) == 0) return 1;
  return strcmp(only, chart->kind) == 0 && !chart->optional;
}
