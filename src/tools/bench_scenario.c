/* The benchmark's generated scenarios (bench_scenario.h). Every sector has the same
 * tempo, forces and rules, so a replication's cost should grow with sectors x days
 * and nothing else. */
#include "bench_scenario.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct text {
  char *s;
  size_t n, cap;
  int failed;
} text;

static void add(text *t, const char *fmt, ...) {
  if (t->failed) return;
  for (;;) {
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(t->s + t->n, t->cap - t->n, fmt, ap);
    va_end(ap);
    if (k < 0) {
      t->failed = 1;
      return;
    }
    if ((size_t)k < t->cap - t->n) {
      t->n += (size_t)k;
      return;
    }
    size_t cap = 2 * t->cap + (size_t)k + 1;
    char *s = realloc(t->s, cap);
    if (!s) {
      t->failed = 1;
      return;
    }
    t->s = s;
    t->cap = cap;
  }
}

char *fsim_bench_scenario_text(int nsectors, int per_side, int replacements, int days) {
  text t = {malloc(4096), 0, 4096, 0};
  if (!t.s) return NULL;
  t.s[0] = '\0';
  add(&t, "version = 1;\nrun = { start_date = \"2025-01-05\"; days = %d; seed = 7; };\n", days);
  add(&t, "sectors = (\n");
  for (int s = 0; s < nsectors; s++)
    add(&t,
        "  { name = \"s%d\"; width_km = 30; attacker = \"%s\"; engagement_rate = 40;"
        " counter_share = 0.2; step_km = 0.005; step_shape = 0.5;"
        " attrition = { blue = 0.003; red = 0.003; }; }%s\n",
        s, s % 2 ? "blue" : "red", s + 1 < nsectors ? "," : "");
  add(&t, ");\nformations = (\n");
  for (int s = 0; s < nsectors; s++) {
    add(&t, "  { name = \"b%d\"; side = \"blue\"; personnel = 20000; location = \"s%d\"; },\n", s, s);
    if (per_side > 1)
      add(&t, "  { name = \"bq%d\"; side = \"blue\"; personnel = 5000; quality = 0.7; location = \"s%d\"; },\n",
          s, s);
    add(&t, "  { name = \"r%d\"; side = \"red\"; personnel = 25000; location = \"s%d\"; }", s, s);
    if (per_side > 1)
      add(&t, ",\n  { name = \"rq%d\"; side = \"red\"; personnel = 6000; quality = 0.5; location = \"s%d\"; }",
          s, s);
    add(&t, "%s\n", s + 1 < nsectors ? "," : "");
  }
  add(&t, ");\nsides = {\n");
  static const char *const key[2] = {"blue", "red"};
  for (int i = 0; i < 2; i++) {
    /* The same flow per sector at every size: 150 a day each, or a reserve of 15,000
       per sector to reinforce from. */
    add(&t, "  %s = { name = \"%s\"; reserve = %d; replacements_per_day = %d; rules = (\n",
        key[i], key[i], replacements ? 1000 * nsectors : 15000 * nsectors,
        replacements ? 150 * nsectors : 0);
    for (int s = 0; s < nsectors; s++) {
      if (replacements)
        add(&t, "    { type = \"replacements\"; to = \"s%d\"; share = %.17g; delay = 3; },\n", s,
            1.0 / nsectors);
      add(&t,
          "    { type = \"reinforce\"; sector = \"s%d\"; threshold = %s; daily_cap = 200;"
          " donors = [\"reserve\"]; delay = 2; }%s\n",
          s, i == 0 ? "0.9" : "1.2", s + 1 < nsectors ? "," : "");
    }
    add(&t, "  ); };\n");
  }
  add(&t, "};\n");
  if (t.failed) {
    free(t.s);
    return NULL;
  }
  return t.s;
}
