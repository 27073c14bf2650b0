#!/bin/sh
# roundtrip.sh FRONTSIM FILE: `frontsim check FILE` exits 0, and its output, checked
# again, comes back unchanged (apart from the comment naming the input).
set -eu
bin=$1 file=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" check "$file" > "$tmp/one.cfg"
"$bin" check "$tmp/one.cfg" > "$tmp/two.cfg"
grep -v '^# Effective scenario of' "$tmp/one.cfg" > "$tmp/a"
grep -v '^# Effective scenario of' "$tmp/two.cfg" > "$tmp/b"
diff -u "$tmp/a" "$tmp/b"
echo "ok: $file round-trips"
