#!/bin/sh
# render.sh FRONTSIM: every run, sweep and comparison chart drawn in png, svg and
# pdf, and checked mechanically (tests/charts/check.py): no text cut by the canvas,
# Morris labels apart,
# SVGs titled, no constant metric charted, no interval past its metric's bounds.
# The run is the default scenario (four-digit held-area ticks, long titles); the
# sweeps are a shipped grid of two parameters, one categorical (long level names),
# a small sobol design and a five-parameter morris one, with a discovery; few
# replications, so it stays well under a minute. First, the checker must catch a
# chart whose title runs off the canvas. Exit 77 (skipped) without gnuplot or
# pdftoppm.
set -eu
bin=$1
root=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# A chart put back as it was: the check must fail on it (its output kept in $out)...
expect_faults() { # WHAT CHECK-ARGUMENTS...
  what=$1
  shift
  out=$(python3 "$check" "$@") && fail "$what passed"
  return 0
}
# ...and name the fault.
caught() { # PATTERN MESSAGE
  echo "$out" | grep -q "$1" || fail "$2: $out"
}
# A chart of DIR drawn as SVG, then again from its script changed by SED (the old
# way), which must then hold PUT_BACK: DIR ONLY SCRIPT SED PUT_BACK.
redraw_old() {
  "$bin" plot "$1" --format svg --only "$2" -q || fail "plot $1"
  sed "$4" "$1/charts/$3" >"$1/charts/old.gp"
  grep -q "$5" "$1/charts/old.gp" || fail "$1: the old way was not put back"
  (cd "$1/charts" && "${FRONTSIM_GNUPLOT:-gnuplot}" old.gp) || fail "gnuplot $1/charts/old.gp"
}
for p in "${FRONTSIM_GNUPLOT:-gnuplot}" pdftoppm; do
  command -v "$p" >/dev/null 2>&1 || { echo "SKIP: $p is not installed"; exit 77; }
done
check=$root/tests/charts/check.py

# The checker can fail: a title cut by the right edge, as sweep titles were.
mkdir -p "$tmp/cut/charts"
cat >"$tmp/cut/charts/cut.gp" <<'GP'
set terminal pngcairo size 600,300 font 'Sans,11' background rgb 'white'
set output 'cut.png'
chart_title = 'A title far too long for a canvas of six hundred pixels'
set label 1 chart_title at screen 0.05, screen 0.9 font 'Sans Bold,20'
plot x
GP
(cd "$tmp/cut/charts" && "${FRONTSIM_GNUPLOT:-gnuplot}" cut.gp) || fail "gnuplot cut.gp"
expect_faults "a title cut by the canvas edge" "$tmp/cut"
caught "cut.png: ink on the canvas edge" "the check said"

# Its --set options repeat the default's values (the same run) and make its label
# long: the source line must keep its size, the label shortened.
"$bin" run "$root/scenarios/kursk-pokrovsk.cfg" -n 20 -q -o "$tmp/run" \
  --set 'sides.red.rules.[0].threshold=3.5' --set 'sides.red.rules.[0].daily_cap=1000' \
  --set 'sides.red.rules.[0].donor_floor=1.5' >/dev/null
"$bin" sweep "$root/scenarios/sweeps/red-donor-order.cfg" -n 8 -q -o "$tmp/grid" \
  --set sweep.per_replication=1 >/dev/null
# A grid of five lines with long legend entries (three columns would not fit).
"$bin" sweep "$root/scenarios/sweeps/red-threshold-delay.cfg" -n 4 -q -o "$tmp/lines" >/dev/null
# A shipped morris sweep of four labelled parameters, one of its labels
# ('Kursk reinforcement threshold') wider than its panel.
"$bin" sweep "$root/scenarios/sweeps/red-rule-screening.cfg" --points 2 -n 3 -q -o "$tmp/screen" \
  --set 'sweep.metrics=["red.losses"]' >/dev/null
"$bin" sweep "$root/tests/data/plot-sweep.cfg" -o "$tmp/sobol" --method sobol --points 8 -n 4 \
  --param 'sides.red.rules.[0].personnel=1000:4000' --param 'sides.red.rules.[0].delay=1:7' \
  -q >/dev/null 2>"$tmp/sobol.err"
