#!/bin/sh
# valgrind_bad.sh VALGRIND FRONTSIM SUPP: `frontsim check` on bad scenarios under
# memcheck: still status 2, and no memory error or definite leak.
#
# Which files: the sanitizer pass (scripts/test.sh) already runs the whole catalogue
# with leak detection, so memcheck takes a sample that still reaches every distinct
# error path: the files are put in classes by their `# expect:` message, as the pair
# (loader section, kind of error) below, and the first file of each class (in C
# collation order) is run. A new bad file of a new class is sampled unlisted.
# FRONTSIM_VALGRIND_ALL=1 runs every file instead.
set -u
export LC_ALL=C
vg=$1 bin=$2 supp=$3
# The class of a bad file, "section/kind", from its expected message.
class() {
  msg=$(sed -n '1s/^# expect: //p' "$1" | sed -E 's/^(FILE|[^ :]*\.inc)(:[0-9]+)?: //')
  # The section: the stage that refuses the input (syntax, @include, --set) or the
  # top-level group its setting path starts with; "top" for anything else.
  case "$msg" in
    --set:*) section=set ;;
    "syntax error"*) section=syntax ;;
    @include*|"cannot include"*) section=include ;;
    version[.:]*|run[.:]*|model[.:]*|sectors[.:]*|formations[.:]*|sides[.:]*) section=${msg%%[.:]*} ;;
    events[.:]*|sweep[.:]*|optimize[.:]*|overrides[.:]*) section=${msg%%[.:]*} ;;
    *) section=top ;;
  esac
  # The kind, first match wins: each is its own code path in the loader.
  case "$msg" in
    *"syntax error"*) kind=syntax ;;
    *"unknown setting"*) kind=unknown ;;
    *"cannot include"*) kind=unreadable ;;
    *"missing required"*) kind=missing ;;
    *"needs version"*) kind=version ;;
    *": expected a"*|*"not a setting path"*|*"is not a numeric setting"*) kind=type ;;
    *"must be "*|*"out of range"*|*"falls before"*|*"falls after"*) kind=range ;;
    *duplicate*|*twice*|*"both named"*|*"only in case"*) kind=duplicate ;;
    *" no "*named*|*"has no element"*|*"no metric"*|*"no such"*|*"no daily series"*) kind=reference ;;
    *) kind=other ;;
  esac
  echo "$section/$kind"
}
fails=0 n=0 seen=" "
for f in tests/bad/*.cfg; do
  c=$(class "$f")
  if [ "${FRONTSIM_VALGRIND_ALL:-0}" != 1 ]; then
    case "$seen" in *" $c "*) continue ;; esac
    seen="$seen$c "
  fi
  n=$((n + 1))
  args=$(sed -n '2s/^# args: //p' "$f")
  # shellcheck disable=SC2086
  "$vg" --quiet --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite \
    --suppressions="$supp" "$bin" check "$f" $args > /dev/null 2> /tmp/vg.$$
  status=$?
  if [ "$status" -ne 2 ]; then
    echo "FAIL: $f ($c): status $status"
    cat /tmp/vg.$$
    fails=$((fails + 1))
  else
    echo "ok: $f ($c)"
  fi
done
rm -f /tmp/vg.$$
all=$(ls tests/bad/*.cfg | wc -l)
echo "valgrind: $n of $all bad scenarios (one per class), $fails with memory errors or a wrong status"
[ "$fails" -eq 0 ] && [ "$n" -gt 0 ]
