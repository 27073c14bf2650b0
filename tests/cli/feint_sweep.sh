#!/bin/sh
# feint_sweep.sh FRONTSIM: the shipped sweep of the feint (scenarios/sweeps/
# feint-threat.cfg) and its counterfactual (feint-threat-nodiv.cfg) pair as docs/
# SOURCES.md says: every point of the counterfactual is the no-diversion scenario
# itself (its swept feint changes nothing), the diversion's point at the default feint
# (x2 for 10 days) is the default scenario, a feint factor of 1 is the same whatever
# its last day, a longer feint draws no fewer Russians by perception, and `discover
# --against` pairs the two.
set -eu
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
n=4
"$bin" sweep scenarios/sweeps/feint-threat.cfg -q -j 2 -n $n -o "$tmp/a"
"$bin" sweep scenarios/sweeps/feint-threat-nodiv.cfg -q -j 2 -n $n -o "$tmp/b"
"$bin" run scenarios/kursk-pokrovsk.cfg -q -j 2 -n $n -o "$tmp/ra" --series none
"$bin" run scenarios/no-diversion.cfg -q -j 2 -n $n -o "$tmp/rb" --series none

# mean M FILE: the mean of metric M in a run's summary.csv.
mean() { awk -F, -v m="$1" '$1 == m { print $4 }' "$2"; }
# col NAME FILE: the column number of NAME in the header of FILE.
col() { head -1 "$2" | tr ',' '\n' | grep -nx "$1" | cut -d: -f1; }

for m in pokrovsk.route_cut kursk.red_drawn_from_sectors blue.losses red.losses; do
  c=$(col "${m}_mean" "$tmp/b/sweep.csv")
  want=$(mean "$m" "$tmp/rb/summary.csv")
  [ -n "$c" ] && [ -n "$want" ] || fail "no $m"
  got=$(cut -d, -f"$c" "$tmp/b/sweep.csv" | sed 1d | sort -u)
  [ "$got" = "$want" ] || fail "counterfactual sweep, $m: $(echo $got) at its points, the run $want"
  # The diversion at x2 for 10 days (the default's feint) is the default run.
  got=$(awk -F, -v c="$c" '$2 == 2 && $3 == 10 { print $c }' "$tmp/a/sweep.csv")
  [ "$got" = "$(mean "$m" "$tmp/ra/summary.csv")" ] || fail "default point, $m: $got"
done
echo "ok: every counterfactual point is no-diversion.cfg; the default feint's point is the default"

c=$(col kursk.red_drawn_by_perception_mean "$tmp/a/sweep.csv")
[ "$(awk -F, -v c="$c" '$2 == 1 { print $c }' "$tmp/a/sweep.csv" | sort -u | wc -l)" -eq 1 ] ||
  fail "a feint factor of 1 depends on the feint's last day"
awk -F, -v c="$c" 'NR > 1 && $2 == 6 { if (seen && $c < last) bad = 1; last = $c; seen = 1 }
  END { exit bad }' "$tmp/a/sweep.csv" || fail "a longer feint of x6 drew fewer by perception"
echo "ok: x1 is no feint; a longer feint draws no fewer"

# The condition on the paired difference of Russia's draw into Kursk, at its median
# over the points (so it holds at about half of them).
c=$(col kursk.red_drawn_from_sectors_mean "$tmp/a/sweep.csv")
mid=$(paste -d, "$tmp/a/sweep.csv" "$tmp/b/sweep.csv" | sed 1d |
  awk -F, -v c="$c" -v w="$(head -1 "$tmp/a/sweep.csv" | tr ',' '\n' | wc -l)" \
    '{ print $c - $(c + w) }' | sort -g | awk '{ v[NR] = $1 } END { print v[int(NR / 2)] }')
"$bin" discover "$tmp/a" --against "$tmp/b" -q --holdout 0 \
  --where "kursk.red_drawn_from_sectors > $mid" -o "$tmp/d" || fail "discover --against refused the pair"
grep -q 'minus that of' "$tmp/d/discover.txt" || fail "not paired: $(head -5 "$tmp/d/discover.txt")"
grep -q 'formations.ua-kursk-strike.feint_factor' "$tmp/d/box.csv" || fail "no box over the feint"
echo "ok: discover --against pairs the two sweeps"
