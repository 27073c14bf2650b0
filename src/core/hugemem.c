/* Large arrays in huge pages where the system offers them (hugemem.h). */
#define _DEFAULT_SOURCE /* madvise's MADV_HUGEPAGE, MAP_ANONYMOUS */
#include "hugemem.h"

#include <stdint.h>
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

void *fsim_huge_alloc(size_t bytes) {
  void *p = mmap(NULL, bytes ? bytes : 1, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) return NULL;
#ifdef MADV_HUGEPAGE
  (void)madvise(p, bytes ? bytes : 1, MADV_HUGEPAGE);
#endif
  return p;
}

void fsim_huge_free(void *p, size_t bytes) {
  if (p) (void)munmap(p, bytes ? bytes : 1);
}
