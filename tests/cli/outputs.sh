#!/bin/sh
# outputs.sh FRONTSIM: what the output files say, read as an analyst reads them.
# Expected mode: the replications are copies of one, so summary.csv has no sampling
# interval (empty ci95 cells) and summary.txt says there is one replication's worth
# of information and prints no bracketed interval.
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
         $c["ci95_low"] != "" || $c["ci95_high"] != "" { print "FAIL: interval for " $1; bad = 1 }
         END { exit bad }' "$tmp/expected/summary.csv"
# The same scenario drawn at random keeps its intervals.
"$bin" run scenarios/validation/lanchester-square.cfg -n 20 -q --set run.mode=stochastic \
  -o "$tmp/stochastic"
grep -q '\[' "$tmp/stochastic/summary.txt" || fail "stochastic mode lost its intervals"
grep -q "one replication's worth" "$tmp/stochastic/summary.txt" && fail "stochastic mode called expected"
echo "ok: expected mode prints no sampling interval"
