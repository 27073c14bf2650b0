#!/bin/sh
# Sets up, builds and runs every test: the release build (with frontsim-mpi), the
# whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer, then the
# loader's fuzzers for a minute (FRONTSIM_FUZZ_SECONDS; 0 skips them).
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)
mpi=ON
[ "${FRONTSIM_NO_MPI:-0}" = 1 ] && mpi=OFF
sh scripts/build.sh build -DFRONTSIM_MPI=$mpi
(cd build && ctest --output-on-failure -j "$jobs")
if [ "${FRONTSIM_SKIP_SANITIZE:-0}" != 1 ]; then
  sh scripts/build.sh build-asan -DCMAKE_BUILD_TYPE=Debug -DFRONTSIM_SANITIZE=ON
  (cd build-asan && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j "$jobs")
fi
fuzz=${FRONTSIM_FUZZ_SECONDS:-60}
if [ "$fuzz" -gt 0 ]; then
  sh scripts/fuzz.sh "$fuzz"
fi
