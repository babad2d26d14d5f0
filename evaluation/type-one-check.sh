#!/usr/bin/env bash
# End-to-end type-I check (docs/statistics.md): samples texts from the model itself (temperature 1, no
# truncation, each token drawn given exactly the window the scorer scores it in, with a KV cache), scores them
# with the Java scorer, and tests them; then the human texts of the detection data, by length.
#   evaluation/type-one-check.sh [samples, default 520] [max human texts, default 600]
#                                [model dir, default models/smollm2-135m] [min length, default 64] [max length, default 256]
# Needs training/.venv (training/README.md). The default model: about 15 minutes of sampling on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
samples="${1:-520}"
humans="${2:-600}"
model="${3:-models/smollm2-135m}"
min_len="${4:-64}"
max_len="${5:-256}"
name=$(basename "$model")
mkdir -p evaluation/target
(cd training && .venv/bin/python sample_texts.py "../evaluation/target/samples-$name.jsonl" -n "$samples" \
  --min-len "$min_len" --max-len "$max_len" --group 26 --seed 7 --model "../$model/model.onnx" \
  --tokenizer "../$model/tokenizer.json")
evaluation/run.sh TypeOneErrorCheck --model "$model" --samples "evaluation/target/samples-$name.jsonl" \
  --human ../shared/data/detection --max-human "$humans" --out "evaluation/target/type-one-error-$name.md"
