#!/bin/sh
# Sets up, builds, runs the default scenario (1,000 replications) and draws its
# charts: out/kursk-pokrovsk/summary.txt and out/kursk-pokrovsk/charts/*.png.
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh
sh scripts/build.sh build
./build/src/frontsim run scenarios/kursk-pokrovsk.cfg -o out/kursk-pokrovsk "$@"
./build/src/frontsim plot out/kursk-pokrovsk
echo "demo: summary in out/kursk-pokrovsk/summary.txt, charts in out/kursk-pokrovsk/charts/"
