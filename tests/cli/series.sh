#!/bin/sh
# series.sh FRONTSIM: frontsim run --series none writes no series/ and the same
# replications.csv; a subset writes only its columns, in the files that hold them;
# an unknown name is refused (exit 2) before any work; plot (where gnuplot is)
# skips the charts whose data are missing, naming them, and with none left to draw
# says so and exits 2.
set -eu
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
sc=scenarios/kursk-pokrovsk.cfg
"$bin" run "$sc" -n 30 -j 2 -o "$tmp/all" --quiet
"$bin" run "$sc" -n 30 -j 1 -o "$tmp/none" --quiet --series none
[ ! -e "$tmp/none/series" ] || fail "--series none wrote series/"
cmp -s "$tmp/all/replications.csv" "$tmp/none/replications.csv" || fail "replications differ"
grep -qx 'series=none' "$tmp/none/frontsim.meta" || fail "frontsim.meta lacks series=none"
"$bin" run "$sc" -n 30 -o "$tmp/some" --quiet --series sides.red_reserve,kursk.blue_personnel
[ "$(ls "$tmp/some/series")" = "$(printf 'kursk.csv\nsides.csv')" ] || fail "files: $(ls "$tmp/some/series")"
head -n 1 "$tmp/some/series/kursk.csv" | grep -qx 'day,date,blue_personnel_mean,blue_personnel_sd,blue_personnel_p5,blue_personnel_p25,blue_personnel_p50,blue_personnel_p75,blue_personnel_p95' \
  || fail "kursk.csv header: $(head -n 1 "$tmp/some/series/kursk.csv")"
# The kept columns equal those of the full run.
col=$(head -n 1 "$tmp/all/series/kursk.csv" | tr , '\n' | grep -n '^blue_personnel_mean$' | cut -d: -f1)
cut -d, -f1,2,"$col"-$((col + 6)) "$tmp/all/series/kursk.csv" > "$tmp/want"
cmp -s "$tmp/want" "$tmp/some/series/kursk.csv" || fail "the kept columns differ from the full run's"
status=0
"$bin" run "$sc" -n 30 -o "$tmp/bad" --quiet --series kursk.no_such 2>"$tmp/err" || status=$?
[ "$status" -eq 2 ] || fail "unknown variable: status $status"
grep -q 'no series variable "kursk.no_such"' "$tmp/err" || fail "message: $(cat "$tmp/err")"
[ ! -e "$tmp/bad" ] || fail "something was written for a refused run"
# A typo gets the name it is nearest to, as every other name does.
status=0
"$bin" run "$sc" -n 30 -o "$tmp/bad" --quiet --series kursk.blue_persnnel 2>"$tmp/err" || status=$?
[ "$status" -eq 2 ] || fail "mistyped variable: status $status"
grep -q 'did you mean "kursk.blue_personnel"?' "$tmp/err" || fail "no hint: $(cat "$tmp/err")"
if command -v "${FRONTSIM_GNUPLOT:-gnuplot}" >/dev/null 2>&1; then
  status=0
  "$bin" plot "$tmp/none" --quiet --only losses 2>"$tmp/err" || status=$?
  [ "$status" -eq 2 ] || fail "plot of a run without series, nothing drawn: status $status"
  grep -q 'skipped chart losses: the run kept fewer daily series' "$tmp/err" || fail "plot: $(cat "$tmp/err")"
  grep -q 'nothing to draw' "$tmp/err" || fail "plot: $(cat "$tmp/err")"
fi
echo "ok: --series"
