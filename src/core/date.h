/* The calendar's rules that more than one layer needs (date.c); parsing and
 * formatting dates are in the public API (frontsim/scenario.h). */
#ifndef FRONTSIM_DATE_H
#define FRONTSIM_DATE_H

/* The years fsim_date_parse accepts: a scenario's dates, from start_date to the
 * run's last day, lie within them (resolve.c). */
#define FSIM_DATE_YEAR_MIN 1900
#define FSIM_DATE_YEAR_MAX 2999

/* The epoch day of y-m-d for any year (no range check), e.g. the first of a month
 * on a chart's axis. */
long fsim_date_from_civil(long y, unsigned m, unsigned d);

/* Days of month m (1 to 12) of year y in the proleptic Gregorian calendar. */
int fsim_date_days_in_month(long y, unsigned m);

#endif
