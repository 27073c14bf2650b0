/* Error records: every library function that can fail returns an fsim_status and
 * fills an fsim_error; only the command line decides the exit status. */
#ifndef FRONTSIM_ERROR_H
#define FRONTSIM_ERROR_H

#include "frontsim/export.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum fsim_status {
  FSIM_OK = 0,
  FSIM_E_INPUT,       /* bad scenario, bad option: the user can fix it */
  FSIM_E_IO,          /* a file could not be read or written */
  FSIM_E_NOMEM,       /* allocation failed */
  FSIM_E_NUMERIC,     /* a GSL routine or the model reported a numerical failure */
  FSIM_E_INTERRUPTED, /* the user asked to stop */
  FSIM_E_EXTERNAL,    /* an external program (gnuplot) is missing or failed */
  FSIM_E_TIMEOUT      /* an external program did not finish within its time limit */
} fsim_status;

#define FSIM_ERROR_TEXT 512
#define FSIM_ERROR_PLACE 256

/* Where and what. `file` is empty when the error has no file (an option on the
 * command line uses "--set"); `line` is 0 when unknown; `path` is the setting path,
 * e.g. "sectors.[1].width_km", or empty. */
typedef struct fsim_error {
  fsim_status status;
  char file[FSIM_ERROR_PLACE];
  int line;
  char path[FSIM_ERROR_PLACE];
  char message[FSIM_ERROR_TEXT];
} fsim_error;

FSIM_API void fsim_error_clear(fsim_error *err);

/* Fills err (when not NULL) and returns status, so callers can write
 * `return fsim_error_set(err, FSIM_E_IO, ...);`. */
FSIM_API fsim_status fsim_error_set(fsim_error *err, fsim_status status, const char *file, int line,
                                    const char *path, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* "file:line: path: message" with the empty parts left out. */
FSIM_API void fsim_error_format(const fsim_error *err, char *buf, size_t size);

FSIM_API const char *fsim_status_name(fsim_status status);

/* Frees memory the library handed to the caller (fsim_scenario_to_text,
 * fsim_settings_markdown): the library's free, whatever allocator the host uses. */
FSIM_API void fsim_free(void *p);

#ifdef __cplusplus
}
#endif
#endif
