/* Charts a re-plot no longer draws (a metric that became constant, a chart kind the
 * directory lost, paired charts drawn without --baseline): removed with their
 * scripts, so charts/ holds what this plot drew and nothing that contradicts it. Only
 * files frontsim owns go: a script whose first line names it as frontsim's chart of
 * its own name, and that chart's images; anything else in charts/ is left alone. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fileio.h"
#include "plot_internal.h"

static const char *const image_ext[] = {"png", "svg", "pdf"};

/* 1 when charts/<stem>.gp was written by frontsim plot for the chart <stem>. */
static int owned(const char *charts, const char *stem) {
  char path[FSIM_PATH_MAX + FSIM_CHART_NAME + 8], line[FSIM_CHART_NAME + 64],
      want[FSIM_CHART_NAME + 64];
  snprintf(path, sizeof path, "%s/%s.gp", charts, stem);
  FILE *fp = fopen(path, "r");
  if (!fp) return 0;
  const int got = fgets(line, sizeof line, fp) != NULL;
  fclose(fp);
  snprintf(want, sizeof want, "# frontsim chart %s, drawn by `frontsim plot`", stem);
  return got && strncmp(line, want, strlen(want)) == 0;
}

/* Whether --only NAME asks for the chart named stem that this plot does not have:
 * by its name, its kind (the part before the first '_') or its metric (after it). */
static int asked(const char *stem, const char *only) {
  if (!only) return 1;
  const char *us = strchr(stem, '_');
  const size_t n = strlen(only);
  return strcmp(stem, only) == 0 || (us && (size_t)(us - stem) == n && strncmp(stem, only, n) == 0) ||
         (us && strcmp(us + 1, only) == 0);
}

static int drawn_here(const fsim_plot_run *run, const char *stem) {
  for (int i = 0; i < run->ncharts; i++)
    if (strcmp(run->charts[i].name, stem) == 0) return 1;
  return 0;
}

void fsim_plot_remove_stale(const char *charts, const fsim_plot_run *run, const char *only,
                            void (*removed)(void *ctx, const char *path), void *ctx) {
  DIR *d = opendir(charts);
  if (!d) return;
  /* Names first, removals after: the directory is not changed while read. */
  char (*stale)[FSIM_CHART_NAME] = NULL;
  size_t n = 0, cap = 0;
  for (struct dirent *e; (e = readdir(d)) != NULL;) {
    const size_t len = strlen(e->d_name);
    if (len < 4 || len - 3 >= FSIM_CHART_NAME || strcmp(e->d_name + len - 3, ".gp") != 0 ||
        e->d_name[0] == '.')
      continue;
    char stem[FSIM_CHART_NAME];
    snprintf(stem, sizeof stem, "%.*s", (int)(len - 3), e->d_name);
    if (drawn_here(run, stem) || !asked(stem, only) || !owned(charts, stem)) continue;
    if (n == cap) {
      void *grown = realloc(stale, (cap = cap ? 2 * cap : 16) * sizeof *stale);
      if (!grown) break;
      stale = grown;
    }
    snprintf(stale[n++], FSIM_CHART_NAME, "%s", stem);
  }
  closedir(d);
  for (size_t i = 0; i < n; i++) {
    char path[FSIM_PATH_MAX + FSIM_CHART_NAME + 8];
    for (size_t k = 0; k < sizeof image_ext / sizeof *image_ext; k++) {
      snprintf(path, sizeof path, "%s/%s.%s", charts, stale[i], image_ext[k]);
      if (unlink(path) == 0 && removed) removed(ctx, path);
    }
    snprintf(path, sizeof path, "%s/%s.gp", charts, stale[i]);
    if (unlink(path) == 0 && removed) removed(ctx, path);
  }
  free(stale);
}
