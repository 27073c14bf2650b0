#!/bin/sh
# optimize.sh FRONTSIM: `frontsim optimize` killed with SIGKILL (its last journal
# record torn) resumes to byte-identical results, whatever the threads; on the default
# scenario the fresh-seed objective of the decision it reports lies within the
# in-sample 95% CI; bad input exits 2 before any work.
set -eu
bin=$1
scen=scenarios/kursk-pokrovsk.cfg
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# The analyst's question: how big a Kursk strike group minimises P(route cut) while
# Ukraine holds 400 km² of Kursk at the negotiations.
set -- --decision 'formations.ua-kursk-strike.personnel=0:15000:int' \
  --decision 'sides.blue.rules.[3].threshold=0.2:1.2' \
  --objective 'min pokrovsk.route_cut' \
  --constraint 'negotiations.kursk.held_area_km2 >= 400' --budget 16 -q
"$bin" optimize "$scen" "$@" -n 1500 -j 1 -o "$tmp/full"
for f in decision.csv estimate.csv evaluations.csv optimize.txt; do
  [ -s "$tmp/full/$f" ] || fail "no $f"
done
[ "$(wc -l < "$tmp/full/evaluations.csv")" -eq 17 ] || fail "expected 16 evaluations"
[ -e "$tmp/full.optimize-journal" ] && fail "the journal outlived a finished search"

# Kill -9 in the middle, tear the last record as a crash mid-write would, resume.
"$bin" optimize "$scen" "$@" -n 1500 -j 2 -o "$tmp/res" &
pid=$!
j="$tmp/res.optimize-journal"
tries=0
while [ "$(cat "$j" 2>/dev/null | wc -l)" -lt 10 ]; do   # 6 header lines + 4 evaluations
  tries=$((tries + 1))
  [ "$tries" -gt 6000 ] && fail "the search never got going"
  kill -0 "$pid" 2>/dev/null || fail "the search finished before it could be killed"
  sleep 0.01
done
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
[ -d "$tmp/res" ] && fail "a killed search must not leave a result directory"
done_before=$(($(wc -l < "$j") - 6))
[ "$done_before" -lt 16 ] || fail "killed too late ($done_before evaluations journaled)"
printf '%s' "15	5;2" >> "$j"
"$bin" optimize "$scen" "$@" -n 1500 -j 2 -o "$tmp/res" --resume
for f in decision.csv estimate.csv evaluations.csv; do
  cmp "$tmp/full/$f" "$tmp/res/$f" || fail "resumed $f differs"
done
echo "ok: killed after $done_before of 16 evaluations, resumed to identical results"

# Ctrl-C (SIGINT) stops cleanly: status 1, the resume hint, the journal kept;
# --resume finishes to the same results.
"$bin" optimize "$scen" "$@" -n 1500 -j 1 -o "$tmp/int" 2>"$tmp/int.err" &
pid=$!
while [ "$(cat "$tmp/int.optimize-journal" 2>/dev/null | wc -l)" -lt 8 ]; do
  kill -0 "$pid" 2>/dev/null || fail "the search finished before it could be interrupted"
  sleep 0.01
done
kill -INT "$pid"
status=0
wait "$pid" || status=$?
[ "$status" -eq 1 ] || fail "SIGINT gave status $status, expected 1"
grep -q "continue with --resume" "$tmp/int.err" || fail "no resume hint: $(cat "$tmp/int.err")"
[ -d "$tmp/int" ] && fail "an interrupted search must not leave a result directory"
[ -e "$tmp/int.lock" ] && fail "an interrupted search left its lock"
"$bin" optimize "$scen" "$@" -n 1500 -j 2 -o "$tmp/int" --resume
cmp "$tmp/full/evaluations.csv" "$tmp/int/evaluations.csv" || fail "resume after SIGINT differs"
echo "ok: SIGINT stops with the resume hint; resumed to identical results"

# A journal of another search is refused, not mixed in.
"$bin" optimize "$scen" "$@" -n 1500 -j 2 -o "$tmp/other" &
pid=$!
while [ "$(cat "$tmp/other.optimize-journal" 2>/dev/null | wc -l)" -lt 7 ]; do
  kill -0 "$pid" 2>/dev/null || fail "the search finished before it could be killed"
  sleep 0.01
done
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
status=0
"$bin" optimize "$scen" "$@" -n 1000 -o "$tmp/other" --resume 2>"$tmp/other.err" || status=$?
[ "$status" -eq 2 ] || fail "a foreign journal gave status $status, expected 2"
grep -q "another search" "$tmp/other.err" || fail "unclear message: $(cat "$tmp/other.err")"

# Fresh seeds: the objective re-estimated on seeds it was not chosen on lies within
# the in-sample 95% CI (estimate.csv: in-sample CI in columns 5-6, fresh mean 8), and
# the CI of fresh minus in-sample (columns 20-21) holds 0.
awk -F, '$1 == "objective" { ok = ($8 >= $5 && $8 <= $6 && $20 <= 0 && $21 >= 0); found = 1 }
  END { exit !(found && ok) }' "$tmp/full/estimate.csv" ||
  fail "fresh objective outside the in-sample CI: $(grep objective "$tmp/full/estimate.csv")"
grep -q "^The fresh objective is within the in-sample 95% CI" "$tmp/full/optimize.txt" ||
  fail "optimize.txt does not say so"
grep -q "no optimisation bias detected" "$tmp/full/optimize.txt" || fail "optimize.txt: bias"
# The fresh seed is not the search's.
grep -q "^Re-estimated on fresh seeds (seed 20250105," "$tmp/full/optimize.txt" &&
  fail "re-estimated on the search's own seed"
