/* Replacing an output directory: nothing of another what-if is overwritten
 * silently. */
#ifndef FRONTSIM_OUTPUT_H
#define FRONTSIM_OUTPUT_H

#include "frontsim/export.h"

#include "frontsim/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* May `dir` take the output of the run labelled `label`? Yes when it is absent,
 * holds no labelled output (none, or one written before labels existed) or the
 * output of the same label, or `force` is set; otherwise FSIM_E_INPUT naming both
 * labels and --force. *charts (when not NULL) is set to 1 when dir holds charts
 * (charts/), which a replacement removes. */
FSIM_API fsim_status fsim_output_may_replace(const char *dir, const char *label, int force,
                                             int *charts, fsim_error *err);

#ifdef __cplusplus
}
#endif
#endif
