/* The plot layer (src/plot): charts of what a run or a sweep wrote, drawn by gnuplot
 * (an external program) from the templates of plots/. Which charts (run_charts.c,
 * sweep_charts.c), their scripts (script.c, sweep_script.c, dates.c), the formats
 * (format.c), running gnuplot (gnuplot.c), and in this file the entry point. Above
 * output; it reads files only, never a run in memory.
 *
 * frontsim plot: the charts of a run or a sweep directory. The run or sweep is
 * read back from what it wrote (scenario.cfg, frontsim.meta, series/; sweep.csv,
 * sensitivity.csv); each chart's script is written and drawn in a staging
 * directory beside charts/, then both files are renamed into place, so charts/
 * never holds a half-written chart or a script that did not draw. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "formats.h"
#include "layout.h"
#include "frontsim/version.h"
#include "plot_internal.h"
#include "plot_options.h"

/* What the run recorded about itself in frontsim.meta (formats.h): the
 * replications actually run, which a library caller may have set apart from
 * run.replications, the seed, the version and the scenario file. */
typedef struct run_record {
  long replications;
  unsigned long long seed;
  char version[32];
  char scenario_file[FSIM_PATH_MAX];
  int all_series; /* 0: the run kept fewer daily series (frontsim.meta's series=) */
} run_record;

/* Directories written before frontsim.meta existed: the same facts from the comment
 * lines of scenario.cfg's header (run_dir.c, sweep.c write both). */
static void read_cfg_header(const char *path, run_record *rec) {
  FILE *fp = fopen(path, "r");
  char line[FSIM_PATH_MAX];
  while (fp && fgets(line, sizeof line, fp) && line[0] == '#') {
    line[strcspn(line, "\r\n")] = '\0';
    if (strncmp(line, "# replications: ", 16) == 0)
      rec->replications = strtol(line + 16, NULL, 10);
    else if (strncmp(line, "# replications per point: ", 26) == 0) /* a sweep's */
      rec->replications = strtol(line + 26, NULL, 10);
    else if (strncmp(line, "# seed: ", 8) == 0)
      rec->seed = strtoull(line + 8, NULL, 10);
    else if (strncmp(line, "# frontsim ", 11) == 0)
      snprintf(rec->version, sizeof rec->version, "%.31s", line + 11);
    else if (strncmp(line, "# source: ", 10) == 0)
      snprintf(rec->scenario_file, sizeof rec->scenario_file, "%s", line + 10);
  }
  if (fp) fclose(fp);
}

static void read_record(const char *meta_path, const char *path, const fsim_scenario *sc,
                        run_record *rec) {
  rec->replications = fsim_scenario_replications(sc);
  rec->seed = fsim_scenario_seed(sc);
  snprintf(rec->version, sizeof rec->version, "%s", FRONTSIM_VERSION);
  snprintf(rec->scenario_file, sizeof rec->scenario_file, "%s", path);
  fsim_run_meta meta = {.seed = rec->seed, .replications = rec->replications};
  snprintf(meta.version, sizeof meta.version, "%s", rec->version);
  snprintf(meta.scenario_file, sizeof meta.scenario_file, "%s", path);
  fsim_error ignored;
  rec->all_series = 1;
  if (fsim_meta_read(meta_path, &meta, &ignored) == FSIM_OK) {
    rec->all_series = !meta.series[0] || strcmp(meta.series, "all") == 0;
    rec->replications = meta.replications;
    rec->seed = meta.seed;
    snprintf(rec->version, sizeof rec->version, "%s", meta.version);
    snprintf(rec->scenario_file, sizeof rec->scenario_file, "%s", meta.scenario_file);
  } else {
    read_cfg_header(path, rec);
  }
  /* The file name is enough in a footnote; the full path is in scenario.cfg. */
  const char *slash = strrchr(rec->scenario_file, '/');
  if (slash && slash[1]) memmove(rec->scenario_file, slash + 1, strlen(slash + 1) + 1);
}

