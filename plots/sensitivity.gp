@HEADER@
#
# Sobol' sensitivity indices of one metric's mean: for each parameter the
# first-order index (the share of the variance it causes alone) and the total
# index (alone and through its interactions), with their 95% bootstrap
# intervals. Parameters from the top by decreasing total index. The dashed line
# is the replication noise left in the point means, as a share of the variance:
# an index below it cannot be told from zero (nor can any, when it exceeds 1).
# A hollow bar is an index whose interval contains 0: indistinguishable from 0.
# Indices are shares, 0 to 1: estimates and interval ends past them (sampling
# error of a small base sample) are drawn at 0 or 1 with an arrow, and a note
# says so; a second note warns when the intervals are too wide to read
# (docs/USAGE.md, How precise Sobol' indices are).
set terminal @TERMINAL@
set output '@OUTPUT@'

chart_title = '@TITLE@'
chart_subtitle = '@SUBTITLE@'
chart_source = '@SOURCE@'
data = '@DATA@'
metric = '@METRIC@'
# The parameters, top to bottom.
order = '@PARAM_ORDER@'
@DESIGN@
noise_share = @NOISE_SHARE@
# Notes under the legend (empty: none).
chart_note = '@SOBOL_NOTE@'
chart_warning = '@SOBOL_WARNING@'

@STYLE@

# Room under the plot for the axis title, above the source line; above it for
# the notes.
plot_bottom = 0.165
set bmargin at screen plot_bottom
# Noise beyond 1.5 is off the scale: no line, and rather than a legend entry (too
# long for the legend's second column, and a line not drawn) a note of its own.
noise_off = noise_share == noise_share && noise_share > 1.5
noise_note = noise_off ? sprintf('Replication noise %.3g of the variance, off the scale: no index here can be told from 0 (more replications a point lower it)', noise_share) : ''
notes = (strlen(chart_note) > 0) + (strlen(chart_warning) > 0) + noise_off
if (notes > 0) { set tmargin at screen plot_top - 0.045 * notes }
note_y = plot_top - 0.015
if (strlen(chart_warning) > 0) {
  set label 104 chart_warning at screen 0.012, screen note_y left \
      font sprintf(',%.1f', fit_pt(chart_warning, 10.5)) tc rgb oi_vermillion
  note_y = note_y - 0.045
}
if (strlen(chart_note) > 0) {
  set label 105 chart_note at screen 0.012, screen note_y left \
      font sprintf(',%.1f', fit_pt(chart_note, 10.5)) tc rgb colour_muted
  note_y = note_y - 0.045
}
if (noise_off) {
  set label 106 noise_note at screen 0.012, screen note_y left \
      font sprintf(',%.1f', fit_pt(noise_note, 10.5)) tc rgb colour_muted
}

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
# Each parameter named by its label, as in the effect charts (its path where the
# design does not have it).
nparams = words(params)
param_index(p) = sum [i = 1:nparams] (word(params, i) eq p ? i : 0)
param_label(p) = param_index(p) > 0 ? word(param_titles, param_index(p)) : p
do for [i = 1:np] { set ytics add (param_label(word(order, i)) np - i + 1) }
label_chars = 0
do for [i = 1:np] { if (strlen(param_label(word(order, i))) > label_chars) { label_chars = strlen(param_label(word(order, i))) } }
label_width = 0.04 + 0.0085 * label_chars
set lmargin at screen (label_width < 0.5 ? label_width : 0.5)
set yrange [0.45:np + 0.55]
# 0 to 1, the range of a share (further for a noise line beyond 1).
set xrange [0:1]
set offsets graph 0.03, graph 0.03, 0, 0
unset ylabel
set xlabel "Sobol' index (share of the variance of the mean)"
set grid noytics xtics
set border 1
set xzeroaxis lt 1 lc rgb colour_ink lw 1
set arrow 1 from 0, graph 0 to 0, graph 1 nohead back lc rgb colour_ink lw 1
# The noise line, unless the noise is so large (beyond 1.5) that it would
# squeeze the indices: then a note gives its value (noise_note, above).
noise_shown = noise_share == noise_share && noise_share <= 1.5
if (noise_shown) {
  set arrow 2 from noise_share, graph 0 to noise_share, graph 1 nohead front lc rgb colour_muted lw 1.5 dt 2
  set xrange [0:(noise_share > 1 ? noise_share : 1)]
}
noise_title = noise_shown ? sprintf('replication noise (%.2g)', noise_share) : ''

# Drawn within 0..1; an arrow from inside marks a value cut there.
clip(v) = v < 0 ? 0 : (v > 1 ? 1 : v)
cut_mark(v) = v < 0 ? 0.035 : (v > 1 ? 0.965 : NaN)
cut_dir(v) = v < 0 ? -0.035 : 0.035
# Solid bars where the interval excludes 0, hollow where it contains it.
has_zero(col) = column(col.'_ci95_low') <= 0 && column(col.'_ci95_high') >= 0
bar(col, at, hollow) = (has_zero(col) == hollow) ? on_metric(at) : NaN
at(k) = k eq 'first' ? first_at : total_at

plot data using (mine(clip(column('first')) / 2)):(bar('first', first_at, 0)):(clip(column('first')) / 2):(bar_half) \
       with boxxyerror fs solid 0.9 noborder lc rgb colour_first title 'first-order (the parameter alone)', \
     data using (mine(clip(column('total')) / 2)):(bar('total', total_at, 0)):(clip(column('total')) / 2):(bar_half) \
       with boxxyerror fs solid 0.9 noborder lc rgb colour_total title 'total (with its interactions)', \
     data using (mine(clip(column('first')) / 2)):(bar('first', first_at, 1)):(clip(column('first')) / 2):(bar_half) \
       with boxxyerror lw 1.5 lc rgb colour_first fs empty border rgb colour_first notitle, \
     data using (mine(clip(column('total')) / 2)):(bar('total', total_at, 1)):(clip(column('total')) / 2):(bar_half) \
       with boxxyerror lw 1.5 lc rgb colour_total fs empty border rgb colour_total notitle, \
     for [k in 'first total'] data using (mine(clip(column(k)))):(on_metric(at(k))):(clip(column(k.'_ci95_low'))):(clip(column(k.'_ci95_high'))) \
       with xerrorbars pt -1 lw 1.3 lc rgb colour_ink title (k eq 'first' ? '95% bootstrap interval' : ''), \
     for [k in 'first total'] for [end in '_ci95_low _ci95_high'] \
       data using (mine(cut_mark(column(k.end)))):(on_metric(at(k))):(cut_dir(column(k.end))):(0) \
       with vectors head filled size screen 0.008, 30 lw 1.3 lc rgb colour_ink notitle, \
     keyentry with lines lw 1.5 dt 2 lc rgb colour_muted title noise_title
