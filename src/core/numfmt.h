/* Numbers as text, fast and exactly as printf writes them. A run writes some 50,000
 * figures (7 a cell of its daily series), each tried at several precisions for the
 * shortest that reads back: through printf and strtod that was a tenth of a
 * 1,000-replication run. Here the digits come from integer arithmetic on the
 * double's exact value (a 128-bit product or quotient, then a rounding to even on
 * the exact remainder, as glibc rounds), and the text is laid out as "%.*g" lays it
 * out; what the arithmetic cannot hold exactly (very large or small magnitudes,
 * NaN, infinities, more than 17 digits) goes to snprintf itself. */
#ifndef FRONTSIM_NUMFMT_H
#define FRONTSIM_NUMFMT_H

#include <stddef.h>

#define FSIM_NUMFMT_MAX 32 /* room for any "%.17g" */

/* Writes what snprintf(buf, size, "%.*g", prec, x) writes (size >= FSIM_NUMFMT_MAX,
 * 1 <= prec <= 17); returns its length. */
int fsim_numfmt_g(double x, int prec, char *buf, size_t size);

/* The shortest "%.*g" from prec 6 up that reads back (strtod, then the cast) to the
 * float nearest x (a finite x within a float's range), and the shortest from 6 up
 * that reads back to the double x (up to 17 digits): the same texts as trying each
 * precision with snprintf and strtod; the reading back is done exactly without
 * strtod where the decimal's digits and power of ten are exact doubles. */
int fsim_numfmt_float(double x, char *buf, size_t size);
int fsim_numfmt_double(double x, char *buf, size_t size);

#endif
