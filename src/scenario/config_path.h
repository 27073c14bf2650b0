/* Setting paths over a libconfig tree: "a.b", "list.[2].key", or "list.name.key"
 * where `name` matches a list element's `name` setting. Used by --set overrides,
 * by sweeps, and by the validator to find the line of a setting. */
#ifndef FRONTSIM_CONFIG_PATH_H
#define FRONTSIM_CONFIG_PATH_H

#include <libconfig.h>

#include "frontsim/error.h"

/* The setting at path, or NULL. */
config_setting_t *fsim_config_find(config_setting_t *root, const char *path);

/* Sets the value at path to the libconfig value text (e.g. "12", "0.5", "\"x\"",
 * "[\"a\", \"b\"]"; a bare word is taken as a string), creating missing groups on
 * the way. Unknown keys are left for the validator to reject. */
fsim_status fsim_config_assign(config_t *cfg, const char *path, const char *value,
                               fsim_error *err);

/* Replaces sweep.parameters (creating the sweep group if needed) by the
 * --param specs "path=a,b,c" / "path=from:to:steps" / "path=from:to" /
 * "path=a|b|c" (levels), with their ";label=" and ";unit=" (param_spec.h). */
fsim_status fsim_config_set_params(config_t *cfg, const char *const *specs, size_t n,
                                   fsim_error *err);

/* Where a setting came from: its file (or `fallback`; "--set" for settings made
 * by an override) and line. */
const char *fsim_config_file(const config_setting_t *s, const char *fallback);
int fsim_config_line(const config_setting_t *s);

/* An input error at `path`, with the file and line of that setting, or of its
 * nearest ancestor present in the tree (for defaults and missing settings). */
fsim_status fsim_config_error(config_t *cfg, const char *fallback, fsim_error *err,
                              const char *path, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

#endif
