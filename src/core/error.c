/* The core layer (src/core): what every other layer stands on and which knows
 * nothing of the model: error records (this file), text helpers, the calendar, files
 * that are never seen half-written and the one text reader (fileio.c), and the
 * random streams with their seeding hash (rng.c). It includes no header of another
 * layer (docs/ARCHITECTURE.md).
 *
 * Error records: every library function that can fail returns an fsim_status and
 * fills an fsim_error; only the command line's main decides the exit status. */
#include "frontsim/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void fsim_error_clear(fsim_error *err) {
  if (err) memset(err, 0, sizeof *err);
}

static void copy_text(char *dst, size_t size, const char *src) {
  if (!src) src = "";
  snprintf(dst, size, "%s", src);
}

fsim_status fsim_error_set(fsim_error *err, fsim_status status, const char *file, int line,
                           const char *path, const char *fmt, ...) {
  if (!err) return status;
  err->status = status;
  copy_text(err->file, sizeof err->file, file);
  err->line = line;
  copy_text(err->path, sizeof err->path, path);
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err->message, sizeof err->message, fmt, ap);
  va_end(ap);
  return status;
}

void fsim_error_format(const fsim_error *err, char *buf, size_t size) {
  if (!buf || size == 0) return;
  buf[0] = '\0';
  if (!err) return;
  size_t used = 0;
#define FSIM_APPEND(...)                                                    \
  do {                                                                      \
    if (used < size) {                                                      \
      int k_ = snprintf(buf + used, size - used, __VA_ARGS__);              \
      if (k_ > 0) used += (size_t)k_;                                       \
    }                                                                       \
  } while (0)
  if (err->file[0]) {
    if (err->line > 0)
      FSIM_APPEND("%s:%d: ", err->file, err->line);
    else
      FSIM_APPEND("%s: ", err->file);
  }
  if (err->path[0]) FSIM_APPEND("%s: ", err->path);
  FSIM_APPEND("%s", err->message);
#undef FSIM_APPEND
}

const char *fsim_status_name(fsim_status status) {
  switch (status) {
    case FSIM_OK: return "ok";
    case FSIM_E_INPUT: return "bad input";
    case FSIM_E_IO: return "input/output error";
    case FSIM_E_NOMEM: return "out of memory";
    case FSIM_E_NUMERIC: return "numerical failure";
    case FSIM_E_INTERRUPTED: return "interrupted";
    case FSIM_E_EXTERNAL: return "external program failed";
    case FSIM_E_TIMEOUT: return "external program timed out";
  }
  return "unknown";
}