# Its base sample of 8 is far too small: said at run time, even with -q.
grep -q "warning: the Sobol' base sample (N = 8) is too small: .* about --points [0-9]*" \
  "$tmp/sobol.err" || fail "no warning of a small Sobol' base sample: $(cat "$tmp/sobol.err")"
# Five parameters of a morris design (its effect charts are the lhs design's
# scatter panels): panels in two rows, one y-axis title for them; the Morris
# chart's labels, one a parameter. A discovery on it: the box chart's rows named
# by the full paths, the longest 39 characters.
"$bin" sweep "$root/scenarios/kursk-pokrovsk.cfg" --method morris --points 2 -n 3 -q -o "$tmp/morris5" \
  --param 'sides.red.rules.[0].threshold=2.5:4.5' --param 'sides.red.rules.[0].daily_cap=300:3000' \
  --param 'sides.red.rules.[0].donor_floor=1:2.5' --param 'sides.red.rules.[0].delay=1:14' \
  --param 'formations.ua-kursk-strike.feint_factor=1:6' --set 'sweep.metrics=["red.losses"]' >/dev/null
"$bin" discover "$tmp/morris5" --baseline 0 --where 'red.losses < 0' -q -o "$tmp/disc" >/dev/null
# The comparison's what-if has an override: its charts' source line names it.
"$bin" compare "$root/scenarios/kursk-pokrovsk.cfg" "$root/scenarios/no-diversion.cfg" -n 8 -q \
  --set-b sides.red.intel_sigma=0.3 -o "$tmp/cmp" >/dev/null
dirs="run grid lines screen sobol morris5 cmp disc"
for fmt in png svg pdf; do
  for d in $dirs; do
    only=""; [ "$d" = grid ] && only="--only kursk.red_drawn_from_sectors --baseline 0"
    [ "$d" = lines ] && only="--only effect_kursk.red_drawn_from_sectors"
    "$bin" plot "$tmp/$d" --format "$fmt" $only -q 2>"$tmp/err" || fail "plot $d --format $fmt: $(cat "$tmp/err")"
  done
  # The y-axis titles as rsvg draws the SVGs (the pdf scripts are checked below).
  if [ "$fmt" = svg ]; then
    (cd "$tmp" && python3 "$check" --titles $dirs) || fail "see above"
  fi
done
(cd "$tmp" && python3 "$check" $dirs) || fail "see above"

# The other checks can fail too: an interval drawn below 0 (a script without its
# clipping, values negated) and a chart of a metric constant over the sweep.
mkdir -p "$tmp/bad/charts"
cp "$tmp/sobol/sweep.csv" "$tmp/bad/"
sed 's/^bounded(v) = .*/bounded(v) = v/; s/^scale = .*/scale = -1/' \
  "$tmp/sobol/charts/effect_red.losses.gp" >"$tmp/bad/charts/effect_red.losses.gp"
sed 's/red[.]losses/pokrovsk.route_cut/g' "$tmp/bad/charts/effect_red.losses.gp" \
  >"$tmp/bad/charts/effect_pokrovsk.route_cut.gp"
expect_faults "an interval below 0 and a constant metric" --only intervals,constant "$tmp/bad"
caught "effect_red.losses.gp: interval .* past the bounds" "an interval below 0 was not caught"
caught "effect_pokrovsk.route_cut.gp: charts pokrovsk.route_cut, constant" "a constant metric's chart was not caught"
# And a Sobol' chart drawing an index past 1 or below 0 without its clipping, and one
# without its warning of intervals too wide to read.
mkdir -p "$tmp/badsobol/charts"
cp "$tmp/sobol/sensitivity.csv" "$tmp/badsobol/"
for f in "$tmp"/sobol/charts/sensitivity_*.gp; do
  sed "s/^clip(v) = .*/clip(v) = v/; s/^chart_warning = .*/chart_warning = ''/" "$f" \
    >"$tmp/badsobol/charts/$(basename "$f")"
