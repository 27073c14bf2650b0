/* The scenario's texts, read once each, and @include expanded by frontsim
 * (sources.h): each @include is resolved from the directory of the file that
 * holds it, as an analyst expects of a relative path, and the line map keeps every
 * message at the file and line the analyst wrote. */
#include "sources.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_lex.h"
#include "fileio.h"
#include "text.h"

/* Deeper nesting is almost surely a file including itself. */
#define INCLUDE_DEPTH 10

static fsim_source_file *lookup(fsim_sources *sources, const char *path) {
  for (size_t i = 0; i < sources->n; i++)
    if (strcmp(sources->files[i].path, path) == 0) return &sources->files[i];
  if (sources->n == sources->cap) {
    size_t cap = sources->cap ? sources->cap * 2 : 8;
    fsim_source_file *grown = realloc(sources->files, cap * sizeof *grown);
    if (!grown) return NULL;
    sources->files = grown;
    sources->cap = cap;
  }
  size_t len = strlen(path);
  char *copy = malloc(len + 1);
  if (!copy) return NULL;
  memcpy(copy, path, len + 1);
  fsim_source_file *f = &sources->files[sources->n++];
  f->path = copy;
  fsim_error ignored; /* a file that cannot be read is reported where it is included */
  f->text = NULL;      /* and NULL is remembered too */
  fsim_read_text(path, "an included file", &f->text, NULL, &ignored);
  return f;
}

const char *fsim_sources_text(fsim_sources *sources, const char *path) {
  fsim_source_file *f = lookup(sources, path);
  return f ? f->text : NULL;
}

void fsim_sources_free(fsim_sources *sources) {
  for (size_t i = 0; i < sources->n; i++) {
    free(sources->files[i].path);
    free(sources->files[i].text);
  }
  free(sources->files);
  free(sources->runs);
  sources->files = NULL;
  sources->runs = NULL;
  sources->n = sources->cap = sources->nruns = sources->runs_cap = 0;
}

static int is_main(const fsim_sources *s, const char *from) {
  return (s->main_path && strcmp(from, s->main_path) == 0) ||
         (s->main_name && strcmp(from, s->main_name) == 0);
}

char *fsim_sources_resolve(const fsim_sources *sources, const char *from, const char *name,
                           size_t len) {
  const char *dir = NULL;
  size_t dir_len = 0;
  if (name[0] != '/') {
    if (is_main(sources, from)) {
      dir = sources->main_dir;
      dir_len = dir ? strlen(dir) : 0;
    } else {
      const char *slash = strrchr(from, '/');
      dir = slash ? from : NULL;
      dir_len = slash ? (size_t)(slash - from) : 0;
    }
  }
  if (dir && dir_len == 0 && dir[0] == '/') dir_len = 1; /* a file in "/" */
  size_t size = dir_len + 1 + len + 1;
  char *buf = malloc(size);
  if (!buf) return NULL;
  if (dir_len)
    snprintf(buf, size, "%.*s%s%.*s", (int)dir_len, dir, dir[dir_len - 1] == '/' ? "" : "/",
             (int)len, name);
  else
    snprintf(buf, size, "%.*s", (int)len, name);
  return buf;
}

static int add_run(fsim_sources *s, int first, const char *file, int file_line) {
  if (s->nruns == s->runs_cap) {
    size_t cap = s->runs_cap ? s->runs_cap * 2 : 16;
    fsim_line_run *grown = realloc(s->runs, cap * sizeof *grown);
    if (!grown) return 0;
    s->runs = grown;
    s->runs_cap = cap;
  }
  s->runs[s->nruns++] = (fsim_line_run){.first = first, .file = file, .file_line = file_line};
  return 1;
}

/* Appends text[0..n) from `file` (whose line is *line there), mapping its lines. */
static int copy_chunk(fsim_sources *s, fsim_text_buf *b, int *out_line, const char *file,
                      int *line, const char *text, size_t n) {
  if (n == 0) return 1;
  if (!add_run(s, *out_line, file, *line)) return 0;
  fsim_text_buf_printf(b, "%.*s", (int)n, text);
  for (size_t i = 0; i < n; i++)
    if (text[i] == '\n') (*out_line)++, (*line)++;
  return !b->failed;
}

