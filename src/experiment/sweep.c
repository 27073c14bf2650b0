/* Sweeps: expand the design, validate every point, run the points not yet in the
 * journal, then write the collected results (docs/USAGE.md, "frontsim sweep"). */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "design.h"
#include "fileio.h"
#include "frontsim/run.h"
#include "frontsim/version.h"
#include "layout.h"
#include "results.h"
#include "stats.h"
#include "sweep_internal.h"
#include "text.h"

void fsim_sweep_options_init(fsim_sweep_options *opt) { memset(opt, 0, sizeof *opt); }

void fsim_sweep_free(fsim_sweep *sw) {
  if (!sw) return;
  free(sw->design_text);
  free(sw->scenario_text);
  fsim_journal_info_clear(&sw->info);
  free(sw->metric);
  free(sw->values);
  fsim_scenario_free(sw->base);
  fsim_overrides_free(sw->ov);
  free(sw->text);
  free(sw->include_dir);
  free(sw);
}

long fsim_sweep_points(const fsim_sweep *sw) { return sw->npoints; }


/* Copies the command line's overrides and adds "path=value" for each parameter. */
static fsim_status point_overrides(const fsim_sweep *sw, long p, fsim_overrides **out,
                                   fsim_error *err) {
  fsim_overrides *ov = fsim_overrides_new();
  if (!ov) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  fsim_status st = FSIM_OK;
  for (size_t i = 0; st == FSIM_OK && i < fsim_overrides_count(sw->ov); i++)
    st = fsim_overrides_add(ov, fsim_overrides_get(sw->ov, i), err);
  for (size_t i = 0; st == FSIM_OK && i < fsim_overrides_param_count(sw->ov); i++)
    st = fsim_overrides_add_param(ov, fsim_overrides_param_get(sw->ov, i), err);
  for (int j = 0; st == FSIM_OK && j < sw->k; j++) {
    char a[FSIM_TEXT_MAX + 64], num[48];
    double v = sw->values[(size_t)p * (size_t)sw->k + (size_t)j];
    if (sw->base->sweep.params[j].integer)
      snprintf(num, sizeof num, "%.0f", v);
    else
      fsim_text_double(v, 1, num, sizeof num);
    snprintf(a, sizeof a, "%s=%s", sw->base->sweep.params[j].path, num);
    st = fsim_overrides_add(ov, a, err);
  }
  if (st != FSIM_OK) {
    fsim_overrides_free(ov);
    return st;
  }
  *out = ov;
  return FSIM_OK;
}

static fsim_status load_point(const fsim_sweep *sw, long p, fsim_scenario **out,
                              fsim_error *err) {
  fsim_overrides *ov = NULL;
  fsim_status st = point_overrides(sw, p, &ov, err);
  if (st != FSIM_OK) return st;
  st = fsim_scenario_load_string(sw->text, sw->source, sw->include_dir, ov, out, err);
  fsim_overrides_free(ov);
  if (st != FSIM_OK) {
    char orig[FSIM_ERROR_TEXT];
    memcpy(orig, err->message, sizeof orig);
    snprintf(err->message, sizeof err->message, "sweep point %ld: %.440s", p, orig);
  }
  return st;
}

/* The design: every point's parameter values (MODEL.md has none of this; see
 * docs/USAGE.md "frontsim sweep"). */
