#!/bin/sh
# options.sh FRONTSIM: the command line's bad usage, a few representative cases per
# command: the exact message on stderr and the exit status (2), the same for every
# command since they share one option parser. --help prints the usage and exits 0.
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0

# expect STATUS 'STDERR' ARGS...: frontsim ARGS must exit STATUS printing exactly STDERR.
expect() {
  want_status=$1 want_err=$2
  shift 2
  "$bin" "$@" > "$tmp/out" 2> "$tmp/err"
  status=$?
  if [ -n "$want_err" ]; then printf '%s\n' "$want_err"; fi > "$tmp/want"
  if [ "$status" -ne "$want_status" ] || ! cmp -s "$tmp/want" "$tmp/err"; then
    echo "FAIL: frontsim $*: status $status, expected $want_status; stderr:"
    cat "$tmp/err"
    echo "expected:"
    cat "$tmp/want"
    fails=$((fails + 1))
  fi
}
# usage CMD MESSAGE: the two lines of a usage error.
usage() { printf "frontsim %s: %s\n(see 'frontsim %s --help')" "$1" "$2" "$1"; }

for cmd in run sweep compare check fit plot; do
  expect 2 "$(usage $cmd 'unknown option --bogus')" $cmd --bogus
  expect 2 "$(usage $cmd 'unknown option -x')" $cmd -x
  expect 2 "$(usage $cmd 'unknown option --help=x')" $cmd --help=x
  expect 2 "$(usage $cmd 'unknown option --bogus')" $cmd --bogus --help
  expect 0 "" $cmd --help --bogus
done
# A short option run together with its value says how to write it.
for cmd in run sweep compare; do
  expect 2 "$(usage $cmd 'unknown option -n300 (write -n 300, with a space)')" $cmd -n300
done
for cmd in run sweep compare check fit plot; do
  expect 0 "" $cmd -h
  grep -q "^usage: frontsim $cmd " "$tmp/out" || { echo "FAIL: $cmd -h: no usage"; fails=$((fails + 1)); }
done

# Help and parser agree: every option a command's --help names is one its parser
# knows (check's -o was listed but refused as unknown). merge takes only --force (its
# help names sweep's --shard).
for cmd in run sweep compare check fit plot; do
  for opt in $("$bin" $cmd --help | grep -oE '(^|[][ |(])--?[a-z][a-z-]*' | sed 's/^[][ |(]//' | sort -u); do
    "$bin" $cmd "$opt" x > /dev/null 2> "$tmp/err"
    if grep -q "unknown option" "$tmp/err"; then
      echo "FAIL: frontsim $cmd --help lists $opt, which its parser refuses"
      fails=$((fails + 1))
    fi
  done
done

expect 2 "$(usage run 'which scenario?')" run
expect 2 "$(usage run 'one scenario at a time (got a and b)')" run a b
expect 2 "$(usage run 'unknown option --quiet=1')" run --quiet=1
expect 2 "$(usage run 'unknown option -ofoo (write -o foo, with a space)')" run -ofoo
expect 2 "frontsim: option -n needs a value" run a -n
expect 2 "frontsim: option --replications needs a value" run a --replications
expect 2 'frontsim: -n: must be between 1 and 10000000, got 0' run a --replications=0
expect 2 'frontsim: --seed: run.seed: expected a whole number from 0 to 9223372036854775807, found "1x"' \
  run a --seed 1x
# --seed has run.seed's limit and message, whether given by option, --set or file.
expect 2 'frontsim: --seed: run.seed: 9300000000000000000 is out of range for any integer (-9223372036854775808 to 9223372036854775807)' \
  run a --seed 9300000000000000000
expect 2 'frontsim: -j: must be between 1 and 4096, got 4097' run a -j 4097
expect 2 'frontsim: --max-replications: must be between 10 and 10000000, got 9' \
  run a --max-replications 9
expect 2 "frontsim: option --target-ci needs a value
$(usage run '--target-ci takes METRIC=HALFWIDTH with HALFWIDTH > 0')" run a --target-ci
expect 2 "$(usage run '--target-ci takes METRIC=HALFWIDTH with HALFWIDTH > 0')" \
  run a --target-ci m=0
# A misspelt metric gets the nearest name, as a misspelt setting does.
expect 2 'frontsim: --target-ci: no metric "kursk.held_aera_km2" in this scenario; did you mean "kursk.held_area_km2"?' \
  run tests/data/plot.cfg -o "$tmp/never" --target-ci kursk.held_aera_km2=1
# A value is the next argument, whatever it looks like.
expect 2 'frontsim: --set: expected path=value, got "--help"' run a --set --help

