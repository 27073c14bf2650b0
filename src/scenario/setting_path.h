/* Setting paths, the one grammar --set, --param, sweep parameters, the settings table
 * and error places share: keys joined by '.', "[i]" for a list element by index, or
 * a list element's `name` ("sectors.kursk.width_km", "sides.red.rules.[0].delay"). */
#ifndef FRONTSIM_SETTING_PATH_H
#define FRONTSIM_SETTING_PATH_H

#define FSIM_PATH_TEXT_MAX 512
#define FSIM_PATH_SEGMENTS_MAX 32

typedef struct fsim_setting_path {
  char buf[FSIM_PATH_TEXT_MAX];
  int n;
  char *seg[FSIM_PATH_SEGMENTS_MAX]; /* into buf */
} fsim_setting_path;

enum {
  FSIM_PATH_OK = 0,
  FSIM_PATH_TOO_LONG = -1, /* over FSIM_PATH_TEXT_MAX or FSIM_PATH_SEGMENTS_MAX */
  FSIM_PATH_EMPTY_KEY = -2 /* empty, a '.' at an end, or two dots */
};

/* Splits text into its segments; FSIM_PATH_OK or why not. */
int fsim_setting_path_split(fsim_setting_path *p, const char *text);
/* "[12]" -> 12; -1 when seg is not an index; INT_MAX for an index too large to exist
 * (still an index, so that a message can say so). */
int fsim_setting_path_index(const char *seg);

#endif
