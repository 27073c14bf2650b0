/* A sweep's job (include/frontsim/sweep.h, "step by step"): the lock and staging
 * directory of its output, the journal resumed or begun, the points handed out, each
 * record journalled, and the finish that writes sweep.csv and swaps the directory in
 * (docs/ARCHITECTURE.md, "A sweep"). fsim_sweep_run drives it in one process; the MPI
 * driver drives it across ranks. */
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
  fsim_lock lock; /* DIR.lock: one process per sweep directory */
  FILE *jf;
  char *have;      /* [npoints]: 1 when recorded */
  long next;       /* next point to hand out */
  long total, finished;
  double *scratch; /* [reps] */
  fsim_text_buf rec;
  volatile int cancelled; /* the caller's progress callback asked to stop */
};

static fsim_status create_stage(fsim_sweep_job *job, fsim_error *err) {
  fsim_sweep *sw = job->sw;
  fsim_remove_tree(job->stage);
  fsim_status st = fsim_make_dirs(job->stage, err);
  char file[FSIM_PATH_MAX + 64];
  if (st == FSIM_OK) {
    snprintf(file, sizeof file, "%s/%s", job->stage, FSIM_OUTPUT_MARKER);
    st = fsim_file_write_text(file, FSIM_OUTPUT_MARKER_HEAD, err);
  }
  if (st == FSIM_OK) {
    fsim_text_buf head = {0};
    char *cmd = malloc(FSIM_ONE_LINE_MAX), *src = malloc(FSIM_ONE_LINE_MAX); /* one line each */
    if (!cmd || !src) head.failed = 1;
    else fsim_text_buf_printf(&head,
              "# Effective base scenario of this sweep, every default filled in.\n"
              "# frontsim %s\n# command: %s\n# source: %s\n# seed: %" PRIu64 "\n# rng: %s\n"
              "# replications per point: %ld\n\n%s",
              FRONTSIM_VERSION,
              fsim_text_one_line(job->opt.command_line ? job->opt.command_line : "(library call)",
                                 cmd, FSIM_ONE_LINE_MAX),
              fsim_text_one_line(sw->source, src, FSIM_ONE_LINE_MAX), sw->info.seed,
              sw->base->run.rng, job->reps, sw->scenario_text);
    free(cmd);
    free(src);
    snprintf(file, sizeof file, "%s/scenario.cfg", job->stage);
    st = head.failed ? fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory")
                     : fsim_file_write_text(file, head.s, err);
    free(head.s);
  }
  if (st == FSIM_OK) {
    fsim_run_meta meta = {.kind = "sweep", .seed = sw->info.seed, .replications = job->reps};
    snprintf(meta.version, sizeof meta.version, "%s", FRONTSIM_VERSION);
    snprintf(meta.scenario_file, sizeof meta.scenario_file, "%s", sw->source);
    snprintf(meta.label, sizeof meta.label, "%s", fsim_scenario_label(sw->base));
    snprintf(meta.generator, sizeof meta.generator, "%s", sw->base->run.rng);
    snprintf(file, sizeof file, "%s/%s", job->stage, FSIM_META_NAME);
    st = fsim_meta_write(file, &meta, err);
  }
  if (st == FSIM_OK) {
    snprintf(file, sizeof file, "%s/design.csv", job->stage);
    st = fsim_file_write_text(file, sw->design_text, err);
  }
  if (st == FSIM_OK) st = fsim_journal_create(job->journal, &sw->info, &job->jf, err);
  return st;
}

/* Before anything touches DIR.partial: a second process (a requeued job resuming,
 * or another sweep into the same -o) would append the same points or remove the
 * journal under the first. The lock file lives beside the staging directory, not
 * in it, because a fresh start removes DIR.partial whole. */
static fsim_status lock_dir(fsim_sweep_job *job, fsim_error *err) {
  char path[FSIM_PATH_MAX + 16];
  snprintf(path, sizeof path, "%s.lock", job->dir);
  fsim_status st = fsim_lock_take_as(&job->lock, path, "sweep", 0, err);
  if (st != FSIM_OK && job->lock.busy) st = fsim_lock_busy_error(&job->lock, job->dir, err);
  return st;
}

static void shard_text(int k, int n, char *buf, size_t size) {
  if (n > 0)
    snprintf(buf, size, "with --shard %d/%d", k, n);
  else
    snprintf(buf, size, "without --shard");
}

/* Without --resume, an interrupted sweep's journal holding finished points is not
 * discarded unasked (force: it is). A journal cut inside its header, or unreadable,
 * holds none. */
