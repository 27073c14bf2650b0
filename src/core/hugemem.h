/* Large arrays in huge pages where the system offers them. On the virtual machines
 * this runs on, the first touch of a small (4 kB) page costs some 20 us: 5 ms a
 * megabyte, more than writing it many times over; a huge page (2 MB) is one fault. */
#ifndef FRONTSIM_HUGEMEM_H
#define FRONTSIM_HUGEMEM_H

#include <stddef.h>

/* Advises huge pages for the whole 2 MB pages inside [p, p + bytes) of an allocation
 * not yet touched there (malloc's large blocks are mappings of their own). Only
 * advice: nothing happens where the system lacks it. */
void fsim_prefer_huge_pages(void *p, size_t bytes);

/* `bytes` zeroed, 64-byte aligned; from 1 MB on, address space aligned to a huge
 * page (touched, and so paid for, only where used; rounded up to whole huge pages)
 * in huge pages where offered. NULL when refused. Freed by fsim_huge_free with the
 * same `bytes`. */
void *fsim_huge_alloc(size_t bytes);
void fsim_huge_free(void *p, size_t bytes);

#endif
