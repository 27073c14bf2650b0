/* What-ifs (whatif.c): a scenario file's own `overrides`, applied after its
 * includes, and the label a run carries into every output. */
#ifndef FRONTSIM_WHATIF_H
#define FRONTSIM_WHATIF_H

#include <libconfig.h>
#include <stddef.h>

#include "frontsim/error.h"
#include "scenario_internal.h"

/* Applies the top-level `overrides = ["path=value", ...]` of the tree, in order,
 * as --set would, then removes the list. Errors name the file and line of the
 * override (`name` when unknown). The assignments that change the question
 * (fsim_whatif_changes_question) are appended to record, ", " between them. */
fsim_status fsim_whatif_apply(config_t *cfg, const char *name, char *record, size_t size,
                              fsim_error *err);

/* Does this "path=value" change what is simulated (not run.replications, run.seed,
 * run.label or a sweep setting, which change precision, draws or names)? */
int fsim_whatif_changes_question(const char *assignment);

/* Fills sc->run.label unless --set (or --label) gave it: the file's run.label, or
 * the file name without its directory and .cfg, then ", " and each --set override
 * that changes the question. Also completes sc->whatif with those overrides. */
void fsim_whatif_label(fsim_scenario *sc, const char *name, const fsim_overrides *ov);

#endif
