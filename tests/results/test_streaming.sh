#!/usr/bin/env bash
# ctest "results_streamed_and_sharded" (issue 16 item 6): results streamed to HDF5, shards and
# their merge, against files written independently.
#  1. `run --out` alone streams the file (chunked, deflated series); it holds the same datasets
#     and attributes, bit for bit, as the file the in-memory writer makes for the same run
#     (`--out` with `--csv` keeps the results in memory and writes as before), and the same
#     console report; also for distinct regions (the national sum);
#  2. the streamed file is the same with 1 and 3 threads (only the root attribute `threads`,
#     which records what was asked, differs);
#  3. the cluster recipe of docs/cluster.md (scripts/cluster/run-shard.sh with task indices
#     0..3 of 4, as an array job would give them, then `merge`) gives the file of a single run
#     of the study, every dataset and attribute bit for bit except the run provenance
#     (started_at, command_line, threads: docs/results-schema.md);
#  4. merge refuses, with exit code 2, a message naming the files and no file written: a gap,
#     an overlap, shards of another study (another seed), a file that is no HDF5 results file,
#     and a results file that is no shard; run refuses bad --replications ranges;
#  5. a failed or interrupted write (WERKSTROOM_IO_FAULT) of a streamed run or a merge leaves
#     no file, no temporary and no scratch file.
# Few replications of two small scenarios keep it to a few seconds.
# Usage: test_streaming.sh WERKSTROOM_PROGRAM SOURCE_DIR
set -u
bin="$1"
src="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
. "$src/tests/cli/helpers.sh"
# Scratch files of the streams go here (they must never be left behind).
export TMPDIR="$work/tmp"
mkdir "$TMPDIR"
same() { /usr/bin/python3 "$src/tests/distributed/same_datasets.py" "$@"; }
provenance=started_at,command_line,threads
no_scratch() { [ -z "$(ls -A "$TMPDIR")" ] || fail "$1 left scratch files: $(ls -A "$TMPDIR")"; }
cd "$src" || fail "no source dir"
base=scenarios/gooi-en-vechtstreek.toml
scale=scenarios/scale-up-3fte.toml

# 1. Streamed against in memory.
"$bin" run "$base" --reps 6 --seed 3 --threads 2 --out "$work/streamed.h5" \
  >"$work/streamed.txt" 2>"$work/streamed.err" || fail "streamed run: $(tail -3 "$work/streamed.err")"
"$bin" run "$base" --reps 6 --seed 3 --threads 2 --out "$work/memory.h5" --csv "$work/tables" \
  >"$work/memory.txt" 2>"$work/memory.err" || fail "in-memory run: $(tail -3 "$work/memory.err")"
same "$work/streamed.h5" "$work/memory.h5" --attributes --except started_at,command_line ||
  fail "the streamed file differs from the in-memory one"
diff <(grep -v 'written to' "$work/streamed.txt") <(grep -v 'written to' "$work/memory.txt") \
  >/dev/null || fail "the streamed run printed another report"
/usr/bin/python3 - "$work/streamed.h5" "$work/memory.h5" <<'EOF' || fail "the storage is not as documented"
import sys, h5py
with h5py.File(sys.argv[1], "r") as s, h5py.File(sys.argv[2], "r") as m:
    name = list(s.attrs["scenarios"])[0]
    ds = s["scenarios"][name]["monthly/waiting_list_end"]
    assert ds.compression == "gzip" and ds.chunks is not None, (ds.compression, ds.chunks)
    assert m["scenarios"][name]["monthly/waiting_list_end"].chunks is None
EOF
# Distinct regions: the national sum, computed from the key figures kept as columns.
regions=(compare scenarios/national/achterhoek.toml scenarios/national/amersfoort.toml --reps 4)
# (stdout alone: stderr has the progress line with the time taken)
"$bin" "${regions[@]}" --out "$work/regions-streamed.h5" >"$work/regions-streamed.txt" \
  2>"$work/regions.err" || fail "streamed regions: $(tail -3 "$work/regions.err")"
"$bin" "${regions[@]}" --out "$work/regions-memory.h5" --csv "$work/regions" \
  >"$work/regions-memory.txt" 2>"$work/regions.err" ||
  fail "in-memory regions: $(tail -3 "$work/regions.err")"
same "$work/regions-streamed.h5" "$work/regions-memory.h5" --attributes \
  --except started_at,command_line || fail "the streamed national sum differs"
diff <(grep -v 'written to' "$work/regions-streamed.txt") \
  <(grep -v 'written to' "$work/regions-memory.txt") >/dev/null ||
  fail "the streamed comparison of regions printed another report"
no_scratch "the streamed run"
echo "streamed: the in-memory writer's datasets and attributes, chunked and compressed"

# 2. Thread count.
"$bin" run "$base" --reps 6 --seed 3 --threads 1 --out "$work/t1.h5" >/dev/null 2>&1 ||
  fail "run with 1 thread"
"$bin" run "$base" --reps 6 --seed 3 --threads 3 --out "$work/t3.h5" >/dev/null 2>&1 ||
  fail "run with 3 threads"
same "$work/t1.h5" "$work/t3.h5" --attributes --except "$provenance" ||
  fail "the streamed file depends on the thread count"
echo "streamed: the same with 1 and 3 threads"

# 3. The cluster recipe: four array tasks, then merge (shards given in any order).
study=(compare "$base" "$scale" --seed 5)
"$bin" "${study[@]}" --reps 10 --threads 2 --out "$work/single.h5" >/dev/null 2>&1 ||
  fail "the single run of the study"
