# Sourced by the sweep tests (after bin is set): a scratch directory removed on exit,
# fail, and sweeps caught in the middle.
scen=tests/data/sweep.cfg
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# Waits until the journal $1 has at least $2 lines, while process $3 runs.
wait_lines() {
  tries=0
  while [ "$(cat "$1" 2>/dev/null | wc -l)" -lt "$2" ]; do
    tries=$((tries + 1))
    [ "$tries" -gt 3000 ] && fail "the sweep never got going"
    kill -0 "$3" 2>/dev/null || fail "the sweep finished too early"
    sleep 0.01
  done
}

# Starts a slow sweep into $1, and once its journal has $2 lines sends it signal $3
# (KILL, INT) and waits for it: DIR.partial is left as that signal leaves it.
stopped_sweep() {
  "$bin" sweep "$scen" -o "$1" -q -j 1 -n 1500 2>/dev/null &
  stopped_pid=$!
  wait_lines "$1.partial/points.journal" "$2" "$stopped_pid"
  kill "-$3" "$stopped_pid"
  wait "$stopped_pid" 2>/dev/null || true
}
