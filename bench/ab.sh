#!/usr/bin/env bash
# Compares two builds of the replication benchmark (bench/replication_speed.cpp), say main and a
# change, on a machine whose speed drifts (a shared VM: BENCHMARKS.md, issue 17 item 2, has the
# spread of one binary's runs within minutes).
#
# Method: simultaneous pairs. In each round A and B run at the same time, A on CPU 0 and B on
# CPU 1, then again with the CPUs swapped. A slow spell of the host that hits both CPUs slows
# both runs of a half-round, and the swap cancels a difference between the CPUs; the round's
# ratio is the geometric mean of its two B/A ratios, and the median over the rounds is reported.
# Limits: a slow spell of one CPU alone is not cancelled; the population is timed in the run's
# third loop, which the two runs begin at different moments once they differ in speed; and the
# two runs share the caches and the memory bus. The A/A control (`--control`: A against the same
# program in the same rounds) shows what all of that leaves: a difference smaller than its
# spread is not measured.
#
#   usage: bench/ab.sh [--control] A B [rounds] [replications] [scenario]
#     A, B          werkstroom_bench_replication programs (copy the old one before rebuilding)
#     --control     also run A against A in the same rounds
#     rounds        default 8; replications per run default 15; scenario default the region's
# Needs two CPUs and nothing else running (a build or a test beside it is measured too).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
control=0
if [ "${1:-}" = "--control" ]; then
  control=1
  shift
fi
if [ $# -lt 2 ]; then
  sed -n '/^#   usage/,/^#     rounds/p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
a="$1" b="$2" rounds="${3:-8}" reps="${4:-15}"
scenario="${5:-$root/scenarios/gooi-en-vechtstreek.toml}"
if ! taskset -c 0 true 2>/dev/null || ! taskset -c 1 true 2>/dev/null; then
  echo "bench/ab.sh: needs CPUs 0 and 1 (taskset -c 0 and -c 1); allowed here: $(taskset -pc $$)" >&2
  exit 2
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# "<ms per replication> <population ms>" of one run's output
figures() {
  sed -n -e 's/.* \([0-9.]*\) ms per replication.*/\1/p' \
    -e 's/.*of which: population \([0-9.]*\) ms.*/\1/p' "$1" | paste -sd' '
}
# One half-round: X on CPU 0 and Y on CPU 1 at the same time; prints "x_total x_pop y_total y_pop".
# A run that fails, or prints no figures, stops the script with its own output.
together() {
  taskset -c 0 "$1" "$scenario" "$reps" >"$out/x" 2>&1 &
  local pid=$! status=0
  taskset -c 1 "$2" "$scenario" "$reps" >"$out/y" 2>&1 || status=$?
  wait "$pid" || status=$?
  local line
  line="$(figures "$out/x") $(figures "$out/y")"
  if [ "$status" != 0 ] || [ "$(wc -w <<<"$line")" != 4 ]; then
    echo "bench/ab.sh: a run failed or printed no figures; its output:" >&2
    cat "$out/x" "$out/y" >&2
    return 1
  fi
  echo "$line"
}

echo "A = $a"
echo "B = $b"
echo "$rounds rounds of $reps replications of $(basename "$scenario"); ratios are B/A (< 1: B faster)"
# Each half-round's figures into a file first: a failed run stops the script here (set -e), not
# in the arithmetic below.
for ((i = 1; i <= rounds; ++i)); do
  first=$(together "$a" "$b")
  second=$(together "$b" "$a")
  echo "ab $first $second" >>"$out/rounds"
  if [ "$control" = 1 ]; then
    first=$(together "$a" "$a")
    second=$(together "$a" "$a")
    echo "aa $first $second" >>"$out/rounds"
  fi
done
/usr/bin/python3 -c '
import math, statistics, sys
ratios = {"ab": ([], []), "aa": ([], [])}
for line in sys.stdin:
    kind, *v = line.split()
    # per half-round: the run on CPU 0, then the one on CPU 1 (total ms, population ms each)
    a0t, a0p, b1t, b1p, b0t, b0p, a1t, a1p = map(float, v)
    # first half: A on CPU 0, B on CPU 1; second half: B on CPU 0, A on CPU 1 (the control: A
    # on both, the same way), so the CPUs swap and their difference cancels
    total = math.sqrt((b1t / a0t) * (b0t / a1t))
    pop = math.sqrt((b1p / a0p) * (b0p / a1p))
    ratios[kind][0].append(total)
    ratios[kind][1].append(pop)
    print(f"round {kind}: per replication {total:.3f}, population {pop:.3f}")
for kind, label in (("ab", "B/A"), ("aa", "A/A control")):
    t, p = ratios[kind]
    if t:
        print(f"median {label}: per replication {statistics.median(t):.3f} "
              f"(rounds {min(t):.3f}-{max(t):.3f}), population {statistics.median(p):.3f} "
              f"(rounds {min(p):.3f}-{max(p):.3f})")
' <"$out/rounds"
