/* Random streams: replication r of design point p under master seed M draws from
 * one generator per (stream), seeded from a splitmix64 hash of (M, p, r, stream),
 * so results do not depend on threads or on the order replications run in, and
 * two scenarios with the same seed share random numbers per replication and
 * stream (common random numbers). Stream k < nsectors belongs to sector k; the
 * last stream serves the policies and the reports. */
#ifndef FRONTSIM_RNG_H
#define FRONTSIM_RNG_H

#include <gsl/gsl_rng.h>
#include <stdint.h>

/* splitmix64 (Steele, Lea, Flood 2014): a bijective 64-bit mixer; consecutive
 * inputs give statistically independent outputs, which is what seeding needs.
 * Inline: the day loop reseeds every stream each day, and the samplers draw
 * through it. */
static inline uint64_t fsim_splitmix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

/* The state of a splitmix64 stream: a counter. */
typedef struct fsim_splitmix_state {
  uint64_t x;
} fsim_splitmix_state;

/* Seeding stores splitmix64(seed): neighbouring seeds start far apart. */
static inline void fsim_splitmix_seed(fsim_splitmix_state *st, uint64_t seed) {
  st->x = fsim_splitmix64(seed);
}

/* "splitmix64" as a GSL generator: a counter-based generator (Steele, Lea and Flood,
 * "Fast splittable pseudorandom number generators", OOPSLA 2014; passes TestU01's
 * BigCrush) whose state is one 64-bit word, so seeding is a single store. That makes
 * a fresh stream per (replication, sector, day) free, which keeps common random
 * numbers in step day by day (MODEL.md 11). */
extern const gsl_rng_type *fsim_rng_splitmix64;
/* The generator called `name`: splitmix64 or any of GSL's; NULL if none. */
const gsl_rng_type *fsim_rng_type_find(const char *name);
/* A uniform on [0, 1) from r, as gsl_rng_uniform(r) gives it, but without the call
 * through the generator's function pointer when r is splitmix64 (the samplers'
 * every draw takes one or two). */
static inline double fsim_uniform(const gsl_rng *r) {
  if (r->type == fsim_rng_splitmix64) {
    fsim_splitmix_state *st = (fsim_splitmix_state *)r->state;
    return (double)(fsim_splitmix64(st->x++) >> 11) * 0x1.0p-53;
  }
  return gsl_rng_uniform(r);
}

/* Seeds r with `seed`, as gsl_rng_set(r, seed) does, without the call through the
 * generator's function pointer when r is splitmix64 (every stream is reseeded daily). */
static inline void fsim_rng_seed(gsl_rng *r, uint64_t seed) {
  if (r->type == fsim_rng_splitmix64)
    fsim_splitmix_seed(r->state, seed);
  else
    gsl_rng_set(r, (unsigned long)seed);
}

/* The key of replication r of point p (recorded in replications.csv). */
uint64_t fsim_rep_key(uint64_t master, uint64_t point, uint64_t rep);
/* The seed of one stream of a replication, given its key. */
static inline uint64_t fsim_stream_seed(uint64_t rep_key, uint64_t stream) {
  return fsim_splitmix64(rep_key ^ ((stream + 1) * 0x8cb92ba72f3d8dd7ULL));
}

#endif
