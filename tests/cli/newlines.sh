#!/bin/sh
# newlines.sh FRONTSIM: a scenario file name and an output path holding a newline
# (and a backslash) leave every written scenario.cfg loadable and every line of
# frontsim.meta a comment or key=value: values are written on one line.
set -eu
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
nl='
'
scen="$tmp/odd${nl}name\\x.cfg"
cp tests/data/sweep.cfg "$scen"

meta_ok() {
  if grep -v '^#' "$1" | grep -v '=' | grep -q .; then fail "$1 has a line that is not key=value"; fi
  grep -q "^scenario_file=.*odd\\\\nname" "$1" || fail "$1: scenario_file not escaped: $(cat "$1")"
}
loads() { "$bin" check "$1" >/dev/null || fail "$1 does not load"; }

"$bin" run "$scen" -o "$tmp/run${nl}out" -n 5 -q
loads "$tmp/run${nl}out/scenario.cfg"
meta_ok "$tmp/run${nl}out/frontsim.meta"
[ "$(grep -c '^command:' "$tmp/run${nl}out/summary.txt")" -eq 1 ] || fail "summary.txt command line"
grep -q '^[a-z]*out' "$tmp/run${nl}out/summary.txt" && fail "summary.txt: a value broke a line"

"$bin" sweep "$scen" -o "$tmp/sweep${nl}out" -n 5 -q --param sides.red.rules.[0].delay=2,3
loads "$tmp/sweep${nl}out/scenario.cfg"
meta_ok "$tmp/sweep${nl}out/frontsim.meta"

"$bin" compare "$scen" "$scen" --label-b "what-if" -o "$tmp/cmp${nl}out" -n 5 -q
loads "$tmp/cmp${nl}out/a/scenario.cfg"
grep -q '^name' "$tmp/cmp${nl}out/compare.txt" && fail "compare.txt: a value broke a line"
grep -q '^out' "$tmp/cmp${nl}out/compare.txt" && fail "compare.txt: a value broke a line"
echo "ok: newlines in names and paths stay on one line"
