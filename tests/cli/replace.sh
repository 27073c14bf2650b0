#!/bin/sh
# replace.sh FRONTSIM: an analyst's earlier output is never lost without being told
# (docs/USAGE.md, "Output directories"). One rule for run, compare, sweep, optimize and
# discover: DIR is replaced only when it holds output of the same kind and label and
# nothing frontsim did not write; every command holds DIR.lock for its whole work; a
# read-only DIR, an interrupted sweep, an unwritable parent and an empty label are
# refused before any work, with a message naming DIR and the way out.
# SECTIONS="2 5" runs only those parts (numbered as the findings they guard).
set -eu
bin=$1
. tests/cli/sweep_lib.sh
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
want() { case " ${SECTIONS:-1 2 3 4 5 6 7 8} " in *" $1 "*) return 0 ;; esac; return 1; }
run_scen=scenarios/kursk-pokrovsk.cfg
opt_scen=scenarios/optimize/strike-group.cfg

# Checksums of every file under $1: the earlier output is left as it was.
snapshot() { (cd "$1" && find . -type f | LC_ALL=C sort | xargs md5sum); }
# refused WHAT TEXT CMD...: CMD exits 2, says TEXT and --force, and starts no work.
refused() {
  what=$1 text=$2
  shift 2
  rc=0
  "$@" > /dev/null 2> "$tmp/err" || rc=$?
  [ "$rc" -eq 2 ] || fail "$what: status $rc, expected 2: $(cat "$tmp/err")"
  grep -q -- "$text" "$tmp/err" || fail "$what: no '$text' in: $(cat "$tmp/err")"
  echo "ok: $what: $(head -1 "$tmp/err")"
}
opt() { "$bin" optimize "$opt_scen" -n 20 --budget 3 --fresh-replications 20 -q "$@"; }

if want 1; then
# 1. Another kind's output is not replaced, whatever the label; the same kind and
# label is; --force replaces anything frontsim wrote.
"$bin" run "$run_scen" -n 20 -q -o "$tmp/r"
snapshot "$tmp/r" > "$tmp/r.sum"
refused "optimize over a run" "holds a run labelled \"kursk-pokrovsk\".*--force" \
  opt -o "$tmp/r"
snapshot "$tmp/r" | cmp -s - "$tmp/r.sum" || fail "optimize changed the run's directory"
opt -o "$tmp/o"
grep -q '^kind=optimize$' "$tmp/o/frontsim.meta" || fail "optimize wrote no frontsim.meta"
refused "run over a search" "holds a search (optimize) labelled \"strike-group\"" \
  "$bin" run "$run_scen" -n 20 -q -o "$tmp/o"
opt -o "$tmp/o" || fail "optimize did not replace its own label's search"
echo "ok: optimize replaces a search of the same label"
# A sweep of the same label as a run (tests/data/sweep.cfg is both).
"$bin" run "$scen" -n 20 -q -o "$tmp/same-label"
refused "sweep over a run of its label" "holds a run labelled \"sweep\"" \
  "$bin" sweep "$scen" -n 20 -q -o "$tmp/same-label"
"$bin" sweep "$scen" -n 20 -q -o "$tmp/sw"
snapshot "$tmp/sw" > "$tmp/sw.sum"
refused "run over a sweep of its label" "holds a sweep labelled \"sweep\"" \
  "$bin" run "$scen" -n 20 -q -o "$tmp/sw"
refused "discover over a finished sweep" "holds a sweep labelled" \
  "$bin" discover "$tmp/sw" -q --where 'k.held_area_km2 < 300' -o "$tmp/sw"
snapshot "$tmp/sw" | cmp -s - "$tmp/sw.sum" || fail "discover changed the sweep's directory"
"$bin" discover "$tmp/sw" -q --where 'k.held_area_km2 < 300' -o "$tmp/d"
"$bin" discover "$tmp/sw" -q --where 'k.held_area_km2 < 200' -o "$tmp/d" ||
  fail "discover did not replace a discovery in the same sweep"
refused "run over a discovery" "holds a discovery labelled \"sweep\"" \
  "$bin" run "$scen" -n 20 -q -o "$tmp/d"
"$bin" run "$run_scen" -n 20 -q -o "$tmp/sw" --force 2> /dev/null ||
  fail "--force did not replace a sweep by a run"
grep -q '^kind=run$' "$tmp/sw/frontsim.meta" || fail "--force: the run is not in place"
echo "ok: --force replaces another kind's output"
# A run of the old format (no frontsim.meta, no manifest) is a run of unknown label:
# another run replaces it, another kind does not.
"$bin" run "$run_scen" -n 20 -q -o "$tmp/old"
rm "$tmp/old/frontsim.meta"
echo "frontsim output directory" > "$tmp/old/.frontsim-output"
refused "optimize over an old-format run" "holds a run of an earlier frontsim, with no label recorded" opt -o "$tmp/old"
"$bin" run "$run_scen" -n 20 -q -o "$tmp/old" --label other ||
  fail "a run did not replace an old-format run"
echo "ok: an old-format run is replaced by a run only"
fi

