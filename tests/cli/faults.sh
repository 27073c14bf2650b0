#!/bin/sh
# faults.sh FRONTSIM: faults while writing. An output that cannot be written, a file
# size limit reached mid-run (the stand-in for a full disk), Ctrl-C and kill -9 during
# a run: each gives a clear error and status 1 or 2, leaves no half-written file where
# the output belongs, and never damages the output of an earlier run. A sweep stopped
# by the limit resumes to the same result as an uninterrupted one.
set -eu
bin=$1
scen=scenarios/kursk-pokrovsk.cfg
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# ulimit -f counts blocks of 512 bytes in dash and 1 KiB in bash: limits are given in
# KiB and converted for the shell running this script.
block=$( (ulimit -f 1; grep '^Max file size' /proc/self/limits) 2> /dev/null | awk '{print $4}')
[ -n "$block" ] || block=512
kib() { echo $(($1 * 1024 / block)); }

# Checksums of every file under $1, to tell an earlier output was left as it was.
snapshot() { (cd "$1" && find . -type f | LC_ALL=C sort | xargs md5sum); }

# expect_status WANT LOGFILE TEXT: the last command's status (in $rc) and message.
expect() {
  [ "$rc" -eq "$1" ] || { cat "$2"; fail "$4: status $rc, expected $1"; }
  grep -q -- "$3" "$2" || { cat "$2"; fail "$4: no message containing '$3'"; }
  echo "ok: $4: status $rc, $(head -1 "$2")"
}

"$bin" run "$scen" -n 20 -o "$tmp/out" --quiet
snapshot "$tmp/out" > "$tmp/before"

# 1. The output cannot be created: under a regular file, or in a directory we may not
#    write (as root, which ignores permissions, the check runs as user nobody).
: > "$tmp/file"
rc=0; "$bin" run "$scen" -n 20 -o "$tmp/file/out" --quiet 2> "$tmp/err" || rc=$?
expect 1 "$tmp/err" "$tmp/file.*Not a directory" "output under a regular file"
rc=0; "$bin" run "$scen" -n 20 -o "$tmp/file" --quiet 2> "$tmp/err" || rc=$?
expect 2 "$tmp/err" "$tmp/file: exists and is not a directory" "output is a regular file"
mkdir "$tmp/ro"
as_user=""
if [ "$(id -u)" -eq 0 ] && command -v setpriv > /dev/null; then
  as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
  chmod 755 "$tmp"
  # nobody must be able to read the scenario and run the binary (not so in a
  # checkout under a private home directory).
  $as_user sh -c 'test -r "$1" && test -r scenarios/base && test -x "$2"' _ "$scen" "$bin" ||
    as_user="unusable"
fi
if [ "$as_user" = unusable ]; then
  echo "skip: read-only directory (user nobody cannot read this checkout)"
elif [ "$(id -u)" -ne 0 ] || [ -n "$as_user" ]; then
  chmod 555 "$tmp/ro"
  rc=0; $as_user "$bin" run "$scen" -n 20 -o "$tmp/ro/out" --quiet 2> "$tmp/err" || rc=$?
  # Refused before any work, naming what was typed, not the staging name beside it.
  expect 2 "$tmp/err" "$tmp/ro/out: cannot be written: its parent directory $tmp/ro is not writable" "read-only parent directory"
  [ -z "$(ls -A "$tmp/ro")" ] || fail "something was left in the read-only directory"
  chmod 755 "$tmp/ro"
else
  echo "skip: read-only directory (root without setpriv)"
fi

# 2. A file size limit of 64 KiB reached mid-run (the run's largest file, a sector's
#    series, is about 125 KiB): a write error, status 1, the earlier output intact and
#    no staging directory left.
rc=0; (ulimit -f "$(kib 64)"; "$bin" run "$scen" -n 20 -o "$tmp/out" --quiet) 2> "$tmp/err" || rc=$?
expect 1 "$tmp/err" "cannot write: File too large" "file size limit during run"
snapshot "$tmp/out" | cmp -s - "$tmp/before" || fail "the earlier output changed"
if ls -d "$tmp"/out.* 2> /dev/null; then fail "a staging directory was left"; fi
#    A limit of 1 KiB stops the first file, the effective scenario: named in the message.
rc=0; (ulimit -f "$(kib 1)"; "$bin" run "$scen" -n 20 -o "$tmp/out" --quiet) 2> "$tmp/err" || rc=$?
expect 1 "$tmp/err" "scenario.cfg: cannot write the scenario" "file size limit on scenario.cfg"

