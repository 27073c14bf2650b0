#!/bin/sh
# roundtrip.sh FRONTSIM FILE: `frontsim check FILE` exits 0, and its output, checked
# again, comes back unchanged (apart from the comment naming the input). -o FILE
# writes the same text to FILE (its directory created), and an invalid scenario
# leaves an earlier FILE as it was.
set -eu
bin=$1 file=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" check "$file" > "$tmp/one.cfg"
"$bin" check "$tmp/one.cfg" > "$tmp/two.cfg"
grep -v '^# Effective scenario of' "$tmp/one.cfg" > "$tmp/a"
grep -v '^# Effective scenario of' "$tmp/two.cfg" > "$tmp/b"
diff -u "$tmp/a" "$tmp/b"
"$bin" check "$file" -o "$tmp/sub/three.cfg" > "$tmp/stdout"
test ! -s "$tmp/stdout" || { echo "FAIL: check -o also printed to stdout"; exit 1; }
cmp "$tmp/one.cfg" "$tmp/sub/three.cfg"
if "$bin" check "$file" --set run.days=0 -o "$tmp/sub/three.cfg" 2> /dev/null; then
  echo "FAIL: check -o accepted run.days=0"; exit 1
fi
cmp "$tmp/one.cfg" "$tmp/sub/three.cfg"
test "$(ls "$tmp/sub")" = three.cfg || { echo "FAIL: check -o left $(ls "$tmp/sub")"; exit 1; }
echo "ok: $file round-trips"
