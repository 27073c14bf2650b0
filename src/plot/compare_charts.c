/* The charts of a comparison's directory (`frontsim compare`): the paired
 * differences of the headline metrics with their 95% CIs, one row per metric and
 * what-if (plots/compare_differences.gp); then for the key series one chart with
 * every scenario's median and middle 50% and 90% overlaid, each in its colour and
 * with its label (plots/compare_bands.gp, compare_supply.gp). The data are read
 * where compare wrote them: each scenario's series in its letter's directory, the
 * differences from compare.csv. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "formats.h"
#include "frontsim/compare.h"
#include "metric_table.h"
#include "plot_internal.h"
#include "stats.h"

/* A headline metric's panel in the difference chart. */
typedef struct cmp_panel {
  int metric; /* in the base's layout */
  char title[FSIM_CHART_TEXT];
  double scale; /* shown = value * scale */
} cmp_panel;

/* One what-if's paired difference of one panel's metric, scaled as shown. */
typedef struct cmp_diff {
  int panel, what_if;
  double d, lo, hi;
  char text[64]; /* "-18 [-23 to -13]": rounded to its interval (no comma: CSV) */
} cmp_diff;

#define CMP_MAX_PANELS 12

struct fsim_plot_compare {
  int nsc;
  char label[FSIM_COMPARE_MAX][FSIM_CHART_TEXT];
  int npanels;
  cmp_panel panels[CMP_MAX_PANELS];
  int ndiffs;
  cmp_diff diffs[CMP_MAX_PANELS * (FSIM_COMPARE_MAX - 1)];
  int unchanged; /* headline metrics no what-if changes in any pair: not drawn */
};

/* Drops the panels whose metric no what-if changes in any replication (every
 * difference exactly 0, no interval): drawn, they would be a dot at 0 on an empty
 * scale. They are counted for the subtitle. */
static void drop_unchanged(fsim_plot_compare *cmp) {
  int moved[CMP_MAX_PANELS], keep[CMP_MAX_PANELS], n = 0;
  for (int p = 0; p < cmp->npanels; p++) moved[p] = 0;
  for (int i = 0; i < cmp->ndiffs; i++) {
    const cmp_diff *d = &cmp->diffs[i];
    if (d->d != 0 || d->hi - d->lo > 0) moved[d->panel] = 1;
  }
  for (int p = 0; p < cmp->npanels; p++) {
    keep[p] = moved[p] ? n : -1;
    if (moved[p]) cmp->panels[n++] = cmp->panels[p];
  }
  int k = 0;
  for (int i = 0; i < cmp->ndiffs; i++)
    if (keep[cmp->diffs[i].panel] >= 0) {
      cmp->diffs[k] = cmp->diffs[i];
      cmp->diffs[k++].panel = keep[cmp->diffs[i].panel];
    }
  cmp->unchanged = cmp->npanels - n;
  cmp->npanels = n;
  cmp->ndiffs = k;
}

/* Splits one CSV line into at most n fields in place (quoted fields unquoted);
 * returns the count. */
static int split_csv(char *line, char **field, int n) {
  int k = 0;
  char *p = line;
  while (k < n) {
    if (*p == '"') {
      char *w = ++p;
      field[k++] = w;
      while (*p && !(*p == '"' && p[1] != '"')) {
        if (*p == '"') p++; /* "" is one quote */
        *w++ = *p++;
      }
      if (*p == '"') p++;
      char *end = p;
      *w = '\0';
      p = end;
    } else {
      field[k++] = p;
      p += strcspn(p, ",");
    }
    if (*p != ',') {
      *p = '\0';
      break;
    }
    *p++ = '\0';
  }
  return k;
}

/* The headline metrics (metric_table.h), as the sweep charts choose them. */
static int headline(const fsim_scenario *sc, const fsim_layout *lay, int m) {
  const fsim_metric_ref *r = &lay->metric_ref[m];
  const int h = fsim_metric_families[r->family].headline;
  return h == FSIM_HEADLINE_YES || (h == FSIM_HEADLINE_DIVERSION && r->a == sc->run.diversion);
}

