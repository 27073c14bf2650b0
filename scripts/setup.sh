#!/bin/sh
# Installs what frontsim needs to build, test and draw charts (Debian/Ubuntu).
# Idempotent: installs only the packages that are missing.
set -eu
pkgs="build-essential cmake pkg-config libgsl-dev libconfig-dev check gnuplot-nox"
# clang and its runtime for the fuzzers (scripts/fuzz.sh, run by scripts/test.sh).
pkgs="$pkgs clang libclang-rt-14-dev"
# valgrind for the loader's memcheck tests, python3 for the house rules test
# (tests/CMakeLists.txt).
pkgs="$pkgs valgrind python3"
# python3-numpy for the Python package and its tests (python/); poppler-utils
# (pdftoppm) and librsvg2-bin (rsvg-convert) for the check of every chart's edges in
# PDF and SVG (tests/charts/render.sh).
pkgs="$pkgs python3-numpy poppler-utils librsvg2-bin"
# Open MPI for frontsim-mpi (FRONTSIM_NO_MPI=1 skips it).
[ "${FRONTSIM_NO_MPI:-0}" = 1 ] || pkgs="$pkgs libopenmpi-dev openmpi-bin"
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -z "$missing" ]; then
  echo "setup: everything is installed"
  exit 0
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "setup: installing$missing"
$sudo apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "setup: done"
