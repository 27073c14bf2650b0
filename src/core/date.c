/* Proleptic Gregorian calendar without the C library's locale or time zone
 * (H. Hinnant's days_from_civil / civil_from_days). */
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "frontsim/scenario.h"

long fsim_date_from_civil(long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = (unsigned)(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? (unsigned)-3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (long)doe - 719468;
}

int fsim_date_days_in_month(long y, unsigned m) {
  static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 ? 28 + leap : dm[m - 1];
}

int fsim_date_parse(const char *text, long *epoch_day) {
  if (!text || !epoch_day) return 0;
  /* Exactly YYYY-MM-DD with digits in every place (sscanf alone would take "+1"). */
  if (strlen(text) != 10 || text[4] != '-' || text[7] != '-') return 0;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9')) return 0;
  int y = 0, m = 0, d = 0;
  for (int i = 0; i < 4; i++) y = y * 10 + (text[i] - '0');
  m = (text[5] - '0') * 10 + (text[6] - '0');
  d = (text[8] - '0') * 10 + (text[9] - '0');
  if (y < FSIM_DATE_YEAR_MIN || y > FSIM_DATE_YEAR_MAX || m < 1 || m > 12 || d < 1 || d > fsim_date_days_in_month(y, (unsigned)m))
    return 0;
  *epoch_day = fsim_date_from_civil(y, (unsigned)m, (unsigned)d);
  return 1;
}

void fsim_date_format(long z, char buf[11]) {
  if (!buf) return;
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = (unsigned)(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = (long)yoe + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  char tmp[48];
  snprintf(tmp, sizeof tmp, "%04ld-%02u-%02u", y, m, d);
  memcpy(buf, tmp, 10);
  buf[10] = '\0';
}
