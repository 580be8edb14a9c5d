#!/bin/bash
# The whole window under Xvfb: werkstroom-viz renders two scenarios, waits for the simulation,
# moves a lever as a released slider does, waits again, saves a screenshot; the checker then
# checks its size and that the charts show something. --check-redraw makes the viewer draw one
# more frame whole and fail if the picture it built by redrawing only what changed differs.
# Usage: run_screenshot.sh VIEWER CHECKER OUT.png SCENARIO...
set -euo pipefail
viewer=$1
checker=$2
out=$3
shift 3
rm -f "$out"
# Settings go to the build tree, never to the user's ~/.config.
export XDG_CONFIG_HOME
XDG_CONFIG_HOME=$(dirname "$out")/viz-config
xvfb-run -a -s "-screen 0 1600x1000x24" "$viewer" --screenshot "$out" --reps 5 --timeout 240 \
  --bench-lever inflow --check-redraw "$@"
test -s "$out"
"$checker" "$out" 1600 1000
