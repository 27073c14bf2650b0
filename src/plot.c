/* frontsim plot: the charts of a run directory. The run is read back from what
 * it wrote (scenario.cfg, series/); each chart's script is written and drawn in
 * a staging directory beside charts/, then both files are renamed into place,
 * so charts/ never holds a half-written chart or a script that did not draw. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "frontsim/version.h"
#include "plot_internal.h"

void fsim_plot_options_init(fsim_plot_options *opt) {
  memset(opt, 0, sizeof *opt);
  opt->format = FSIM_PLOT_PNG;
}

static const char *const extensions[] = {"png", "svg", "pdf"};

fsim_status fsim_plot_format_parse(const char *text, fsim_plot_format *out, fsim_error *err) {
  for (int f = 0; f < 3; f++)
    if (text && strcmp(text, extensions[f]) == 0) {
      *out = (fsim_plot_format)f;
      return FSIM_OK;
    }
  return fsim_error_set(err, FSIM_E_INPUT, "", 0, "--format",
                        "must be png, svg or pdf, got \"%.40s\"", text ? text : "");
}

const char *fsim_plot_format_extension(fsim_plot_format format) {
  return (unsigned)format < 3 ? extensions[format] : extensions[0];
}

/* What the run recorded about itself in scenario.cfg's header (write_run.c):
 * the replications actually run, which a library caller may have set apart from
 * run.replications, the seed, the version and the scenario file. */
typedef struct run_record {
  long replications;
  unsigned long long seed;
  char version[32];
  char scenario_file[FSIM_PATH_MAX];
} run_record;

static void read_record(const char *path, const fsim_scenario *sc, run_record *rec) {
  rec->replications = fsim_scenario_replications(sc);
  rec->seed = fsim_scenario_seed(sc);
  snprintf(rec->version, sizeof rec->version, "%s", FRONTSIM_VERSION);
  snprintf(rec->scenario_file, sizeof rec->scenario_file, "%s", path);
  FILE *fp = fopen(path, "r");
  char line[FSIM_PATH_MAX];
  while (fp && fgets(line, sizeof line, fp) && line[0] == '#') {
    line[strcspn(line, "\r\n")] = '\0';
    if (strncmp(line, "# replications: ", 16) == 0)
      rec->replications = strtol(line + 16, NULL, 10);
    else if (strncmp(line, "# seed: ", 8) == 0)
      rec->seed = strtoull(line + 8, NULL, 10);
    else if (strncmp(line, "# frontsim ", 11) == 0)
      snprintf(rec->version, sizeof rec->version, "%s", line + 11);
    else if (strncmp(line, "# source: ", 10) == 0)
      snprintf(rec->scenario_file, sizeof rec->scenario_file, "%s", line + 10);
  }
  if (fp) fclose(fp);
  /* The file name is enough in a footnote; the full path is in scenario.cfg. */
  const char *slash = strrchr(rec->scenario_file, '/');
  if (slash && slash[1]) memmove(rec->scenario_file, slash + 1, strlen(slash + 1) + 1);
}

/* dir/name into a FSIM_PATH_MAX buffer; 0 when it does not fit. */
static int join(char *out, const char *dir, const char *name) {
  int n = snprintf(out, FSIM_PATH_MAX, "%s/%s", dir, name);
  return n > 0 && n < FSIM_PATH_MAX;
}

static int is_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static fsim_status need_file(const char *dir, const char *rel, fsim_error *err) {
  char path[FSIM_PATH_MAX];
  if (join(path, dir, rel) && is_file(path)) return FSIM_OK;
  return fsim_error_set(err, FSIM_E_INPUT, path, 0, "",
                        "missing: %s is not a complete frontsim run directory (write one "
                        "with `frontsim run SCENARIO -o %s`)",
                        dir, dir);
}

/* Every data file the selected charts read must be there before gnuplot runs,
 * so a wrong directory gets one clear message. */