echo "ok: fresh-seed objective within the in-sample CI"

# The same problem written in a file (an optimize section): the same results as
# with options; options on the command line override the file's settings, and any
# --decision replaces the file's decisions.
file=scenarios/optimize/strike-group.cfg
"$bin" optimize "$file" -n 200 --budget 5 -q -o "$tmp/file"
"$bin" optimize "$scen" --decision 'formations.ua-kursk-strike.personnel=0:15000:int' \
  --objective 'min pokrovsk.route_cut' --constraint 'negotiations.kursk.held_area_km2 >= 400' \
  -n 200 --budget 5 -q -o "$tmp/opts"
for f in decision.csv estimate.csv evaluations.csv; do
  cmp "$tmp/file/$f" "$tmp/opts/$f" || fail "the file's problem gave another $f than the options"
done
grep -q "^Search: 5 evaluations of 200 replications" "$tmp/file/optimize.txt" ||
  fail "-n or --budget did not override the file: $(grep '^Search' "$tmp/file/optimize.txt")"
"$bin" optimize "$file" --decision 'sides.blue.rules.[3].threshold=0.2:1.2' -n 100 --budget 3 \
  -q -o "$tmp/file2"
[ "$(cut -d, -f1 "$tmp/file2/decision.csv" | tr '\n' ' ')" = "setting sides.blue.rules.[3].threshold " ] ||
  fail "--decision did not replace the file's decisions: $(cat "$tmp/file2/decision.csv")"
grep -q "^Constraint: mean negotiations.kursk.held_area_km2 >= 400" "$tmp/file2/optimize.txt" ||
  fail "the file's constraint was lost"
echo "ok: an optimize section gives the options' results; the command line overrides it"

# Kim-Nelson over a discrete decision, killed with SIGKILL inside the procedure (its
# journal holds only the header then): --resume reaches the uninterrupted result.
set -- --decision 'formations.ua-kursk-strike.personnel=0,3000,6000,9000,12000' \
  --objective 'min pokrovsk.route_cut' --discrete kn --delta 0.03 --first-stage 50 -n 1500 -q
"$bin" optimize "$scen" "$@" -o "$tmp/kn"
grep -q "^Search: Kim-Nelson ranking and selection among 5 alternatives" "$tmp/kn/optimize.txt" ||
  fail "kn: $(grep '^Search' "$tmp/kn/optimize.txt")"
"$bin" optimize "$scen" "$@" -o "$tmp/knr" &
pid=$!
while [ ! -s "$tmp/knr.optimize-journal" ]; do
  kill -0 "$pid" 2>/dev/null || fail "the kn search finished before it could be killed"
  sleep 0.005
done
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
[ -d "$tmp/knr" ] && fail "a killed kn search left a result directory"
"$bin" optimize "$scen" "$@" -o "$tmp/knr" --resume
for f in decision.csv estimate.csv evaluations.csv; do
  cmp "$tmp/kn/$f" "$tmp/knr/$f" || fail "kn: resumed $f differs"
done
echo "ok: kn killed inside the procedure resumed to identical results"

# Bad input: status 2, a message naming the option, nothing written.
bad() {
  status=0
  "$bin" optimize "$scen" -o "$tmp/bad" -q "$@" 2>"$tmp/bad.err" || status=$?
  [ "$status" -eq 2 ] || fail "$* gave status $status, expected 2"
  [ -e "$tmp/bad" ] && fail "$* wrote an output"
  return 0
}
bad --decision 'formations.ua-kursk-strike.personnel=0:15000' --objective 'min pokrovsk.route_cut'
grep -q ":int)" "$tmp/bad.err" || fail "no hint for a whole-number setting: $(cat "$tmp/bad.err")"
bad --decision 'formations.ua-kursk-strike.personnel=0:15000:int' --objective 'min pokrovsk.route_cutt'
grep -q 'did you mean "pokrovsk.route_cut"' "$tmp/bad.err" || fail "no hint: $(cat "$tmp/bad.err")"
bad --decision 'formations.ua-kursk-strike.personnel=0:15000:int'
grep -q -- "--objective" "$tmp/bad.err" || fail "no objective message: $(cat "$tmp/bad.err")"
bad --decision 'formations.ua-kursk-strike.personnel=0:15000:int' --objective 'min pokrovsk.route_cut' \
  --constraint 'negotiations.kursk.held_area_km2 => 400'
bad --decision 'sectors.kursk.engagement_rate=1,2,3,4,5' --objective 'min pokrovsk.route_cut' --budget 4
grep -q "more than the budget" "$tmp/bad.err" || fail "no budget message: $(cat "$tmp/bad.err")"
# A bad optimize section: file, line and setting (tests/bad/optimize-*.cfg has more).
printf '@include "%s/scenarios/kursk-pokrovsk.cfg"\noptimize = {\n  objective = "min pokrovsk.route_cut";\n  decisions = ( { path = "formations.ua-kursk-strike.personnel"; from = 0; to = 15000; } );\n  budjet = 4;\n};\n' "$PWD" > "$tmp/badfile.cfg"
scen="$tmp/badfile.cfg"
bad
grep -q "badfile.cfg:5: optimize.budjet: unknown setting 'budjet'; did you mean 'budget'?" "$tmp/bad.err" ||
  fail "unclear message: $(cat "$tmp/bad.err")"
echo "ok: bad input refused with status 2"
