#include "rng.h"

/* splitmix64 (Steele, Lea, Flood 2014): a bijective 64-bit mixer; consecutive
 * inputs give statistically independent outputs, which is what seeding needs. */
uint64_t fsim_splitmix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

uint64_t fsim_rep_key(uint64_t master, uint64_t point, uint64_t rep) {
  uint64_t h = fsim_splitmix64(master);
  h = fsim_splitmix64(h ^ (point * 0xd1b54a32d192ed03ULL));
  return fsim_splitmix64(h ^ (rep * 0xabc98388fb8fac03ULL));
}

uint64_t fsim_stream_seed(uint64_t rep_key, uint64_t stream) {
  return fsim_splitmix64(rep_key ^ ((stream + 1) * 0x8cb92ba72f3d8dd7ULL));
}
