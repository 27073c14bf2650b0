/* The texts a scenario is read from, and @include resolved by frontsim, not by
 * libconfig: libconfig 1.5 resolves every @include from one directory, so a file
 * outside scenarios/ could not include a scenario that includes its own
 * fragments. Each @include is resolved from the directory of the file that holds
 * it; the included texts are expanded into one text before libconfig parses it,
 * and a line map takes every line of that text back to its file and line. */
#ifndef FRONTSIM_SOURCES_H
#define FRONTSIM_SOURCES_H

#include <stddef.h>

#include "frontsim/error.h"

typedef struct fsim_source_file {
  char *path; /* as resolved: the including file's directory, then the name */
  char *text; /* NULL: it cannot be read */
} fsim_source_file;

/* A run of lines of the expanded text that come, in order, from one file. */
typedef struct fsim_line_run {
  int first;       /* first line in the expanded text */
  const char *file;
  int file_line;   /* its line in that file */
} fsim_line_run;

typedef struct fsim_sources {
  const char *main_path; /* the scenario's file, or NULL when its text came in memory */
  const char *main_name; /* what messages call the scenario */
  const char *main_text; /* the scenario's text (the loader's) */
  const char *main_dir;  /* where the scenario's own @include are resolved (NULL: here) */
  fsim_source_file *files; /* included files read so far (owned) */
  size_t n, cap;
  fsim_line_run *runs; /* the line map of the expanded text (owned) */
  size_t nruns, runs_cap;
} fsim_sources;

/* The text of the included file at path, read on first use; NULL when it cannot be
 * read. The text belongs to sources. */
const char *fsim_sources_text(fsim_sources *sources, const char *path);
void fsim_sources_free(fsim_sources *sources);

/* Where `name` (its first len bytes, as written after @include in the file shown
 * as `from`) is found: absolute as written, else from `from`'s directory.
 * Allocated (the caller frees it); NULL when out of memory. */
char *fsim_sources_resolve(const fsim_sources *sources, const char *from, const char *name,
                           size_t len);

/* The scenario's text with every @include replaced by the included file's text,
 * nested ones too (*out allocated), and the line map filled. A file that cannot be
 * read, or nesting beyond 10 levels, is refused at the @include's file and line. */
fsim_status fsim_sources_expand(fsim_sources *sources, char **out, fsim_error *err);

/* The file and line a line of the expanded text comes from (*file_line); NULL
 * (and the line unchanged) without a map. */
const char *fsim_sources_place(const fsim_sources *sources, int line, int *file_line);

#endif
