#!/bin/sh
# scripts/analysis.sh [FRONTSIM]: regenerates every number and chart of docs/ANALYSIS.md
# from the scenarios, in one command: the sweeps, discovery, screening and searches
# below, their outputs in out/analysis/ (ANALYSIS_OUT), the charts copied to
# docs/img/analysis/, and each generated table of docs/ANALYSIS.md (between its
# "BEGIN analysis.sh: NAME" and "END analysis.sh: NAME" markers) replaced by the new
# one. The words around the tables are not regenerated: read them against the new
# numbers. About 5 minutes in a Release build on 2 shared cores (ANALYSIS_THREADS, 2).
#
#   scripts/analysis.sh                      # build/src/frontsim
#   scripts/analysis.sh build-dev/src/frontsim
#   scripts/analysis.sh --tables             # charts and tables again from out/analysis
set -eu
cd "$(dirname "$0")/.."
tables_only=0
if [ "${1:-}" = "--tables" ]; then
  tables_only=1
  shift
fi
bin=${1:-build/src/frontsim}
out=${ANALYSIS_OUT:-out/analysis}
j=${ANALYSIS_THREADS:-2}
img=docs/img/analysis
doc=docs/ANALYSIS.md
[ -x "$bin" ] || { echo "analysis.sh: no frontsim at $bin (build first, or give its path)"; exit 2; }
say() { echo "analysis.sh: $*"; }
t0=$(date +%s)
if [ "$tables_only" -eq 0 ]; then
rm -rf "$out"
mkdir -p "$out/tables" "$img"

# ---- 0. The question as the default scenario puts it -------------------------------
say "the diversion against its counterfactual (frontsim compare)"
"$bin" compare scenarios/no-diversion.cfg scenarios/kursk-pokrovsk.cfg -n 2000 -j "$j" -q \
  -o "$out/compare"

# ---- 1. Discovery: where does the diversion lower P(route cut)? -------------------
say "sweeps with and without the diversion (scenarios/sweeps/diversion-assumptions*.cfg)"
"$bin" sweep scenarios/sweeps/diversion-assumptions.cfg -j "$j" -q -o "$out/with"
"$bin" sweep scenarios/sweeps/diversion-assumptions-without.cfg -j "$j" -q -o "$out/without"
"$bin" discover "$out/with" --against "$out/without" --where 'pokrovsk.route_cut < 0' \
  -q -o "$out/discover-lower"
"$bin" discover "$out/with" --against "$out/without" --where 'pokrovsk.route_cut <= -0.1' \
  -q -o "$out/discover-lower10"

# ---- 2. Screening: which assumptions matter? ---------------------------------------
say "Morris screening (scenarios/sweeps/assumption-screening.cfg)"
"$bin" sweep scenarios/sweeps/assumption-screening.cfg -j "$j" -q -o "$out/screening"

# ---- 3. Search: what allocation does the model recommend? --------------------------
say "searches (scenarios/optimize/strike-group.cfg) and the landscape"
# Reserve first for both of Russia's Kursk rules: rule [0] and rule [3] (the surge
# before the Jeddah talks) draw in the same order, as the sweeps' linked donors do.
reserve_first='["reserve", "kurakhove", "pokrovsk"]'
"$bin" optimize scenarios/optimize/strike-group.cfg -j "$j" -q -o "$out/optimize"
"$bin" optimize scenarios/optimize/strike-group.cfg --set "sides.red.rules.[0].donors=$reserve_first" \
  --set "sides.red.rules.[3].donors=$reserve_first" -j "$j" -q -o "$out/optimize-reserve-first"
"$bin" run scenarios/no-diversion.cfg -n 2000 -j "$j" -q -o "$out/no-diversion"
"$bin" run scenarios/no-diversion.cfg --set "sides.red.rules.[0].donors=$reserve_first" \
  --set "sides.red.rules.[3].donors=$reserve_first" -n 2000 -j "$j" -q \
  -o "$out/no-diversion-reserve-first"
sizes='formations.ua-kursk-strike.personnel=0,3000,6000,7500,9000,12000,15000'
"$bin" optimize scenarios/kursk-pokrovsk.cfg --decision "$sizes" \
  --objective 'min pokrovsk.route_cut' --discrete kn --delta 0.02 --first-stage 200 \
  -n 2000 -j "$j" -q -o "$out/kn"
"$bin" optimize scenarios/kursk-pokrovsk.cfg --decision "$sizes" \
  --objective 'min pokrovsk.route_cut' -n 2000 --budget 7 -j "$j" -q -o "$out/enumerate"
"$bin" sweep scenarios/sweeps/strike-group-by-donor-order.cfg -j "$j" -q -o "$out/landscape"

fi

# ---- charts ---------------------------------------------------------------------
say "charts"
mkdir -p "$out/tables" "$img"
for f in png pdf; do
  "$bin" plot "$out/discover-lower" --format "$f" -q
  "$bin" plot "$out/discover-lower10" --format "$f" -q
  "$bin" plot "$out/screening" --only pokrovsk.route_cut --format "$f" -q
  "$bin" plot "$out/screening" --only kursk.red_drawn_from_sectors --format "$f" -q
  "$bin" plot "$out/landscape" --only pokrovsk.route_cut --format "$f" -q