done
expect_faults "unclipped Sobol' indices without a warning" --only sobol "$tmp/badsobol"
caught "sensitivity_.*index drawn at .* past 0" "an index drawn past 0..1 was not caught"
caught "sensitivity_.*wide, warning ''" "a missing warning of wide intervals was not caught"
# And the panels of the five-parameter sweep titled per row, as they were: each
# title longer than its row, running into the next row's and towards the legend.
mkdir -p "$tmp/rows/charts"
cp "$tmp/morris5/sweep.csv" "$tmp/rows/"
sed "s/if (col == 0) { set format y '% h' }/if (col == 0) { set ylabel value_label; set format y '% h' }/" \
  "$tmp/morris5/charts/effect_red.losses.gp" | sed '/^set label 106 ylabel_text(value_label)/,/^ *font/d' \
  >"$tmp/rows/charts/effect_red.losses.gp"
grep -q "set ylabel value_label" "$tmp/rows/charts/effect_red.losses.gp" || fail "the per-row titles were not put back"
expect_faults "y-axis titles per row of panels" --only titles "$tmp/rows"
caught "effect_red.losses.pdf: its y-axis title runs from .* past the plot area" "y-axis titles past their panels were not caught"
# And a heat map whose y-axis title sits against its level names.
mkdir -p "$tmp/tight/charts"
cp "$tmp/grid/sweep.csv" "$tmp/tight/"
sed 's/^set label 106 ylabel_text(param_axis(y_param)) at screen .*/set label 106 ylabel_text(param_axis(y_param)) at screen title_room + 0.03, \\/' \
  "$tmp/grid/charts/heatmap_kursk.red_drawn_from_sectors.gp" \
  >"$tmp/tight/charts/heatmap_kursk.red_drawn_from_sectors.gp"
expect_faults "a y-axis title against the level names" --only titles "$tmp/tight"
caught "heatmap_kursk.red_drawn_from_sectors.pdf: its y-axis title touches other ink" "a y-axis title against the level names was not caught"
# And a Morris chart whose labels are set beside their points wherever they
# fall (as they were): written over each other.
mkdir -p "$tmp/labels/charts"
cp "$tmp/morris5/morris.csv" "$tmp/labels/"
sed 's/^\( *\)ok = clear_of(.*/\1ok = 1/; s/if (ok \&\& lk_/if (0 \&\& lk_/; s/lx_\[nl\] = stat(.mu_star.)/lx_[nl] = 0/; s/ly_\[nl\] = stat(.sigma.)/ly_[nl] = 0/' \
  "$tmp/morris5/charts/morris_red.losses.gp" >"$tmp/labels/charts/morris_red.losses.gp"
expect_faults "Morris labels written over each other" --only labels "$tmp/labels"
caught "morris_red.losses.gp: labels [0-9]* and [0-9]* overlap" "overlapping Morris labels were not caught"
# And the discovery's box chart with the fixed left margin it had: the names
# cut by the canvas's left edge.
mkdir -p "$tmp/box/charts"
cp "$tmp/disc/box.csv" "$tmp/box/"
sed 's/^set lmargin at screen .*/set lmargin at screen 0.2/; s/^name_pt = name_chars .*/name_pt = 11/' \
  "$tmp/disc/charts/box.gp" | sed 's/ytic(title_of($0))/ytic(1)/' >"$tmp/box/charts/box.gp"
(cd "$tmp/box/charts" && "${FRONTSIM_GNUPLOT:-gnuplot}" box.gp) || fail "gnuplot box.gp"
expect_faults "a box chart with names cut by the left edge" --only images "$tmp/box"
caught "box.pdf: ink on the page edge" "names cut by the left edge were not caught"
# And the marks of the run charts placed as they were: the events' names at the
# top, each right of its line, the area-0 name left of its line in a row below,
# over the data, without headroom for it, in a white box: across the line of an
# event (the default scenario's jeddah-talks) and over the engagements' Pokrovsk
# band, hiding it.
mkdir -p "$tmp/marks/charts"
cp -r "$tmp/run/series" "$tmp/marks/"
for c in held_area_kursk engagements; do
  sed 's/if (ok) { mk_row\[i\] = row; mk_side\[i\] = side + 0 }/if (1) { mk_row[i] = mk_kind[i] == 2 ? 3 : 1; mk_side[i] = mk_kind[i] == 2 ? -1 : 1 }/; s/^set offsets 0, 0, graph marks_headroom(.*/set offsets 0, 0, graph 0.04, 0/' \
    "$tmp/run/charts/$c.gp" |
    sed "s/^\( *\)set label 300 + i \(.*\) front font/\1set style textbox opaque noborder fc rgb 'white'; set label 300 + i \2 front boxed font/" \
    >"$tmp/marks/charts/$c.gp"
