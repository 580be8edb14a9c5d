# Shared by scripts/main.sh and scripts/test.sh: paths and the configure-once helper.
# shellcheck shell=bash
WERKSTROOM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WERKSTROOM_JOBS="$(nproc 2>/dev/null || echo 2)"

# configure BUILD_DIR [cmake args...]: configures only when the directory has no cache yet or
# the arguments changed, so re-running a command on a built tree is quick.
configure() {
  local dir="$1"
  shift
  local stamp="$dir/.werkstroom-configure-args"
  local args="$*"
  if [ ! -f "$dir/CMakeCache.txt" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$args" ]; then
    cmake -S "$WERKSTROOM_ROOT" -B "$dir" "$@" >/dev/null
    printf '%s' "$args" >"$stamp"
  fi
}
