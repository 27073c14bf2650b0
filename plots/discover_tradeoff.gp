@HEADER@
#
# The peeling trajectory of scenario discovery (PRIM): each step's box as its
# coverage (the share of the points where the condition holds that the box holds)
# against its density (the share of the box's points where it holds), coloured by
# the number of parameters the box restricts, every fifth step's number and the reported one's written beside it. The box
# reported is circled (before pasting, which discover.txt shows).
set terminal @TERMINAL@
set output '@OUTPUT@'

chart_title = '@TITLE@'
chart_subtitle = '@SUBTITLE@'
chart_source = '@SOURCE@'
data = '@DATA@'

@STYLE@

# Before the ranges are set: stats keeps to them.
stats data using 'restricted' nooutput
most = int(STATS_max)
set xlabel 'Coverage: share of the cases inside the box'
set ylabel 'Density: share of the box that are cases'
set xrange [0:1.05]
set yrange [0:1.05]
set format x '%.1f'
set format y '%.1f'
# Room for the axis title above the source line, and the legend of the colours.
set bmargin at screen 0.17
set key maxrows 2
restricted_colour(r) = word(sector_colours, r % words(sector_colours) + 1)
# Short entries: a peeling can restrict five or more parameters, and with the long
# form the legend's columns ran past the canvas, so gnuplot left entries out.
restricted_title(r) = sprintf('%d restricted', r)

plot data using 'coverage':'density' with lines lw 1.5 lc rgb colour_grid notitle, \
     for [r = 0:most] data using 'coverage':(column('restricted') == r ? column('density') : NaN) \
       with points pt 7 ps 1.4 lc rgb restricted_colour(r) title restricted_title(r), \
     data using 'coverage':'density':(int(column('step')) % 5 == 0 || column('chosen') > 0 \
       ? sprintf('%d', column('step')) : '') with labels \
       offset 0.9, 0.7 font ',9' tc rgb colour_muted notitle, \
     data using 'coverage':(column('chosen') > 0 ? column('density') : NaN) with points \
       pt 6 ps 3.2 lw 2 lc rgb colour_ink title 'box reported'