done
grep -q "if (1) { mk_row" "$tmp/marks/charts/held_area_kursk.gp" || fail "the old placing was not put back"
expect_faults "marks placed as they were" --only marks "$tmp/marks"
caught "held_area_kursk.gp: mark 'Kursk area 0 (median)' crosses the line of 'jeddah-talks'" "an area-0 name across an event's line was not caught"
caught "engagements.gp: mark 'Kursk area 0 (median)' over the data" "an area-0 name over the data was not caught"
caught "engagements.gp: text in an opaque box" "an opaque box was not caught"
# And the personnel and supply charts of Kursk without its area-0 mark, as they were.
for c in personnel_kursk supply_kursk; do
  sed "s/^held_sectors = .*/held_sectors = ''/" "$tmp/run/charts/$c.gp" >"$tmp/marks/charts/$c.gp"
done
expect_faults "charts of Kursk without its area-0 mark" --only marks "$tmp/marks"
for c in personnel_kursk supply_kursk; do
  caught "$c.gp: no mark of the day the kursk held area reached 0" "$c without the area-0 mark was not caught"
done
# And a comparison's charts of Kursk without its area-0 marks, as they were (no
# sector set, its series not read), and with each mark's line up to the plot's
# top, as a run chart's was: the base's name, left of its line near the end,
# then crosses the what-if's line, a few days before.
mkdir -p "$tmp/cmpmarks/charts"
cp -r "$tmp/cmp/a" "$tmp/cmp/b" "$tmp/cmpmarks/"
for c in held_area_kursk supply_kursk allocation_red_kursk; do
  sed "s/^held_sectors = .*/held_sectors = ''/" "$tmp/cmp/charts/$c.gp" >"$tmp/cmpmarks/charts/$c.gp"
done
expect_faults "a comparison's charts without area-0 marks" --only marks "$tmp/cmpmarks"
for c in held_area_kursk supply_kursk allocation_red_kursk; do
  caught "$c.gp: no mark of the day the kursk held area reached 0" "$c of a comparison without the area-0 mark was not caught"
done
rm "$tmp"/cmpmarks/charts/*
sed 's/^mk_top(i) = .*/mk_top(i) = plot_top/' "$tmp/cmp/charts/held_area_kursk.gp" \
  >"$tmp/cmpmarks/charts/held_area_kursk.gp"
grep -q "^mk_top(i) = plot_top$" "$tmp/cmpmarks/charts/held_area_kursk.gp" || fail "the full lines were not put back"
expect_faults "a comparison's marks with lines to the top" --only marks "$tmp/cmpmarks"
caught "held_area_kursk.gp: mark 'Kursk area 0 (median, kursk-pokrovsk)' crosses the line of 'Kursk area 0 (median, no-diversion)'" \
  "a name across the line of another scenario's mark was not caught"
# And the engagements chart with its legend's and mark's sector names as
# written (lower case), as they were.
mkdir -p "$tmp/caps"
cp -r "$tmp/run/series" "$tmp/run/scenario.cfg" "$tmp/run/frontsim.meta" "$tmp/caps/"
redraw_old "$tmp/caps" engagements engagements.gp '/^place(s) = /{N;s/.*/place(s) = s/}' \
  '^place(s) = s$'
expect_faults "sector names in lower case" --only places "$tmp/caps"
caught "engagements.svg: 'kursk' shown in lower case: 'kursk median'" "a lower-case sector name was not caught"
caught "engagements.svg: 'pokrovsk' shown in lower case: 'pokrovsk median'" "a lower-case sector name in a legend was not caught"
# And the grid's effect chart with every interval down to the metric's bound, 0:
# its caps clear of the axis line; drawn as it was (no room below), they are on it.
mkdir -p "$tmp/caps0/charts" "$tmp/caps1/charts"
c=effect_kursk.red_drawn_from_sectors.gp
sed "s/^ci(s) = .*/ci(s) = s eq 'low' ? lower : bounded(stat('mean_ci95_'.s))/" "$tmp/grid/charts/$c" \
  >"$tmp/caps0/charts/$c"
