/* libFuzzer harness for --param specs and the sweep's reading of a scenario: each
 * input line is a --param spec ("@" first: a --set assignment instead), and the
 * sweep is prepared (the design expanded, every point loaded) from a small scenario
 * with a sweep section. Oracle: no crash, leak or sanitizer report; only "bad input"
 * errors; a spec that fsim_overrides_add_param takes must be taken by the loader
 * too (one reader). A design of more than 4096 points, which is legitimate but
 * takes long to load point by point, is not prepared, so that it is not taken for
 * a hang (nor is a --set of sweep.points). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "frontsim/frontsim.h"
#include "fuzz_text.h"

static const char base[] =
    "run = { days = 10; };\n"
    "sectors = ( { name = \"a\"; width_km = 10; attacker = \"red\"; engagement_rate = 5;\n"
    "  attrition = { blue = 0.01; red = 0.01; }; } );\n"
    "formations = ( { name = \"b\"; side = \"blue\"; personnel = 100; location = \"a\"; },\n"
    "  { name = \"r\"; side = \"red\"; personnel = 200; location = \"a\"; } );\n"
    "sides = { blue = { name = \"B\"; }; red = { name = \"R\"; }; };\n"
    "sweep = { method = \"grid\"; replications = 2;\n"
    "  parameters = ( { path = \"run.days\"; from = 5.0; to = 9.0; steps = 3; } ); };\n";

static char path[64];

/* The number of values a spec gives, roughly (values, or steps; 2 for a range). */
static double spec_count(const char *spec) {
  const char *eq = strchr(spec, '=');
  if (!eq) return 1;
  if (!strchr(eq, ':')) {
    double n = 1;
    for (const char *p = eq; *p; p++) n += *p == ',';
    return n;
  }
  const char *second = strchr(strchr(eq, ':') + 1, ':');
  return second ? strtod(second + 1, NULL) : 2;
}

static void remove_base(void) { remove(path); }

static void write_base(void) {
  snprintf(path, sizeof path, "/tmp/fsim-fuzz-param-%ld.cfg", (long)getpid());
  FILE *f = fopen(path, "w");
  if (!f || fputs(base, f) < 0 || fclose(f) != 0) abort();
  atexit(remove_base);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > 1 << 12) return 0;
  if (!path[0]) write_base();
  char *text = fuzz_text(data, size);
  if (!text) return 0;
  fsim_overrides *ov = fsim_overrides_new();
  fsim_error err;
  int ok = 1;
  double points = 1;
  for (char *save = NULL, *line = strtok_r(text, "\n", &save); line && ok;
       line = strtok_r(NULL, "\n", &save)) {
    fsim_status st = line[0] == '@' ? fsim_overrides_add(ov, line + 1, &err)
                                    : fsim_overrides_add_param(ov, line, &err);
    if (st != FSIM_OK && st != FSIM_E_INPUT) {
      fprintf(stderr, "unexpected status %d: %s\n", st, err.message);
      abort();
    }
    ok = st == FSIM_OK;
    if (line[0] == '@' && strstr(line, "points")) ok = 0;
    if (line[0] != '@') points *= spec_count(line);
  }
  if (ok && points <= 4096) {
    fsim_sweep *sw = NULL;
    fsim_status st = fsim_sweep_prepare(path, ov, &sw, &err);
    if (st != FSIM_OK && st != FSIM_E_INPUT) {
      fprintf(stderr, "unexpected status %d: %s\n", st, err.message);
      abort();
    }
    /* A spec taken when given is never refused as a spec when the sweep reads it: the
       spec parser's refusals read "\"path=...\": why". What only the scenario can
       tell (a path naming no setting, a level's value wrong for its setting) is
       another matter. */
    const char *close = err.message[0] == '"' ? strchr(err.message + 1, '"') : NULL;
    const int as_spec = close && memchr(err.message + 1, '=', (size_t)(close - err.message - 1));
    if (st == FSIM_E_INPUT && strcmp(err.file, "--param") == 0 && as_spec) {
      fprintf(stderr, "a spec taken, then refused: %s: %s\n", err.path, err.message);
      abort();
    }
    if (st == FSIM_OK && fsim_sweep_points(sw) < 1) abort();
    fsim_sweep_free(sw);
  }
  fsim_overrides_free(ov);
  free(text);
  return 0;
}
