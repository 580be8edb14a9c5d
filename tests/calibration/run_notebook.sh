#!/usr/bin/env bash
# ctest "notebook_calibration": runs a quick calibration of the real WW fit
# (tests/calibration/data/gooi-ww-fit-quick.toml) with `werkstroom calibrate`, checks its
# outputs (the HDF5 file, and the calibrated scenario, which `werkstroom validate` must accept),
# and executes notebooks-data/calibration.ipynb on the HDF5 file headless. Everything it makes
# goes to the build tree.
# Usage: run_notebook.sh WERKSTROOM_PROGRAM SOURCE_DIR BUILD_DIR
set -euo pipefail
if [ "$#" -ne 3 ]; then
  echo "usage: $0 WERKSTROOM_PROGRAM SOURCE_DIR BUILD_DIR" >&2
  exit 2
fi
werkstroom="$1"
source_dir="$2"
build_dir="$3"
output="$build_dir/notebook-calibration"
calibration="$output/calibration.h5"
scenario="$output/calibration-scenario.toml"  # the command's default: beside --out
jupyter=/usr/bin/jupyter

rm -rf "$output"
mkdir -p "$output"
# Jupyter, IPython and matplotlib keep state under $HOME; keep it in the build tree instead.
export JUPYTER_RUNTIME_DIR="$output/jupyter-runtime"
export IPYTHONDIR="$output/ipython"
export MPLCONFIGDIR="$output/matplotlib"
export MPLBACKEND=Agg

echo "== 1. quick calibration ($calibration)"
"$werkstroom" calibrate "$source_dir/tests/calibration/data/gooi-ww-fit-quick.toml" \
  --out "$calibration" --threads 2
for file in "$calibration" "$scenario"; do
  test -s "$file" || { echo "missing $file" >&2; exit 1; }
done

echo "== 2. the calibrated scenario ($scenario)"
"$werkstroom" validate "$scenario"
grep -q "calibrated: calibration.h5" "$scenario" || {
  echo "$scenario: no value labelled 'calibrated: calibration.h5'" >&2
  exit 1
}

echo "== 3. execute the notebook"
WERKSTROOM_CALIBRATION="$calibration" WERKSTROOM_FIGURES="$output" \
  "$jupyter" nbconvert --to notebook --execute --ExecutePreprocessor.timeout=300 \
  --output-dir "$output" --output calibration.executed.ipynb \
  "$source_dir/notebooks-data/calibration.ipynb"
for file in calibration.executed.ipynb calibration_fit.png calibration_posterior.png \
  calibration_smm_trace.png; do
  test -s "$output/$file" || { echo "missing $output/$file" >&2; exit 1; }
done
echo "notebook_calibration: OK ($output)"
