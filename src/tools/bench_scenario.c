/* The benchmark's generated scenarios (bench_scenario.h). Every sector has the same
 * tempo, forces and rules, so a replication's cost should grow with sectors x days
 * and nothing else. */
#include "bench_scenario.h"

#include <stdio.h>
#include <stdlib.h>

char *fsim_bench_scenario_text(int nsectors, int per_side, int replacements, int days) {
  char *text = NULL;
  size_t size = 0;
  FILE *t = open_memstream(&text, &size); /* POSIX 2008: a string that grows */
  if (!t) return NULL;
  fprintf(t, "version = 1;\nrun = { start_date = \"2025-01-05\"; days = %d; seed = 7; };\n", days);
  fprintf(t, "sectors = (\n");
  for (int s = 0; s < nsectors; s++)
    fprintf(t,
            "  { name = \"s%d\"; width_km = 30; attacker = \"%s\"; engagement_rate = 40;"
            " counter_share = 0.2; step_km = 0.005; step_shape = 0.5;"
            " attrition = { blue = 0.003; red = 0.003; }; }%s\n",
            s, s % 2 ? "blue" : "red", s + 1 < nsectors ? "," : "");
  fprintf(t, ");\nformations = (\n");
  for (int s = 0; s < nsectors; s++) {
    fprintf(t, "  { name = \"b%d\"; side = \"blue\"; personnel = 20000; location = \"s%d\"; },\n",
            s, s);
    if (per_side > 1)
      fprintf(t,
              "  { name = \"bq%d\"; side = \"blue\"; personnel = 5000; quality = 0.7; location = "
              "\"s%d\"; },\n",
              s, s);
    fprintf(t, "  { name = \"r%d\"; side = \"red\"; personnel = 25000; location = \"s%d\"; }", s,
            s);
    if (per_side > 1)
      fprintf(t,
              ",\n  { name = \"rq%d\"; side = \"red\"; personnel = 6000; quality = 0.5; location = "
              "\"s%d\"; }",
              s, s);
    fprintf(t, "%s\n", s + 1 < nsectors ? "," : "");
  }
  fprintf(t, ");\nsides = {\n");
  static const char *const key[2] = {"blue", "red"};
  for (int i = 0; i < 2; i++) {
    /* The same flow per sector at every size: 150 a day each, or a reserve of 15,000
       per sector to reinforce from. */
    fprintf(t, "  %s = { name = \"%s\"; reserve = %d; replacements_per_day = %d; rules = (\n",
            key[i], key[i], replacements ? 1000 * nsectors : 15000 * nsectors,
            replacements ? 150 * nsectors : 0);
    for (int s = 0; s < nsectors; s++) {
      if (replacements)
        fprintf(t, "    { type = \"replacements\"; to = \"s%d\"; share = %.17g; delay = 3; },\n", s,
                1.0 / nsectors);
      fprintf(t,
              "    { type = \"reinforce\"; sector = \"s%d\"; threshold = %s; daily_cap = 200;"
              " donors = [\"reserve\"]; delay = 2; }%s\n",
              s, i == 0 ? "0.9" : "1.2", s + 1 < nsectors ? "," : "");
    }
    fprintf(t, "  ); };\n");
  }
  fprintf(t, "};\n");
  if (ferror(t)) {
    fclose(t);
    free(text);
    return NULL;
  }
  if (fclose(t) != 0) {
    free(text);
    return NULL;
  }
  return text;
}
