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
# Event days: dates and names, in the same order, separated by spaces; marked
# with their names by plots/dates.gp.
event_dates = '@EVENT_DATES@'
event_names = '@EVENT_NAMES@'

@STYLE@

set ylabel 'Held area (km²)'
set yrange [0:*]
stat(s) = column('held_area_km2_'.s)

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
