#!/usr/bin/env bash
# The scorer benchmark in one run: PyTorch forward (training/bench_torch.py, needs training/.venv; the weights
# are rebuilt in torch from models/tiny/model.onnx itself), then the Java scorer and raw
# ONNX Runtime session.run on the same batch shapes. Writes evaluation/target/benchmark.md.
#   evaluation/benchmark.sh [seconds per cell, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
mkdir -p evaluation/target
if [ -x training/.venv/bin/python ]; then
  (cd training && .venv/bin/python bench_torch.py --seconds "$seconds" --out ../evaluation/target/torch-bench.json)
  torch_args=(--torch evaluation/target/torch-bench.json)
else
  echo "training/.venv missing: PyTorch column left empty (see training/README.md)" >&2
  torch_args=()
fi
evaluation/run.sh ScorerBenchmark --seconds "$seconds" "${torch_args[@]}" --out evaluation/target/benchmark.md