static fsim_status expand_design(fsim_sweep *sw, fsim_error *err) {
  const fsim_sweep_def *def = &sw->base->sweep;
  const int k = def->nparams;
  sw->k = k;
  double *u = NULL;
  if (def->method == FSIM_SWEEP_GRID) {
    int counts[FSIM_MAX_VALUES];
    for (int j = 0; j < k; j++)
      counts[j] = def->params[j].nvalues > 0 ? def->params[j].nvalues : def->params[j].steps;
    size_t n = fsim_design_grid_size(k, counts);
    if (n > 10000000)
      return fsim_error_set(err, FSIM_E_INPUT, sw->source, 0, "sweep.parameters",
                            "the grid has %zu points; at most 10,000,000", n);
    sw->npoints = (long)n;
    sw->values = malloc(n * (size_t)k * sizeof *sw->values);
    if (!sw->values) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
    int idx[FSIM_MAX_VALUES];
    for (size_t p = 0; p < n; p++) {
      fsim_design_grid_index(p, k, counts, idx);
      for (int j = 0; j < k; j++) {
        const fsim_param_def *pd = &def->params[j];
        double v = pd->nvalues > 0 ? pd->values[idx[j]]
                                   : pd->from + (pd->to - pd->from) * idx[j] / (pd->steps - 1);
        sw->values[p * (size_t)k + (size_t)j] = pd->integer ? round(v) : v;
      }
    }
    return FSIM_OK;
  }
  size_t n = (size_t)def->points;
  size_t rows = def->method == FSIM_SWEEP_SOBOL ? n * (size_t)(k + 2) : n;
  u = malloc(rows * (size_t)k * sizeof *u);
  sw->values = malloc(rows * (size_t)k * sizeof *sw->values);
  if (!u || !sw->values) {
    free(u);
    return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  fsim_status st = def->method == FSIM_SWEEP_SOBOL
                       ? fsim_design_saltelli(n, k, u, err)
                       : fsim_design_lhs(n, k, (uint64_t)sw->base->run.seed, u, err);
  for (size_t p = 0; st == FSIM_OK && p < rows; p++)
    for (int j = 0; j < k; j++) {
      const fsim_param_def *pd = &def->params[j];
      double x = u[p * (size_t)k + (size_t)j], v;
      if (pd->integer) /* every whole value in [from, to] equally likely */
        v = fmin(pd->to, floor(ceil(pd->from) + x * (floor(pd->to) - ceil(pd->from) + 1)));
      else
        v = pd->from + x * (pd->to - pd->from);
      sw->values[p * (size_t)k + (size_t)j] = v;
    }
  free(u);
  sw->npoints = (long)rows;
  return st;
}

/* Grows a text buffer by printf. */
typedef struct text_buf {
  char *s;
  size_t len, cap;
  int failed;
} text_buf;

static void tb_printf(text_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void tb_printf(text_buf *b, const char *fmt, ...) {
  if (b->failed) return;
  for (;;) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->s ? b->s + b->len : NULL, b->s ? b->cap - b->len : 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
      b->failed = 1;
      return;
    }
    if (b->s && b->len + (size_t)n < b->cap) {
      b->len += (size_t)n;
      return;
    }
    size_t cap = b->cap ? b->cap * 2 : 1024;
    while (cap < b->len + (size_t)n + 1) cap *= 2;
    char *g = realloc(b->s, cap);
    if (!g) {
      b->failed = 1;
      return;
    }
    b->s = g;
    b->cap = cap;
  }
}

