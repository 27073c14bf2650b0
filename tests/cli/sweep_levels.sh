#!/bin/sh
# sweep_levels.sh FRONTSIM: the shipped sweep over a categorical parameter (Russia's
# donor order) and a numeric one (the Kursk threshold) runs, shows each level by its
# name, sets the level's value (a point equals `frontsim run --set` of it), resumes
# after SIGKILL to identical results, shards and merges to identical results, is the
# same given by --param, refuses a wrong level before any work, and plots with the
# parameters' labels and units on the axes and the levels named on the ticks.
set -eu
bin=$1
. tests/cli/sweep_lib.sh
scen=scenarios/sweeps/red-donor-order.cfg
donors='sides.red.rules.[0].donors' donors3='sides.red.rules.[3].donors'

"$bin" sweep "$scen" -o "$tmp/full" -q -j 2 -n 6
[ "$(wc -l < "$tmp/full/sweep.csv")" -eq 16 ] || fail "expected 3 x 5 points"
levels=$(cut -d, -f2 "$tmp/full/sweep.csv" | sed 1d | sort -u | tr '\n' ' ')
[ "$levels" = "kurakhove-first pokrovsk-first reserve-first " ] ||
  fail "the donor column should hold the level names, got: $levels"
grep -q '^11,reserve-first,3$' "$tmp/full/design.csv" || fail "design.csv: point 11 is reserve-first at 3"
echo "ok: 15 points, levels by name in sweep.csv and design.csv"

# Point 12 (reserve-first, threshold 3.5) is the run with that order set by --set.
# (The order is linked: both Kursk rules, [0] and [3], draw in it.)
"$bin" run "$scen" -o "$tmp/run" -q -n 6 --set "$donors=[\"reserve\", \"kurakhove\", \"pokrovsk\"]" \
  --set "$donors3=[\"reserve\", \"kurakhove\", \"pokrovsk\"]" --set 'sides.red.rules.[0].threshold=3.5'
a=$(awk -F, 'NR==14 {print $2","$3","$5","$26}' "$tmp/full/sweep.csv")
b=$(awk -F, '{m[$1]=$4} END {print "reserve-first,3.5,"m["pokrovsk.route_cut"]","m["kursk.red_drawn_from_sectors"]}' "$tmp/run/summary.csv")
[ "$a" = "$b" ] || fail "point 12 ($a) differs from the run with its level set ($b)"
# ... and the levels do change the outcome: Russia draws nothing from the east when
# its reserve comes first, at threshold 3.5 (point 2: Pokrovsk first; point 12).
d2=$(awk -F, 'NR==4 {print $26}' "$tmp/full/sweep.csv")
[ "$d2" != "$(awk -F, 'NR==14 {print $26}' "$tmp/full/sweep.csv")" ] ||
  fail "the donor order made no difference to what Russia drew into Kursk ($d2)"
echo "ok: a level sets its value (point 12 = run --set, $a)"

# The same sweep given on the command line.
"$bin" sweep scenarios/kursk-pokrovsk.cfg -o "$tmp/cli" -q -j 2 -n 6 \
  --set 'sweep.metrics=["pokrovsk.route_cut", "pokrovsk.cut_day", "negotiations.pokrovsk.route_cut", "kursk.red_drawn_from_sectors", "negotiations.kursk.held_area_km2", "blue.losses", "red.losses"]' \
  --param "$donors,$donors3=pokrovsk-first:[\"pokrovsk\",\"kurakhove\",\"reserve\"] | kurakhove-first:[\"kurakhove\",\"pokrovsk\",\"reserve\"] | reserve-first:[\"reserve\",\"kurakhove\",\"pokrovsk\"];label=Russian donor order" \
  --param 'sides.red.rules.[0].threshold=2.5,3,3.5,4,4.5;label=Kursk reinforcement threshold'
cmp "$tmp/full/sweep.csv" "$tmp/cli/sweep.csv" || fail "--param levels differ from the file's"
echo "ok: --param path=a|b|c gives the same sweep.csv"

# A wrong level is refused before any work, named where it was given.
status=0
"$bin" sweep "$scen" -o "$tmp/bad" -q -n 6 \
  --param "$donors=[\"reserve\"]|[\"reserve\",\"belgorod\"]" 2>"$tmp/bad.err" || status=$?
[ "$status" -eq 2 ] || fail "a level naming no sector: exit $status, expected 2"
grep -q '^frontsim: --param: sweep.parameters.\[0\].levels.\[1\].value: level "reserve-belgorod"' "$tmp/bad.err" ||
  fail "message: $(cat "$tmp/bad.err")"
[ -e "$tmp/bad" ] || [ -e "$tmp/bad.partial" ] && fail "a refused sweep wrote output"
echo "ok: a wrong level refused (exit 2) before any output"

# Killed with SIGKILL mid-way, resumed: identical.
"$bin" sweep "$scen" -o "$tmp/big" -q -j 2 -n 300
"$bin" sweep "$scen" -o "$tmp/res" -q -j 1 -n 300 &
pid=$!
wait_lines "$tmp/res.partial/points.journal" 9 "$pid"  # 6 header lines + 3 points
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
[ -d "$tmp/res" ] && fail "an interrupted sweep must not leave a result directory"
"$bin" sweep "$scen" -o "$tmp/res" -q -j 2 -n 300 --resume
cmp "$tmp/big/sweep.csv" "$tmp/res/sweep.csv" || fail "resumed sweep differs"
echo "ok: killed, resumed to identical sweep.csv"

