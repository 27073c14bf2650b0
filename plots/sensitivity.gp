@HEADER@
#
# Sobol' sensitivity indices of one metric's mean: for each parameter the
# first-order index (the share of the variance it causes alone) and the total
# index (alone and through its interactions), with their 95% bootstrap
# intervals. Parameters from the top by decreasing total index. The dashed line
# is the replication noise left in the point means, as a share of the variance:
# an index below it cannot be told from zero (nor can any, when it exceeds 1).
set terminal @TERMINAL@
set output '@OUTPUT@'

chart_title = '@TITLE@'
chart_subtitle = '@SUBTITLE@'
chart_source = '@SOURCE@'
data = '@DATA@'
metric = '@METRIC@'
# The parameters, top to bottom.
order = '@PARAM_ORDER@'
noise_share = @NOISE_SHARE@

@STYLE@

# Room under the plot for the axis title, above the source line.
plot_bottom = 0.165
set bmargin at screen plot_bottom

np = words(order)
# The y position of a parameter: np at the top, 1 at the bottom.
position(name) = sum [i = 1:np] (word(order, i) eq name ? np - i + 1 : 0)
# Rows of other metrics give no point (nor stretch the x range).
mine(v) = strcol('metric') eq metric ? v : NaN
on_metric(off) = mine(position(strcol('parameter')) + off)
bar_half = 0.17
first_at = 0.19
total_at = -0.19

# Parameter names label the y axis; the left margin grows with the longest.
set ytics () nomirror
do for [i = 1:np] { set ytics add (word(order, i) np - i + 1) }
label_chars = 0
do for [i = 1:np] { if (strlen(word(order, i)) > label_chars) { label_chars = strlen(word(order, i)) } }
label_width = 0.04 + 0.0085 * label_chars
set lmargin at screen (label_width < 0.5 ? label_width : 0.5)
set yrange [0.45:np + 0.55]
# From 0 (or below) to 1 (or beyond), as the intervals need, a little margin.
set xrange [*<0:1<*]
set autoscale xfix
set offsets graph 0.03, graph 0.03, 0, 0
unset ylabel
set xlabel "Sobol' index (share of the variance of the mean)"
set grid noytics xtics
set border 1
set xzeroaxis lt 1 lc rgb colour_ink lw 1
set arrow 1 from 0, graph 0 to 0, graph 1 nohead back lc rgb colour_ink lw 1
# The noise line, unless the noise is so large (beyond 1.5) that it would
# squeeze the indices: then the legend gives its value only.
noise_shown = noise_share == noise_share && noise_share <= 1.5
if (noise_shown) {
  set arrow 2 from noise_share, graph 0 to noise_share, graph 1 nohead front lc rgb colour_muted lw 1.5 dt 2
  x_need = noise_share > 1 ? noise_share : 1
  set xrange [*<0:x_need<*]
}
noise_title = noise_share != noise_share ? '' : \
              sprintf(noise_shown ? 'replication noise (%.2g)' : 'replication noise (%.3g, off the scale)', noise_share)

plot data using (mine(column('first') / 2)):(on_metric(first_at)):(abs(column('first')) / 2):(bar_half) \
       with boxxyerror fs solid 0.9 noborder lc rgb colour_first \
       title 'first-order (the parameter alone)', \
     data using (mine(column('total') / 2)):(on_metric(total_at)):(abs(column('total')) / 2):(bar_half) \
       with boxxyerror fs solid 0.9 noborder lc rgb colour_total \
       title 'total (with its interactions)', \
     data using (mine(column('first'))):(on_metric(first_at)):(mine(column('first_ci95_low'))):(mine(column('first_ci95_high'))) \
       with xerrorbars pt -1 lw 1.3 lc rgb colour_ink title '95% bootstrap interval', \
     data using (mine(column('total'))):(on_metric(total_at)):(mine(column('total_ci95_low'))):(mine(column('total_ci95_high'))) \
       with xerrorbars pt -1 lw 1.3 lc rgb colour_ink notitle, \
     keyentry with lines lw 1.5 dt 2 lc rgb colour_muted title noise_title
