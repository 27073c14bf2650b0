#!/bin/sh
# sweep.sh FRONTSIM: a sweep killed with SIGKILL (and its last record torn) resumes
# to byte-identical results; shards merged equal one run; a one-point sweep equals
# `frontsim run` with the same seed; sobol writes sensitivity.csv; a morris sweep
# resumes after kill -9 and merges from shards to the same morris.csv.
set -eu
bin=$1
. tests/cli/sweep_lib.sh

"$bin" sweep "$scen" -o "$tmp/full" -q -j 2
[ "$(wc -l < "$tmp/full/sweep.csv")" -eq 41 ] || fail "expected 40 points"

# Kill -9 in the middle, then tear the last record as a crash mid-write would.
"$bin" sweep "$scen" -o "$tmp/res" -q -j 2 &
pid=$!
j="$tmp/res.partial/points.journal"
tries=0
while :; do
  n=$(cat "$j" 2>/dev/null | wc -l)
  [ "$n" -ge 16 ] && break   # 6 header lines + 10 points
  tries=$((tries + 1))
  [ "$tries" -gt 2000 ] && fail "the sweep never got going"
  kill -0 "$pid" 2>/dev/null || fail "the sweep finished before it could be killed"
  sleep 0.01
done
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
[ -d "$tmp/res" ] && fail "an interrupted sweep must not leave a result directory"
done_before=$(($(wc -l < "$j") - 6))
printf '%s' "39,3,10,100,0.5" >> "$j"
"$bin" sweep "$scen" -o "$tmp/res" -q -j 1 --resume
cmp "$tmp/full/sweep.csv" "$tmp/res/sweep.csv" || fail "resumed sweep differs"
echo "ok: killed after $done_before points, resumed to identical sweep.csv"

# Ctrl-C (SIGINT) stops cleanly: status 1, a message, the journal kept; --resume finishes.
"$bin" sweep "$scen" -o "$tmp/int" -q -j 1 2>"$tmp/int.err" &
pid=$!
j="$tmp/int.partial/points.journal"
tries=0
while [ "$(cat "$j" 2>/dev/null | wc -l)" -lt 10 ]; do
  tries=$((tries + 1))
  [ "$tries" -gt 2000 ] && fail "the sweep never got going"
  kill -0 "$pid" 2>/dev/null || fail "the sweep finished before it could be interrupted"
  sleep 0.01
done
kill -INT "$pid"
status=0
wait "$pid" || status=$?
[ "$status" -eq 1 ] || fail "SIGINT gave status $status, expected 1"
grep -q "continue with --resume" "$tmp/int.err" || fail "no resume hint: $(cat "$tmp/int.err")"
[ -d "$tmp/int" ] && fail "an interrupted sweep must not leave a result directory"
"$bin" sweep "$scen" -o "$tmp/int" -q --resume
cmp "$tmp/full/sweep.csv" "$tmp/int/sweep.csv" || fail "sweep resumed after SIGINT differs"
echo "ok: SIGINT stops cleanly (status 1), --resume gives identical sweep.csv"

# Resuming a complete sweep is refused; a fresh run over it replaces it.
if "$bin" sweep "$scen" -o "$tmp/res" -q --resume 2>/dev/null; then fail "resume of a complete sweep"; fi

# Shards, merged.
"$bin" sweep "$scen" -o "$tmp/s1" -q --shard 1/3
"$bin" sweep "$scen" -o "$tmp/s2" -q --shard 2/3
"$bin" sweep "$scen" -o "$tmp/s3" -q --shard 3/3
if "$bin" merge "$tmp/bad" "$tmp/s1" "$tmp/s2" 2>/dev/null; then fail "merge with a shard missing"; fi
"$bin" merge "$tmp/merged" "$tmp/s1" "$tmp/s2" "$tmp/s3" 2>/dev/null
cmp "$tmp/full/sweep.csv" "$tmp/merged/sweep.csv" || fail "merged shards differ"
echo "ok: 3 shards merged to identical sweep.csv"

# One point equals a plain run with the same seed and replications.
"$bin" sweep "$scen" -o "$tmp/one" -q --param sides.red.rules.[0].threshold=2.5 \
  --param sides.red.rules.[0].delay=4 -n 100
"$bin" run "$scen" -o "$tmp/run" -q -n 100 --set sides.red.rules.[0].threshold=2.5 \
  --set sides.red.rules.[0].delay=4
a=$(awk -F, 'NR==2 {print $5","$12","$19","$26}' "$tmp/one/sweep.csv")
b=$(awk -F, '{m[$1]=$4} END {print m["p.route_cut"]","m["p.cut_day"]","m["k.held_area_km2"]","m["k.red_drawn_from_sectors"]}' "$tmp/run/summary.csv")
[ "$a" = "$b" ] || fail "one-point sweep ($a) differs from run ($b)"
echo "ok: one-point sweep equals run ($a)"