/* dir/name into a FSIM_PATH_MAX buffer; 0 when it does not fit. */
static int is_dir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

fsim_status fsim_plot_dir_kind_of(const char *dir, fsim_plot_dir_kind *kind, fsim_error *err) {
  if (!dir || !kind) return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "fsim_plot_dir_kind_of: no directory (NULL)");
  char path[FSIM_PATH_MAX];
  if (!dir || !*dir || !is_dir(dir))
    return fsim_error_set(err, FSIM_E_INPUT, dir ? dir : "", 0, "",
                          "no such directory (give the output directory of `frontsim run`, "
                          "`frontsim sweep` or `frontsim compare`)");
  if (fsim_plot_join(path, dir, "sweep.csv") && fsim_plot_is_file(path)) {
    *kind = FSIM_PLOT_DIR_SWEEP;
    return FSIM_OK;
  }
  if (fsim_plot_join(path, dir, "compare.csv") && fsim_plot_is_file(path)) {
    *kind = FSIM_PLOT_DIR_COMPARE;
    return FSIM_OK;
  }
  if (fsim_plot_join(path, dir, "trajectory.csv") && fsim_plot_is_file(path)) {
    *kind = FSIM_PLOT_DIR_DISCOVER;
    return FSIM_OK;
  }
  /* A sweep still running or interrupted, or one shard: its journal, no table. */
  if (fsim_plot_join(path, dir, "points.journal") && fsim_plot_is_file(path))
    return fsim_error_set(err, FSIM_E_INPUT, dir, 0, "",
                          "an unfinished sweep or one shard of a sweep (points.journal, no "
                          "sweep.csv): finish it with `frontsim sweep ... --resume` or join "
                          "the shards with `frontsim merge OUT SHARD_DIR...`, then plot that");
  if (fsim_plot_join(path, dir, "scenario.cfg") && fsim_plot_is_file(path)) {
    *kind = FSIM_PLOT_DIR_RUN;
    return FSIM_OK;
  }
  /* An optimisation's answer is its table: nothing to draw, and no advice to write a
   * run over it. */
  if (fsim_plot_join(path, dir, "optimize.txt") && fsim_plot_is_file(path))
    return fsim_error_set(err, FSIM_E_INPUT, dir, 0, "",
                          "an optimization's output has no charts: its answer is "
                          "optimize.txt, every evaluation in evaluations.csv");
  return fsim_error_set(err, FSIM_E_INPUT, dir, 0, "",
                        "%s holds no frontsim output to draw: no scenario.cfg (a run), "
                        "sweep.csv (a sweep), compare.csv (a comparison) or trajectory.csv "
                        "(a discovery)",
                        dir);
}

/* Charts with nothing to show (chart->skip says why) are dropped and reported,
 * one line each, rather than drawn on an empty range. */
static void drop_skipped(fsim_plot_run *run, const fsim_plot_options *opt) {
  int kept = 0;
  for (int i = 0; i < run->ncharts; i++) {
    const fsim_chart *c = &run->charts[i];
    if (!c->skip[0])
      run->charts[kept++] = *c;
    else if (fsim_chart_selected(c, opt->only) && opt->skipped)
      opt->skipped(opt->skipped_ctx, c->name, c->skip);
  }
  run->ncharts = kept;
}