static fsim_status check_data(const char *dir, const fsim_plot_run *run, fsim_error *err) {
  fsim_status st = need_file(dir, "series/sides.csv", err);
  for (int s = 0; st == FSIM_OK && s < run->sc->nsectors; s++) {
    char rel[FSIM_PATH_MAX];
    snprintf(rel, sizeof rel, "series/%s.csv", run->sc->sectors[s].name);
    st = need_file(dir, rel, err);
  }
  return st;
}

static fsim_status no_such_chart(const fsim_plot_run *run, const char *only, fsim_error *err) {
  char names[FSIM_ERROR_TEXT] = "";
  size_t used = 0;
  for (int i = 0; i < run->ncharts && used < sizeof names; i++) {
    int k = snprintf(names + used, sizeof names - used, "%s%s", i ? ", " : "",
                     run->charts[i].name);
    if (k > 0) used += (size_t)k;
  }
  return fsim_error_set(err, FSIM_E_INPUT, "", 0, "--only",
                        "no chart or kind of chart named \"%.60s\"; this run has: %s", only,
                        names);
}

/* The image must exist and hold something before it replaces an earlier one;
 * synced like every other file the library writes. */
static fsim_status check_image(const char *path, const char *chart, const char *image,
                               fsim_error *err) {
  struct stat st;
  if (stat(path, &st) != 0 || st.st_size == 0)
    return fsim_error_set(err, FSIM_E_EXTERNAL, "", 0, "",
                          "chart %s: gnuplot finished but wrote no %s", chart, image);
  int fd = open(path, O_RDONLY);
  if (fd >= 0) {
    fsync(fd);
    close(fd);
  }
  return FSIM_OK;
}

static fsim_status move_into_place(const char *from, const char *to, fsim_error *err) {
  if (rename(from, to) == 0) return FSIM_OK;
  return fsim_error_set(err, FSIM_E_IO, to, 0, "", "cannot rename into place: %s",
                        strerror(errno));
}

typedef struct plot_paths {
  char dir[FSIM_PATH_MAX];     /* the run directory, without a trailing '/' */
  char charts[FSIM_PATH_MAX];  /* dir/charts */
  char stage[FSIM_PATH_MAX];   /* dir/.charts-partial-<pid>: same depth as charts/, so
                                  the scripts' ../series paths hold in both */
} plot_paths;

static fsim_status draw_chart(const plot_paths *pp, const fsim_plot_run *run,
                              const fsim_chart *chart, const fsim_plot_options *opt,
                              const char *program, fsim_error *err) {
  const char *ext = fsim_plot_format_extension(opt->format);
  char image[FSIM_CHART_NAME + 8], script[FSIM_CHART_NAME + 8];
  snprintf(image, sizeof image, "%s.%s", chart->name, ext);
  snprintf(script, sizeof script, "%s.gp", chart->name);
  char staged_image[FSIM_PATH_MAX], staged_script[FSIM_PATH_MAX];
  char final_image[FSIM_PATH_MAX], final_script[FSIM_PATH_MAX];
  if (!join(staged_image, pp->stage, image) || !join(staged_script, pp->stage, script) ||
      !join(final_image, pp->charts, image) || !join(final_script, pp->charts, script))
    return fsim_error_set(err, FSIM_E_IO, pp->charts, 0, "", "path too long");

  fsim_file f;
  fsim_status st = fsim_file_open(&f, staged_script, err);
  if (st != FSIM_OK) return st;
  st = fsim_plot_write_script(f.fp, run, chart, opt->format, image, err);
  if (st != FSIM_OK) {
    fsim_file_abort(&f);
    return st;
  }
  if ((st = fsim_file_commit(&f, err)) != FSIM_OK) return st;
  /* gnuplot runs the very file that is kept, from the staging directory. */
  if ((st = fsim_gnuplot_run(program, pp->stage, script, chart->name, err)) != FSIM_OK)
    return st;
  if ((st = check_image(staged_image, chart->name, image, err)) != FSIM_OK) return st;
  if ((st = move_into_place(staged_image, final_image, err)) != FSIM_OK) return st;
  if ((st = move_into_place(staged_script, final_script, err)) != FSIM_OK) return st;
  if (opt->written) opt->written(opt->written_ctx, final_image, final_script);
  return FSIM_OK;
}

