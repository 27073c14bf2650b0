#!/bin/sh
# fuzz.sh [SECONDS]: builds the libFuzzer harnesses (clang, ASan, UBSan) and runs each
# for SECONDS (default 60, split between the three), seeded with every shipped scenario
# and the bad-input catalogue. A finding stops it with the crashing input saved in
# out/fuzz/. CI runs it briefly; run it for longer by hand: sh scripts/fuzz.sh 1800
set -eu
cd "$(dirname "$0")/.."
total=${1:-60}
each=$((total / 3))
[ "$each" -ge 1 ] || each=1
if ! command -v clang >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq clang libclang-rt-14-dev >/dev/null
fi
CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DFRONTSIM_FUZZ=ON \
  -DFRONTSIM_TESTS=OFF -DFRONTSIM_OPENMP=OFF >/dev/null
cmake --build build-fuzz -j "$(nproc 2>/dev/null || echo 2)" --target fuzz_scenario fuzz_set fuzz_param >/dev/null
mkdir -p out/fuzz/scenario out/fuzz/set out/fuzz/param out/fuzz/seed-scenario out/fuzz/seed-set \
  out/fuzz/seed-param
for f in scenarios/*.cfg scenarios/validation/*.cfg tests/data/*.cfg tests/bad/*.cfg; do
  [ -f "$f" ] && cp "$f" "out/fuzz/seed-scenario/$(echo "$f" | tr / _)"
done
printf 'run.days=20\nsectors.a.width_km=3.5\n' > out/fuzz/seed-set/a
printf 'sides.red.rules.[0].donors=["a", "reserve"]\n@sweep.x=1:2:3\n' > out/fuzz/seed-set/b
printf 'sectors.[0].supply.range_km=-1\nrun.mode=expected\n' > out/fuzz/seed-set/c
printf 'run.days=5:9:3\nsectors.a.width_km=1,2.5,4\n' > out/fuzz/seed-param/a
printf 'formations.b.personnel=10:90\n@sweep.method=lhs\n' > out/fuzz/seed-param/b
printf 'sides.blue.reserve=0:100:2\n@run.seed=7\n' > out/fuzz/seed-param/c
export ASAN_OPTIONS=detect_leaks=1
export LSAN_OPTIONS=suppressions=$(pwd)/tests/fuzz/lsan.supp
status=0
for h in scenario set param; do
  ./build-fuzz/tests/fuzz/fuzz_$h -max_total_time="$each" -max_len=8192 \
    -artifact_prefix=out/fuzz/ -print_final_stats=1 out/fuzz/$h out/fuzz/seed-$h \
    > out/fuzz/$h.log 2>&1 || status=$?
  grep -E "^stat::(number_of_executed_units|average_exec_per_sec|new_units_added)" out/fuzz/$h.log |
    sed "s/^/fuzz_$h: /"
  if [ "$status" -ne 0 ]; then
    tail -n 40 out/fuzz/$h.log
    echo "fuzz: FINDING in fuzz_$h (input saved in out/fuzz/)"
    exit 1
  fi
done
echo "fuzz: no finding in ${total} s"
