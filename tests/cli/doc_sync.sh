#!/bin/sh
# doc_sync.sh FRONTSIM: docs/SCENARIO.md's generated part equals `frontsim settings`,
# which prints every table once; the docs' --set examples are quoted where the
# shell would expand them.
set -eu
bin=$1
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
sed -n '/<!-- BEGIN GENERATED/,/<!-- END GENERATED/p' docs/SCENARIO.md | sed '1d;$d' > "$tmp"
# Every --set/--param example with a character the shell expands ([ ] * ?) is
# quoted: unquoted, sides.red.rules.[0].delay=7 is a glob a matching file rewrites.
unquoted=$(grep -noE -- "--(set|set-a|set-b|param)[ =][^'\" ][^ ]*" README.md docs/*.md |
  grep -E ' [^ ]*=[^ ]*$' | grep -E '[[*?][^ ]*$' || true)
if [ -n "$unquoted" ]; then
  echo "FAIL: quote these examples (a shell glob can rewrite them):"
  echo "$unquoted"
  exit 1
fi
# Each table once: sides.blue and sides.red share one group, documented once.
dups=$("$bin" settings | grep '^### ' | sort | uniq -d)
if [ -n "$dups" ]; then
  echo "FAIL: settings prints these tables more than once: $dups"
  exit 1
fi
if "$bin" settings | diff -u "$tmp" -; then
  echo "ok: docs/SCENARIO.md matches the settings table"
else
  echo "FAIL: docs/SCENARIO.md is out of date: run scripts/update-docs.sh"
  exit 1
fi
