/* The lexer of config_lex.h: one pass over a libconfig text, noting where it
 * breaks the grammar in ways libconfig reports badly, the integers libconfig would
 * read wrapped, and the files it includes. */
#include "config_lex.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define LEX_DEPTH 64

/* The kind of the token before, for the strings' places. */
enum { TK_NONE, TK_NAME, TK_VALUE, TK_STRING, TK_ASSIGN, TK_OPEN_GROUP, TK_OPEN_LIST, TK_COMMA,
       TK_INCLUDE, TK_OTHER };

fsim_status fsim_lex_refuse_beyond64(fsim_error *err, const char *file, int line,
                                     const char *path, const char *text) {
  return fsim_error_set(err, FSIM_E_INPUT, file, line, path,
                        "%.40s is out of range for any integer (%lld to %lld)", text, LLONG_MIN,
                        LLONG_MAX);
}

static void note_wide(fsim_lex_facts *f, int line, const char *start, const char *end,
                      long long wrapped, int beyond64) {
  if (f->nwide >= FSIM_LEX_WIDE) return;
  fsim_lex_wide *w = &f->wide[f->nwide++];
  w->line = line;
  w->wrapped = wrapped;
  w->suffixed = *end == 'L';
  w->beyond64 = beyond64;
  snprintf(w->text, sizeof w->text, "%.*s", (int)(end - start), start);
}

static const char *skip_number(const char *p, int line, fsim_lex_facts *f) {
  const char *start = p;
  if (*p == '-' || *p == '+') p++;
  if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
    /* libconfig reads hex as a 32-bit pattern (0xFFFFFFFF is -1), through strtoul. */
    p += 2;
    while (isxdigit((unsigned char)*p)) p++;
    if (*p != 'L') {
      errno = 0;
      unsigned long long v = strtoull(start, NULL, 16);
      int beyond64 = errno == ERANGE;
      if (beyond64 || v > 0xFFFFFFFFull)
        note_wide(f, line, start, p, (int)strtoul(start, NULL, 16), beyond64);
    }
  } else {
    while (isdigit((unsigned char)*p)) p++;
    if (*p == '.' || *p == 'e' || *p == 'E') { /* a float */
      while (isdigit((unsigned char)*p) || *p == '.') p++;
      if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '-' || *p == '+') p++;
        while (isdigit((unsigned char)*p)) p++;
      }
      return p;
    }
    errno = 0;
    long long v = strtoll(start, NULL, 10);
    int beyond64 = errno == ERANGE;
    if (*p != 'L') {
      if (beyond64 || v > INT_MAX || v < INT_MIN) /* wrapped as glibc's atoi, as libconfig: */
        note_wide(f, line, start, p, (int)strtol(start, NULL, 10), beyond64);
    } else if (beyond64) {
      /* With L libconfig reads through strtoll, which clamps without a word. */
      note_wide(f, line, start, p, v, 1);
    }
  }
  while (*p == 'L') p++;
  return p;
}

/* The scan, starting as if the token `prev` came before the text. */
static void scan(const char *text, int prev, fsim_lex_facts *f) {
  memset(f, 0, sizeof *f);
  char open[LEX_DEPTH];
  int open_at[LEX_DEPTH];
  int depth = 0, line = 1, after_closer = 0, after_include = 0;
  const char *p = text;
  while (*p) {
    char ch = *p;
    if (ch == '\n') {
      line++;
      p++;
      continue;
    }
    if (isspace((unsigned char)ch)) {
      p++;
      continue;
    }
    if (ch == '#' || (ch == '/' && p[1] == '/')) {
      while (*p && *p != '\n') p++;
      continue;
    }
    if (ch == '/' && p[1] == '*') {
      for (p += 2; *p && !(p[0] == '*' && p[1] == '/'); p++)
        if (*p == '\n') line++;
      if (*p) p += 2;
      continue;
    }
    f->last_line = line;
    int closer_before = after_closer, include_before = after_include, before = prev;
    after_closer = after_include = 0;
    prev = TK_OTHER;
    if (ch == '"') {
      /* A string may follow only '=', ':', '(', '[', another string, @include,
       * or a ',' between the values of a list; anywhere else libconfig fails on
       * it, and leaks it. */
      int in_list = depth > 0 && depth <= LEX_DEPTH && open[depth - 1] != '{';
      if (before != TK_ASSIGN && before != TK_OPEN_LIST && !(before == TK_COMMA && in_list) &&
          before != TK_STRING && before != TK_INCLUDE && !f->stray_line) {
        f->stray_line = line;
        f->stray_after_name = before == TK_NAME;
      }
      prev = TK_STRING;
      int start = line;
      const char *body = p + 1;
      for (p++; *p && *p != '"'; p++) {
        if (*p == '\\' && p[1]) p++;
        if (*p == '\n') line++;
      }
      if ((line != start || !*p) && !f->string_line) f->string_line = start;
      if (include_before && *p && f->nincludes < FSIM_LEX_INCLUDES) {
        f->include_lines[f->nincludes] = start;
        f->include_name[f->nincludes] = body;
        f->include_len[f->nincludes++] = (int)(p - body);
      }
      if (*p) p++;
      f->last_line = line;
    } else if (ch == '@' && strncmp(p, "@include", 8) == 0) {
      after_include = 1;
      prev = TK_INCLUDE;
      p += 8;
    } else if (ch == '=' || ch == ':' || ch == ',') {
      prev = ch == ',' ? TK_COMMA : TK_ASSIGN;
      p++;
    } else if (ch == '{' || ch == '(' || ch == '[') {
      if (closer_before && ch != '[' && !f->comma_line) f->comma_line = line;
      prev = ch == '{' ? TK_OPEN_GROUP : TK_OPEN_LIST;
      if (depth < LEX_DEPTH) {
        open[depth] = ch;
        open_at[depth] = line;
      }
      depth++;
      p++;
    } else if (ch == '}' || ch == ')' || ch == ']') {
      char want = 0;
      if (depth > 0 && --depth < LEX_DEPTH)
        want = open[depth] == '{' ? '}' : open[depth] == '(' ? ')' : ']';
      if (want != ch && !f->mismatch_line) {
        f->mismatch_line = line;
        f->mismatch_close = ch;
        f->mismatch_open = want ? open[depth] : 0;
        f->mismatch_open_line = want ? open_at[depth] : 0;
      }
      after_closer = ch != ']';
      p++;
    } else if (isalpha((unsigned char)ch) || ch == '*') {
      const char *word = p;
      while (isalnum((unsigned char)*p) || *p == '-' || *p == '_' || *p == '*') p++;
      size_t n = (size_t)(p - word);
      prev = (n == 4 && strncasecmp(word, "true", 4) == 0) ||
                     (n == 5 && strncasecmp(word, "false", 5) == 0)
                 ? TK_VALUE
                 : TK_NAME;
    } else if (isdigit((unsigned char)ch) ||
               ((ch == '-' || ch == '+' || ch == '.') && isdigit((unsigned char)p[1]))) {
      p = skip_number(p, line, f);
      prev = TK_VALUE;
    } else {
      p++;
    }
  }
  if (depth > 0 && depth <= LEX_DEPTH) {
    f->open_line = open_at[depth - 1];
    f->open_char = open[depth - 1];
  }
}

void fsim_lex_scan(const char *text, fsim_lex_facts *f) { scan(text, TK_NONE, f); }

int fsim_lex_strings_in_place(const char *value) {
  fsim_lex_facts f;
  scan(value, TK_ASSIGN, &f); /* a value stands after '=' */
  return f.stray_line == 0;
}
