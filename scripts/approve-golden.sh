#!/usr/bin/env bash
# The explicit approval step for golden files (tests/model/test_golden.cpp): a golden test that
# finds a different output writes it beside the golden file as <name>.new and fails. This
# script shows each difference and, when you confirm (or pass --yes), moves the new output over
# the golden file. Commit the result with the reason for the change.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
yes=""
[ "${1:-}" = "--yes" ] && yes=1
shopt -s nullglob
proposals=("$root"/tests/model/golden/*.new)
if [ "${#proposals[@]}" -eq 0 ]; then
  echo "no new golden output to approve (run the golden tests first)"
  exit 0
fi
for proposal in "${proposals[@]}"; do
  golden="${proposal%.new}"
  echo "== $(basename "$golden")"
  diff -u "$golden" "$proposal" || true
  if [ -z "$yes" ]; then
    read -r -p "approve this change? [y/N] " answer
    [ "$answer" = "y" ] || { echo "left as it was"; continue; }
  fi
  mv "$proposal" "$golden"
  echo "approved: $golden"
done
