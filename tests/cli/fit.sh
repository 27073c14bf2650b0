#!/bin/sh
# fit.sh FRONTSIM: the expected-mode Lanchester validation scenario (alpha 0.05 both
# ways) run, then its daily series fitted: the coefficients come back; bad data is
# refused with status 2 and the line that is wrong.
set -eu
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" run scenarios/validation/lanchester-square.cfg -o "$tmp/run" -q
"$bin" fit "$tmp/run/series/field.csv" --blue blue_personnel_mean --red red_personnel_mean \
  > "$tmp/fit.txt"
cat "$tmp/fit.txt"
awk '/alpha blue/ {b=$7} /alpha red/ {r=$7}
     END { if (b < 0.04999 || b > 0.05001 || r < 0.04999 || r > 0.05001) { print "FAIL: " b ", " r; exit 1 } }' "$tmp/fit.txt"
printf 'blue,red\n100,90\n98,oops\n' > "$tmp/bad.csv"
status=0
"$bin" fit "$tmp/bad.csv" 2> "$tmp/err" || status=$?
[ "$status" -eq 2 ] || { echo "FAIL: bad data gave status $status"; exit 1; }
grep -q "bad.csv:3:" "$tmp/err" || { echo "FAIL: message: $(cat "$tmp/err")"; exit 1; }
echo "ok: coefficients recovered; bad data refused: $(cat "$tmp/err")"
