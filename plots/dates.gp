# Dates: each row is dated by the day it ends (row 0, the starting state, the
# day before the first).
set xdata time
set timefmt '%Y-%m-%d'
date_of(text) = strptime('%Y-%m-%d', text)
first_date = '@FIRST_DATE@'
last_date = '@LAST_DATE@'
set xrange [date_of(first_date):date_of(last_date)]
# Date ticks chosen for the length of the run (frontsim plot wrote them):
# labelled major ticks, kept clear of the right edge, and unlabelled minor ones.
@DATE_TICKS@
