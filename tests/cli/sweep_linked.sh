#!/bin/sh
# sweep_linked.sh FRONTSIM: a linked parameter (one parameter, several settings) sets
# every one of its paths at every point, in every design: each point equals
# `frontsim run` with every path set by --set to the point's value, and differs from
# the run with only the first path set. The file's form (path = [...]) and the
# command line's (--param 'p1,p2=...') give the same sweep; the parameter is one
# column named by its first path; shards merge to the same sweep; scenario.cfg lists
# every path.
set -eu
bin=$1
. tests/cli/sweep_lib.sh
base=$(pwd)/scenarios/kursk-pokrovsk.cfg
r0='sides.red.rules.[0]' r3='sides.red.rules.[3]'
pf='["pokrovsk", "kurakhove", "reserve"]' rf='["reserve", "kurakhove", "pokrovsk"]'
metrics='sweep.metrics=["pokrovsk.route_cut", "kursk.red_drawn_from_sectors"]'

# mean METRIC DIR: a run's mean of METRIC (summary.csv).
mean() { awk -F, -v m="$1" '$1 == m {print $4}' "$2/summary.csv"; }
# point_mean P METRIC DIR: sweep.csv's mean of METRIC at point P.
point_mean() {
  awk -F, -v p="$1" -v m="$2_mean" 'NR == 1 {for (i = 1; i <= NF; i++) if ($i == m) c = i}
    NR > 1 && $1 == p {print $c}' "$3/sweep.csv"
}

cat > "$tmp/linked.cfg" <<CFG
@include "$base"
sweep = {
  method = "grid";
  replications = 6;
  metrics = ["pokrovsk.route_cut", "kursk.red_drawn_from_sectors"];
  parameters = (
    { path = ["$r0.donors", "$r3.donors"]; label = "Russian donor order";
      levels = ( { name = "pokrovsk-first"; value = $pf; },
                 { name = "reserve-first"; value = $rf; } ); },
    { path = ["$r0.delay", "$r3.delay"]; values = [3, 6]; }
  );
};
CFG
"$bin" sweep "$tmp/linked.cfg" -o "$tmp/grid" -q -j 2
[ "$(head -1 "$tmp/grid/design.csv")" = "point,$r0.donors,$r0.delay" ] ||
  fail "design.csv header: $(head -1 "$tmp/grid/design.csv")"
head -1 "$tmp/grid/sweep.csv" | grep -qF "point,$r0.donors,$r0.delay,replications," ||
  fail "sweep.csv header: $(head -1 "$tmp/grid/sweep.csv")"
grep -qF "path = [\"$r0.donors\", \"$r3.donors\"];" "$tmp/grid/scenario.cfg" ||
  fail "scenario.cfg does not list both linked paths"
grep -qF "sweep.csv,$r0.donors,,\"the parameter's value at the point, also set at $r3.donors: " "$tmp/grid/columns.csv" ||
  fail "columns.csv: no row for the linked parameter"
echo "ok: one column per linked parameter, named by its first path; scenario.cfg lists both"

# Every point is the run with both rules set; reserve-first on rule [0] alone differs.
for p in 0 1 2 3; do
  line=$(awk -F, -v p="$p" '$1 == p' "$tmp/grid/design.csv")
  order=$(echo "$line" | cut -d, -f2) delay=$(echo "$line" | cut -d, -f3)
  [ "$order" = reserve-first ] && d=$rf || d=$pf
  "$bin" run "$base" -o "$tmp/run$p" -q -n 6 --set "$r0.donors=$d" --set "$r3.donors=$d" \
    --set "$r0.delay=$delay" --set "$r3.delay=$delay"
  for m in pokrovsk.route_cut kursk.red_drawn_from_sectors; do
    [ "$(point_mean "$p" "$m" "$tmp/grid")" = "$(mean "$m" "$tmp/run$p")" ] ||
      fail "grid point $p ($order, $delay): $m $(point_mean "$p" "$m" "$tmp/grid"), run $(mean "$m" "$tmp/run$p")"
  done
done
"$bin" run "$base" -o "$tmp/only0" -q -n 6 --set "$r0.donors=$rf" --set "$r0.delay=3" \
  --set "$r3.delay=3"
[ "$(mean kursk.red_drawn_from_sectors "$tmp/only0")" != "$(mean kursk.red_drawn_from_sectors "$tmp/run2")" ] ||
  fail "setting rule [3]'s donors too made no difference: the test could not fail"
echo "ok: grid, 4 points, each the run with both rules set (rule [0] alone differs)"

# The same sweep from the command line.
"$bin" sweep "$base" -o "$tmp/cli" -q -j 2 -n 6 --set "$metrics" \
  --param "$r0.donors, $r3.donors=pokrovsk-first:$pf|reserve-first:$rf;label=Russian donor order" \
  --param "$r0.delay,$r3.delay=3,6"
cmp "$tmp/grid/sweep.csv" "$tmp/cli/sweep.csv" || fail "--param 'p1,p2=...' differs from path = [...]"
echo "ok: --param 'p1, p2=...' gives the same sweep.csv"

# Shards merge to the same sweep.
"$bin" sweep "$tmp/linked.cfg" -o "$tmp/s1" -q --shard 1/2
"$bin" sweep "$tmp/linked.cfg" -o "$tmp/s2" -q --shard 2/2
"$bin" merge "$tmp/merged" "$tmp/s1" "$tmp/s2" 2>/dev/null
cmp "$tmp/grid/sweep.csv" "$tmp/merged/sweep.csv" || fail "merged shards differ"
echo "ok: 2 shards merged to the same sweep.csv"

# lhs, sobol and morris: a linked whole-number range; every point is the run with
# both delays set to its value.
for design in "lhs --points 3" "sobol --points 2" "morris --points 2"; do
  name=${design%% *}
  # shellcheck disable=SC2086
  "$bin" sweep "$base" -o "$tmp/$name" -q -j 2 -n 6 --set "$metrics" --set sweep.bootstrap=0 \
    --method $design --param "$r0.delay,$r3.delay=1:14"
  n=$(($(wc -l < "$tmp/$name/design.csv") - 1))
  [ "$n" -ge 3 ] || fail "$name: $n points"
  p=0
  while [ "$p" -lt "$n" ]; do
    delay=$(awk -F, -v p="$p" '$1 == p {print $2}' "$tmp/$name/design.csv")
    [ -f "$tmp/d$delay/summary.csv" ] ||
      "$bin" run "$base" -o "$tmp/d$delay" -q -n 6 --set "$r0.delay=$delay" --set "$r3.delay=$delay"
    [ "$(point_mean "$p" kursk.red_drawn_from_sectors "$tmp/$name")" = \
      "$(mean kursk.red_drawn_from_sectors "$tmp/d$delay")" ] ||
      fail "$name point $p (delay $delay) is not the run with both delays set"
    p=$((p + 1))
  done
  echo "ok: $name, $n points, each the run with both delays set"
done
