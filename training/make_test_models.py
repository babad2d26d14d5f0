"""Writes two tiny, randomly initialised copies of the project's GPT for the Java tests:

  scoring/src/test/resources/tiny/scoring-graph/  the scoring graph (as export_onnx.py builds it)
  scoring/src/test/resources/tiny/logits/         a plain logits graph, as Hugging Face exporters produce

Same weights, same tokenizer (models/tiny/tokenizer.json), so the Java scorer must give the same metrics
from both formats. Seeded; about 1 MB each. Run: training/.venv/bin/python training/make_test_models.py
"""
import hashlib
import json
import os
import shutil

import torch

from model import GPT, GPTConfig
from scoring import INPUT_NAMES, OUTPUT_NAMES, ScoringGraph

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "scoring", "src", "test", "resources", "tiny")
TOKENIZER = os.path.join(ROOT, "models", "default", "tokenizer.json")
CLIP = 10.0


class LogitsGraph(torch.nn.Module):
    def __init__(self, lm):
        super().__init__()
        self.lm = lm

    def forward(self, input_ids, attention_mask):
        logits, h = self.lm(input_ids, attention_mask)
        return logits, h


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def write(directory, fmt, cfg, export):
    os.makedirs(directory, exist_ok=True)
    model_path = os.path.join(directory, "model.onnx")
    export(model_path)
    shutil.copyfile(TOKENIZER, os.path.join(directory, "tokenizer.json"))
    manifest = {
        "name": "tiny-test-gpt", "version": "0.0.1", "format": fmt,
        "vocab_size": cfg.vocab_size, "context_length": cfg.context_length, "hidden_size": cfg.d_model,
        "bos_token_id": 0, "clip_nats": CLIP,
        "sha256": {"model.onnx": sha256(model_path), "tokenizer.json": sha256(os.path.join(directory, "tokenizer.json"))},
        "note": "random weights, for tests only; made by training/make_test_models.py",
    }
    with open(os.path.join(directory, "model.json"), "w") as f:
        json.dump(manifest, f, indent=2)


def main():
    torch.manual_seed(7)
    cfg = GPTConfig(vocab_size=8192, context_length=32, d_model=16, n_layer=2, n_head=2, d_ff=32)
    lm = GPT(cfg).eval()
    # larger logits than the init gives, so that distributions are far from uniform
    with torch.no_grad():
        lm.wte.weight.mul_(8.0)
    ids = torch.zeros(2, 8, dtype=torch.long)
    mask = torch.ones(2, 8, dtype=torch.long)
    clip = torch.tensor([CLIP], dtype=torch.float32)
    axes = {"input_ids": {0: "batch", 1: "time"}, "attention_mask": {0: "batch", 1: "time"}}

    def export_scoring(path):
        out_axes = {n: {0: "batch", 1: "time"} for n in OUTPUT_NAMES}
        torch.onnx.export(ScoringGraph(lm), (ids, mask, clip), path, input_names=INPUT_NAMES,
                          output_names=OUTPUT_NAMES, dynamic_axes={**axes, **out_axes}, opset_version=17)

    def export_logits(path):
        out_axes = {"logits": {0: "batch", 1: "time"}, "last_hidden_state": {0: "batch", 1: "time"}}
        torch.onnx.export(LogitsGraph(lm), (ids, mask), path, input_names=["input_ids", "attention_mask"],
                          output_names=["logits", "last_hidden_state"], dynamic_axes={**axes, **out_axes},
                          opset_version=17)

    write(os.path.join(OUT, "scoring-graph"), "scoring-graph", cfg, export_scoring)
    write(os.path.join(OUT, "logits"), "logits", cfg, export_logits)
    print("wrote", OUT)


if __name__ == "__main__":
    main()
