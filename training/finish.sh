#!/bin/sh
# Post-training pipeline on training/work/ckpt.pt: export + parity, perplexities, model card, Java fixture,
# and a small test sample. Re-run as a whole after any new checkpoint so that the sha256 values match.
set -e
cd "$(dirname "$0")"
PY=.venv/bin/python
$PY export_onnx.py --check
$PY evaluate_lm.py
$PY model_card.py
$PY make_fixtures.py
$PY sample_texts.py work/samples.jsonl -n 32
ls -la ../models/tiny ../scoring/src/test/resources/reference/scoring-reference.json
du -sh ../models/tiny
