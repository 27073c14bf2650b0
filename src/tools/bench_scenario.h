/* Scenarios the benchmark generates in memory: N alike sectors, so that the cost per
 * sector-day can be compared across sizes (docs/PERFORMANCE.md). */
#ifndef FRONTSIM_BENCH_SCENARIO_H
#define FRONTSIM_BENCH_SCENARIO_H

/* The text of a scenario of `nsectors` sectors, `per_side` formations (1 or 2) of each
 * side in each;
 * with `replacements`, each side's replacements are shared out over every sector,
 * without, the sides draw only on a reserve (and can run out, so the engine checks
 * every day). The caller frees it; NULL when out of memory. */
char *fsim_bench_scenario_text(int nsectors, int per_side, int replacements, int days);

#endif
