#!/bin/sh
# sweep_hostile.sh FRONTSIM: sweeps against hostile circumstances. Two processes on
# one directory (the second refused, status 1), duplicate journal records, a journal
# header cut short, a resume with another shard, merge errors naming the shards, the
# effective scenario reproducing the sweep, and a failure of the final rename.
set -eu
bin=$1
. tests/cli/sweep_lib.sh
# SECTIONS="2 3" runs only those parts (numbered as the findings they guard).
want() { case " ${SECTIONS:-1 2 3 5 6} " in *" $1 "*) return 0 ;; esac; return 1; }

"$bin" sweep "$scen" -o "$tmp/full" -q -j 2

if want 1; then
# 1. A second process on a running sweep's directory (a requeued job's --resume, or a
# plain sweep into the same -o) is refused with status 1 and leaves the first alone.
"$bin" sweep "$scen" -o "$tmp/busy" -q -j 1 -n 1500 &
pid=$!
wait_lines "$tmp/busy.partial/points.journal" 8 "$pid"
for extra in --resume --quiet; do
  status=0
  "$bin" sweep "$scen" -o "$tmp/busy" -q -j 1 -n 1500 $extra 2>"$tmp/second.err" || status=$?
  [ "$status" -eq 1 ] || fail "second sweep ($extra) gave status $status: $(cat "$tmp/second.err")"
  grep -q "another frontsim sweep" "$tmp/second.err" || fail "no clear refusal: $(cat "$tmp/second.err")"
  grep -q "$tmp/busy" "$tmp/second.err" || fail "the refusal does not name the directory"
  [ -f "$tmp/busy.partial/points.journal" ] || fail "the second sweep ($extra) removed the journal"
done
wait "$pid" || fail "the first sweep failed after a second was refused"
[ "$(wc -l < "$tmp/busy/sweep.csv")" -eq 41 ] || fail "the first sweep is incomplete"
[ ! -e "$tmp/busy.lock" ] || fail "the lock file was left behind"
echo "ok: a second sweep on a running sweep's directory is refused (status 1)"

# An exact duplicate of a record (two appenders of old) is kept once.
stopped_sweep "$tmp/dup" 9 INT
sed -n 7,8p "$tmp/dup.partial/points.journal" >> "$tmp/dup.partial/points.journal"
status=0
"$bin" sweep "$scen" -o "$tmp/dup" -q -n 1500 -j 2 --resume 2>"$tmp/dup.err" || status=$?
[ "$status" -eq 0 ] || fail "resume with duplicate records: status $status: $(cat "$tmp/dup.err")"
[ "$(wc -l < "$tmp/dup/sweep.csv")" -eq 41 ] || fail "duplicate records: sweep.csv"
echo "ok: exact duplicate records are kept once"
fi

if want 2; then
# 2. A journal header cut short (a full disk while it was written) holds no record:
# --resume starts afresh.
stopped_sweep "$tmp/torn" 8 KILL
head -c 60 "$tmp/torn.partial/points.journal" > "$tmp/head" && mv "$tmp/head" "$tmp/torn.partial/points.journal"
status=0
"$bin" sweep "$scen" -o "$tmp/torn" -q -j 2 --resume 2>"$tmp/torn.err" || status=$?
[ "$status" -eq 0 ] || fail "resume after a torn header: status $status: $(cat "$tmp/torn.err")"
cmp "$tmp/full/sweep.csv" "$tmp/torn/sweep.csv" || fail "resume after a torn header differs"
echo "ok: a torn journal header restarts the sweep"
fi

if want 3; then
# 3. The shard is part of what a resume checks; merge names the shards it was given.
stopped_sweep "$tmp/un" 8 KILL
status=0
"$bin" sweep "$scen" -o "$tmp/un" -q -n 1500 --resume --shard 1/2 2>"$tmp/un.err" || status=$?
[ "$status" -eq 2 ] || fail "resume with another shard gave status $status"
grep -q "shard" "$tmp/un.err" || fail "the refusal does not mention the shard: $(cat "$tmp/un.err")"
"$bin" sweep "$scen" -o "$tmp/h1" -q --shard 1/2
"$bin" sweep "$scen" -o "$tmp/h2" -q --shard 2/2
status=0
"$bin" merge "$tmp/m" "$tmp/h1" "$tmp/h1" 2>"$tmp/merge.err" || status=$?
[ "$status" -eq 2 ] || fail "merge of one shard twice gave status $status"
grep -q "partial" "$tmp/merge.err" && fail "merge names a temporary directory: $(cat "$tmp/merge.err")"
grep -q "$tmp/h1" "$tmp/merge.err" || fail "merge does not name the shard: $(cat "$tmp/merge.err")"
status=0
"$bin" merge "$tmp/m" "$tmp/h2" 2>"$tmp/merge.err" || status=$?
[ "$status" -eq 2 ] || fail "merge with a shard missing gave status $status"
grep -q "partial" "$tmp/merge.err" && fail "merge names a temporary directory: $(cat "$tmp/merge.err")"
grep -q "1/2" "$tmp/merge.err" || fail "merge does not say which shard is missing: $(cat "$tmp/merge.err")"
"$bin" merge "$tmp/m" "$tmp/h2" "$tmp/h1" 2>/dev/null
cmp "$tmp/full/sweep.csv" "$tmp/m/sweep.csv" || fail "merged shards differ"
echo "ok: resume with another shard refused; merge errors name the shards"
fi

if want 5; then
# 5. The effective scenario.cfg reproduces the sweep, command-line choices included.
"$bin" sweep "$scen" -o "$tmp/eff" -q -n 20 --method lhs --points 6 --set run.days=40 \
  --param sides.red.rules.[0].threshold=1:3 --param sides.red.rules.[0].delay=1:9
"$bin" sweep "$tmp/eff/scenario.cfg" -o "$tmp/eff2" -q
cmp "$tmp/eff/sweep.csv" "$tmp/eff2/sweep.csv" || fail "re-running scenario.cfg gives another sweep"
echo "ok: DIR/scenario.cfg reproduces the sweep"
fi

if want 6; then
# 6. A failure of the final rename (as a kill there would) keeps the journal: --resume
# finishes without recomputing. The failure is injected where strace can inject.
mkdir "$tmp/fin"
if strace -f -o /dev/null -P "$tmp/fin" -e trace=rename,renameat,renameat2 \
     -e inject=rename,renameat,renameat2:error=EIO true 2>/dev/null; then
  status=0
  strace -f -o /dev/null -P "$tmp/fin" -e trace=rename,renameat,renameat2 \
    -e inject=rename,renameat,renameat2:error=EIO \
    "$bin" sweep "$scen" -o "$tmp/fin" -q 2>/dev/null || status=$?
  [ "$status" -eq 1 ] || fail "injected rename failure gave status $status"
  [ -f "$tmp/fin.partial/points.journal" ] || fail "the journal was removed before DIR was in place"
  "$bin" sweep "$scen" -o "$tmp/fin" -q --resume
  cmp "$tmp/full/sweep.csv" "$tmp/fin/sweep.csv" || fail "finished sweep differs"
  status=0
  "$bin" sweep "$scen" -o "$tmp/fin" -q --resume 2>"$tmp/fin.err" || status=$?
  grep -q "nothing to resume" "$tmp/fin.err" || fail "resume of a complete sweep: $(cat "$tmp/fin.err")"
  echo "ok: the journal outlives a failed final rename"
else
  echo "skipped: strace cannot inject here (the final-rename case)"
fi
fi
