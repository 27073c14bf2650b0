/* Files that are never seen half-written, the one text reader, directory trees and
 * the lock of a sweep directory (fileio.h); output directories are in outdir.c. */
#include "fileio.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

fsim_status fsim_file_open(fsim_file *f, const char *path, fsim_error *err) {
  memset(f, 0, sizeof *f);
  snprintf(f->path, sizeof f->path, "%s", path);
  snprintf(f->tmp, sizeof f->tmp, "%s.tmp-%ld", path, (long)getpid());
  f->fp = fopen(f->tmp, "w");
  if (!f->fp) {
    f->tmp[0] = '\0'; /* nothing to remove: fsim_file_abort is a no-op */
    return fsim_error_set(err, FSIM_E_IO, path, 0, "", "cannot write: %s", strerror(errno));
  }
  return FSIM_OK;
}

fsim_status fsim_file_commit(fsim_file *f, fsim_error *err) {
  int bad = ferror(f->fp) || fflush(f->fp) != 0;
  int saved = errno;
  if (!bad && fsync(fileno(f->fp)) != 0) bad = 1, saved = errno;
  if (fclose(f->fp) != 0 && !bad) bad = 1, saved = errno;
  f->fp = NULL;
  fsim_status st = FSIM_OK;
  if (bad) {
    remove(f->tmp);
    st = fsim_error_set(err, FSIM_E_IO, f->path, 0, "", "cannot write: %s",
                        saved ? strerror(saved) : "write error");
  } else if (rename(f->tmp, f->path) != 0) {
    saved = errno;
    remove(f->tmp);
    st = fsim_error_set(err, FSIM_E_IO, f->path, 0, "", "cannot rename into place: %s",
                        strerror(saved));
  }
  f->tmp[0] = '\0'; /* committed or removed: fsim_file_abort is now a no-op */
  return st;
}

fsim_status fsim_file_write_text(const char *path, const char *text, fsim_error *err) {
  fsim_file f;
  fsim_status st = fsim_file_open(&f, path, err);
  if (st != FSIM_OK) return st;
  fputs(text, f.fp);
  return fsim_file_commit(&f, err);
}

void fsim_file_abort(fsim_file *f) {
  if (f->fp) fclose(f->fp);
  f->fp = NULL;
  if (f->tmp[0]) remove(f->tmp);
  f->tmp[0] = '\0';
}

fsim_status fsim_read_text(const char *path, const char *what, char **out, size_t *len,
                           fsim_error *err) {
  *out = NULL;
  if (len) *len = 0;
  if (!path) return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "no file named for %s", what);
  FILE *fp = fopen(path, "rb");
  if (!fp)
    return fsim_error_set(err, FSIM_E_INPUT, path, 0, "", "cannot open %s: %s", what,
                          strerror(errno));
  struct stat sb;
  if (fstat(fileno(fp), &sb) == 0 && S_ISDIR(sb.st_mode)) {
    fclose(fp);
    return fsim_error_set(err, FSIM_E_INPUT, path, 0, "", "is a directory, not %s", what);
  }
  size_t cap = 8192, n = 0;
  char *buf = malloc(cap);
  fsim_status st = buf ? FSIM_OK : fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  while (st == FSIM_OK) {
    if (n + 1 >= cap) {
      if (cap >= FSIM_TEXT_MAX_BYTES) {
        st = fsim_error_set(err, FSIM_E_INPUT, path, 0, "",
                            "larger than %zu MiB, too large for %s", FSIM_TEXT_MAX_BYTES >> 20, what);
        break;
      }
      char *grown = realloc(buf, cap * 2);
      if (!grown) {
        st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
        break;
      }
      buf = grown;
      cap *= 2;
    }
    const size_t k = fread(buf + n, 1, cap - 1 - n, fp);
    if (k > 0 && memchr(buf + n, '\0', k)) {
      st = fsim_error_set(err, FSIM_E_INPUT, path, 0, "", "holds a NUL byte: %s must be a text file",
                          what);
      break;
    }
    n += k;
    if (k == 0) {
      if (ferror(fp))
        st = fsim_error_set(err, FSIM_E_IO, path, 0, "", "cannot read: %s", strerror(errno));
      break;
    }
  }
  fclose(fp);
  if (st != FSIM_OK) {
    free(buf);
    return st;
  }
  buf[n] = '\0';
  *out = buf;
  if (len) *len = n;
  return FSIM_OK;
}

