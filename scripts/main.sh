#!/usr/bin/env bash
# Command 1 of the README: installs what is missing, builds, and runs the main job.
# Extra arguments are passed to the werkstroom command.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$WERKSTROOM_ROOT/scripts/setup.sh"
build="$WERKSTROOM_ROOT/build/release"
configure "$build" -DCMAKE_BUILD_TYPE=Release
cmake --build "$build" -j "$WERKSTROOM_JOBS" --target werkstroom >/dev/null
cd "$WERKSTROOM_ROOT"  # the main job writes results/latest.h5 here (ignored by git)
exec "$build/sim/werkstroom" "$@"
