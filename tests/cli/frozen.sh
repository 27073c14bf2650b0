#!/bin/sh
# frozen.sh: the frozen scenarios of an out-of-sample check have not changed.
# tests/frozen/SHA256SUMS lists each frozen file with the checksum it had when it
# was frozen (docs/VALIDATION.md). A frozen scenario is calibrated only to what was
# public by its cut-off; editing it after seeing the later reports would make the
# check worthless, so any edit fails here. A frozen file may not @include anything
# (an included file could change under it). The check is shown to fail on a copy
# with one character changed.
# Run from the project's root.
set -eu
sums=tests/frozen/SHA256SUMS
[ -s "$sums" ] || { echo "FAIL: $sums is missing or empty"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

status=0
while read -r sum file; do
  [ -f "$file" ] || { echo "FAIL: $file (frozen) is missing"; status=1; continue; }
  got=$(sha256sum "$file" | cut -d' ' -f1)
  if [ "$got" != "$sum" ]; then
    echo "FAIL: $file was edited after it was frozen (sha256 $got, frozen $sum)."
    echo "      A frozen scenario must not be re-tuned; a new check needs a new file."
    status=1
  fi
  if grep -q '^[[:space:]]*@include' "$file"; then
    echo "FAIL: $file (frozen) has an @include"
    status=1
  fi
  grep -q 'FROZEN AT THE CUT-OFF' "$file" ||
    { echo "FAIL: $file (frozen) does not say so in its header"; status=1; }
  # The check has power: the same file with its first digit changed is caught.
  sed '0,/[0-9]/s/[0-9]/x/' "$file" > "$tmp/edited"
  [ "$(sha256sum "$tmp/edited" | cut -d' ' -f1)" != "$sum" ] ||
    { echo "FAIL: an edited copy of $file has the frozen checksum"; status=1; }
done < "$sums"
[ "$status" -eq 0 ] && echo "ok: $(wc -l < "$sums") frozen scenario(s) unchanged"
exit "$status"
