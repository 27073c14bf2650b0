/* Scenarios: load a libconfig file, apply --set overrides, validate against the
 * settings table, and hand out an immutable fsim_scenario. */
#ifndef FRONTSIM_SCENARIO_H
#define FRONTSIM_SCENARIO_H

#include "frontsim/export.h"

#include <stdio.h>

#include "frontsim/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fsim_scenario fsim_scenario;
typedef struct fsim_overrides fsim_overrides;

/* Overrides: "path=value" assignments applied to the file before validation.
 * Paths use '.' between keys, "[i]" for a list element, or a list element's name,
 * e.g. "sectors.kursk.engagement_rate=50" or "sectors.[0].width_km=40". */
FSIM_API fsim_overrides *fsim_overrides_new(void);
FSIM_API void fsim_overrides_free(fsim_overrides *ov);
/* Checks only the form "path=value"; the path is checked when applied. */
FSIM_API fsim_status fsim_overrides_add(fsim_overrides *ov, const char *assignment,
                                        fsim_error *err);
FSIM_API size_t fsim_overrides_count(const fsim_overrides *ov);
FSIM_API const char *fsim_overrides_get(const fsim_overrides *ov, size_t i);
/* Sweep parameters from the command line, "path=a,b,c", "path=from:to:steps",
 * "path=from:to" or "path=a|b|c", path being one setting or several linked ones
 * joined by ',' ("p1,p2=...": each set to the same value at every point; docs/USAGE.md);
 * when any is given they replace the file's sweep.parameters. */
FSIM_API fsim_status fsim_overrides_add_param(fsim_overrides *ov, const char *spec,
                                              fsim_error *err);
FSIM_API size_t fsim_overrides_param_count(const fsim_overrides *ov);
FSIM_API const char *fsim_overrides_param_get(const fsim_overrides *ov, size_t i);

/* The largest master seed (run.seed, --seed): a scenario holds the seed as a signed
 * 64-bit integer. */
#define FSIM_SEED_MAX 9223372036854775807LL
/* Reads a master seed given as text (--seed N): a whole number from 0 to
 * FSIM_SEED_MAX, refused with the message run.seed gets in a file or from --set
 * (err->file is "--seed", err->path "run.seed"). */
FSIM_API fsim_status fsim_seed_parse(const char *text, unsigned long long *seed, fsim_error *err);

/* Reads, overrides and validates. On failure *out is NULL and err says where. */
FSIM_API fsim_status fsim_scenario_load(const char *path, const fsim_overrides *ov,
                                        fsim_scenario **out, fsim_error *err);
/* The same from text in memory; include_dir resolves @include (may be NULL),
 * name is used in error messages. */
FSIM_API fsim_status fsim_scenario_load_string(const char *text, const char *name,
                                               const char *include_dir, const fsim_overrides *ov,
                                               fsim_scenario **out, fsim_error *err);
FSIM_API void fsim_scenario_free(fsim_scenario *sc);

/* The effective scenario in libconfig syntax, every default filled in; the output
 * loads back to the same scenario. `header` lines are written as comments. */
FSIM_API fsim_status fsim_scenario_write(const fsim_scenario *sc, FILE *out, const char *header,
                                         fsim_error *err);

/* The same as text in memory (*out, freed with fsim_free), or written whole to `path`
 * (its directory created if need be; under a temporary name renamed into place:
 * never seen half-written; `frontsim check -o FILE`). */
FSIM_API fsim_status fsim_scenario_to_text(const fsim_scenario *sc, const char *header,
                                           char **out, fsim_error *err);
FSIM_API fsim_status fsim_scenario_write_path(const fsim_scenario *sc, const char *path,
                                              const char *header, fsim_error *err);

/* Markdown reference of every setting (the table the loader uses); the second form
 * as text in memory (*out, freed with fsim_free). */
FSIM_API void fsim_settings_write_markdown(FILE *out);
FSIM_API fsim_status fsim_settings_markdown(char **out, fsim_error *err);

/* The valid range [*min, *max] of the numeric setting at a --set style path
 * ("model.attrition.a", "sectors.[0].attrition.blue"), as the settings table
 * declares it (the loader's own limits); FSIM_E_INPUT when there is no such numeric
 * setting. `frontsim fit` keeps its coefficients inside these. */
FSIM_API fsim_status fsim_setting_range(const char *path, double *min, double *max,
                                        fsim_error *err);


/* Read-only facts for tools and tests. */
FSIM_API const char *fsim_scenario_source(const fsim_scenario *sc);
/* What the run is called in its outputs: run.label, by default the file's name
 * and its --set overrides ("kursk-pokrovsk, formations.dprk.personnel=0"). */
FSIM_API const char *fsim_scenario_label(const fsim_scenario *sc);
/* The overrides that change what is simulated, the file's `overrides` then --set's,
 * ", " between them ("" when none). */
FSIM_API const char *fsim_scenario_whatif(const fsim_scenario *sc);
/* The default name of a label's output directory: the label made file-system-safe
 * and short, plus "-" and a hash of the whole label where it is not already such a
 * name (a label with overrides: "kursk-pokrovsk-1f0c9a2e"). */
FSIM_API void fsim_label_dirname(const char *label, char *buf, size_t size);
FSIM_API int fsim_scenario_days(const fsim_scenario *sc);
FSIM_API int fsim_scenario_replications(const fsim_scenario *sc);
FSIM_API unsigned long long fsim_scenario_seed(const fsim_scenario *sc);
FSIM_API const char *fsim_scenario_rng(const fsim_scenario *sc);
FSIM_API const char *fsim_scenario_start_date(const fsim_scenario *sc);
FSIM_API int fsim_scenario_nsectors(const fsim_scenario *sc);
FSIM_API const char *fsim_scenario_sector_name(const fsim_scenario *sc, int i);
FSIM_API int fsim_scenario_nformations(const fsim_scenario *sc);
FSIM_API const char *fsim_scenario_formation_name(const fsim_scenario *sc, int i);
FSIM_API const char *fsim_scenario_side_name(const fsim_scenario *sc, int side);

/* Calendar helpers (proleptic Gregorian, no locale, no time zone). */
FSIM_API int fsim_date_parse(const char *text, long *epoch_day);
FSIM_API void fsim_date_format(long epoch_day, char buf[11]);

#ifdef __cplusplus
}
#endif
#endif
