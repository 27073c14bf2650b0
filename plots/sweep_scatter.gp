@HEADER@
#
# Effect of the swept parameters on one metric (an lhs or sobol design, whose
# points are not on a grid): one panel per parameter, each point's mean against
# that parameter's value, with its 95% confidence interval. Every panel has the
# same y scale, so the spread along each parameter can be compared.
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

@STYLE@

# Room for the axis titles: under the plot, above the source line, and left
# of tick labels that may be long numbers.
plot_bottom = 0.165
plot_left = 0.105
taller = @TALLER@
# A taller canvas (more than two rows of panels) keeps the header, legend and
# source line at their height in points: their places as shares of it shrink.
if (taller > 1) {
  plot_top = 1 - (1 - plot_top) / taller
  plot_bottom = plot_bottom / taller
  set label 101 at screen 0.012, screen 1 - 0.045 / taller
  set label 102 at screen 0.012, screen 1 - 0.100 / taller
  set label 103 at screen 0.012, screen 0.025 / taller
  set key at screen plot_left - 0.02, screen 1 - 0.145 / taller
}
set bmargin at screen plot_bottom
# One y-axis title for all the panels, left of them and centred on them, on two
# lines where it is longer than they are high (a title per row of panels ran into
# the next row's and, above the top row, into the legend), the panels then a line
# further right. The canvas is 700/1200 as high as wide in every format
# (src/plot/format.c), `taller` times that with more than two rows of panels
# (src/plot/sweep_charts.c).
canvas_aspect = 700.0 * taller / 1200
y_lines = ylabel_lines(value_label)
plot_left = plot_left + (y_lines - 1) * 1.2 * 11 * em_share
set lmargin at screen plot_left
set label 106 ylabel_text(value_label) at screen 0.022 + (y_lines - 1) * 0.6 * 11 * em_share, \
    screen (plot_top + plot_bottom) / 2 center rotate by 90 \
    font ylabel_wrap_font(value_label) tc rgb colour_ink
unset ylabel

param(i) = word(params, i)
nparams = words(params)
param_axis(i) = word(param_axes, i)
# A categorical parameter is charted at its level numbers, named on the ticks.
nlevels_of(i) = int(word(nlevels, i))
level_name(i, j) = word(value('levels_'.i), j)
level_at(i, s, j) = j > nlevels_of(i) ? NaN : (level_name(i, j) eq s ? j : level_at(i, s, j + 1))
x_value(i) = nlevels_of(i) > 0 ? level_at(i, strcol(param(i)), 1) : column(param(i))
stat(s) = column(metric.'_'.s) * scale
bounded(v) = v < lower ? lower : v > upper ? upper : v
ci(s) = bounded(stat('mean_ci95_'.s))

# Panels: up to four in a row, then rows of three; gap between them.
ncols = nparams <= 4 ? nparams : 3
nrows = int((nparams + ncols - 1) / ncols)
gap_x = 0.035
gap_y = 0.125 / taller
panel_w = (plot_right - plot_left - (ncols - 1) * gap_x) / ncols
# The parameter's label and unit under its panel, or its label alone where the
# panel is narrow; on two lines where even the label is wider than the panel and
# its gap (set smaller on one, 'Kursk reinforcement threshold' was at 8 pt): then
# the panels leave a line more below each row.
x_title(i) = strlen(param_axis(i)) * 0.0078 < panel_w ? param_axis(i) : word(param_titles, i)
x_room = panel_w + gap_x / 2
x_wrapped = 0
do for [i = 1:nparams] { if (wrap_break(x_title(i), x_room) > 0) { x_wrapped = 1 } }
if (x_wrapped) {
  plot_bottom = plot_bottom + 1.25 * 11 * em_share / canvas_aspect
  gap_y = gap_y + 1.25 * 11 * em_share / canvas_aspect
  set bmargin at screen plot_bottom
}
panel_h = (plot_top - plot_bottom - (nrows - 1) * gap_y) / nrows

