/* Paths in an output directory, shared by the entry point (plot.c) and the run
 * directory's checks (run_data.c). */
#include <string.h>
#include <sys/stat.h>

#include "fileio.h"
#include "plot_internal.h"

int fsim_plot_join(char *out, const char *dir, const char *name) {
  size_t a = strlen(dir), b = strlen(name);
  if (a + 1 + b >= FSIM_PATH_MAX) return 0;
  memcpy(out, dir, a);
  out[a] = '/';
  memcpy(out + a + 1, name, b + 1);
  return 1;
}

int fsim_plot_is_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

fsim_status fsim_plot_need_file(const char *dir, const char *rel, fsim_plot_dir_kind kind,
                             fsim_error *err) {
  char path[FSIM_PATH_MAX];
  if (fsim_plot_join(path, dir, rel) && fsim_plot_is_file(path)) return FSIM_OK;
  const char *command = kind == FSIM_PLOT_DIR_SWEEP ? "sweep" : "run";
  return fsim_error_set(err, FSIM_E_INPUT, path, 0, "",
                        "missing: %s is not a complete frontsim %s directory (write one "
                        "with `frontsim %s SCENARIO -o %s`)",
                        dir, command, command, dir);
}