sed 's/^if (GPVAL_DATA_Y_MIN - 0.25 \* cap_span < lower) {/if (0) {/; s/, graph 0.03$/, 0/' \
  "$tmp/caps0/charts/$c" >"$tmp/caps1/charts/$c"
grep -q "^ci(s) = s eq 'low'" "$tmp/caps0/charts/$c" && grep -q "^if (0) {" "$tmp/caps1/charts/$c" ||
  fail "the intervals down to 0 or the old axis were not put in"
cp "$tmp/grid/sweep.csv" "$tmp/caps0/" && cp "$tmp/grid/sweep.csv" "$tmp/caps1/"
python3 "$check" --only caps "$tmp/caps0" || fail "caps of intervals down to 0 on an axis with room failed"
expect_faults "caps on the axis line" --only caps "$tmp/caps1"
caught "$c: an interval cap on the axis line" "caps on the axis line were not caught"
# And the five-line effect chart with its legend as it was (two rows, as many
# columns as gnuplot needs): its last entry, a third column, past the canvas.
cp -r "$tmp/lines" "$tmp/key"
rm -rf "$tmp/key/charts"
for f in png svg pdf; do
  "$bin" plot "$tmp/key" --format $f -q --only effect_kursk.red_drawn_from_sectors || fail "plot key"
  sed 's/^set key maxrows key_rows(drawn, key_chars)$/set key maxrows 2/; s/^if (key_rows(drawn, key_chars) > 2) {/if (0) {/' \
    "$tmp/key/charts/effect_kursk.red_drawn_from_sectors.gp" >"$tmp/key/charts/old.gp"
  grep -q "^set key maxrows 2" "$tmp/key/charts/old.gp" || fail "the old legend was not put back"
  (cd "$tmp/key/charts" && "${FRONTSIM_GNUPLOT:-gnuplot}" old.gp) || fail "gnuplot key old.gp"
done
cp "$tmp/key/charts/old.gp" "$tmp/key/charts/effect_kursk.red_drawn_from_sectors.gp"
expect_faults "a legend with a column past the canvas" --only legends "$tmp/key"
caught "effect_kursk.red_drawn_from_sectors.pdf: legend entry 'Kursk reinforcement threshold = 4.5' not within" "a legend entry off the PDF page was not caught"
caught "effect_kursk.red_drawn_from_sectors.png: legend entry 'Kursk reinforcement threshold = 4.5' not within" "a legend entry off the PNG was not caught"
# And the grid's heat map with its long y-axis title ('Kursk reinforcement
# threshold (Russian to Ukrainian combat power)') on one line, shrunk to fit as it
# was: set under 9 pt.
mkdir -p "$tmp/shrunk/charts"
cp "$tmp/lines/sweep.csv" "$tmp/shrunk/"
c=heatmap_kursk.red_drawn_from_sectors.gp
"$bin" plot "$tmp/lines" --format pdf -q --only heatmap_kursk.red_drawn_from_sectors || fail "plot lines heatmap"
sed 's/font ylabel_wrap_font(/font ylabel_font(/; s/ylabel_text(param_axis(y_param))/param_axis(y_param)/; s/^y_lines = .*/y_lines = 1/' \
  "$tmp/lines/charts/$c" >"$tmp/shrunk/charts/$c"
grep -q "^set label 106 param_axis(y_param)" "$tmp/shrunk/charts/$c" || fail "the shrunk title was not put back"
expect_faults "a y-axis title shrunk to fit" --only sizes "$tmp/shrunk"
caught "heatmap_kursk.red_drawn_from_sectors.png: its y-axis title 'Kursk reinforcement threshold (Russian t' set at [0-9.]* pt, under 9" "a shrunk y-axis title was not caught"
caught "heatmap_kursk.red_drawn_from_sectors.pdf: its y-axis title .* under 9" "a shrunk y-axis title in the PDF was not caught"
# And the morris sweep's effect chart with its panels' x-axis titles on one line,
# set smaller to fit, as they were: 'Kursk reinforcement threshold' under 9 pt.
mkdir -p "$tmp/narrow/charts"
cp "$tmp/screen/sweep.csv" "$tmp/narrow/"
sed "s/^  set xlabel wrap_text(x_title(i), x_room) font wrap_font(x_title(i), x_room)/  set xlabel x_title(i) font sprintf(',%.1f', strlen(x_title(i)) * 0.6 * em_share * 11 <= x_room ? 11 : x_room \/ (strlen(x_title(i)) * 0.6 * em_share))/; s/^if (x_wrapped) {/if (0) {/" \
  "$tmp/screen/charts/effect_red.losses.gp" >"$tmp/narrow/charts/effect_red.losses.gp"