int fsim_remove_tree(const char *path) {
  struct stat st;
  if (lstat(path, &st) != 0) return errno == ENOENT ? 0 : -1;
  if (!S_ISDIR(st.st_mode)) return remove(path);
  DIR *d = opendir(path);
  if (!d) return -1;
  struct dirent *e;
  int rc = 0;
  while ((e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    char sub[FSIM_PATH_MAX];
    if (snprintf(sub, sizeof sub, "%s/%s", path, e->d_name) >= (int)sizeof sub) {
      rc = -1;
      continue;
    }
    if (fsim_remove_tree(sub) != 0) rc = -1;
  }
  closedir(d);
  return rmdir(path) == 0 ? rc : -1;
}

fsim_status fsim_make_dirs(const char *path, fsim_error *err) {
  char buf[FSIM_PATH_MAX];
  snprintf(buf, sizeof buf, "%s", path);
  for (char *p = buf + 1; *p; p++) {
    if (*p != '/') continue;
    *p = '\0';
    if (mkdir(buf, 0777) != 0 && errno != EEXIST)
      return fsim_error_set(err, FSIM_E_IO, buf, 0, "", "cannot create directory: %s",
                            strerror(errno));
    *p = '/';
  }
  if (mkdir(buf, 0777) != 0 && errno != EEXIST)
    return fsim_error_set(err, FSIM_E_IO, buf, 0, "", "cannot create directory: %s",
                          strerror(errno));
  return FSIM_OK;
}

fsim_status fsim_make_parent_dirs(const char *path, fsim_error *err) {
  char parent[FSIM_PATH_MAX];
  snprintf(parent, sizeof parent, "%s", path);
  char *slash = strrchr(parent, '/');
  if (!slash || slash == parent) return FSIM_OK;
  *slash = '\0';
  return fsim_make_dirs(parent, err);
}

/* The shared locks this process holds, by path: a command that claimed DIR.lock for
 * its whole work (fsim_output_claim_dir) calls the library, which takes the same lock
 * again; flock would refuse that second descriptor as another holder's. A lock not
 * shared (a sweep job's own) refuses a second taker in this process too. */
#define HELD_MAX 8
static const fsim_lock *held[HELD_MAX];

static const fsim_lock *held_here(const char *path) {
  for (int i = 0; i < HELD_MAX; i++)
    if (held[i] && held[i]->shared && held[i]->pid == (long)getpid() &&
        strcmp(held[i]->path, path) == 0)
      return held[i];
  return NULL;
}

/* What the holder wrote into the lock: "<pid> <what>". */
static void read_holder(int fd, fsim_lock *lk) {
  char buf[96] = "";
  const ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
  buf[n > 0 ? n : 0] = '\0';
  char what[sizeof lk->holder_what] = "";
  long pid = 0;
  if (sscanf(buf, "%ld %15s", &pid, what) >= 1 && pid > 0) {
    lk->holder_pid = pid;
    snprintf(lk->holder_what, sizeof lk->holder_what, "%s", what);
  }
}

fsim_status fsim_lock_take_as(fsim_lock *lk, const char *path, const char *what, int shared,
                              fsim_error *err) {
  memset(lk, 0, sizeof *lk);
  lk->fd = -1;
  lk->shared = shared;
  if (snprintf(lk->path, sizeof lk->path, "%s", path) >= (int)sizeof lk->path)
    return fsim_error_set(err, FSIM_E_INPUT, path, 0, "", "path too long");
  if (held_here(lk->path)) {
    lk->nested = 1;
    return FSIM_OK;
  }
  fsim_status st = fsim_make_parent_dirs(path, err);
  /* The holder removes the file when done: a lock taken on a file already unlinked
   * (or replaced) protects nothing, so check that the name still leads to it. */
  for (int tries = 0; st == FSIM_OK && tries < 100; tries++) {
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0)
      return fsim_error_set(err, FSIM_E_IO, path, 0, "", "cannot create the lock: %s",
                            strerror(errno));
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
      int saved = errno;
      lk->busy = saved == EWOULDBLOCK;
      if (lk->busy) read_holder(fd, lk);
      close(fd);
      return fsim_error_set(err, FSIM_E_IO, path, 0, "", "%s",
                            lk->busy ? "held by another process" : strerror(saved));
    }
    struct stat hs, named;
    if (fstat(fd, &hs) == 0 && stat(path, &named) == 0 && hs.st_dev == named.st_dev &&
        hs.st_ino == named.st_ino) {
      /* A dead holder's flock went with it: its record is overwritten. */
      char rec[64];
      const int n = snprintf(rec, sizeof rec, "%ld %.15s\n", (long)getpid(), what ? what : "");
      if (ftruncate(fd, 0) != 0 || pwrite(fd, rec, (size_t)n, 0) != n) {
        /* the record only names the holder to a second process: not needed to lock */
      }
      lk->fd = fd;
      lk->pid = (long)getpid();
      for (int i = 0; shared && i < HELD_MAX; i++)
        if (!held[i]) {
          held[i] = lk;
          break;
        }
      return FSIM_OK;
    }
    close(fd);
  }
  return st == FSIM_OK ? fsim_error_set(err, FSIM_E_IO, path, 0, "", "cannot take the lock")
                       : st;
}