# The span of each parameter (read before any axis range is set, which stats
# would apply).
array x_span[nparams]
do for [i = 1:nparams] {
  stats data using (x_value(i)) nooutput
  x_span[i] = STATS_max - STATS_min
}
# The points (rows of the data), counted before the y range is set: stats keeps to it.
stats data using 1 nooutput
n_rows = STATS_records
# One y range for all panels, from the intervals.
stats data using (ci('low')) nooutput
y_lo = STATS_min
stats data using (ci('high')) nooutput
y_hi = STATS_max
pad = y_hi > y_lo ? 0.05 * (y_hi - y_lo) : 1
set yrange [y_lo - pad:y_hi + pad]
# A little room at each end of a panel, so that its last tick label does not run
# into the next panel's first.
set offsets graph 0.04, graph 0.04, 0, 0
set autoscale xfix
set xrange [*:*]
set xtics autofreq
set grid xtics ytics

# Intervals without caps and half transparent, under opaque points: many
# points stay readable.
set bars 0
# Fainter the more points there are: a thousand intervals at 40% opacity merged
# into one block that hid the points
# (gnuplot's #AARRGGBB: AA is the transparency; 0x99, 40% opaque, up to 100
# points, then the opacity shrinks in proportion, to 6% at the least).
interval_opacity = n_rows <= 100 ? 102 : (10200 / n_rows < 16 ? 16 : int(10200 / n_rows))
colour_interval = sprintf('#%02X', 255 - interval_opacity).colour_sweep[2:7]
# About four ticks per panel, at round numbers.
nice(x) = (x / 10**floor(log10(x)) < 1.5 ? 1 : x / 10**floor(log10(x)) < 3.5 ? 2 : \
           x / 10**floor(log10(x)) < 7.5 ? 5 : 10) * 10**floor(log10(x))

set multiplot
do for [i = 1:nparams] {
  col = (i - 1) % ncols
  row = int((i - 1) / ncols)
  set lmargin at screen plot_left + col * (panel_w + gap_x)
  set rmargin at screen plot_left + col * (panel_w + gap_x) + panel_w
  set tmargin at screen plot_top - row * (panel_h + gap_y)
  set bmargin at screen plot_top - row * (panel_h + gap_y) - panel_h
  if (x_span[i] > 0) { set xtics nice(x_span[i] / 3) } else { set xtics autofreq }
  set xrange [*:*]
  if (nlevels_of(i) > 0) {
    set xrange [0.5:nlevels_of(i) + 0.5]
    set xtics ()
    do for [j = 1:nlevels_of(i)] { set xtics add (level_name(i, j) j) }
    # Each level's name within its share of the panel, else smaller (long names
    # in a narrow panel ran into each other).
    lv_chars = 0
    do for [j = 1:nlevels_of(i)] { if (strlen(level_name(i, j)) > lv_chars) { lv_chars = strlen(level_name(i, j)) } }
    lv_room = panel_w / nlevels_of(i)
    lv_pt = (lv_chars + 1) * 0.6 * em_share * 11 <= lv_room ? 11 : lv_room / ((lv_chars + 1) * 0.6 * em_share)
    lv_font = sprintf(',%.1f', lv_pt < 6 ? 6 : lv_pt)
    set xtics font lv_font
  } else {
    set xtics font ',11'
  }
  set xlabel wrap_text(x_title(i), x_room) font wrap_font(x_title(i), x_room)
  # Tick labels on the left panels only.
  if (col == 0) { set format y '% h' } else { set format y '' }
  plot data using (x_value(i)):(stat('mean')):(ci('low')):(ci('high')) \
         with yerrorbars pt -1 lw 1 lc rgb colour_interval notitle, \
       data using (x_value(i)):(stat('mean')) \
         with points pt 7 ps 0.7 lc rgb colour_sweep \
         title 'mean at a point of the design', \
       keyentry with yerrorbars pt -1 lw 1 lc rgb '#99'.colour_sweep[2:7] \
         title 'its 95% confidence interval'
  # The header, the source line and the legend are drawn once.
  unset label 101
  unset label 102
  unset label 103
  unset label 106
  unset key
}
unset multiplot