grep -q "^  set xlabel x_title(i) font sprintf" "$tmp/narrow/charts/effect_red.losses.gp" || fail "the shrunk x-axis titles were not put back"
expect_faults "a panel's x-axis title shrunk to fit" --only sizes "$tmp/narrow"
caught "effect_red.losses.png: its parameter name 'Kursk reinforcement threshold' set at [0-9.]* pt, under 9" "a shrunk x-axis title was not caught"
# And the box chart of the discovery with its first parameter restricted to one
# value: drawn as a mark there, and the parameters named by their labels; drawn
# as it was (half the width of the restriction, 0, and the rows named by the
# paths), the restriction is not drawn and a path names a parameter.
mkdir -p "$tmp/one"
cp "$tmp/disc/scenario.cfg" "$tmp/disc/discover.txt" "$tmp/disc/trajectory.csv" "$tmp/one/"
awk -F, -v OFS=, 'NR == 2 { $3 = 1; $5 = $4; $10 = 0.01 } { print }' "$tmp/disc/box.csv" >"$tmp/one/box.csv"
for f in png svg pdf; do
  "$bin" plot "$tmp/one" --format $f -q || fail "plot one --format $f"
done
python3 "$check" --only restrictions,names,sources,images "$tmp/one" || fail "a restriction to one value"
for f in svg png pdf; do
  "$bin" plot "$tmp/one" --format $f -q --only box || fail "plot one --format $f"
  sed 's/:(half(0)):(0.16)/:((hi(0) - lo(0)) \/ 2):(0.16)/; s/ytic(title_of($0))/ytic(1)/' \
    "$tmp/one/charts/box.gp" >"$tmp/one/charts/old.gp"
  grep -q "ytic(1)" "$tmp/one/charts/old.gp" || fail "the old box chart was not put back"
  (cd "$tmp/one/charts" && "${FRONTSIM_GNUPLOT:-gnuplot}" old.gp) || fail "gnuplot one old.gp"
done
expect_faults "a restriction to one value not drawn" --only restrictions,names "$tmp/one"
caught "box.png: [0-9]* restrictions drawn, box.csv has [0-9]*" "a one-value restriction not drawn in the PNG was not caught"
caught "box.pdf: [0-9]* restrictions drawn, box.csv has [0-9]*" "a one-value restriction not drawn in the PDF was not caught"
caught "box.svg: parameter sides.red.rules.\[0\].threshold named by its path" "a parameter named by its path was not caught"
# Every parameter of every shipped sweep has a label and a unit; a sweep file
# without them (as red-rule-screening.cfg was) is caught.
python3 "$check" --sweeps "$root"/scenarios/sweeps/*.cfg "$root"/scenarios/sweeps/*.inc \
  "$root"/scenarios/sweeps/base/*.inc || fail "a shipped sweep parameter without a label or unit"
sed 's/label = "[^"]*"; *//; s/unit = "[^"]*"; *//' "$root/scenarios/sweeps/red-rule-screening.cfg" \
  >"$tmp/unlabelled.cfg"
expect_faults "a sweep without labels" --sweeps "$tmp/unlabelled.cfg"
caught "parameter sides.red.rules.\[0\].daily_cap has no label" "a parameter without a label was not caught"
# And the morris chart of the five-parameter sweep (its parameters given without
# labels) naming one by its key, as it did ('daily_cap').
cp -r "$tmp/morris5" "$tmp/keys"
rm -rf "$tmp/keys/charts"
redraw_old "$tmp/keys" morris morris_red.losses.gp 's/"[Dd]aily cap"/"daily_cap"/g' '"daily_cap"'
expect_faults "a parameter named by its key" --only names "$tmp/keys"
caught "morris_red.losses.svg: parameter daily_cap named by its key: 'daily_cap'" "a parameter named by its key was not caught"
# And its points named by the labels as written, as they were ('daily cap').
cp -r "$tmp/morris5" "$tmp/lower"
rm -rf "$tmp/lower/charts"
redraw_old "$tmp/lower" morris morris_red.losses.gp 's/word(param_titles, /word(param_labels, /' \
  'word(param_labels, '
