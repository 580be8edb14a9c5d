#!/usr/bin/env bash
# Compares two builds of the replication benchmark (bench/replication_speed.cpp), say main and a
# change, on a machine whose speed drifts (a shared VM: the same binary ran the default
# scenario's population in 22 to 36 ms within ten minutes on 2026-12-03).
#
# Method: simultaneous pairs. In each round A and B run at the same time, A on CPU 0 and B on
# CPU 1, then again with the CPUs swapped. A slow spell of the host that hits both CPUs hits
# both runs of a half-round alike, and the swap cancels a difference between the CPUs; the
# round's ratio is the geometric mean of its two B/A ratios, and the median over the rounds is
# reported. A slow spell of one CPU alone is not cancelled: the A/A control (`--control`: A
# against a copy of itself in the same rounds) shows how large a difference this day's machine
# can resolve. On 2026-12-03 its rounds ranged from 0.75 to 1.32 in the evening and from 0.89
# to 1.03 an hour earlier; a difference smaller than the control's spread is not measured.
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
if [ "$(nproc)" -lt 2 ]; then
  echo "bench/ab.sh: needs two CPUs, this machine has $(nproc)" >&2
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
together() {
  taskset -c 0 "$1" "$scenario" "$reps" >"$out/x" 2>&1 &
  local pid=$!
  taskset -c 1 "$2" "$scenario" "$reps" >"$out/y" 2>&1
  wait "$pid"
  echo "$(figures "$out/x") $(figures "$out/y")"
}

echo "A = $a"
echo "B = $b"
echo "$rounds rounds of $reps replications of $(basename "$scenario"); ratios are B/A (< 1: B faster)"
for ((i = 1; i <= rounds; ++i)); do
  echo "ab $(together "$a" "$b") $(together "$b" "$a")"
  if [ "$control" = 1 ]; then echo "aa $(together "$a" "$a") $(together "$a" "$a")"; fi
done | /usr/bin/python3 -c '
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
'
