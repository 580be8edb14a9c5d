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
    # No stamp for a failed configure (also where set -e does not apply: `configure ... || ...`).
    cmake -S "$WERKSTROOM_ROOT" -B "$dir" "$@" >/dev/null || return $?
    printf '%s' "$args" >"$stamp"
  fi
}

# The sanitizer build of scripts/test.sh and scripts/fuzz.sh (build/sanitize): clang, because
# libFuzzer is clang's (Debian's libclang-rt-14-dev); ASan + UBSan; the fuzz harnesses of
# tests/fuzz; no MPI (the single-machine build) and no benchmarks. -O1 with line tables (-g1)
# as the sanitizers' documentation advises: their reports need no more, and it builds faster.
# NDEBUG as in every build type (sim/scenario/toml_document.hpp says why toml++ needs it).
# configure_sanitize BUILD_DIR: configures it so. The compiler comes from CC and CXX, which CMake
# reads only when it makes a cache (as a -D argument it would wipe the cache on every re-run).
WERKSTROOM_SANITIZE_ARGS=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG"
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG" -DWERKSTROOM_WERROR=ON
  -DWERKSTROOM_SANITIZE=ON -DWERKSTROOM_FUZZ=ON -DWERKSTROOM_BUILD_BENCH=OFF
  -DWERKSTROOM_MPI=OFF)
configure_sanitize() {
  CC=clang CXX=clang++ configure "$1" "${WERKSTROOM_SANITIZE_ARGS[@]}"
}
