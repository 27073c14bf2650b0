#!/bin/sh
# doc_sync.sh FRONTSIM: docs/SCENARIO.md's generated part equals `frontsim settings`,
# which prints every table once.
set -eu
bin=$1
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
sed -n '/<!-- BEGIN GENERATED/,/<!-- END GENERATED/p' docs/SCENARIO.md | sed '1d;$d' > "$tmp"
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