# Sobol: Saltelli design of N (k + 2) points and one row per metric and parameter.
"$bin" sweep "$scen" -o "$tmp/sobol" -q --method sobol --points 8 -n 20 \
  --param sides.red.rules.[0].threshold=1:3 --param sides.red.rules.[0].daily_cap=500:3000
[ "$(wc -l < "$tmp/sobol/sweep.csv")" -eq 33 ] || fail "sobol: expected 8 * 4 points"
[ "$(wc -l < "$tmp/sobol/sensitivity.csv")" -ge 7 ] || fail "sobol: sensitivity rows"
echo "ok: sobol design and sensitivity.csv"

# Morris: r trajectories of k + 1 points, one row of morris.csv per metric and
# parameter; killed with SIGKILL and resumed, and merged from shards, byte-identical.
morris="--method morris --points 12 --param sides.red.rules.[0].threshold=1:3
  --param sides.red.rules.[0].daily_cap=500:3000 --param sides.red.rules.[0].delay=1:14"
# shellcheck disable=SC2086
"$bin" sweep "$scen" -o "$tmp/morris" -q -n 300 $morris
[ "$(wc -l < "$tmp/morris/sweep.csv")" -eq 49 ] || fail "morris: expected 12 * 4 points"
[ "$(wc -l < "$tmp/morris/morris.csv")" -eq 13 ] || fail "morris: expected 4 metrics x 3 rows"
head -1 "$tmp/morris/morris.csv" | grep -q '^metric,parameter,mu,mu_ci95_low,' ||
  fail "morris.csv header: $(head -1 "$tmp/morris/morris.csv")"
grep -q '^morris.csv,mu_star,' "$tmp/morris/columns.csv" || fail "morris.csv not in columns.csv"
# The threshold moves the held area most (mu* largest of the three).
top=$(awk -F, '$1 == "k.held_area_km2" && $6 > best {best = $6; p = $2} END {print p}' \
  "$tmp/morris/morris.csv")
[ "$top" = "sides.red.rules.[0].threshold" ] || fail "morris: top parameter $top"
# shellcheck disable=SC2086
"$bin" sweep "$scen" -o "$tmp/mres" -q -j 1 -n 300 $morris 2>/dev/null &
pid=$!
wait_lines "$tmp/mres.partial/points.journal" 16 "$pid"
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
# shellcheck disable=SC2086
"$bin" sweep "$scen" -o "$tmp/mres" -q -n 300 $morris --resume
for f in sweep.csv morris.csv columns.csv design.csv; do
  cmp "$tmp/morris/$f" "$tmp/mres/$f" || fail "morris: resumed $f differs"
done
# shellcheck disable=SC2086
"$bin" sweep "$scen" -o "$tmp/m1" -q -n 300 $morris --shard 1/2
# shellcheck disable=SC2086
"$bin" sweep "$scen" -o "$tmp/m2" -q -n 300 $morris --shard 2/2
"$bin" merge "$tmp/mmerged" "$tmp/m1" "$tmp/m2" 2>/dev/null
for f in sweep.csv morris.csv columns.csv; do
  cmp "$tmp/morris/$f" "$tmp/mmerged/$f" || fail "morris: merged $f differs"
done
echo "ok: morris design and morris.csv; killed and resumed, and merged, byte-identical"
# The end summary names each metric's parameters by decreasing mu*.
"$bin" sweep "$scen" -o "$tmp/msum" -n 20 --method morris --points 3 \
  --param sides.red.rules.[0].threshold=1:3 --param sides.red.rules.[0].delay=1:14 \
  >"$tmp/msum.out" 2>/dev/null
grep -q '^Largest mean absolute elementary effects, mu\* (morris.csv):' "$tmp/msum.out" ||
  fail "no morris summary: $(cat "$tmp/msum.out")"
grep -q '^  k.held_area_km2: sides.red.rules.\[0\].threshold ' "$tmp/msum.out" ||
  fail "morris summary: $(cat "$tmp/msum.out")"

# A whole-number parameter whose range is narrower than a morris step is refused
# before any work (every step would leave it where it was).
status=0
"$bin" sweep "$scen" -o "$tmp/narrow" -q --method morris --points 4 \
  --param sides.red.rules.[0].delay=1.2:1.4 2>"$tmp/narrow.err" || status=$?
[ "$status" -eq 2 ] || fail "narrow whole-number range: status $status"
grep -q "too narrow for a morris step" "$tmp/narrow.err" || fail "$(cat "$tmp/narrow.err")"
[ ! -e "$tmp/narrow" ] || fail "narrow range wrote output"
echo "ok: a whole-number range narrower than a morris step is refused"
