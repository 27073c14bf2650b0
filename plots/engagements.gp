@HEADER@
#
# Daily engagements in each sector across replications: median line, middle 50%
# and 90% of replications. Day 0 (the starting state) has none and is left out.
set terminal @TERMINAL@
set output '@OUTPUT@'

chart_title = '@TITLE@'
chart_subtitle = '@SUBTITLE@'
chart_source = '@SOURCE@'
# One file per sector: data_dir/<sector>.csv
data_dir = '@DATA@'
sectors = '@SECTORS@'

@STYLE@

set ylabel 'Engagements per day'
set yrange [0:*]
file(i) = data_dir.'/'.word(sectors, i).'.csv'
n = words(sectors)

plot for [i = 1:n] file(i) every ::1 using 'date':'engagements_p5':'engagements_p95' \
       with filledcurves fs transparent solid band90 lc rgb sector_colour(i) notitle, \
     for [i = 1:n] file(i) every ::1 using 'date':'engagements_p25':'engagements_p75' \
       with filledcurves fs transparent solid band50 lc rgb sector_colour(i) notitle, \
     for [i = 1:n] file(i) every ::1 using 'date':'engagements_p50' \
       with lines lw median_width lc rgb sector_colour(i) title word(sectors, i).' (median)', \
     keyentry with filledcurves fs transparent solid band50 lc rgb colour_muted \
       title 'middle 50%', \
     keyentry with filledcurves fs transparent solid band90 lc rgb colour_muted \
       title 'middle 90%'
