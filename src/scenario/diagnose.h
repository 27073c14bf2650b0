/* The loader's diagnoses around libconfig (diagnose.c), over the texts of
 * sources.h: the scenario's and its included files', each read once. */
#ifndef FRONTSIM_DIAGNOSE_H
#define FRONTSIM_DIAGNOSE_H

#include <libconfig.h>
#include <stddef.h>

#include "frontsim/error.h"
#include "sources.h"

/* Refuses, before libconfig reads the text, what libconfig would misreport, leak on
 * or end the process for, in the scenario and the files it includes. */
fsim_status fsim_diagnose_precheck(fsim_sources *sources, fsim_error *err);
/* libconfig's failed read of the scenario as file:line: message, the cause spelt out. */
fsim_status fsim_diagnose_parse_error(config_t *cfg, fsim_sources *sources, fsim_error *err);
/* Refuses integer literals that libconfig read wrapped. */
fsim_status fsim_diagnose_wide_integers(config_t *cfg, fsim_sources *sources, fsim_error *err);

#endif
