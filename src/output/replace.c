/* Whether an output directory may be replaced, and the claim on it for a command's
 * whole work (frontsim/output.h; docs/USAGE.md, "Output directories"). One rule for
 * every command that writes one (run, compare, sweep, optimize, discover):
 *
 *   DIR is replaced only when it holds output of the same kind and the same label,
 *   as its frontsim.meta records them, and nothing else; otherwise the command
 *   refuses before any work (FSIM_E_INPUT, exit 2), saying what DIR holds and that
 *   --force replaces it anyway. A directory frontsim cannot or must not write (not a
 *   frontsim output, not writable, its parent not writable) is refused even with
 *   --force (core/outdir.c). A run written before frontsim.meta recorded a label
 *   (no meta, or one without a label, but a run's files) is a run whose label is
 *   unknown: another run replaces it, no other kind does.
 *
 * The claim holds DIR.lock (core/fileio.c) from before the check until the command
 * ends, so two commands never write one DIR at once: the second is refused at once,
 * naming the holder. The library's own writers take the same lock again (nested). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fileio.h"
#include "formats.h"
#include "frontsim/output.h"

struct fsim_output_claim {
  fsim_lock lock;
};

/* What each kind of output is called in a message. */
static const struct {
  const char *kind, *noun;
} nouns[] = {{"run", "a run"},           {"compare", "a comparison"},
             {"sweep", "a sweep"},       {"optimize", "a search (optimize)"},
             {"discover", "a discovery"}};

static const char *noun_of(const char *kind) {
  for (size_t i = 0; i < sizeof nouns / sizeof nouns[0]; i++)
    if (strcmp(nouns[i].kind, kind) == 0) return nouns[i].noun;
  return kind;
}

static int exists(const char *dir, const char *name) {
  char path[FSIM_PATH_MAX + 64];
  struct stat sb;
  snprintf(path, sizeof path, "%s/%s", dir, name);
  return stat(path, &sb) == 0;
}

/* 1 when dir holds an entry other than frontsim's marker. */
static int holds_more_than_marker(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return 0;
  struct dirent *e;
  int more = 0;
  while (!more && (e = readdir(d)) != NULL)
    more = strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0 &&
           strcmp(e->d_name, FSIM_OUTPUT_MARKER) != 0;
  closedir(d);
  return more;
}

/* What dir holds, as its frontsim.meta says; a run of the old format (no meta, or
 * one without a kind) counts as a run. *kind stays "" for a directory with no
 * recognisable frontsim output (empty, or only a marker). */
static void what_it_holds(const char *dir, fsim_run_meta *meta) {
  char path[FSIM_PATH_MAX + 64];
  snprintf(path, sizeof path, "%s/%s", dir, FSIM_META_NAME);
  fsim_error ignored;
  memset(meta, 0, sizeof *meta);
  const int has_meta = fsim_meta_read(path, meta, &ignored) == FSIM_OK;
  if (!meta->kind[0] && (has_meta || (exists(dir, "summary.csv") &&
                                      exists(dir, "replications.csv"))))
    snprintf(meta->kind, sizeof meta->kind, "run");
}

