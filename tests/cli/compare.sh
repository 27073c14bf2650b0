#!/bin/sh
# compare.sh FRONTSIM: `frontsim compare` of a base and two what-ifs (the default
# scenario, no diversion, and the what-if file without the North Korean contingent):
# every difference paired against the base and labelled, compare.txt in fixed
# notation with each scenario's own mean and the replications a partly defined metric
# uses; --target-ci adds replications until every paired interval is narrow enough
# and equals a plain comparison of the count it reached; output directories from the
# labels, another comparison's or sweep's output refused unless --force. Then
# `frontsim plot` of the comparison draws the overlay and difference charts, each
# complete, in every format (that part skipped where gnuplot is absent).
set -eu
bin=$1
root=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
base=$root/scenarios/kursk-pokrovsk.cfg
nodiv=$root/scenarios/no-diversion.cfg
dprk=$root/scenarios/what-if/no-dprk.cfg
cd "$tmp"

# ---- Three scenarios, paired against the first.
# (24 replications: at 16 no pair of the version-2 default differs in the Pokrovsk cut,
# and the difference chart, rightly, leaves out a panel no what-if changes)
"$bin" compare "$base" "$nodiv" "$dprk" -n 24 -j 2 -q -o cmp || fail "compare of three"
for d in a b c; do [ -s "cmp/$d/summary.csv" ] && [ -d "cmp/$d/series" ] ||
  fail "cmp/$d is not a full run output"; done
grep -q '^label=no North Korean troops in Kursk$' cmp/c/frontsim.meta || fail "c's label"
grep -q '^kind=compare$' cmp/frontsim.meta || fail "compare's frontsim.meta"
grep -q '^label=kursk-pokrovsk vs no-diversion vs no North Korean troops in Kursk$' \
  cmp/frontsim.meta || fail "compare's label"
txt=cmp/compare.txt
grep -q '^a (base): kursk-pokrovsk$' $txt || fail "base not named"
grep -q '^c: no North Korean troops in Kursk$' $txt || fail "what-if c not named"
grep -q '^b - a: no-diversion minus kursk-pokrovsk$' $txt || fail "block b - a"
grep -q '^c - a: no North Korean troops in Kursk minus kursk-pokrovsk$' $txt || fail "block c - a"
grep -Eq '[0-9]e[+-][0-9]' $txt && fail "compare.txt uses exponent notation"
grep -q '^blue.losses  *[0-9]*  *[0-9]*  *-\?[0-9]*  *\[' $txt ||
  fail "blue.losses is not in whole persons with its CI"
# The day the route is cut is defined only where it is cut: said, with the counts.
grep -q '^pokrovsk.cut_day .*(1)$' $txt || fail "cut_day not marked as partly defined"
grep -q '^(1) pokrovsk.cut_day (Day the supply route in pokrovsk was cut, where it was):$' $txt ||
  fail "cut_day's note does not say which replications enter"
grep -Eq "^    a's mean is over the [0-9]+ of its 24 replications where it is defined, b's over [0-9]+;$" \
  $txt || fail "cut_day's note does not say how many replications enter"
# compare.csv: label columns; one row per what-if and metric, pairs consistent.
head -1 cmp/compare.csv | grep -q '^what_if,label_a,label_b,metric,' || fail "csv header"
rows=$(grep -c '^[bc],' cmp/compare.csv)
metrics=$(($(wc -l < cmp/a/summary.csv) - 1))
[ "$rows" -eq $((2 * metrics)) ] || fail "compare.csv: $rows rows, expected 2 x $metrics"
grep -q '^c,kursk-pokrovsk,no North Korean troops in Kursk,red.losses,value,24,' cmp/compare.csv ||
  fail "compare.csv row of c lacks its labels"
# b's own mean of a metric defined everywhere is its summary's mean.
awk -F, '$1 == "b" && $4 == "blue.losses" { print $17 }' cmp/compare.csv > mean_b
awk -F, '$1 == "blue.losses" { print $4 }' cmp/b/summary.csv > summary_b
[ "$(awk '{ printf "%.4f", $1 }' mean_b)" = "$(awk '{ printf "%.4f", $1 }' summary_b)" ] ||
  fail "mean_b_all $(cat mean_b) differs from b's summary $(cat summary_b)"

