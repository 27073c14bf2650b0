/* A chart's script: its template from plots/ with the style inlined and every
 * @KEY@ field filled in, so the written script runs on its own. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "plot_internal.h"
#include "plot_templates.h"

static const char *template_text(const char *name) {
  for (int i = 0; i < fsim_plot_ntemplates; i++)
    if (strcmp(fsim_plot_templates[i].name, name) == 0) return fsim_plot_templates[i].text;
  return NULL;
}

typedef struct script_ctx {
  FILE *out;
  const fsim_plot_run *run;
  const fsim_chart *chart;
  fsim_plot_format format;
  const char *output;
} script_ctx;

static void put_header(const script_ctx *c) {
  fsim_plot_format other = c->format == FSIM_PLOT_PDF ? FSIM_PLOT_PNG : FSIM_PLOT_PDF;
  const char *name = c->chart->name;
  fprintf(c->out,
          "# frontsim chart %s, drawn by `frontsim plot` (template plots/%s.gp)\n"
          "# from the %s in the parent directory (%s).\n"
          "# To restyle it, edit this script (colours, fonts and layout are in the\n"
          "# style section) and re-run it from this directory:\n"
          "#     gnuplot %s.gp\n"
          "# For another format, change the two `set` lines below, e.g. to\n"
          "#     set terminal %s\n"
          "#     set output '%s.%s'",
          name, c->chart->template_name,
          c->run->sweep      ? "sweep"
          : c->run->compare  ? "comparison"
          : c->run->discover ? "scenario discovery"
                             : "run",
          c->run->sweep      ? "../sweep.csv, ../design.csv, ../scenario.cfg"
          : c->run->compare  ? "../a/series/, ../b/series/, ..., ../compare.csv"
          : c->run->discover ? "../trajectory.csv, ../box.csv"
                             : "../scenario.cfg, ../series/",
          name, fsim_plot_terminal(other), name,
          fsim_plot_format_extension(other));
}

static void put_date(FILE *out, long epoch_day) {
  char date[11];
  fsim_date_format(epoch_day, date);
  fputs(date, out);
}

/* Space-separated lists for the templates' word() loops; names are identifiers. */
static void put_sectors(const script_ctx *c) {
  const fsim_scenario *sc = c->run->sc;
  for (int s = 0; s < sc->nsectors; s++)
    fprintf(c->out, "%s%s", s ? " " : "", sc->sectors[s].name);
}

/* Every sector's name (shown = 0) or as charts show it (fsim_plot_place), in the
 * same order: plots/style.gp looks a name up in the first to show the second. */
static void put_places(const script_ctx *c, int shown) {
  const fsim_scenario *sc = c->run->sc;
  char buf[FSIM_NAME_MAX];
  for (int s = 0; sc && s < sc->nsectors; s++)
    fprintf(c->out, "%s%s", s ? " " : "",
            shown ? fsim_plot_place(buf, sizeof buf, sc->sectors[s].name) : sc->sectors[s].name);
}

/* The sectors whose held area reaching 0 the chart marks: its own sector, or every
 * sector for a chart of all of them. */
static void put_held_sectors(const script_ctx *c) {
  const fsim_scenario *sc = c->run->sc;
  const int own = c->chart->sector;
  int first = 1;
  for (int s = 0; s < sc->nsectors; s++)
    if (sc->sectors[s].has_held_area && (own == s || own == FSIM_CHART_ALL_SECTORS)) {
      fprintf(c->out, "%s%s", first ? "" : " ", sc->sectors[s].name);
      first = 0;
    }
}

/* The allocation chart's sector layers: every sector up to ALLOC_LAYERS_MAX; beyond,
 * the side's ALLOC_LAYERS_MAX - 1 largest at the start (its formations placed there,
 * ties to the first), in scenario order, the others stacked as one layer. The key
 * has room for eight entries (these, the reserve, in transit and the total); and a
 * layer per sector of a thousand would cost gnuplot a pass each over a file whose
 * columns grow with the sectors (hours). */
#define ALLOC_LAYERS_MAX 5

