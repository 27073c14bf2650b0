#!/bin/sh
# mpi.sh FRONTSIM FRONTSIM_MPI MPIEXEC: a sweep over 2 MPI ranks (dynamic
# scheduling) gives the same sweep.csv as a single process, also when resumed.
set -eu
bin=$1 mpibin=$2 mpiexec=$3
scen=tests/data/sweep.cfg
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
"$bin" sweep "$scen" -o "$tmp/single" -q
"$mpiexec" -np 2 "$mpibin" sweep "$scen" -o "$tmp/mpi" -q
cmp "$tmp/single/sweep.csv" "$tmp/mpi/sweep.csv"
echo "ok: 2 ranks give the same sweep.csv as one process"
# Bad input is refused by every rank with status 2, before any work.
status=0
"$mpiexec" -np 2 "$mpibin" sweep "$scen" -o "$tmp/bad" -q --param nosuch.path=1,2 2>/dev/null || status=$?
[ "$status" -eq 2 ] || { echo "FAIL: bad input gave status $status"; exit 1; }
[ ! -e "$tmp/bad" ] || { echo "FAIL: bad input wrote output"; exit 1; }
echo "ok: bad input refused with status 2"