static fsim_status no_such_chart(const fsim_plot_run *run, const char *only, fsim_error *err) {
  char names[FSIM_ERROR_TEXT] = "";
  size_t used = 0;
  if (run->sweep) {
    /* Every metric has its charts; listing the metrics is shorter. */
    const fsim_plot_sweep *sw = run->sweep;
    for (int m = 0; m < sw->nmetrics && used < sizeof names; m++) {
      if (sw->metrics[m].defined == 0) continue;
      int k = snprintf(names + used, sizeof names - used, "%s%s", used ? ", " : "",
                       sw->metrics[m].name);
      if (k > 0) used += (size_t)k;
    }
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "--only",
                          "no chart, kind of chart or metric named \"%.60s\"; this sweep has "
                          "the kinds effect, heatmap (grids), sensitivity (sobol), morris (morris), "
                          "paired (--baseline) of the "
                          "metrics: %s",
                          only, names);
  }
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
                               fsim_plot_format format, fsim_error *err) {
  struct stat st;
  if (stat(path, &st) != 0 || st.st_size == 0)
    return fsim_error_set(err, FSIM_E_EXTERNAL, "", 0, "",
                          "chart %s: gnuplot finished but wrote no %s", chart, image);
  if (!fsim_plot_image_complete(path, format))
    return fsim_error_set(err, FSIM_E_EXTERNAL, "", 0, "",
                          "chart %s: gnuplot finished but %s is not a complete %s file (a full "
                          "disk?); the chart in charts/ was left as it was",
                          chart, image, fsim_plot_format_extension(format));
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
  fsim_plot_stop *stop;        /* asked whether to stop, between and during charts */
} plot_paths;

/* A chart's staged image and script, and their places in charts/. */
typedef struct chart_files {
  char image[FSIM_CHART_NAME + 8], script[FSIM_CHART_NAME + 8];
  char staged_image[FSIM_PATH_MAX], staged_script[FSIM_PATH_MAX];
  char final_image[FSIM_PATH_MAX], final_script[FSIM_PATH_MAX];
} chart_files;

static fsim_status chart_files_of(const plot_paths *pp, const fsim_chart *chart,
                                  fsim_plot_format format, chart_files *f, fsim_error *err) {
  snprintf(f->image, sizeof f->image, "%s.%s", chart->name, fsim_plot_format_extension(format));
  snprintf(f->script, sizeof f->script, "%s.gp", chart->name);
  if (!fsim_plot_join(f->staged_image, pp->stage, f->image) ||
      !fsim_plot_join(f->staged_script, pp->stage, f->script) ||
      !fsim_plot_join(f->final_image, pp->charts, f->image) || !fsim_plot_join(f->final_script, pp->charts, f->script))
    return fsim_error_set(err, FSIM_E_IO, pp->charts, 0, "", "path too long");
  return FSIM_OK;
}

/* The chart's own script, staged: the file that is kept, and that gnuplot runs. */
static fsim_status stage_script(const fsim_plot_run *run, const fsim_chart *chart,
                                const fsim_plot_options *opt, const chart_files *cf,
                                fsim_error *err) {
  fsim_file f;
  fsim_status st = fsim_file_open(&f, cf->staged_script, err);
  if (st != FSIM_OK) return st;
  st = fsim_plot_write_script(f.fp, run, chart, opt->format, cf->image, err);
  if (st != FSIM_OK) {
    fsim_file_abort(&f);
    return st;
  }
  return fsim_file_commit(&f, err);
}

static fsim_status put_in_place(const fsim_chart *chart, const fsim_plot_options *opt,
                                const chart_files *cf, fsim_plot_stop *stop, fsim_error *err) {
  fsim_status st;
  if ((st = check_image(cf->staged_image, chart->name, cf->image, opt->format, err)) != FSIM_OK)
    return st;
  if (opt->format == FSIM_PLOT_SVG &&
      (st = fsim_plot_svg_title(cf->staged_image, chart->title, err)) != FSIM_OK)
    return st;
  if ((st = move_into_place(cf->staged_image, cf->final_image, err)) != FSIM_OK) return st;
  if ((st = move_into_place(cf->staged_script, cf->final_script, err)) != FSIM_OK) return st;
  if (opt->written) opt->written(opt->written_ctx, cf->final_image, cf->final_script);
  stop->done++;
  return FSIM_OK;
}

static fsim_status draw_chart(const plot_paths *pp, const fsim_plot_run *run,
                              const fsim_chart *chart, const fsim_plot_options *opt,
                              const char *program, fsim_error *err) {
  chart_files cf;
  fsim_status st = chart_files_of(pp, chart, opt->format, &cf, err);
  if (st == FSIM_OK) st = stage_script(run, chart, opt, &cf, err);
  /* gnuplot runs the very file that is kept, from the staging directory. */
  if (st == FSIM_OK)
    st = fsim_gnuplot_run(program, pp->stage, cf.script, chart->name,
                          fsim_gnuplot_timeout(opt->timeout), pp->stop, err);
  return st == FSIM_OK ? put_in_place(chart, opt, &cf, pp->stop, err) : st;
}

