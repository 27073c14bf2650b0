@HEADER@
#
# Held area in a sector across replications (median, middle 50% and 90%), with
# the scenario's event days marked by dotted lines.
set terminal @TERMINAL@
set output '@OUTPUT@'

chart_title = '@TITLE@'
chart_subtitle = '@SUBTITLE@'
chart_source = '@SOURCE@'
data = '@DATA@'
side = '@SIDE@'
# Event days: dates and names, in the same order, separated by spaces.
event_dates = '@EVENT_DATES@'
event_names = '@EVENT_NAMES@'

# Mark the day each held area reached 0 (plots/dates.gp).
mark_area_zero = 1

@STYLE@

set ylabel 'Held area (km²)'
set yrange [0:*]
stat(s) = column('held_area_km2_'.s)

# Each event: a dotted line across the plot, its name at the top beside it, in
# headroom kept free of data. Names go left of lines in the last quarter of the
# run, and events close together alternate between two rows.
if (words(event_dates) > 0) set offsets 0, 0, graph 0.14, 0
x0 = date_of(first_date)
span = date_of(last_date) - x0
previous = -1e30
row = 2
do for [i = 1:words(event_dates)] {
  t = date_of(word(event_dates, i))
  row = (abs(t - previous) < 0.2 * span && row == 1) ? 2 : 1
  previous = t
  set arrow from t, graph 0 to t, graph 1 nohead back lc rgb colour_event lw 1.2 dt 3
  if (t - x0 > 0.75 * span) {
    set label word(event_names, i) at t, graph (row == 1 ? 0.955 : 0.895) right \
        offset char -0.5, 0 front font ',10' tc rgb colour_event
  } else {
    set label word(event_names, i) at t, graph (row == 1 ? 0.955 : 0.895) left \
        offset char 0.5, 0 front font ',10' tc rgb colour_event
  }
}

plot data using 'date':(stat('p5')):(stat('p95')) \
       with filledcurves fs transparent solid band90 lc rgb side_colour(side) notitle, \
     data using 'date':(stat('p25')):(stat('p75')) \
       with filledcurves fs transparent solid band50 lc rgb side_colour(side) notitle, \
     data using 'date':(stat('p50')) \
       with lines lw median_width lc rgb side_colour(side) title 'median', \
     keyentry with lines lw 1.2 dt 3 lc rgb colour_event \
       title (words(event_dates) > 0 ? 'event day' : ''), \
     keyentry with filledcurves fs transparent solid band50 lc rgb side_colour(side) \
       title 'middle 50%', \
     keyentry with filledcurves fs transparent solid band90 lc rgb side_colour(side) \
       title 'middle 90%'
