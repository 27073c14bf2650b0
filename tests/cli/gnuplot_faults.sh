#!/bin/sh
# gnuplot_faults.sh FRONTSIM: frontsim plot against gnuplots that misbehave. A gnuplot
# that hangs is stopped at the time limit (exit 1, the chart named, nothing of it left
# running); one that leaves a child holding its output does not keep frontsim waiting;
# one that exits 0 after writing a truncated image (as on a full disk) does not replace
# the good chart. Many charts are drawn by one gnuplot: the charts are the same bytes
# as drawn one gnuplot each, and when that gnuplot fails they are drawn one by one,
# the faulty chart named and those before it in place. Skipped (77) without a working
# gnuplot, which draws the good charts.
set -eu
bin=$1
tmp=$(mktemp -d)
# The fake gnuplot's sleeps last a time unique to this script, so looking for them
# never finds another test's (tests of several checkouts may run at once).
hang=$((100000 + $$))
child=$((hang + 1))
trap 'pkill -f "sleep ($hang|$child)$" 2>/dev/null || true; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
gnuplot --version >/dev/null 2>&1 || { echo "SKIP: gnuplot is not installed"; exit 77; }

"$bin" run tests/data/plot.cfg -n 10 -o "$tmp/run" -q
"$bin" plot "$tmp/run" --only held_area -q
good=$tmp/run/charts/held_area_kursk.png
cp "$good" "$tmp/good.png"

# A fake gnuplot: answers --version, then does what $FAKE says with the script's output.
fake=$tmp/fake-gnuplot
cat > "$fake" <<'EOF'
#!/bin/sh
[ "$1" = "--version" ] && { echo "gnuplot 5.4 patchlevel 4"; exit 0; }
out=$(sed -n "s/^set output '\(.*\)'.*/\1/p" "$1" | head -n 1)
case "$FAKE" in
  hang) sleep "$HANG" ;;
  child) cp "$GOOD" "$out"; sleep "$CHILD" & exit 0 ;;
  truncated) head -c 200 "$GOOD" > "$out"; exit 0 ;;
  nobatch) case "$1" in *batch*) exit 1 ;; esac; exec gnuplot "$1" ;;
  bad) grep -q "$BAD" "$1" && { echo "cannot draw $BAD" >&2; exit 1; }; exec gnuplot "$1" ;;
esac
EOF
chmod +x "$fake"
export FRONTSIM_GNUPLOT="$fake" GOOD="$tmp/good.png" HANG="$hang" CHILD="$child"

# 1. A gnuplot that hangs: stopped after 2 s, exit 1, the chart named.
start=$(date +%s)
status=0
FAKE=hang FRONTSIM_GNUPLOT_TIMEOUT=2 "$bin" plot "$tmp/run" --only held_area -q 2> "$tmp/err" || status=$?
took=$(($(date +%s) - start))
[ "$status" -eq 1 ] || fail "a hanging gnuplot: exit $status, expected 1 ($(cat "$tmp/err"))"
grep -q "chart held_area_kursk: gnuplot did not finish within 2 s" "$tmp/err" ||
  fail "a hanging gnuplot: $(cat "$tmp/err")"
[ "$took" -lt 30 ] || fail "a hanging gnuplot kept frontsim for $took s"
sleep 0.2
pgrep -f "sleep $hang$" >/dev/null && fail "the hanging gnuplot's process was left running"
cmp -s "$good" "$tmp/good.png" || fail "a hanging gnuplot changed the chart"
[ -z "$(ls -A "$tmp/run" | grep charts-partial || true)" ] || fail "a staging folder was left"
echo "ok: a hanging gnuplot is stopped after 2 s (exit 1, in ${took} s)"

# 2. A gnuplot that exits, leaving a child that holds its error output.
start=$(date +%s)
FAKE=child "$bin" plot "$tmp/run" --only held_area -q 2> "$tmp/err" ||
  fail "a gnuplot leaving a child: $(cat "$tmp/err")"
took=$(($(date +%s) - start))
[ "$took" -lt 30 ] || fail "a gnuplot's child kept frontsim for $took s"
sleep 0.2
pgrep -f "sleep $child$" >/dev/null && fail "the child of gnuplot was left running"
echo "ok: a child holding gnuplot's output does not keep frontsim waiting (${took} s)"

