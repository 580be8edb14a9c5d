#!/usr/bin/env bash
# ctest "mpi_identical": the MPI backend against the single process (issue 7). With
# `mpirun -np 2` and `-np 3`, a comparison (two population classes, so jobs of different
# shapes), a sweep and a calibration give byte-identical result tables and bit-identical HDF5
# datasets to the same command without mpirun; a rank killed mid-run ends the job with a
# non-zero exit code, mpirun's message naming the rank, and no result file; a job that throws
# on some rank stops every rank with that rank's message.
# Reports are compared on stdout alone: mpirun forwards stderr separately and asynchronously,
# so the two never interleave reliably. No step waits a fixed time for another process.
# Usage: test_mpi.sh WERKSTROOM_PROGRAM SOURCE_DIR
set -u
bin="$1"
src="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
mpi=(mpirun --allow-run-as-root --oversubscribe)
export OMPI_MCA_rmaps_base_oversubscribe=1
same() { /usr/bin/python3 "$src/tests/distributed/same_datasets.py" "$@"; }
cd "$src" || fail "no source dir"

# 1. A comparison.
args=(compare scenarios/gooi-en-vechtstreek.toml scenarios/bankruptcy-wave.toml
      scenarios/scale-up-3fte.toml --reps 12 --seed 7)
"$bin" "${args[@]}" --out "$work/one.h5" --csv "$work/one" >"$work/one.txt" 2>"$work/one.err" ||
  fail "single run failed: $(tail -5 "$work/one.err")"