static void describe_panel(cmp_panel *p, const fsim_scenario *sc, const fsim_layout *lay, int m,
                           double max_abs) {
  const fsim_metric_ref *r = &lay->metric_ref[m];
  const fsim_metric_family *fam = &fsim_metric_families[r->family];
  char title[FSIM_CHART_TEXT];
  fsim_metric_text(title, sizeof title, fam->title, sc, r->family, r->a, r->b, 1);
  const fsim_metric_unit *u = fsim_metric_unit_of(fam->unit);
  const char *suffix = u->suffix;
  p->scale = u->scale;
  if (u->large > 0 && max_abs >= u->large) {
    p->scale = u->large_scale;
    suffix = u->large_suffix;
  }
  /* A difference of shares is in percentage points, not a share of anything. */
  if (fam->unit == FSIM_UNIT_SHARE) suffix = " (percentage points)";
  snprintf(p->title, sizeof p->title, "%.300s%s", title, suffix);
  fsim_plot_places(p->title, sc);
}

/* compare.csv's rows of the headline metrics into panels and differences. */
static fsim_status read_differences(fsim_plot_compare *cmp, const char *path,
                                    const fsim_scenario *sc, fsim_error *err) {
  fsim_layout lay;
  fsim_status st = fsim_layout_build(&lay, sc, err);
  if (st != FSIM_OK) return st;
  FILE *fp = fopen(path, "r");
  if (!fp) {
    fsim_layout_destroy(&lay);
    return fsim_error_set(err, FSIM_E_INPUT, path, 0, "", "cannot read (write it with "
                          "`frontsim compare BASE WHATIF... -o DIR`)");
  }
  char line[8192];
  if (!fgets(line, sizeof line, fp) || strncmp(line, FSIM_COMPARE_CSV_HEADER,
                                               strlen(FSIM_COMPARE_CSV_HEADER)) != 0)
    st = fsim_error_set(err, FSIM_E_INPUT, path, 1, "",
                        "not the table of this version's `frontsim compare` (its header "
                        "differs); run the comparison again");
  int panel_of[256];
  for (int m = 0; m < 256; m++) panel_of[m] = -1;
  double max_abs[CMP_MAX_PANELS] = {0};
  long lineno = 1;
  while (st == FSIM_OK && fgets(line, sizeof line, fp)) {
    lineno++;
    line[strcspn(line, "\r\n")] = '\0';
    char *f[FSIM_CMP_NCOLS];
    if (split_csv(line, f, FSIM_CMP_NCOLS) != FSIM_CMP_NCOLS) {
      st = fsim_error_set(err, FSIM_E_INPUT, path, (int)lineno, "",
                          "expected %d fields", FSIM_CMP_NCOLS);
      break;
    }
    const int w = f[FSIM_CMP_WHAT_IF][0] - 'a', m = fsim_layout_find_metric(&lay, f[FSIM_CMP_METRIC]);
    if (w < 1 || w >= cmp->nsc || m < 0 || m >= 256 || !headline(sc, &lay, m)) continue;
    if (panel_of[m] < 0) {
      if (cmp->npanels == CMP_MAX_PANELS) continue;
      panel_of[m] = cmp->npanels++;
    }
    cmp_diff *d = &cmp->diffs[cmp->ndiffs++];
    d->panel = panel_of[m];
    d->what_if = w;
    d->d = strtod(f[FSIM_CMP_DIFF], NULL);
    d->lo = f[FSIM_CMP_DIFF_LOW][0] ? strtod(f[FSIM_CMP_DIFF_LOW], NULL) : NAN;
    d->hi = f[FSIM_CMP_DIFF_HIGH][0] ? strtod(f[FSIM_CMP_DIFF_HIGH], NULL) : NAN;
    const double a = fabs(strtod(f[FSIM_CMP_MEAN_A_ALL], NULL));
    if (a > max_abs[d->panel]) max_abs[d->panel] = a;
    cmp->panels[d->panel].metric = m;
  }
  fclose(fp);
  for (int p = 0; st == FSIM_OK && p < cmp->npanels; p++)
    describe_panel(&cmp->panels[p], sc, &lay, cmp->panels[p].metric, max_abs[p]);
  if (st == FSIM_OK) drop_unchanged(cmp);
  for (int i = 0; st == FSIM_OK && i < cmp->ndiffs; i++) {
    cmp_diff *d = &cmp->diffs[i];
    const double s = cmp->panels[d->panel].scale, half = (d->hi - d->lo) / 2 * s;
    char a[32], b[32], c[32];
    d->d *= s;
    d->lo *= s;
    d->hi *= s;
    if (d->d == 0 && !(half > 0))
      snprintf(d->text, sizeof d->text, "0");
    else if (half > 0)
      snprintf(d->text, sizeof d->text, "%s [%s to %s]", fsim_format_rounded(d->d, half, a, 32),
               fsim_format_rounded(d->lo, half, b, 32), fsim_format_rounded(d->hi, half, c, 32));
    else
      snprintf(d->text, sizeof d->text, "%s", fsim_format_fixed(d->d, a, 32));
  }
  fsim_layout_destroy(&lay);
  return st;
}

