#!/bin/sh
# mpi.sh FRONTSIM FRONTSIM_MPI MPIEXEC: a sweep over 2 MPI ranks (dynamic
# scheduling) gives the same sweep.csv as a single process, also when interrupted
# by Ctrl-C and resumed; `optimize` over 2 and 3 ranks equals one process, with kn too;
# on a directory another command holds every rank stops.
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
morris="--method morris --points 6 --param sides.red.rules.[0].threshold=1:3
  --param sides.red.rules.[0].delay=1:14"
# shellcheck disable=SC2086
"$bin" sweep "$scen" -o "$tmp/msingle" -q $morris
# shellcheck disable=SC2086
"$mpiexec" -np 2 "$mpibin" sweep "$scen" -o "$tmp/mmpi" -q $morris
cmp "$tmp/msingle/sweep.csv" "$tmp/mmpi/sweep.csv"
cmp "$tmp/msingle/morris.csv" "$tmp/mmpi/morris.csv"
echo "ok: a morris sweep over 2 ranks gives the same sweep.csv and morris.csv"
# Bad input is refused by every rank with status 2, before any work.
status=0
"$mpiexec" -np 2 "$mpibin" sweep "$scen" -o "$tmp/bad" -q --param nosuch.path=1,2 2>/dev/null || status=$?
[ "$status" -eq 2 ] || { echo "FAIL: bad input gave status $status"; exit 1; }
[ ! -e "$tmp/bad" ] || { echo "FAIL: bad input wrote output"; exit 1; }
echo "ok: bad input refused with status 2"
# Ctrl-C mid-sweep (SIGINT to mpirun's process group, as a terminal sends it): rank 0
# alone reports, with the resume hint; --resume completes the sweep identically.
"$bin" sweep "$scen" -o "$tmp/single1500" -q -n 1500
# mpirun leads its own process group (setsid execs it), which the signal goes to.
setsid "$mpiexec" -np 2 "$mpibin" sweep "$scen" -o "$tmp/int" -q -n 1500 2>"$tmp/int.err" &
pid=$!
tries=0
while [ "$(cat "$tmp/int.partial/points.journal" 2>/dev/null | wc -l)" -lt 10 ]; do
  tries=$((tries + 1))
  [ "$tries" -gt 3000 ] && { echo "FAIL: the MPI sweep never got going"; exit 1; }
  kill -0 "$pid" 2>/dev/null || { echo "FAIL: the MPI sweep ended too early"; exit 1; }
  sleep 0.01
done
kill -s INT -- "-$pid"
status=0
wait "$pid" || status=$?
[ "$status" -eq 1 ] || { echo "FAIL: Ctrl-C gave status $status: $(cat "$tmp/int.err")"; exit 1; }
[ "$(grep -c 'continue with --resume' "$tmp/int.err")" -eq 1 ] ||
  { echo "FAIL: not one resume hint: $(cat "$tmp/int.err")"; exit 1; }
grep -q "nothing written" "$tmp/int.err" && { echo "FAIL: a worker reported: $(cat "$tmp/int.err")"; exit 1; }
"$mpiexec" -np 2 "$mpibin" sweep "$scen" -o "$tmp/int" -q -n 1500 --resume
cmp "$tmp/single1500/sweep.csv" "$tmp/int/sweep.csv"
echo "ok: Ctrl-C stops every rank, rank 0 alone reports with the resume hint; --resume completes"
# optimize over 2 ranks: each runs its share of every evaluation's replications; the
# outputs equal a single process's byte for byte (3 ranks too: uneven shares).
set -- --decision 'formations.ua-kursk-strike.personnel=0:15000:int' \
  --objective 'min pokrovsk.route_cut' \
  --constraint 'negotiations.kursk.held_area_km2 >= 400' -n 301 --budget 8 -q
"$bin" optimize scenarios/kursk-pokrovsk.cfg "$@" -o "$tmp/opt1"
for np in 2 3; do
  "$mpiexec" -np $np "$mpibin" optimize scenarios/kursk-pokrovsk.cfg "$@" -o "$tmp/opt$np"
  for f in decision.csv estimate.csv evaluations.csv; do
    cmp "$tmp/opt1/$f" "$tmp/opt$np/$f" || { echo "FAIL: optimize on $np ranks: $f differs"; exit 1; }
  done
done
echo "ok: optimize on 2 and 3 ranks gives the same results as one process"
# Kim-Nelson over a discrete decision: its stages' replications shared the same way
# (3 ranks: shares of a stage's 67 replications are uneven).
set -- --decision 'formations.ua-kursk-strike.personnel=0,3000,6000,7500,9000' \
  --objective 'min pokrovsk.route_cut' --discrete kn --delta 0.02 --first-stage 67 -n 603 -q
"$bin" optimize scenarios/kursk-pokrovsk.cfg "$@" -o "$tmp/kn1"
"$mpiexec" -np 3 "$mpibin" optimize scenarios/kursk-pokrovsk.cfg "$@" -o "$tmp/kn3"
for f in decision.csv estimate.csv evaluations.csv; do
  cmp "$tmp/kn1/$f" "$tmp/kn3/$f" || { echo "FAIL: kn on 3 ranks: $f differs"; exit 1; }
done
echo "ok: kn on 3 ranks gives the same results as one process"
# A directory another command holds: every rank stops with the holder named (exit 1),
# where rank 0 alone stopped and the other went on into the search's collective calls
# (MPI_ERR_TRUNCATE).
"$bin" run scenarios/kursk-pokrovsk.cfg -n 40000 -j 1 -q -o "$tmp/busy" > /dev/null 2>&1 &
holder=$!
for i in $(seq 100); do [ -e "$tmp/busy.lock" ] && break; sleep 0.1; done
rc=0
"$mpiexec" -np 2 "$mpibin" optimize scenarios/kursk-pokrovsk.cfg \
  --decision 'formations.ua-kursk-strike.personnel=0:15000' \
  --objective 'min pokrovsk.route_cut' -n 20 --budget 3 -o "$tmp/busy" > "$tmp/busy.err" 2>&1 || rc=$?
kill $holder 2> /dev/null || true
wait $holder 2> /dev/null || true
[ "$rc" -eq 1 ] || { echo "FAIL: optimize on a busy directory: status $rc: $(cat "$tmp/busy.err")"; exit 1; }
grep -q "another frontsim run (pid $holder) is working on this directory" "$tmp/busy.err" ||
  { echo "FAIL: busy: $(cat "$tmp/busy.err")"; exit 1; }
! grep -q "MPI_ERR" "$tmp/busy.err" || { echo "FAIL: busy: $(cat "$tmp/busy.err")"; exit 1; }
echo "ok: optimize on a busy directory stops every rank, naming the holder"
