#!/usr/bin/env bash
# End-to-end type-I check (docs/statistics.md): samples texts from the default model itself (temperature 1,
# no truncation, 64-512 tokens, each token drawn given exactly the window the scorer scores it in, so H0 holds
# exactly also past the 256-token context), scores them with the Java scorer, and tests them; then the human
# texts of the detection data, by length.
#   evaluation/type-one-check.sh [samples, default 600] [max human texts, default 600]
# Needs training/.venv (training/README.md); samples from the shipped models/tiny/model.onnx.
set -euo pipefail
cd "$(dirname "$0")/.."
samples="${1:-600}"
humans="${2:-600}"
mkdir -p evaluation/target
(cd training && .venv/bin/python sample_texts.py ../evaluation/target/samples.jsonl -n "$samples" --min-len 64 \
  --max-len 512 --group 10 --seed 7)
evaluation/run.sh TypeOneErrorCheck --samples evaluation/target/samples.jsonl --human ../shared/data/detection \
  --max-human "$humans" --out evaluation/target/type-one-error.md
