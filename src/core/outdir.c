/* Output directories that appear whole (fileio.h; docs/ARCHITECTURE.md, "A run's
 * output directory"): staged beside the target under a name that says who owns it,
 * swapped in by one atomic exchange where the file system allows it, and a dead
 * owner's leftovers found and finished or removed by the next run on the target.
 *
 * The states of DIR under one command, and the transitions between them:
 *
 *   claimed      DIR.lock held (fsim_output_claim_dir, output/replace.c; a sweep's
 *       |        or a search's own lock nested in it); DIR checked: D2, D7
 *       v
 *   checked      fsim_outdir_check_target: a dead owner's leftovers recovered (D5)
 *       v
 *   staging      DIR.partial-<pid>-<host>/ with the marker; files written into it
 *       v                                               (a failure or a stop: aborted)
 *   manifested   the marker rewritten to list every file of the staging directory
 *       v
 *   swapping     renameat2(RENAME_EXCHANGE), or two renames via DIR.old-<pid>-<host>
 *       v
 *   done         the earlier output removed; DIR.lock released and unlinked
 *
 *   aborted      the staging directory removed, DIR as it was; the lock released
 *
 * The invariants, kept by every transition (the numbers of docs/ARCHITECTURE.md):
 *
 * D1. Nothing is written where DIR is until the whole output is complete: every file
 *     goes into the staging directory, each whole or not at all (fsim_file).
 * D2. DIR is replaced only when it is absent, empty or a frontsim output (its marker),
 *     writable with every entry in it (write bits present: root too), under a parent
 *     that takes the staging directory, and not the directory frontsim runs in; and,
 *     unless --force, only when it holds output of the command's kind and label and no
 *     file outside the marker's manifest (replace.c). Every refusal comes before any
 *     work, names DIR (never the staging name) and the way out.
 * D3. The swap is one atomic exchange where the file system has one: DIR is wholly old
 *     before it, wholly new after it; without one, DIR.old-<owner> holds the earlier
 *     output between the two renames, and a failed second rename undoes the first.
 * D4. A failure or a stop removes the staging directory and leaves DIR as it was.
 * D5. The staging and old names carry their owner; before any work the next command
 *     puts a dead owner's DIR.old back when DIR is missing (else removes it) and
 *     removes its DIR.partial; a live owner's and another host's are left alone.
 * D7. From claimed to done or aborted one process holds DIR.lock, so no two commands
 *     write DIR at once; a second is refused at once, told the holder's pid.
 * D8. The marker's manifest lists exactly the files the command wrote (written last
 *     into the staging directory, then swapped in with it), so a file added to DIR
 *     later is known as the analyst's (fsim_outdir_foreign). */
#define _GNU_SOURCE /* renameat2 and RENAME_EXCHANGE (Linux) */
#include "fileio.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* "<pid>-<host>": who owns a staging or old directory. A later run on the same host
 * can tell a dead owner's leftovers from a live one's; another host's are left alone
 * (on a shared file system its process ids mean nothing here). */
static void owner_tag(char *buf, size_t size) {
  char host[64] = "";
  if (gethostname(host, sizeof host - 1) != 0 || !host[0]) snprintf(host, sizeof host, "host");
  for (char *p = host; *p; p++)
    if (*p == '/' || *p == ' ') *p = '_';
  snprintf(buf, size, "%ld-%s", (long)getpid(), host);
}

/* 1 when `tag` ("<pid>-<host>") names this host and a process that no longer runs. */
static int owner_dead(const char *tag) {
  char *end = NULL;
  const long pid = strtol(tag, &end, 10);
  if (end == tag || *end != '-' || pid <= 0) return 0;
  char mine[128];
  owner_tag(mine, sizeof mine);
  const char *my_host = strchr(mine, '-') + 1;
  if (strcmp(end + 1, my_host) != 0) return 0;
  return kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

static int dir_is_empty(const char *path) {
  DIR *d = opendir(path);
  if (!d) return 0;
  struct dirent *e;
  int empty = 1;
  while ((e = readdir(d)) != NULL)
    if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) empty = 0;
  closedir(d);
  return empty;
}

