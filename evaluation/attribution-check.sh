#!/usr/bin/env bash
# Attribution among hosted models, measured (docs/statistics.md, "Attribution among hosted models"): texts sampled
# from each model are scored under every model from their text (each model's own tokenizer, as the service does),
# each model's provenance test is run at alpha / K (Bonferroni over the K models), and the confusion table is written.
#   evaluation/attribution-check.sh [samples per model, default 200]
# Samples (training/sample_texts.py, temperature 1, exact window plan, 64-200 tokens):
#   models/tiny:          training/work/attr-tiny.jsonl (drawn here when missing; about 2 minutes on one core)
#   models/smollm2-135m:  training/work/attr-smollm2.jsonl (drawn here when missing; slower: the 135M model), or
#                         SMOLLM2_SAMPLES=FILE[+FILE...] to use existing exact-mode samples of it
# Needs training/.venv (training/README.md). Scoring under the 135M model dominates: about 0.3 GFLOP per token.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-200}"
mkdir -p training/work evaluation/target
sample() {  # model dir, out file, seed
  [ -s "$2" ] || (cd training && nice -n 5 .venv/bin/python sample_texts.py "../$2" -n "$n" --min-len 64 \
    --max-len 200 --group 20 --seed "$3" --threads 1 --model "../$1/model.onnx" --tokenizer "../$1/tokenizer.json")
}
sample models/tiny training/work/attr-tiny.jsonl 31
smollm2="${SMOLLM2_SAMPLES:-}"
if [ -z "$smollm2" ]; then
  sample models/smollm2-135m training/work/attr-smollm2.jsonl 32
  smollm2=training/work/attr-smollm2.jsonl
fi
nice -n 5 evaluation/run.sh AttributionCheck --sources "models/smollm2-135m=$smollm2,models/tiny=training/work/attr-tiny.jsonl" \
  --max-per-source "$n" --out evaluation/target/attribution.md --records evaluation/target/attribution.jsonl
