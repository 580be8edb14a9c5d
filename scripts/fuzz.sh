#!/usr/bin/env bash
# Fuzzes the libFuzzer harnesses of tests/fuzz (see tests/fuzz/README.md) in the clang sanitizer
# build, and fails when any harness finds an input that breaks its contract.
#
# Usage: scripts/fuzz.sh [--seconds S] [--runs N] [--seed K] [--fresh] [--build DIR] [HARNESS...]
#   HARNESS    scenario override spec monitor_csv posterior results (default: all)
#   --seconds  time limit per harness (default 600: the long run on demand)
#   --runs     inputs per harness (default: no limit; the time limit ends the run)
#   --seed     libFuzzer's seed (default 20201101): the same seed, runs and corpus give the same
#              inputs, so a bounded run in the test command is deterministic
#   --fresh    start from the repository's seeds only (a temporary working corpus); otherwise
#              the working corpus in DIR/fuzz-corpus/HARNESS grows from run to run
#   --build    the build folder (default build/sanitize, configured and built if needed)
# Harnesses run as many at a time as there are cores. A finding is kept as
# DIR/fuzz-findings/HARNESS-crash-... (or -leak-, -timeout-, -oom-); the script prints how to
# replay it and how to keep it as a regression (tests/fuzz/regressions/HARNESS/).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$WERKSTROOM_ROOT"

all=(scenario override spec monitor_csv posterior results)
seconds=600
runs=-1
seed=20201101
fresh=0
build="$WERKSTROOM_ROOT/build/sanitize"
harnesses=()
declare -A own_runs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --fresh) fresh=1; shift ;;
    --build) build="$2"; shift 2 ;;
    -h | --help) sed -n '2,20p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *)
      name="${1%%=*}"
      if [[ " ${all[*]} " != *" $name "* ]]; then
        echo "fuzz.sh: unknown harness $name (expected one of: ${all[*]})" >&2
        exit 2
      fi
      if [ "$name" != "$1" ]; then
        own_runs["$name"]="${1#*=}"
        [[ "${own_runs[$name]}" =~ ^[0-9]+$ ]] ||
          { echo "fuzz.sh: expected $name=<inputs>, found $1" >&2; exit 2; }
      fi
      harnesses+=("$name"); shift ;;
  esac
done
[ "${#harnesses[@]}" -gt 0 ] || harnesses=("${all[@]}")
for value in "$seconds" "$runs" "$seed"; do
  [[ "$value" =~ ^-?[0-9]+$ ]] || { echo "fuzz.sh: expected an integer, found $value" >&2; exit 2; }
done

if [ ! -x "$build/tests/fuzz/werkstroom_fuzz_scenario" ]; then
  configure_sanitize "$build"
fi
targets=()
for h in "${harnesses[@]}"; do targets+=("werkstroom_fuzz_$h"); done
cmake --build "$build" -j "$WERKSTROOM_JOBS" --target "${targets[@]}" >/dev/null

findings="$build/fuzz-findings"
status_dir="$(mktemp -d)"
work_root="$build/fuzz-corpus"
if [ "$fresh" = 1 ]; then work_root="$(mktemp -d)"; fi
cleanup() {
  rm -rf "$status_dir"
  if [ "$fresh" = 1 ]; then rm -rf "$work_root"; fi
}
trap cleanup EXIT
mkdir -p "$findings"

# run_one HARNESS: fuzzes one harness; writes its exit status to $status_dir/HARNESS.
run_one() {
  local h="$1"
  local work="$work_root/$h"
  local log="$build/fuzz-$h.log"
  mkdir -p "$work"
  local rc=0
  "$build/tests/fuzz/werkstroom_fuzz_$h" -seed="$seed" -runs="${own_runs[$h]:-$runs}" \
    -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 \
    -artifact_prefix="$findings/$h-" -print_final_stats=1 \
    "$work" "tests/fuzz/corpus/$h" "tests/fuzz/regressions/$h" >"$log" 2>&1 || rc=$?
  echo "$rc" >"$status_dir/$h"
}

for h in "${harnesses[@]}"; do
  run_one "$h" &
  while [ "$(jobs -rp | wc -l)" -ge "$WERKSTROOM_JOBS" ]; do wait -n || true; done
done
wait || true

failed=0
for h in "${harnesses[@]}"; do
  log="$build/fuzz-$h.log"
  rc="$(cat "$status_dir/$h" 2>/dev/null || echo 1)"
  done_runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  if [ "$rc" = 0 ]; then
    echo "fuzz $h: ${done_runs:-?} inputs, no finding"
  else
    failed=1
    echo "fuzz $h: FINDING (exit $rc); log $log" >&2
    grep -E "ERROR|SUMMARY|Test unit written|runtime error|uncaught" "$log" | head -20 >&2 || true
    echo "  replay:  $build/tests/fuzz/werkstroom_fuzz_$h <the file named above>" >&2
    echo "  keep it: cp <that file> tests/fuzz/regressions/$h/<what-it-is> (then fix the code)" >&2
  fi
done
exit "$failed"
