/* The library's version at run time and its GSL error policy (library.h). */
#include "library.h"

#include <gsl/gsl_errno.h>
#include <pthread.h>
#include <stdlib.h>

#include "frontsim/error.h"
#include "frontsim/version.h"

const char *fsim_version(void) { return FRONTSIM_VERSION; }

void fsim_free(void *p) { free(p); }

/* GSL keeps one process-wide handler; NULL means its default, which prints and
 * aborts. The library checks every GSL return value itself, so it needs no handler:
 * it installs GSL's "off" handler only where the host left the default in place.
 * Done once, so a host that installs its own handler later keeps it. */
static void policy_once(void) {
  gsl_error_handler_t *previous = gsl_set_error_handler_off();
  if (previous != NULL) gsl_set_error_handler(previous);
}

void fsim_gsl_policy_apply(void) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, policy_once);
}