/* Charts drawn by one gnuplot: starting gnuplot costs more than drawing a chart of
 * a sector (a 1,000-sector run has some 3,000). */
#define BATCH 32
#define BATCH_SCRIPT ".batch.gp" /* not a chart's name: those begin with a letter */

/* Draws charts[0..k) with one gnuplot, which loads each chart's own script in turn,
 * each from a fresh session. Should anything go wrong (gnuplot fails or is stopped
 * by the time limit, an image is missing or short), the charts are drawn again one
 * gnuplot each: the charts before the faulty one are put in place and the error
 * is that chart's own, as when every chart had its own gnuplot. */
static fsim_status draw_batch(const plot_paths *pp, const fsim_plot_run *run,
                              const fsim_chart *const *charts, int k,
                              const fsim_plot_options *opt, const char *program,
                              fsim_error *err) {
  if (k == 1) return draw_chart(pp, run, charts[0], opt, program, err);
  chart_files cf[BATCH];
  char driver[FSIM_PATH_MAX];
  if (!fsim_plot_join(driver, pp->stage, BATCH_SCRIPT))
    return fsim_error_set(err, FSIM_E_IO, pp->stage, 0, "", "path too long");
  fsim_file f;
  fsim_status st = fsim_file_open(&f, driver, err);
  for (int i = 0; st == FSIM_OK && i < k; i++) {
    st = chart_files_of(pp, charts[i], opt->format, &cf[i], err);
    if (st == FSIM_OK) st = stage_script(run, charts[i], opt, &cf[i], err);
    if (st != FSIM_OK) break;
    fputs("load ", f.fp);
    fsim_plot_put_quoted(f.fp, cf[i].script);
    fputs("\nunset output\nreset session\n", f.fp);
  }
  if (st != FSIM_OK) {
    fsim_file_abort(&f);
    return st;
  }
  if ((st = fsim_file_commit(&f, err)) != FSIM_OK) return st;
  fsim_error quiet;
  fsim_error_clear(&quiet);
  int ok = fsim_gnuplot_run(program, pp->stage, BATCH_SCRIPT, charts[0]->name,
                            fsim_gnuplot_timeout(opt->timeout), pp->stop, &quiet) == FSIM_OK;
  if (!ok && pp->stop->asked) {
    if (err) *err = quiet;
    return quiet.status;
  }
  for (int i = 0; ok && i < k; i++)
    ok = fsim_plot_image_complete(cf[i].staged_image, opt->format);
  for (int i = 0; st == FSIM_OK && i < k; i++)
    st = ok ? put_in_place(charts[i], opt, &cf[i], pp->stop, err)
            : draw_chart(pp, run, charts[i], opt, program, err);
  return st;
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
  pp->stop->total = 0;
  for (int i = 0; i < run->ncharts; i++)
    pp->stop->total += fsim_chart_selected(&run->charts[i], opt->only);
  const fsim_chart *batch[BATCH];
  int k = 0;
  for (int i = 0; st == FSIM_OK && i <= run->ncharts; i++) {
    if (i < run->ncharts && !fsim_chart_selected(&run->charts[i], opt->only)) continue;
    if (i < run->ncharts) batch[k++] = &run->charts[i];
    if (k == BATCH || (i == run->ncharts && k > 0)) {
      if (fsim_plot_stop_asked(pp->stop))
        st = fsim_error_set(err, FSIM_E_INTERRUPTED, "", 0, "",
                            "interrupted; the charts drawn before are in place");
      else
        st = draw_batch(pp, run, batch, k, opt, program, err);
      k = 0;
    }
  }
  fsim_remove_tree(pp->stage);
  return st;
}

