#!/usr/bin/env bash
# One task of a cluster array job (docs/cluster.md): runs task TASK's share of a study of REPS
# replications split over TASKS tasks into SHARD_DIR/shard-TASK.h5, for `werkstroom merge`.
# Task t runs replications floor(t*REPS/TASKS) to floor((t+1)*REPS/TASKS) - 1: the tasks' ranges
# tile 0..REPS-1 without gap or overlap and differ in size by at most one. A task whose share
# is empty (more tasks than replications) writes nothing.
#
# Usage: run-shard.sh TASK TASKS REPS SHARD_DIR WERKSTROOM run|compare ARGS...
#   e.g. run-shard.sh "$SLURM_ARRAY_TASK_ID" 32 100000 shards werkstroom \
#          compare scenarios/national/*.toml --seed 1 --threads 4
# ARGS must be the same in every task (scenario files, --seed, --set, ...); do not give --reps,
# --replications or --out, which this script sets.
set -euo pipefail
if [ "$#" -lt 6 ]; then
  echo "usage: $0 TASK TASKS REPS SHARD_DIR WERKSTROOM run|compare ARGS..." >&2
  exit 2
fi
task="$1" tasks="$2" reps="$3" dir="$4"
shift 4
for value in "$task" "$tasks" "$reps"; do
  [[ "$value" =~ ^[0-9]+$ ]] || { echo "$0: expected whole numbers TASK TASKS REPS, found '$value'" >&2; exit 2; }
done
if [ "$tasks" -lt 1 ] || [ "$task" -ge "$tasks" ]; then
  echo "$0: expected 0 <= TASK < TASKS, found TASK $task, TASKS $tasks" >&2
  exit 2
fi
first=$((task * reps / tasks))
end=$(((task + 1) * reps / tasks))
if [ "$first" -eq "$end" ]; then
  echo "task $task of $tasks: no replications (only $reps in the study)"
  exit 0
fi
mkdir -p "$dir"
exec "$@" --reps "$reps" --replications "$first:$end" --out "$dir/shard-$task.h5"