if want 2; then
# 2. Two commands on one DIR at once: the second is refused at once, naming the
# holder, and the first's output is whole; a dead holder's lock is taken over.
"$bin" run "$run_scen" -n 3000 -j 1 -q -o "$tmp/same" --label A &
first=$!
tries=0
until [ -s "$tmp/same.lock" ]; do
  tries=$((tries + 1)); [ "$tries" -lt 3000 ] || fail "the first run never took the lock"
  sleep 0.01
done
rc=0
"$bin" run "$run_scen" -n 20 -q -o "$tmp/same" --label B 2> "$tmp/err" || rc=$?
[ "$rc" -eq 1 ] || fail "a second run on a busy DIR: status $rc: $(cat "$tmp/err")"
grep -q "another frontsim run (pid $first) is working on this directory" "$tmp/err" ||
  fail "the refusal does not name the holder: $(cat "$tmp/err")"
rc=0
"$bin" sweep "$scen" -n 20 -q -o "$tmp/same" --force 2> "$tmp/err" || rc=$?
[ "$rc" -eq 1 ] && grep -q "pid $first" "$tmp/err" || fail "a sweep on a busy DIR: $rc"
wait "$first" || fail "the first run failed"
grep -q '^label=A$' "$tmp/same/frontsim.meta" || fail "the first run's output was replaced"
[ ! -e "$tmp/same.lock" ] || fail "the lock was left behind"
echo "ok: a second command on a busy DIR is refused (status 1), naming the holder's pid"
# A lock file left by a killed process (no flock on it) is taken over.
echo "999999999 run" > "$tmp/same.lock"
"$bin" run "$run_scen" -n 20 -q -o "$tmp/same" --label A || fail "a stale lock was not taken over"
echo "ok: a dead holder's lock is taken over"
fi

if want 3; then
# 3. A read-only DIR (chmod -R a-w, or an empty 555 directory) is left alone, also
# for root, who may write it (the write bits are the analyst's word).
"$bin" run "$run_scen" -n 20 -q -o "$tmp/ro"
chmod -R a-w "$tmp/ro"
snapshot "$tmp/ro" > "$tmp/ro.sum"
refused "a read-only output" "$tmp/ro: is not writable" "$bin" run "$run_scen" -n 20 -q -o "$tmp/ro"
refused "a read-only output, --force" "is not writable" \
  "$bin" run "$run_scen" -n 20 -q -o "$tmp/ro" --force
snapshot "$tmp/ro" | cmp -s - "$tmp/ro.sum" || fail "the read-only output was changed"
chmod -R u+w "$tmp/ro"
chmod a-w "$tmp/ro/summary.csv"
refused "a read-only file in DIR" "(.*summary.csv is not)" \
  "$bin" run "$run_scen" -n 20 -q -o "$tmp/ro"
mkdir "$tmp/empty555" && chmod 555 "$tmp/empty555"
refused "an empty 555 directory" "$tmp/empty555: is not writable" \
  "$bin" run "$run_scen" -n 20 -q -o "$tmp/empty555"
[ -d "$tmp/empty555" ] && [ -z "$(ls -A "$tmp/empty555")" ] || fail "the 555 directory changed"
# As another user, for whom the write bits are there but not his (root only).
if [ "$(id -u)" -eq 0 ] && command -v setpriv > /dev/null; then
  "$bin" run "$run_scen" -n 20 -q -o "$tmp/roots"
  chmod 777 "$tmp" # nobody may write the parent, not DIR
  if setpriv --reuid=65534 --regid=65534 --clear-groups sh -c \
      'test -r "$1" && test -x "$2"' _ "$run_scen" "$bin"; then
    rc=0
    setpriv --reuid=65534 --regid=65534 --clear-groups \
      "$bin" run "$run_scen" -n 20 -q -o "$tmp/roots" 2> "$tmp/err" || rc=$?
    [ "$rc" -eq 2 ] && grep -q "$tmp/roots: is not writable" "$tmp/err" ||
      fail "another user's output: status $rc: $(cat "$tmp/err")"
    echo "ok: another user's output (root's, 755) is not replaced by user nobody"
  else
    echo "skip: user nobody cannot read this checkout"
  fi
  chmod 700 "$tmp"
fi
fi

if want 4; then
# 4. A file the analyst put into DIR is not deleted unasked; frontsim's charts keep
# their warning; --force replaces both.
"$bin" run "$run_scen" -n 20 -q -o "$tmp/kp"
echo x > "$tmp/kp/my-notes.txt"
mkdir "$tmp/kp/extra" && echo y > "$tmp/kp/extra/plan.txt"
refused "files frontsim did not write" "holds 2 files frontsim did not write (extra/plan.txt, my-notes.txt)" \
  "$bin" run "$run_scen" -n 20 -q -o "$tmp/kp"
[ -f "$tmp/kp/my-notes.txt" ] || fail "the notes were deleted"
rm -r "$tmp/kp/my-notes.txt" "$tmp/kp/extra"
mkdir "$tmp/kp/charts" && echo png > "$tmp/kp/charts/personnel.png"
"$bin" run "$run_scen" -n 20 -q -o "$tmp/kp" 2> "$tmp/err" || fail "charts refused: $(cat "$tmp/err")"
grep -q "the charts of the earlier output in $tmp/kp were removed" "$tmp/err" ||
  fail "no warning for the charts: $(cat "$tmp/err")"
