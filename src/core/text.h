/* Small text helpers shared by the loader, the writers and the command line. */
#ifndef FRONTSIM_TEXT_H
#define FRONTSIM_TEXT_H

#include <stddef.h>

/* Edit distance (insert, delete, substitute, adjacent swap), capped at 255. */
int fsim_text_distance(const char *a, const char *b);
/* "Did you mean ...?": the candidate nearest to a mistyped text, offered one at a
 * time. One threshold for every such hint: at most 1 edit for texts of up to 4
 * characters, 2 up to 8, 3 beyond (a short word two edits away is mostly another
 * word). Ties go to the candidate offered first. */
typedef struct fsim_nearest {
  const char *text; /* what was typed */
  const char *best; /* the nearest candidate so far */
  int distance;     /* its distance */
} fsim_nearest;
void fsim_nearest_init(fsim_nearest *n, const char *text);
void fsim_nearest_offer(fsim_nearest *n, const char *candidate);
/* The nearest candidate within the threshold, or NULL. */
const char *fsim_nearest_result(const fsim_nearest *n);
/* [A-Za-z0-9_-]+, at most max-1 characters. */
int fsim_text_is_identifier(const char *s, size_t max);
/* Field col (0-based) of a CSV line (no quoting: frontsim's own files) as a number;
 * NaN when the field is empty or the line has fewer fields. */
double fsim_csv_number(const char *line, int col);
/* Identifiers joined by single dots ("kursk.held_area_km2"). */
int fsim_text_is_dotted_name(const char *s, size_t max);
/* Shortest "%.*g" that reads back to exactly x; whole numbers get ".0" when
 * force_point is set, so libconfig reads them back as floats. */
void fsim_text_double(double x, int force_point, char *buf, size_t size);
/* Shortest "%.*g" that reads back to the float nearest x: the digits a value stored
 * as float holds, no more (a finite x within a float's range). */
void fsim_text_float(double x, char *buf, size_t size);
/* `value` on one line, into buf (truncated whole escapes only): a backslash becomes
 * \\, a newline \n, a carriage return \r, another control character \xHH, so a
 * value written into a comment header or a key=value line cannot end it early or
 * start a line of its own. Returns buf, for use as a printf argument. */
#define FSIM_ONE_LINE_MAX (4 * 4096 + 1) /* room for a value of 4096 bytes, escaped */
const char *fsim_text_one_line(const char *value, char *buf, size_t size);
/* The inverse: undoes those escapes in place (a reader of key=value lines). */
void fsim_text_unescape_line(char *s);

/* A growable text buffer written by printf: the one the writers of records, headers
 * and designs share. `failed` is set when memory ran out (later writes are skipped);
 * the caller frees s. */
typedef struct fsim_text_buf {
  char *s;
  size_t len, cap;
  int failed;
} fsim_text_buf;
void fsim_text_buf_printf(fsim_text_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#endif
