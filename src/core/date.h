/* The calendar's rules that more than one layer needs (date.c); parsing and
 * formatting dates are in the public API (frontsim/scenario.h). */
#ifndef FRONTSIM_DATE_H
#define FRONTSIM_DATE_H

/* Days of month m (1 to 12) of year y in the proleptic Gregorian calendar. */
int fsim_date_days_in_month(long y, unsigned m);

#endif
