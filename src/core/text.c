/* Small text helpers: names, number formatting and the like, shared by the loader,
 * the writers and the command line. */
#include "text.h"

#include <ctype.h>
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numfmt.h"

int fsim_text_distance(const char *a, const char *b) {
  enum { MAXLEN = 63 };
  size_t n = strlen(a), m = strlen(b);
  if (n > MAXLEN || m > MAXLEN) return 255;
  int d[MAXLEN + 1][MAXLEN + 1];
  for (size_t i = 0; i <= n; i++) d[i][0] = (int)i;
  for (size_t j = 0; j <= m; j++) d[0][j] = (int)j;
  for (size_t i = 1; i <= n; i++) {
    for (size_t j = 1; j <= m; j++) {
      int cost = tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1]) ? 0 : 1;
      int best = d[i - 1][j] + 1;
      if (d[i][j - 1] + 1 < best) best = d[i][j - 1] + 1;
      if (d[i - 1][j - 1] + cost < best) best = d[i - 1][j - 1] + cost;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
          d[i - 2][j - 2] + 1 < best)
        best = d[i - 2][j - 2] + 1;
      d[i][j] = best;
    }
  }
  return d[n][m] > 255 ? 255 : d[n][m];
}

void fsim_nearest_init(fsim_nearest *n, const char *text) {
  n->text = text;
  n->best = NULL;
  n->distance = 1000;
}

void fsim_nearest_offer(fsim_nearest *n, const char *candidate) {
  int d = fsim_text_distance(n->text, candidate);
  if (d < n->distance) {
    n->distance = d;
    n->best = candidate;
  }
}

const char *fsim_nearest_result(const fsim_nearest *n) {
  size_t len = strlen(n->text);
  int allowed = len <= 4 ? 1 : len <= 8 ? 2 : 3;
  return n->distance <= allowed ? n->best : NULL;
}

int fsim_text_is_identifier(const char *s, size_t max) {
  size_t n = strlen(s);
  if (n == 0 || n >= max) return 0;
  for (const char *p = s; *p; p++)
    if (!(isalnum((unsigned char)*p) || *p == '_' || *p == '-')) return 0;
  return 1;
}

int fsim_text_is_dotted_name(const char *s, size_t max) {
  size_t n = strlen(s);
  if (n == 0 || n >= max || s[0] == '.' || s[n - 1] == '.' || strstr(s, "..")) return 0;
  for (const char *p = s; *p; p++)
    if (!(isalnum((unsigned char)*p) || *p == '_' || *p == '-' || *p == '.')) return 0;
  return 1;
}

void fsim_text_float(double x, char *buf, size_t size) {
  /* From 6 digits, as fsim_text_double: 18000, not 1.8e+04; 9 always read back. */
  fsim_numfmt_float(x, buf, size);
}

void fsim_text_double(double x, int force_point, char *buf, size_t size) {
  if (isnan(x)) {
    snprintf(buf, size, "nan");
    return;
  }
  if (isinf(x)) {
    snprintf(buf, size, x > 0 ? "inf" : "-inf");
    return;
  }
  fsim_numfmt_double(x, buf, size);
  if (force_point && !strpbrk(buf, ".eE")) {
    size_t len = strlen(buf);
    if (len + 2 < size) memcpy(buf + len, ".0", 3);
  }
}

const char *fsim_text_one_line(const char *value, char *buf, size_t size) {
  size_t n = 0;
  if (size == 0) return buf;
  for (const unsigned char *p = (const unsigned char *)value; *p; p++) {
    char e[5];
    if (*p == '\\')
      memcpy(e, "\\\\", 3);
    else if (*p == '\n')
      memcpy(e, "\\n", 3);
    else if (*p == '\r')
      memcpy(e, "\\r", 3);
    else if (*p < 0x20 || *p == 0x7f)
      snprintf(e, sizeof e, "\\x%02x", *p);
    else
      e[0] = (char)*p, e[1] = '\0';
    size_t len = strlen(e);
    if (n + len >= size) break; /* never half an escape */
    memcpy(buf + n, e, len);
    n += len;
  }
  buf[n] = '\0';
  return buf;
}

void fsim_text_unescape_line(char *s) {
  char *out = s;
  for (const char *p = s; *p; p++) {
    unsigned int hex;
    if (p[0] != '\\' || !p[1]) {
      *out++ = *p;
    } else if (p[1] == 'n' || p[1] == 'r' || p[1] == '\\') {
      *out++ = p[1] == 'n' ? '\n' : p[1] == 'r' ? '\r' : '\\';
      p++;
    } else if (p[1] == 'x' && isxdigit((unsigned char)p[2]) && isxdigit((unsigned char)p[3]) &&
               sscanf(p + 2, "%2x", &hex) == 1) {
      *out++ = (char)hex;
      p += 3;
    } else {
      *out++ = *p;
    }
  }
  *out = '\0';
}

void fsim_text_buf_printf(fsim_text_buf *b, const char *fmt, ...) {
  if (b->failed) return;
  for (;;) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->s ? b->s + b->len : NULL, b->s ? b->cap - b->len : 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
      b->failed = 1;
      return;
    }
    if (b->s && b->len + (size_t)n < b->cap) {
      b->len += (size_t)n;
      return;
    }
    size_t cap = b->cap ? b->cap * 2 : 1024;
    while (cap < b->len + (size_t)n + 1) cap *= 2;
    char *g = realloc(b->s, cap);
    if (!g) {
      b->failed = 1;
      return;
    }
    b->s = g;
    b->cap = cap;
  }
}

double fsim_csv_number(const char *line, int col) {
  const char *p = line;
  for (int i = 0; i < col && p; i++) {
    p = strchr(p, ',');
    if (p) p++;
  }
  if (!p || *p == ',' || *p == '\0' || *p == '\n' || *p == '\r') return NAN;
  return strtod(p, NULL);
}
