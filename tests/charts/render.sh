#!/bin/sh
# render.sh FRONTSIM: every run, sweep and comparison chart drawn in png, svg and
# pdf, and checked mechanically (tests/charts/check.py): no text cut by the canvas,
# SVGs titled, no constant metric charted, no interval past its metric's bounds.
# The run is the default scenario (four-digit held-area ticks, long titles); the
# sweeps are a shipped grid of two parameters and a small sobol design; few
# replications, so it stays well under a minute. First, the checker must catch a
# chart whose title runs off the canvas. Exit 77 (skipped) without gnuplot or
# pdftoppm.
set -eu
bin=$1
root=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
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
out=$(python3 "$check" "$tmp/cut") && fail "a title cut by the canvas edge passed the check"
echo "$out" | grep -q "cut.png: ink on the canvas edge" || fail "the check said: $out"

"$bin" run "$root/scenarios/kursk-pokrovsk.cfg" -n 20 -q -o "$tmp/run" >/dev/null
"$bin" sweep "$root/scenarios/sweeps/red-threshold-delay.cfg" -n 8 -q -o "$tmp/grid" \
  --set sweep.per_replication=1 >/dev/null
"$bin" sweep "$root/tests/data/plot-sweep.cfg" -o "$tmp/sobol" --method sobol --points 8 -n 4 \
  --param 'sides.red.rules.[0].personnel=1000:4000' --param 'sides.red.rules.[0].delay=1:7' \
  -q >/dev/null 2>"$tmp/sobol.err"
# Its base sample of 8 is far too small: said at run time, even with -q.
grep -q "warning: the Sobol' base sample (N = 8) is too small: .* about --points [0-9]*" \
  "$tmp/sobol.err" || fail "no warning of a small Sobol' base sample: $(cat "$tmp/sobol.err")"
"$bin" compare "$root/scenarios/kursk-pokrovsk.cfg" "$root/scenarios/no-diversion.cfg" -n 8 -q \
  -o "$tmp/cmp" >/dev/null
for d in run grid sobol cmp; do
  for fmt in png svg pdf; do
    only=""; [ "$d" = grid ] && only="--only kursk.red_drawn_from_sectors --baseline 0"
    "$bin" plot "$tmp/$d" --format "$fmt" $only -q 2>"$tmp/err" || fail "plot $d --format $fmt: $(cat "$tmp/err")"
  done
done
python3 "$check" "$tmp/run" "$tmp/grid" "$tmp/sobol" "$tmp/cmp" || fail "see above"

# The other checks can fail too: an interval drawn below 0 (a script without its
# clipping, values negated) and a chart of a metric constant over the sweep.
mkdir -p "$tmp/bad/charts"
cp "$tmp/sobol/sweep.csv" "$tmp/bad/"
sed 's/^bounded(v) = .*/bounded(v) = v/; s/^scale = .*/scale = -1/' \
  "$tmp/sobol/charts/effect_red.losses.gp" >"$tmp/bad/charts/effect_red.losses.gp"
sed 's/red[.]losses/pokrovsk.route_cut/g' "$tmp/bad/charts/effect_red.losses.gp" \
  >"$tmp/bad/charts/effect_pokrovsk.route_cut.gp"
out=$(python3 "$check" "$tmp/bad") && fail "an interval below 0 and a constant metric passed"
echo "$out" | grep -q "effect_red.losses.gp: interval .* past the bounds" ||
  fail "an interval below 0 was not caught: $out"
echo "$out" | grep -q "effect_pokrovsk.route_cut.gp: charts pokrovsk.route_cut, constant" ||
  fail "a constant metric's chart was not caught: $out"
# And a Sobol' chart drawing an index past 1 or below 0 without its clipping, and one
# without its warning of intervals too wide to read.
mkdir -p "$tmp/badsobol/charts"
cp "$tmp/sobol/sensitivity.csv" "$tmp/badsobol/"
for f in "$tmp"/sobol/charts/sensitivity_*.gp; do
  sed "s/^clip(v) = .*/clip(v) = v/; s/^chart_warning = .*/chart_warning = ''/" "$f" \
    >"$tmp/badsobol/charts/$(basename "$f")"
done
out=$(python3 "$check" "$tmp/badsobol") && fail "unclipped Sobol' indices without a warning passed"
echo "$out" | grep -q "sensitivity_.*index drawn at .* past 0" ||
  fail "an index drawn past 0..1 was not caught: $out"
echo "$out" | grep -q "sensitivity_.*wide, warning ''" ||
  fail "a missing warning of wide intervals was not caught: $out"
n=$(ls "$tmp"/*/charts/*.png | wc -l)
echo "ok: $n charts in png, svg and pdf: text within the canvas, SVGs titled, no constant metric, intervals within bounds, Sobol' indices within 0..1 with their notes"
