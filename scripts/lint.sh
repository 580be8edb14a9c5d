#!/usr/bin/env bash
# clang-tidy over the project's own sources (not the tests) with the checks in .clang-tidy,
# against the compile commands of a configured build (default build/release). Prints the
# findings and exits non-zero when there are any. Run by scripts/test.sh.
# Usage: scripts/lint.sh [BUILD_DIR]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
build="${1:-$WERKSTROOM_ROOT/build/release}"
cd "$WERKSTROOM_ROOT"
[ -f "$build/compile_commands.json" ] || { echo "no $build/compile_commands.json" >&2; exit 2; }
mapfile -t sources < <(git ls-files 'sim/*.cpp' 'calibration/*.cpp' 'viz/*.cpp' 'bench/*.cpp')
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# One file per process, as many processes as cores; LTO flags are GCC's, not clang's.
printf '%s\n' "${sources[@]}" |
  xargs -P "$WERKSTROOM_JOBS" -n 1 clang-tidy -p "$build" --quiet \
    --extra-arg=-Wno-ignored-optimization-argument >"$log" 2>&1 || true
if grep -E "(warning|error):" "$log" | grep -v "^/usr" >/dev/null; then
  grep -E -A3 "(warning|error):" "$log" | grep -v "^/usr"
  echo "clang-tidy: findings above" >&2
  exit 1
fi
echo "clang-tidy: ${#sources[@]} files, no findings"