static fsim_status describe(fsim_sweep *sw, long reps, fsim_error *err) {
  const fsim_sweep_def *def = &sw->base->sweep;
  fsim_layout lay;
  fsim_status st = fsim_layout_build(&lay, sw->base, err);
  if (st != FSIM_OK) return st;
  sw->nmetrics = def->nmetrics > 0 ? def->nmetrics : lay.nmetrics;
  free(sw->metric); /* describe runs again when a run changes the replications */
  sw->metric = malloc((size_t)sw->nmetrics * sizeof *sw->metric);
  text_buf params = {0}, metrics = {0}, cols = {0}, design = {0};
  if (!sw->metric) params.failed = 1;
  for (int m = 0; m < sw->nmetrics && sw->metric; m++) {
    sw->metric[m] = def->nmetrics > 0 ? fsim_layout_find_metric(&lay, def->metrics[m]) : m;
    const char *name = lay.metric_name[sw->metric[m]];
    tb_printf(&metrics, "%s%s", m ? ";" : "", name);
  }
  tb_printf(&cols, FSIM_SWEEP_POINT_COLUMN);
  tb_printf(&design, FSIM_SWEEP_POINT_COLUMN);
  for (int j = 0; j < sw->k; j++) {
    tb_printf(&params, "%s%s", j ? ";" : "", def->params[j].path);
    tb_printf(&cols, ",%s", def->params[j].path);
    tb_printf(&design, ",%s", def->params[j].path);
  }
  tb_printf(&design, "\n");
  tb_printf(&cols, "," FSIM_SWEEP_REPS_COLUMN);
  for (int m = 0; m < sw->nmetrics && sw->metric; m++)
    for (int s = 0; s < FSIM_POINT_NSTATS; s++)
      tb_printf(&cols, ",%s_%s", lay.metric_name[sw->metric[m]], fsim_point_stat_names[s]);
  for (long p = 0; p < sw->npoints; p++) {
    tb_printf(&design, "%ld", p);
    for (int j = 0; j < sw->k; j++) tb_printf(&design, ",%.10g", sw->values[(size_t)p * (size_t)sw->k + (size_t)j]);
    tb_printf(&design, "\n");
  }
  /* The effective base scenario, without a header: part of the setup hash. */
  char *scen = NULL;
  size_t scen_len = 0;
  FILE *mem = open_memstream(&scen, &scen_len);
  if (!mem || fsim_scenario_write(sw->base, mem, NULL, err) != FSIM_OK) params.failed = 1;
  if (mem) fclose(mem);
  fsim_layout_destroy(&lay);
  if (params.failed || metrics.failed || cols.failed || design.failed || !scen) {
    free(params.s), free(metrics.s), free(cols.s), free(design.s), free(scen);
    return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  char reps_text[64];
  snprintf(reps_text, sizeof reps_text, "replications=%ld", reps);
  uint64_t h = fsim_fnv1a(FSIM_FNV_INIT, scen, scen_len);
  h = fsim_fnv1a(h, design.s, design.len);
  h = fsim_fnv1a(h, cols.s, cols.len);
  h = fsim_fnv1a(h, reps_text, strlen(reps_text));
  sw->info.setup = h;
  sw->info.npoints = sw->npoints;
  sw->info.nparams = sw->k;
  sw->info.method = def->method;
  sw->info.bootstrap = def->bootstrap;
  sw->info.seed = (uint64_t)sw->base->run.seed;
  sw->info.params = params.s;
  sw->info.metrics = metrics.s;
  sw->info.columns = cols.s;
  free(sw->scenario_text);
  free(sw->design_text);
  sw->scenario_text = scen;
  sw->design_text = design.s;
  return FSIM_OK;
}

fsim_status fsim_sweep_prepare(const char *scenario_path, const fsim_overrides *ov,
                               fsim_sweep **out, fsim_error *err) {
  *out = NULL;
  fsim_sweep *sw = calloc(1, sizeof *sw);
  if (!sw) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  snprintf(sw->source, sizeof sw->source, "%s", scenario_path);
  const char *slash = strrchr(scenario_path, '/');
  if (slash && slash > scenario_path) {
    size_t len = (size_t)(slash - scenario_path);
    sw->include_dir = malloc(len + 1);
    if (sw->include_dir) {
      memcpy(sw->include_dir, scenario_path, len);
      sw->include_dir[len] = '\0';
    }
  }
  sw->ov = fsim_overrides_new();
  fsim_status st = sw->ov && (!slash || slash == scenario_path || sw->include_dir)
                       ? FSIM_OK
                       : fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  for (size_t i = 0; st == FSIM_OK && i < fsim_overrides_count(ov); i++)
    st = fsim_overrides_add(sw->ov, fsim_overrides_get(ov, i), err);
  for (size_t i = 0; st == FSIM_OK && i < fsim_overrides_param_count(ov); i++)
    st = fsim_overrides_add_param(sw->ov, fsim_overrides_param_get(ov, i), err);
  if (st == FSIM_OK) st = fsim_read_text(scenario_path, "the scenario", &sw->text, NULL, err);
  if (st == FSIM_OK)
    st = fsim_scenario_load_string(sw->text, sw->source, sw->include_dir, sw->ov, &sw->base, err);
  if (st == FSIM_OK && !sw->base->has_sweep)
    st = fsim_error_set(err, FSIM_E_INPUT, scenario_path, 0, "sweep",
                        "the scenario has no sweep section and no --param was given");
  if (st == FSIM_OK) st = expand_design(sw, err);
  /* Every point must load before any work starts. */
  for (long p = 0; st == FSIM_OK && p < sw->npoints; p++) {
    fsim_scenario *sc = NULL;
    st = load_point(sw, p, &sc, err);
    fsim_scenario_free(sc);
  }
  if (st == FSIM_OK) st = describe(sw, sw->base->sweep.replications, err);
  if (st != FSIM_OK) {
    fsim_sweep_free(sw);
    return st;
  }
  *out = sw;
  return FSIM_OK;
}

/* One point: its replications, then each collected metric's statistics. */
static fsim_status run_point(const fsim_sweep *sw, long p, const fsim_sweep_options *opt,
                             long reps, text_buf *rec, double *scratch, fsim_error *err) {
  fsim_scenario *sc = NULL;
  fsim_status st = load_point(sw, p, &sc, err);
  if (st != FSIM_OK) return st;
  fsim_run_options ro;
  fsim_run_options_init(&ro);
  ro.replications = reps;
  ro.threads = opt->threads;
  ro.keep_series = 0;
  ro.point = 0; /* common random numbers: replication r draws the same at every point */
  ro.stop = opt->stop;
  fsim_results *res = NULL;
  st = fsim_run(sc, &ro, &res, err);
  if (st == FSIM_OK) {
    rec->len = 0;
    tb_printf(rec, "%ld", p);
    for (int j = 0; j < sw->k; j++) tb_printf(rec, ",%.10g", sw->values[(size_t)p * (size_t)sw->k + (size_t)j]);
    tb_printf(rec, ",%ld", reps);
    for (int m = 0; m < sw->nmetrics; m++) {
      int mi = sw->metric[m];
      for (long r = 0; r < reps; r++) scratch[r] = fsim_results_value(res, r, mi);
      fsim_summary s;
      /* The metric's kind decides its interval (Wilson for probabilities). */
      fsim_summarize(scratch, (size_t)reps, res->layout.metric_kind[mi], &s);
      double v[FSIM_POINT_NSTATS] = {
          [FSIM_POINT_MEAN] = s.mean,     [FSIM_POINT_SD] = s.sd, [FSIM_POINT_CI_LOW] = s.ci_lo,
          [FSIM_POINT_CI_HIGH] = s.ci_hi, [FSIM_POINT_P5] = s.p5, [FSIM_POINT_P50] = s.p50,
          [FSIM_POINT_P95] = s.p95};
      for (int k = 0; k < FSIM_POINT_NSTATS; k++) {
        if (isnan(v[k]))
          tb_printf(rec, ",");
        else
          tb_printf(rec, ",%.10g", v[k]);
      }
    }
    if (rec->failed) st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  fsim_results_free(res);
  fsim_scenario_free(sc);
  return st;
}

fsim_status fsim_write_text_file(const char *path, const char *text, fsim_error *err) {
  fsim_file f;
  fsim_status st = fsim_file_open(&f, path, err);
  if (st != FSIM_OK) return st;
  fputs(text, f.fp);
  return fsim_file_commit(&f, err);
}

static int is_mine(const fsim_sweep_options *opt, long p) {
  return opt->shard_n <= 0 || p % opt->shard_n == opt->shard_k - 1;
}

struct fsim_sweep_job {
  fsim_sweep *sw;
  fsim_sweep_options opt;
  long reps;
  char dir[FSIM_PATH_MAX];
  char stage[FSIM_PATH_MAX];
  char journal[FSIM_PATH_MAX + 64];
  FILE *jf;
  char *have;      /* [npoints]: 1 when recorded */
  long next;       /* next point to hand out */
  long total, finished;
  double *scratch; /* [reps] */
  text_buf rec;
};

static fsim_status create_stage(fsim_sweep_job *job, fsim_error *err) {
  fsim_sweep *sw = job->sw;
  fsim_remove_tree(job->stage);
  fsim_status st = fsim_make_dirs(job->stage, err);
  char file[FSIM_PATH_MAX + 64];
  if (st == FSIM_OK) {
    snprintf(file, sizeof file, "%s/%s", job->stage, FSIM_OUTPUT_MARKER);
    st = fsim_write_text_file(file, "frontsim output directory\n", err);
  }
  if (st == FSIM_OK) {
    text_buf head = {0};
    tb_printf(&head,
              "# Effective base scenario of this sweep, every default filled in.\n"
              "# frontsim %s\n# command: %s\n# source: %s\n# seed: %" PRIu64 "\n# rng: %s\n"
              "# replications per point: %ld\n\n%s",
              FRONTSIM_VERSION, job->opt.command_line ? job->opt.command_line : "(library call)",
              sw->source, sw->info.seed, sw->base->run.rng, job->reps, sw->scenario_text);
    snprintf(file, sizeof file, "%s/scenario.cfg", job->stage);
    st = head.failed ? fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory")
                     : fsim_write_text_file(file, head.s, err);
    free(head.s);
  }
  if (st == FSIM_OK) {
    fsim_run_meta meta = {.kind = "sweep", .seed = sw->info.seed, .replications = job->reps};
    snprintf(meta.version, sizeof meta.version, "%s", FRONTSIM_VERSION);
    snprintf(meta.scenario_file, sizeof meta.scenario_file, "%s", sw->source);
    snprintf(meta.generator, sizeof meta.generator, "%s", sw->base->run.rng);
    snprintf(file, sizeof file, "%s/%s", job->stage, FSIM_META_NAME);
    st = fsim_meta_write(file, &meta, err);
  }
  if (st == FSIM_OK) {
    snprintf(file, sizeof file, "%s/design.csv", job->stage);
    st = fsim_write_text_file(file, sw->design_text, err);
  }
  if (st == FSIM_OK) st = fsim_journal_create(job->journal, &sw->info, &job->jf, err);
  return st;
}

void fsim_sweep_job_free(fsim_sweep_job *job) {
  if (!job) return;
  if (job->jf) fclose(job->jf);
  free(job->rec.s);
  free(job->scratch);
  free(job->have);
  free(job);
}

fsim_status fsim_sweep_begin(fsim_sweep *sw, const fsim_sweep_options *opt, const char *dir,
                             fsim_sweep_job **out, fsim_error *err) {
  *out = NULL;
  long reps = opt->replications > 0 ? opt->replications : sw->base->sweep.replications;
  fsim_journal_info_clear(&sw->info);
  fsim_status st = describe(sw, reps, err);
  if (st == FSIM_OK && dir) st = fsim_outdir_check_target(dir, err);
  if (st != FSIM_OK) return st;
  fsim_sweep_job *job = calloc(1, sizeof *job);
  if (!job) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  job->sw = sw;
  job->opt = *opt;
  job->reps = reps;
  if (!dir) { /* a worker's job: computes points, touches no file */
    job->scratch = malloc((size_t)reps * sizeof *job->scratch);
    if (!job->scratch) {
      free(job);
      return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
    }
    *out = job;
    return FSIM_OK;
  }
  snprintf(job->dir, sizeof job->dir, "%s", dir);
  snprintf(job->stage, sizeof job->stage, "%s.partial", dir);
  snprintf(job->journal, sizeof job->journal, "%s/%s", job->stage, FSIM_JOURNAL_NAME);
  job->have = calloc((size_t)sw->npoints, 1);
  job->scratch = malloc((size_t)reps * sizeof *job->scratch);
  if (!job->have || !job->scratch) st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");

  struct stat sb;
  if (st == FSIM_OK && opt->resume && stat(job->journal, &sb) == 0) {
    fsim_journal done;
    st = fsim_journal_read(job->journal, 1, &done, err);
    if (st == FSIM_OK) { /* done is ours to clear from here, whatever follows */
      if (done.info.setup != sw->info.setup)
        st = fsim_error_set(err, FSIM_E_INPUT, job->stage, 0, "",
                            "this interrupted sweep was started with another scenario, design "
                            "or replications; run without --resume to start afresh");
      for (long i = 0; st == FSIM_OK && i < done.nrecords; i++)
        if (done.point[i] >= 0 && done.point[i] < sw->npoints) job->have[done.point[i]] = 1;
      fsim_journal_clear(&done);
    }
    if (st == FSIM_OK) st = fsim_journal_open_append(job->journal, &job->jf, err);
  } else if (st == FSIM_OK) {
    if (opt->resume && stat(job->stage, &sb) != 0 && stat(dir, &sb) == 0)
      st = fsim_error_set(err, FSIM_E_INPUT, dir, 0, "",
                          "nothing to resume: the sweep in this directory is complete");
    else
      st = create_stage(job, err);
  }
  for (long p = 0; st == FSIM_OK && p < sw->npoints; p++)
    if (is_mine(opt, p)) {
      job->total++;
      job->finished += job->have[p];
    }
  if (st != FSIM_OK) {
    fsim_sweep_job_free(job);
    return st;
  }
  *out = job;
  return FSIM_OK;
}

long fsim_sweep_job_next(fsim_sweep_job *job) {
  while (job->next < job->sw->npoints &&
         (!is_mine(&job->opt, job->next) || job->have[job->next]))
    job->next++;
  return job->next < job->sw->npoints ? job->next++ : -1;
}

long fsim_sweep_job_remaining(const fsim_sweep_job *job) { return job->total - job->finished; }

fsim_status fsim_sweep_point_record(fsim_sweep_job *job, long p, const char **record,
                                    fsim_error *err) {
  fsim_status st = run_point(job->sw, p, &job->opt, job->reps, &job->rec, job->scratch, err);
  *record = st == FSIM_OK ? job->rec.s : NULL;
  return st;
}

fsim_status fsim_sweep_job_add(fsim_sweep_job *job, const char *record, fsim_error *err) {
  long p = strtol(record, NULL, 10);
  if (!job->jf)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "",
                          "a worker's job keeps no journal: send its records to the job that does");
  if (p < 0 || p >= job->sw->npoints || job->have[p])
    return fsim_error_set(err, FSIM_E_INPUT, job->journal, 0, "",
                          "unexpected record for point %ld: not in the design, or already recorded",
                          p);
  fsim_status st = fsim_journal_append(job->jf, job->journal, record, err);
  if (st != FSIM_OK) return st;
  job->have[p] = 1;
  job->finished++;
  if (job->opt.progress) job->opt.progress(job->opt.progress_ctx, job->finished, job->total);
  return FSIM_OK;
}

fsim_status fsim_sweep_job_finish(fsim_sweep_job *job, fsim_error *err) {
  if (!job->jf) /* a worker's job (no directory), or one already finished */
    return fsim_error_set(err, FSIM_E_INPUT, job->dir, 0, "",
                          "this sweep job has no journal to finish: a worker's job, or finished");
  if (job->finished < job->total)
    return fsim_error_set(err, FSIM_E_INTERRUPTED, job->dir, 0, "",
                          "interrupted after %ld of %ld points; continue with --resume",
                          job->finished, job->total);
  fclose(job->jf);
  job->jf = NULL;
  fsim_status st = FSIM_OK;
  if (job->opt.shard_n > 0) {
    char file[FSIM_PATH_MAX + 64], note[128];
    snprintf(file, sizeof file, "%s/shard.txt", job->stage);
    snprintf(note, sizeof note, "shard %d/%d of %ld points: join with frontsim merge\n",
             job->opt.shard_k, job->opt.shard_n, job->sw->npoints);
    st = fsim_write_text_file(file, note, err);
  } else {
    fsim_journal all;
    st = fsim_journal_read(job->journal, 0, &all, err);
    if (st == FSIM_OK) st = fsim_sweep_write_final(job->stage, &all, err);
    fsim_journal_clear(&all);
    /* The journal only serves resuming; the results are in sweep.csv. */
    if (st == FSIM_OK && remove(job->journal) != 0)
      st = fsim_error_set(err, FSIM_E_IO, job->journal, 0, "", "cannot remove: %s", strerror(errno));
  }
  if (st == FSIM_OK) st = fsim_outdir_swap_in(job->stage, job->dir, err);
  return st;
}

fsim_status fsim_sweep_run(fsim_sweep *sw, const fsim_sweep_options *opt, const char *dir,
                           fsim_error *err) {
  fsim_sweep_job *job = NULL;
  fsim_status st = fsim_sweep_begin(sw, opt, dir, &job, err);
  long p;
  while (st == FSIM_OK && (p = fsim_sweep_job_next(job)) >= 0) {
    if (opt->stop && *opt->stop) break;
    const char *record = NULL;
    st = fsim_sweep_point_record(job, p, &record, err);
    if (st == FSIM_OK) st = fsim_sweep_job_add(job, record, err);
  }
  if (st == FSIM_OK || st == FSIM_E_INTERRUPTED) st = fsim_sweep_job_finish(job, err);
  fsim_sweep_job_free(job);
  return st;
}
