#!/usr/bin/env bash
# The exit codes and option rules of the werkstroom command (README, "Exit codes"; issue 16,
# item 5):
#  - 0 for success, --help and --version;
#  - 2 for every usage or input error, CLI11's own included (an unknown option or subcommand, a
#    missing argument, a scenario file that does not exist, a value its check refuses), each
#    with a message naming the option on stderr and before anything is simulated;
#  - whole-number options take decimal digits in range only (--seed -1 and 2^64 are refused,
#    not wrapped; --seed 010 is ten), and no number option takes nan or inf;
#  - 1 for an internal error (a failed write), 130 for an interrupt;
#  - in the MPI build (third argument "mpi"), MPI is started only under an MPI launcher:
#    --version and validate succeed even where MPI_Init would fail.
set -u
bin="$1"
scenarios="$2"
mpi="${3:-}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
s="$scenarios/gooi-en-vechtstreek.toml"

# usage_error PATTERN ARGS...: exits 2, PATTERN (fixed text) on stderr, nothing simulated.
usage_error() {
  local pattern="$1"
  shift
  "$bin" "$@" >"$work/out" 2>"$work/err"
  local code=$?
  [ "$code" -eq 2 ] || fail "werkstroom $* exited with $code, expected 2: $(cat "$work/err")"
  grep -qF -- "$pattern" "$work/err" ||
    fail "werkstroom $*: stderr does not say \"$pattern\": $(cat "$work/err")"
  grep -q "replications\|running" "$work/out" "$work/err" && fail "werkstroom $* simulated"
  return 0
}

# CLI11's own errors.
usage_error "--bogus" run "$s" --bogus
usage_error "nosuchcommand" nosuchcommand
usage_error "scenario is required" run
usage_error "$work/missing.toml" run "$work/missing.toml"
usage_error "$work/missing.toml" compare "$s" "$work/missing.toml"
usage_error "$work/missing.toml" validate "$work/missing.toml"
usage_error "spec is required" calibrate
usage_error "--reps" run "$s" --reps 0
usage_error "--reps" run "$s" --reps abc
usage_error "--reps" run "$s" --reps 1.5
usage_error "--reps" run "$s" --reps
usage_error "--threads" run "$s" --threads -1
usage_error "--lang" run "$s" --lang xx
# Whole numbers: no sign on an unsigned option, nothing past its range, decimal digits only.
usage_error "--seed: expected a whole number (decimal digits, no sign), found \"-1\"" \
  run "$s" --seed -1
usage_error "--seed: 18446744073709551616 is out of range (0 to 18446744073709551615)" \
  run "$s" --seed 18446744073709551616
usage_error "--seed" run "$s" --seed 0x10
usage_error "--seed" robustness "$s" "$s" --seed -1
usage_error "--seed" backtest "$s" --seed 99999999999999999999
usage_error "--trajectories" robustness "$s" "$s" --trajectories 99999999999999999999
# Real numbers: finite only.
usage_error "--probability: expected a finite number, found \"nan\"" advise "$s" --probability nan
usage_error "--probability: expected a finite number, found \"-nan\"" advise "$s" --probability=-nan
usage_error "--max-p90-wait: expected a finite number, found \"inf\"" advise "$s" --max-p90-wait inf
usage_error "--max-p90-wait" advise "$s" --max-p90-wait 1e999
usage_error "--min-placements" advise "$s" --min-placements NaN
usage_error "--instrument-budgets" advise "$s" --instrument-budgets 100000,infinity
# Input errors of the scenario (--set values are numbers of the scenario file).
usage_error "staff.advisors" run "$s" --reps 1 --set staff.advisors=nan
usage_error "staff.intake_patience_mean_days" run "$s" --reps 1 --set staff.intake_patience_mean_days=nan
# An unusable output path.
mkdir "$work/folder.h5"
usage_error "$work/folder.h5: it is a folder" run "$s" --out "$work/folder.h5"

# 0: help, version, and the largest seed (its header shows the seed as taken).
for args in "--help" "run --help" "advise --help" "--version"; do
  # shellcheck disable=SC2086
  "$bin" $args >"$work/out" 2>"$work/err" || fail "werkstroom $args exited with $?"
  [ -s "$work/out" ] || fail "werkstroom $args printed nothing on stdout"
done
"$bin" run "$s" --reps 1 --threads 1 --seed 18446744073709551615 >"$work/out" 2>"$work/err" ||
  fail "--seed 2^64-1 exited with $?: $(cat "$work/err")"
grep -q "seed 18446744073709551615$" "$work/out" || fail "--seed 2^64-1: $(head -1 "$work/out")"
"$bin" run "$s" --reps 1 --threads 1 --seed 010 >"$work/out" 2>"$work/err" ||
  fail "--seed 010 exited with $?: $(cat "$work/err")"
grep -q "seed 10$" "$work/out" || fail "--seed 010 is not ten: $(head -1 "$work/out")"

# 1: an internal error (here a write that fails), 130: an interrupt (here while writing).
WERKSTROOM_IO_FAULT=write:1:eio "$bin" run "$s" --reps 1 --threads 1 --out "$work/x.h5" \
  >"$work/out" 2>"$work/err"
code=$?
[ "$code" -eq 1 ] || fail "a failed write exited with $code, expected 1"
grep -q "werkstroom: error: cannot write results file $work/x.h5: Input/output error" \
  "$work/err" || fail "a failed write: $(cat "$work/err")"
WERKSTROOM_IO_FAULT=write:1:sigint "$bin" run "$s" --reps 1 --threads 1 --out "$work/x.h5" \
  >"$work/out" 2>"$work/err"
code=$?
[ "$code" -eq 130 ] || fail "an interrupt while writing exited with $code, expected 130"
[ ! -e "$work/x.h5" ] || fail "an interrupted write left x.h5"
# 1 too for a replication that fails (injected: what validate accepts runs), on any thread.
WERKSTROOM_REPLICATION_FAULT=2 "$bin" run "$s" --reps 4 --threads 2 --out "$work/x.h5" \
  >"$work/out" 2>"$work/err"
code=$?
[ "$code" -eq 1 ] || fail "a failing replication exited with $code, expected 1"
grep -q "injected fault in replication 2" "$work/err" || fail "no cause: $(cat "$work/err")"
[ ! -e "$work/x.h5" ] || fail "a failed run left x.h5"

# MPI only under a launcher: with an MPI that cannot start (no such transport), the commands
# that need no ranks still work.
if [ "$mpi" = mpi ]; then
  env -u OMPI_COMM_WORLD_SIZE -u PMIX_RANK -u PMI_RANK -u PMI_SIZE OMPI_MCA_pml=no-such-pml \
    "$bin" --version >"$work/out" 2>"$work/err" ||
    fail "--version started MPI (exit $?): $(head -3 "$work/err")"
  env -u OMPI_COMM_WORLD_SIZE -u PMIX_RANK -u PMI_RANK -u PMI_SIZE OMPI_MCA_pml=no-such-pml \
    "$bin" validate "$s" >"$work/out" 2>"$work/err" ||
    fail "validate started MPI (exit $?): $(head -3 "$work/err")"
  # The check has power: forced to start MPI, the same environment fails.
  WERKSTROOM_MPI_INIT=1 OMPI_MCA_pml=no-such-pml "$bin" --version >"$work/out" 2>"$work/err" &&
    fail "MPI_Init did not fail with OMPI_MCA_pml=no-such-pml: the check above proves nothing"
  echo "MPI: not started without a launcher"
fi
echo "cli contracts: all passed"