# The optional outputs per point: every replication's metrics and two daily series.
extras="--set sweep.per_replication=1 --set sweep.series=[\"pokrovsk.route_km\",\"sides.red_at_kursk\"]"
# shellcheck disable=SC2086
"$bin" sweep "$scen" -o "$tmp/ext" -q -j 2 -n 6 $extras
cmp "$tmp/full/sweep.csv" "$tmp/ext/sweep.csv" || fail "the optional outputs changed sweep.csv"
[ "$(wc -l < "$tmp/ext/replications.csv")" -eq 91 ] || fail "replications.csv: expected 15 x 6 rows"
# Each point's mean in sweep.csv is the mean of its rows in replications.csv.
m=$(awk -F, 'NR > 1 && $1 == 12 {s += $3; n++} END {printf "%.6g", s / n}' "$tmp/ext/replications.csv")
[ "$m" = "$(awk -F, 'NR == 14 {printf "%.6g", $5}' "$tmp/ext/sweep.csv")" ] ||
  fail "replications.csv's mean of point 12 ($m) is not sweep.csv's"
head -1 "$tmp/ext/series.csv" | grep -q '^point,day,pokrovsk.route_km_mean,pokrovsk.route_km_p5,pokrovsk.route_km_p50,pokrovsk.route_km_p95,sides.red_at_kursk_mean,' ||
  fail "series.csv header: $(head -1 "$tmp/ext/series.csv")"
days=$(awk -F, 'NR > 1 && $1 == 0' "$tmp/ext/series.csv" | wc -l)
[ "$(wc -l < "$tmp/ext/series.csv")" -eq $((15 * days + 1)) ] || fail "series.csv: not $days days a point"
# Day 0 is the initial state: the route's full 1.6 km in every replication.
grep -q '^3,0,1.6,1.6,1.6,1.6,' "$tmp/ext/series.csv" || fail "series.csv: day 0 of point 3"
echo "ok: replications.csv ($m at point 12) and series.csv ($days days a point)"
status=0
"$bin" sweep "$scen" -o "$tmp/huge" -q -n 1000000 --set sweep.per_replication=1 2>"$tmp/huge.err" ||
  status=$?
[ "$status" -eq 2 ] && grep -q 'replications.csv would have 15000000 rows' "$tmp/huge.err" ||
  fail "an unbounded replications.csv: exit $status, $(cat "$tmp/huge.err")"
[ -e "$tmp/huge" ] || [ -e "$tmp/huge.partial" ] && fail "a refused sweep wrote output"
echo "ok: replications.csv beyond its bound refused before any output"

# Shards, merged (with the optional outputs: merged the same way).
# shellcheck disable=SC2086
"$bin" sweep "$scen" -o "$tmp/s1" -q -n 6 --shard 1/2 $extras
# shellcheck disable=SC2086
"$bin" sweep "$scen" -o "$tmp/s2" -q -n 6 --shard 2/2 $extras
"$bin" merge "$tmp/merged" "$tmp/s1" "$tmp/s2" 2>/dev/null
for f in sweep.csv replications.csv series.csv design.csv; do
  cmp "$tmp/ext/$f" "$tmp/merged/$f" || fail "merged shards differ in $f"
done
echo "ok: 2 shards merged to identical sweep.csv, replications.csv and series.csv"

# Charts of the merged sweep: labels and units on the axes, levels on the ticks.
"$bin" plot "$tmp/merged" >/dev/null 2>&1
c="$tmp/merged/charts"
# (a metric that varies over the sweep at 6 replications: a constant one is not charted)
for g in "$c/effect_kursk.red_drawn_from_sectors.gp" "$c/heatmap_kursk.red_drawn_from_sectors.gp"; do
  [ -s "${g%.gp}.png" ] || fail "no chart ${g%.gp}.png"
  grep -q "^param_axes = '\"Russian donor order\" \"Kursk reinforcement threshold (Russian to Ukrainian combat power)\"'$" "$g" ||
    fail "$g: no axis titles from the labels and units"
  grep -q "^levels_1 = 'pokrovsk-first kurakhove-first reserve-first'$" "$g" || fail "$g: no level names"
  grep -q "^set xlabel param_axis(x_param)$" "$g" || fail "$g: the x axis is not titled by its label"
  if grep "^set [xy]label" "$g" | grep -q "sides\."; then fail "$g: a raw path as an axis title"; fi
done
grep -q "^set label 106 ylabel_text(param_axis(y_param)) at screen" "$c/heatmap_kursk.red_drawn_from_sectors.gp" || fail "heat map y axis"
grep -q "^param_labels = '\"Russian donor order\" \"Kursk reinforcement threshold\"'$" \
  "$c/effect_kursk.red_drawn_from_sectors.gp" || fail "the effect chart's lines are not named by the label"
echo "ok: charts with labelled axes and named levels"
