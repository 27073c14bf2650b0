/* Files that are never seen half-written: each is written under a temporary name
 * and renamed into place; a run's directory is staged beside the target and
 * swapped in whole. */
#ifndef FRONTSIM_FILEIO_H
#define FRONTSIM_FILEIO_H

#include <stdio.h>

#include "frontsim/error.h"

#define FSIM_PATH_MAX 4096
#define FSIM_OUTPUT_MARKER ".frontsim-output"

typedef struct fsim_file {
  FILE *fp;
  char path[FSIM_PATH_MAX];
  char tmp[FSIM_PATH_MAX + 32];
} fsim_file;

fsim_status fsim_file_open(fsim_file *f, const char *path, fsim_error *err);
/* Flushes, syncs and renames into place; on any write error removes the
 * temporary file and reports which file failed. */
fsim_status fsim_file_commit(fsim_file *f, fsim_error *err);
void fsim_file_abort(fsim_file *f);

typedef struct fsim_outdir {
  char target[FSIM_PATH_MAX];
  char stage[FSIM_PATH_MAX + 32];
} fsim_outdir;

/* Refuses a target that exists and is neither empty nor an earlier frontsim
 * output (which may be replaced). */
fsim_status fsim_outdir_check_target(const char *target, fsim_error *err);
/* Moves a complete staging directory to target, replacing an earlier output. */
fsim_status fsim_outdir_swap_in(const char *stage, const char *target, fsim_error *err);

/* Refuses a target that exists and is not an earlier frontsim output (it would be
 * replaced), then creates the staging directory. */
fsim_status fsim_outdir_begin(fsim_outdir *od, const char *target, fsim_error *err);
/* Path of `rel` inside the staging directory, creating its parent directory. */
fsim_status fsim_outdir_path(fsim_outdir *od, const char *rel, char *out, size_t size,
                             fsim_error *err);
fsim_status fsim_outdir_commit(fsim_outdir *od, fsim_error *err);
void fsim_outdir_abort(fsim_outdir *od);

/* The whole of a text file, NUL-terminated, in memory the caller frees; NULL when
 * it cannot be opened (errno says why; *opened, when not NULL, is 0) or read,
 * or is larger than FSIM_TEXT_FILE_MAX (*opened is 1). */
#define FSIM_TEXT_FILE_MAX (64L << 20)
char *fsim_file_read_text(const char *path, int *opened);

/* Removes a directory tree (used for staging and replaced outputs only). */
int fsim_remove_tree(const char *path);
/* mkdir -p */
fsim_status fsim_make_dirs(const char *path, fsim_error *err);

#endif