echo "ok: frontsim's charts are replaced with a warning"
echo x > "$tmp/kp/my-notes.txt"
"$bin" run "$run_scen" -n 20 -q -o "$tmp/kp" --force || fail "--force refused"
[ ! -e "$tmp/kp/my-notes.txt" ] || fail "--force did not replace DIR"
echo "ok: --force replaces a DIR holding the analyst's files"
fi

if want 5; then
# 5. An interrupted sweep is not started over without --resume (its finished points
# would be lost): refused, with the count and both ways out.
stopped_sweep "$tmp/int" 12 INT
[ -d "$tmp/int.partial" ] || fail "the interrupted sweep left no journal"
done_points=$(($(wc -l < "$tmp/int.partial/points.journal") - 6))
cp "$tmp/int.partial/points.journal" "$tmp/journal.before"
refused "an interrupted sweep run again" \
  "holds an interrupted sweep, $done_points of 40 points done.*continue with --resume, or start over with --force" \
  "$bin" sweep "$scen" -q -j 1 -n 1500 -o "$tmp/int"
cmp -s "$tmp/int.partial/points.journal" "$tmp/journal.before" || fail "the journal was touched"
"$bin" sweep "$scen" -q -n 20 -o "$tmp/int" --force || fail "--force did not start over"
[ "$(wc -l < "$tmp/int/sweep.csv")" -eq 41 ] || fail "--force: sweep.csv incomplete"
echo "ok: --force starts an interrupted sweep over"
fi

if want 6; then
# 6. Under a read-only parent the message names DIR and its parent, never the
# staging name; an empty --label is bad input.
mkdir "$tmp/ro-parent" && chmod 555 "$tmp/ro-parent"
refused "a read-only parent" "^frontsim: $tmp/ro-parent/x: cannot be written: its parent directory $tmp/ro-parent is not writable" \
  "$bin" run "$run_scen" -n 20 -q -o "$tmp/ro-parent/x"
grep -q "partial" "$tmp/err" && fail "the message names the staging directory"
[ -z "$(ls -A "$tmp/ro-parent")" ] || fail "something was left in the read-only parent"
refused "an empty --label" "--label: give the label a name" \
  "$bin" run "$run_scen" -n 20 -q --label '' -o "$tmp/nolabel"
[ ! -e "$tmp/nolabel" ] || fail "an empty label wrote its output"
refused "an empty --label-b" "--label-b: give the label a name" \
  "$bin" compare "$run_scen" scenarios/no-diversion.cfg -n 20 -q --label-b '' -o "$tmp/nolabel"
fi
if want 7; then
# 7. merge claims OUT as the other commands do: a run is not replaced by the merged
# sweep; the same sweep's OUT is; --force replaces the run.
"$bin" run "$run_scen" -n 20 -q -o "$tmp/mr" --label mywork
for k in 1 2; do
  "$bin" sweep "$run_scen" --param 'sides.red.rules.[0].threshold=1.0,1.5' -n 4 -q \
    --shard $k/2 -o "$tmp/shard$k" > /dev/null
done
snapshot "$tmp/mr" > "$tmp/mr.sum"
refused "merge over a run" "holds a run labelled \"mywork\".*--force" \
  "$bin" merge "$tmp/mr" "$tmp/shard1" "$tmp/shard2"
snapshot "$tmp/mr" | cmp -s - "$tmp/mr.sum" || fail "merge changed the run's directory"
"$bin" merge "$tmp/m" "$tmp/shard1" "$tmp/shard2" 2> /dev/null || fail "merge into a new OUT"
"$bin" merge "$tmp/m" "$tmp/shard1" "$tmp/shard2" 2> /dev/null || fail "merge again into OUT"
"$bin" merge --force "$tmp/mr" "$tmp/shard1" "$tmp/shard2" 2> /dev/null || fail "merge --force"
grep -q '^kind=sweep$' "$tmp/mr/frontsim.meta" || fail "merge --force did not replace the run"
fi
if want 8; then
# 8. "-o DIR/" is DIR: the sweep's and the search's locks, staging and journals beside
# it, not inside, where they were later taken for files of the user's.
sw() { "$bin" sweep "$run_scen" --param 'sides.red.rules.[0].threshold=1.0,1.5' -n 4 -q "$@" > /dev/null; }
sw -o "$tmp/sl"
sw -o "$tmp/sl/" || fail "a sweep into DIR/ after one into DIR"
sw -o "$tmp/sl" || fail "a sweep into DIR after one into DIR/"
opt -o "$tmp/ol/" > /dev/null || fail "optimize into DIR/"
for d in sl ol; do
  [ -z "$(ls -A "$tmp/$d" | grep -e '\.partial' -e '\.lock' -e 'journal')" ] ||
    fail "$d/ holds frontsim's own lock, staging or journal: $(ls -A "$tmp/$d")"
done
echo "ok: -o DIR/ is DIR"
fi
echo "ok: replace.sh"
