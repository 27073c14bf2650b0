#!/bin/sh
# plot_paired.sh FRONTSIM: `frontsim plot SWEEP --baseline P` charts each point's
# paired difference from point P. On the shipped donor-order sweep (few
# replications): the paired mean and 95% interval equal a computation by hand from
# replications.csv, and the paired interval is narrower than the unpaired one at
# every point but P (common random numbers), for the losses of both sides. A sweep
# without replications.csv, a point it does not have and a run directory are refused
# (exit 2) with what to do. Exit 77 (skipped) without gnuplot.
set -eu
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v "${FRONTSIM_GNUPLOT:-gnuplot}" >/dev/null 2>&1 || { echo "SKIP: no gnuplot"; exit 77; }

sweep=scenarios/sweeps/red-donor-order.cfg
"$bin" sweep "$sweep" -n 30 -q -o "$tmp/plain" >/dev/null
"$bin" sweep "$sweep" -n 30 -q --set sweep.per_replication=1 -o "$tmp/kept" >/dev/null

refused() { # refused WHAT PATTERN ARGS...: exit 2 and a message matching PATTERN
  what=$1 pattern=$2
  shift 2
  status=0
  "$bin" plot "$@" 2>"$tmp/err" || status=$?
  [ "$status" -eq 2 ] || fail "$what: exit status $status, expected 2"
  grep -q "$pattern" "$tmp/err" || fail "$what: message was: $(cat "$tmp/err")"
}
refused "no replications.csv" "sweep.per_replication=1" "$tmp/plain" --baseline 2
refused "no such point" "no point 99 (points 0 to 14)" "$tmp/kept" --baseline 99
"$bin" run tests/data/plot.cfg -n 2 -q -o "$tmp/run" >/dev/null
refused "a run" "for a sweep directory" "$tmp/run" --baseline 0
[ ! -d "$tmp/plain/charts" ] || fail "a refused plot wrote charts"

"$bin" plot "$tmp/kept" --baseline 2 --only paired -q
for m in red.losses blue.losses; do
  [ -s "$tmp/kept/charts/paired_$m.png" ] || fail "no paired_$m.png"
done
[ ! -e "$tmp/kept/charts/effect_red.losses.png" ] || fail "--only paired drew an effect chart"

python3 - "$tmp/kept" <<'PY' || fail "see above"
import csv, math, re, statistics, sys
d = sys.argv[1]
reps = list(csv.DictReader(open(d + '/replications.csv')))
# t quantiles (0.975) of the degrees of freedom used here
T = {29: 2.045229642}
ok = True
for m in ('red.losses', 'blue.losses'):
    text = open('%s/charts/paired_%s.gp' % (d, m)).read()
    block = re.search(r'^\$paired << EOD\n(.*?)^EOD$', text, re.M | re.S).group(1)
    rows = list(csv.DictReader(block.splitlines()))
    if len(rows) != 15:
        print('FAIL: %s: %d rows, expected the 15 points' % (m, len(rows))); ok = False
    base = {r['replication']: float(r[m]) for r in reps if r['point'] == '2'}
    for row in rows:
        p = row['point']
        diff = [float(r[m]) - base[r['replication']] for r in reps if r['point'] == p]
        mean = statistics.mean(diff)
        half = 0 if p == '2' else T[len(diff) - 1] * statistics.stdev(diff) / math.sqrt(len(diff))
        got = [float(row[m + s]) for s in ('_mean', '_mean_ci95_low', '_mean_ci95_high')]
        want = [mean, mean - half, mean + half]
        if any(abs(g - w) > 1e-6 * max(1, abs(w)) for g, w in zip(got, want)):
            print('FAIL: %s point %s: %s, by hand %s' % (m, p, got, want)); ok = False
        paired = float(row[m + '_mean_ci95_high']) - float(row[m + '_mean_ci95_low'])
        unpaired = float(row[m + '_unpaired_ci95_high']) - float(row[m + '_unpaired_ci95_low'])
        if p != '2' and not paired < unpaired:
            print('FAIL: %s point %s: paired interval %g not narrower than unpaired %g'
                  % (m, p, paired, unpaired)); ok = False
sys.exit(0 if ok else 1)
PY
# A re-plot removes the charts it no longer draws, with their scripts, and says so:
# the paired charts without --baseline, an effect chart whose metric became
# constant (blue.losses made so in sweep.csv); files frontsim did not write stay.
echo "notes" >"$tmp/kept/charts/notes.png"
printf '# my own script\nplot x\n' >"$tmp/kept/charts/paired_mine.gp"
"$bin" plot "$tmp/kept" --only effect -q
[ -s "$tmp/kept/charts/effect_blue.losses.png" ] || fail "no effect_blue.losses.png"
"$bin" plot "$tmp/kept" -q 2>"$tmp/err"
for m in red.losses blue.losses; do
  [ ! -e "$tmp/kept/charts/paired_$m.png" ] && [ ! -e "$tmp/kept/charts/paired_$m.gp" ] ||
    fail "paired_$m stayed after a plot without --baseline"
  grep -q "removed $tmp/kept/charts/paired_$m.png (a chart this plot no longer draws)" "$tmp/err" ||
    fail "the removal of paired_$m.png was not said: $(cat "$tmp/err")"
done
[ -e "$tmp/kept/charts/notes.png" ] && [ -e "$tmp/kept/charts/paired_mine.gp" ] ||
  fail "a file frontsim did not write was removed"
python3 - "$tmp/kept/sweep.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
for c, name in enumerate(rows[0]):
    if name.startswith('blue.losses_'):
        for r in rows[1:]:
            r[c] = '35000'
csv.writer(open(sys.argv[1], 'w', newline=''), lineterminator='\n').writerows(rows)
PY
"$bin" plot "$tmp/kept" --only effect -q 2>"$tmp/err"
[ ! -e "$tmp/kept/charts/effect_blue.losses.png" ] && [ ! -e "$tmp/kept/charts/effect_blue.losses.gp" ] ||
  fail "the chart of a metric now constant stayed"
grep -q "skipped chart effect_blue.losses: constant" "$tmp/err" || fail "no skip said: $(cat "$tmp/err")"
grep -q "removed $tmp/kept/charts/effect_blue.losses.gp" "$tmp/err" || fail "no removal said: $(cat "$tmp/err")"
[ -s "$tmp/kept/charts/heatmap_blue.losses.png" ] || fail "--only effect removed a heat map"
[ -s "$tmp/kept/charts/effect_red.losses.png" ] || fail "a chart still drawn was removed"
echo "ok: paired differences from a point equal a hand computation and are narrower than unpaired ones; refusals say what to do; a re-plot removes its own charts it no longer draws"
