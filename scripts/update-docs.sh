#!/bin/sh
# Regenerates the settings reference in docs/SCENARIO.md from the loader's table
# (`frontsim settings`). tests/cli/doc_sync.sh fails when the two differ.
set -eu
cd "$(dirname "$0")/.."
bin=${1:-build/src/frontsim}
doc=docs/SCENARIO.md
tmp=$(mktemp)
sed '/<!-- BEGIN GENERATED/q' "$doc" > "$tmp"
"$bin" settings >> "$tmp"
sed -n '/<!-- END GENERATED/,$p' "$doc" >> "$tmp"
mv "$tmp" "$doc"
echo "updated $doc"
