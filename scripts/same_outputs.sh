#!/bin/sh
# Whether two builds write the same run outputs, byte for byte: `frontsim run` of the
# default scenario at 257, 3,000 and 10,000 replications (exact series) and 10,500
# (beyond the exact limit), of a generated 10-sector scenario at 777, each on 1 and 2
# threads, and of the validation and what-if scenarios at 300 on 2 threads, every
# file compared (docs/PERFORMANCE.md:
# a change meant to leave outputs alone must pass it). Not a test (a minute or two of
# runs): a check to run before committing such a change.
#   scripts/same_outputs.sh BUILD_BEFORE BUILD_AFTER [extra frontsim run options...]
# BUILD_*: build directories (their src/frontsim and src/frontsim-bench are used).
set -eu
a=$1
b=$2
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$b/src/frontsim-bench" --print-scenario 10 > "$work/gen10.cfg"
fail=0
run_both() { # scenario replications threads [extra options]
  sc=$1 n=$2 j=$3
  shift 3
  for which in a b; do
    eval "bin=\$$which/src/frontsim"
    rm -rf "$work/out"
    "$bin" run "$sc" -n "$n" -j "$j" -o "$work/out" --quiet "$@" >/dev/null 2>&1 ||
      { echo "FAIL: $bin run $sc -n $n -j $j $*"; fail=1; return; }
    rm -rf "$work/$which"
    mv "$work/out" "$work/$which"
  done
  if diff -r "$work/a" "$work/b" >/dev/null; then
    echo "same: $sc -n $n -j $j $* ($(find "$work/a" -type f | wc -l) files)"
  else
    echo "DIFFERENT: $sc -n $n -j $j $*"
    diff -rq "$work/a" "$work/b" | head -5
    fail=1
  fi
}
for n in 257 3000 10000 10500; do
  for j in 1 2; do run_both scenarios/kursk-pokrovsk.cfg "$n" "$j" "$@"; done
done
for j in 1 2; do run_both "$work/gen10.cfg" 777 "$j" "$@"; done
for f in scenarios/validation/*.cfg scenarios/what-if/*.cfg scenarios/no-diversion.cfg; do
  run_both "$f" 300 2 "$@"
done
exit $fail
