# Dates: each row is dated by the day it ends (row 0, the starting state, the
# day before the first).
set xdata time
set timefmt '%Y-%m-%d'
date_of(text) = strptime('%Y-%m-%d', text)
first_date = '@FIRST_DATE@'
last_date = '@LAST_DATE@'
set xrange [date_of(first_date):date_of(last_date)]
# Date ticks chosen for the length of the run (frontsim plot wrote them):
# labelled major ticks, kept clear of the right edge, and unlabelled minor ones.
@DATE_TICKS@

# Marks on the date axis, each a line across the plot and its name above the
# data: the scenario's event days (charts that set event_dates and event_names:
# dotted) and the day the median held area of each sector in held_sectors first
# reached 0 (dashed: what the chart shows after it, fighting or personnel still
# there, is in a sector already lost). frontsim lists the chart's own sector
# there, or every sector with a held area for a chart of all sectors.
held_sectors = '@HELD_SECTORS@'
# The series read for that day: one directory for a run; for a comparison, each
# scenario's (arm_dir), with its name (arm_name) and colour (arm_colour). Where
# the scenarios reach 0 on the same day, one mark says so; where they differ,
# each day one of them reaches it has its own, naming them (coloured as in the
# legend where it is one).
@ARMS@
zero_scan(row, area) = (zero_row < 0 && area <= 0) ? (zero_row = row, 0) : 0
mk_max = (exists('event_dates') ? words(event_dates) : 0) + words(held_sectors) * arm_n + 1
array mk_t[mk_max]
array mk_text[mk_max]
array mk_kind[mk_max]
array mk_colour[mk_max]
array mk_side[mk_max]
array mk_row[mk_max]
array arm_zero[arm_n]
array arm_done[arm_n]
mk_n = 0
if (exists('event_dates')) {
  do for [i = 1:words(event_dates)] {
    mk_n = mk_n + 1
    mk_t[mk_n] = date_of(word(event_dates, i))
    mk_text[mk_n] = word(event_names, i)
    mk_kind[mk_n] = 1
    mk_colour[mk_n] = colour_event
  }
}
do for [s in held_sectors] {
  same = 1
  do for [arm = 1:arm_n] {
    zero_row = -1
    set xdata # (stats reads no time axis: the row number, then its date)
    stats arm_dir[arm].'/'.s.'.csv' using (zero_scan($0, column('held_area_km2_p50'))) nooutput
    set xdata time
    arm_zero[arm] = zero_row
    if (zero_row != arm_zero[1]) { same = 0 }
  }
  if (same && arm_zero[1] >= 0) {
    mk_n = mk_n + 1
    mk_t[mk_n] = date_of(first_date) + arm_zero[1] * 86400
    mk_text[mk_n] = place(s).' area 0 (median)'
    mk_kind[mk_n] = 2
    mk_colour[mk_n] = colour_ink
  }
  # Scenarios whose days differ: a mark a day, the latest first (placed first, its
  # name in the top row, the earlier lines ending below it), naming the scenarios
  # of that day, in the colour of the one.
  do for [arm = 1:arm_n] { arm_done[arm] = same || arm_zero[arm] < 0 }
  do for [k = 1:(same ? 0 : arm_n)] {
    last = 0
    do for [arm = 1:arm_n] {
      if (!arm_done[arm] && (last == 0 || arm_zero[arm] > arm_zero[last])) { last = arm }
    }
    if (last > 0) {
      mk_n = mk_n + 1
      mk_t[mk_n] = date_of(first_date) + arm_zero[last] * 86400
      mk_text[mk_n] = ''
      mk_kind[mk_n] = 2
      mk_colour[mk_n] = arm_colour[last]
      do for [arm = 1:arm_n] {
        if (!arm_done[arm] && arm_zero[arm] == arm_zero[last]) {
          if (strlen(mk_text[mk_n]) > 0) { mk_colour[mk_n] = colour_ink }
          mk_text[mk_n] = mk_text[mk_n].(strlen(mk_text[mk_n]) > 0 ? ', ' : '').arm_name[arm]
          arm_done[arm] = 1
        }
      }
      mk_text[mk_n] = place(s).' area 0 (median, '.mk_text[mk_n].')'
    }
  }
}
# One rule places every name (no name over another, none over data): in rows at
# the top of the plot, in headroom kept free of data, right of its line, else
# left of it (past the plot's right end), in the first row from the top where it
# overlaps no other name and crosses no other mark's line. A mark's line ends at
# the top of its name's row, so where every row's place crosses a line (two
# marks a few days apart near the plot's end, as a comparison's scenarios reach
# 0), a name may cross a line that ends below it: in the first row where it
# does only that, the other's name in a row below. Where even that fails, in
# the first row where it overlaps no name. Widths are
# estimated as the style measures text (0.6 em a character, wide) against a plot
# taken narrower than it is (its left margin is gnuplot's own).
mk_font = 10
mk_char = 0.6 * em_share * mk_font / (plot_right - 0.13)
mk_gap = 0.6 * mk_char
mk_high = 1.3 * mk_font * em_share / canvas_aspect
mk_x0 = date_of(first_date)
mk_span = date_of(last_date) - mk_x0
mk_u(t) = (t - mk_x0) / mk_span
mk_lo(i, side, t) = side > 0 ? mk_u(t) + mk_gap : mk_u(t) - mk_gap - strlen(mk_text[i]) * mk_char
mk_hi(i, side, t) = mk_lo(i, side, t) + strlen(mk_text[i]) * mk_char
mk_rows = 0
do for [i = 1:mk_n] {
  mk_row[i] = 0
  do for [pass = 1:3] {
    do for [row = 1:mk_n] {
      do for [side in '1 -1'] {
        if (mk_row[i] == 0) {
          lo = mk_lo(i, side + 0, mk_t[i]); hi = mk_hi(i, side + 0, mk_t[i])
          ok = lo >= 0 && hi <= 1
          do for [j = 1:i - 1] {
            if (mk_row[j] == row && lo < mk_hi(j, mk_side[j], mk_t[j]) && \
                hi > mk_lo(j, mk_side[j], mk_t[j])) { ok = 0 }
            # A name placed across this line: it must end below that name.
            if (pass < 3 && mk_row[j] >= row && mk_u(mk_t[i]) > mk_lo(j, mk_side[j], mk_t[j]) && \
                mk_u(mk_t[i]) < mk_hi(j, mk_side[j], mk_t[j])) { ok = 0 }
          }
          do for [j = 1:mk_n] {
            if (pass < 3 && j != i && mk_u(mk_t[j]) > lo && mk_u(mk_t[j]) < hi && \
                (pass == 1 || (j < i && mk_row[j] <= row))) { ok = 0 }
          }
          if (ok) { mk_row[i] = row; mk_side[i] = side + 0 }
        }
      }
    }
  }
  if (mk_row[i] == 0) { mk_row[i] = mk_n + 1; mk_side[i] = mk_u(mk_t[i]) < 0.5 ? 1 : -1 }
  mk_rows = mk_row[i] > mk_rows ? mk_row[i] : mk_rows
}
# The rows' room, as a share of the canvas; a chart of panels takes it from the
# top one (marks_headroom of that panel's height, plots/supply.gp).
marks_room = mk_rows > 0 ? (mk_rows + 0.3) * mk_high : 0
marks_headroom(height) = marks_room > 0 ? marks_room / (height - marks_room) : 0.04
set offsets 0, 0, graph marks_headroom(plot_top - plot_bottom), 0
# Each line up to its name (the plot's top for the first row), clear of those above;
# a chart of panels draws it to graph 1 in those below (mk_full).
mk_top(i) = mk_row[i] == 1 ? plot_top : plot_top - (mk_row[i] - 0.85) * mk_high
do for [i = 1:mk_n] {
  if (mk_kind[i] == 1) {
    set arrow 300 + i from mk_t[i], graph 0 to mk_t[i], screen mk_top(i) nohead back \
        lc rgb mk_colour[i] lw 1.2 dt 3
  } else {
    # In front: stacked areas would hide it.
    set arrow 300 + i from mk_t[i], graph 0 to mk_t[i], screen mk_top(i) nohead front \
        lc rgb mk_colour[i] lw 1.2 dt 2
  }
  mk_at = mk_t[i] + mk_side[i] * mk_gap * mk_span
  mk_y = plot_top - (mk_row[i] - 0.45) * mk_high
  if (mk_side[i] > 0) {
    set label 300 + i mk_text[i] at first mk_at, screen mk_y left front font ',10' \
        tc rgb mk_colour[i]
  } else {
    set label 300 + i mk_text[i] at first mk_at, screen mk_y right front font ',10' \
        tc rgb mk_colour[i]
  }
}
mk_full = 'do for [i = 1:mk_n] { set arrow 300 + i to mk_t[i], graph 1 }'
