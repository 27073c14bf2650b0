/* Files that are never seen half-written: each is written under a temporary name
 * and renamed into place; a run's directory is staged beside the target and
 * swapped in whole. */
#ifndef FRONTSIM_FILEIO_H
#define FRONTSIM_FILEIO_H

#include <stdio.h>

#include "frontsim/error.h"

#define FSIM_PATH_MAX 4096
#define FSIM_OUTPUT_MARKER ".frontsim-output"
/* The marker's first line; the manifest follows it (outdir.c). */
#define FSIM_OUTPUT_MARKER_HEAD "frontsim output directory\n"

typedef struct fsim_file {
  FILE *fp;
  char path[FSIM_PATH_MAX];
  char tmp[FSIM_PATH_MAX + 32];
} fsim_file;

/* Opens path's temporary file (path.tmp-<pid>) for writing. */
fsim_status fsim_file_open(fsim_file *f, const char *path, fsim_error *err);
/* Flushes, syncs and renames into place; on any write error removes the
 * temporary file and reports which file failed. Either way the file is closed. */
fsim_status fsim_file_commit(fsim_file *f, fsim_error *err);
/* Copies the file `from` to `to`, written as fsim_file_open and commit write. */
fsim_status fsim_file_copy(const char *from, const char *to, fsim_error *err);
/* Writes a file whole, from text (fsim_file_open, then commit). */
fsim_status fsim_file_write_text(const char *path, const char *text, fsim_error *err);
/* Closes and removes the temporary file of a file not committed. A no-op on a file
 * committed (successfully or not), one that failed to open, or one zero-initialised,
 * so cleanup code calls it on every fsim_file it has, unconditionally. */
void fsim_file_abort(fsim_file *f);

typedef struct fsim_outdir {
  char target[FSIM_PATH_MAX];
  char stage[FSIM_PATH_MAX + 160]; /* target.partial-<pid>-<host> */
} fsim_outdir;

/* Refuses a target that exists and is neither empty nor an earlier frontsim
 * output (which may be replaced). */
fsim_status fsim_outdir_check_target(const char *target, fsim_error *err);
/* Refuses (FSIM_E_INPUT, naming target) a target that is not writable, or holds an
 * entry that is not (chmod a-w counts, even for root), or whose parent cannot take
 * the staging directory. Called by fsim_outdir_check_target. */
fsim_status fsim_outdir_check_writable(const char *target, fsim_error *err);
/* How many files target holds that frontsim did not write (not in its marker's
 * manifest; charts/ and temporaries excepted), up to five of their names, comma
 * separated, into list. 0 for a target without a manifest (older, or none). */
int fsim_outdir_foreign(const char *target, char *list, size_t size);
/* Writes the manifest into the staging directory's marker, then moves it, complete,
 * to target, replacing an earlier output. */
fsim_status fsim_outdir_swap_in(const char *stage, const char *target, fsim_error *err);

/* Refuses a target that exists and is not an earlier frontsim output (it would be
 * replaced), then creates the staging directory. */
fsim_status fsim_outdir_begin(fsim_outdir *od, const char *target, fsim_error *err);
/* Path of `rel` inside the staging directory, creating its parent directory. */
fsim_status fsim_outdir_path(fsim_outdir *od, const char *rel, char *out, size_t size,
                             fsim_error *err);
fsim_status fsim_outdir_commit(fsim_outdir *od, fsim_error *err);
void fsim_outdir_abort(fsim_outdir *od);

/* An exclusive advisory lock (flock) on the file `path`, created if need be (its
 * directory too), held until fsim_lock_release, which removes the file. A lock held
 * by another process is refused at once: FSIM_E_IO with busy set, and the holder's
 * pid and what it does (holder_pid 0: not known) read from the file, where the
 * holder wrote them. A lock dies with its process: a dead holder's file is taken over.
 * A lock this process already holds as shared (same path) is granted as nested:
 * releasing a nested lock is a no-op, the outer holder keeps it. */
/* The length of directory name dir without its trailing slashes ("out/s/" is "out/s",
 * "/" stays "/"), so that what is made beside it (DIR.lock, DIR.partial) is not made
 * inside it; 0 for NULL or "". */
size_t fsim_path_dir_len(const char *dir);

typedef struct fsim_lock {
  int fd; /* -1: not held */
  int busy;
  int nested;
  int shared; /* taken with shared set: this process may take it again (nested) */
  long pid;   /* the process that took it (a forked child is not it) */
  long holder_pid;
  char holder_what[16];
  char path[FSIM_PATH_MAX + 16];
} fsim_lock;
fsim_status fsim_lock_take(fsim_lock *lk, const char *path, fsim_error *err);
/* The same, recording `what` ("run", "sweep", ...) for a second process's message;
 * shared: this process's later takers of the same path get it nested. */
fsim_status fsim_lock_take_as(fsim_lock *lk, const char *path, const char *what, int shared,
                              fsim_error *err);
/* The refusal when lk was busy taking the lock of output directory dir: who holds it
 * (its kind and pid, as the lock file records them) and the way out. */
fsim_status fsim_lock_busy_error(const fsim_lock *lk, const char *dir, fsim_error *err);
/* A no-op on a lock not held (fd -1) or nested. */
void fsim_lock_release(fsim_lock *lk);

/* Text files are read whole, once, by one reader with one limit: every scenario,
 * journal and data file is far smaller, and a device such as /dev/zero must not be
 * read until memory runs out. */
#define FSIM_TEXT_MAX_BYTES ((size_t)64 << 20)

/* The whole of the text file `path`, NUL-terminated, into *out (malloc'ed; the
 * caller frees it) and its length into *len (may be NULL). FSIM_E_INPUT, naming the
 * file, when it cannot be opened ("cannot open <what>: reason"), is a directory, is
 * larger than FSIM_TEXT_MAX_BYTES or holds a NUL byte (not text); FSIM_E_IO on a
 * read error. */
fsim_status fsim_read_text(const char *path, const char *what, char **out, size_t *len,
                           fsim_error *err);

/* Creates the directory that will hold `path` (like mkdir -p), so -o out/a/b works. */
fsim_status fsim_make_parent_dirs(const char *path, fsim_error *err);

/* Removes a directory tree (used for staging and replaced outputs only). */
int fsim_remove_tree(const char *path);
/* mkdir -p */
fsim_status fsim_make_dirs(const char *path, fsim_error *err);

#endif