static fsim_status draw_all(const plot_paths *pp, const fsim_plot_run *run,
                            const fsim_plot_options *opt, const char *program,
                            fsim_error *err) {
  fsim_status st = fsim_make_dirs(pp->charts, err);
  if (st != FSIM_OK) return st;
  fsim_remove_tree(pp->stage);
  if (mkdir(pp->stage, 0777) != 0)
    return fsim_error_set(err, FSIM_E_IO, pp->stage, 0, "", "cannot create directory: %s",
                          strerror(errno));
  for (int i = 0; st == FSIM_OK && i < run->ncharts; i++)
    if (fsim_chart_selected(&run->charts[i], opt->only))
      st = draw_chart(pp, run, &run->charts[i], opt, program, err);
  fsim_remove_tree(pp->stage);
  return st;
}

fsim_status fsim_plot_dir(const char *dir, const fsim_plot_options *opt_in, fsim_error *err) {
  fsim_plot_options defaults;
  fsim_plot_options_init(&defaults);
  const fsim_plot_options *opt = opt_in ? opt_in : &defaults;
  if ((unsigned)opt->format > FSIM_PLOT_PDF)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "--format", "unknown chart format");

  plot_paths pp;
  size_t len = dir ? strlen(dir) : 0;
  while (len > 1 && dir[len - 1] == '/') len--;
  if (len == 0 || len + 40 >= sizeof pp.dir)
    return fsim_error_set(err, FSIM_E_INPUT, dir ? dir : "", 0, "",
                          "not a usable run directory");
  snprintf(pp.dir, sizeof pp.dir, "%.*s", (int)len, dir);
  char stage_name[64];
  snprintf(stage_name, sizeof stage_name, ".charts-partial-%ld", (long)getpid());
  char cfg[FSIM_PATH_MAX];
  /* The length was checked above, so these fit. */
  join(pp.charts, pp.dir, "charts");
  join(pp.stage, pp.dir, stage_name);
  join(cfg, pp.dir, "scenario.cfg");

  struct stat st_dir;
  if (stat(pp.dir, &st_dir) != 0 || !S_ISDIR(st_dir.st_mode))
    return fsim_error_set(err, FSIM_E_INPUT, pp.dir, 0, "",
                          "no such directory (give the output directory of `frontsim run`)");
  fsim_status st = need_file(pp.dir, "scenario.cfg", err);
  if (st != FSIM_OK) return st;

  fsim_scenario *sc = NULL;
  if ((st = fsim_scenario_load(cfg, NULL, &sc, err)) != FSIM_OK) return st;
  run_record rec;
  read_record(cfg, sc, &rec);
  fsim_plot_run run;
  st = fsim_plot_run_init(&run, sc, rec.replications, rec.seed, rec.version,
                          rec.scenario_file, err);
  int any = 0;
  for (int i = 0; st == FSIM_OK && i < run.ncharts; i++)
    any |= fsim_chart_selected(&run.charts[i], opt->only);
  if (st == FSIM_OK && !any) st = no_such_chart(&run, opt->only, err);
  if (st == FSIM_OK) st = check_data(pp.dir, &run, err);
  /* gnuplot is checked before anything is written: without it the run
   * directory is left exactly as it was. */
  const char *program = fsim_gnuplot_program(opt->gnuplot);
  if (st == FSIM_OK) st = fsim_gnuplot_check(program, pp.dir, err);
  if (st == FSIM_OK) st = draw_all(&pp, &run, opt, program, err);
  fsim_plot_run_free(&run);
  fsim_scenario_free(sc);
  return st;
}
