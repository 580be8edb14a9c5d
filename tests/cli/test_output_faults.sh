#!/usr/bin/env bash
# Result files are written whole or not at all, whatever goes wrong (issue 16, item 1). Faults
# are injected with WERKSTROOM_IO_FAULT (sim/io/output_file.hpp): the n-th create, write, fsync,
# close or rename of the process fails with ENOSPC or EIO, or SIGINT is raised just before it.
#  1. every failing step of the --out, --csv and --xlsx writes ends the command with exit code 1,
#     a message naming the file and the reason; the old file is kept byte for byte and no
#     temporary or lock file is left;
#  2. a Ctrl-C while a file is written rolls it back: exit code 130, the old file kept;
#  3. a second writer of the same --out is refused (exit code 2, naming the process holding
#     the lock) before it simulates, and the first one's result is not touched; the same
#     when another program holds the lock (flock(1));
#     a run ended by SIGTERM leaves no lock file;
#  4. a named pipe as --out, --xlsx or --journal is refused before the run (exit code 2) and
#     left as it was.
# No step waits a fixed time: the second writer starts once the first says on stderr that it
# is running (the outputs are checked and locked before that line).
set -u
bin="$1"
scenarios="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
source "$(dirname "$0")/helpers.sh"  # fail, wait_for, only_files
scenario="$scenarios/gooi-en-vechtstreek.toml"
run=("$bin" run "$scenario" --reps 2 --threads 1)

out="$work/out"
mkdir "$out"
printf 'old results\n' >"$out/x.h5"
printf 'old workbook\n' >"$out/x.xlsx"

# expect CODE NAME FAULT COMMAND...: COMMAND under WERKSTROOM_IO_FAULT=FAULT exits with CODE.
expect() {
  local code="$1" name="$2" fault="$3"
  shift 3
  WERKSTROOM_IO_FAULT="$fault" "$@" >"$work/$name.out" 2>"$work/$name.err"
  local got=$?
  [ "$got" -eq "$code" ] ||
    fail "$name ($fault) exited with $got, expected $code: $(tail -3 "$work/$name.err")"
}
kept() {  # kept NAME: the old files are as they were and nothing else is in $out
  [ "$(cat "$out/x.h5")" = "old results" ] || fail "$1 lost the old results file"
  [ "$(cat "$out/x.xlsx")" = "old workbook" ] || fail "$1 lost the old workbook"
  only_files "$out" x.h5 x.xlsx || fail "$1 left: $(ls -A "$out")"
}

# 1. Faults in each step of the results file: exit 1, file and reason named, old file kept.
# create:1 is the check before the run (the probe file), create:2 the write after it.
for fault in create:2 write:1 write:1:eio sync:1 close:1 rename:1; do
  expect 1 "out-$fault" "$fault" "${run[@]}" --out "$out/x.h5"
  reason="No space left on device"
  [ "${fault##*:}" = eio ] && reason="Input/output error"
  grep -q "cannot write results file $out/x.h5: .*$reason" "$work/out-$fault.err" ||
    fail "--out with $fault: no message naming file and reason: $(tail -3 "$work/out-$fault.err")"
  grep -q "results written" "$work/out-$fault.out" && fail "--out with $fault claims success"
  kept "--out with $fault"
done
# A full disk found by the check before the run: exit 1 before anything is simulated.
expect 1 out-create-1 create:1 "${run[@]}" --out "$out/x.h5"
grep -q "cannot write results file $out/x.h5: cannot create a file in $out: No space left" \
  "$work/out-create-1.err" || fail "create:1: no message: $(cat "$work/out-create-1.err")"
grep -q "replications" "$work/out-create-1.out" "$work/out-create-1.err" &&
  fail "create:1: simulated before failing"
kept "--out with create:1"

# The tables: the third table's write fails; the tables already written are whole, the third
# is not there, no temporary file is left.
expect 1 csv write:3 "${run[@]}" --csv "$out/tables"
grep -q "cannot write .*$out/tables/.*: No space left on device" "$work/csv.err" ||
  fail "--csv with write:3: no message: $(cat "$work/csv.err")"
[ "$(ls "$out/tables" | wc -l)" -eq 2 ] || fail "--csv with write:3 left: $(ls -A "$out/tables")"
ls -A "$out/tables" | grep -q '\.tmp\|\.lock' && fail "--csv left a temporary or lock file"
rm -r "$out/tables"

# The workbook (written by libxlsxwriter into PendingFile's temporary file): its commit fails.
for fault in sync:1 rename:1; do
  expect 1 "xlsx-$fault" "$fault" "${run[@]}" --xlsx "$out/x.xlsx"
  grep -q "cannot write workbook $out/x.xlsx: No space left on device" "$work/xlsx-$fault.err" ||
    fail "--xlsx with $fault: no message: $(cat "$work/xlsx-$fault.err")"
  kept "--xlsx with $fault"
done