static int alloc_shown(const fsim_scenario *sc, int side, unsigned char *shown) {
  memset(shown, 1, (size_t)sc->nsectors);
  if (sc->nsectors <= ALLOC_LAYERS_MAX) return 0;
  double *at = calloc((size_t)sc->nsectors, sizeof *at);
  if (!at) return 0; /* every sector: slow, but the chart is right */
  for (int f = 0; f < sc->nformations; f++) {
    const fsim_formation_def *fd = &sc->formations[f];
    if (fd->side_idx == side && fd->loc >= 0 && fd->loc < sc->nsectors) at[fd->loc] += fd->personnel;
  }
  memset(shown, 0, (size_t)sc->nsectors);
  for (int k = 0; k < ALLOC_LAYERS_MAX - 1; k++) {
    int best = -1;
    for (int s = 0; s < sc->nsectors; s++)
      if (!shown[s] && (best < 0 || at[s] > at[best])) best = s;
    shown[best] = 1;
  }
  free(at);
  return sc->nsectors - (ALLOC_LAYERS_MAX - 1);
}

static void put_layer_sectors(const script_ctx *c, int others) {
  const fsim_scenario *sc = c->run->sc;
  unsigned char *shown = malloc((size_t)sc->nsectors + 1);
  const int n_others = shown ? alloc_shown(sc, c->chart->side, shown) : 0;
  if (others) {
    fprintf(c->out, "%d", n_others);
  } else {
    int first = 1;
    for (int s = 0; s < sc->nsectors; s++)
      if (!shown || shown[s]) {
        fprintf(c->out, "%s%s", first ? "" : " ", sc->sectors[s].name);
        first = 0;
      }
  }
  free(shown);
}

static void put_events(const script_ctx *c, int names) {
  const fsim_scenario *sc = c->run->sc;
  int first = 1;
  for (int e = 0; e < sc->nevents; e++) {
    const fsim_event_def *ev = &sc->events[e];
    if (ev->day_resolved < 1 || ev->day_resolved > sc->run.days) continue;
    fputs(first ? "" : " ", c->out);
    first = 0;
    if (names) {
      fputs(ev->name, c->out);
    } else {
      /* Day d ends on start_date + d - 1, as the series date it. */
      put_date(c->out, sc->run.start_epoch_day + ev->day_resolved - 1);
    }
  }
}

static fsim_status expand(const script_ctx *c, const char *name, const char *text,
                          fsim_error *err);

/* Writes the value of the @KEY@ field `key`; FSIM_E_INPUT when the template names
 * one that does not exist (a template bug, caught by the tests). */
