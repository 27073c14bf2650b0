#!/bin/sh
# plot.sh FRONTSIM: `frontsim plot` on a run of tests/data/plot.cfg writes every
# chart with its script in each format, and a script redraws its chart from
# charts/ on its own; without gnuplot the status is 2, the message says the data
# are usable, and the run directory is left as it was. Exit 77 (skipped) where
# gnuplot is not installed, after checking what needs no gnuplot.
set -eu
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$bin" run tests/data/plot.cfg -o "$tmp/run" --quiet >/dev/null

# No gnuplot: exit status 2, a clear message, nothing written.
status=0
FRONTSIM_GNUPLOT="$tmp/no-such-gnuplot" "$bin" plot "$tmp/run" 2>"$tmp/err" || status=$?
[ "$status" -eq 2 ] || fail "gnuplot missing: exit status $status, expected 2"
grep -q "not installed" "$tmp/err" || fail "gnuplot missing: message was: $(cat "$tmp/err")"
grep -q "complete and usable" "$tmp/err" || fail "gnuplot missing: message was: $(cat "$tmp/err")"
[ -e "$tmp/run/charts" ] && fail "gnuplot missing: charts/ was created"

# Bad usage.
status=0
"$bin" plot "$tmp/run" --format gif 2>/dev/null || status=$?
[ "$status" -eq 2 ] || fail "--format gif: exit status $status, expected 2"
# A directory with nothing to draw says so, and of an optimization's output that its
# answer is a table, not that a run should be written over it.
mkdir -p "$tmp/opt" "$tmp/nothing"
echo "Optimization" > "$tmp/opt/optimize.txt"
status=0
"$bin" plot "$tmp/opt" 2>"$tmp/err" || status=$?
[ "$status" -eq 2 ] || fail "plot of an optimization: exit status $status, expected 2"
grep -q "has no charts: its answer is optimize.txt" "$tmp/err" || fail "optimize: $(cat "$tmp/err")"
! grep -q "frontsim run" "$tmp/err" || fail "advises a run over an optimization: $(cat "$tmp/err")"
status=0
"$bin" plot "$tmp/nothing" 2>"$tmp/err" || status=$?
[ "$status" -eq 2 ] || fail "plot of an empty directory: exit status $status, expected 2"
grep -q "holds no frontsim output to draw" "$tmp/err" || fail "empty: $(cat "$tmp/err")"
# A daily series file cut short is refused, not drawn as a shorter run.
cp -r "$tmp/run" "$tmp/cut"
head -n 9 "$tmp/run/series/kursk.csv" > "$tmp/cut/series/kursk.csv"
status=0
"$bin" plot "$tmp/cut" 2>"$tmp/err" || status=$?
[ "$status" -eq 2 ] || fail "plot of a cut series file: exit status $status, expected 2"
grep -q "kursk.csv: 9 lines where a run of" "$tmp/err" || fail "cut: $(cat "$tmp/err")"
[ ! -e "$tmp/cut/charts" ] || fail "charts drawn from a cut file"
"$bin" plot --help | grep -q "usage: frontsim plot" || fail "--help"

if ! command -v "${FRONTSIM_GNUPLOT:-gnuplot}" >/dev/null 2>&1; then
  echo "SKIP: gnuplot is not installed (apt-get install gnuplot-nox); charts not drawn"
  exit 77
fi

charts="personnel_kursk personnel_pokrovsk allocation_blue allocation_red supply_pokrovsk
held_area_kursk losses engagements"
for fmt in png svg pdf; do
  "$bin" plot "$tmp/run" --format "$fmt" --quiet || fail "plot --format $fmt"
  for c in $charts; do
    [ -s "$tmp/run/charts/$c.$fmt" ] || fail "$c.$fmt missing or empty"
    [ -s "$tmp/run/charts/$c.gp" ] || fail "$c.gp missing or empty"
  done
done
# An SVG carries its chart's title (the first <title>), not gnuplot's "Gnuplot".
for c in $charts; do
  want=$(sed -n "s/^chart_title = '\\(.*\\)'$/\\1/p" "$tmp/run/charts/$c.gp")
  got=$(grep -m1 -o '<title>[^<]*</title>' "$tmp/run/charts/$c.svg")
  [ -n "$want" ] && [ "$got" = "<title>$want</title>" ] ||
    fail "$c.svg is titled $got, expected the chart's title \"$want\""
done
n=$(ls "$tmp/run/charts" | wc -l)
[ "$n" -eq 32 ] || fail "expected 32 files in charts/ (8 charts x 3 formats + 8 scripts), got $n"

# A report author's re-run: the script beside the chart draws it again.
rm "$tmp/run/charts/losses.pdf"
(cd "$tmp/run/charts" && "${FRONTSIM_GNUPLOT:-gnuplot}" losses.gp) || fail "gnuplot losses.gp"
[ -s "$tmp/run/charts/losses.pdf" ] || fail "losses.gp did not redraw losses.pdf"

# --only: one chart.
rm -r "$tmp/run/charts"
"$bin" plot "$tmp/run" --only held_area_kursk --quiet || fail "--only held_area_kursk"
[ "$(ls "$tmp/run/charts")" = "held_area_kursk.gp
held_area_kursk.png" ] || fail "--only wrote: $(ls "$tmp/run/charts")"

# The footnote and subtitles come from frontsim.meta; a directory written before it
# existed (none there) gets the same scripts from scenario.cfg's header.
cp "$tmp/run/charts/held_area_kursk.gp" "$tmp/with-meta.gp"
rm -r "$tmp/run/charts"
mv "$tmp/run/frontsim.meta" "$tmp/meta"
"$bin" plot "$tmp/run" --only held_area_kursk --quiet || fail "plot without frontsim.meta"
cmp -s "$tmp/with-meta.gp" "$tmp/run/charts/held_area_kursk.gp" ||
  fail "without frontsim.meta the script differs"
sed 's/^replications=.*/replications=999/' "$tmp/meta" > "$tmp/run/frontsim.meta"
"$bin" plot "$tmp/run" --only held_area_kursk --quiet || fail "plot with an edited frontsim.meta"
grep -q "999 replications" "$tmp/run/charts/held_area_kursk.gp" ||
  fail "the replications in the footnote do not come from frontsim.meta"
echo "ok: every chart in png, svg and pdf, scripts re-run, --only, gnuplot missing, frontsim.meta read (and missing)"
