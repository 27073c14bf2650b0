/* Large arrays in huge pages (core/hugemem.h): aligned, zeroed, every byte usable,
 * small ones as any other allocation, and the advice harmless to what a block
 * already holds. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hugemem.h"
#include "suites.h"

#define HUGE_PAGE ((size_t)2 << 20)

START_TEST(test_huge_alloc_aligned_zeroed) {
  const size_t sizes[] = {0, 1, 4096, HUGE_PAGE / 2 - 1, HUGE_PAGE / 2, HUGE_PAGE, HUGE_PAGE + 1,
                          3 * HUGE_PAGE + 12345};
  for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
    const size_t n = sizes[k];
    unsigned char *p = fsim_huge_alloc(n);
    ck_assert_msg(p != NULL, "%zu bytes refused", n);
    /* From half a huge page, aligned to one; below, to a line (and a small block). */
    const size_t align = n >= HUGE_PAGE / 2 ? HUGE_PAGE : 64;
    ck_assert_msg((uintptr_t)p % align == 0, "%zu bytes at %p: not aligned", n, (void *)p);
    for (size_t i = 0; i < n; i += 4093) ck_assert_int_eq(p[i], 0);
    if (n) {
      ck_assert_int_eq(p[n - 1], 0);
      memset(p, 0xa5, n); /* every byte asked for is there */
      ck_assert_int_eq(p[n - 1], 0xa5);
    }
    fsim_huge_free(p, n);
  }
  fsim_huge_free(NULL, 10); /* nothing to free: nothing happens */
}
END_TEST

START_TEST(test_prefer_huge_pages_keeps_contents) {
  const size_t n = 5 * HUGE_PAGE + 777;
  unsigned char *p = malloc(n);
  ck_assert_ptr_nonnull(p);
  for (size_t i = 0; i < n; i++) p[i] = (unsigned char)(i * 31u);
  fsim_prefer_huge_pages(p, n);
  fsim_prefer_huge_pages(p + 3, 100); /* no whole huge page inside: no advice */
  fsim_prefer_huge_pages(NULL, n);
  for (size_t i = 0; i < n; i++)
    if (p[i] != (unsigned char)(i * 31u)) ck_abort_msg("byte %zu changed", i);
  free(p);
}
END_TEST

Suite *hugemem_suite(void) {
  Suite *s = suite_create("hugemem");
  TCase *tc = tcase_create("hugemem");
  tcase_add_test(tc, test_huge_alloc_aligned_zeroed);
  tcase_add_test(tc, test_prefer_huge_pages_keeps_contents);
  suite_add_tcase(s, tc);
  return s;
}