# 2. Ctrl-C while the results file is written: rolled back, exit 130.
for fault in write:1:sigint rename:1:sigint; do
  expect 130 "int-$fault" "$fault" "${run[@]}" --out "$out/x.h5"
  grep -q "interrupted while writing results file $out/x.h5: not written" "$work/int-$fault.err" ||
    fail "$fault: no message: $(cat "$work/int-$fault.err")"
  kept "an interrupt ($fault)"
done
# Without faults the same command writes the file and leaves no lock file.
"${run[@]}" --out "$out/x.h5" >"$work/ok.out" 2>"$work/ok.err" ||
  fail "the run without faults failed: $(cat "$work/ok.err")"
[ "$(head -c 4 "$out/x.h5" | od -An -c | tr -d ' ')" = "211HDF" ] || fail "x.h5 is not HDF5"
only_files "$out" x.h5 x.xlsx || fail "a successful run left: $(ls -A "$out")"
cp "$out/x.h5" "$work/first.h5"
# A malformed fault specification is a usage error, not silently ignored.
expect 2 bad-fault "write" "${run[@]}" --out "$out/y.h5"
grep -q "WERKSTROOM_IO_FAULT" "$work/bad-fault.err" || fail "no message on a bad WERKSTROOM_IO_FAULT"

# 3. Two writers of one --out: the second is refused before it simulates, naming the first.
"$bin" compare "$scenario" "$scenarios/scale-up-3fte.toml" --reps 100000 --threads 1 \
  --out "$out/x.h5" >"$work/first.out" 2>"$work/first.err" &
first=$!
wait_for "$work/first.err" "running" "$first" || fail "the first writer did not start"
"${run[@]}" --out "$out/x.h5" >"$work/second.out" 2>"$work/second.err"
code=$?
kill -INT "$first"
wait "$first"
first_code=$?
[ "$code" -eq 2 ] || fail "the second writer exited with $code, expected 2"
grep -q "cannot write results file $out/x.h5: another process (pid $first) is writing it" \
  "$work/second.err" || fail "the second writer's message: $(cat "$work/second.err")"
grep -q "running" "$work/second.err" && fail "the second writer simulated"
[ "$first_code" -eq 130 ] || fail "the interrupted first writer exited with $first_code"
cmp -s "$out/x.h5" "$work/first.h5" || fail "the results file changed"
only_files "$out" x.h5 x.xlsx || fail "the two writers left: $(ls -A "$out")"
# Ended by SIGTERM (mpirun ending a job, kill) while holding the lock: no lock file is left.
"$bin" run "$scenario" --reps 100000 --threads 1 --out "$out/x.h5" >"$work/term.out" \
  2>"$work/term.err" &
victim=$!
wait_for "$work/term.err" "running" "$victim" || fail "the run to terminate did not start"
[ -e "$out/x.h5.lock" ] || fail "no lock file while running"
kill -TERM "$victim"
wait "$victim"
code=$?
[ "$code" -eq 143 ] || fail "the terminated run exited with $code, expected 143 (SIGTERM)"
cmp -s "$out/x.h5" "$work/first.h5" || fail "the terminated run changed the results file"
only_files "$out" x.h5 x.xlsx || fail "the terminated run left: $(ls -A "$out")"
# Another program holding the lock (flock(1) runs the command while it holds it).
if command -v flock >/dev/null; then
  flock "$out/x.h5.lock" "${run[@]}" --out "$out/x.h5" >"$work/flock.out" 2>"$work/flock.err"
  code=$?
  [ "$code" -eq 2 ] || fail "with the lock held by flock(1): exit $code, expected 2"
  grep -q "another process is writing it (lock file $out/x.h5.lock)" "$work/flock.err" ||
    fail "with the lock held by flock(1): $(cat "$work/flock.err")"
  rm -f "$out/x.h5.lock"
fi

# 4. A named pipe is no file to replace: refused before the run, left as it was.
mkfifo "$work/pipe"
spec_dir="$(cd "$scenarios/.." && pwd)/tests/calibration/data"
for command in "run $scenario --reps 2 --out" "run $scenario --reps 2 --xlsx" \
               "calibrate $spec_dir/gooi-ww-fit-quick.toml --out $work/c.h5 --journal"; do
  # shellcheck disable=SC2086
  "$bin" $command "$work/pipe" >"$work/pipe.out" 2>"$work/pipe.err"
  code=$?
  [ "$code" -eq 2 ] || fail "$command onto a named pipe exited with $code, expected 2"
  grep -q "$work/pipe: it is a named pipe" "$work/pipe.err" ||
    fail "$command: no message naming the pipe: $(cat "$work/pipe.err")"
  grep -q "running\|simulated" "$work/pipe.err" && fail "$command simulated before refusing"
  [ -p "$work/pipe" ] || fail "$command replaced the named pipe"
done
[ ! -e "$work/c.h5" ] || fail "calibrate wrote c.h5"
echo "output faults: all passed"
