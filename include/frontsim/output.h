/* Replacing an output directory: nothing of another what-if is overwritten
 * silently. */
#ifndef FRONTSIM_OUTPUT_H
#define FRONTSIM_OUTPUT_H

#include "frontsim/export.h"

#include "frontsim/error.h"

#ifdef __cplusplus
extern "C" {
#endif

#include <stddef.h>

/* A command's hold on its output directory, from before its checks until it ends. */
typedef struct fsim_output_claim fsim_output_claim;

/* May `dir` take an output of `kind` ("run", "compare", "sweep", "optimize",
 * "discover") labelled `label`? Yes when it is absent or empty, or holds output of the
 * same kind and label (its frontsim.meta) and no file frontsim did not write, or
 * `force` is set. Otherwise FSIM_E_INPUT naming dir, what it holds and --force. A
 * directory that is not a frontsim output or is not writable (or whose parent is not)
 * is refused even with force. *charts (when not NULL) is set to 1 when dir holds
 * charts (charts/), which a replacement removes. Takes no lock: see claim. */
FSIM_API fsim_status fsim_output_may_replace(const char *dir, const char *kind, const char *label,
                                             int force, int *charts, fsim_error *err);
/* Takes dir's lock (dir.lock; another process holding it: FSIM_E_IO naming its pid),
 * then decides as fsim_output_may_replace; an empty label is refused. On success
 * *claim holds the lock until fsim_output_claim_release (NULL: a no-op). */
FSIM_API fsim_status fsim_output_claim_dir(const char *dir, const char *kind, const char *label,
                                           int force, int *charts, fsim_output_claim **claim,
                                           fsim_error *err);
FSIM_API void fsim_output_claim_release(fsim_output_claim *claim);
/* The label recorded in dir's frontsim.meta ("" when none); FSIM_E_INPUT when dir has
 * no readable frontsim.meta. */
FSIM_API fsim_status fsim_output_label(const char *dir, char *label, size_t size,
                                       fsim_error *err);

#ifdef __cplusplus
}
#endif
#endif
