@HEADER@
#
# The paired differences of a comparison: for each headline metric (a panel) and
# each what-if (a row, in its colour on every comparison chart), the mean
# difference what-if minus base across the paired replications, with its 95%
# confidence interval; the value is written beside it (on the side with room). The line at 0 is "no
# change": an interval that does not cross it is a difference the replications
# resolve (Monte Carlo error only, not the uncertainty of the inputs).
set terminal @TERMINAL@
set output '@OUTPUT@'

chart_title = '@TITLE@'
chart_subtitle = '@SUBTITLE@'
chart_source = '@SOURCE@'
# The what-ifs: their data files (unused here) and labels.
@WHAT_IFS@
# The panels' titles, and the differences (scaled to the unit in the title).
@PANELS@

@STYLE@

key_rows = n < 4 ? n : 4
top = 0.855 - 0.04 * key_rows + 0.005
# One what-if a row, in two columns beyond four: set by columns, as gnuplot would
# otherwise fit a vertical legend's rows to the first panel's height (two rows, the
# third entry pushed off the canvas's right edge).
set key horizontal maxcols (n > 4 ? 2 : 1)
colour(i) = scenario_colour(first_colour + i - 1)

# Panels in one column, or two beyond three metrics.
ncols = npanels > 3 ? 2 : 1
nrows = (npanels + ncols - 1) / ncols
panel_h = (top - plot_bottom) / nrows
panel_w = (plot_right - plot_left + 0.02) / ncols
unset ylabel
unset ytics
set border 1
set grid noytics xtics
set xtics font ',9'
set offsets graph 0.05, graph 0.05, 0, 0
mine(w, v) = (column('panel') == p && column('what_if') == w) ? v : NaN
in_panel(v) = column('panel') == p ? v : NaN
# Where a value is written: 1 right of its interval, -1 left of it (the side with
# more room); where its text fits on neither side the axis runs on to the right
# (wanted, below), and only a text wider than the panel is set above its point (0). A character of
# the values' font takes about char_w of the canvas's width.
char_w = 0.0065
fits(gap, text) = gap / (x_hi - x_lo) * (panel_w - 0.05) > (strlen(text) + 2) * char_w
room(high, low, text) = (x_hi == x_lo) ? 1 : (x_hi - high >= low - x_lo) ? \
    (fits(x_hi - high, text) ? 1 : 0) : (fits(low - x_lo, text) ? -1 : 0)
# The axis's right end that leaves a text room right of its interval:
# (end - high) / (end - x_lo) of the panel's width at least the text's share c.
share_of(text) = 1.05 * (strlen(text) + 2) * char_w / (panel_w - 0.05) # a little over: fits() is strict
wanted(high, low, text) = room(high, low, text) != 0 || share_of(text) >= 0.9 ? x_hi : \
    (high - share_of(text) * x_lo) / (1 - share_of(text))

# A panel title's lines (frontsim breaks one longer than 56 characters in two),
# and a line's height as a share of the canvas: 1.25 em of its 9 pt font.
title_lines(p) = strstrt(panel_titles[p], "\n") > 0 ? 2 : 1
title_line = 1.25 * 9 * em_share / canvas_aspect

set multiplot
do for [p = 1:npanels] {
  row = (p - 1) / ncols
  col = (p - 1) % ncols
  left = plot_left + col * panel_w
  panel_top = top - row * panel_h
  # A row with a title of two lines starts its panels a line lower (the second
  # line sat against the panel's top); every title sits as far above its panel.
  nlines = title_lines(p)
  row_lines = 1
  do for [q = row * ncols + 1:(row + 1) * ncols < npanels ? (row + 1) * ncols : npanels] {
    row_lines = title_lines(q) > row_lines ? title_lines(q) : row_lines
  }
  set lmargin at screen left
  set rmargin at screen left + panel_w - 0.05
  panel_plot_top = panel_top - 0.058 - (row_lines - 1) * title_line
  set tmargin at screen panel_plot_top
  set bmargin at screen panel_top - panel_h + 0.055
  set label 301 panel_titles[p] at screen left, screen panel_plot_top + 0.046 + (nlines - 1) * title_line / 2 \
      left font ',9' tc rgb colour_ink front
  # The range with 0 in it, for room().
  set autoscale xy
  stats $differences using (in_panel(column('low'))) name 'low' nooutput
  stats $differences using (in_panel(column('high'))) name 'high' nooutput
  x_lo = low_min < 0 ? low_min : 0
  x_hi = high_max > 0 ? high_max : 0
  # Every difference 0 (nothing changed in any pair): a range around it.
  # A value that fits on neither side of its interval gets room on the right: the
  # axis runs on as far as it needs (set above its point, it ran into the title or
  # the row above).
  stats $differences using (in_panel(wanted(column('high'), column('low'), strcol('text')))) \
      name 'wanted' nooutput
  if (x_lo == x_hi) {
    set xrange [-1:1]
  } else {
    if (wanted_max > x_hi) { x_hi = wanted_max; set xrange [*<0:x_hi] } else { set xrange [*<0:0<*] }
  }
  set yrange [0.5 : n + 0.5]
  set arrow 1 from 0, graph 0 to 0, graph 1 nohead back lc rgb colour_ink lw 1
  plot for [w = 1:n] $differences using (mine(w, column('difference'))):(n + 1 - w):(mine(w, column('low'))):(mine(w, column('high'))) \
         with xerrorbars pt 7 ps 1.1 lw 1.6 lc rgb colour(w) title names[w], \
       for [w = 1:n] $differences using (mine(w, room(column('high'), column('low'), strcol('text')) == 1 ? column('high') : NaN)):(n + 1 - w):(strcol('text')) \
         with labels left offset 0.8, 0 font ',9' tc rgb colour_ink notitle, \
       for [w = 1:n] $differences using (mine(w, room(column('high'), column('low'), strcol('text')) == -1 ? column('low') : NaN)):(n + 1 - w):(strcol('text')) \
         with labels right offset -0.8, 0 font ',9' tc rgb colour_ink notitle, \
       for [w = 1:n] $differences using (mine(w, room(column('high'), column('low'), strcol('text')) == 0 ? column('difference') : NaN)):(n + 1 - w):(strcol('text')) \
         with labels center offset 0, 0.8 font ',9' tc rgb colour_ink notitle
  # The header, source line and legend once.
  unset label 101
  unset label 102
  unset label 103
  unset key
}
unset multiplot