static fsim_status fill(const script_ctx *c, const char *key, const char *tpl,
                        fsim_error *err) {
  const fsim_chart *ch = c->chart;
  const fsim_scenario *sc = c->run->sc;
  if (strcmp(key, "HEADER") == 0)
    put_header(c);
  else if (strcmp(key, "TERMINAL") == 0)
    fsim_plot_put_terminal(c->out, c->format, ch->taller);
  else if (strcmp(key, "STYLE") == 0) {
    const char *style = template_text("style");
    if (!style) return fsim_error_set(err, FSIM_E_INPUT, "plots/style.gp", 0, "", "missing");
    return expand(c, "style", style, err);
  } else if (strcmp(key, "SWEEP_STYLE") == 0) {
    /* The sweep charts' legend and title layout: in their scripts alone (a run
     * chart's script stays as short as it was). */
    const char *sweep_style = c->run->sweep ? template_text("sweep_style") : NULL;
    if (c->run->sweep && !sweep_style)
      return fsim_error_set(err, FSIM_E_INPUT, "plots/sweep_style.gp", 0, "", "missing");
    if (sweep_style) return expand(c, "sweep_style", sweep_style, err);
    fputs("# (The sweep charts' layout, plots/sweep_style.gp, is theirs alone.)", c->out);
  } else if (strcmp(key, "AXES") == 0) {
    /* Run charts share a date axis; a sweep chart's x axis is a parameter,
     * set by the chart itself. */
    if (c->run->sweep || ch->own_axes) { /* a discovery's charts set their own too */
      fputs(c->run->sweep ? "# (No date axis: each sweep chart sets its own axes below.)"
                          : "# (No date axis: this chart sets its own axes below.)",
            c->out);
      return FSIM_OK;
    }
    const char *dates = template_text("dates");
    if (!dates) return fsim_error_set(err, FSIM_E_INPUT, "plots/dates.gp", 0, "", "missing");
    return expand(c, "dates", dates, err);
  } else if (strcmp(key, "OUTPUT") == 0)
    fsim_plot_put_quoted(c->out, c->output);
  else if (strcmp(key, "TITLE") == 0)
    fsim_plot_put_quoted(c->out, ch->title);
  else if (strcmp(key, "SUBTITLE") == 0)
    fsim_plot_put_quoted(c->out, ch->subtitle);
  else if (strcmp(key, "SOURCE") == 0)
    fsim_plot_put_quoted(c->out, c->run->source);
  else if (strcmp(key, "DATA") == 0)
    fsim_plot_put_quoted(c->out, ch->data);
  else if (strcmp(key, "DATE_TICKS") == 0)
    fsim_plot_write_date_ticks(c->out, sc->run.start_epoch_day - 1,
                               sc->run.start_epoch_day + sc->run.days - 1,
                               sc->run.start_epoch_day);
  else if (strcmp(key, "FIRST_DATE") == 0)
    put_date(c->out, sc->run.start_epoch_day - 1); /* row 0: the starting state */
  else if (strcmp(key, "LAST_DATE") == 0)
    put_date(c->out, sc->run.start_epoch_day + sc->run.days - 1);
  else if (strcmp(key, "SIDE") == 0 && ch->side >= 0)
    fputs(fsim_side_key(ch->side), c->out);
  else if (strcmp(key, "BLUE_NAME") == 0)
    fsim_plot_put_quoted(c->out, sc->sides.side[FSIM_BLUE].name);
  else if (strcmp(key, "RED_NAME") == 0)
    fsim_plot_put_quoted(c->out, sc->sides.side[FSIM_RED].name);
  else if (strcmp(key, "SECTORS") == 0)
    put_sectors(c);
  else if (strcmp(key, "PLACE_KEYS") == 0)
    put_places(c, 0);
  else if (strcmp(key, "PLACE_NAMES") == 0)
    put_places(c, 1);
  else if (strcmp(key, "HELD_SECTORS") == 0)
    put_held_sectors(c);
  else if (strcmp(key, "ARMS") == 0 && !c->run->compare) /* a comparison's: compare_charts.c */
    fputs("arm_n = 1\narray arm_dir[1] = ['../series']\narray arm_name[1] = ['']\n"
          "array arm_colour[1] = [colour_ink]",
          c->out);
  else if (strcmp(key, "LAYER_SECTORS") == 0)
    put_layer_sectors(c, 0);
  else if (strcmp(key, "OTHER_SECTORS") == 0)
    put_layer_sectors(c, 1);
  else if (strcmp(key, "BOX_TITLES") == 0)
    fputs(c->run->box_titles ? c->run->box_titles : "", c->out);
  else if (strcmp(key, "EVENT_DATES") == 0)
    put_events(c, 0);
  else if (strcmp(key, "EVENT_NAMES") == 0)
    put_events(c, 1);
  else if (!fsim_plot_sweep_fill(c->out, c->run, ch, key) &&
           !fsim_plot_compare_fill(c->out, c->run, ch, key))
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "plots/%s.gp: no value for @%s@", tpl,
                          key);
  return FSIM_OK;
}

/* Copies `text`, replacing each @KEY@ (KEY of capitals and '_'); any other '@'
 * is copied as it is. */
static fsim_status expand(const script_ctx *c, const char *name, const char *text,
                          fsim_error *err) {
  const char *p = text;
  while (*p) {
    const char *at = strchr(p, '@');
    if (!at) {
      fputs(p, c->out);
      break;
    }
    fwrite(p, 1, (size_t)(at - p), c->out);
    const char *q = at + 1;
    while (isupper((unsigned char)*q) || *q == '_') q++;
    size_t len = (size_t)(q - at - 1);
    if (*q != '@' || len == 0 || len >= 32) {
      fputc('@', c->out);
      p = at + 1;
      continue;
    }
    char key[32];
    memcpy(key, at + 1, len);
    key[len] = '\0';
    fsim_status st = fill(c, key, name, err);
    if (st != FSIM_OK) return st;
    p = q + 1;
  }
  return FSIM_OK;
}

fsim_status fsim_plot_write_script(FILE *out, const fsim_plot_run *run, const fsim_chart *chart,
                                   fsim_plot_format format, const char *output,
                                   fsim_error *err) {
  const char *text = template_text(chart->template_name);
  if (!text)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "no template plots/%s.gp",
                          chart->template_name);
  script_ctx c = {out, run, chart, format, output};
  return expand(&c, chart->template_name, text, err);
}
