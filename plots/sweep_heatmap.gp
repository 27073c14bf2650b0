@HEADER@
#
# Heat map of one metric over two parameters of a grid design: one cell per
# pair of values, coloured by the metric's mean (viridis: dark low, light high)
# and labelled with it; any further parameters are held at their middle value.
# Cells are evenly spaced whatever the values, which label the axes.
set terminal @TERMINAL@
set output '@OUTPUT@'

chart_title = '@TITLE@'
chart_subtitle = '@SUBTITLE@'
chart_source = '@SOURCE@'
data = '@DATA@'
metric = '@METRIC@'
# Values are shown multiplied by scale (100: a share in %, 0.001: thousands).
scale = @SCALE@
value_label = '@VALUE_LABEL@'
# The values the metric can take, as shown (its unit in the metric table: a count
# or an area is never below 0, a share never above 100%); a confidence interval
# reaching past them is drawn to them (the normal approximation's overshoot).
lower = @LOWER@
upper = @UPPER@
# The label in each cell (a C printf format); show_values = 0 leaves it out.
cell_format = '@CELL_FORMAT@'
@DESIGN@
# Along x: parameter number x_param; along y: parameter number y_param.
x_param = @X_PARAM@
y_param = @LINE_PARAM@

@STYLE@

# Room for the x-axis title, under the plot and above the source line. The left
# margin is set below from the longest y tick label (a level's name can be long).
plot_bottom = 0.165
set bmargin at screen plot_bottom
# No legend: the plot can start higher.
plot_top = 0.83
set tmargin at screen plot_top

param(i) = word(params, i)
count(i) = int(word(counts, i))
stride(i) = int(word(strides, i))
param_value(i, j) = word(value('values_'.i), j)
nparams = words(params)
param_axis(i) = word(param_axes, i)
nlevels_of(i) = int(word(nlevels, i))
# A categorical parameter's ticks name its levels.
value_name(i, j) = nlevels_of(i) > 0 ? word(value('levels_'.i), j) : param_value(i, j)
nx = count(x_param)
ny = count(y_param)
show_values = nx * ny <= 200

# Row p of the data is cell (value_number(p, x_param), value_number(p, y_param)),
# counted from 0; rows where a further parameter is not at its middle value
# are left out.
value_number(p, i) = int(p / stride(i)) % count(i)
off_slice(p) = sum [i = 1:nparams] ((i == x_param || i == y_param) ? 0 : \
                                     (value_number(p, i) != int((count(i) - 1) / 2)))
cell_x(p) = off_slice(p) ? NaN : value_number(p, x_param)
cell_y(p) = off_slice(p) ? NaN : value_number(p, y_param)
# The value shown for row p (p itself is not needed: the row is being read).
z(p) = column(metric.'_mean') * scale

# The range of the colours: the values shown (before any axis range is set,
# which stats would apply).
# (A slice with no defined value keeps the range 0 to 1.)
cb_lo = 0; cb_hi = 1
undefine STATS_*
stats data using (off_slice($0) ? NaN : z($0)) nooutput
if (exists('STATS_min')) { cb_lo = STATS_min; cb_hi = STATS_max }
# Noise must not stretch the colours: differences smaller than a cell's 95%
# confidence interval are not told from sampling noise, so the range spans at
# least the widest interval (about its middle, moved inside lower..upper). A
# 0.02 km² mean among zeros, within the noise, stays near the dark end instead
# of taking the brightest colour.
undefine STATS_*
stats data using (off_slice($0) ? NaN : (column(metric.'_mean_ci95_high') - \
                                         column(metric.'_mean_ci95_low')) * scale) nooutput
noise_span = exists('STATS_max') ? STATS_max : 0
if (cb_hi - cb_lo < noise_span) {
  cb_mid = (cb_lo + cb_hi) / 2
  cb_lo = cb_mid - noise_span / 2; cb_hi = cb_mid + noise_span / 2
  if (cb_lo < lower) { cb_hi = cb_hi + lower - cb_lo; cb_lo = lower }
  if (cb_hi > upper) { cb_lo = cb_lo - (cb_hi - upper); cb_hi = upper }
}

set xlabel param_axis(x_param)
# The y-axis title at the left edge, and the plot after room for it and for the
# longest tick label, measured as the titles are (style.gp: a character taken as
# 0.6 em, wider than the font's): gnuplot's own margin measured long level names
# shorter than an SVG renderer (rsvg) draws them, and the title touched them.
y_tick_chars = 0
do for [j = 1:ny] { if (strlen(value_name(y_param, j)) > y_tick_chars) { y_tick_chars = strlen(value_name(y_param, j)) } }
y_lines = ylabel_lines(param_axis(y_param))
title_room = 0.012 + 1.3 * y_lines * 11 * em_share
set lmargin at screen title_room + 0.012 + (y_tick_chars * 0.6 + 0.6) * 11 * em_share
unset ylabel
set label 106 ylabel_text(param_axis(y_param)) at screen 0.012 + 0.65 * y_lines * 11 * em_share, \
    screen (plot_top + plot_bottom) / 2 center rotate by 90 \
    font ylabel_wrap_font(param_axis(y_param)) tc rgb colour_ink
set xrange [-0.5:nx - 0.5]
set yrange [-0.5:ny - 0.5]
set offsets 0, 0, 0, 0
unset grid
set border 0
set tics scale 0
set xtics () ; set ytics ()
do for [j = 1:nx] { set xtics add (value_name(x_param, j) j - 1) }
# Each x label within its column (five-digit values over eleven columns ran into
# each other): set smaller where the widest, with a character's gap, is wider
# than a cell (the style's text measure).
x_tick_chars = 0
do for [j = 1:nx] { if (strlen(value_name(x_param, j)) > x_tick_chars) { x_tick_chars = strlen(value_name(x_param, j)) } }
cell_width = (0.82 - (title_room + 0.012 + (y_tick_chars * 0.6 + 0.6) * 11 * em_share)) / nx
x_tick_pt = (x_tick_chars + 1) * 0.6 * em_share * 11 <= cell_width ? 11 : \
            cell_width / ((x_tick_chars + 1) * 0.6 * em_share)
x_tick_font = sprintf(',%.1f', x_tick_pt < 6 ? 6 : x_tick_pt)
set xtics font x_tick_font
do for [j = 1:ny] { set ytics add (value_name(y_param, j) j - 1) }

# The colour scale: its box to the right of the cells, labelled.
set rmargin at screen 0.82
set colorbox user origin screen 0.835, screen plot_bottom size screen 0.022, \
    screen plot_top - plot_bottom noborder
set cblabel value_label tc rgb colour_ink font ',11' offset 0.8, 0
set cbtics nomirror out scale 0.6 tc rgb colour_ink font ',11'
if (cb_hi <= cb_lo) { cb_lo = cb_lo - 1; cb_hi = cb_hi + 1 }
set cbrange [cb_lo:cb_hi]
# Labels light on the dark half of the scale, dark on the light half.
ink(v) = (v - cb_lo) / (cb_hi - cb_lo) < 0.55 ? 0xFFFFFF : 0x222222
unset key
# Cells overlap a hair, so no seam shows between them.
cell_half = 0.503

plot data using (cell_x($0)):(cell_y($0)):(cell_half):(cell_half):(z($0)) \
       with boxxyerror fs solid 1 noborder lc palette notitle, \
     data using (cell_x($0)):(cell_y($0)):(show_values ? sprintf(cell_format, z($0)) : ''):(ink(z($0))) \
       with labels tc rgb variable font ',10' notitle
