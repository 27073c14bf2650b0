#!/bin/sh
# What a run costs beyond its replications: `frontsim run SCENARIO -n N -j T` (all its
# outputs) against the same replications through the library, metrics only, in
# alternation, R times; prints each pair and its ratio. Not a test: a measurement
# (docs/PERFORMANCE.md).
#   scripts/run_cost.sh BUILD_DIR [SCENARIO] [N] [T] [R] [extra frontsim run options...]
set -eu
build=$1
scenario=${2:-scenarios/kursk-pokrovsk.cfg}
n=${3:-10000}
t=${4:-1}
r=${5:-3}
[ $# -gt 5 ] && shift 5 || set --
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pc=$(PKG_CONFIG_PATH=${PKG_CONFIG_PATH:-} pkg-config --cflags --libs gsl libconfig)
cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -I"$root/include" -I"$build/include" \
   "$root/scripts/run_cost.c" "$build/src/libfrontsim.a" $pc -fopenmp -lm -lpthread \
   -o "$work/run_cost"
i=0
while [ "$i" -lt "$r" ]; do
  lib=$("$work/run_cost" "$scenario" "$n" "$t")
  a=$(date +%s.%N)
  "$build/src/frontsim" run "$scenario" -n "$n" -j "$t" -o "$work/out" --quiet "$@"
  b=$(date +%s.%N)
  echo "$lib $a $b" | awk '{ run = $3 - $2; printf "library %.3f s  run %.3f s  run/library %.2f\n", $1, run, run / $1 }'
  i=$((i + 1))
done
