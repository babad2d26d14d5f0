#!/usr/bin/env bash
# Type-I under real generation (docs/statistics.md): samples from the model in each way a generator really
# produces text, then scores and tests them with the Java scorer, one summary row per mode and scoring:
#   exact     each token drawn given exactly the scorer's window (H0 exact; the baseline)
#   sliding   a sliding context of C-1 tokens past the model's context C (lengths 1.2-1.5 C)
#   eos       stopped at the end-of-text token or at C-1 tokens (a data-dependent length)
#   prompted  continuing the first 16-48 tokens of a human document (../shared/corpora), prompt not scored
# and every mode also scored as decoded text through the service's tokenizer (--score both).
#   evaluation/type-one-generation.sh [passes, default "2 3"] [model dir, default models/tiny]
# Each pass p samples 225 eos, 250 prompted, 250 exact and 128 sliding texts with seeds p1, p2, p3, p4 into
# training/work/typeone/<model>-<mode>-s<seed>.jsonl (a file already complete is kept, so a stopped run resumes
# at the next file). docs/statistics.md's table is passes 2 and 3. Needs training/.venv (training/README.md).
# On 2 shared cores the small model takes about 2.5 hours for the two passes (sliding is the slowest: one full
# forward per token).
set -euo pipefail
cd "$(dirname "$0")/.."
passes="${1:-2 3}"
model="${2:-models/tiny}"
name=$(basename "$model")
context=$(python3 -c "import json, sys; print(json.load(open(sys.argv[1]))['context_length'])" "$model/model.json")
out=training/work/typeone
mkdir -p "$out"
files=()
sample() {  # mode, seed, count, extra arguments
  local file="$out/$name-$1-s$2.jsonl"
  files+=("$file")
  if [ -f "$file" ] && [ "$(wc -l < "$file")" -ge "$3" ]; then return; fi
  rm -f "$file"
  (cd training && nice -n 5 .venv/bin/python sample_texts.py "../$file" --mode "$1" -n "$3" --seed "$2" \
    --model "../$model/model.onnx" --tokenizer "../$model/tokenizer.json" --threads 2 "${@:4}") \
    > "${file%.jsonl}.log" 2>&1
}
for p in $passes; do
  sample eos "${p}1" 225 --group 25 --max-len $((context - 1))
  sample prompted "${p}2" 250 --group 25 --min-len 64 --max-len $((context - 56)) --prompt-min 16 --prompt-max 48
  sample exact "${p}3" 250 --group 25 --min-len 64 --max-len $((context - 1))
  sample sliding "${p}4" 128 --group 16 --min-len $((context * 6 / 5)) --max-len $((context * 3 / 2))
done
list=$(IFS=,; echo "${files[*]}")
evaluation/run.sh TypeOneErrorCheck --model "$model" --samples "$list" --score both \
  --accept-inexact-h0 true --max-human 0 --out "evaluation/target/type-one-generation-$name.md"