/* The leftovers of a dead run on target, beside it (docs/ARCHITECTURE.md, D6):
 * target.old-<owner> holds the earlier output when the owner died between the two
 * renames of a swap without exchange: it is put back when target is missing, else
 * removed; target.partial-<owner> is a dead run's staging directory: removed. */
static void recover(const char *target) {
  char parent[FSIM_PATH_MAX];
  snprintf(parent, sizeof parent, "%s", target);
  char *slash = strrchr(parent, '/');
  const char *base = target;
  if (slash) {
    base = target + (slash - parent) + 1;
    if (slash == parent) slash[1] = '\0';
    else *slash = '\0';
  } else {
    snprintf(parent, sizeof parent, ".");
  }
  DIR *d = opendir(parent);
  if (!d) return;
  const size_t n = strlen(base);
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (strncmp(e->d_name, base, n) != 0) continue;
    const char *rest = e->d_name + n;
    int old = strncmp(rest, ".old-", 5) == 0, partial = strncmp(rest, ".partial-", 9) == 0;
    if ((!old && !partial) || !owner_dead(rest + (old ? 5 : 9))) continue;
    char path[FSIM_PATH_MAX + 256];
    snprintf(path, sizeof path, "%s/%s", parent, e->d_name);
    struct stat st;
    if (old && stat(target, &st) != 0 && errno == ENOENT && rename(path, target) == 0) continue;
    fsim_remove_tree(path);
  }
  closedir(d);
}

/* Not writable: the user cannot, or chmod took every write bit away (a-w). The second
 * test is the one that holds for root, for whom access(2) says yes to everything. */
static int unwritable(const char *path, const struct stat *st) {
  return access(path, W_OK) != 0 || (st->st_mode & 0222) == 0;
}

/* The first entry under dir (itself included) that is not writable, relative to dir's
 * parent as the user named it, into out; 0 when there is none. Symbolic links are not
 * followed: removing one needs only its directory. */
static int first_unwritable(const char *dir, int depth, char *out, size_t size) {
  struct stat st;
  if (lstat(dir, &st) != 0) return 0;
  if (!S_ISLNK(st.st_mode) && unwritable(dir, &st)) {
    snprintf(out, size, "%s", dir);
    return 1;
  }
  if (!S_ISDIR(st.st_mode) || depth > 16) return 0;
  DIR *d = opendir(dir);
  if (!d) {
    snprintf(out, size, "%s", dir);
    return 1;
  }
  struct dirent *e;
  int found = 0;
  while (!found && (e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    char path[FSIM_PATH_MAX];
    if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path) continue;
    found = first_unwritable(path, depth + 1, out, size);
  }
  closedir(d);
  return found;
}

/* The directory that will hold target's staging directory, or the nearest one above it
 * that exists (the others are made, like mkdir -p): it must take new entries. */
static fsim_status check_parent(const char *target, fsim_error *err) {
  char parent[FSIM_PATH_MAX];
  snprintf(parent, sizeof parent, "%s", target);
  for (;;) {
    char *slash = strrchr(parent, '/');
    if (!slash) snprintf(parent, sizeof parent, ".");
    else if (slash == parent) slash[1] = '\0';
    else *slash = '\0';
    struct stat st;
    if (stat(parent, &st) == 0) {
      if (!S_ISDIR(st.st_mode)) /* a fault of the path, as mkdir would report it */
        return fsim_error_set(err, FSIM_E_IO, target, 0, "", "cannot be created under %s: %s",
                              parent, strerror(ENOTDIR));
      if (!unwritable(parent, &st)) return FSIM_OK;
      return fsim_error_set(err, FSIM_E_INPUT, target, 0, "",
                            "cannot be written: its parent directory %s is not writable "
                            "(choose another output with -o)", parent);
    }
    if (!strchr(parent, '/')) return FSIM_OK; /* a relative name: "." exists */
    if (strcmp(parent, "/") == 0) return FSIM_OK;
  }
}