# ---- --target-ci on the paired differences.
"$bin" compare "$base" "$nodiv" "$dprk" -n 10 -j 2 -q --target-ci red.losses=150 -o tgt ||
  fail "compare --target-ci"
n=$(sed -n 's/^replications=//p' tgt/frontsim.meta)
[ "$n" -gt 10 ] || fail "--target-ci added no replications ($n)"
awk -F, '$4 == "red.losses" && ($11 - $10) / 2 > 150 { bad = 1 } END { exit bad }' tgt/compare.csv ||
  fail "a paired half-width of red.losses is above 150 after --target-ci"
grep -q 'target: every difference of red.losses within +-150 (95% CI): reached' tgt/compare.txt ||
  fail "compare.txt does not state the target"
# The rounds keep every replication's numbers: equal to a plain comparison of n.
"$bin" compare "$base" "$nodiv" "$dprk" -n "$n" -j 2 -q -o plain || fail "plain compare"
cmp -s tgt/compare.csv plain/compare.csv || fail "--target-ci result differs from -n $n"
set +e
msg=$("$bin" compare "$base" "$nodiv" -n 10 -q --target-ci red.loses=150 -o typo 2>&1)
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "misspelt --target-ci metric: exit $rc"
case "$msg" in *'did you mean "red.losses"'*) ;; *) fail "no hint for red.loses: $msg" ;; esac
[ -e typo ] && fail "a refused comparison wrote its directory"

# ---- Directories from the labels; nothing of another comparison replaced unasked.
"$bin" compare "$base" "$base" --set-b 'sides.red.reserve=20000' -n 4 -j 2 -q
"$bin" compare "$base" "$base" --set-b 'sides.red.reserve=30000' -n 4 -j 2 -q
[ "$(ls -d out/compare-* | wc -l)" -eq 2 ] || fail "two --set-b compares share a directory"
first=$(ls -d out/compare-* | head -1)
mkdir -p "$first/charts" && echo chart > "$first/charts/mark.png"
before=$(cat "$first/compare.csv" "$first/charts/mark.png" | cksum)
other=$(ls -d out/compare-* | tail -1)
label_other=$(sed -n 's/^label=//p' "$other/frontsim.meta")
set +e
msg=$("$bin" compare "$base" "$nodiv" -n 4 -q -o "$first" 2>&1)
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "replacing another comparison: exit $rc, expected 2"
case "$msg" in *--force*) ;; *) fail "the refusal does not name --force: $msg" ;; esac
[ "$(cat "$first/compare.csv" "$first/charts/mark.png" | cksum)" = "$before" ] ||
  fail "a refused comparison touched the other's output"
# The same comparison may replace its own output, and says the charts went.
set_first=$(sed -n 's/^label=kursk-pokrovsk vs kursk-pokrovsk, //p' "$first/frontsim.meta")
"$bin" compare "$base" "$base" --set-b "$set_first" -n 4 -j 2 -q 2> err.txt ||
  fail "the same comparison was refused: $(cat err.txt)"
grep -q 'charts .* were removed' err.txt || fail "charts removed without a word"
"$bin" compare "$base" "$nodiv" -n 4 -q -o "$other" --force || fail "--force refused"
[ "$label_other" != "$(sed -n 's/^label=//p' "$other/frontsim.meta")" ] || fail "--force kept the label"
# Two scenarios of one label cannot be told apart: refused before any work.
set +e
msg=$("$bin" compare "$base" "$base" -n 4 -q -o same 2>&1)
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "same labels: exit $rc"
case "$msg" in *--label-b*) ;; *) fail "same labels: $msg" ;; esac

