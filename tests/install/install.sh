#!/bin/sh
# install.sh BUILD_DIR [PYTHON]: installs a shared build of frontsim to a fresh prefix and checks
# what a program embedding it relies on (docs/API.md):
#  1. the shared library exports the public API and nothing else (nm -D), and every
#     function the installed headers declare;
#  2. a C program built with `pkg-config --cflags --libs frontsim` runs the default
#     scenario, and gives the same mean of a metric as the installed frontsim tool;
#  3. a CMake project with find_package(frontsim) builds the same program and agrees;
#  4. a host that uses GSL keeps running after a GSL error (no abort), and a host's
#     own GSL error handler is left in place;
#  5. with PYTHON (a python3 with numpy): the installed Python package finds the
#     installed library and gives the same mean as the tool.
set -eu
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "install: FAIL: $*" >&2; exit 1; }

prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null
libdir=$(ls -d "$prefix"/lib*/ | head -n 1)
lib=$(ls "$libdir"libfrontsim.so.* 2>/dev/null | head -n 1)
[ -n "$lib" ] || fail "no shared libfrontsim installed under $libdir (configure with -DBUILD_SHARED_LIBS=ON)"
soname=$(objdump -p "$lib" | awk '$1 == "SONAME" {print $2}')
echo "install: $lib, soname $soname"
case $soname in libfrontsim.so.[0-9]*) ;; *) fail "soname '$soname'" ;; esac

# 1. Exports: the linker's own markers aside, only fsim_ symbols.
nm -D --defined-only "$lib" | awk '{print $3}' | sort > "$tmp/exported"
grep -v -E '^(fsim_|__bss_start$|_edata$|_end$|_init$|_fini$)' "$tmp/exported" > "$tmp/stray" || true
[ ! -s "$tmp/stray" ] || fail "exported beyond the public API: $(tr '\n' ' ' < "$tmp/stray")"
# Every function declared FSIM_API in the installed headers is exported.
sed -n 's/^FSIM_API[^(]*[ *]\(fsim_[A-Za-z0-9_]*\)(.*/\1/p' "$prefix"/include/frontsim/*.h | sort -u > "$tmp/declared"
[ -s "$tmp/declared" ] || fail "no FSIM_API declarations found in the installed headers"
missing=$(comm -23 "$tmp/declared" "$tmp/exported")
[ -z "$missing" ] || fail "declared but not exported: $missing"
echo "install: $(wc -l < "$tmp/exported") symbols exported, $(wc -l < "$tmp/declared") declared, none stray"

scenario=$prefix/share/frontsim/scenarios/kursk-pokrovsk.cfg
[ -f "$scenario" ] || fail "the default scenario is not installed"
metric=pokrovsk.route_cut
seed=11 n=300

# The installed tool's answer: the mean of the metric's column in replications.csv.
"$prefix/bin/frontsim" run "$scenario" -n $n --seed $seed --series none --quiet -o "$tmp/run" >/dev/null
want=$(awk -F, -v m="$metric" 'NR == 1 {for (i = 1; i <= NF; i++) if ($i == m) c = i; next}
  {s += $c; k++} END {if (!c) exit 1; printf "%.6f\n", s / k}' "$tmp/run/replications.csv") ||
  fail "no column $metric in replications.csv"

# 2. pkg-config.
export PKG_CONFIG_PATH="$libdir/pkgconfig"
# shellcheck disable=SC2046
cc -std=c11 -o "$tmp/consumer_pc" "$here/consumer.c" $(pkg-config --cflags --libs frontsim) \
  -Wl,-rpath,"$libdir"
"$tmp/consumer_pc" "$scenario" $seed $n $metric > "$tmp/pc.out"
got=$(awk '$1 == "mean" {print $2}' "$tmp/pc.out")
[ "$got" = "$want" ] || fail "pkg-config program: mean $got, frontsim run: $want"
grep -q "^version $(pkg-config --modversion frontsim)\$" "$tmp/pc.out" ||
  fail "fsim_version() does not match frontsim.pc: $(head -n 1 "$tmp/pc.out")"
echo "install: pkg-config program agrees with frontsim run ($metric mean $got over $n)"

# 3. find_package.
cmake -S "$here/cmake_consumer" -B "$tmp/cmake_build" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_BUILD_RPATH="$libdir" >/dev/null
cmake --build "$tmp/cmake_build" >/dev/null
"$tmp/cmake_build/consumer" "$scenario" $seed $n $metric > "$tmp/cm.out"
got=$(awk '$1 == "mean" {print $2}' "$tmp/cm.out")
[ "$got" = "$want" ] || fail "find_package program: mean $got, frontsim run: $want"
echo "install: find_package(frontsim) program agrees"

# 4. GSL's error handler.
# shellcheck disable=SC2046
cc -std=c11 -o "$tmp/gsl_host" "$here/gsl_host.c" $(pkg-config --cflags --libs frontsim gsl) \
  -Wl,-rpath,"$libdir"
"$tmp/gsl_host" "$scenario" default || fail "a GSL error aborted a host that left GSL's default handler"
"$tmp/gsl_host" "$scenario" own || fail "the host's own GSL handler"

# 5. Python.
if [ $# -ge 2 ] && [ -n "$2" ]; then
  init=$(find "$prefix" -path '*/frontsim/__init__.py' | head -n 1)
  [ -n "$init" ] || fail "the Python package is not installed"
  pydir=$(dirname "$(dirname "$init")")
  got=$(cd "$tmp" && PYTHONPATH="$pydir" FRONTSIM_LIBRARY= "$2" -c "
import frontsim
sc = frontsim.Scenario('$scenario')
r = sc.run(replications=$n, seed=$seed, series='none')
print('%.6f' % r.metric('$metric').mean())") || fail "python3 -c 'import frontsim' from the install"
  [ "$got" = "$want" ] || fail "Python package: mean $got, frontsim run: $want"
  echo "install: the Python package agrees ($pydir)"
fi
echo "install: ok"
