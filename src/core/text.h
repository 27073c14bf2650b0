/* Small text helpers shared by the loader, the writers and the command line. */
#ifndef FRONTSIM_TEXT_H
#define FRONTSIM_TEXT_H

#include <stddef.h>

/* Edit distance (insert, delete, substitute, adjacent swap), capped at 255. */
int fsim_text_distance(const char *a, const char *b);
/* [A-Za-z0-9_-]+, at most max-1 characters. */
int fsim_text_is_identifier(const char *s, size_t max);
/* Identifiers joined by single dots ("kursk.held_area_km2"). */
int fsim_text_is_dotted_name(const char *s, size_t max);
/* Shortest "%.*g" that reads back to exactly x; whole numbers get ".0" when
 * force_point is set, so libconfig reads them back as floats. */
void fsim_text_double(double x, int force_point, char *buf, size_t size);

#endif