static fsim_chart *add(fsim_plot_run *run, const char *kind, const char *template_name,
                       const char *suffix, const char *file, const char *variable) {
  fsim_chart *c = fsim_plot_chart_add(run, kind, template_name, kind, suffix);
  snprintf(c->data, sizeof c->data, "%s", file);
  snprintf(c->variable, sizeof c->variable, "%s", variable);
  return c;
}

/* The overlay charts: route (supply), held area, allocation by sector, losses. */
static void add_overlays(fsim_plot_run *run, const fsim_scenario *sc, long reps) {
  char sub[FSIM_CHART_TEXT];
  snprintf(sub, sizeof sub,
           "Each scenario's median across its %ld replications, with the middle 50%% and 90%% "
           "(shaded)",
           reps);
  for (int s = 0; s < sc->nsectors; s++) {
    const fsim_sector_def *sd = &sc->sectors[s];
    if (!sd->has_supply) continue;
    fsim_chart *c = add(run, "supply", "compare_supply", sd->name, sd->name, "route_km");
    c->sector = s; /* its marks: the sector's held area reaching 0 (plots/dates.gp) */
    snprintf(c->title, sizeof c->title, "Supply route of %s in the %s sector, by scenario",
             sc->sides.side[sd->supply.supplied_side].name, sd->name);
    snprintf(c->subtitle, sizeof c->subtitle,
             "Above: distance to the route (median, middle 50%% and 90%%); below: %% of the "
             "%ld replications cut",
             reps);
    snprintf(c->axis, sizeof c->axis, "Distance (km)");
  }
  for (int s = 0; s < sc->nsectors; s++) {
    const fsim_sector_def *sd = &sc->sectors[s];
    if (!sd->has_held_area) continue;
    fsim_chart *c = add(run, "held_area", "compare_bands", sd->name, sd->name, "held_area_km2");
    c->sector = s;
    snprintf(c->title, sizeof c->title, "Area held by %s in the %s sector, by scenario",
             sc->sides.side[sd->held_area.holder_side].name, sd->name);
    snprintf(c->subtitle, sizeof c->subtitle, "%s", sub);
    snprintf(c->axis, sizeof c->axis, "Held area (km²)");
  }
  for (int k = 0; k < FSIM_NSIDES; k++)
    for (int s = 0; s < sc->nsectors; s++) {
      char suffix[FSIM_CHART_NAME], var[FSIM_CHART_NAME];
      snprintf(suffix, sizeof suffix, "%s_%.100s", fsim_side_key(k), sc->sectors[s].name);
      snprintf(var, sizeof var, "%s_at_%.100s", fsim_side_key(k), sc->sectors[s].name);
      fsim_chart *c = add(run, "allocation", "compare_bands", suffix, FSIM_SERIES_SIDES, var);
      c->sector = s;
      snprintf(c->title, sizeof c->title, "Personnel of %s in the %s sector, by scenario",
               sc->sides.side[k].name, sc->sectors[s].name);
      snprintf(c->subtitle, sizeof c->subtitle, "%s", sub);
      snprintf(c->axis, sizeof c->axis, "Personnel (thousands)");
      c->scale = 0.001;
    }
  for (int k = 0; k < FSIM_NSIDES; k++) {
    char var[64];
    snprintf(var, sizeof var, "%s_losses_cum", fsim_side_key(k));
    fsim_chart *c = add(run, "losses", "compare_bands", fsim_side_key(k), FSIM_SERIES_SIDES, var);
    snprintf(c->title, sizeof c->title, "Cumulative true losses of %s, by scenario",
             sc->sides.side[k].name);
    snprintf(c->subtitle, sizeof c->subtitle, "%s", sub);
    snprintf(c->axis, sizeof c->axis, "Losses (thousands of persons)");
    c->scale = 0.001;
  }
}