fsim_status fsim_outdir_check_writable(const char *target, fsim_error *err) {
  fsim_status st = check_parent(target, err);
  if (st != FSIM_OK) return st;
  char bad[FSIM_PATH_MAX];
  if (!first_unwritable(target, 0, bad, sizeof bad)) return FSIM_OK;
  if (strcmp(bad, target) == 0)
    return fsim_error_set(err, FSIM_E_INPUT, target, 0, "",
                          "is not writable; it is left alone (make it writable, e.g. chmod -R "
                          "u+w, or choose another output with -o)");
  return fsim_error_set(err, FSIM_E_INPUT, target, 0, "",
                        "is not writable (%s is not); it is left alone (make it writable, e.g. "
                        "chmod -R u+w, or choose another output with -o)", bad);
}

/* The manifest: the marker's lines after its first, "file <path>" for each file the
 * output holds, relative to it and sorted, written last into the staging directory. */
typedef struct names {
  char **v;
  size_t n, cap;
  int failed;
} names;

static void names_add(names *ns, const char *name) {
  if (ns->n == ns->cap) {
    size_t cap = ns->cap ? 2 * ns->cap : 32;
    char **v = realloc(ns->v, cap * sizeof *v);
    if (!v) {
      ns->failed = 1;
      return;
    }
    ns->v = v, ns->cap = cap;
  }
  if (!(ns->v[ns->n] = strdup(name))) ns->failed = 1;
  else ns->n++;
}