static fsim_status keep_interrupted(fsim_sweep_job *job, fsim_error *err) {
  struct stat sb;
  if (job->opt.force || stat(job->journal, &sb) != 0) return FSIM_OK;
  fsim_journal done;
  fsim_error ignored;
  if (fsim_journal_read(job->journal, 0, &done, &ignored) != FSIM_OK) return FSIM_OK;
  long finished = 0, total = (long)done.info.npoints;
  char *seen = total > 0 ? calloc((size_t)total, 1) : NULL;
  for (long i = 0; seen && i < done.nrecords; i++)
    if (done.point[i] >= 0 && done.point[i] < total && !seen[done.point[i]]) {
      seen[done.point[i]] = 1;
      finished++;
    }
  if (done.info.shard_n > 0 && total > 0) /* a shard's points: p mod N = K - 1 */
    total = (total - done.info.shard_k + done.info.shard_n) / done.info.shard_n;
  free(seen);
  const int torn = done.torn_header;
  fsim_journal_clear(&done);
  if (torn || finished == 0) return FSIM_OK;
  return fsim_error_set(err, FSIM_E_INPUT, job->dir, 0, "",
                        "holds an interrupted sweep, %ld of %ld points done (in %s): continue "
                        "with --resume, or start over with --force",
                        finished, total, job->stage);
}

/* --resume continues the journal of the same sweep (setup and shard); a journal whose
 * header was cut short holds no record, so that one starts afresh like no resume. */
static fsim_status resume_or_create(fsim_sweep_job *job, fsim_error *err) {
  fsim_sweep *sw = job->sw;
  struct stat sb;
  if (!job->opt.resume) {
    fsim_status kept = keep_interrupted(job, err);
    if (kept != FSIM_OK) return kept;
  }
  if (!job->opt.resume || stat(job->journal, &sb) != 0) {
    if (job->opt.resume && stat(job->stage, &sb) != 0 && stat(job->dir, &sb) == 0)
      return fsim_error_set(err, FSIM_E_INPUT, job->dir, 0, "",
                            "nothing to resume: the sweep in this directory is complete");
    return create_stage(job, err);
  }
  fsim_journal done;
  fsim_status st = fsim_journal_read(job->journal, 1, &done, err);
  if (st != FSIM_OK) return st;
  int afresh = done.torn_header;
  if (!afresh && done.info.setup != sw->info.setup)
    st = fsim_error_set(err, FSIM_E_INPUT, job->stage, 0, "",
                        "this interrupted sweep was started with another scenario, design "
                        "or replications; run without --resume to start afresh");
  if (st == FSIM_OK && !afresh && done.info.shard_n >= 0 &&
      (done.info.shard_n != sw->info.shard_n || done.info.shard_k != sw->info.shard_k)) {
    char was[64], now[64];
    shard_text(done.info.shard_k, done.info.shard_n, was, sizeof was);
    shard_text(sw->info.shard_k, sw->info.shard_n, now, sizeof now);
    st = fsim_error_set(err, FSIM_E_INPUT, job->stage, 0, "",
                        "this interrupted sweep was started %s, not %s: resume it as it was "
                        "started, or run without --resume to start afresh",
                        was, now);
  }
  for (long i = 0; st == FSIM_OK && i < done.nrecords; i++) job->have[done.point[i]] = 1;
  fsim_journal_clear(&done);
  if (st != FSIM_OK) return st;
  return afresh ? create_stage(job, err) : fsim_journal_open_append(job->journal, &job->jf, err);
}

void fsim_sweep_job_free(fsim_sweep_job *job) {
  if (!job) return;
  if (job->jf) fclose(job->jf);
  fsim_lock_release(&job->lock);
  free(job->rec.s);
  free(job->scratch);
  free(job->have);
  free(job);
}

