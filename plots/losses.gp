@HEADER@
#
# Cumulative losses of each side: the true figure (solid, with the middle 90%
# of replications) against the figure the enemy claims (dashed). Medians.
set terminal @TERMINAL@
set output '@OUTPUT@'

chart_title = '@TITLE@'
chart_subtitle = '@SUBTITLE@'
chart_source = '@SOURCE@'
data = '@DATA@'
side_name(k) = (k eq 'blue') ? '@BLUE_NAME@' : '@RED_NAME@'
enemy_name(k) = (k eq 'blue') ? '@RED_NAME@' : '@BLUE_NAME@'

@STYLE@

scale = 1000.0
set ylabel 'Cumulative losses (thousands of persons)'
set yrange [0:*]
stat(k, var, s) = column(k.'_'.var.'_'.s) / scale

plot for [k in 'blue red'] data using 'date':(stat(k, 'losses_cum', 'p5')):(stat(k, 'losses_cum', 'p95')) \
       with filledcurves fs transparent solid band90 lc rgb side_colour(k) notitle, \
     for [k in 'blue red'] data using 'date':(stat(k, 'losses_cum', 'p50')) \
       with lines lw median_width lc rgb side_colour(k) title side_name(k).', true', \
     for [k in 'blue red'] data using 'date':(stat(k, 'claimed_cum', 'p50')) \
       with lines lw median_width dt (14, 8) lc rgb side_colour(k) \
       title side_name(k).', as claimed by '.enemy_name(k)