# 3. A gnuplot that writes a truncated image and exits 0 (a full disk).
status=0
FAKE=truncated "$bin" plot "$tmp/run" --only held_area -q 2> "$tmp/err" || status=$?
[ "$status" -ne 0 ] || fail "a truncated image was accepted"
grep -q "is not a complete png file" "$tmp/err" || fail "truncated image: $(cat "$tmp/err")"
cmp -s "$good" "$tmp/good.png" || fail "a truncated image replaced the good chart"
echo "ok: a truncated image is refused and the good chart kept (exit $status)"

# 4. SIGTERM (as Ctrl-C) while a chart is drawn: gnuplot stopped, exit 1, the staging
#    folder removed, the good chart kept.
FAKE=hang "$bin" plot "$tmp/run" --only held_area -q 2> "$tmp/err" &
pid=$!
sleep 1
kill -TERM "$pid"
status=0
wait "$pid" || status=$?
[ "$status" -eq 1 ] || fail "SIGTERM during a chart: exit $status ($(cat "$tmp/err"))"
grep -q "interrupted" "$tmp/err" || fail "SIGTERM during a chart: $(cat "$tmp/err")"
sleep 0.2
pgrep -f "sleep $hang$" >/dev/null && fail "SIGTERM left gnuplot running"
[ -z "$(ls -A "$tmp/run" | grep charts-partial || true)" ] || fail "SIGTERM left a staging folder"
cmp -s "$good" "$tmp/good.png" || fail "SIGTERM changed the chart"
echo "ok: SIGTERM while drawing stops gnuplot, removes the staging folder (exit 1)"

# 5. Many charts, one gnuplot: the same bytes as one gnuplot per chart (--only).
FRONTSIM_GNUPLOT=gnuplot "$bin" plot "$tmp/run" -q 2> "$tmp/err" ||
  fail "plot of every chart: $(cat "$tmp/err")"
n=0
mkdir "$tmp/all"
cp "$tmp/run/charts/"*.png "$tmp/all/"
for f in "$tmp/all/"*.png; do
  name=$(basename "$f" .png)
  FRONTSIM_GNUPLOT=gnuplot "$bin" plot "$tmp/run" --only "$name" -q
  cmp -s "$f" "$tmp/run/charts/$name.png" || fail "$name drawn with other charts differs from alone"
  n=$((n + 1))
done
[ "$n" -ge 3 ] || fail "only $n charts"
echo "ok: $n charts drawn by one gnuplot are the bytes each draws alone"

# 6. That gnuplot fails: the charts are drawn one gnuplot each, all of them.
rm -rf "$tmp/run/charts"
FAKE=nobatch "$bin" plot "$tmp/run" -q 2> "$tmp/err" || fail "a failing batch: $(cat "$tmp/err")"
for f in "$tmp/all/"*.png; do
  cmp -s "$f" "$tmp/run/charts/$(basename "$f")" || fail "a failing batch: $(basename "$f") differs"
done
echo "ok: when the gnuplot of many charts fails, each is drawn by its own"

# 7. One chart cannot be drawn: it is named, the charts before it are in place.
rm -rf "$tmp/run/charts"
first=$(ls "$tmp/all" | head -n 1)
bad=$(ls "$tmp/all" | sed -n 2p | sed 's/[.]png$//')
status=0
FAKE=bad BAD="$bad.gp" "$bin" plot "$tmp/run" -q 2> "$tmp/err" || status=$?
[ "$status" -ne 0 ] || fail "a chart that fails: exit $status ($(cat "$tmp/err"))"
grep -q "chart $bad: gnuplot failed (exit status 1): cannot draw $bad.gp" "$tmp/err" ||
  fail "a chart that fails: $(cat "$tmp/err")"
[ -f "$tmp/run/charts/$first" ] && [ ! -f "$tmp/run/charts/$bad.png" ] ||
  fail "a chart that fails: $(ls "$tmp/run/charts")"
echo "ok: a chart that cannot be drawn is named; the charts before it are in place"
