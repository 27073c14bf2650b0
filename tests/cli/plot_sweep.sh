#!/bin/sh
# plot_sweep.sh FRONTSIM: `frontsim plot` on sweep directories: a grid of two
# parameters (tests/data/plot-sweep.cfg) and small sobol and morris sweeps of the
# same scenario get every chart with its script in png, svg and pdf, and a script
# redraws its chart on its own; --only selects a chart, a kind or a metric; an
# unfinished sweep is refused with what to do. Exit 77 (skipped) where gnuplot
# is not installed, after checking what needs no gnuplot.
set -eu
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

scen=tests/data/plot-sweep.cfg
"$bin" sweep "$scen" -o "$tmp/grid" --quiet >/dev/null
"$bin" sweep "$scen" -o "$tmp/sobol" --method sobol --points 8 -n 4 \
  --param 'sides.red.rules.[0].personnel=1000:4000' --param 'sides.red.rules.[0].delay=1:7' \
  --quiet >/dev/null
"$bin" sweep "$scen" -o "$tmp/morris" --method morris --points 4 -n 4 \
  --param 'sides.red.rules.[0].personnel=1000:4000' --param 'sides.red.rules.[0].delay=1:7' \
  --quiet >/dev/null

# An unfinished sweep (a journal, no sweep.csv) is refused: exit 2, what to do.
mkdir "$tmp/unfinished"
cp "$tmp/grid/scenario.cfg" "$tmp/unfinished/"
: >"$tmp/unfinished/points.journal"
status=0
"$bin" plot "$tmp/unfinished" 2>"$tmp/err" || status=$?
[ "$status" -eq 2 ] || fail "unfinished sweep: exit status $status, expected 2"
grep -q "resume" "$tmp/err" || fail "unfinished sweep: message was: $(cat "$tmp/err")"

# No gnuplot: exit status 2, nothing written.
status=0
FRONTSIM_GNUPLOT="$tmp/no-such-gnuplot" "$bin" plot "$tmp/grid" 2>"$tmp/err" || status=$?
[ "$status" -eq 2 ] || fail "gnuplot missing: exit status $status, expected 2"
[ -e "$tmp/grid/charts" ] && fail "gnuplot missing: charts/ was created"

if ! command -v "${FRONTSIM_GNUPLOT:-gnuplot}" >/dev/null 2>&1; then
  echo "SKIP: gnuplot is not installed (apt-get install gnuplot-nox); charts not drawn"
  exit 77
fi

# The metrics the fixture lists. The route is always cut, on the same day, so
# pokrovsk.route_cut and pokrovsk.cut_day do not vary in either sweep: they
# have no Sobol' index, and are not charted at all: a metric constant over the
# sweep is reported in one line ("constant: 100") instead of drawn on an empty range.
metrics="pokrovsk.route_cut pokrovsk.cut_day kursk.held_area_km2 red.losses"
grid_charts=""
for m in kursk.held_area_km2 red.losses; do grid_charts="$grid_charts effect_$m heatmap_$m"; done
sobol_charts="effect_kursk.held_area_km2 effect_red.losses"
sobol_charts="$sobol_charts sensitivity_kursk.held_area_km2 sensitivity_red.losses"
# Morris: a screening chart of every metric that varies (a constant one is skipped,
# as for every kind of sweep chart).
morris_charts=""
for m in kursk.held_area_km2 red.losses; do morris_charts="$morris_charts effect_$m morris_$m"; done
"$bin" plot "$tmp/sobol" --only pokrovsk.route_cut 2>"$tmp/err" || fail "--only a constant metric"
grep -q "skipped chart effect_pokrovsk.route_cut: constant: 100 at every point" "$tmp/err" ||
  fail "a constant metric: message was: $(cat "$tmp/err")"
[ ! -e "$tmp/sobol/charts/effect_pokrovsk.route_cut.png" ] || fail "a constant metric was charted"
rm -rf "$tmp/sobol/charts"

check() { # DIR CHARTS: each chart in each format, with its script
  dir=$1
  for fmt in png svg pdf; do
    "$bin" plot "$dir" --format "$fmt" --quiet || fail "plot $dir --format $fmt"
    for c in $2; do
      [ -s "$dir/charts/$c.$fmt" ] || fail "$dir: $c.$fmt missing or empty"
      [ -s "$dir/charts/$c.gp" ] || fail "$dir: $c.gp missing or empty"
    done
  done
  n=$(ls "$dir/charts" | wc -l)
  k=$(echo $2 | wc -w)
  [ "$n" -eq $((k * 4)) ] || fail "$dir: expected $((k * 4)) files in charts/, got $n"
}
check "$tmp/grid" "$grid_charts"
check "$tmp/sobol" "$sobol_charts"
check "$tmp/morris" "$morris_charts"
head -c 4 "$tmp/grid/charts/heatmap_red.losses.png" | grep -q PNG || fail "not a PNG"
head -c 4 "$tmp/sobol/charts/sensitivity_red.losses.pdf" | grep -q PDF || fail "not a PDF"
grep -q '<svg' "$tmp/grid/charts/effect_red.losses.svg" || fail "not an SVG"

# A report author's re-run: the script beside the chart draws it again.
for c in heatmap_red.losses effect_kursk.held_area_km2; do
  rm "$tmp/grid/charts/$c.pdf"
  (cd "$tmp/grid/charts" && "${FRONTSIM_GNUPLOT:-gnuplot}" "$c.gp") || fail "gnuplot $c.gp"
  [ -s "$tmp/grid/charts/$c.pdf" ] || fail "$c.gp did not redraw $c.pdf"
done
rm "$tmp/sobol/charts/sensitivity_red.losses.pdf"
(cd "$tmp/sobol/charts" && "${FRONTSIM_GNUPLOT:-gnuplot}" sensitivity_red.losses.gp) ||
  fail "gnuplot sensitivity_red.losses.gp"
[ -s "$tmp/sobol/charts/sensitivity_red.losses.pdf" ] || fail "sensitivity not redrawn"

# --only: a chart, a kind, a metric (not a default one: blue.losses is not in
# the fixture's list, so the sweep has no column for it and it is refused).
rm -r "$tmp/grid/charts"
"$bin" plot "$tmp/grid" --only heatmap_red.losses --quiet || fail "--only heatmap_red.losses"
[ "$(ls "$tmp/grid/charts")" = "heatmap_red.losses.gp
heatmap_red.losses.png" ] || fail "--only chart wrote: $(ls "$tmp/grid/charts")"
rm -r "$tmp/grid/charts"
"$bin" plot "$tmp/grid" --only red.losses --quiet || fail "--only red.losses"
[ "$(ls "$tmp/grid/charts" | wc -l)" -eq 4 ] || fail "--only metric wrote: $(ls "$tmp/grid/charts")"
rm -r "$tmp/grid/charts"
"$bin" plot "$tmp/sobol" --only sensitivity --quiet || fail "--only sensitivity"
status=0
"$bin" plot "$tmp/grid" --only blue.losses 2>"$tmp/err" || status=$?
[ "$status" -eq 2 ] || fail "--only blue.losses: exit status $status, expected 2"
grep -q "red.losses" "$tmp/err" || fail "--only blue.losses: message was: $(cat "$tmp/err")"
echo "ok: grid, sobol and morris sweep charts in png, svg and pdf, scripts re-run, --only, unfinished"
