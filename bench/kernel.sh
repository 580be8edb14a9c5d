#!/usr/bin/env bash
# Runs the kernel benchmarks recorded in BENCHMARKS.md (issues 2 and 17): the hold model, and
# the M/M/c+M model in werkstroom against the same model in SimPy 3 (python3-simpy3, what users
# run today) and SimPy 2.3 (python3-simpy), measured in one run as pairs A B A B ...: each pair
# gives a ratio of customers per second, and the median of the pair ratios is reported, so a
# drift of the machine's speed during the run (a shared VM) cancels within each pair.
#   usage: bench/kernel.sh [pairs] [cpu]     (defaults: 7 pairs, pinned to the last CPU)
# Build first with scripts/main.sh or scripts/test.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/build/release/bench"
pairs="${1:-7}"
cpu="${2:-$(($(nproc) - 1))}"
pin=(taskset -c "$cpu")

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); pinned to CPU $cpu"
"${pin[@]}" "$bin/werkstroom_bench_hold" 20000000

# customers per second from a benchmark's second output line
rate() { sed -n 2p | sed 's/.*customers_per_second=\([0-9]*\).*/\1/'; }
median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

# Simulated days per run: each side runs a few seconds.
ours_days=500000 simpy3_days=30000 simpy2_days=10000
ratios3=() ratios2=() ours_all=() s3_all=() s2_all=()
for ((i = 1; i <= pairs; ++i)); do
  ours=$("${pin[@]}" "$bin/werkstroom_bench_mmc" "$ours_days" | rate)
  s3=$("${pin[@]}" /usr/bin/python3 "$root/bench/mmc_simpy3.py" "$simpy3_days" | rate)
  s2=$("${pin[@]}" /usr/bin/python3 "$root/bench/mmc_simpy.py" "$simpy2_days" | rate)
  r3=$(awk -v a="$ours" -v b="$s3" 'BEGIN {printf "%.1f", a / b}')
  r2=$(awk -v a="$ours" -v b="$s2" 'BEGIN {printf "%.1f", a / b}')
  echo "pair $i: werkstroom $ours, SimPy 3 $s3, SimPy 2.3 $s2 customers/s; ratios ${r3}x, ${r2}x"
  ratios3+=("$r3") ratios2+=("$r2") ours_all+=("$ours") s3_all+=("$s3") s2_all+=("$s2")
done
echo "median customers/s: werkstroom $(printf '%s\n' "${ours_all[@]}" | median)," \
  "SimPy 3 $(printf '%s\n' "${s3_all[@]}" | median), SimPy 2.3 $(printf '%s\n' "${s2_all[@]}" | median)"
echo "median of the pair ratios: werkstroom / SimPy 3 = $(printf '%s\n' "${ratios3[@]}" | median)x," \
  "werkstroom / SimPy 2.3 = $(printf '%s\n' "${ratios2[@]}" | median)x"
