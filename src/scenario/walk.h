/* The loader's context and the messages it reports, shared by the walker (walk.c)
 * and the loaders of the kinds of settings it calls through the table (kinds.h).
 * Defined in walk_report.c, which depends on nothing of the loader: a loader of a
 * kind reports its problems here and never calls back into the walker. */
#ifndef FRONTSIM_WALK_H
#define FRONTSIM_WALK_H

#include <libconfig.h>
#include <stddef.h>

#include "frontsim/error.h"
#include "schema.h"

/* The loader's context, for the place and the error of a message. */
typedef struct fsim_walk {
  const char *name; /* file name for settings that carry none */
  fsim_error *err;
  int version; /* the scenario's version: a setting or name since a later one is refused */
} fsim_walk;

/* The refusal of something (a setting, a name) that the scenario's version lacks. */
fsim_status fsim_walk_too_new(fsim_walk *w, const config_setting_t *s, const char *path,
                              const char *what, int since);

/* An input error at setting s (its file and line) and path. */
fsim_status fsim_walk_fail(fsim_walk *w, const config_setting_t *s, const char *path,
                           const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* "expected <expected>, found <what s is>". */
fsim_status fsim_walk_wrong_type(fsim_walk *w, const config_setting_t *s, const char *path,
                                 const char *expected);

/* "\"a\", \"b\" or \"c\"": the names of the ENUM spec en's values, all of them, or
 * (only not NULL) those of the variants that `only` applies to. */
void fsim_walk_names_text(const fsim_spec *en, const fsim_spec *only, char *buf, size_t size);

/* Is s a number (an integer or a float), and its value. */
int fsim_walk_is_number(const config_setting_t *s);
double fsim_walk_number_of(const config_setting_t *s);

#endif