/* What a sweep directory holds and its charts: sweep.csv, for sobol
 * sensitivity.csv (morris.csv for morris), and the base scenario for the method, metrics and names. */
static fsim_status sweep_init(fsim_plot_run *run, fsim_plot_sweep *sw, const char *dir,
                              const fsim_scenario *sc, const run_record *rec, long baseline,
                              fsim_error *err) {
  memset(run, 0, sizeof *run);
  run->sc = sc;
  run->replications = rec->replications;
  char path[FSIM_PATH_MAX];
  fsim_plot_join(path, dir, "sweep.csv");
  fsim_status st = fsim_plot_sweep_read_table(sw, path, sc, err);
  if (st == FSIM_OK) st = fsim_plot_sweep_describe(sw, sc, err);
  if (st == FSIM_OK && sw->method == FSIM_SWEEP_SOBOL) {
    st = fsim_plot_need_file(dir, "sensitivity.csv", FSIM_PLOT_DIR_SWEEP, err);
    fsim_plot_join(path, dir, "sensitivity.csv");
    if (st == FSIM_OK) st = fsim_plot_sweep_read_indices(sw, path, err);
  }
  if (st == FSIM_OK && sw->method == FSIM_SWEEP_MORRIS) {
    st = fsim_plot_need_file(dir, FSIM_MORRIS_NAME, FSIM_PLOT_DIR_SWEEP, err);
    fsim_plot_join(path, dir, FSIM_MORRIS_NAME);
    if (st == FSIM_OK) st = fsim_plot_sweep_read_morris(sw, path, err);
  }
  if (st == FSIM_OK && baseline >= 0)
    st = fsim_plot_paired_read(sw, dir, baseline, rec->replications, err);
  if (st != FSIM_OK) return st;
  char lead[96], head[FSIM_CHART_TEXT], tail[160];
  /* Its fixed text short enough that the line keeps the run charts' size
   * (fsim_plot_source): "24-point sobol sweep", not "sweep ... 24 points (sobol design)". */
  snprintf(lead, sizeof lead, "Source: frontsim %s, ", rec->version);
  snprintf(tail, sizeof tail, ", %ld-point %s sweep x %ld replications, seed %llu",
           sw->npoints, fsim_sweep_method_name(sw->method), rec->replications, rec->seed);
  fsim_source_part parts[FSIM_SOURCE_PARTS];
  int n = fsim_plot_label_parts(parts + 1, head, sizeof head, fsim_scenario_label(sc),
                                rec->scenario_file);
  parts[0] = (fsim_source_part){lead, 0};
  parts[n + 1] = (fsim_source_part){tail, 0};
  fsim_plot_source(run->source, sizeof run->source, parts, n + 2);
  return fsim_plot_sweep_charts(run, sw, err);
}