done
cp "$out/discover-lower/charts/tradeoff.png" "$img/discover-tradeoff.png"
cp "$out/discover-lower10/charts/tradeoff.png" "$img/discover10-tradeoff.png"
cp "$out/discover-lower10/charts/box.png" "$img/discover10-box.png"
cp "$out/screening/charts/morris_pokrovsk.route_cut.png" "$img/morris-route-cut.png"
cp "$out/screening/charts/morris_kursk.red_drawn_from_sectors.png" "$img/morris-red-drawn.png"
cp "$out/landscape/charts/effect_pokrovsk.route_cut.png" "$img/landscape-route-cut.png"

# ---- tables (Markdown), from the outputs' CSV files ------------------------------
say "tables"
# col FILE NAME: the number of column NAME in FILE's header.
col() { head -1 "$1" | tr ',' '\n' | grep -nxF "$2" | cut -d: -f1; }

# compare: the default scenario against its counterfactual, paired (compare.csv).
awk -F, 'BEGIN { print "| metric | without the diversion | with it | difference [95% CI, paired] |"
                 print "|---|---:|---:|---:|" }
  $4 == "pokrovsk.route_cut" || $4 == "kursk.red_drawn_from_sectors" ||
  $4 == "negotiations.kursk.held_area_km2" || $4 == "blue.losses" || $4 == "red.losses" {
    f = $4 == "pokrovsk.route_cut" ? "%.3f" : "%.0f"
    printf "| `%s` | " f " | " f " | %+" substr(f, 2) " [" f ", " f "] |\n", $4, $7, $8, $9, $10, $11 }' \
  "$out/compare/compare.csv" > "$out/tables/compare.md"

# discover-donors: the paired difference per donor order, point by point.
w=$out/with/sweep.csv o=$out/without/sweep.csv
d=$(col "$w" 'sides.red.rules.[0].donors') m=$(col "$w" pokrovsk.route_cut_mean)
paste -d, "$w" "$o" | awk -F, -v d="$d" -v m="$m" -v n="$(head -1 "$w" | awk -F, '{print NF}')" '
  NR > 1 { k = $d; with = $m; without = $(n + m); diff = with - without
           c[k]++; sw[k] += with; so[k] += without; sd[k] += diff; low[k] += diff < 0
           low10[k] += diff <= -0.1; if (!(k in lo) || diff < lo[k]) lo[k] = diff
           if (!(k in hi) || diff > hi[k]) hi[k] = diff; if (!(k in seen)) { seen[k] = 1; order[++nk] = k } }
  END { print "| Russian donor order | points | P(cut) with the diversion | without | difference: mean | lowest | highest | points where the diversion lowers P(cut) | by 0.1 or more |"
        print "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
        for (i = 1; i <= nk; i++) { k = order[i]
          printf "| %s | %d | %.3f | %.3f | %+.3f | %+.3f | %+.3f | %d (%.0f%%) | %d (%.0f%%) |\n", k, c[k],
            sw[k] / c[k], so[k] / c[k], sd[k] / c[k], lo[k], hi[k], low[k], 100 * low[k] / c[k],
            low10[k], 100 * low10[k] / c[k] } }' > "$out/tables/discover-donors.md"

# discover-box: a discovery's box and its coverage and density (discover.txt, box.csv).
box_table() {
  awk -F, 'NR > 1 { q = $10 == "" ? "" : sprintf("%.2g", $10)
    if ($2 == "categorical") { lim = $3 == 1 ? $6 : "all: " $9 }
    else if ($3 == 1) lim = sprintf("%.4g to %.4g (of %.4g to %.4g)", $4, $5, $7, $8)
    else lim = sprintf("not restricted (%.4g to %.4g)", $7, $8)
    gsub(/"/, "", lim); gsub(/ *[|] */, ", ", lim)  # levels joined by | would split the cell
    printf "| `%s` | %s | %s |\n", $1, lim, q == "" ? "" : q }
    BEGIN { print "| parameter | the box | quasi-p |"; print "|---|---|---:|" }' "$1/box.csv"
  echo
  echo "| points | coverage | density | mass |"
  echo "|---|---:|---:|---:|"
  awk '/^(fitted|held-out|all) points/ { printf "| %s %s | %s | %s | %s |\n", $1, $2, $3, $4, $5 }' \
    "$1/discover.txt"
  echo
  grep '^It holds at' "$1/discover.txt"
}
box_table "$out/discover-lower" > "$out/tables/discover-box.md"
box_table "$out/discover-lower10" > "$out/tables/discover-box10.md"