fsim_status fsim_output_may_replace(const char *dir, const char *kind, const char *label,
                                    int force, int *charts, fsim_error *err) {
  if (!dir || !kind || !label)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "",
                          "fsim_output_may_replace: no directory, kind or label (NULL)");
  if (charts) *charts = 0;
  struct stat sb;
  if (stat(dir, &sb) != 0) return fsim_outdir_check_target(dir, err);
  if (charts) {
    char path[FSIM_PATH_MAX + 16];
    snprintf(path, sizeof path, "%s/charts", dir);
    *charts = stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
  }
  /* What frontsim may never replace, --force or not. */
  fsim_status st = fsim_outdir_check_target(dir, err);
  if (st != FSIM_OK || force) return st;
  fsim_run_meta meta;
  what_it_holds(dir, &meta);
  const char *way_out = "use another -o, or --force to replace it";
  const char *and_charts = charts && *charts ? " and its charts" : "";
  if (!meta.kind[0] && holds_more_than_marker(dir))
    return fsim_error_set(err, FSIM_E_INPUT, dir, 0, "",
                          "holds a frontsim output written before its kind was recorded; %s%s",
                          way_out, and_charts);
  if (meta.kind[0] && (strcmp(meta.kind, kind) != 0 ||
                       (meta.label[0] && strcmp(meta.label, label) != 0))) {
    return fsim_error_set(err, FSIM_E_INPUT, dir, 0, "",
                          "holds %s %s%.120s%s, not %s labelled \"%.120s\"; refusing to "
                          "replace it (%s%s)",
                          noun_of(meta.kind), meta.label[0] ? "labelled \"" : "",
                          meta.label[0] ? meta.label : "of an earlier frontsim, with no label "
                                                       "recorded",
                          meta.label[0] ? "\"" : "", noun_of(kind), label, way_out, and_charts);
  }
  char list[1024];
  const int n = fsim_outdir_foreign(dir, list, sizeof list);
  if (n > 0)
    return fsim_error_set(err, FSIM_E_INPUT, dir, 0, "",
                          "holds %d file%s frontsim did not write (%s); a new output would "
                          "delete %s: move %s, use another -o, or --force to replace it",
                          n, n == 1 ? "" : "s", list, n == 1 ? "it" : "them",
                          n == 1 ? "it" : "them");
  return FSIM_OK;
}

fsim_status fsim_output_claim_dir(const char *dir, const char *kind, const char *label,
                                  int force, int *charts, fsim_output_claim **out,
                                  fsim_error *err) {
  if (!dir || !kind || !label || !out)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "",
                          "fsim_output_claim_dir: a NULL argument");
  *out = NULL;
  if (!label[0])
    return fsim_error_set(err, FSIM_E_INPUT, dir, 0, "",
                          "an output needs a label (run.label or --label), not an empty one");
  /* The lock is made beside DIR: a parent that cannot take it is named as such. */
  const size_t len = fsim_path_dir_len(dir);
  char target[FSIM_PATH_MAX];
  if (len == 0 || len >= sizeof target)
    return fsim_error_set(err, FSIM_E_INPUT, dir, 0, "", "not a usable output directory");
  snprintf(target, sizeof target, "%.*s", (int)len, dir);
  fsim_status st = fsim_outdir_check_writable(target, err);
  if (st != FSIM_OK) return st;
  fsim_output_claim *c = calloc(1, sizeof *c);
  if (!c) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  char path[FSIM_PATH_MAX + 16];
  snprintf(path, sizeof path, "%s.lock", target);
  st = fsim_lock_take_as(&c->lock, path, kind, 1, err);
  if (st != FSIM_OK && c->lock.busy) st = fsim_lock_busy_error(&c->lock, target, err);
  if (st == FSIM_OK) st = fsim_output_may_replace(target, kind, label, force, charts, err);
  if (st != FSIM_OK) {
    fsim_output_claim_release(c);
    return st;
  }
  *out = c;
  return FSIM_OK;
}

void fsim_output_claim_release(fsim_output_claim *claim) {
  if (!claim) return;
  fsim_lock_release(&claim->lock);
  free(claim);
}

fsim_status fsim_output_label(const char *dir, char *label, size_t size, fsim_error *err) {
  if (!dir || !label || !size)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "fsim_output_label: a NULL argument");
  char path[FSIM_PATH_MAX + 64];
  snprintf(path, sizeof path, "%s/%s", dir, FSIM_META_NAME);
  fsim_run_meta meta;
  memset(&meta, 0, sizeof meta);
  fsim_status st = fsim_meta_read(path, &meta, err);
  snprintf(label, size, "%s", st == FSIM_OK ? meta.label : "");
  return st;
}
