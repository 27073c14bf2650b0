/* Large arrays in huge pages where the system offers them (hugemem.h). */
#define _DEFAULT_SOURCE /* madvise's MADV_HUGEPAGE, MAP_ANONYMOUS */
#include "hugemem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define HUGE_PAGE ((uintptr_t)2 << 20)

void fsim_prefer_huge_pages(void *p, size_t bytes) {
#ifdef MADV_HUGEPAGE
  const uintptr_t a = ((uintptr_t)p + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
  const uintptr_t b = ((uintptr_t)p + bytes) & ~(HUGE_PAGE - 1);
  if (p && b > a) (void)madvise((void *)a, b - a, MADV_HUGEPAGE);
#else
  (void)p, (void)bytes;
#endif
}

/* Below half a huge page an array is allocated as any other: a huge page would clear
 * and hold 2 MB for it (a small run's series, kept by the thousand, would hold GBs). */
#define SMALL (HUGE_PAGE / 2)

/* The length mapped for `bytes`: whole huge pages. */
static size_t mapped(size_t bytes) {
  return (bytes + HUGE_PAGE - 1) & ~(size_t)(HUGE_PAGE - 1);
}

void *fsim_huge_alloc(size_t bytes) {
  if (bytes < SMALL) {
    void *q = NULL;
    if (posix_memalign(&q, 64, bytes ? bytes : 64) != 0) return NULL;
    memset(q, 0, bytes);
    return q;
  }
  /* Aligned to a huge page: an unaligned head and tail would be small pages (up to
   * 512 faults each). Mapped one huge page longer, then the ends unmapped. */
  const size_t len = mapped(bytes);
  unsigned char *p = mmap(NULL, len + HUGE_PAGE, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) return NULL;
  unsigned char *a = (unsigned char *)(((uintptr_t)p + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1));
  if (a > p) (void)munmap(p, (size_t)(a - p));
  if (p + len + HUGE_PAGE > a + len) (void)munmap(a + len, (size_t)(p + len + HUGE_PAGE - (a + len)));
#ifdef MADV_HUGEPAGE
  (void)madvise(a, len, MADV_HUGEPAGE);
#endif
  return a;
}

void fsim_huge_free(void *p, size_t bytes) {
  if (p && bytes < SMALL)
    free(p);
  else if (p)
    (void)munmap(p, mapped(bytes));
}
