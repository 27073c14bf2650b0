#!/bin/sh
# golden.sh FRONTSIM [--update]: the known-answer test. Runs the default scenario (the
# frozen version 1 and the shipped version 2), a
# paired comparison, a grid sweep and a sobol sweep, all small, and compares every
# output byte for byte with tests/golden/expected/ (the large daily series by their
# SHA-256). A change to the model, the draws, the seeding or an output format shows
# here; a change that should leave outputs alone (a reorganisation) must pass it
# untouched. After a deliberate change of outputs, `--update` rewrites expected/,
# and the commit says why the figures moved.
set -eu
bin=$1
update=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
exp=$here/expected
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Paths in the outputs (command lines) are relative to the checkout, the output
# directory is named after its place under $tmp: replaced by @OUT@ below.
# run/ and compare/ pin version 1 of the default scenario and its counterfactual:
# tests/golden/v1/scenarios/ is a frozen copy of scenarios/kursk-pokrovsk.cfg,
# no-diversion.cfg and base/*.inc as they were before the default became version 2,
# run from tests/golden/v1 so the paths in the outputs are those of that time.
# run2/ pins the shipped default (version 2).
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
(cd "$here/v1" && "$bin" run scenarios/kursk-pokrovsk.cfg -n 24 -j 2 -o "$tmp/out/run" >/dev/null)
(cd "$here/v1" && "$bin" compare scenarios/kursk-pokrovsk.cfg scenarios/no-diversion.cfg \
  -n 16 -j 2 -o "$tmp/out/compare" >/dev/null)
"$bin" run scenarios/kursk-pokrovsk.cfg -n 24 -j 2 -o "$tmp/out/run2" >/dev/null
"$bin" sweep tests/data/sweep.cfg -n 10 -j 2 -o "$tmp/out/grid" -q
"$bin" sweep tests/data/sweep.cfg -n 8 -j 2 --method sobol --points 16 \
  --param 'sides.red.rules.[0].threshold=1.5:3' --param 'sides.red.rules.[0].delay=1:10' \
  -o "$tmp/out/sobol" -q

# What is pinned in full, and what by its hash (series files: large, and a change
# there shows in the summaries too).
got=$tmp/got
mkdir -p "$got"
for f in run/summary.csv run/summary.txt run/replications.csv run/scenario.cfg \
         run/frontsim.meta run2/summary.csv run2/summary.txt run2/replications.csv \
         run2/scenario.cfg run2/frontsim.meta compare/compare.csv compare/compare.txt \
         grid/sweep.csv grid/design.csv grid/scenario.cfg grid/frontsim.meta \
         sobol/sweep.csv sobol/design.csv sobol/sensitivity.csv sobol/frontsim.meta; do
  mkdir -p "$got/$(dirname "$f")"
  sed "s|$tmp/out|@OUT@|g" "$tmp/out/$f" > "$got/$f"
done
(cd "$tmp/out" && sha256sum run/series/*.csv compare/a/series/*.csv compare/b/series/*.csv) \
  > "$got/series.sha256"
(cd "$tmp/out" && sha256sum run2/series/*.csv) > "$got/series2.sha256"

if [ "$update" = "--update" ]; then
  rm -rf "$exp"
  cp -R "$got" "$exp"
  echo "golden: expected outputs rewritten in $exp"
  exit 0
fi
status=0
for f in $(cd "$exp" && find . -type f | sort); do
  if ! cmp -s "$exp/$f" "$got/$f"; then
    echo "FAIL: $f differs from the pinned output:"
    diff -u "$exp/$f" "$got/$f" | head -n 20
    status=1
  fi
done
[ "$(cd "$exp" && find . -type f | wc -l)" -eq "$(cd "$got" && find . -type f | wc -l)" ] ||
  { echo "FAIL: a different set of files"; status=1; }
[ "$status" -eq 0 ] && echo "ok: every output equals the pinned one ($(cd "$exp" && find . -type f | wc -l) files)"
exit "$status"
