#!/usr/bin/env bash
# Type-I under real generation (docs/statistics.md): samples from the model in each way a generator really
# produces text, then scores and tests them with the Java scorer, one summary row per mode and scoring:
#   exact     each token drawn given exactly the scorer's window (H0 exact; the baseline)
#   sliding   a sliding context of C-1 tokens past the model's context C (lengths 1.2-1.5 C)
#   eos       stopped at the end-of-text token or at C-1 tokens (a data-dependent length)
#   prompted  continuing the first 16-48 tokens of a human document (../shared/corpora), prompt not scored
# and every mode also scored as decoded text through the service's tokenizer (--score both).
#   evaluation/type-one-generation.sh [samples per mode, default 500] [model dir, default models/tiny]
# Needs training/.venv (training/README.md). Samples go to training/work/typeone/. On 2 shared cores the small
# model takes about 1-2 hours for 500 samples of each mode (sliding is the slowest: one full forward per token).
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-500}"
model="${2:-models/tiny}"
name=$(basename "$model")
context=$(python3 -c "import json, sys; print(json.load(open(sys.argv[1]))['context_length'])" "$model/model.json")
out=training/work/typeone
mkdir -p "$out"
sample() {  # mode, seed, extra arguments
  (cd training && nice -n 5 .venv/bin/python sample_texts.py "../$out/$name-$1.jsonl" --mode "$1" -n "$n" \
    --seed "$2" --model "../$model/model.onnx" --tokenizer "../$model/tokenizer.json" --threads 2 "${@:3}")
}
sample exact 13 --group 25 --min-len 64 --max-len $((context - 1))
sample eos 11 --group 25 --max-len $((context - 1))
sample prompted 12 --group 25 --min-len 64 --max-len $((context - 56)) --prompt-min 16 --prompt-max 48
sample sliding 14 --group 16 --min-len $((context * 6 / 5)) --max-len $((context * 3 / 2))
files=$(for mode in exact sliding eos prompted; do printf '%s,' "$out/$name-$mode.jsonl"; done)
evaluation/run.sh TypeOneErrorCheck --model "$model" --samples "${files%,}" --score both \
  --accept-inexact-h0 true --max-human 0 --out "evaluation/target/type-one-generation-$name.md"