for np in 2 3; do
  "${mpi[@]}" -np "$np" "$bin" "${args[@]}" --out "$work/np$np.h5" --csv "$work/np$np" \
    >"$work/np$np.txt" 2>"$work/np$np.err" || fail "-np $np failed: $(tail -5 "$work/np$np.err")"
  for table in "$work"/one/*.csv; do
    name="$(basename "$table")"
    [ "$name" = metadata.csv ] && continue  # start time and command line
    cmp -s "$table" "$work/np$np/$name" || fail "-np $np: $name differs"
  done
  same "$work/one.h5" "$work/np$np.h5" || fail "-np $np: HDF5 datasets differ"
  # The printed report too (the output paths aside).
  diff <(grep -v 'written to' "$work/one.txt") <(grep -v 'written to' "$work/np$np.txt") \
    >/dev/null || fail "-np $np: the printed report differs"
done
echo "comparison: identical with 1, 2 and 3 ranks"
# The streamed file (--out alone: rank 0 writes the replications as they arrive, in order) and
# a shard (--replications A:B) too, datasets and attributes (the run provenance aside).
"$bin" "${args[@]}" --out "$work/one-streamed.h5" >/dev/null 2>&1 || fail "single streamed run failed"
"${mpi[@]}" -np 3 "$bin" "${args[@]}" --out "$work/np3-streamed.h5" >"$work/np3s.txt" 2>&1 ||
  fail "-np 3 streamed run failed: $(tail -5 "$work/np3s.txt")"
same "$work/one-streamed.h5" "$work/np3-streamed.h5" --attributes --except started_at,command_line ||
  fail "-np 3: the streamed file differs"
same "$work/one.h5" "$work/np3-streamed.h5" --attributes --except started_at,command_line ||
  fail "-np 3: the streamed file differs from the in-memory one"
"$bin" "${args[@]}" --replications 4:9 --out "$work/one-shard.h5" >/dev/null 2>&1 ||
  fail "single shard failed"
"${mpi[@]}" -np 2 "$bin" "${args[@]}" --replications 4:9 --out "$work/np2-shard.h5" \
  >"$work/np2s.txt" 2>&1 || fail "-np 2 shard failed: $(tail -5 "$work/np2s.txt")"
same "$work/one-shard.h5" "$work/np2-shard.h5" --attributes --except started_at,command_line ||
  fail "-np 2: the shard differs"
echo "streamed file and shard: identical with 1, 2 and 3 ranks"

# 2. A sweep.
sweep=(sweep scenarios/gooi-en-vechtstreek.toml --vary staff.fte=1:3 --reps 6)
"$bin" "${sweep[@]}" --csv "$work/sweep1" >/dev/null 2>&1 || fail "single sweep failed"
"${mpi[@]}" -np 3 "$bin" "${sweep[@]}" --csv "$work/sweep3" >/dev/null 2>&1 || fail "-np 3 sweep failed"
cmp -s "$work/sweep1/kpis.csv" "$work/sweep3/kpis.csv" || fail "sweep kpis.csv differs"
echo "sweep: identical with 1 and 3 ranks"

# 3. A calibration (evaluations spread over the ranks).
spec=tests/calibration/data/gooi-ww-fit-quick.toml
"$bin" calibrate "$spec" --out "$work/cal1.h5" >"$work/cal1.txt" 2>"$work/cal1.err" ||
  fail "single calibration failed: $(tail -5 "$work/cal1.err")"
"${mpi[@]}" -np 2 "$bin" calibrate "$spec" --out "$work/cal2.h5" >"$work/cal2.txt" 2>"$work/cal2.err" ||
  fail "-np 2 calibration failed: $(tail -5 "$work/cal2.err")"
same "$work/cal1.h5" "$work/cal2.h5" || fail "calibration datasets differ"
# The calibrated scenarios differ only in the name of their HDF5 file.
diff <(sed 's/cal1\.h5/CAL.h5/g' "$work/cal1-scenario.toml") \
     <(sed 's/cal2\.h5/CAL.h5/g' "$work/cal2-scenario.toml") >/dev/null ||
  fail "calibrated scenarios differ"
echo "calibration: identical with 1 and 2 ranks"
# Resumed under MPI from the journal rank 0 wrote: the same result, almost nothing simulated.
"${mpi[@]}" -np 2 "$bin" calibrate "$spec" --out "$work/cal3.h5" --journal "$work/journal" \
  >"$work/cal3.txt" 2>"$work/cal3.err" || fail "-np 2 calibration with a journal failed"
"${mpi[@]}" -np 2 "$bin" calibrate "$spec" --out "$work/cal4.h5" --journal "$work/journal" \
  >"$work/cal4.txt" 2>"$work/cal4.err" || fail "-np 2 resumed calibration failed"
same "$work/cal1.h5" "$work/cal4.h5" || fail "the resumed calibration differs"
grep -q "repeated evaluations reused" "$work/cal4.txt" || fail "no reuse reported"
echo "calibration: resumed from the journal under MPI, identical"

# 4. A rank killed mid-run: once rank 0 reports that the replications are under way (all
# ranks then take part), the last rank started is killed.
"${mpi[@]}" -np 3 "$bin" compare scenarios/gooi-en-vechtstreek.toml --reps 100000 \
  --out "$work/killed.h5" >"$work/killed.txt" 2>&1 &
runner=$!
# ranks: the werkstroom processes of this job (found by its unique output path; not mpirun).
ranks() {
  local pid
  for pid in $(pgrep -f -- "--out $work/killed.h5"); do
    [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$(basename "$bin" | cut -c1-15)" ] && echo "$pid"
  done
}
started=""
for ((i = 0; i < 3000; i++)); do  # polled; 300 s bounds a loaded machine
  if grep -q "running" "$work/killed.txt" && [ "$(ranks | wc -l)" -eq 3 ]; then
    started=yes
    break
  fi
  kill -0 "$runner" 2>/dev/null || break
  sleep 0.1
done
[ -n "$started" ] || fail "the job did not start: $(tail -5 "$work/killed.txt")"
victim="$(ranks | tail -1)"
[ -n "$victim" ] || fail "no rank to kill"
kill -9 "$victim"
wait "$runner"
code=$?
[ "$code" -ne 0 ] || fail "the job with a killed rank exited 0"
grep -q "rank" "$work/killed.txt" || fail "no message naming the rank: $(tail -5 "$work/killed.txt")"
[ ! -e "$work/killed.h5" ] || fail "a killed run left killed.h5"
ls "$work" | grep -q '^killed\.h5' && fail "a killed run left a file: $(ls "$work")"
echo "killed rank: exit $code, no file"
# 5. A job that fails on some rank: every rank stops, rank 0 says which rank and why, no file.
# What the loader accepts runs, so the failure is injected (README, fault injection): replication
# 4 fails on whichever rank runs it.
WERKSTROOM_REPLICATION_FAULT=4 "${mpi[@]}" -x WERKSTROOM_REPLICATION_FAULT -np 3 "$bin" compare \
  scenarios/gooi-en-vechtstreek.toml --reps 6 --out "$work/failed.h5" >"$work/failed.txt" 2>&1
code=$?
[ "$code" -ne 0 ] || fail "a failing job exited 0"
grep -q "werkstroom: error: rank [0-9]*: injected fault in replication 4" "$work/failed.txt" ||
  fail "no message naming the rank and the cause: $(head -8 "$work/failed.txt")"
[ ! -e "$work/failed.h5" ] || fail "a failed run left failed.h5"
echo "failing job: exit $code, the rank and cause named, no file"
echo "mpi_identical: OK"
