#!/usr/bin/env bash
# The scorer benchmark in one run: PyTorch forward and the GEMM peak (training/bench_torch.py, needs
# training/.venv; the weights are read from the model's own model.onnx), then the Java scorer and raw ONNX
# Runtime session.run on the same batch shapes. Writes evaluation/target/benchmark-<model>-T<length>.md.
#   evaluation/benchmark.sh [seconds per cell, default 10] [model dir, default models/smollm2-135m]
#                           [lengths, default "256 512"] [batches, default 1,4,16]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
model="${2:-models/smollm2-135m}"
lengths="${3:-256 512}"
batches="${4:-1,4,16}"
mkdir -p evaluation/target
name=$(basename "$model")
for length in $lengths; do
  torch_args=()
  if [ -x training/.venv/bin/python ]; then
    out="evaluation/target/torch-bench-$name-T$length.json"
    (cd training && .venv/bin/python bench_torch.py --model "../$model/model.onnx" --length "$length" \
      --batches "$batches" --seconds "$seconds" --out "../$out")
    torch_args=(--torch "$out")
  else
    echo "training/.venv missing: PyTorch column left empty (see training/README.md)" >&2
  fi
  evaluation/run.sh ScorerBenchmark --model "$model" --length "$length" --batches "$batches" --seconds "$seconds" \
    "${torch_args[@]}" --out "evaluation/target/benchmark-$name-T$length.md"
done