fsim_status fsim_lock_take(fsim_lock *lk, const char *path, fsim_error *err) {
  return fsim_lock_take_as(lk, path, "", 0, err);
}

void fsim_lock_release(fsim_lock *lk) {
  if (lk->fd < 0) return;
  for (int i = 0; i < HELD_MAX; i++)
    if (held[i] == lk) held[i] = NULL;
  unlink(lk->path); /* while still held, so no one locks a name about to vanish */
  close(lk->fd);
  lk->fd = -1;
}

fsim_status fsim_file_copy(const char *from, const char *to, fsim_error *err) {
  FILE *in = fopen(from, "rb");
  if (!in) return fsim_error_set(err, FSIM_E_IO, from, 0, "", "cannot read: %s", strerror(errno));
  fsim_file f;
  fsim_status st = fsim_file_open(&f, to, err);
  if (st == FSIM_OK) {
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) fwrite(buf, 1, n, f.fp);
    if (ferror(in)) {
      fsim_file_abort(&f);
      st = fsim_error_set(err, FSIM_E_IO, from, 0, "", "cannot read: %s", strerror(errno));
    } else {
      st = fsim_file_commit(&f, err);
    }
  }
  fclose(in);
  return st;
}

fsim_status fsim_lock_busy_error(const fsim_lock *lk, const char *dir, fsim_error *err) {
  char who[64] = "another frontsim command";
  if (lk->holder_pid > 0)
    snprintf(who, sizeof who, "another frontsim %s (pid %ld)",
             lk->holder_what[0] ? lk->holder_what : "command", lk->holder_pid);
  return fsim_error_set(err, FSIM_E_IO, dir, 0, "",
                        "%s is working on this directory (it holds %s); wait for it to end, "
                        "or use another -o%s",
                        who, lk->path,
                        strcmp(lk->holder_what, "sweep") == 0
                            ? ", or stop it and continue with --resume" : "");
}

size_t fsim_path_dir_len(const char *dir) {
  size_t len = dir ? strlen(dir) : 0;
  while (len > 1 && dir[len - 1] == '/') len--;
  return len;
}
