/* The loader's entry points: read the scenario once into memory, expand its
 * @include (sources.c), let libconfig parse it (with the diagnoses of diagnose.c
 * around it), apply the file's own overrides (whatif.c), then --set and --param, then fill the structs from the tree (walk.c) and resolve names
 * and checks across settings (resolve.c). Every problem is reported as
 * file:line: path: message, before any work starts. */
#include <errno.h>
#include <libconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_path.h"
#include "diagnose.h"
#include "fileio.h"
#include "library.h"
#include "scenario_internal.h"
#include "scenario_load.h"
#include "whatif.h"

/* Parses the scenario's text, which sources holds: its @include expanded by
 * frontsim (sources.h), then read by libconfig from memory. The root's hook keeps
 * the line map, so every later message names the file and line. */
static fsim_status read_config(config_t *cfg, fsim_sources *sources, char **expanded,
                               fsim_error *err) {
  fsim_status pre = fsim_diagnose_precheck(sources, err);
  if (pre == FSIM_OK) pre = fsim_sources_expand(sources, expanded, err);
  if (pre != FSIM_OK) return pre;
  if (config_read_string(cfg, *expanded) == CONFIG_TRUE) {
    config_setting_set_hook(config_root_setting(cfg), sources);
    return fsim_diagnose_wide_integers(cfg, sources, err);
  }
  return fsim_diagnose_parse_error(cfg, sources, err);
}

/* The scenario file's text, read once for every pass (NULL with err set). */
static char *read_scenario(const char *path, fsim_error *err) {
  char *text = NULL;
  fsim_read_text(path, "the scenario", &text, NULL, err);
  return text;
}

static fsim_status apply_overrides(config_t *cfg, const fsim_overrides *ov, fsim_error *err) {
  size_t n = ov ? fsim_overrides_count(ov) : 0;
  for (size_t i = 0; i < n; i++) {
    const char *a = fsim_overrides_get(ov, i);
    const char *eq = strchr(a, '=');
    char path[FSIM_ERROR_PLACE];
    snprintf(path, sizeof path, "%.*s", (int)(eq - a), a);
    fsim_status st = fsim_config_assign(cfg, path, eq + 1, err);
    if (st != FSIM_OK) return st;
  }
  size_t np = ov ? fsim_overrides_param_count(ov) : 0;
  if (np == 0) return FSIM_OK;
  const char *specs[256];
  if (np > 256) return fsim_error_set(err, FSIM_E_INPUT, "--param", 0, "", "at most 256 --param");
  for (size_t i = 0; i < np; i++) specs[i] = fsim_overrides_param_get(ov, i);
  return fsim_config_set_params(cfg, specs, np, err);
}

static fsim_status load_common(const char *path, const char *text, const char *name,
                               const char *include_dir, const fsim_overrides *ov,
                               fsim_scenario **out, fsim_error *err) {
  fsim_error_clear(err);
  if (!out) return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "no place for the scenario (NULL)");
  *out = NULL;
  if (!text && !path) return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "no scenario file or text given (NULL)");
  config_t cfg;
  config_init(&cfg);
  /* The scenario's own @include are resolved from its directory (or include_dir
   * for a text in memory); the included files' from theirs (sources.c). */
  const char *slash = path && !include_dir ? strrchr(path, '/') : NULL;
  char *dir = NULL;
  if (slash) {
    size_t dir_len = slash == path ? 1 : (size_t)(slash - path);
    dir = malloc(dir_len + 1);
    if (!dir) {
      config_destroy(&cfg);
      return fsim_error_set(err, FSIM_E_NOMEM, name, 0, "", "out of memory");
    }
    memcpy(dir, path, dir_len);
    dir[dir_len] = '\0';
  }

  char *own = text ? NULL : read_scenario(path, err);
  char *expanded = NULL;
  fsim_sources sources = {.main_path = path, .main_name = name, .main_text = text ? text : own,
                          .main_dir = include_dir ? include_dir : dir};
  fsim_status st = sources.main_text ? read_config(&cfg, &sources, &expanded, err) : FSIM_E_INPUT;
  char whatif[sizeof ((fsim_scenario *)0)->whatif] = "";
  if (st == FSIM_OK) st = fsim_whatif_apply(&cfg, name, whatif, sizeof whatif, err);
  if (st == FSIM_OK) st = apply_overrides(&cfg, ov, err);
  fsim_scenario *sc = NULL;
  if (st == FSIM_OK) {
    sc = calloc(1, sizeof *sc);
    if (!sc) st = fsim_error_set(err, FSIM_E_NOMEM, name, 0, "", "out of memory");
  }
  if (st == FSIM_OK) {
    snprintf(sc->source, sizeof sc->source, "%s", name);
    snprintf(sc->whatif, sizeof sc->whatif, "%s", whatif);
    st = fsim_walk_scenario(config_root_setting(&cfg), name, sc, err);
  }
  if (st == FSIM_OK) fsim_whatif_label(sc, name, ov);
  if (st == FSIM_OK) st = fsim_scenario_resolve(sc, &cfg, name, err);
  if (st == FSIM_OK && ov) {
    size_t used = 0;
    for (size_t i = 0; i < fsim_overrides_count(ov) && used < sizeof sc->text_overrides; i++) {
      int k = snprintf(sc->text_overrides + used, sizeof sc->text_overrides - used, "%s%s",
                       i ? " " : "", fsim_overrides_get(ov, i));
      if (k > 0) used += (size_t)k;
    }
  }
  config_destroy(&cfg);
  fsim_sources_free(&sources);
  free(expanded);
  free(dir);
  free(own);
  if (st != FSIM_OK) {
    fsim_scenario_free(sc);
    return st;
  }
  *out = sc;
  return FSIM_OK;
}

fsim_status fsim_scenario_load(const char *path, const fsim_overrides *ov, fsim_scenario **out,
                               fsim_error *err) {
  fsim_gsl_policy_apply();
  return load_common(path, NULL, path, NULL, ov, out, err);
}

fsim_status fsim_scenario_load_string(const char *text, const char *name,
                                      const char *include_dir, const fsim_overrides *ov,
                                      fsim_scenario **out, fsim_error *err) {
  fsim_gsl_policy_apply();
  return load_common(NULL, text, name ? name : "(string)", include_dir, ov, out, err);
}

void fsim_scenario_free(fsim_scenario *sc) {
  if (!sc) return;
  for (int k = 0; k < sc->sweep.nparams && sc->sweep.params; k++)
    free(sc->sweep.params[k].levels);
  free(sc->sweep.params);
  for (int k = 0; k < sc->optimize.ndecisions && sc->optimize.decisions; k++)
    free(sc->optimize.decisions[k].levels);
  free(sc->optimize.decisions);
  free(sc->optimize.constraints);
  free(sc->events);
  for (int s = 0; s < FSIM_NSIDES; s++) free(sc->sides.side[s].rules);
  free(sc->formations);
  for (int i = 0; i < sc->nsectors && sc->sectors; i++) free(sc->sectors[i].schedule);
  free(sc->sectors);
  free(sc);
}
