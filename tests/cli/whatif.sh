#!/bin/sh
# whatif.sh FRONTSIM: a what-if file in a directory of its own includes the default
# scenario and overrides two settings; it checks, runs and plots (when gnuplot is
# there) with its label everywhere. Then the README's --set example after the demo
# leaves the demo's output and charts alone, and -o onto another label's output is
# refused (exit 2) unless --force, which says the charts went.
set -eu
bin=$1
root=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$tmp/my"
cat > "$tmp/my/no-dprk.cfg" <<CFG
@include "$(realpath --relative-to="$tmp/my" "$root/scenarios/kursk-pokrovsk.cfg")"
overrides = [
  "formations.dprk.personnel = 0",
  "sides.red.reserve = 20000",
  "run.label = no DPRK, larger reserve"
];
CFG
"$bin" check "$tmp/my/no-dprk.cfg" > "$tmp/check.cfg" || fail "check of the what-if"
grep -q 'label = "no DPRK, larger reserve";' "$tmp/check.cfg" || fail "label not in the effective scenario"
grep -q 'reserve = 20000' "$tmp/check.cfg" || fail "override of sides.red.reserve not applied"
grep -q overrides "$tmp/check.cfg" && fail "the overrides list is left in the effective scenario"

# A shorter run meets an event after its end: the message's two remedies, as given,
# are accepted.
sc="$root/scenarios/kursk-pokrovsk.cfg"
"$bin" check "$sc" --set run.days=60 > /dev/null 2> "$tmp/days.err" && fail "run.days=60 accepted"
move=$(sed -n "s/.*move the event with --set '\([^']*\)'.*/\1/p" "$tmp/days.err")
[ -n "$move" ] || fail "no way to move the event in: $(cat "$tmp/days.err")"
"$bin" check "$sc" --set run.days=60 --set "$move" > /dev/null || fail "the suggested $move refused"
# Dropping the event: in the version-2 default a rule names it, and the refusal says
# which; the frozen version-1 default, where none does, takes the remedy as given.
"$bin" check "$sc" --set run.days=60 --set 'events=({ name = "negotiations"; date = "2025-01-20"; })' \
  > /dev/null 2> "$tmp/rule.err" && fail "an event a rule names dropped silently"
grep -q 'sides.red.rules.\[3\].event: no event named "jeddah-talks"' "$tmp/rule.err" ||
  fail "the refusal does not name the rule: $(cat "$tmp/rule.err")"
v1="$root/tests/golden/v1/scenarios/kursk-pokrovsk.cfg"
"$bin" check "$v1" --set run.days=60 > /dev/null 2>&1 && fail "run.days=60 accepted (version 1)"
"$bin" check "$v1" --set run.days=60 --set 'events=({ name = "negotiations"; date = "2025-01-20"; })' \
  > "$tmp/dropped.cfg" || fail "the events list without the late event refused"
grep -q jeddah "$tmp/dropped.cfg" && fail "the dropped event is still there"

cd "$tmp"
"$bin" run my/no-dprk.cfg -n 8 -j 2 -q -o wi || fail "run of the what-if"
head -3 wi/summary.txt | grep -q '^frontsim .*: no DPRK, larger reserve$' || fail "label not at the top of summary.txt"
grep -q '^overrides: formations.dprk.personnel=0, sides.red.reserve=20000$' wi/summary.txt ||
  fail "overrides not listed in summary.txt"
grep -q 'Monte Carlo error of the mean only' wi/summary.txt || fail "intervals not explained"
grep -q '^label=no DPRK, larger reserve$' wi/frontsim.meta || fail "label not in frontsim.meta"
# A saved scenario.cfg keeps its label.
"$bin" run wi/scenario.cfg -n 8 -j 2 -q -o wi2 || fail "re-run of the saved scenario"
grep -q '^label=no DPRK, larger reserve$' wi2/frontsim.meta || fail "re-run lost the label"
if command -v "${FRONTSIM_GNUPLOT:-gnuplot}" >/dev/null 2>&1; then
  "$bin" plot wi --only losses -q || fail "plot of the what-if"
  grep -q 'no DPRK, larger reserve' wi/charts/losses.gp || fail "label not on the chart"
fi

# The demo, then the README's --set example: another directory, the demo untouched.
"$bin" run "$root/scenarios/kursk-pokrovsk.cfg" -n 8 -j 2 -q
mkdir -p out/kursk-pokrovsk/charts && echo chart > out/kursk-pokrovsk/charts/mark.png
before=$(cat out/kursk-pokrovsk/summary.csv out/kursk-pokrovsk/charts/mark.png | cksum)
"$bin" run "$root/scenarios/kursk-pokrovsk.cfg" -n 8 -j 2 -q --set 'sides.red.rules.[0].delay=7'
after=$(cat out/kursk-pokrovsk/summary.csv out/kursk-pokrovsk/charts/mark.png | cksum)
[ "$before" = "$after" ] || fail "the --set example changed the demo's output"
ls -d out/kursk-pokrovsk-* >/dev/null 2>&1 || fail "the --set example has no directory of its own"
grep -q '^label=kursk-pokrovsk, sides.red.rules.\[0\].delay=7$' out/kursk-pokrovsk-*/frontsim.meta ||
  fail "default label of the --set example"

# Onto the demo's directory: refused, exit 2, naming --force; nothing changed.
set +e
msg=$("$bin" run "$root/scenarios/kursk-pokrovsk.cfg" -n 8 -q --set 'sides.red.rules.[0].delay=7' \
      -o out/kursk-pokrovsk 2>&1)
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "replacing another label's output: exit $rc, expected 2"
case "$msg" in *--force*) ;; *) fail "the refusal does not name --force: $msg" ;; esac
[ "$(cat out/kursk-pokrovsk/summary.csv out/kursk-pokrovsk/charts/mark.png | cksum)" = "$before" ] ||
  fail "a refused run touched the demo's output"
# The same label again is allowed; --force replaces another's and says the charts went.
"$bin" run "$root/scenarios/kursk-pokrovsk.cfg" -n 8 -j 2 -q 2> err.txt || fail "same label refused"
grep -q 'charts .* were removed' err.txt || fail "charts removed without a word"
"$bin" run my/no-dprk.cfg -n 8 -j 2 -q -o out/kursk-pokrovsk --force || fail "--force refused"
echo "ok: what-if file checked, run, labelled; outputs of other labels kept"
