/* Random streams: replication r of design point p under master seed M draws from
 * one generator per (stream), seeded from a splitmix64 hash of (M, p, r, stream),
 * so results do not depend on threads or on the order replications run in, and
 * two scenarios with the same seed share random numbers per replication and
 * stream (common random numbers). Stream k < nsectors belongs to sector k; the
 * last stream serves the policies and the reports. */
#ifndef FRONTSIM_RNG_H
#define FRONTSIM_RNG_H

#include <stdint.h>

uint64_t fsim_splitmix64(uint64_t x);
/* The key of replication r of point p (recorded in replications.csv). */
uint64_t fsim_rep_key(uint64_t master, uint64_t point, uint64_t rep);
/* The seed of one stream of a replication, given its key. */
uint64_t fsim_stream_seed(uint64_t rep_key, uint64_t stream);

#endif
