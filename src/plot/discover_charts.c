/* The charts of a scenario discovery's directory (frontsim discover): the peeling
 * trajectory's coverage/density trade-off and the box against each parameter's
 * range (docs/DISCOVERY.md, PLOTS.md). They read trajectory.csv and box.csv. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "plot_internal.h"

/* The line of discover.txt that starts with `prefix`, without it (or ""). */
static void txt_line(const char *dir, const char *prefix, char *buf, size_t size) {
  char path[FSIM_PATH_MAX + 32], line[1024];
  snprintf(path, sizeof path, "%s/discover.txt", dir);
  buf[0] = '\0';
  FILE *fp = fopen(path, "r");
  if (!fp) return;
  while (fgets(line, sizeof line, fp))
    if (strncmp(line, prefix, strlen(prefix)) == 0) {
      line[strcspn(line, "\n")] = '\0';
      size_t len = strlen(line);
      if (len > strlen(prefix) && line[len - 1] == '.') line[len - 1] = '\0'; /* a sentence */
      snprintf(buf, size, "%s", line + strlen(prefix));
      break;
    }
  fclose(fp);
}

/* The parameters of box.csv (its first column, a row each), named as the sweep
 * charts name them (the sweep's labels, with a capital), as a gnuplot word list in
 * the rows' order; their count, for the height of the box chart. */
static int box_titles(const char *dir, const fsim_scenario *sc, char **titles) {
  char path[FSIM_PATH_MAX + 32], line[8192];
  snprintf(path, sizeof path, "%s/box.csv", dir);
  *titles = NULL;
  FILE *fp = fopen(path, "r");
  if (!fp) return 0;
  int n = 0, cap = 0;
  char **paths = NULL;
  int header = 1;
  while (fgets(line, sizeof line, fp)) {
    if (header) { /* its header */
      header = 0;
      continue;
    }
    line[strcspn(line, ",\r\n")] = '\0';
    if (n == cap) {
      cap = cap ? 2 * cap : 16;
      char **more = realloc(paths, (size_t)cap * sizeof *paths);
      if (!more) break;
      paths = more;
    }
    if (!(paths[n] = strdup(line))) break;
    n++;
  }
  fclose(fp);
  size_t size = 0;
  FILE *out = open_memstream(titles, &size);
  for (int i = 0; out && i < n; i++) {
    char label[FSIM_TEXT_MAX];
    fsim_plot_param_label(sc, (const char *const *)paths, n, i, label, sizeof label);
    if (i) fputc(' ', out);
    fsim_plot_put_title_word(out, label);
  }
  if (out) fclose(out);
  for (int i = 0; i < n; i++) free(paths[i]);
  free(paths);
  return n;
}

fsim_status fsim_plot_discover_init(fsim_plot_run *run, const char *dir, const fsim_scenario *sc,
                                    const char *version, fsim_error *err) {
  memset(run, 0, sizeof *run);
  const char *need[] = {"trajectory.csv", "box.csv", "discover.txt"};
  for (size_t i = 0; i < sizeof need / sizeof *need; i++) {
    char path[FSIM_PATH_MAX + 32];
    snprintf(path, sizeof path, "%s/%s", dir, need[i]);
    FILE *fp = fopen(path, "r");
    if (!fp)
      return fsim_error_set(err, FSIM_E_INPUT, path, 0, "",
                            "missing: %s is not a complete discovery (write one with "
                            "`frontsim discover SWEEP_DIR --where ... -o %s`)",
                            dir, dir);
    fclose(fp);
  }
  run->charts = calloc(2, sizeof *run->charts);
  if (!run->charts) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  run->sc = sc;
  run->discover = 1;
  char condition[512], counts[512];
  txt_line(dir, "Condition: ", condition, sizeof condition);
  txt_line(dir, "It holds at ", counts, sizeof counts);
  char lead[128];
  snprintf(lead, sizeof lead, "Source: frontsim %s scenario discovery (PRIM) on a sweep of ",
           version);
  char head[FSIM_CHART_TEXT];
  fsim_source_part parts[FSIM_SOURCE_PARTS];
  int n = fsim_plot_label_parts(parts + 1, head, sizeof head, fsim_scenario_label(sc), NULL);
  parts[0] = (fsim_source_part){lead, 0};
  /* The condition is the subtitle's, whole: here it was cut to its first word
   * ("condition pokrovsk..."). */
  fsim_plot_source(run->source, sizeof run->source, parts, n + 1);
  static const struct {
    const char *name, *template_name, *data, *title;
  } charts[] = {
      {"tradeoff", "discover_tradeoff", "../trajectory.csv",
       "Scenario discovery: coverage against density along the peeling"},
      {"box", "discover_box", "../box.csv", "Scenario discovery: the box, parameter by parameter"},
  };
  for (int i = 0; i < 2; i++) {
    fsim_chart *c = fsim_plot_chart_add(run, "discover", charts[i].template_name, charts[i].name, "");
    c->own_axes = 1;
    snprintf(c->data, sizeof c->data, "%s", charts[i].data);
    snprintf(c->title, sizeof c->title, "%s", charts[i].title);
    /* Shortened at a word's end and marked, not cut mid-phrase ("at the;"). */
    char cshort[160], nshort[96];
    snprintf(c->subtitle, sizeof c->subtitle, "Where %s; it holds at %s",
             fsim_plot_short(cshort, sizeof cshort, condition, 150),
             fsim_plot_short(nshort, sizeof nshort, counts, 90));
  }
  /* A row per parameter: beyond eight, a taller canvas keeps each readable. */
  const int rows = box_titles(dir, sc, &run->box_titles);
  if (rows > 8) run->charts[1].taller = rows / 8.0;
  return FSIM_OK;
}