static void names_free(names *ns) {
  for (size_t i = 0; i < ns->n; i++) free(ns->v[i]);
  free(ns->v);
  memset(ns, 0, sizeof *ns);
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every file under root/rel (not directories), relative to root. */
static void walk_files(const char *root, const char *rel, int depth, names *ns) {
  char path[FSIM_PATH_MAX];
  snprintf(path, sizeof path, "%s%s%s", root, rel[0] ? "/" : "", rel);
  DIR *d = opendir(path);
  if (!d || depth > 16) {
    if (d) closedir(d);
    return;
  }
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    char sub[FSIM_PATH_MAX], full[FSIM_PATH_MAX * 2];
    if (snprintf(sub, sizeof sub, "%s%s%s", rel, rel[0] ? "/" : "", e->d_name) >= (int)sizeof sub)
      continue;
    snprintf(full, sizeof full, "%s/%s", root, sub);
    struct stat st;
    if (lstat(full, &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) walk_files(root, sub, depth + 1, ns);
    else names_add(ns, sub);
  }
  closedir(d);
}

static fsim_status write_manifest(const char *stage, fsim_error *err) {
  names ns = {0};
  walk_files(stage, "", 0, &ns);
  if (!ns.failed && ns.n) qsort(ns.v, ns.n, sizeof *ns.v, by_name);
  size_t len = sizeof FSIM_OUTPUT_MARKER_HEAD;
  for (size_t i = 0; i < ns.n; i++) len += strlen(ns.v[i]) + 6;
  char *text = ns.failed ? NULL : malloc(len);
  if (!text) {
    names_free(&ns);
    return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  }
  size_t at = (size_t)snprintf(text, len, "%s", FSIM_OUTPUT_MARKER_HEAD);
  for (size_t i = 0; i < ns.n; i++)
    if (strcmp(ns.v[i], FSIM_OUTPUT_MARKER) != 0)
      at += (size_t)snprintf(text + at, len - at, "file %s\n", ns.v[i]);
  names_free(&ns);
  char marker[FSIM_PATH_MAX + 32];
  snprintf(marker, sizeof marker, "%s/%s", stage, FSIM_OUTPUT_MARKER);
  fsim_status st = fsim_file_write_text(marker, text, err);
  free(text);
  return st;
}

/* Written by frontsim, though not in the manifest: the marker, the charts plot adds
 * later (their own rule: a warning), a chart's or a file's temporaries. */
static int frontsims_anyway(const char *rel) {
  return strcmp(rel, FSIM_OUTPUT_MARKER) == 0 || strncmp(rel, "charts/", 7) == 0 ||
         strncmp(rel, ".charts-partial-", 16) == 0 || strstr(rel, ".tmp-") != NULL;
}

int fsim_outdir_foreign(const char *target, char *list, size_t size) {
  if (size) list[0] = '\0';
  char marker[FSIM_PATH_MAX + 32], *text = NULL;
  snprintf(marker, sizeof marker, "%s/%s", target, FSIM_OUTPUT_MARKER);
  fsim_error ignored;
  if (fsim_read_text(marker, "the output marker", &text, NULL, &ignored) != FSIM_OK) return 0;
  const int listed = strstr(text, "\nfile ") != NULL;
  int count = 0;
  if (listed) {
    names ns = {0};
    walk_files(target, "", 0, &ns);
    if (ns.n) qsort(ns.v, ns.n, sizeof *ns.v, by_name);
    size_t at = 0;
    for (size_t i = 0; i < ns.n; i++) {
      char line[FSIM_PATH_MAX + 16];
      snprintf(line, sizeof line, "\nfile %s\n", ns.v[i]);
      if (frontsims_anyway(ns.v[i]) || strstr(text, line)) continue;
      if (count < 5 && at < size)
        at += (size_t)snprintf(list + at, size - at, "%s%s", count ? ", " : "", ns.v[i]);
      count++;
    }
    if (count > 5 && at < size) snprintf(list + at, size - at, ", ... (%d in all)", count);
    names_free(&ns);
  }
  free(text);
  return count;
}

/* 1 when target is the directory frontsim runs in or one above it: it cannot be
 * swapped (rename fails with EBUSY), which must be known before any work. */
static int holds_cwd(const char *target) {
  char t[PATH_MAX], cwd[PATH_MAX];
  if (!realpath(target, t) || !getcwd(cwd, sizeof cwd)) return 0;
  const size_t n = strlen(t);
  return strncmp(cwd, t, n) == 0 && (cwd[n] == '\0' || cwd[n] == '/' || n == 1);
}

fsim_status fsim_outdir_check_target(const char *target, fsim_error *err) {
  recover(target);
  struct stat st;
  if (stat(target, &st) != 0) return check_parent(target, err);
  char marker[FSIM_PATH_MAX + 32];
  snprintf(marker, sizeof marker, "%s/%s", target, FSIM_OUTPUT_MARKER);
  if (!S_ISDIR(st.st_mode))
    return fsim_error_set(err, FSIM_E_INPUT, target, 0, "",
                          "exists and is not a directory; choose another output (-o)");
  if (holds_cwd(target))
    return fsim_error_set(err, FSIM_E_INPUT, target, 0, "",
                          "is the directory frontsim runs in (or holds it), which cannot be "
                          "replaced; name a directory below it (e.g. -o out)");
  if (access(marker, F_OK) != 0 && !dir_is_empty(target))
    return fsim_error_set(err, FSIM_E_INPUT, target, 0, "",
                          "exists and is not a frontsim output; it is left alone "
                          "(choose another output with -o)");
  return fsim_outdir_check_writable(target, err);
}

fsim_status fsim_outdir_begin(fsim_outdir *od, const char *target, fsim_error *err) {
  memset(od, 0, sizeof *od);
  size_t len = strlen(target);
  while (len > 1 && target[len - 1] == '/') len--;
  if (len == 0 || len >= sizeof od->target)
    return fsim_error_set(err, FSIM_E_INPUT, target, 0, "", "not a usable output directory");
  snprintf(od->target, sizeof od->target, "%.*s", (int)len, target);
  fsim_status chk = fsim_outdir_check_target(od->target, err);
  if (chk != FSIM_OK) return chk;
  fsim_status s = fsim_make_parent_dirs(od->target, err);
  if (s != FSIM_OK) return s;
  char tag[128];
  owner_tag(tag, sizeof tag);
  snprintf(od->stage, sizeof od->stage, "%s.partial-%s", od->target, tag);
  fsim_remove_tree(od->stage);
  if (mkdir(od->stage, 0777) != 0) {
    /* The message names what the user typed, not the staging name beside it. */
    const int saved = errno;
    if (saved == EACCES || saved == EPERM || saved == EROFS)
      return fsim_error_set(err, FSIM_E_IO, od->target, 0, "",
                            "cannot be written: its parent directory is not writable (%s)",
                            strerror(saved));
    return fsim_error_set(err, FSIM_E_IO, od->target, 0, "",
                          "cannot create its staging directory beside it: %s", strerror(saved));
  }
  char marker[sizeof od->stage + 32];
  snprintf(marker, sizeof marker, "%s/%s", od->stage, FSIM_OUTPUT_MARKER);
  FILE *m = fopen(marker, "w");
  if (!m || fputs(FSIM_OUTPUT_MARKER_HEAD, m) < 0 || fclose(m) != 0) {
    fsim_outdir_abort(od);
    return fsim_error_set(err, FSIM_E_IO, marker, 0, "", "cannot write: %s", strerror(errno));
  }
  return FSIM_OK;
}

fsim_status fsim_outdir_path(fsim_outdir *od, const char *rel, char *out, size_t size,
                             fsim_error *err) {
  if (snprintf(out, size, "%s/%s", od->stage, rel) >= (int)size)
    return fsim_error_set(err, FSIM_E_IO, rel, 0, "", "path too long");
  char dir[FSIM_PATH_MAX];
  snprintf(dir, sizeof dir, "%s", out);
  char *slash = strrchr(dir, '/');
  if (slash) *slash = '\0';
  return fsim_make_dirs(dir, err);
}

fsim_status fsim_outdir_swap_in(const char *stage, const char *target, fsim_error *err) {
  fsim_status ms = write_manifest(stage, err);
  if (ms != FSIM_OK) return ms;
  struct stat st;
  const int had = stat(target, &st) == 0;
#ifdef RENAME_EXCHANGE
  /* One step: target is wholly old until the exchange, wholly new after it; the
     earlier output is then at stage's name, and removed. */
  if (had && renameat2(AT_FDCWD, stage, AT_FDCWD, target, RENAME_EXCHANGE) == 0) {
    fsim_remove_tree(stage);
    return FSIM_OK;
  }
#endif
  /* No exchange on this file system: two renames, with target.old-<owner> holding
     the earlier output between them (recover() puts it back after a crash there). */
  char tag[128], old[FSIM_PATH_MAX + 160];
  owner_tag(tag, sizeof tag);
  snprintf(old, sizeof old, "%s.old-%s", target, tag);
  if (had && rename(target, old) != 0)
    return fsim_error_set(err, FSIM_E_IO, target, 0, "", "cannot replace: %s", strerror(errno));
  if (rename(stage, target) != 0) {
    int saved = errno;
    if (had) rename(old, target); /* put the earlier output back */
    return fsim_error_set(err, FSIM_E_IO, target, 0, "", "cannot move into place: %s",
                          strerror(saved));
  }
  if (had) fsim_remove_tree(old);
  return FSIM_OK;
}

fsim_status fsim_outdir_commit(fsim_outdir *od, fsim_error *err) {
  fsim_status st = fsim_outdir_swap_in(od->stage, od->target, err);
  if (st != FSIM_OK) {
    fsim_outdir_abort(od);
    return st;
  }
  od->stage[0] = '\0';
  return FSIM_OK;
}

void fsim_outdir_abort(fsim_outdir *od) {
  if (od->stage[0]) fsim_remove_tree(od->stage);
  od->stage[0] = '\0';
}
