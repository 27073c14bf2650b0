#!/bin/sh
# valgrind_bad.sh VALGRIND FRONTSIM SUPP: `frontsim check` on every bad scenario under
# memcheck: still status 2, and no memory error or definite leak.
set -u
vg=$1 bin=$2 supp=$3
fails=0 n=0
for f in tests/bad/*.cfg; do
  n=$((n + 1))
  args=$(sed -n '2s/^# args: //p' "$f")
  # shellcheck disable=SC2086
  "$vg" --quiet --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite \
    --suppressions="$supp" "$bin" check "$f" $args > /dev/null 2> /tmp/vg.$$ 
  status=$?
  if [ "$status" -ne 2 ]; then
    echo "FAIL: $f: status $status"
    cat /tmp/vg.$$
    fails=$((fails + 1))
  fi
done
rm -f /tmp/vg.$$
echo "valgrind: $n bad scenarios, $fails with memory errors or a wrong status"
[ "$fails" -eq 0 ]
