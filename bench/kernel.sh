#!/usr/bin/env bash
# Runs the kernel benchmarks recorded in BENCHMARKS.md (issue 2): the hold model and the
# M/M/c+M model side by side with SimPy 2.3. Build first with scripts/main.sh or test.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/build/release/bench"
"$bin/werkstroom_bench_hold" 20000000
"$bin/werkstroom_bench_mmc" 500000
/usr/bin/python3 "$root/bench/mmc_simpy.py" 20000
