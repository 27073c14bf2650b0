@HEADER@
#
# Effect of the swept parameters on one metric (a grid design): the metric's
# mean at each point against one parameter, with its 95% confidence interval,
# one line per value of a second parameter; any further parameters are held at
# their middle value. Lines are nudged sideways a little so that their
# intervals do not hide each other.
set terminal @TERMINAL@
set output '@OUTPUT@'

chart_title = '@TITLE@'
chart_subtitle = '@SUBTITLE@'
chart_source = '@SOURCE@'
data = '@DATA@'
@PAIRED_DATA@
metric = '@METRIC@'
# Values are shown multiplied by scale (100: a share in %, 0.001: thousands).
scale = @SCALE@
value_label = '@VALUE_LABEL@'
# The values the metric can take, as shown (its unit in the metric table: a count
# or an area is never below 0, a share never above 100%); a confidence interval
# reaching past them is drawn to them (the normal approximation's overshoot).
lower = @LOWER@
upper = @UPPER@
@DESIGN@
# Along the x axis: parameter number x_param; one line per value of parameter
# number line_param (0: a single line). Swap them to turn the chart around.
x_param = @X_PARAM@
line_param = @LINE_PARAM@
# More values than max_lines: every n-th is drawn, evenly spread.
max_lines = @MAX_LINES@

@STYLE@

# Room for the x-axis title, under the plot and above the source line (the left
# margin is gnuplot's, which makes room for tick labels and the y-axis title).
plot_bottom = 0.165
set bmargin at screen plot_bottom

param(i) = word(params, i)
param_label(i) = word(param_titles, i)
count(i) = int(word(counts, i))
stride(i) = int(word(strides, i))
param_value(i, j) = word(value('values_'.i), j)
nparams = words(params)
param_axis(i) = word(param_axes, i)
# A categorical parameter is charted at its level numbers, named on the ticks.
nlevels_of(i) = int(word(nlevels, i))
level_name(i, j) = word(value('levels_'.i), j)
level_at(i, s, j) = j > nlevels_of(i) ? NaN : (level_name(i, j) eq s ? j : level_at(i, s, j + 1))
x_value(i) = nlevels_of(i) > 0 ? level_at(i, strcol(param(i)), 1) : column(param(i))
value_name(i, j) = nlevels_of(i) > 0 ? level_name(i, j) : param_value(i, j)

set xlabel param_axis(x_param)
# A title on two lines a little further left: gnuplot's margin, measured for one
# line, brought its second against the tick labels (in the PDF).
y_offset = (GPVAL_TERM eq 'svg' ? 0 : 0.5) - (ylabel_lines(value_label) - 1) * 0.8
set ylabel ylabel_text(value_label) font ylabel_wrap_font(value_label) offset y_offset, 0
set xtics autofreq
set mxtics default
# The x range: the values, a little room either side (no stretch to a tick).
set xrange [*:*]
set autoscale xfix
set offsets graph 0.025, graph 0.025, graph 0.04, 0
# Levels along x: one tick per level, by name, and points rather than lines
# (the order of the levels means nothing).
set style data yerrorlines
if (nlevels_of(x_param) > 0) {
  set xrange [0.5:count(x_param) + 0.5]
  set offsets 0, 0, graph 0.04, 0
  set xtics ()
  do for [j = 1:count(x_param)] { set xtics add (level_name(x_param, j) j) }
  set style data yerrorbars
}
# The colours of the lines tell values apart; the legend names them.
unset colorbox
nx = count(x_param)

# The rows of a line: every stride(x_param)-th row from its first. Parameters
# other than the two charted are held at their middle value.
base = 0
do for [i = 1:nparams] {
  if (i != x_param && i != line_param) { base = base + int((count(i) - 1) / 2) * stride(i) }
}
nlines = line_param > 0 ? count(line_param) : 1
line_step = nlines > max_lines ? int(ceil((nlines - 1.0) / (max_lines - 1))) : 1
drawn = int((nlines - 1) / line_step) + 1
first_row(j) = base + (line_param > 0 ? (j - 1) * stride(line_param) : 0)
last_row(j) = first_row(j) + (nx - 1) * stride(x_param)
# Ordered values get ordered colours: viridis, dark to light.
line_colour(j) = drawn > 1 ? line_palette_max * ((j - 1) / line_step) / (drawn - 1.0) : 0.3
line_title(j) = line_param > 0 ? param_label(line_param).' = '.value_name(line_param, j) : \
                'mean, with its 95% confidence interval'
# The legend in the columns that fit (style.gp), rows past two taken from the
# plot's top: a third column of long entries fell off the canvas.
key_chars = 0
do for [j = 1:nlines:line_step] {
  key_chars = strlen(line_title(j)) > key_chars ? strlen(line_title(j)) : key_chars
}
set key maxrows key_rows(drawn, key_chars)
if (key_rows(drawn, key_chars) > 2) {
  plot_top = plot_top - (key_rows(drawn, key_chars) - 2) * key_row
  set tmargin at screen plot_top
  set ylabel ylabel_text(value_label) font ylabel_wrap_font(value_label) offset y_offset, 0
}
x_lo = param_value(x_param, 1) + 0; x_hi = param_value(x_param, nx) + 0
nudge(j) = drawn > 1 ? (((j - 1) / line_step) - (drawn - 1) / 2.0) * 0.006 * abs(x_hi - x_lo) : 0
x_of(j) = x_value(x_param) + nudge(j)
stat(s) = column(metric.'_'.s) * scale
bounded(v) = v < lower ? lower : v > upper ? upper : v
ci(s) = bounded(stat('mean_ci95_'.s))

# Room below the lowest interval: a cap at the foot of the axis (an interval
# down to its metric's bound, 0, on an axis from 0) merged with the axis line. A
# first pass into a table finds the values drawn; the axis starts 3% of their
# range below the lowest, at the tick below that, or exactly there where the tick
# could be past the metric's bound (an axis from -10 for a share).
set table $cap_pass
if (line_param > 0) {
  plot for [j = 1:nlines:line_step] data every stride(x_param)::first_row(j)::last_row(j) \
         using (x_of(j)):(stat('mean')):(ci('low')):(ci('high')) \
         lw median_width pt 7 ps 0.7 lc palette frac line_colour(j) \
         title line_title(j)
} else {
  plot data using (x_of(1)):(stat('mean')):(ci('low')):(ci('high')) \
         lw median_width pt 7 ps 0.7 lc rgb colour_sweep title line_title(1)
}
unset table
cap_span = GPVAL_DATA_Y_MAX - GPVAL_DATA_Y_MIN
cap_span = cap_span > 0 ? cap_span : 1
if (GPVAL_DATA_Y_MIN - 0.25 * cap_span < lower) {
  set yrange [GPVAL_DATA_Y_MIN - 0.03 * cap_span:*]
} else {
  set offsets graph 0.025, graph 0.025, graph 0.04, graph 0.03
  if (nlevels_of(x_param) > 0) { set offsets 0, 0, graph 0.04, graph 0.03 }
}
replot
