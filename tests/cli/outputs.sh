#!/bin/sh
# outputs.sh FRONTSIM: what the output files say, read as an analyst reads them.
# Expected mode: the replications are copies of one, so summary.csv has no sampling
# interval (empty ci95 cells) and summary.txt says there is one replication's worth
# of information and prints no bracketed interval. The progress line on a terminal
# (script(1) gives one) is redrawn at most 4 times a second, not per replication.
# A sweep ends with one line per metric: the range of its point means, as in
# sweep.csv. columns.csv, the data dictionary, has a row with unit and meaning for
# every column of every CSV file of a run directory (all series, and a subset) and
# of a sweep directory (grid and sobol).
# --format long adds summary_long.csv and series_long.csv, the same values as the
# wide files, cell for cell, and their columns in columns.csv; sweep --format long
# adds sweep_long.csv, the same for sweep.csv.
set -eu
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$bin" run scenarios/validation/lanchester-square.cfg -n 20 -q -o "$tmp/expected"
grep -q "one replication's worth of information" "$tmp/expected/summary.txt" ||
  fail "expected mode: summary.txt does not say the replications are one"
grep -q '\[' "$tmp/expected/summary.txt" && fail "expected mode: an interval in summary.txt: $(grep '\[' "$tmp/expected/summary.txt")"
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
         $c["mean_ci95_low"] != "" || $c["mean_ci95_high"] != "" { print "FAIL: interval for " $1; bad = 1 }
         END { exit bad }' "$tmp/expected/summary.csv"
# The same scenario drawn at random keeps its intervals.
"$bin" run scenarios/validation/lanchester-square.cfg -n 20 -q --set run.mode=stochastic \
  -o "$tmp/stochastic"
grep -q '\[' "$tmp/stochastic/summary.txt" || fail "stochastic mode lost its intervals"
grep -q "one replication's worth" "$tmp/stochastic/summary.txt" && fail "stochastic mode called expected"
echo "ok: expected mode prints no sampling interval"

if command -v script > /dev/null; then
  start=$(date +%s.%N)
  script -qec "'$bin' run scenarios/validation/lanchester-square.cfg -n 20000 -j 2 -o '$tmp/progress'" \
    /dev/null > "$tmp/tty.txt"
  end=$(date +%s.%N)
  draws=$(grep -o "replications [0-9]*/20000" "$tmp/tty.txt" | wc -l)
  awk -v d="$draws" -v s="$start" -v e="$end" 'BEGIN {
    limit = 4 * (e - s) + 2
    if (d < 1 || d > limit) { print "FAIL: " d " progress redraws in " e - s " s (limit " limit ")"; exit 1 }
    print "ok: " d " progress redraws in " e - s " s" }'
else
  echo "skip: no script(1) to give the run a terminal"
fi

"$bin" sweep tests/data/sweep.cfg -n 3 -j 2 -o "$tmp/sweep" > "$tmp/sweep.txt" 2> /dev/null
cat "$tmp/sweep.txt"
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i ~ /_mean$/) { name[i] = substr($i, 1, length($i) - 5); n++ }; next }
  { for (i in name) if ($i != "") { if (!(i in lo) || $i + 0 < lo[i]) lo[i] = $i + 0; if (!(i in hi) || $i + 0 > hi[i]) hi[i] = $i + 0 } }
  END { for (i in name) printf "%s %.4g %.4g\n", name[i], lo[i], hi[i]; print n " metrics" }' \
  "$tmp/sweep/sweep.csv" > "$tmp/want.txt"
lines=$(grep -c '^  ' "$tmp/sweep.txt")
[ "$lines" -eq "$(sed -n 's/ metrics$//p' "$tmp/want.txt")" ] || fail "sweep summary: $lines lines"
while read -r name lo hi; do
  [ "$lo" = metrics ] && continue
  line=$(grep "^  $name " "$tmp/sweep.txt") || fail "sweep summary lacks $name"
  if [ "$lo" = "$hi" ]; then
    echo "$line" | grep -q "constant: " || fail "$name is constant ($lo) but: $line"
  else
    got_lo=$(echo "$line" | awk '{ print $2 }') got_hi=$(echo "$line" | awk '{ print $6 }')
    awk -v a="$got_lo" -v b="$lo" -v c="$got_hi" -v d="$hi" 'BEGIN {
      if ((a - b)^2 > (1e-3 * (b < 0 ? -b : b) + 0.5)^2 || (c - d)^2 > (1e-3 * (d < 0 ? -d : d) + 0.5)^2) exit 1 }' ||
      fail "$name: summary says $got_lo to $got_hi, sweep.csv $lo to $hi"
  fi
done < "$tmp/want.txt"
echo "ok: the sweep's summary gives each metric's range across its points"

