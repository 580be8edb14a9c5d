# Shell helpers of the command-line tests (test_cli.sh, test_output_faults.sh), sourced by them.

fail() { echo "FAIL: $*"; exit 1; }

# wait_for FILE PATTERN PID: until PATTERN appears in FILE; fails if PID ends first or after
# 300 s (a bound for a loaded machine, not a synchronisation).
wait_for() {
  local i
  for ((i = 0; i < 3000; i++)); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    kill -0 "$3" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# only_files DIR NAME...: DIR holds exactly these entries (no temporary or lock file left).
only_files() {
  local dir="$1"
  shift
  [ "$(cd "$dir" && ls -A | sort | tr '\n' ' ')" = "$(printf '%s\n' "$@" | sort | tr '\n' ' ')" ]
}
