/* A host that uses GSL itself and loads frontsim (tests/install/install.sh).
 * "default": the host leaves GSL's aborting default handler in place; after the
 * library has been used, a GSL error must no longer abort.
 * "own": the host installed its own handler first; the library must leave it. */
#include <frontsim/frontsim.h>
#include <gsl/gsl_errno.h>
#include <stdio.h>
#include <string.h>

static int host_calls;
static void host_handler(const char *reason, const char *file, int line, int gsl_errno) {
  (void)reason, (void)file, (void)line, (void)gsl_errno;
  host_calls++;
}

int main(int argc, char **argv) {
  if (argc != 3) return 2;
  const int own = strcmp(argv[2], "own") == 0;
  if (own) gsl_set_error_handler(host_handler);
  fsim_error err;
  fsim_error_clear(&err);
  fsim_scenario *sc = NULL;
  if (fsim_scenario_load(argv[1], NULL, &sc, &err) != FSIM_OK) return 2;
  fsim_scenario_free(sc);
  /* What a GSL routine does on a domain error; the default handler aborts here. */
  gsl_error("a domain error raised on purpose", __FILE__, __LINE__, GSL_EDOM);
  if (own && host_calls != 1) {
    fprintf(stderr, "gsl_host: the host's own handler was replaced\n");
    return 1;
  }
  printf("gsl_host %s: ok\n", own ? "own" : "default");
  return 0;
}