expect 2 "$(usage sweep 'which scenario?')" sweep -q
expect 2 "$(usage sweep 'unknown option --resume=1')" sweep a --resume=1
expect 2 'frontsim: --points: must be between 2 and 1000000, got 1' sweep a --points 1
expect 2 'frontsim: --param: "x": expected path=a,b,c, path=from:to, path=from:to:steps or path=a|b|c, found no '"'"'='"'"'' \
  sweep a --param x
expect 2 "$(usage sweep '--shard takes K/N with 1 <= K <= N, got "2/1"')" sweep a --shard 2/1
expect 2 "frontsim: option --shard needs a value
$(usage sweep '--shard takes K/N with 1 <= K <= N, got ""')" sweep a --shard

expect 2 "$(usage compare 'give two or more scenarios: a base and its what-ifs')" compare a
expect 2 "$(usage compare 'scenarios: a base and its what-ifs (at most 8; got one more: i)')" \
  compare a b c d e f g h i
expect 2 "$(usage compare '--set-c or --label-c given, but only 2 scenarios')" \
  compare a b --set-c x=1
expect 2 "$(usage compare '--target-ci takes METRIC=HALFWIDTH with HALFWIDTH > 0')" \
  compare a b --target-ci red.losses=0
expect 2 'frontsim: --set: expected path=value, got "x"' compare a b --set-b x
expect 2 "frontsim: option --set-a needs a value" compare a b --set-a

expect 2 "$(usage check 'which scenario?')" check --set a=1
expect 2 "frontsim: option --set needs a value" check a --set

expect 2 "$(usage fit 'which data file?')" fit --law free
expect 2 "$(usage fit 'one data file at a time (got a and b)')" fit a b
expect 2 "$(usage fit '--law takes square, linear, logarithmic or free')" fit a --law cubic
expect 2 "frontsim: option --blue needs a value" fit a --blue

expect 2 "$(usage plot 'which run or sweep directory?')" plot -q
expect 2 "$(usage plot 'one directory at a time (got a and b)')" plot a b
expect 2 "frontsim: option -f needs a value" plot a -f

expect 2 "$(usage merge 'give the output and at least one shard')" merge --bogus
expect 2 "$(usage merge 'unknown option -h')" merge out -h

expect 2 "$(usage settings 'takes no arguments (got extra)')" settings extra
expect 2 "$(usage settings 'takes no arguments (got --frobnicate)')" settings --frobnicate
expect 2 "frontsim: --version takes no arguments" --version extra
expect 2 "frontsim: --help takes no arguments" --help extra
expect 2 'frontsim: --max-replications: must be between 10 and 10000000, got 20000000' \
  run a --max-replications 20000000

# A label longer than run.label holds is refused before any work, never cut short.
long=$(printf '%0200d' 0)
expect 2 "frontsim: --set: run.label: must be at most 127 characters, got 200 (\"$(printf '%040d' 0)...\")" \
  run tests/data/plot.cfg --label "$long" -n 2 -q -o "$tmp/long"
[ ! -e "$tmp/long" ] || { echo "FAIL: a refused label left $tmp/long"; fails=$((fails + 1)); }
expect 2 "frontsim: --label: the value is too long (5000 characters)" \
  run tests/data/plot.cfg --label "$(printf '%05000d' 0)" -n 2 -q -o "$tmp/long"
# A label is text as given, even one that reads as a number or a boolean.
for text in 2025 true 'a "quoted" name'; do
  "$bin" run tests/data/plot.cfg --label "$text" -n 2 -q -o "$tmp/lbl" --force 2>"$tmp/err" ||
    { echo "FAIL: --label '$text': $(cat "$tmp/err")"; fails=$((fails + 1)); }
  grep -qxF "label=$text" "$tmp/lbl/frontsim.meta" ||
    { echo "FAIL: --label '$text' is not the run's label"; fails=$((fails + 1)); }
done

# What a command prints on standard output must reach it: a full device is a failed
# run (1), named, whichever command printed.
for cmd in "--version" "settings" "check tests/data/plot.cfg"; do
  status=0
  # shellcheck disable=SC2086
  "$bin" $cmd > /dev/full 2> "$tmp/err" || status=$?
  if [ "$status" -ne 1 ] || ! grep -q "cannot write to standard output" "$tmp/err"; then
    echo "FAIL: frontsim $cmd > /dev/full: status $status; stderr: $(cat "$tmp/err")"
    fails=$((fails + 1))
  fi
done

[ "$fails" -eq 0 ] || { echo "$fails cases failed"; exit 1; }
echo "ok: messages and exit statuses of bad usage"