/* Starts a new line in the expanded text unless one is begun. */
static void new_line(fsim_text_buf *b, int *out_line) {
  if (b->len > 0 && b->s[b->len - 1] != '\n') {
    fsim_text_buf_printf(b, "\n");
    (*out_line)++;
  }
}

static fsim_status expand(fsim_sources *s, fsim_text_buf *b, int *out_line, const char *file,
                          const char *text, int depth, fsim_error *err) {
  fsim_lex_facts *f = malloc(sizeof *f);
  if (!f) return fsim_error_set(err, FSIM_E_NOMEM, file, 0, "", "out of memory");
  fsim_lex_scan(text, f);
  fsim_status st = FSIM_OK;
  const char *pos = text;
  int line = 1;
  for (int i = 0; i < f->nincludes && st == FSIM_OK; i++) {
    const char *name = f->include_name[i];
    size_t len = (size_t)f->include_len[i];
    int at_line = f->include_lines[i];
    const char *at = name - 1; /* the directive begins at its '@' */
    while (at > pos && *at != '@') at--;
    if (!copy_chunk(s, b, out_line, file, &line, pos, (size_t)(at - pos))) break;
    new_line(b, out_line);
    if (depth >= INCLUDE_DEPTH) {
      st = fsim_error_set(err, FSIM_E_INPUT, file, at_line, "",
                          "@include nested too deep (does a file include itself?)");
      break;
    }
    char *where = fsim_sources_resolve(s, file, name, len);
    fsim_source_file *inc = where ? lookup(s, where) : NULL;
    if (!inc) {
      free(where);
      st = fsim_error_set(err, FSIM_E_NOMEM, file, at_line, "", "out of memory");
      break;
    }
    if (!inc->text) {
      FILE *probe = fopen(where, "r");
      const char *why = probe ? "cannot be read" : strerror(errno);
      if (probe) fclose(probe);
      if (strlen(where) != len || strncmp(where, name, len) != 0)
        st = fsim_error_set(err, FSIM_E_INPUT, file, at_line, "",
                            "cannot include \"%.*s\": %s (looked for %s)", (int)len, name, why,
                            where);
      else
        st = fsim_error_set(err, FSIM_E_INPUT, file, at_line, "", "cannot include \"%.*s\": %s",
                            (int)len, name, why);
      free(where);
      break;
    }
    free(where);
    /* inc->path stays put when the table grows: the runs may point at it. */
    st = expand(s, b, out_line, inc->path, inc->text, depth + 1, err);
    new_line(b, out_line);
    /* The rest of the @include's line, on a line of its own. */
    pos = name + len + (name[len] == '"');
    line = at_line;
  }
  if (st == FSIM_OK && !copy_chunk(s, b, out_line, file, &line, pos, strlen(pos)))
    st = fsim_error_set(err, FSIM_E_NOMEM, file, 0, "", "out of memory");
  if (st == FSIM_OK && b->failed)
    st = fsim_error_set(err, FSIM_E_NOMEM, file, 0, "", "out of memory");
  free(f);
  return st;
}

fsim_status fsim_sources_expand(fsim_sources *sources, char **out, fsim_error *err) {
  *out = NULL;
  fsim_text_buf b = {0};
  int out_line = 1;
  sources->nruns = 0;
  const char *main = sources->main_path ? sources->main_path : sources->main_name;
  fsim_status st = expand(sources, &b, &out_line, main, sources->main_text, 0, err);
  if (st == FSIM_OK && !b.s) { /* an empty scenario */
    b.s = calloc(1, 1);
    if (!b.s) st = fsim_error_set(err, FSIM_E_NOMEM, main, 0, "", "out of memory");
  }
  if (st != FSIM_OK) {
    free(b.s);
    return st;
  }
  *out = b.s;
  return FSIM_OK;
}

const char *fsim_sources_place(const fsim_sources *sources, int line, int *file_line) {
  const fsim_line_run *hit = NULL;
  for (size_t i = 0; i < sources->nruns && sources->runs[i].first <= line; i++)
    hit = &sources->runs[i];
  if (!hit) return NULL;
  *file_line = hit->file_line + (line - hit->first);
  return hit->file;
}
