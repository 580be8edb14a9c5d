#!/usr/bin/env bash
# Command-line behaviour a user relies on (ctest runs this with the werkstroom binary and the
# scenarios folder):
#  1. Ctrl-C during a run stops it with exit code 130 and leaves no result file (nor .tmp);
#  2. a bad scenario file fails with exit code 2 and a message naming file, line and key,
#     and writes nothing;
#  3. --set with an unknown key fails with a suggestion;
#  4. a run with --out and --csv writes complete files;
#  5. calibrate: bad monitor data and a bad spec fail with exit code 2 naming file, line and key,
#     and write nothing; Ctrl-C stops it with 130 and no file.
set -u
bin="$1"
scenarios="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# 1. Interrupt.
"$bin" compare "$scenarios/gooi-en-vechtstreek.toml" "$scenarios/scale-up-3fte.toml" \
  --reps 100000 --threads 2 --out "$work/run.h5" >"$work/out1.txt" 2>&1 &
pid=$!
sleep 2
kill -INT "$pid"
wait "$pid"
code=$?
[ "$code" -eq 130 ] || fail "interrupted run exited with $code, expected 130"
[ ! -e "$work/run.h5" ] || fail "interrupted run left run.h5"
[ ! -e "$work/run.h5.tmp" ] || fail "interrupted run left run.h5.tmp"
grep -q "interrupted" "$work/out1.txt" || fail "no 'interrupted' message"

# 2. Bad scenario: a wrong type on a known line.
cat >"$work/bad.toml" <<TOML
extends = "$scenarios/gooi-en-vechtstreek.toml"
[staff]
advisors = "two"
TOML
"$bin" run "$work/bad.toml" --reps 2 --out "$work/bad.h5" >"$work/out2.txt" 2>&1
code=$?
[ "$code" -eq 2 ] || fail "bad scenario exited with $code, expected 2"
grep -q "bad.toml:3" "$work/out2.txt" || fail "message does not name bad.toml:3: $(cat "$work/out2.txt")"
grep -q "staff.advisors" "$work/out2.txt" || fail "message does not name the key"
[ ! -e "$work/bad.h5" ] || fail "bad scenario wrote a result file"

# 3. Unknown key in --set, with a suggestion.
"$bin" run "$scenarios/gooi-en-vechtstreek.toml" --reps 2 --set staff.advisorz=3 >"$work/out3.txt" 2>&1
code=$?
[ "$code" -eq 2 ] || fail "--set with an unknown key exited with $code, expected 2"
grep -q "advisors" "$work/out3.txt" || fail "no suggestion for staff.advisorz: $(cat "$work/out3.txt")"

# 4. Complete outputs.
"$bin" run "$scenarios/gooi-en-vechtstreek.toml" --reps 3 --out "$work/ok.h5" --csv "$work/csv" \
  >"$work/out4.txt" 2>&1 || fail "run with --out failed: $(cat "$work/out4.txt")"
[ -s "$work/ok.h5" ] || fail "no ok.h5"
[ ! -e "$work/ok.h5.tmp" ] || fail "ok.h5.tmp left behind"
[ -s "$work/csv/kpis.csv" ] || fail "no kpis.csv"
# 5. Calibration with bad data, a bad spec, and an interrupt.
spec_dir="$(cd "$scenarios/.." && pwd)/calibration/specs"
sed -e "s|^scenario = .*|scenario = \"$scenarios/calibration/gooi-ww-2018-2021.toml\"|" \
    -e "s|^data = .*|data = \"$work/monitor.csv\"|" "$spec_dir/gooi-ww-fit.toml" >"$work/spec.toml"
printf 'month,indicator,value\n2019-12,ww_benefits_running,3419\n2020-13,ww_benefits_running,4583\n' \
  >"$work/monitor.csv"
"$bin" calibrate "$work/spec.toml" --out "$work/cal.h5" >"$work/out5.txt" 2>&1
code=$?
[ "$code" -eq 2 ] || fail "calibrate with bad data exited with $code, expected 2"
grep -q "monitor.csv:3" "$work/out5.txt" || fail "no monitor.csv:3 in: $(cat "$work/out5.txt")"
grep -q "month" "$work/out5.txt" || fail "the message does not name the column"
[ ! -e "$work/cal.h5" ] || fail "calibrate with bad data wrote a file"

printf 'month,indicator,value\n2019-12,ww_benefits_running,3419\n2020-06,ww_benefits_running,4583\n' \
  >"$work/monitor.csv"
sed -e "s|^transform = \"logit\"|transform = \"logistic\"|" "$work/spec.toml" >"$work/badspec.toml"
"$bin" calibrate "$work/badspec.toml" --out "$work/cal.h5" >"$work/out6.txt" 2>&1
code=$?
[ "$code" -eq 2 ] || fail "calibrate with a bad spec exited with $code, expected 2"
grep -q "badspec.toml:[0-9]" "$work/out6.txt" || fail "no badspec.toml:line in: $(cat "$work/out6.txt")"
grep -q "transform" "$work/out6.txt" || fail "the message does not name the key"
[ ! -e "$work/cal.h5" ] || fail "calibrate with a bad spec wrote a file"

"$bin" calibrate "$work/spec.toml" --out "$work/cal.h5" >"$work/out7.txt" 2>&1 &
pid=$!
sleep 2
kill -INT "$pid"
wait "$pid"
code=$?
[ "$code" -eq 130 ] || fail "interrupted calibrate exited with $code, expected 130"
[ ! -e "$work/cal.h5" ] || fail "interrupted calibrate left cal.h5"
[ ! -e "$work/cal.h5.tmp" ] || fail "interrupted calibrate left cal.h5.tmp"
echo "5 passed, 0 failed"
