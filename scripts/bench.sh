#!/bin/sh
# Sets up, builds (release) and runs the benchmark on the default scenario; the
# figures go to stdout and out/bench.csv. Extra arguments go to frontsim-bench.
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh
sh scripts/build.sh build >/dev/null
mkdir -p out
./build/src/frontsim-bench scenarios/kursk-pokrovsk.cfg -o out/bench.csv "$@"
if command -v perf >/dev/null 2>&1 && perf stat -e instructions true >/dev/null 2>&1 &&
   ! perf stat -e instructions true 2>&1 | grep -q "not supported"; then
  echo
  echo "instruction counts (perf stat), 2000 replications on 1 thread:"
  perf stat -e instructions ./build/src/frontsim run scenarios/kursk-pokrovsk.cfg -n 2000 -j 1 \
    -q -o out/bench-run 2>&1 | grep instructions
fi
