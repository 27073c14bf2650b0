#!/bin/sh
# fit.sh FRONTSIM: the expected-mode Lanchester validation scenario (alpha 0.05 both
# ways) run, then its daily series fitted: the coefficients come back, from a file
# with quoted column names too. Data with no answer (growing forces, the default
# scenario's series, where reserves arrive and sectors trade formations) either
# fail (exit 1) or give coefficients that check accepts when pasted into a scenario,
# with a warning of a poor fit. Bad data is refused with status 2 and the line.
set -eu
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
"$bin" run scenarios/validation/lanchester-square.cfg -o "$tmp/run" -q
"$bin" fit "$tmp/run/series/field.csv" --blue blue_personnel_mean --red red_personnel_mean \
  > "$tmp/fit.txt"
cat "$tmp/fit.txt"
awk '/alpha blue/ {b=$7} /alpha red/ {r=$7}
     END { if (b < 0.04999 || b > 0.05001 || r < 0.04999 || r > 0.05001) { print "FAIL: " b ", " r; exit 1 } }' "$tmp/fit.txt"
grep -q 'model = { attrition = { law = "square"; }; };' "$tmp/fit.txt" || fail "no model.attrition in the snippet"

# The same columns under quoted names, as R's write.csv writes them.
col() { head -1 "$tmp/run/series/field.csv" | tr ',' '\n' | grep -nx "$1" | cut -d: -f1; }
cb=$(col blue_personnel_mean) cr=$(col red_personnel_mean)
awk -F, -v cb="$cb" -v cr="$cr" 'NR == 1 { print "\"day\",\"blue\",\"red\""; next }
  { print $1 "," $cb "," $cr }' "$tmp/run/series/field.csv" > "$tmp/quoted.csv"
"$bin" fit "$tmp/quoted.csv" > "$tmp/quoted.txt" || fail "quoted header refused"
grep -q "alpha blue (blue's fire on red): 0.05 " "$tmp/quoted.txt" || fail "quoted: $(cat "$tmp/quoted.txt")"

# Known answer, free law: the recursion (MODEL.md 10) with a = 0.7, b = 0.4, alpha blue
# 0.002, alpha red 0.003.
awk 'BEGIN { B = 5000; R = 4000; print "blue,red";
  for (t = 0; t < 60; t++) { printf "%.6f,%.6f\n", B, R;
    nb = B - 0.003 * R^0.7 * B^0.4; nr = R - 0.002 * B^0.7 * R^0.4; B = nb; R = nr } }' > "$tmp/free.csv"
"$bin" fit "$tmp/free.csv" --law free > "$tmp/free.txt" || fail "free law: $(cat "$tmp/free.txt")"
awk '/exponents/ { a = $4; b = $9 } /alpha blue/ { ab = $7 } /alpha red/ { ar = $7 }
     END { d = (a - 0.7)^2 + (b - 0.4)^2 + (ab - 0.002)^2 + (ar - 0.003)^2;
           if (d > 1e-8) { print "FAIL: free law: " a ", " b ", " ab ", " ar; exit 1 } }' "$tmp/free.txt"
grep -q 'law = "free"; a = 0.7; b = 0.4;' "$tmp/free.txt" || fail "free snippet: $(cat "$tmp/free.txt")"

# accepted FIT.txt: the snippet's settings pasted into the validation scenario check.
accepted() {
  law=$(sed -n 's/.*law = "\([a-z]*\)".*/\1/p' "$1")
  set -- "$1" --set "model.attrition.law=$law"
  if [ "$law" = free ]; then
    a=$(sed -n 's/.*law = "free"; a = \([^;]*\);.*/\1/p' "$1")
    b=$(sed -n 's/.*law = "free"; a = [^;]*; b = \([^;]*\);.*/\1/p' "$1")
    set -- "$@" --set "model.attrition.a=$a" --set "model.attrition.b=$b"
  fi
  ab=$(sed -n 's/^ *attrition = { blue = \([^;]*\);.*/\1/p' "$1")
  ar=$(sed -n 's/^ *attrition = { blue = [^;]*; red = \([^;]*\);.*/\1/p' "$1")
  f=$1
  shift
  "$bin" check scenarios/validation/lanchester-square.cfg "$@" \
    --set "sectors.field.attrition.blue=$ab" --set "sectors.field.attrition.red=$ar" \
    > /dev/null || fail "check refuses what fit gave: $(cat "$f")"
}
accepted "$tmp/fit.txt"
accepted "$tmp/free.txt"

# No answer: forces that grow, and the default scenario's sectors.
awk 'BEGIN { print "blue,red"; for (t = 0; t < 30; t++) printf "%d,%d\n", 1000 + 10 * t, 800 + 5 * t }' \
  > "$tmp/grow.csv"
"$bin" run scenarios/kursk-pokrovsk.cfg -n 20 -j 2 -q -o "$tmp/default"
for data in "$tmp/grow.csv" "$tmp"/default/series/*.csv; do
  case $data in *grow.csv) cols="" ;; *) cols="--blue blue_personnel_mean --red red_personnel_mean" ;; esac
  for law in square linear logarithmic free; do
    status=0
    # shellcheck disable=SC2086
    "$bin" fit "$data" $cols --law "$law" > "$tmp/out.txt" 2> "$tmp/err.txt" || status=$?
    case $status in
      0) accepted "$tmp/out.txt"
         if grep -q 'R^2 of both series: 0.[0-7]\|R^2 of both series: -' "$tmp/out.txt"; then
           grep -q "warning: poor fit" "$tmp/err.txt" || fail "$data $law: poor fit without a warning"
         fi ;;
      1) grep -q "did not converge\|the fit failed" "$tmp/err.txt" || fail "$data $law: $(cat "$tmp/err.txt")" ;;
      *) fail "$data $law: exit status $status: $(cat "$tmp/err.txt")" ;;
    esac
    echo "no answer expected: $(basename "$data") $law: exit $status, $(grep -c warning "$tmp/err.txt") warnings"
  done
done

printf 'blue,red\n100,90\n98,oops\n' > "$tmp/bad.csv"
status=0
"$bin" fit "$tmp/bad.csv" 2> "$tmp/err" || status=$?
[ "$status" -eq 2 ] || { echo "FAIL: bad data gave status $status"; exit 1; }
grep -q "bad.csv:3:" "$tmp/err" || { echo "FAIL: message: $(cat "$tmp/err")"; exit 1; }
echo "ok: coefficients recovered; bad data refused: $(cat "$tmp/err")"
