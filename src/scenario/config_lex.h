/* The one small lexer of libconfig's grammar that frontsim keeps beside libconfig,
 * for what libconfig 1.5 does not say: it calls every grammar problem "syntax
 * error", and reads an integer literal beyond 32 bits without complaint but wrapped
 * (it uses atoi: 99999999999 becomes 1215752191, so a large seed or a head count in
 * the billions would silently change). One pass over a text collects the facts the
 * loader's diagnoses (diagnose.c) and --set (config_path.c) need. */
#ifndef FRONTSIM_CONFIG_LEX_H
#define FRONTSIM_CONFIG_LEX_H

#include "frontsim/error.h"

#define FSIM_LEX_WIDE 16
#define FSIM_LEX_INCLUDES 16

typedef struct fsim_lex_wide {
  int line;
  long long wrapped; /* what libconfig made of it: wrapped to 32 bits, or, with the
                       suffix L, clamped to the 64-bit limits */
  int suffixed;      /* written with L: libconfig read it as a 64-bit integer */
  int beyond64;      /* too large even with the suffix L */
  char text[32];
} fsim_lex_wide;

typedef struct fsim_lex_facts {
  int last_line;   /* last line holding a token (not blanks or comments) */
  int open_line;   /* innermost bracket still open at the end of the text (0: none) */
  char open_char;
  int string_line; /* first string running over a line end (0: none) */
  int comma_line;  /* first '{' or '(' right after a '}' or ')' (a missing ',') */
  int mismatch_line; /* first closing bracket that does not match the open one */
  char mismatch_close, mismatch_open;
  int mismatch_open_line; /* 0 when nothing was open */
  int nwide;
  fsim_lex_wide wide[FSIM_LEX_WIDE]; /* integer literals libconfig reads as another value */
  int stray_line;       /* first string where the grammar allows none (0: none) */
  int stray_after_name; /* ... right after a setting's name: the '=' is missing */
  int nincludes;
  /* The names after @include, as spans of the scanned text (which must outlive the
   * facts): a name is as long as its path, with no fixed limit. */
  const char *include_name[FSIM_LEX_INCLUDES];
  int include_len[FSIM_LEX_INCLUDES];
  int include_lines[FSIM_LEX_INCLUDES];
} fsim_lex_facts;

/* The one refusal of an integer literal beyond 64 bits, in a file, in a --set value
 * or a --seed: "TEXT is out of range for any integer (LLONG_MIN to LLONG_MAX)". */
fsim_status fsim_lex_refuse_beyond64(fsim_error *err, const char *file, int line,
                                     const char *path, const char *text);
/* Scans text (NUL-terminated) once, filling f. */
void fsim_lex_scan(const char *text, fsim_lex_facts *f);

/* Does every string of a --set value stand where libconfig's grammar allows one
 * (as the value of a setting: after '=', ':', '(', '[', another string, or a ','
 * between the values of a list)? libconfig 1.5 leaks the string token it fails
 * on, so a value such as `1 "x"` is taken as plain text without being parsed. */
int fsim_lex_strings_in_place(const char *value);

#endif
