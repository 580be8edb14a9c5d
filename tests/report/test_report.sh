#!/usr/bin/env bash
# `werkstroom report` as the board gets it: the default comparison with few replications,
# written as HTML and PDF (and the run's HDF5 results), then both documents rendered to PNG
# (headless Chromium; pdftoppm) and checked by check_report.py: the images are not blank and
# hold charts in colour, and the documents' text holds each scenario's mean placements in Dutch
# form as computed independently from the HDF5 results of the same run.
# Usage: test_report.sh WERKSTROOM_BINARY SCENARIOS_DIR ARTEFACTS_DIR
set -euo pipefail
bin="$1"
scenarios="$2"
artefacts="$3"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$artefacts"
rm -f "$artefacts"/report-*.png

"$bin" report "$scenarios/gooi-en-vechtstreek.toml" "$scenarios/scale-up-3fte.toml" --reps 6 \
  --seed 11 --threads 2 --out "$work/report.html" --pdf "$work/report.pdf" \
  --results "$work/run.h5" >"$work/stdout.txt"
grep -q "report written to $work/report.html" "$work/stdout.txt"
if ls "$work" | grep -q '\.tmp\.'; then
  echo "FAIL: a temporary file was left" >&2
  exit 1
fi

# Files that cannot be written, or a robustness file that is none, stop the command before the
# run with exit code 2 and write nothing.
for bad in "--out /dev/null" "--out $work/bad.html --pdf $work" \
           "--out $work/bad.html --robustness $work/run.h5"; do
  status=0
  # shellcheck disable=SC2086 # the options are split on purpose
  "$bin" report "$scenarios/gooi-en-vechtstreek.toml" "$scenarios/scale-up-3fte.toml" --reps 2 \
    $bad >"$work/bad.out" 2>"$work/bad.err" || status=$?
  if [ "$status" -ne 2 ] || [ -e "$work/bad.html" ] || grep -q "replications" "$work/bad.err"; then
    echo "FAIL: 'report $bad' gave exit code $status (expected 2, before any run)" >&2
    cat "$work/bad.err" >&2
    exit 1
  fi
done

# The HTML as a browser shows it at 1366 pixels (its stderr is noise, kept apart).
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --user-data-dir="$work/chromium-profile" --window-size=1366,3000 \
  --screenshot="$artefacts/report-html.png" "file://$work/report.html" \
  >"$work/chromium.out" 2>"$work/chromium.err" || {
  cat "$work/chromium.err" >&2
  echo "FAIL: chromium could not render the report" >&2
  exit 1
}
# The PDF's pages at 60 dpi, and its text.
pdftoppm -png -r 60 "$work/report.pdf" "$artefacts/report-pdf"
pdftotext -enc UTF-8 "$work/report.pdf" "$work/report-pdf.txt"

/usr/bin/python3 "$here/check_report.py" "$work/run.h5" "$work/report.html" \
  "$work/report-pdf.txt" "$artefacts"/report-html.png "$artefacts"/report-pdf-*.png
echo "rendered pages kept in $artefacts:"
ls -1 "$artefacts"/report-*.png

# With a robustness file: a small screening of the same comparison, then the report's section
# "De aannames die het meest uitmaken" must list every assumption taken to its extremes, by its
# readable name and key, with the net savings differences at both ends as the CSV of the same
# screening gives them (check_report_robustness.py formats them independently).
"$bin" robustness "$scenarios/gooi-en-vechtstreek.toml" "$scenarios/scale-up-3fte.toml" \
  --trajectories 1 --reps 1 --top 3 --extreme-reps 2 --threads 2 --out "$work/rob.h5" \
  --csv "$work/rob.csv" >"$work/rob.out"
"$bin" report "$scenarios/gooi-en-vechtstreek.toml" "$scenarios/scale-up-3fte.toml" --reps 2 \
  --seed 11 --threads 2 --robustness "$work/rob.h5" --out "$work/report-rob.html" \
  --pdf "$work/report-rob.pdf" >"$work/stdout-rob.txt"
pdftotext -enc UTF-8 "$work/report-rob.pdf" "$work/report-rob-pdf.txt"
/usr/bin/python3 "$here/check_report_robustness.py" "$work/rob.csv" "$work/rob.h5" \
  "$work/report-rob.html" "$work/report-rob-pdf.txt"
