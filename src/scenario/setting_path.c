/* Setting paths split once, by one grammar (setting_path.h). */
#include "setting_path.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

int fsim_setting_path_split(fsim_setting_path *p, const char *text) {
  p->n = 0;
  if (snprintf(p->buf, sizeof p->buf, "%s", text) >= (int)sizeof p->buf)
    return FSIM_PATH_TOO_LONG;
  /* Every key must be there: an empty one would put a value elsewhere than written. */
  for (char *s = p->buf;;) {
    char *dot = strchr(s, '.');
    if (dot) *dot = '\0';
    if (!*s) return FSIM_PATH_EMPTY_KEY;
    if (p->n == FSIM_PATH_SEGMENTS_MAX) return FSIM_PATH_TOO_LONG;
    p->seg[p->n++] = s;
    if (!dot) return FSIM_PATH_OK;
    s = dot + 1;
  }
}

int fsim_setting_path_index(const char *seg) {
  size_t n = strlen(seg);
  if (n < 3 || seg[0] != '[' || seg[n - 1] != ']') return -1;
  long v = 0;
  for (size_t i = 1; i + 1 < n; i++) {
    if (!isdigit((unsigned char)seg[i])) return -1;
    if (v <= 1000000) v = v * 10 + (seg[i] - '0');
  }
  return v > 1000000 ? INT_MAX : (int)v;
}
