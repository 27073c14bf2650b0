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

/* Rows of box.csv (its parameters), for the height of the box chart. */
static int box_rows(const char *dir) {
  char path[FSIM_PATH_MAX + 32], line[8192];
  snprintf(path, sizeof path, "%s/box.csv", dir);
  FILE *fp = fopen(path, "r");
  if (!fp) return 0;
  int n = -1; /* the header */
  while (fgets(line, sizeof line, fp)) n++;
  fclose(fp);
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
  parts[n + 1] = (fsim_source_part){"; condition ", 0};
  parts[n + 2] = (fsim_source_part){condition, 1};
  fsim_plot_source(run->source, sizeof run->source, parts, n + 3);
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
  const int rows = box_rows(dir);
  if (rows > 8) run->charts[1].taller = rows / 8.0;
  return FSIM_OK;
}
