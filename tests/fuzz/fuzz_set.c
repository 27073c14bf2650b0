/* libFuzzer harness for --set parsing: each input line is an assignment applied to a
 * small valid scenario. Oracle: no crash, leak or sanitizer report, and only "bad
 * input" errors (a wrong path or value is the user's to fix, never a failure). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frontsim/frontsim.h"
#include "fuzz_text.h"

static const char base[] =
    "run = { days = 10; };\n"
    "sectors = ( { name = \"a\"; width_km = 10; attacker = \"red\"; engagement_rate = 5;\n"
    "  attrition = { blue = 0.01; red = 0.01; };\n"
    "  supply = { side = \"blue\"; distance_km = 2; }; } );\n"
    "formations = ( { name = \"b\"; side = \"blue\"; personnel = 100; location = \"a\"; },\n"
    "  { name = \"r\"; side = \"red\"; personnel = 200; location = \"a\"; } );\n"
    "sides = { blue = { name = \"B\"; }; red = { name = \"R\";\n"
    "  rules = ( { type = \"reinforce\"; sector = \"a\"; donors = [\"reserve\"]; } ); }; };\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > 1 << 14) return 0;
  char *text = fuzz_text(data, size);
  if (!text) return 0;
  fsim_overrides *ov = fsim_overrides_new();
  fsim_error err;
  int ok = 1;
  for (char *save = NULL, *line = strtok_r(text, "\n", &save); line && ok;
       line = strtok_r(NULL, "\n", &save)) {
    fsim_status st = line[0] == '@' ? fsim_overrides_add_param(ov, line + 1, &err)
                                    : fsim_overrides_add(ov, line, &err);
    ok = st == FSIM_OK;
  }
  if (ok) {
    fsim_scenario *sc = NULL;
    fsim_status st = fsim_scenario_load_string(base, "base.cfg", "/nonexistent-frontsim-fuzz",
                                               ov, &sc, &err);
    if (st != FSIM_OK && st != FSIM_E_INPUT) {
      fprintf(stderr, "unexpected status %d: %s\n", st, err.message);
      abort();
    }
    fsim_scenario_free(sc);
  }
  fsim_overrides_free(ov);
  free(text);
  return 0;
}
