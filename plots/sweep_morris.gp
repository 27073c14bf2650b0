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
param_label(p) = param_index(p) > 0 ? word(param_titles, param_index(p)) : p
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



# The labels, placed so that none runs past the plot area or over another: the
# parameters from the largest mu* down (the important ones keep their place), each
# label tried right of its point, then left, then above and below at one label's
# height more each step, the first place clear of the labels already set and of
# the other points taken;
# a label set away from its point gets a thin line to it. In canvas fractions,
# from the style's text measure (em_share, a character as 0.6 em).
label_pt = 9
label_h = 1.25 * label_pt * em_share / canvas_aspect
point_r = 0.004   # a point's radius, as a share of the canvas width
array lx_[200]; array ly_[200]; array lw_[200]; array ln_[200]; array lk_[200]; array ld_[200]
nl = 0
if (moved) {
  stats data using (mine(0) == 0 && nl < 200 ? (nl = nl + 1, lx_[nl] = stat('mu_star'), \
        ly_[nl] = stat('sigma'), ln_[nl] = param_label(strcol('parameter')), 0) : 0) nooutput
}
sx(x) = plot_left + x / (x_hi * 1.15) * (plot_right - plot_left)
sy(y) = plot_bottom + y / (y_hi * 1.1) * (plot_top - plot_bottom)
# Placed boxes: left, right, bottom, top; lk_[i] = 1 once label i is placed.
array bl_[200]; array br_[200]; array bb_[200]; array bt_[200]
clear_of(l, r, b, t) = (l >= plot_left - 0.01 && r <= 0.995 && b >= plot_bottom && t <= plot_top)
do for [k = 1:nl] { lk_[k] = 0 }
do for [step = 1:nl] {
  # The unplaced label of the largest mu*.
  best = 0
  do for [k = 1:nl] { if (!lk_[k] && (best == 0 || lx_[k] > lx_[best])) { best = k } }
  w = strlen(ln_[best]) * 0.6 * label_pt * em_share
  px = sx(lx_[best]); py = sy(ly_[best]); gap = 0.008
  placed = 0
  do for [try = 0:59] {
    if (!placed) {
      side = try % 2                # 0: right of the point, 1: left
      shift = int(try / 2)          # 0, 1, 2...: up 0, down 1, up 1, down 2...
      dy = (shift == 0 ? 0.35 : (shift % 2 ? -1 : 1) * int((shift + 1) / 2)) * label_h
      l = side ? px - gap - w : px + gap
      b = py + dy - label_h / 2
      ok = clear_of(l, l + w, b, b + label_h)
      do for [j = 1:nl] {
        if (ok && lk_[j] && l < br_[j] && l + w > bl_[j] && b < bt_[j] && b + label_h > bb_[j]) { ok = 0 }
        # Nor over another parameter's point.
        if (ok && j != best && abs(sx(lx_[j]) - (l + w / 2)) < w / 2 + point_r && \
            abs(sy(ly_[j]) - (b + label_h / 2)) < label_h / 2 + point_r / canvas_aspect) { ok = 0 }
      }
      if (ok) {
        placed = 1; bl_[best] = l; br_[best] = l + w; bb_[best] = b; bt_[best] = b + label_h
        ld_[best] = shift > 0
      }
    }
  }
  if (!placed) {  # nowhere clear: right of the point, or left near the right edge
    l = px + gap + w <= 0.995 ? px + gap : px - gap - w
    bl_[best] = l; br_[best] = l + w; bb_[best] = py; bt_[best] = py + label_h; ld_[best] = 0
  }
  lk_[best] = 1
  set label 200 + best ln_[best] at screen bl_[best], screen (bb_[best] + bt_[best]) / 2 left \
      font sprintf(',%d', label_pt) tc rgb colour_ink front
  if (ld_[best]) {
    set arrow 200 + best from first lx_[best], first ly_[best] \
        to screen (bl_[best] < px ? br_[best] : bl_[best]), screen (bb_[best] + bt_[best]) / 2 \
        nohead lw 0.8 lc rgb colour_muted back
  }
}

plot data using (stat('mu_star')):(stat('sigma')):(stat('mu_star_ci95_low')):(stat('mu_star_ci95_high')):(stat('sigma_ci95_low')):(stat('sigma_ci95_high')) \
       with xyerrorbars pt -1 lw 1.2 lc rgb colour_interval notitle, \
     data using (stat('mu_star')):(stat('sigma')) \
       with points pt 7 ps 1.1 lc rgb colour_sweep title 'a parameter (μ*, σ)', \
     keyentry with xyerrorbars pt -1 lw 1.2 lc rgb colour_interval title '95% bootstrap intervals', \
     x with lines dt 2 lw 1.2 lc rgb colour_muted title 'σ = μ*'
