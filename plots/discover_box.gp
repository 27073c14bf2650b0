@HEADER@
#
# The box scenario discovery (PRIM) reports, parameter by parameter: each
# parameter's whole range in the sweep (grey) and the part the box keeps (blue,
# for the parameters it restricts), with the limits and each restriction's
# quasi-p-value written above the bar (a large one: the restriction adds little).
set terminal @TERMINAL@
set output '@OUTPUT@'

chart_title = '@TITLE@'
chart_subtitle = '@SUBTITLE@'
chart_source = '@SOURCE@'
data = '@DATA@'
# The parameters' names, a row each in box.csv's order: the sweep's labels, as the
# sweep charts name them.
param_titles = '@BOX_TITLES@'
title_of(row) = row < words(param_titles) ? word(param_titles, int(row) + 1) : strcol('parameter')

@STYLE@

stats data using 'restricted' nooutput
n = STATS_records
# The parameters' names label the rows: the left margin is measured from the
# longest (the style's text measure, a character as 0.6 em), so none is cut by
# the canvas edge; past half the canvas their font is set smaller instead.
name_pt = 11
name_chars = 0
stats data using (strlen(title_of($0)) > name_chars ? name_chars = strlen(title_of($0)) : 0) nooutput
name_room = 0.5 - 0.012 - 0.015
name_pt = name_chars * 0.6 * em_share * name_pt <= name_room ? name_pt : name_room / (name_chars * 0.6 * em_share)
name_left = 0.012 + name_chars * 0.6 * em_share * name_pt + 0.015
set lmargin at screen (name_left > 0.2 ? name_left : 0.2)
set yrange [n - 0.5:-0.75]
set xrange [0:1]
set rmargin at screen 0.93
set xtics ('lowest value swept' 0, 'highest' 1)
set grid noytics
unset border
set border 1 lc rgb colour_ink
name_font = sprintf(',%.1f', name_pt)
set ytics nomirror scale 0 font name_font
numeric = 'numeric'
frac(v) = (v - column('range_low')) / (column('range_high') - column('range_low'))
lo(x) = strcol('kind') eq numeric ? frac(column('low')) : 0
hi(x) = strcol('kind') eq numeric ? frac(column('high')) : 1
limits(x) = strcol('kind') eq numeric \
  ? (column('low') == column('high') \
     ? sprintf('%.4g only, of %.4g to %.4g', column('low'), column('range_low'), column('range_high')) \
     : sprintf('%.4g to %.4g, of %.4g to %.4g', column('low'), column('high'), \
               column('range_low'), column('range_high'))) \
  : sprintf('%s (of %d levels)', strcol('levels'), (words(strcol('all_levels')) + 1) / 2)
# A restriction narrower than a mark (one value: 4 to 4) is drawn as a mark that
# wide at its place, not as nothing (the whole range grey, as if unrestricted).
mark_half = 0.006
half(x) = (hi(0) - lo(0)) / 2 < mark_half ? mark_half : (hi(0) - lo(0)) / 2
note(x) = column('restricted') > 0 ? limits(0).sprintf('   (quasi-p %.2g)', column('qp_value')) \
                                   : 'not restricted'

# A categorical parameter's kept levels have no place on the range: its bar is all
# blue when restricted, the levels named above it. It has a clause of its own, as its
# empty low/high fields would void the numeric clause's point.
plot data using (0.5):0:(0.5):(0.16):ytic(title_of($0)) with boxxyerror fs solid 1.0 \
       lc rgb colour_transit notitle, \
     data using ((lo(0) + hi(0)) / 2):(column('restricted') > 0 ? $0 : NaN):(half(0)):(0.16) \
       with boxxyerror fs solid 1.0 lc rgb oi_blue notitle, \
     data using (0.5):(strcol('kind') ne numeric && column('restricted') > 0 ? $0 : NaN):(0.5):(0.16) \
       with boxxyerror fs solid 1.0 lc rgb oi_blue notitle, \
     data using (0):($0 - 0.36):(note(0)) with labels left font ',10' tc rgb colour_ink notitle
