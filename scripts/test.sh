#!/bin/sh
# Sets up, builds and runs every test: the release build (shared libfrontsim, with
# frontsim-mpi, and the install test of tests/install), the
# whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer, a clang
# build with the golden outputs and the unit suites, then the loader's
# fuzzers for 30 s (FRONTSIM_FUZZ_SECONDS; 0 skips them). FRONTSIM_WERROR=ON
# (as CI sets it) makes every compiler warning an error. Ends with one line counting
# every test: "tests: N passed, N failed".
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)
werror=${FRONTSIM_WERROR:-OFF}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
passed=0 failed=0
start=$(date +%s)
took() { # a pass's wall time (setup and build included; CI keeps a 10-minute budget)
  now=$(date +%s)
  echo "pass $1: $((now - start)) s"
  start=$now
}
count() { # adds up ctest's "N% tests passed, F tests failed out of T"
  line=$(grep -E "tests passed, [0-9]+ tests? failed out of [0-9]+" "$log" | tail -n 1)
  f=$(echo "$line" | sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/')
  t=$(echo "$line" | sed -E 's/.* failed out of ([0-9]+).*/\1/')
  passed=$((passed + t - f))
  failed=$((failed + f))
}
mpi=ON
[ "${FRONTSIM_NO_MPI:-0}" = 1 ] && mpi=OFF
sh scripts/build.sh build -DFRONTSIM_MPI=$mpi -DFRONTSIM_WERROR="$werror" -DBUILD_SHARED_LIBS=ON
status=0
(cd build && ctest --output-on-failure -j "$jobs") > "$log" 2>&1 || status=$?
cat "$log"
count
took release
if [ "$status" -eq 0 ] && [ "${FRONTSIM_SKIP_SANITIZE:-0}" != 1 ]; then
  # Debug (asserts on) at -O1, as the sanitizers' documentation advises: at -O0,
  # unit.runner, samplers and validation took 1.7 times the CPU (83 s, 50 s). gcc's format-truncation analysis at -O1 over the
  # instrumented code reports truncations the release build (where that warning is
  # an error) does not find: it is left to the release and clang builds.
  sh scripts/build.sh build-asan -DCMAKE_BUILD_TYPE=Debug -DFRONTSIM_SANITIZE=ON \
    -DFRONTSIM_WERROR="$werror" "-DCMAKE_C_FLAGS_DEBUG=-g -O1 -Wno-format-truncation"
  # Run once, in the release build: the chart renders (gnuplot's work, not the
  # library's) and the search's command-line test (a minute of replications under the
  # sanitizers; unit.optimize runs the same library code here).
  (cd build-asan && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j "$jobs" \
    -E '^(charts\.render|cli\.optimize)$') > "$log" 2>&1 || status=$?
  cat "$log"
  count
  took sanitizers
fi
if [ "$status" -eq 0 ] && [ "${FRONTSIM_SKIP_CLANG:-0}" != 1 ]; then
  CC=clang sh scripts/build.sh build-clang -DFRONTSIM_WERROR="$werror"
  # The golden outputs (the same bytes from either compiler) and the quicker unit
  # suites; the command-line, statistical and valgrind tests run in the gcc builds.
  (cd build-clang && ctest --output-on-failure -j "$jobs" -R '^(golden|unit)\.' \
    -E 'validation|samplers') > "$log" 2>&1 || status=$?
  cat "$log"
  count
  took clang
fi
fuzz=${FRONTSIM_FUZZ_SECONDS:-30}
if [ "$status" -eq 0 ] && [ "$fuzz" -gt 0 ]; then
  if sh scripts/fuzz.sh "$fuzz"; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi
  took fuzz
fi
echo "tests: $passed passed, $failed failed"
exit "$status"
