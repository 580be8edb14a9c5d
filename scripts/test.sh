#!/usr/bin/env bash
# Command 2 of the README (and all that .ci/run does): installs what is missing, builds with
# warnings as errors, and runs every test: the Catch2 suites through ctest in random order, the
# same suites again under AddressSanitizer + UndefinedBehaviorSanitizer (built with clang), a
# bounded libFuzzer run of every harness of tests/fuzz, and the format check.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$WERKSTROOM_ROOT/scripts/setup.sh"
cd "$WERKSTROOM_ROOT"

# Inputs per fuzz harness in the test command (scripts/fuzz.sh; tests/fuzz/README.md): about
# 30 s of fuzzing each in the sanitizer build on this machine, where they run at some 350
# (override: a description of the scenario per input), 700 (results: an HDF5 file per input)
# and 1,500 to 4,500 inputs a second (the others).
WERKSTROOM_FUZZ_INPUTS=(scenario=50000 override=10000 results=20000 spec=45000
  monitor_csv=90000 posterior=130000)

echo "== format check (clang-format)"
mapfile -t sources < <(git ls-files '*.cpp' '*.hpp' 2>/dev/null || true)
if [ "${#sources[@]}" -gt 0 ]; then
  clang-format --dry-run -Werror "${sources[@]}"
fi

echo "== release build (warnings are errors; with the MPI backend, tested with mpirun)"
release="$WERKSTROOM_ROOT/build/release"
configure "$release" -DCMAKE_BUILD_TYPE=Release -DWERKSTROOM_WERROR=ON -DWERKSTROOM_MPI=ON
cmake --build "$release" -j "$WERKSTROOM_JOBS" >/dev/null
echo "== clang-tidy (the checks in .clang-tidy)"
"$WERKSTROOM_ROOT/scripts/lint.sh" "$release"
echo "== tests (release)"
ctest --test-dir "$release" -j "$WERKSTROOM_JOBS" --schedule-random --output-on-failure

echo "== sanitizer build (clang; ASan + UBSan; libFuzzer harnesses; without MPI)"
sanitize="$WERKSTROOM_ROOT/build/sanitize"
configure_sanitize "$sanitize"
cmake --build "$sanitize" -j "$WERKSTROOM_JOBS" >/dev/null
echo "== tests (ASan + UBSan)"
# The parameter recovery tests (one region, the seed refits' spread, two copies of a region) and
# the backtest's coverage over 50 synthetic worlds are statistical and take minutes under the
# sanitizers; the same calibration and backtest code runs under them in the smaller tests
# (test_calibrate.cpp: SMM with and without seed refits; test_regions.cpp: a joint fit, its HDF5
# and calibrated scenarios; test_backtest.cpp).
# tests/lsan-suppressions.txt: third-party process-lifetime caches only (fontconfig).
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1
export LSAN_OPTIONS="suppressions=$WERKSTROOM_ROOT/tests/lsan-suppressions.txt:print_suppressions=0"
ctest --test-dir "$sanitize" -j "$WERKSTROOM_JOBS" --schedule-random --output-on-failure \
  -E "recover known parameters|covers a known truth|spread of the optima over seeds|two identical copies of a region"
echo "== fuzzing (libFuzzer; a fixed seed and number of inputs per harness, from the seeds)"
# tests/fuzz/README.md: what each harness checks. scripts/fuzz.sh without --runs fuzzes longer.
"$WERKSTROOM_ROOT/scripts/fuzz.sh" --build "$sanitize" --fresh --seconds 180 \
  "${WERKSTROOM_FUZZ_INPUTS[@]}"
