#!/bin/sh
# What a run costs beyond its replications: `frontsim run SCENARIO -n N -j T` (all its
# outputs) against the same replications through the library, metrics only, in
# alternation, R times; prints each pair and its ratio, in wall time and in processor
# time (user + system: what a busy machine disturbs less). Not a test: a measurement
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
  rm -rf "$work/out"
  /usr/bin/time -f "%e %U %S" -o "$work/time" \
    "$build/src/frontsim" run "$scenario" -n "$n" -j "$t" -o "$work/out" --quiet "$@"
  echo "$lib $(cat "$work/time")" | awk '{ cpu = $4 + $5
    printf "library %.3f s (cpu %.3f)  run %.3f s (cpu %.3f)  run/library %.2f (cpu %.2f)\n",
           $1, $2, $3, cpu, $3 / $1, cpu / $2 }'
  i=$((i + 1))
done