fsim_status fsim_plot_dir(const char *dir, const fsim_plot_options *opt_in, fsim_error *err) {
  fsim_plot_options o;
  if (opt_in)
    o = *opt_in;
  else
    fsim_plot_options_init(&o);
  if (o.only && !*o.only) o.only = NULL; /* "": every chart, as NULL */
  const fsim_plot_options *opt = &o;
  if ((unsigned)opt->format > FSIM_PLOT_PDF)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "--format", "unknown chart format");

  plot_paths pp;
  fsim_plot_stop stop = {.flag = opt->stop, .progress = opt->progress, .ctx = opt->progress_ctx};
  pp.stop = &stop;
  const size_t len = fsim_path_dir_len(dir);
  if (len == 0 || len + 40 >= sizeof pp.dir)
    return fsim_error_set(err, FSIM_E_INPUT, dir ? dir : "", 0, "",
                          "not a usable run or sweep directory");
  snprintf(pp.dir, sizeof pp.dir, "%.*s", (int)len, dir);
  char stage_name[64];
  snprintf(stage_name, sizeof stage_name, ".charts-partial-%ld", (long)getpid());
  char cfg[FSIM_PATH_MAX], meta[FSIM_PATH_MAX];
  /* The length was checked above, so these fit. */
  fsim_plot_join(pp.charts, pp.dir, "charts");
  fsim_plot_join(pp.stage, pp.dir, stage_name);
  /* A comparison's scenario is its base's (a/); its record is its own. */
  fsim_plot_join(meta, pp.dir, FSIM_META_NAME);

  fsim_plot_dir_kind kind;
  fsim_status st = fsim_plot_dir_kind_of(pp.dir, &kind, err);
  if (st != FSIM_OK) return st;
  fsim_plot_join(cfg, pp.dir, kind == FSIM_PLOT_DIR_COMPARE ? "a/scenario.cfg" : "scenario.cfg");
  if (kind == FSIM_PLOT_DIR_COMPARE && !fsim_plot_is_file(cfg))
    return fsim_error_set(err, FSIM_E_INPUT, cfg, 0, "",
                          "missing: %s is not a complete comparison (write one with "
                          "`frontsim compare BASE WHATIF... -o %s`)",
                          pp.dir, pp.dir);
  if (kind == FSIM_PLOT_DIR_SWEEP) {
    st = fsim_plot_need_file(pp.dir, "scenario.cfg", kind, err);
    if (st == FSIM_OK) st = fsim_plot_need_file(pp.dir, "design.csv", kind, err);
    if (st != FSIM_OK) return st;
  }

  fsim_scenario *sc = NULL;
  if ((st = fsim_scenario_load(cfg, NULL, &sc, err)) != FSIM_OK) return st;
  run_record rec;
  read_record(meta, cfg, sc, &rec);
  fsim_plot_run run;
  memset(&run, 0, sizeof run);
  fsim_plot_sweep sweep;
  memset(&sweep, 0, sizeof sweep);
  fsim_plot_compare *compare = NULL;
  if (kind != FSIM_PLOT_DIR_SWEEP && opt->baseline >= 0)
    st = fsim_error_set(err, FSIM_E_INPUT, "", 0, "--baseline",
                        "paired differences from a point are charted for a sweep directory; "
                        "%s is not one", pp.dir);
  else if (kind == FSIM_PLOT_DIR_SWEEP)
    st = sweep_init(&run, &sweep, pp.dir, sc, &rec, opt->baseline, err);
  else if (kind == FSIM_PLOT_DIR_DISCOVER)
    st = fsim_plot_discover_init(&run, pp.dir, sc, rec.version, err);
  else if (kind == FSIM_PLOT_DIR_COMPARE)
    st = fsim_plot_compare_init(&run, &compare, pp.dir, sc, rec.replications, rec.seed,
                                rec.version, err);
  else
    st = fsim_plot_run_init(&run, sc, rec.replications, rec.seed, rec.version,
                            rec.scenario_file, err);
  int any = 0;
  for (int i = 0; st == FSIM_OK && i < run.ncharts; i++)
    any |= fsim_chart_selected(&run.charts[i], opt->only);
  if (st == FSIM_OK && !any) st = no_such_chart(&run, opt->only, err);
  if (st == FSIM_OK) fsim_plot_title_places(&run, sc);
  if (st == FSIM_OK) drop_skipped(&run, opt);
  if (st == FSIM_OK && kind == FSIM_PLOT_DIR_RUN)
    st = fsim_plot_run_data(pp.dir, &run, rec.all_series, opt, err);
  /* gnuplot is checked before anything is written: without it the run
   * directory is left exactly as it was. */
  const char *program = fsim_gnuplot_program(opt->gnuplot);
  if (st == FSIM_OK) st = fsim_gnuplot_check(program, pp.dir, fsim_gnuplot_timeout(opt->timeout), err);
  if (st == FSIM_OK) st = draw_all(&pp, &run, opt, program, err);
  if (st == FSIM_OK) fsim_plot_remove_stale(pp.charts, &run, opt->only, opt->removed, opt->removed_ctx);
  fsim_plot_run_free(&run);
  fsim_plot_sweep_free(&sweep);
  fsim_plot_compare_free(compare);
  fsim_scenario_free(sc);
  return st;
}
