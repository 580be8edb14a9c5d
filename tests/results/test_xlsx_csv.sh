#!/usr/bin/env bash
# The Excel workbook and the CSV dialects as a user gets them: one comparison run twice with the
# same seed (en: --out, --csv, --xlsx; nl: --lang nl --csv-dialect nl --xlsx), then
# check_xlsx_csv.py reads everything back and recomputes it independently.
# Usage: test_xlsx_csv.sh WERKSTROOM_BINARY SCENARIOS_DIR
set -euo pipefail
bin="$1"
scenarios="$2"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
args=(compare "$scenarios/gooi-en-vechtstreek.toml" "$scenarios/scale-up-3fte.toml" --reps 3
      --seed 7 --threads 2)
"$bin" "${args[@]}" --out "$work/en.h5" --csv "$work/en" --xlsx "$work/en.xlsx" >"$work/en.txt"
"$bin" "${args[@]}" --lang nl --csv "$work/nl" --csv-dialect nl --xlsx "$work/nl.xlsx" \
  >"$work/nl.txt"
# Nothing but the results: no temporary files left beside them.
if ls "$work" "$work/en" "$work/nl" | grep -q '\.tmp\.'; then
  echo "FAIL: a temporary file was left" >&2
  exit 1
fi
/usr/bin/python3 "$here/check_xlsx_csv.py" "$work"
