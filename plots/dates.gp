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

# Charts that set mark_area_zero mark the day each held area's median first
# reached 0 (a dashed line, named at the top): what they show after it (fighting,
# personnel still there) is in a sector already lost. The sectors with a held area:
held_sectors = '@HELD_SECTORS@'
zero_scan(row, area) = (zero_row < 0 && area <= 0) ? (zero_row = row, 0) : 0
if (exists('mark_area_zero')) {
  do for [s in held_sectors] {
    zero_row = -1
    set xdata # (stats reads no time axis: the row number, then its date)
    stats '../series/'.s.'.csv' using (zero_scan($0, column('held_area_km2_p50'))) nooutput
    set xdata time
    if (zero_row >= 0) {
      t = date_of(first_date) + zero_row * 86400
      # In front, the name on white: stacked areas would hide them.
      set arrow from t, graph 0 to t, graph 1 nohead front lc rgb colour_ink lw 1.2 dt 2
      set style textbox opaque noborder fc rgb 'white'
      set label s.' area 0 (median)' at t, graph 0.835 right offset char -0.7, 0 front \
          boxed font ',10' tc rgb colour_ink
    }
  }
}
