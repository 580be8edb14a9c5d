#!/usr/bin/env bash
# werkstroom-viz given a file named .h5 that is no werkstroom results or robustness file stops
# before any window opens (no display needed) with exit code 2 and a message naming the file
# and what the viewer opens; it used to parse it as TOML (issue 16, item 5).
set -u
viz="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
printf 'not HDF5\n' >"$work/notes.h5"
env -u DISPLAY "$viz" "$work/notes.h5" >"$work/out" 2>"$work/err"
code=$?
[ "$code" -eq 2 ] || fail "exit code $code, expected 2: $(cat "$work/err")"
grep -qF "werkstroom-viz: $work/notes.h5: not an HDF5 file; the viewer opens scenario files" \
  "$work/err" || fail "message: $(cat "$work/err")"
echo "viewer: a file named .h5 that is not HDF5 is refused with exit code 2"
