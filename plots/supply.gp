@HEADER@
#
# Supply route: above, the distance from the line to the route across
# replications (median, middle 50% and 90%) with the cut line at 0 km; below,
# the share of replications in which the route has been cut by each day.
set terminal @TERMINAL@
set output '@OUTPUT@'

chart_title = '@TITLE@'
chart_subtitle = '@SUBTITLE@'
chart_source = '@SOURCE@'
data = '@DATA@'
side = '@SIDE@'

@STYLE@

stat(s) = column('route_km_'.s)
set multiplot

# Upper panel: distance. No date labels here; the lower panel carries them.
# The cut line is the function 0, which also keeps 0 km in the range.
split = plot_bottom + 0.36 * (plot_top - plot_bottom)
set bmargin at screen split + 0.035
# The names of the date marks (plots/dates.gp) sit in headroom at the top of this
# panel; their lines cross both.
set offsets 0, 0, graph marks_headroom(plot_top - split - 0.035), 0
set format x ''
# The two panels' axis titles are placed at the same x, which ylabel (set by
# the width of each panel's tick labels) would not do.
unset ylabel
axis_title_x = 0.02
# Both panels share one fixed left edge (gnuplot's own margin would differ between
# them), wide enough for ticks of four characters ("-1.5", "100") beside the titles.
set lmargin at screen 0.1
set label 201 'Distance (km)' at screen axis_title_x, screen (split + 0.035 + plot_top) / 2 \
    center rotate by 90 font ',11' tc rgb colour_ink
set label 202 'Cut (%)' at screen axis_title_x, screen (plot_bottom + split) / 2 \
    center rotate by 90 font ',11' tc rgb colour_ink
# A distance below 0 is the line past the route: said under the cut line, at the
# left where the line is still far from the route, when the data go below 0.
set xdata
stats data using (stat('p5')) nooutput
set xdata time
if (STATS_min < 0) {
  set label 203 'below 0: the line is past the route' at graph 0.01, first 0 left \
      offset 0, -0.8 front font ',10' tc rgb colour_muted
}
plot data using 'date':(stat('p5')):(stat('p95')) \
       with filledcurves fs transparent solid band90 lc rgb side_colour(side) notitle, \
     data using 'date':(stat('p25')):(stat('p75')) \
       with filledcurves fs transparent solid band50 lc rgb side_colour(side) notitle, \
     data using 'date':(stat('p50')) \
       with lines lw median_width lc rgb side_colour(side) title 'median distance', \
     0 with lines lw 1.5 dt 2 lc rgb colour_cut title 'route cut (0 km)', \
     keyentry with filledcurves fs transparent solid band50 lc rgb side_colour(side) \
       title 'middle 50%', \
     keyentry with filledcurves fs transparent solid band90 lc rgb side_colour(side) \
       title 'middle 90%', \
     keyentry with filledcurves fs solid lc rgb colour_cut_fill title 'share cut (below)'

# Lower panel: share cut. The header, legend and cut line are drawn once.
unset label 101
unset label 102
unset label 103
unset label 201
unset label 202
unset label 203
do for [i = 1:mk_n] { unset label 300 + i }
# The marks' lines across this panel too, to its top.
eval mk_full
unset key
set tmargin at screen split
set bmargin at screen plot_bottom
set format x date_format
set yrange [0:100]
set ytics 0, 50, 100
set grid ytics
# Filled in an opaque light colour with its own border, so the steps join
# without seams.
plot data using 'date':(100 * column('route_cut_mean')) \
       with fillsteps lc rgb colour_cut_fill fs solid 1 border notitle, \
     data using 'date':(100 * column('route_cut_mean')) \
       with steps lw 1.5 lc rgb colour_cut notitle
unset multiplot
