#!/usr/bin/env bash
# ctest "notebook_compare": writes a results file with the hidden Catch2 test case [.notebook],
# checks it against docs/results-schema.md with notebooks-data/check_results.py, and executes
# notebooks-data/compare.ipynb on it headless. Everything it makes goes to the build tree.
# Usage: run_notebook.sh RESULTS_TEST_PROGRAM SOURCE_DIR BUILD_DIR
set -euo pipefail
if [ "$#" -ne 3 ]; then
  echo "usage: $0 RESULTS_TEST_PROGRAM SOURCE_DIR BUILD_DIR" >&2
  exit 2
fi
tests="$1"
source_dir="$2"
build_dir="$3"
results="$build_dir/notebook-results.h5"
output="$build_dir/notebook"
python=/usr/bin/python3
jupyter=/usr/bin/jupyter

rm -rf "$results" "$results.csv" "$output"
mkdir -p "$output"
# Jupyter, IPython and matplotlib keep state under $HOME; keep it in the build tree instead.
export JUPYTER_RUNTIME_DIR="$output/jupyter-runtime"
export IPYTHONDIR="$output/ipython"
export MPLCONFIGDIR="$output/matplotlib"
export MPLBACKEND=Agg

echo "== 1. results file ($results)"
WERKSTROOM_NOTEBOOK_RESULTS="$results" "$tests" "[notebook]" --warn NoTests
test -s "$results"

echo "== 2. check against the schema"
"$python" "$source_dir/notebooks-data/check_results.py" "$results" --csv "$results.csv" \
  --schema "$source_dir/docs/results-schema.md"

echo "== 3. execute the notebook"
WERKSTROOM_RESULTS="$results" WERKSTROOM_FIGURES="$output" \
  "$jupyter" nbconvert --to notebook --execute --ExecutePreprocessor.timeout=300 \
  --output-dir "$output" --output compare.executed.ipynb \
  "$source_dir/notebooks-data/compare.ipynb"
for file in compare.executed.ipynb compare_monthly.png compare_differences.png; do
  test -s "$output/$file" || { echo "missing $output/$file" >&2; exit 1; }
done
echo "notebook_compare: OK ($output)"
