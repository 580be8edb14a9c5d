#!/usr/bin/env bash
# Command-line behaviour a user relies on (ctest runs this with the werkstroom binary and the
# scenarios folder):
#  1. Ctrl-C during a run stops it with exit code 130 and leaves no result file (nor .tmp);
#  2. a bad scenario file fails with exit code 2 and a message naming file, line and key,
#     and writes nothing; so does a value published on or after the start date (the
#     information cut-off), and describe shows the publication dates; so does robustness
#     with a plausible range that does not contain its value, and describe shows the ranges;
#  3. --set with an unknown key fails with a suggestion;
#  4. a run with --out and --csv writes complete files;
#  5. calibrate: bad monitor data and a bad spec fail with exit code 2 naming file, line and key,
#     and write nothing; Ctrl-C stops it with 130 and no file;
#  6. --out onto a device node (a replica of /dev/null) or a folder is refused with exit code 2
#     before anything is simulated, and the node is left as it was;
#  7. a full disk (a 64 KiB tmpfs) fails run and calibrate with exit code 1, a message naming
#     the file and the reason, the old file kept and no temporary file left; so does a full
#     temporary folder ($TMPDIR on that tmpfs), where a streamed run keeps its scratch files,
#     whether it fills at the end or while replications run on worker threads: no crash (HDF5
#     cannot close a file after a failed write, results/results_stream.hpp), no result,
#     temporary, lock or scratch file left;
#  8. backtest: a bad --until (not a month, after the last data row, missing) fails with exit
#     code 2 and a message naming the option, the data file, expected and found, before any
#     fit, and writes nothing.
# No step waits a fixed time for another process: an interrupt is sent once the run reports on
# stderr that it is under way.
set -u
bin="$1"
scenarios="$2"
work="$(mktemp -d)"
full=""
cleanup() {
  if [ -n "$full" ]; then umount "$full" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT
source "$(dirname "$0")/helpers.sh"  # fail, wait_for, only_files

# 1. Interrupt.
"$bin" compare "$scenarios/gooi-en-vechtstreek.toml" "$scenarios/scale-up-3fte.toml" \
  --reps 100000 --threads 2 --out "$work/run.h5" >"$work/out1.txt" 2>"$work/err1.txt" &
pid=$!
wait_for "$work/err1.txt" "running" "$pid" || fail "the run did not start: $(cat "$work/err1.txt")"
kill -INT "$pid"
wait "$pid"
code=$?
[ "$code" -eq 130 ] || fail "interrupted run exited with $code, expected 130"
[ ! -e "$work/run.h5" ] || fail "interrupted run left run.h5"
ls "$work" | grep -q '\.tmp' && fail "interrupted run left a temporary file"
grep -q "interrupted" "$work/err1.txt" || fail "no 'interrupted' message"
grep -q $'\r' "$work/err1.txt" && fail "a progress bar was drawn into a file"

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

# 2b. The information cut-off: a figure published on or after the start date is refused the
# same way (file, line, key, exit 2); describe shows each value's publication date.
cat >"$work/late.toml" <<TOML
extends = "$scenarios/gooi-en-vechtstreek.toml"
[staff]
advisors = { value = 2, source = "public: a figure of December", published = 2020-12-15 }
TOML
"$bin" run "$work/late.toml" --reps 2 --out "$work/late.h5" >"$work/out2b.txt" 2>&1
code=$?
[ "$code" -eq 2 ] || fail "a value published after the start exited with $code, expected 2"
grep -q "late.toml:3" "$work/out2b.txt" || fail "message does not name late.toml:3: $(cat "$work/out2b.txt")"
grep -q "staff.advisors.published: expected a publication date before the scenario's start date 2020-11-01" \
  "$work/out2b.txt" || fail "message does not name the key and the cut-off: $(cat "$work/out2b.txt")"
grep -q "found 2020-12-15" "$work/out2b.txt" || fail "message does not say what was found"
[ ! -e "$work/late.h5" ] || fail "a refused scenario wrote a result file"
"$bin" describe "$scenarios/gooi-en-vechtstreek.toml" >"$work/describe.txt" 2>&1 ||
  fail "describe failed: $(cat "$work/describe.txt")"
grep -q "^cohorts.ww_inflow.initial_stock = 4400  \[people, 0 to 200000\]  (seed: .*; published 2020-10)$" \
  "$work/describe.txt" || fail "describe does not show the publication date: $(grep initial_stock "$work/describe.txt" | head -3)"

# 2c. Plausible ranges: a range that does not contain its value is refused by robustness the
# same way (file, line, key, exit 2) before anything is simulated, and nothing is written;
# describe shows the ranges.
cat >"$work/badrange.toml" <<TOML
extends = "$scenarios/gooi-en-vechtstreek.toml"
[staff]
intake_patience_mean_days = { value = 30.0, range = [40.0, 60.0], source = "assumption: x" }
TOML
"$bin" robustness "$scenarios/gooi-en-vechtstreek.toml" "$work/badrange.toml" \
  --out "$work/badrange.h5" >"$work/out2c.txt" 2>&1
code=$?
[ "$code" -eq 2 ] || fail "robustness with a bad range exited with $code, expected 2"
grep -q "badrange.toml:3:.*staff.intake_patience_mean_days.range: expected a range that contains the value 30, found \[40, 60\]" \
  "$work/out2c.txt" || fail "message does not name file, line, key and range: $(cat "$work/out2c.txt")"
[ ! -e "$work/badrange.h5" ] || fail "a refused robustness wrote a file"
grep -q "^additionality.vacancy_displacement_share = 0.5  \[share, 0 to 1\]  (assumption: .*; range \[0.2, 0.8\])$" \
  "$work/describe.txt" || fail "describe does not show the range: $(grep vacancy_displacement "$work/describe.txt")"

# 3. Unknown key in --set, with a suggestion.
"$bin" run "$scenarios/gooi-en-vechtstreek.toml" --reps 2 --set staff.advisorz=3 >"$work/out3.txt" 2>&1
code=$?
[ "$code" -eq 2 ] || fail "--set with an unknown key exited with $code, expected 2"
grep -q "advisors" "$work/out3.txt" || fail "no suggestion for staff.advisorz: $(cat "$work/out3.txt")"

# 3b. Plausibility bounds and the rules across values (issue 16): a value beyond its bound (it
# once looped forever) and advisors the centre budget cannot pay (the run once failed with exit
# code 1) are refused by validate and run with exit code 2, naming where the value was set.
cat >"$work/hang.toml" <<TOML
extends = "$scenarios/gooi-en-vechtstreek.toml"
[time_norms]
intake_hours = { value = 1e300, source = "assumption: x" }
TOML
"$bin" validate "$work/hang.toml" >"$work/out3b.txt" 2>&1
code=$?
[ "$code" -eq 2 ] || fail "validate with intake_hours = 1e300 exited with $code, expected 2"
grep -q "hang.toml:3:.*time_norms.intake_hours: expected a number in \[0, 40\]" "$work/out3b.txt" ||
  fail "no file, line, key and bound: $(cat "$work/out3b.txt")"
"$bin" run "$scenarios/gooi-en-vechtstreek.toml" --reps 2 --set staff.advisors=3 \
  >"$work/out3c.txt" 2>&1
code=$?
[ "$code" -eq 2 ] || fail "run with advisors the budget cannot pay exited with $code, expected 2"
grep -q -- "--set:1:1: staff.advisors: expected a budget.centre_budget_eur that pays the advisors" \
  "$work/out3c.txt" || fail "no --set, key and rule: $(cat "$work/out3c.txt")"

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

# A journal of another calibration (here: of the first journal format) is refused before
# anything is simulated, naming the journal and the way out.
printf '# werkstroom calibration journal v1 indicators=1 months=48\n' >"$work/old.journal"
"$bin" calibrate "$work/spec.toml" --out "$work/cal.h5" --journal "$work/old.journal" \
  >"$work/out6b.txt" 2>"$work/err6b.txt"
code=$?
[ "$code" -eq 2 ] || fail "calibrate with a journal of another format exited with $code, expected 2"
grep -q "$work/old.journal:1: the journal is of another journal format.*--journal-reset" \
  "$work/err6b.txt" || fail "no journal and way out named: $(cat "$work/err6b.txt")"
grep -q "replications simulated" "$work/err6b.txt" && fail "calibrate simulated before refusing"
[ ! -e "$work/cal.h5" ] || fail "calibrate with a refused journal wrote a file"

"$bin" calibrate "$work/spec.toml" --out "$work/cal.h5" >"$work/out7.txt" 2>"$work/err7.txt" &
pid=$!
wait_for "$work/err7.txt" "replications simulated" "$pid" ||
  fail "the calibration did not start: $(cat "$work/err7.txt")"
kill -INT "$pid"
wait "$pid"
code=$?
[ "$code" -eq 130 ] || fail "interrupted calibrate exited with $code, expected 130"
[ ! -e "$work/cal.h5" ] || fail "interrupted calibrate left cal.h5"
ls "$work" | grep -q '\.tmp' && fail "interrupted calibrate left a temporary file"

# 8. Backtest with a bad --until (before section 6 replaces monitor.csv with nothing else).
"$bin" backtest "$work/spec.toml" --until 2019-13 --csv "$work/bt.csv" >"$work/out9.txt" 2>&1
code=$?
[ "$code" -eq 2 ] || fail "backtest --until 2019-13 exited with $code, expected 2"
grep -q -- '--until: expected a month "YYYY-MM" (month 01 to 12), found "2019-13"' "$work/out9.txt" ||
  fail "backtest --until 2019-13: no message naming option, expected and found: $(cat "$work/out9.txt")"
"$bin" backtest "$work/spec.toml" --until 2020-06 --csv "$work/bt.csv" >"$work/out9.txt" 2>&1
code=$?
[ "$code" -eq 2 ] || fail "backtest --until after the last data row exited with $code, expected 2"
grep -q "monitor.csv: --until 2020-06: expected data rows" "$work/out9.txt" ||
  fail "backtest --until 2020-06: no message naming the data file: $(cat "$work/out9.txt")"
grep -q "found none (the last such row is 2020-06)" "$work/out9.txt" ||
  fail "backtest --until 2020-06: the message does not say what was found: $(cat "$work/out9.txt")"
"$bin" backtest "$work/spec.toml" --csv "$work/bt.csv" >"$work/out9.txt" 2>&1
code=$?
[ "$code" -eq 2 ] || fail "backtest without --until exited with $code, expected 2"
grep -q -- "--until: expected a month" "$work/out9.txt" ||
  fail "backtest without --until: no message: $(cat "$work/out9.txt")"
[ ! -e "$work/bt.csv" ] || fail "backtest with a bad --until wrote a file"

# 6. Output onto a device node or a folder: refused before the run, the node kept.
if mknod "$work/null" c 1 3 2>/dev/null; then
  for command in "run $scenarios/gooi-en-vechtstreek.toml --reps 2 --out" \
                 "run $scenarios/gooi-en-vechtstreek.toml --reps 2 --csv $work/csv --out" \
                 "calibrate $work/spec.toml --out" \
                 "calibrate $work/spec.toml --out $work/c.h5 --journal"; do
    # shellcheck disable=SC2086
    "$bin" $command "$work/null" >"$work/out8.txt" 2>"$work/err8.txt"
    code=$?
    [ "$code" -eq 2 ] || fail "$command onto a device node exited with $code, expected 2"
    grep -q "$work/null: it is a character device" "$work/err8.txt" ||
      fail "$command: no message naming the device: $(cat "$work/err8.txt")"
    grep -q "running\|simulated" "$work/err8.txt" && fail "$command simulated before refusing"
    [ -c "$work/null" ] && [ "$(stat -c '%t,%T' "$work/null")" = "1,3" ] ||
      fail "$command replaced the device node"
  done
  echo "device node: refused with exit code 2, kept"
else
  echo "device node: skipped (mknod not permitted: not root)"
fi
mkdir "$work/folder.h5"
"$bin" run "$scenarios/gooi-en-vechtstreek.toml" --reps 2 --out "$work/folder.h5" \
  >"$work/out9.txt" 2>"$work/err9.txt"
code=$?
[ "$code" -eq 2 ] || fail "--out onto a folder exited with $code, expected 2"
grep -q "folder.h5: it is a folder" "$work/err9.txt" || fail "no message: $(cat "$work/err9.txt")"
[ -d "$work/folder.h5" ] || fail "the folder was replaced"

# 7. A full disk: a 64 KiB file system takes the temporary file's first bytes, not the results.
mkdir "$work/full"
if mount -t tmpfs -o size=64k tmpfs "$work/full" 2>/dev/null; then
  full="$work/full"
  printf 'old results\n' >"$full/x.h5"
  printf 'old calibration\n' >"$full/cal.h5"
  # full_disk_fails NAME WHAT FILE OLD COMMAND...: COMMAND onto the full disk exits 1 naming
  # FILE and the reason, FILE still holds OLD, and no temporary file is left.
  full_disk_fails() {
    local name="$1" what="$2" file="$3" old="$4"
    shift 4
    "$@" >"$work/$name.out" 2>"$work/$name.err"
    local code=$?
    [ "$code" -eq 1 ] || fail "$name onto a full disk exited with $code, expected 1: $(tail -3 "$work/$name.err")"
    grep -q "cannot write $what $file: No space left on device" "$work/$name.err" ||
      fail "$name onto a full disk: no message naming the file and reason: $(tail -3 "$work/$name.err")"
    [ "$(cat "$file")" = "$old" ] || fail "$name onto a full disk lost the old file"
    only_files "$full" x.h5 cal.h5 || fail "$name onto a full disk left: $(ls -A "$full")"
  }
  full_disk_fails run "results file" "$full/x.h5" "old results" \
    "$bin" run "$scenarios/gooi-en-vechtstreek.toml" --reps 3 --out "$full/x.h5"
  quick="$(cd "$scenarios/.." && pwd)/tests/calibration/data/gooi-ww-fit-quick.toml"
  full_disk_fails calibrate "calibration file" "$full/cal.h5" "old calibration" \
    "$bin" calibrate "$quick" --out "$full/cal.h5" --scenario-out "$work/cal-scenario.toml"
  echo "full disk: exit code 1, the file and reason named, the old files kept"
  mkdir "$work/streamed"
  for case in "40 1" "300 2"; do
    set -- $case
    TMPDIR="$full" "$bin" run "$scenarios/gooi-en-vechtstreek.toml" --reps "$1" --threads "$2" \
      --out "$work/streamed/x.h5" >"$work/tmpfull.out" 2>"$work/tmpfull.err"
    code=$?
    [ "$code" -eq 1 ] ||
      fail "a full TMPDIR ($1 replications) exited with $code, expected 1: $(tail -3 "$work/tmpfull.err")"
    grep -q "cannot write results file $work/streamed/x.h5: .*$full/werkstroom-results-.*: No space left on device" \
      "$work/tmpfull.err" ||
      fail "a full TMPDIR: no message naming the file, the scratch file and the reason: $(tail -3 "$work/tmpfull.err")"
    grep -q "HDF5-DIAG" "$work/tmpfull.err" && fail "a full TMPDIR: HDF5 printed its error stack"
    [ -z "$(ls -A "$work/streamed")" ] || fail "a full TMPDIR left: $(ls -A "$work/streamed")"
    only_files "$full" x.h5 cal.h5 || fail "a full TMPDIR left scratch files: $(ls -A "$full")"
  done
  echo "full temporary folder: exit code 1 naming the scratch file and reason, nothing left"
else
  echo "full disk: skipped (mounting a tmpfs not permitted: not root)"
fi
echo "8 passed, 0 failed"