expect_faults "a parameter's name without its capital" --only axes "$tmp/lower"
caught "morris_red.losses.svg: parameter name 'daily cap' shown without its capital" \
  "a parameter's name without its capital was not caught"
# And a run chart with the source line it had: the label cut only past 130
# characters, the whole line then set smaller.
mkdir -p "$tmp/source/charts"
cp -r "$tmp/run/series" "$tmp/source/"
label=$(sed -n 's/^label=//p' "$tmp/run/frontsim.meta")
sed "s|^chart_source = .*|chart_source = 'Source: frontsim 0.1.0 simulation, $label (kursk-pokrovsk.cfg), 20 replications, seed 20250105'|" \
  "$tmp/run/charts/losses.gp" >"$tmp/source/charts/losses.gp"
expect_faults "a source line set smaller" --only sources "$tmp/source"
caught "losses.gp: its source line set at [0-9.]* pt, not 9" "a source line set smaller was not caught"
# And a run chart whose source line names only the first of its three overrides,
# as it did: the label cut at its first comma past the first.
mkdir -p "$tmp/first/charts"
cp -r "$tmp/run/series" "$tmp/run/frontsim.meta" "$tmp/first/"
sed "s|^chart_source = .*|chart_source = 'Source: frontsim 0.1.0 simulation, kursk-pokrovsk, sides.red.rules.[0].threshold=3.5..., 20 replications, seed 20250105'|" \
  "$tmp/run/charts/losses.gp" >"$tmp/first/charts/losses.gp"
expect_faults "a source line with only its first override" --only overrides "$tmp/first"
caught "losses.gp: override sides.red.rules.\[0\].daily_cap=1000 not on its source line" "a source line without its second override was not caught"
# And the comparison's differences chart with its panel titles placed as they
# were: a title of two lines hanging from the top of one, its second line
# against its panel.
mkdir -p "$tmp/wrap/charts"
sed 's/^  panel_plot_top = .*/  panel_plot_top = panel_top - 0.058/; s/screen panel_plot_top + 0.046 + (nlines - 1) \* title_line \/ 2/screen panel_top - 0.012 - (nlines - 1) * 0.0125/' \
  "$tmp/cmp/charts/differences.gp" >"$tmp/wrap/charts/differences.gp"
grep -q "screen panel_top - 0.012 - (nlines - 1) \* 0.0125" "$tmp/wrap/charts/differences.gp" ||
  fail "the old panel titles were not put back"
expect_faults "panel titles of two lines against their panels" --only panels "$tmp/wrap"
caught "differences.gp: panel [0-9]*'s title ('[A-Za-z ]*'...) [0-9] px above its panel" \
  "a panel title against its panel was not caught"
# And a comparison of three what-ifs: its differences chart's legend one what-if a
# row (gnuplot fitted it to the first panel's height: two rows, the third entry
# run off the canvas's right edge, as the old legend is shown to).
"$bin" compare "$root/scenarios/kursk-pokrovsk.cfg" "$root/scenarios/no-diversion.cfg" \
  "$root/scenarios/what-if/no-dprk.cfg" "$root/scenarios/what-if/red-moves-on.cfg" -n 8 -q \
  -o "$tmp/cmp4" >/dev/null
"$bin" plot "$tmp/cmp4" --only differences -q || fail "plot cmp4"
# Its held area's marks: three days for four scenarios (the base and the moving on
# alike), named apart and clear of each other's lines.
"$bin" plot "$tmp/cmp4" --only held_area_kursk -q || fail "plot cmp4"
python3 "$check" --only images,panels,marks "$tmp/cmp4" || fail "see above"
mkdir -p "$tmp/key/charts"
sed 's/^set key horizontal maxcols .*/set key maxrows key_rows/' "$tmp/cmp4/charts/differences.gp" \
  >"$tmp/key/charts/differences.gp"
