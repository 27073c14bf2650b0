@HEADER@
#
# One daily series of every scenario of a comparison, overlaid: each scenario's
# median line and its middle 50% and 90% of replications (shaded), in its own
# colour; the base first. The scenarios share their random numbers, so where the
# bands differ, the scenarios do.
set terminal @TERMINAL@
set output '@OUTPUT@'

chart_title = '@TITLE@'
chart_subtitle = '@SUBTITLE@'
chart_source = '@SOURCE@'
# The scenarios: their data files and labels, in the order of the comparison.
@SCENARIOS@
variable = '@VARIABLE@'
scale = @SCALE@

# The legend lists every scenario, one a row (two columns beyond four); the plot
# starts below it.
key_rows = n < 4 ? n : 4
chart_top = 0.855 - 0.04 * key_rows - 0.02

@STYLE@

set key maxrows key_rows

set ylabel '@AXIS@' font ylabel_font('@AXIS@')
set yrange [0:*]
stat(s) = column(variable.'_'.s) * scale
colour(i) = scenario_colour(first_colour + i - 1)

plot for [i = 1:n] files[i] using 'date':(stat('p5')):(stat('p95')) \
       with filledcurves fs transparent solid band90 lc rgb colour(i) notitle, \
     for [i = 1:n] files[i] using 'date':(stat('p25')):(stat('p75')) \
       with filledcurves fs transparent solid band50 lc rgb colour(i) notitle, \
     for [i = 1:n] files[i] using 'date':(stat('p50')) \
       with lines lw median_width lc rgb colour(i) title names[i]
