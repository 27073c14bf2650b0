@HEADER@
#
# Daily engagements in each sector across replications: median line and middle
# 50% of replications. Day 0 (the starting state) has none and is left out. The
# middle 90% is left out here: the sectors' wide light bands overlapped into a
# muddy colour that belonged to none of them (the sector's own series have it).
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

# The legend: a column per sector, its median and its band in its own colour
# (a grey sample stood for bands drawn in colour): medians on the first row,
# bands on the second.
set key horizontal maxcols n
plot for [i = 1:n] file(i) every ::1 using 'date':'engagements_p25':'engagements_p75' \
       with filledcurves fs transparent solid band50 lc rgb sector_colour(i) notitle, \
     for [i = 1:n] file(i) every ::1 using 'date':'engagements_p50' \
       with lines lw median_width lc rgb sector_colour(i) notitle, \
     for [i = 1:n] keyentry with lines lw median_width lc rgb sector_colour(i) \
       title place(word(sectors, i)).' median', \
     for [i = 1:n] keyentry with filledcurves fs transparent solid band50 \
       lc rgb sector_colour(i) title place(word(sectors, i)).' middle 50%'
