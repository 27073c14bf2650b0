/* libFuzzer harness for the scenario loader. The input is scenario text. Oracle:
 * no crash, leak or sanitizer report, and any scenario that loads must write an
 * effective scenario that loads back and writes the same text again (the round trip
 * `frontsim check` promises). @include is confined to a directory that does not
 * exist, so the fuzzer cannot read files of the machine. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frontsim/frontsim.h"
#include "fuzz_text.h"

#define NO_INCLUDES "/nonexistent-frontsim-fuzz"

static char *written(const fsim_scenario *sc) {
  char *buf = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&buf, &len);
  if (!mem) abort();
  fsim_error err;
  if (fsim_scenario_write(sc, mem, NULL, &err) != FSIM_OK) abort();
  fclose(mem);
  return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > 1 << 16) return 0;
  char *text = fuzz_text(data, size);
  if (!text) return 0;
  fsim_scenario *sc = NULL;
  fsim_error err;
  if (fsim_scenario_load_string(text, "fuzz.cfg", NO_INCLUDES, NULL, &sc, &err) == FSIM_OK) {
    char *once = written(sc);
    fsim_scenario *again = NULL;
    if (fsim_scenario_load_string(once, "written.cfg", NO_INCLUDES, NULL, &again, &err) != FSIM_OK) {
      fprintf(stderr, "round trip: the written scenario does not load: %s: %s\n%s\n", err.path,
              err.message, once);
      abort();
    }
    char *twice = written(again);
    if (strcmp(once, twice) != 0) {
      fprintf(stderr, "round trip: written twice differs\n--- once\n%s\n--- twice\n%s\n", once, twice);
      abort();
    }
    free(twice);
    free(once);
    fsim_scenario_free(again);
    fsim_scenario_free(sc);
  } else if (err.status != FSIM_E_INPUT && err.status != FSIM_E_NOMEM) {
    fprintf(stderr, "unexpected status %d: %s\n", err.status, err.message);
    abort();
  }
  free(text);
  return 0;
}
