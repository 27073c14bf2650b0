@HEADER@
#
# Morris screening of one metric's mean: for each parameter the mean absolute
# elementary effect mu* (its importance: how much the mean moves when the
# parameter moves across its whole range) against the standard deviation sigma of
# its effects (how much that move depends on where the other parameters are, or
# on where along its own range it happens: interactions or a non-linear effect),
# each with its 95% bootstrap interval over the trajectories. Parameters near the
# origin can be fixed; the dashed line is sigma = mu*.
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
@DESIGN@

@STYLE@

plot_bottom = 0.165
plot_left = 0.105
set bmargin at screen plot_bottom
set lmargin at screen plot_left

nparams = words(params)
# A parameter's chart label from its path (the path when it is not in the design).
param_index(p) = sum [i = 1:nparams] (word(params, i) eq p ? i : 0)
param_label(p) = param_index(p) > 0 ? word(param_labels, param_index(p)) : p
# Rows of other metrics give no point (nor stretch the ranges).
mine(v) = strcol('metric') eq metric ? v : NaN
stat(s) = mine(column(s) * scale)

# Both axes from 0, to the largest interval end, with room for the labels.
stats data using (stat('mu_star_ci95_high') > stat('mu_star') ? stat('mu_star_ci95_high') : stat('mu_star')) nooutput
x_hi = STATS_max > 0 ? STATS_max : 1
moved = STATS_max > 0
stats data using (stat('sigma_ci95_high') > stat('sigma') ? stat('sigma_ci95_high') : stat('sigma')) nooutput
y_hi = STATS_max > 0 ? STATS_max : 1
# No parameter moves the metric: every point at the origin, said in words rather
# than with labels written over each other.
if (!moved) {
  set label 110 'No parameter moves this metric: every μ* is 0' at graph 0.62, graph 0.2 center font ',12' tc rgb colour_muted
}
set xrange [0:x_hi * 1.15]
set yrange [0:y_hi * 1.1]
set offsets 0, 0, 0, 0
set grid xtics ytics
set format x '% h'
set format y '% h'
set xlabel 'μ*, mean absolute effect of a move across the range: '.value_label
set ylabel 'σ of the effects (same unit)'
set bars 0
colour_interval = '#99'.colour_sweep[2:7]


plot data using (stat('mu_star')):(stat('sigma')):(stat('mu_star_ci95_low')):(stat('mu_star_ci95_high')):(stat('sigma_ci95_low')):(stat('sigma_ci95_high')) \
       with xyerrorbars pt -1 lw 1.2 lc rgb colour_interval notitle, \
     data using (stat('mu_star')):(stat('sigma')) \
       with points pt 7 ps 1.1 lc rgb colour_sweep title 'a parameter (μ*, σ)', \
     data using (stat('mu_star')):(stat('sigma')):(moved && mine(0) == 0 ? param_label(strcol('parameter')) : '') \
       with labels left offset 0.8, 0.5 font ',9' tc rgb colour_ink notitle, \
     keyentry with xyerrorbars pt -1 lw 1.2 lc rgb colour_interval title '95% bootstrap intervals', \
     x with lines dt 2 lw 1.2 lc rgb colour_muted title 'σ = μ*'
