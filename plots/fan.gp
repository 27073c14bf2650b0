@HEADER@
#
# Fan chart: personnel of each side in one sector across replications. Line: the
# median; dark band: the middle 50% of replications; light band: the middle 90%.
set terminal @TERMINAL@
set output '@OUTPUT@'

chart_title = '@TITLE@'
chart_subtitle = '@SUBTITLE@'
chart_source = '@SOURCE@'
data = '@DATA@'
side_name(k) = (k eq 'blue') ? '@BLUE_NAME@' : '@RED_NAME@'

@STYLE@

# Thousands of persons keep the tick labels short.
scale = 1000.0
set ylabel 'Personnel (thousands)'
set yrange [0:*]
stat(k, s) = column(k.'_personnel_'.s) / scale
# The legend: a column per kind (median, middle 50%, middle 90%), a row per side
# (the style's two rows, filled column by column), each sample in its side's
# colour (a grey sample stood for coloured bands).

plot for [k in 'blue red'] data using 'date':(stat(k, 'p5')):(stat(k, 'p95')) \
       with filledcurves fs transparent solid band90 lc rgb side_colour(k) notitle, \
     for [k in 'blue red'] data using 'date':(stat(k, 'p25')):(stat(k, 'p75')) \
       with filledcurves fs transparent solid band50 lc rgb side_colour(k) notitle, \
     for [k in 'blue red'] data using 'date':(stat(k, 'p50')) \
       with lines lw median_width lc rgb side_colour(k) notitle, \
     for [k in 'blue red'] keyentry with lines lw median_width lc rgb side_colour(k) \
       title side_name(k).' median', \
     for [k in 'blue red'] keyentry with filledcurves fs transparent solid band50 \
       lc rgb side_colour(k) title side_name(k).' middle 50%', \
     for [k in 'blue red'] keyentry with filledcurves fs transparent solid band90 \
       lc rgb side_colour(k) title side_name(k).' middle 90%'