(cd "$tmp/key/charts" && "${FRONTSIM_GNUPLOT:-gnuplot}" differences.gp 2>/dev/null) || fail "gnuplot the old legend"
expect_faults "a legend of three what-ifs fitted to the first panel" --only images "$tmp/key"
caught "differences.png: ink on the canvas edge" "a legend entry off the canvas was not caught"
# And its values set above their points where they fit on neither side of their
# interval, as they were: the top row's against its panel's title.
sed 's/^wanted(high, low, text) = .*/wanted(high, low, text) = x_hi/; /^    (high - share_of(text)/d' \
  "$tmp/cmp4/charts/differences.gp" >"$tmp/key/charts/differences.gp"
grep -q "^wanted(high, low, text) = x_hi$" "$tmp/key/charts/differences.gp" || fail "the values above were not put back"
expect_faults "values above their points" --only panels "$tmp/key"
caught "differences.gp: panel [0-9]*'s title" "a value against its panel's title was not caught"
rm -r "$tmp/cmp4/charts"
# And a comparison's chart whose source line names only the base, as it did.
mkdir -p "$tmp/cmpsource/charts"
cp -r "$tmp/cmp/a" "$tmp/cmp/b" "$tmp/cmpsource/"
sed "s|^chart_source = .*|chart_source = 'Source: frontsim 0.1.0 comparison, base kursk-pokrovsk, 1 what-if, 8 paired replications each, seed 20250105'|" \
  "$tmp/cmp/charts/losses_red.gp" >"$tmp/cmpsource/charts/losses_red.gp"
expect_faults "a comparison's source line without the what-if's override" --only overrides "$tmp/cmpsource"
caught "losses_red.gp: override sides.red.intel_sigma=0.3 not on its source line" \
  "a comparison's source line without its what-if's override was not caught"
# And a sweep chart with the fixed text its source line had (the file named after
# the label, "points (morris design)"): set smaller than 9 pt.
mkdir -p "$tmp/sweepsource/charts"
cp "$tmp/morris5/morris.csv" "$tmp/morris5/sweep.csv" "$tmp/sweepsource/"
sed "s|^chart_source = .*|chart_source = 'Source: frontsim 0.1.0 sweep, kursk-pokrovsk (/work/main/scenarios...), 22 points (morris design) x 3 replications, seed 20250105'|" \
  "$tmp/morris5/charts/morris_red.losses.gp" >"$tmp/sweepsource/charts/morris_red.losses.gp"
expect_faults "a sweep's source line set smaller" --only sources "$tmp/sweepsource"
caught "morris_red.losses.gp: its source line set at [0-9.]* pt, not 9" "a sweep's source line set smaller was not caught"
# And a shipped sweep of a long name with an override (--set): its source line at
# 9 pt too (the override's list shortened as far as its rule allows), and the
# line it had, 113 characters set at 8.9 pt, caught.
"$bin" sweep "$root/scenarios/sweeps/assumption-screening.cfg" -n 2 --points 2 -q -o "$tmp/assume" \
  --set sides.red.intel_sigma=0.3 >/dev/null
"$bin" plot "$tmp/assume" --only morris_red.losses -q || fail "plot screen"
python3 "$check" --only sources,overrides "$tmp/assume" || fail "see above"
sed "s|^chart_source = .*|chart_source = 'Source: frontsim 0.1.0, assumption-screening, intel...=0.3, 22-point morris sweep x 2 replications, seed 20250105'|" \
  "$tmp/assume/charts/morris_red.losses.gp" >"$tmp/assume/charts/old.gp"
rm "$tmp/assume/charts/morris_red.losses.gp"
expect_faults "a long-named sweep's source line with an override set smaller" --only sources "$tmp/assume"
caught "old.gp: its source line set at 8.9[0-9]* pt, not 9" "the sweep's 113-character source line was not caught"
rm -r "$tmp/assume/charts"
n=$(ls "$tmp"/*/charts/*.png | wc -l)
echo "ok: $n charts in png, svg and pdf: text within the canvas, legends whole, y-axis titles at 9 pt or more, box restrictions drawn, SVGs titled, no constant metric, intervals within bounds, Sobol' indices within 0..1 with their notes, Morris labels apart, marks apart and above the data, sector names capitalised, interval caps off the axis line, parameters labelled, source lines at full size with every override"