# morris: per metric, the parameters by mu* (morris.csv).
morris_table() {
  awk -F, -v metric="$1" -v unit="$2" 'NR > 1 && $1 == metric {
      printf "| `%s` | %.3g [%.3g, %.3g] | %+.3g | %.3g |\n", $2, $6, $7, $8, $3, $9 }' \
    "$out/screening/morris.csv" | sort -t'|' -k3 -g -r |
    awk -v unit="$2" 'BEGIN { printf "| parameter | mu* [95%% CI] (%s) | mu | sigma |\n|---|---:|---:|---:|\n", unit } { print }'
}
morris_table pokrovsk.route_cut "probability" > "$out/tables/morris-route-cut.md"
morris_table kursk.red_drawn_from_sectors "persons" > "$out/tables/morris-red-drawn.md"
morris_table negotiations.kursk.held_area_km2 "km²" > "$out/tables/morris-held-area.md"

# optimize: the best decision and its fresh-seed estimates (decision.csv, estimate.csv).
{
  echo "| Russian donor order | best strike group | P(cut) in-sample | fresh seeds [95% CI] | fresh − in-sample [95% CI] | scenario as given (6,000), fresh | best − as given [95% CI] | km² held at the negotiations (fresh) | no diversion (the 6,000 at Pokrovsk) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  for run in :pokrovsk-first -reserve-first:reserve-first; do
    dir=$out/optimize${run%%:*}
    best=$(awk -F, 'NR == 2 { print $6 }' "$dir/decision.csv")
    none=$(awk -F, '$1 == "pokrovsk.route_cut" { printf "%.3f", $4 }' \
      "$out/no-diversion${run%%:*}/summary.csv")
    awk -F, -v who="${run#*:}" -v best="$best" -v none="$none" '
      $1 == "objective" { o = sprintf("%.3f | %.3f [%.3f, %.3f] | %+.3f [%+.3f, %+.3f] | %.3f | %+.3f [%+.3f, %+.3f]", $4, $8, $9, $10, $19, $20, $21, $12, $16, $17, $18) }
      $1 ~ /held_area/ { a = sprintf("%.0f", $8) }
      END { printf "| %s | %s | %s | %s | %s |\n", who, best, o, a, none }' "$dir/estimate.csv"
  done
  echo
  grep '^Search:' "$out/optimize/optimize.txt" | sed 's/^Search: /Default donor order: /'
} > "$out/tables/optimize.md"

# kn: Kim-Nelson against enumeration over seven sizes (evaluations.csv of each).
{
  echo "| strike group | Kim-Nelson: replications | its mean P(cut) | enumeration: replications | its mean P(cut) |"
  echo "|---:|---:|---:|---:|---:|"
  paste -d, "$out/kn/evaluations.csv" "$out/enumerate/evaluations.csv" |
    awk -F, 'NR > 1 { printf "| %s | %s | %.4f | %s | %.4f |\n", $2, $3, $4, $10, $11 }'
  echo
  printf 'Selected: %s by Kim-Nelson, %s by enumeration. ' \
    "$(awk '/^Best decision/ { getline; print $2 }' "$out/kn/optimize.txt")" \
    "$(awk '/^Best decision/ { getline; print $2 }' "$out/enumerate/optimize.txt")"
  grep '^Search:' "$out/kn/optimize.txt" | sed 's/^Search: //'
} > "$out/tables/kn.md"

# landscape: P(cut) by strike group size and donor order (sweep.csv of the grid).
# The area held is the first donor order's (the order changes it little).
l=$out/landscape/sweep.csv
awk -F, -v s="$(col "$l" formations.ua-kursk-strike.personnel)" \
  -v d="$(col "$l" 'sides.red.rules.[0].donors')" -v m="$(col "$l" pokrovsk.route_cut_mean)" \
  -v a="$(col "$l" negotiations.kursk.held_area_km2_mean)" '
  NR > 1 { if (!($s in rs)) { rs[$s] = 1; rows[++nr] = $s; area[$s] = $a }
           if (!($d in cs)) { cs[$d] = 1; cols[++nc] = $d }; v[$s, $d] = $m }
  END { printf "| strike group |"; for (c = 1; c <= nc; c++) printf " P(cut), %s |", cols[c]
        print " km² held at the negotiations |"
        printf "|---:|"; for (c = 1; c <= nc; c++) printf "---:|"; print "---:|"
        for (r = 1; r <= nr; r++) { printf "| %s |", rows[r]
          for (c = 1; c <= nc; c++) printf " %.3f |", v[rows[r], cols[c]]
          printf " %.0f |\n", area[rows[r]] } }' "$l" > "$out/tables/landscape.md"

# ---- the tables into docs/ANALYSIS.md ----------------------------------------------
tmp=$(mktemp)
awk -v dir="$out/tables" '
  /<!-- BEGIN analysis.sh: / { print; name = $4; file = dir "/" name ".md"
    while ((getline line < file) > 0) print line; close(file); skip = 1; next }
  /<!-- END analysis.sh: / { skip = 0 }
  !skip { print }' "$doc" > "$tmp"
mv "$tmp" "$doc"
say "done in $(($(date +%s) - t0)) s: tables in $out/tables/ and $doc, charts in $img/"