for task in 3 1 0 2; do
  scripts/cluster/run-shard.sh "$task" 4 10 "$work/shards" "$bin" "${study[@]}" \
    --threads $((task % 2 + 1)) >"$work/task$task.txt" 2>&1 ||
    fail "array task $task: $(tail -3 "$work/task$task.txt")"
done
"$bin" merge --out "$work/merged.h5" "$work"/shards/shard-*.h5 >"$work/merge.txt" 2>&1 ||
  fail "merge: $(cat "$work/merge.txt")"
grep -q "merged 10 replications from 4 shard(s)" "$work/merge.txt" || fail "merge said: $(cat "$work/merge.txt")"
same "$work/single.h5" "$work/merged.h5" --attributes --except "$provenance" ||
  fail "4 shards merged differ from the single run"
/usr/bin/python3 - "$work/shards/shard-1.h5" <<'EOF' || fail "shard 1 does not record its range"
import sys, h5py
with h5py.File(sys.argv[1], "r") as f:
    got = (int(f.attrs["shard_first"]), int(f.attrs["shard_end"]), int(f.attrs["study_replications"]),
           int(f.attrs["replications"]), len(f.attrs["fingerprint"]))
    assert got == (2, 5, 10, 3, 64), got
EOF
no_scratch "the shards and the merge"
echo "cluster recipe: 4 shards merged = the single run (bit for bit; provenance aside)"

# 4. Refusals. refused NAME PATTERN ARGS...: exit code 2, PATTERN in the message, no out.h5.
refused() {
  local name="$1" pattern="$2"
  shift 2
  "$bin" "$@" >"$work/$name.out" 2>"$work/$name.err"
  local code=$?
  [ "$code" -eq 2 ] || fail "$name exited with $code, expected 2: $(tail -3 "$work/$name.err")"
  grep -q -- "$pattern" "$work/$name.err" || fail "$name: no '$pattern' in: $(cat "$work/$name.err")"
  [ ! -e "$work/out.h5" ] || fail "$name wrote out.h5"
}
s="$work/shards"
refused gap "replications 2:5 are in no shard.*shard-0.h5.*shard-2.h5" \
  merge --out "$work/out.h5" "$s/shard-0.h5" "$s/shard-2.h5" "$s/shard-3.h5"
refused gap-end "replications 5:10 of the study's 10 are in no shard.*shard-1.h5" \
  merge --out "$work/out.h5" "$s/shard-0.h5" "$s/shard-1.h5"
refused overlap "shard-1.h5 (replications 2:5) and .*shard-1.h5 (replications 2:5) overlap" \
  merge --out "$work/out.h5" "$s/shard-0.h5" "$s/shard-1.h5" "$s/shard-1.h5" "$s/shard-2.h5" \
  "$s/shard-3.h5"
"$bin" compare "$base" "$scale" --seed 6 --reps 10 --replications 2:5 --out "$work/other.h5" \
  >/dev/null 2>&1 || fail "a shard of another study"
refused fingerprint "shard-0.h5 and .*other.h5 are shards of different studies" \
  merge --out "$work/out.h5" "$s/shard-0.h5" "$work/other.h5" "$s/shard-2.h5" "$s/shard-3.h5"
printf 'not results\n' >"$work/notes.h5"
refused not-hdf5 "notes.h5: expected a werkstroom results file" \
  merge --out "$work/out.h5" "$work/notes.h5"
refused not-shard "single.h5: expected a shard" merge --out "$work/out.h5" "$work/single.h5"
refused range-order '--replications: expected A:B.*A must be below B, found "5:3"' \
  run "$base" --reps 10 --replications 5:3 --out "$work/out.h5"
refused range-beyond '--replications: .*B beyond --reps, found "0:11"' \
  run "$base" --reps 10 --replications 0:11 --out "$work/out.h5"
refused range-form '--replications: expected A:B.*found "-1:3"' \
  run "$base" --reps 10 --replications -1:3 --out "$work/out.h5"
refused range-no-out '--replications: a shard is written with --out' \
  run "$base" --reps 10 --replications 0:3
grep -q "running" "$work/range-order.err" && fail "a bad range was refused only after simulating"
echo "merge and --replications: bad input refused with exit code 2, naming the files"

# 5. Faults: a failing write and a Ctrl-C while writing leave nothing.
mkdir "$work/faults"
for fault in write:1 sync:1 rename:1 write:1:sigint; do
  code_expected=1
  [ "$fault" = write:1:sigint ] && code_expected=130
  WERKSTROOM_IO_FAULT="$fault" "$bin" run "$base" --reps 3 --out "$work/faults/x.h5" \
    >/dev/null 2>"$work/fault.err"
  code=$?
  [ "$code" -eq "$code_expected" ] || fail "streamed run with $fault exited with $code, expected $code_expected"
  [ -z "$(ls -A "$work/faults")" ] || fail "streamed run with $fault left: $(ls -A "$work/faults")"
  WERKSTROOM_IO_FAULT="$fault" "$bin" merge --out "$work/faults/m.h5" "$s"/shard-*.h5 \
    >/dev/null 2>"$work/fault.err"
  code=$?
  [ "$code" -eq "$code_expected" ] || fail "merge with $fault exited with $code, expected $code_expected"
  [ -z "$(ls -A "$work/faults")" ] || fail "merge with $fault left: $(ls -A "$work/faults")"
  if [ "$code_expected" -eq 1 ]; then
    grep -q "cannot write results file $work/faults/m.h5" "$work/fault.err" ||
      fail "merge with $fault: no message naming the file: $(cat "$work/fault.err")"
  fi
done
no_scratch "the failed writes"
echo "faults: a failed or interrupted streamed write or merge leaves no file"
echo "5 passed, 0 failed"
