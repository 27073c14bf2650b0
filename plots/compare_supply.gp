@HEADER@
#
# A supply route in every scenario of a comparison: above, the distance from the
# line to the route (each scenario's median, middle 50% and 90% of replications); below,
# the share of replications in which the route has been cut by each day. One
# colour per scenario, the base first.
set terminal @TERMINAL@
set output '@OUTPUT@'

chart_title = '@TITLE@'
chart_subtitle = '@SUBTITLE@'
chart_source = '@SOURCE@'
# The scenarios: their data files and labels, in the order of the comparison.
@SCENARIOS@

# The legend lists every scenario, one a row (two columns beyond four); the plot
# starts below it.
key_rows = n < 4 ? n : 4
chart_top = 0.855 - 0.04 * key_rows - 0.02

@STYLE@

set key maxrows key_rows
colour(i) = scenario_colour(first_colour + i - 1)
stat(s) = column('route_km_'.s)
set multiplot

# Upper panel: distance. No date labels here; the lower panel carries them.
split = plot_bottom + 0.36 * (plot_top - plot_bottom)
set tmargin at screen plot_top
set bmargin at screen split + 0.035
# The names of the date marks (plots/dates.gp) sit in headroom at the top of this
# panel; their lines cross both.
set offsets 0, 0, graph marks_headroom(plot_top - split - 0.035), 0
set format x ''
unset ylabel
axis_title_x = 0.02
# Both panels share one fixed left edge (gnuplot's own margin would differ between
# them), wide enough for ticks of four characters ("-1.5", "100") beside the titles.
set lmargin at screen 0.1
set label 201 '@AXIS@' at screen axis_title_x, screen (split + 0.035 + plot_top) / 2 \
    center rotate by 90 font ',11' tc rgb colour_ink
set label 202 'Cut (%)' at screen axis_title_x, screen (plot_bottom + split) / 2 \
    center rotate by 90 font ',11' tc rgb colour_ink
plot for [i = 1:n] files[i] using 'date':(stat('p5')):(stat('p95')) \
       with filledcurves fs transparent solid band90 lc rgb colour(i) notitle, \
     for [i = 1:n] files[i] using 'date':(stat('p25')):(stat('p75')) \
       with filledcurves fs transparent solid band50 lc rgb colour(i) notitle, \
     for [i = 1:n] files[i] using 'date':(stat('p50')) \
       with lines lw median_width lc rgb colour(i) title names[i], \
     0 with lines lw 1.5 dt 2 lc rgb colour_cut notitle

# Lower panel: share cut, a step line per scenario.
unset label 101
unset label 102
unset label 103
unset label 201
unset label 202
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
plot for [i = 1:n] files[i] using 'date':(100 * column('route_cut_mean')) \
       with steps lw median_width lc rgb colour(i) notitle
unset multiplot