fsim_status fsim_sweep_begin(fsim_sweep *sw, const fsim_sweep_options *opt, const char *dir,
                             fsim_sweep_job **out, fsim_error *err) {
  if (!sw || !opt || !out) return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "fsim_sweep_begin: no sweep, options or place for the job (NULL)");
  *out = NULL;
  long reps = opt->replications > 0 ? opt->replications : sw->base->sweep.replications;
  fsim_journal_info_clear(&sw->info);
  fsim_status st = fsim_sweep_describe(sw, reps, err);
  if (opt->shard_n > 0) { /* part of what a resume checks; not of the setup, which merge compares */
    sw->info.shard_k = opt->shard_k;
    sw->info.shard_n = opt->shard_n;
  }
  if (st == FSIM_OK && dir) st = fsim_outdir_check_target(dir, err);
  if (st != FSIM_OK) return st;
  fsim_sweep_job *job = calloc(1, sizeof *job);
  if (!job) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  job->sw = sw;
  job->opt = *opt;
  /* A cancel asked for through the progress callback stops the points' runs too. */
  if (!job->opt.stop) job->opt.stop = &job->cancelled;
  job->reps = reps;
  job->lock.fd = -1;
  if (!dir) { /* a worker's job: computes points, touches no file */
    job->scratch = malloc((size_t)reps * sizeof *job->scratch);
    if (!job->scratch) {
      free(job);
      return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
    }
    *out = job;
    return FSIM_OK;
  }
  /* "out/s/" is "out/s": its lock and staging directory beside it, not inside. */
  const size_t len = fsim_path_dir_len(dir);
  snprintf(job->dir, sizeof job->dir, "%.*s", (int)len, dir);
  snprintf(job->stage, sizeof job->stage, "%.*s.partial", (int)len, dir);
  snprintf(job->journal, sizeof job->journal, "%s/%s", job->stage, FSIM_JOURNAL_NAME);
  job->have = calloc((size_t)sw->npoints, 1);
  job->scratch = malloc((size_t)reps * sizeof *job->scratch);
  if (!job->have || !job->scratch) st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  if (st == FSIM_OK) st = lock_dir(job, err);
  if (st == FSIM_OK) st = resume_or_create(job, err);
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
  if (!job) return -1;
  while (job->next < job->sw->npoints &&
         (!is_mine(&job->opt, job->next) || job->have[job->next]))
    job->next++;
  return job->next < job->sw->npoints ? job->next++ : -1;
}

long fsim_sweep_job_remaining(const fsim_sweep_job *job) {
  return job ? job->total - job->finished : 0;
}

fsim_status fsim_sweep_point_record(fsim_sweep_job *job, long p, const char **record,
                                    fsim_error *err) {
  if (!job || !record) return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "fsim_sweep_point_record: a NULL argument");
  fsim_status st = fsim_sweep_run_point(job->sw, p, &job->opt, job->reps, &job->rec, job->scratch, err);
  *record = st == FSIM_OK ? job->rec.s : NULL;
  return st;
}

fsim_status fsim_sweep_job_add(fsim_sweep_job *job, const char *record, fsim_error *err) {
  if (!job || !record) return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "fsim_sweep_job_add: a NULL argument");
  long p = strtol(record, NULL, 10);
  if (!job->jf)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "",
                          "a worker's job keeps no journal: send its records to the job that does");
  if (p < 0 || p >= job->sw->npoints || job->have[p]) /* a scheduler's fault, not the user's */
    return fsim_error_set(err, FSIM_E_IO, job->journal, 0, "",
                          "unexpected record for point %ld: not in the design, or already recorded",
                          p);
  fsim_status st = fsim_journal_append(job->jf, job->journal, record, err);
  if (st != FSIM_OK) return st;
  job->have[p] = 1;
  job->finished++;
  if (job->opt.progress && job->opt.progress(job->opt.progress_ctx, job->finished, job->total))
    job->cancelled = 1;
  return FSIM_OK;
}

fsim_status fsim_sweep_job_finish(fsim_sweep_job *job, fsim_error *err) {
  if (!job) return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "fsim_sweep_job_finish: a NULL argument");
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
    st = fsim_file_write_text(file, note, err);
  } else {
    fsim_journal all;
    st = fsim_journal_read(job->journal, 0, &all, err);
    if (st == FSIM_OK) st = fsim_sweep_write_final(job->stage, &all, job->opt.long_format, err);
    fsim_journal_clear(&all);
  }
  if (st == FSIM_OK) st = fsim_outdir_swap_in(job->stage, job->dir, err);
  /* Only once DIR is in place: until then the journal is the only record of the
   * points, and a kill before the swap must leave it for --resume. Left behind by a
   * kill now, it is harmless: DIR is complete, and a resume says so. */
  if (st == FSIM_OK && job->opt.shard_n <= 0) {
    char done[FSIM_PATH_MAX + 64];
    snprintf(done, sizeof done, "%s/%s", job->dir, FSIM_JOURNAL_NAME);
    remove(done);
  }
  return st;
}

fsim_status fsim_sweep_run(fsim_sweep *sw, const fsim_sweep_options *opt, const char *dir,
                           fsim_error *err) {
  if (!sw || !opt || !dir) return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "fsim_sweep_run: no sweep, options or directory (NULL)");
  fsim_sweep_job *job = NULL;
  fsim_status st = fsim_sweep_begin(sw, opt, dir, &job, err);
  long p;
  while (st == FSIM_OK && (p = fsim_sweep_job_next(job)) >= 0) {
    if (job->cancelled || *job->opt.stop) break;
    const char *record = NULL;
    st = fsim_sweep_point_record(job, p, &record, err);
    if (st == FSIM_OK) st = fsim_sweep_job_add(job, record, err);
  }
  if (st == FSIM_OK || st == FSIM_E_INTERRUPTED) st = fsim_sweep_job_finish(job, err);
  fsim_sweep_job_free(job);
  return st;
}