fsim_status fsim_plot_compare_init(fsim_plot_run *run, fsim_plot_compare **out, const char *dir,
                                   const fsim_scenario *sc, long replications,
                                   unsigned long long seed, const char *version,
                                   fsim_error *err) {
  memset(run, 0, sizeof *run);
  *out = NULL;
  fsim_plot_compare *cmp = calloc(1, sizeof *cmp);
  if (!cmp) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  char path[FSIM_PATH_MAX];
  for (int i = 0; i < FSIM_COMPARE_MAX; i++) {
    snprintf(path, sizeof path, "%s/%c/%s", dir, 'a' + i, FSIM_META_NAME);
    fsim_run_meta meta;
    memset(&meta, 0, sizeof meta);
    fsim_error ignored;
    if (fsim_meta_read(path, &meta, &ignored) != FSIM_OK) break;
    snprintf(cmp->label[i], sizeof cmp->label[i], "%s", meta.label[0] ? meta.label : "?");
    cmp->nsc = i + 1;
  }
  fsim_status st = FSIM_OK;
  if (cmp->nsc < 2)
    st = fsim_error_set(err, FSIM_E_INPUT, dir, 0, "",
                        "a comparison's directory needs a/ and b/ with their frontsim.meta; "
                        "write it again with `frontsim compare BASE WHATIF... -o %s`",
                        dir);
  /* Every scenario's series, before gnuplot runs: one clear message. */
  for (int i = 0; st == FSIM_OK && i < cmp->nsc; i++)
    for (int s = -1; st == FSIM_OK && s < sc->nsectors; s++) {
      snprintf(path, sizeof path, "%s/%c/series/%s.csv", dir, 'a' + i,
               s < 0 ? FSIM_SERIES_SIDES : sc->sectors[s].name);
      FILE *fp = fopen(path, "r");
      if (fp)
        fclose(fp);
      else
        st = fsim_error_set(err, FSIM_E_INPUT, path, 0, "",
                            "missing: the comparison's scenario %c has no daily series to "
                            "chart (run the comparison again)",
                            'a' + i);
    }
  snprintf(path, sizeof path, "%s/compare.csv", dir);
  if (st == FSIM_OK) st = read_differences(cmp, path, sc, err);
  const int nsectors = sc->nsectors;
  if (st == FSIM_OK) {
    run->charts = calloc((size_t)nsectors * (2 + FSIM_NSIDES) + 4, sizeof *run->charts);
    if (!run->charts) st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  if (st != FSIM_OK) {
    free(cmp);
    return st;
  }
  run->sc = sc;
  run->replications = replications;
  run->compare = cmp;
  /* Each scenario's label by the run charts' rule (fsim_plot_label_parts): its
   * name, then its overrides (--set, --set-b, a what-if's own), shortened alike. */
  char lead[96], tail[160], head[FSIM_COMPARE_MAX][FSIM_CHART_TEXT];
  /* "base vs what-if": the fixed text short, so that two labels and their
   * overrides fit at full size (the words "comparison, base" took 17 of 112). */
  snprintf(lead, sizeof lead, "Source: frontsim %s, ", version);
  snprintf(tail, sizeof tail, "; %ld paired replications, seed %llu", replications, seed);
  fsim_source_part parts[FSIM_SOURCE_PARTS];
  int np = 0;
  parts[np++] = (fsim_source_part){lead, 0};
  for (int i = 0; i < cmp->nsc && np + 5 <= FSIM_SOURCE_PARTS; i++) {
    if (i) parts[np++] = (fsim_source_part){" vs ", 0};
    np += fsim_plot_label_parts(parts + np, head[i], sizeof head[i], cmp->label[i], NULL);
  }
  parts[np++] = (fsim_source_part){tail, 0};
  fsim_plot_source(run->source, sizeof run->source, parts, np);
  if (cmp->npanels > 0) {
    fsim_chart *c = add(run, "differences", "compare_differences", "", "", "");
    c->own_axes = 1;
    /* Beyond two rows of panels (two a row), a taller canvas keeps each readable. */
    const int rows = (cmp->npanels + 1) / 2;
    c->taller = rows > 2 ? 1 + 0.22 * (rows - 2) : 1;
    snprintf(c->title, sizeof c->title, "What each what-if changes against the base");
    if (cmp->unchanged > 0) /* shorter, to leave room for the note */
      snprintf(c->subtitle, sizeof c->subtitle,
               "Mean difference what-if minus base, %ld paired replications, 95%% CI; "
               "%d metric%s unchanged by every what-if not shown",
               replications, cmp->unchanged, cmp->unchanged > 1 ? "s" : "");
    else
      snprintf(c->subtitle, sizeof c->subtitle,
               "Headline metrics: mean difference what-if minus base over %ld paired "
               "replications, 95%% CI",
               replications);
  }
  add_overlays(run, sc, replications);
  *out = cmp;
  return FSIM_OK;
}

void fsim_plot_compare_free(fsim_plot_compare *cmp) { free(cmp); }

/* "n = 3", then the arrays files[] (this chart's data of each scenario) and
 * names[] (their labels). */
static void put_scenarios(FILE *out, const fsim_plot_compare *cmp, const fsim_chart *c,
                          int first) {
  fprintf(out, "n = %d\narray files[n] = [", cmp->nsc - first);
  for (int i = first; i < cmp->nsc; i++)
    fprintf(out, "%s'../%c/series/%s.csv'", i > first ? ", " : "", 'a' + i, c->data);
  fputs("]\narray names[n] = [", out);
  for (int i = first; i < cmp->nsc; i++) {
    fputs(i > first ? ", '" : "'", out);
    fsim_plot_put_quoted(out, cmp->label[i]);
    fputc('\'', out);
  }
  /* The what-ifs keep the colour they have on the overlay charts. */
  fprintf(out, "]\nfirst_colour = %d", first + 1);
}

/* The scenarios' series for the marks of a held area reaching 0 (plots/dates.gp):
 * each one's directory, its name as its label begins (up to its overrides, at most
 * 16 characters, so that a mark naming two stays within the plot), or its letter
 * where two begin alike, and its colour. */
static void put_arms(FILE *out, const fsim_plot_compare *cmp) {
  char head[FSIM_COMPARE_MAX][FSIM_CHART_TEXT];
  for (int i = 0; i < cmp->nsc; i++) {
    fsim_source_part parts[FSIM_SOURCE_PARTS];
    char full[FSIM_CHART_TEXT];
    fsim_plot_label_parts(parts, full, sizeof full, cmp->label[i], NULL);
    fsim_plot_short(head[i], sizeof head[i], full, 16);
  }
  fprintf(out, "arm_n = %d\narray arm_dir[arm_n] = [", cmp->nsc);
  for (int i = 0; i < cmp->nsc; i++) fprintf(out, "%s'../%c/series'", i ? ", " : "", 'a' + i);
  fputs("]\narray arm_name[arm_n] = [", out);
  for (int i = 0; i < cmp->nsc; i++) {
    int alike = 0;
    for (int j = 0; j < cmp->nsc; j++) alike |= j != i && strcmp(head[i], head[j]) == 0;
    fputs(i ? ", '" : "'", out);
    if (alike)
      fprintf(out, "scenario %c", 'a' + i);
    else
      fsim_plot_put_quoted(out, head[i]);
    fputc('\'', out);
  }
  fputs("]\narray arm_colour[arm_n] = [", out);
  for (int i = 0; i < cmp->nsc; i++) fprintf(out, "%sscenario_colour(%d)", i ? ", " : "", i + 1);
  fputc(']', out);
}

/* A panel's title on one line, or two when long: broken at the space nearest its
 * middle, so that two columns of panels do not run into each other. */
static void put_title(FILE *out, const char *title) {
  const size_t len = strlen(title);
  const char *cut = NULL;
  for (const char *p = strchr(title, ' '); len > 56 && p; p = strchr(p + 1, ' '))
    if (!cut || labs((long)(p - title) - (long)len / 2) < labs((long)(cut - title) - (long)len / 2))
      cut = p;
  if (!cut) {
    fputc('\'', out);
    fsim_plot_put_quoted(out, title);
    fputc('\'', out);
    return;
  }
  char first[FSIM_CHART_TEXT];
  snprintf(first, sizeof first, "%.*s", (int)(cut - title), title);
  fputc('\'', out);
  fsim_plot_put_quoted(out, first);
  fputs("'.\"\\n\".'", out);
  fsim_plot_put_quoted(out, cut + 1);
  fputc('\'', out);
}

static void put_panels(FILE *out, const fsim_plot_compare *cmp) {
  fprintf(out, "npanels = %d\narray panel_titles[npanels] = [", cmp->npanels);
  for (int p = 0; p < cmp->npanels; p++) {
    if (p) fputs(", ", out);
    put_title(out, cmp->panels[p].title);
  }
  fputs("]\n# panel, what-if (1: the first), difference, 95% CI low and high, its text\n"
        "$differences << EOD\npanel,what_if,difference,low,high,text\n",
        out);
  for (int i = 0; i < cmp->ndiffs; i++) {
    const cmp_diff *d = &cmp->diffs[i];
    fprintf(out, "%d,%d,%.10g,%.10g,%.10g,\"%s\"\n", d->panel + 1, d->what_if, d->d,
            isnan(d->lo) ? d->d : d->lo, isnan(d->hi) ? d->d : d->hi, d->text);
  }
  fputs("EOD", out);
}

int fsim_plot_compare_fill(FILE *out, const fsim_plot_run *run, const fsim_chart *chart,
                           const char *key) {
  const fsim_plot_compare *cmp = run->compare;
  if (!cmp) return 0;
  if (strcmp(key, "SCENARIOS") == 0)
    put_scenarios(out, cmp, chart, 0);
  else if (strcmp(key, "WHAT_IFS") == 0)
    put_scenarios(out, cmp, chart, 1);
  else if (strcmp(key, "PANELS") == 0)
    put_panels(out, cmp);
  else if (strcmp(key, "ARMS") == 0)
    put_arms(out, cmp);
  else if (strcmp(key, "VARIABLE") == 0)
    fsim_plot_put_quoted(out, chart->variable);
  else if (strcmp(key, "SCALE") == 0)
    fprintf(out, "%.10g", chart->scale);
  else if (strcmp(key, "AXIS") == 0)
    fsim_plot_put_quoted(out, chart->axis);
  else
    return 0;
  return 1;
}
