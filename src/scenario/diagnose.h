/* The loader's diagnoses around libconfig (diagnose.c), and the texts they read:
 * the scenario's, given once by the loader, and its included files', each read
 * from disk once however many passes look at it. */
#ifndef FRONTSIM_DIAGNOSE_H
#define FRONTSIM_DIAGNOSE_H

#include <libconfig.h>
#include <stddef.h>

#include "frontsim/error.h"

typedef struct fsim_source_file {
  char *path; /* as libconfig opens it (include directory prefixed) */
  char *text; /* NULL: it cannot be read */
} fsim_source_file;

typedef struct fsim_sources {
  const char *main_path; /* the scenario's file, or NULL when its text came in memory */
  const char *main_name; /* what messages call the scenario */
  const char *main_text; /* the scenario's text (the loader's) */
  fsim_source_file *files; /* included files read so far (owned) */
  size_t n, cap;
} fsim_sources;

/* The text of the included file at path, read on first use; NULL when it cannot be
 * read. The text belongs to sources. */
const char *fsim_sources_text(fsim_sources *sources, const char *path);
void fsim_sources_free(fsim_sources *sources);

/* Refuses, before libconfig reads the text, what libconfig would misreport, leak on
 * or end the process for, in the scenario and the files it includes. */
fsim_status fsim_diagnose_precheck(const config_t *cfg, fsim_sources *sources, fsim_error *err);
/* libconfig's failed read of the scenario as file:line: message, the cause spelt out. */
fsim_status fsim_diagnose_parse_error(config_t *cfg, fsim_sources *sources, fsim_error *err);
/* Refuses integer literals that libconfig read wrapped. */
fsim_status fsim_diagnose_wide_integers(config_t *cfg, fsim_sources *sources, fsim_error *err);

#endif
