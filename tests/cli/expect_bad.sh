#!/bin/sh
# expect_bad.sh FRONTSIM FILE: `frontsim check FILE` must exit 2 and print the
# message announced on FILE's first line:  # expect: <text>   (<text> may contain
# FILE for the file's own path). An optional second line  # args: ...  adds options.
set -u
bin=$1 file=$2
expect=$(sed -n '1s/^# expect: //p' "$file" | sed "s#FILE#$file#g")
args=$(sed -n '2s/^# args: //p' "$file")
if [ -z "$expect" ]; then
  echo "FAIL: $file has no '# expect:' first line"; exit 1
fi
# shellcheck disable=SC2086
err=$("$bin" check "$file" $args 2>&1 >/dev/null)
status=$?
if [ "$status" -ne 2 ]; then
  echo "FAIL: exit status $status, expected 2"; echo "$err"; exit 1
fi
case "$err" in
  *"$expect"*) echo "ok: $err"; exit 0 ;;
  *) echo "FAIL: expected message containing: $expect"; echo "got: $err"; exit 1 ;;
esac
