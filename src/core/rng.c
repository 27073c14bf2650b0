/* The seeding hash of replications (MODEL.md 11) and splitmix64 as a GSL generator
 * type, so any GSL generator or this one can serve the model's streams. */
#include "rng.h"

#include <string.h>

uint64_t fsim_rep_key(uint64_t master, uint64_t point, uint64_t rep) {
  uint64_t h = fsim_splitmix64(master);
  h = fsim_splitmix64(h ^ (point * 0xd1b54a32d192ed03ULL));
  return fsim_splitmix64(h ^ (rep * 0xabc98388fb8fac03ULL));
}

static uint64_t splitmix_next(fsim_splitmix_state *st) { return fsim_splitmix64(st->x++); }

static unsigned long splitmix_get(void *vstate) {
  return (unsigned long)(splitmix_next(vstate) >> 32);
}

static double splitmix_get_double(void *vstate) {
  /* 53 random bits; never 1.0 (GSL's uniform is on [0, 1)). */
  return (double)(splitmix_next(vstate) >> 11) * 0x1.0p-53;
}

static void splitmix_set(void *vstate, unsigned long seed) {
  fsim_splitmix_seed(vstate, (uint64_t)seed);
}

static const gsl_rng_type splitmix_type = {"splitmix64", 0xffffffffUL, 0, sizeof(fsim_splitmix_state),
                                           &splitmix_set, &splitmix_get, &splitmix_get_double};
const gsl_rng_type *fsim_rng_splitmix64 = &splitmix_type;

const gsl_rng_type *fsim_rng_type_find(const char *name) {
  if (strcmp(name, splitmix_type.name) == 0) return &splitmix_type;
  for (const gsl_rng_type **t = gsl_rng_types_setup(); *t; t++)
    if (strcmp((*t)->name, name) == 0) return *t;
  return NULL;
}
