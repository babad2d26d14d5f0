#!/usr/bin/env bash
# Regenerates everything issue 4 measured on the bundled model, in order (about two hours on 2 cores):
#   1. the feature cache (Java scorer over the labeled data; training/work/features, ~3.5 GB),
#   2. the PAWN head models/tiny/pawn.onnx + pawn.json, its MODEL_CARD.md section and its Java fixture,
#   3. the evaluation report (report/) and models/tiny/calibration.json, from the cache,
#   4. leave-one-generator-out and leave-one-domain-out PAWN runs (training/work/pawn-holdout.md).
#   evaluation/evaluate-default.sh [data dir, default ../shared/data/detection] [holdout epochs, default 2, as in docs/evaluation.md]
# Needs training/.venv (training/README.md). Steps already done are not skipped: it always rebuilds.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data/detection}"
holdout_epochs="${2:-2}"
features=training/work/features
evaluation/run.sh CacheFeatures --data "$data" --out "$features"
training/.venv/bin/python training/train_pawn.py --features "$features" --out models/tiny \
  --fixture pawn-head/src/test/resources/default/pawn-fixture.json
evaluation/run.sh Evaluate --data "$data" --out report/ --features "$features" \
  --calibration models/tiny/calibration.json
rm -f training/work/pawn-holdout.jsonl
training/.venv/bin/python training/train_pawn.py --features "$features" --holdout all --epochs "$holdout_epochs"
echo "report/report.md, models/tiny/{pawn.onnx,pawn.json,calibration.json,MODEL_CARD.md}, training/work/pawn-holdout.md"