# 3. Ctrl-C during a long run (outputs are staged only once the replications are
#    done): status 1, "interrupted", nothing replaced or left. frontsim heeds SIGINT
#    once it has loaded the scenario, so the signal is sent again until it answers.
"$bin" run "$scen" -n 20000 -j 1 -o "$tmp/out" 2> "$tmp/err" &
pid=$!
tries=0
while [ "$tries" -lt 40 ] && ! grep -q interrupted "$tmp/err"; do
  sleep 0.5
  kill -INT "$pid" 2> /dev/null || break
  tries=$((tries + 1))
done
rc=0; wait "$pid" || rc=$?
expect 1 "$tmp/err" "interrupted" "SIGINT during run"
snapshot "$tmp/out" | cmp -s - "$tmp/before" || fail "the earlier output changed"
if ls -d "$tmp"/out.* 2> /dev/null; then fail "a staging directory was left"; fi

# 4. kill -9 during a run: nothing can be cleaned up, but the earlier output stands
#    and the next run works. (Killed while writing, a run leaves a directory named
#    out.partial-PID-HOST beside the output, never mistaken for it; see docs/USAGE.md.)
"$bin" run "$scen" -n 20000 -j 1 -o "$tmp/out" --quiet 2> /dev/null &
pid=$!
sleep 1
kill -9 "$pid"
wait "$pid" 2> /dev/null || true
snapshot "$tmp/out" | cmp -s - "$tmp/before" || fail "kill -9 changed the earlier output"
"$bin" run "$scen" -n 20 --seed 2 -o "$tmp/out" --quiet || fail "run after kill -9"
grep -q "seed 2" "$tmp/out/summary.txt" || fail "the new output is not in place"
echo "ok: kill -9 during run: earlier output intact, next run replaces it"

# 5. A sweep stopped part-way by a 6 KiB limit (its scenario.cfg is 3 KiB, the journal
#    of its 40 points about 10 KiB) keeps its journal; --resume without the limit gives
#    the same sweep.csv as an uninterrupted sweep.
sweep="tests/data/sweep.cfg"
"$bin" sweep "$sweep" -o "$tmp/sw-full" -q -j 2
rc=0; (ulimit -f "$(kib 6)"; "$bin" sweep "$sweep" -o "$tmp/sw" -q -j 2) 2> "$tmp/err" || rc=$?
expect 1 "$tmp/err" "points.journal: cannot write: File too large" "file size limit during sweep"
if [ -d "$tmp/sw" ]; then fail "a stopped sweep must not leave a result directory"; fi
"$bin" sweep "$sweep" -o "$tmp/sw" -q -j 2 --resume
cmp "$tmp/sw-full/sweep.csv" "$tmp/sw/sweep.csv" || fail "resumed sweep differs"
echo "ok: sweep resumed after the size limit: identical sweep.csv"

# 6. Charts: gnuplot stopped by a 32 KiB limit while writing a chart (scripts are
#    under 18 KiB, a supply chart's the largest, charts 50 KiB and more) is an error
#    (status 2, the signal named), and the charts drawn before stay as they were.
if command -v "${FRONTSIM_GNUPLOT:-gnuplot}" > /dev/null 2>&1; then
  "$bin" plot "$tmp/out" --quiet
  snapshot "$tmp/out/charts" > "$tmp/charts-before"
  rc=0; (ulimit -f "$(kib 32)"; "$bin" plot "$tmp/out" --quiet) 2> "$tmp/err" || rc=$?
  expect 2 "$tmp/err" "gnuplot was killed by signal" "file size limit during plot"
  snapshot "$tmp/out/charts" | cmp -s - "$tmp/charts-before" || fail "earlier charts changed"
  if ls -d "$tmp"/out/.charts-partial-* 2> /dev/null; then
    fail "a chart staging directory was left"
  fi
else
  echo "skip: charts (gnuplot is not installed)"
fi
