/* The scenario and the settings reference as text in memory or written to a path:
 * the forms of fsim_scenario_write and fsim_settings_write_markdown a binding can
 * use without a C FILE (include/frontsim/scenario.h). */
#include <stdio.h>
#include <stdlib.h>

#include "fileio.h"
#include "scenario_internal.h"

typedef fsim_status (*write_fn)(FILE *out, const void *ctx, fsim_error *err);

/* Runs `write` into a growing buffer; *out is the caller's, freed with fsim_free. */
static fsim_status to_text(write_fn write, const void *ctx, char **out, fsim_error *err) {
  if (!out) return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "no place for the text (NULL)");
  *out = NULL;
  char *buf = NULL;
  size_t len = 0;
  FILE *fp = open_memstream(&buf, &len);
  if (!fp) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  fsim_status st = write(fp, ctx, err);
  if (fclose(fp) != 0 && st == FSIM_OK)
    st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  if (st != FSIM_OK) {
    free(buf);
    return st;
  }
  *out = buf;
  return FSIM_OK;
}

typedef struct scenario_job {
  const fsim_scenario *sc;
  const char *header;
} scenario_job;

static fsim_status write_scenario(FILE *out, const void *ctx, fsim_error *err) {
  const scenario_job *job = ctx;
  return fsim_scenario_write(job->sc, out, job->header, err);
}

static fsim_status write_settings(FILE *out, const void *ctx, fsim_error *err) {
  (void)ctx, (void)err;
  fsim_settings_write_markdown(out);
  return FSIM_OK;
}

fsim_status fsim_scenario_to_text(const fsim_scenario *sc, const char *header, char **out,
                                  fsim_error *err) {
  if (!sc) return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "no scenario (NULL)");
  scenario_job job = {sc, header};
  return to_text(write_scenario, &job, out, err);
}

fsim_status fsim_scenario_write_path(const fsim_scenario *sc, const char *path,
                                     const char *header, fsim_error *err) {
  if (!sc || !path)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "no scenario or no path (NULL)");
  /* Its directory made if need be; an earlier file at path is kept whole until the
     new one is complete (written under a temporary name and renamed). */
  fsim_status st = fsim_make_parent_dirs(path, err);
  if (st != FSIM_OK) return st;
  fsim_file f;
  st = fsim_file_open(&f, path, err);
  if (st != FSIM_OK) return st;
  st = fsim_scenario_write(sc, f.fp, header, err);
  if (st != FSIM_OK) {
    fsim_file_abort(&f);
    return st;
  }
  return fsim_file_commit(&f, err);
}

fsim_status fsim_settings_markdown(char **out, fsim_error *err) {
  return to_text(write_settings, NULL, out, err);
}