# dictionary DIR: every header column of DIR's CSV files has its row in columns.csv.
dictionary() {
  (cd "$1" && for f in *.csv series/*.csv; do
     [ -f "$f" ] || continue
     head -1 "$f" | tr ',' '\n' | sed "s|^|$f,|"
   done) > "$tmp/columns.want"
  awk -F, 'NR == FNR { if (FNR > 1) { key = $1 "," $2; rest = substr($0, length(key) + 2);
                         if (rest !~ /^[^,]*,"[^"]/) { print "FAIL: no meaning: " $0; bad = 1 }
                         has[key] = 1 }; next }
           !($0 in has) { print "FAIL: columns.csv lacks " $0; bad = 1 }
           END { exit bad }' "$1/columns.csv" "$tmp/columns.want"
  echo "ok: columns.csv of $(basename "$1") covers $(wc -l < "$tmp/columns.want") columns"
}
"$bin" run scenarios/kursk-pokrovsk.cfg -n 4 -j 2 -q -o "$tmp/full"
dictionary "$tmp/full"
# A sweep's directory has one too (sweep.csv, design.csv; sensitivity.csv of sobol).
dictionary "$tmp/sweep"
"$bin" sweep tests/data/sweep.cfg -n 3 -j 2 --method sobol --points 8 -q -o "$tmp/sobol" \
  --param 'sides.red.rules.[0].threshold=1.5:3' --param 'sides.red.rules.[0].delay=1:10'
dictionary "$tmp/sobol"
# Every daily variable has its own meaning (not the fallback, its bare name).
awk -F, '$1 ~ /^series/ && $2 ~ /_mean$/ { v = substr($2, 1, length($2) - 5);
  if ($4 == "\"mean across replications of " v "\"") { print "FAIL: no meaning for " $1 " " v; bad = 1 } }
  END { exit bad }' "$tmp/full/columns.csv"
"$bin" run scenarios/kursk-pokrovsk.cfg -n 4 -j 2 -q --series kursk.blue_personnel,sides.red_reserve \
  -o "$tmp/some"
dictionary "$tmp/some"
grep -q "^series/pokrovsk.csv" "$tmp/some/columns.csv" && fail "columns.csv lists a file not written"
echo "ok: columns.csv"

"$bin" run scenarios/kursk-pokrovsk.cfg -n 4 -j 2 -q --format long -o "$tmp/long"
dictionary "$tmp/long"
for f in summary.csv replications.csv series/kursk.csv; do
  cmp -s "$tmp/full/$f" "$tmp/long/$f" || fail "--format long changed $f"
done
# Wide to long by awk, compared with frontsim's long tables.
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) h[i] = $i; print "metric,kind,statistic,value"; next }
  { for (i = 3; i <= NF; i++) print $1 "," $2 "," h[i] "," $i }' "$tmp/long/summary.csv" > "$tmp/sl"
cmp "$tmp/sl" "$tmp/long/summary_long.csv" || fail "summary_long.csv is not summary.csv in long form"
for f in "$tmp"/long/series/*.csv; do
  stem=$(basename "$f" .csv)
  awk -F, -v stem="$stem" 'NR == 1 { n = (NF - 2) / 7; for (v = 0; v < n; v++) { name[v] = $(3 + 7 * v); sub(/_mean$/, "", name[v]) }; next }
    { for (v = 0; v < n; v++) { line = stem "," name[v] "," $1 "," $2;
        for (j = 0; j < 7; j++) line = line "," $(3 + 7 * v + j); print line } }' "$f"
done | sort > "$tmp/series.want"
tail -n +2 "$tmp/long/series_long.csv" | sort > "$tmp/series.got"
cmp "$tmp/series.want" "$tmp/series.got" || fail "series_long.csv is not series/*.csv in long form"
echo "ok: --format long: the same figures, one row per metric and statistic, per variable and day"

"$bin" sweep tests/data/sweep.cfg -n 3 -j 2 -q --format long -o "$tmp/sweep_long"
dictionary "$tmp/sweep_long"
cmp -s "$tmp/sweep/sweep.csv" "$tmp/sweep_long/sweep.csv" || fail "--format long changed sweep.csv"
# sweep.csv to long by its known statistics, in the order of the columns.
awk -F, -v n=7 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "replications") first = i + 1; nf = NF;
                  split("mean,sd,mean_ci95_low,mean_ci95_high,p5,p50,p95", st, ",");
                  for (i = first; i <= NF; i += n) { m = $i; sub(/_mean$/, "", m); metric[i] = m }
                  print "point,metric,statistic,value"; next }
  { for (i = first; i <= nf; i += n) for (k = 0; k < n; k++) print $1 "," metric[i] "," st[k + 1] "," $(i + k) }' \
  "$tmp/sweep_long/sweep.csv" > "$tmp/swl.want"
cmp "$tmp/swl.want" "$tmp/sweep_long/sweep_long.csv" || fail "sweep_long.csv is not sweep.csv in long form"
echo "ok: sweep --format long"

# Both sides leave Kursk in this what-if (Ukraine withdraws, Russia moves on): one
# heading for the sector, a line for each side under it.
"$bin" run scenarios/what-if/red-moves-on.cfg -n 20 -q -o "$tmp/moveon"
[ "$(grep -c '^Withdrawal from kursk' "$tmp/moveon/summary.txt")" = 1 ] ||
  fail "summary.txt heads the withdrawal from kursk more than once"
awk '/^Withdrawal from kursk/ { on = 1; next } on && /withdrawn:/ { n++ } on && /^$/ { exit }
     END { exit n == 2 ? 0 : 1 }' "$tmp/moveon/summary.txt" ||
  fail "summary.txt lacks a side's line under the withdrawal from kursk"
echo "ok: summary.txt: one heading a sector left, a line for each side"
