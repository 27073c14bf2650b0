/* Whether an output directory may be replaced (frontsim/output.h): the label
 * recorded in its frontsim.meta must be the new run's, so that a what-if run with
 * the default or a mistyped -o never replaces another's results unasked. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "formats.h"
#include "frontsim/output.h"

fsim_status fsim_output_may_replace(const char *dir, const char *label, int force, int *charts,
                                    fsim_error *err) {
  if (!dir) return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "fsim_output_may_replace: no directory (NULL)");
  char path[8192];
  struct stat sb;
  snprintf(path, sizeof path, "%s/charts", dir);
  if (charts) *charts = stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
  snprintf(path, sizeof path, "%s/%s", dir, FSIM_META_NAME);
  fsim_run_meta meta;
  memset(&meta, 0, sizeof meta);
  fsim_error ignored;
  if (force || fsim_meta_read(path, &meta, &ignored) != FSIM_OK || !meta.label[0] ||
      strcmp(meta.label, label) == 0)
    return FSIM_OK;
  return fsim_error_set(err, FSIM_E_INPUT, dir, 0, "",
                        "holds the output of \"%.120s\", not of \"%.120s\"; refusing to replace "
                        "it (name another directory with -o, or add --force to replace it%s)",
                        meta.label, label, charts && *charts ? " and its charts" : "");
}