# ---- Sweeps: directory from the label, another label's output refused.
"$bin" sweep "$base" --param 'sides.red.rules.[0].delay=3,7' -n 4 -j 2 -q
sweep=$(ls -d out/kursk-pokrovsk-*-sweep)
[ "$(echo "$sweep" | wc -l)" -eq 1 ] || fail "sweep directory: $sweep"
set +e
msg=$("$bin" sweep "$base" --param 'sides.red.rules.[0].delay=3,7' -n 4 -q \
      --set 'sides.red.reserve=20000' -o "$sweep" 2>&1)
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "a sweep onto another label's sweep: exit $rc"
case "$msg" in *--force*) ;; *) fail "the sweep's refusal does not name --force: $msg" ;; esac
"$bin" sweep "$base" --param 'sides.red.rules.[0].delay=3,7' -n 4 -j 2 -q || fail "same sweep refused"
"$bin" sweep "$base" --param 'sides.red.rules.[0].delay=3,9' -n 4 -j 2 -q
[ "$(ls -d out/*-sweep | wc -l)" -eq 2 ] || fail "another --param shares the sweep's directory"

# ---- frontsim plot of the three-scenario comparison.
if ! command -v "${FRONTSIM_GNUPLOT:-gnuplot}" >/dev/null 2>&1; then
  echo "SKIP: gnuplot is not installed; comparison charts not drawn"
  exit 77
fi
charts="differences supply_pokrovsk held_area_kursk allocation_blue_kursk
allocation_red_kursk allocation_blue_pokrovsk losses_blue losses_red"
for fmt in png pdf svg; do
  "$bin" plot cmp --format "$fmt" -q || fail "plot of the comparison ($fmt)"
  for c in $charts; do
    [ -s "cmp/charts/$c.$fmt" ] || fail "$c.$fmt missing or empty"
    [ -s "cmp/charts/$c.gp" ] || fail "$c.gp missing"
  done
done
tail -c 12 cmp/charts/differences.png | grep -q IEND || fail "differences.png incomplete"
tail -c 8 cmp/charts/supply_pokrovsk.pdf | grep -q '%%EOF' || fail "supply_pokrovsk.pdf incomplete"
# Every scenario on each overlay chart, labelled; the difference chart has the what-ifs.
for label in kursk-pokrovsk no-diversion 'no North Korean troops in Kursk'; do
  grep -q "'$label'" cmp/charts/held_area_kursk.gp || fail "held_area_kursk.gp lacks $label"
done
grep -q "'../c/series/kursk.csv'" cmp/charts/held_area_kursk.gp || fail "overlay reads c's series"
grep -q "names\[n\] = \['no-diversion', 'no North Korean troops in Kursk'\]" \
  cmp/charts/differences.gp || fail "difference chart's what-ifs"
grep -q 'Supply route in Pokrovsk cut' cmp/charts/differences.gp || fail "no P(cut) panel"
# The held area at the end is 0 and the Sudzha road cut in every pair of this
# comparison: no panels, one note.
grep -q 'Area held by Ukraine in Kursk' cmp/charts/differences.gp &&
  fail "a metric no what-if changes was drawn"
grep -q '3 metrics unchanged by every what-if not shown' cmp/charts/differences.gp ||
  fail "the unchanged metrics are not said"
# Every scenario named on the source line, the base first (the longest name
# shortened: the line keeps its 9 pt).
grep -qF "kursk-pokrovsk vs no-diversion vs no North Korean...; " cmp/charts/losses_red.gp ||
  fail "source line: $(grep "^chart_source" cmp/charts/losses_red.gp)"
# --only a kind; a script redraws its chart from charts/.
rm cmp/charts/differences.svg # the last format drawn
(cd cmp/charts && "${FRONTSIM_GNUPLOT:-gnuplot}" differences.gp) || fail "gnuplot differences.gp"
[ -s cmp/charts/differences.svg ] || fail "differences.gp did not redraw"
rm -r cmp/charts
"$bin" plot cmp --only losses -q || fail "--only losses"
[ "$(ls cmp/charts | tr '\n' ' ')" = "losses_blue.gp losses_blue.png losses_red.gp losses_red.png " ] ||
  fail "--only losses wrote: $(ls cmp/charts)"
echo "ok: three scenarios compared, labelled and charted; --target-ci; directories kept apart"
