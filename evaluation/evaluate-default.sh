#!/usr/bin/env bash
# Regenerates everything docs/evaluation.md reports on a model, in order:
#   1. the feature cache (Java scorer over the labeled data; training/work/features-<model>),
#   2. the PAWN head <model>/pawn.onnx + pawn.json and its MODEL_CARD.md section,
#   3. the evaluation report (report-<model>/) and <model>/calibration.json, from the cache,
#   4. leave-one-generator-out and leave-one-domain-out PAWN runs (training/work/pawn-holdout-<model>.md).
#   evaluation/evaluate-default.sh [model dir, default models/smollm2-135m] [pairs per data file, default 40; 0 = all]
#                                  [data dir, default ../shared/data/detection] [holdout epochs, default 3]
# On the default model (~0.3 GFLOP per token) 40 pairs per file is 1,600 texts, about 0.3M tokens: 30-40
# minutes of scoring on 2 cores (511 tokens at most: one 512-window with BOS). models/tiny with 0 (all 14,422 texts) takes about two hours.
# Needs training/.venv (training/README.md). Steps already done are not skipped: it always rebuilds.
set -euo pipefail
cd "$(dirname "$0")/.."
model="${1:-models/smollm2-135m}"
pairs="${2:-40}"
data="${3:-../shared/data/detection}"
holdout_epochs="${4:-3}"
name=$(basename "$model")
features="training/work/features-$name"
evaluation/run.sh CacheFeatures --data "$data" --out "$features" --model "$model" --max-tokens 511 \
  --max-pairs-per-file "$pairs"
training/.venv/bin/python training/train_pawn.py --features "$features" --out "$model"
evaluation/run.sh Evaluate --data "$data" --out "report-$name/" --model "$model" --features "$features" --max-tokens 511 \
  --max-pairs-per-file "$pairs" --calibrate-out "$model/calibration.json"
training/.venv/bin/python training/train_pawn.py --features "$features" --holdout all --epochs "$holdout_epochs" \
  --results "training/work/pawn-holdout-$name.jsonl"
echo "report-$name/report.md, $model/{pawn.onnx,pawn.json,calibration.json,MODEL_CARD.md}, training/work/pawn-holdout-$name.md"
