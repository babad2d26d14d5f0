"""Export any Hugging Face causal LM to the project's scoring-graph format (a model directory the Java
scorer loads: model.onnx, tokenizer.json, model.json).

    pip install transformers          # not installed here: this script is UNTESTED in this repository
    python training/export_hf.py --model gpt2 --out models/gpt2 [--context 1024] [--clip 10]

The graph takes input_ids, attention_mask [B,T] and clip_nats [1] and returns the eight per-position metrics
of training/scoring.py plus hidden_states (the last layer), so the [B,T,V] logits never leave ONNX Runtime.
Needs a *fast* tokenizer (tokenizer.json). The BOS used by the scorer is the tokenizer's bos_token_id, else
its eos_token_id (GPT-2 style "<|endoftext|>"). Alternatively, a plain logits export (e.g. optimum's, without
past key values) works too: write a model.json with "format": "logits" next to it.
"""
import argparse
import hashlib
import json
import os

import torch

from scoring import INPUT_NAMES, OUTPUT_NAMES, score_from_logits


class HfScoringGraph(torch.nn.Module):
    def __init__(self, lm):
        super().__init__()
        self.lm = lm

    def forward(self, input_ids, attention_mask, clip_nats):
        out = self.lm(input_ids=input_ids, attention_mask=attention_mask, output_hidden_states=True,
                      use_cache=False, return_dict=True)
        s = score_from_logits(out.logits, input_ids, clip_nats)
        return tuple(s[n] for n in OUTPUT_NAMES[:-1]) + (out.hidden_states[-1],)


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def main():
    from transformers import AutoModelForCausalLM, AutoTokenizer

    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True, help="hub id or local directory")
    ap.add_argument("--out", required=True)
    ap.add_argument("--context", type=int, default=None, help="default: the model's max positions, capped at 2048")
    ap.add_argument("--clip", type=float, default=10.0)
    ap.add_argument("--opset", type=int, default=17)
    args = ap.parse_args()

    tokenizer = AutoTokenizer.from_pretrained(args.model, use_fast=True)
    if not tokenizer.is_fast:
        raise SystemExit("a fast tokenizer (tokenizer.json) is required")
    lm = AutoModelForCausalLM.from_pretrained(args.model, torch_dtype=torch.float32).eval()
    config = lm.config
    context = args.context or min(getattr(config, "max_position_embeddings", None) or getattr(config, "n_positions", 1024), 2048)
    bos = tokenizer.bos_token_id if tokenizer.bos_token_id is not None else tokenizer.eos_token_id
    if bos is None:
        raise SystemExit("the tokenizer has neither a BOS nor an EOS token to start documents with")
    os.makedirs(args.out, exist_ok=True)
    model_path = os.path.join(args.out, "model.onnx")
    tokenizer_path = os.path.join(args.out, "tokenizer.json")
    tokenizer.backend_tokenizer.save(tokenizer_path)

    ids = torch.full((2, 8), bos, dtype=torch.long)
    axes = {n: {0: "batch", 1: "time"} for n in ["input_ids", "attention_mask"] + OUTPUT_NAMES}
    with torch.no_grad():
        torch.onnx.export(HfScoringGraph(lm), (ids, torch.ones_like(ids), torch.tensor([args.clip])), model_path,
                          input_names=INPUT_NAMES, output_names=OUTPUT_NAMES, dynamic_axes=axes,
                          opset_version=args.opset)
    with torch.no_grad():
        vocab = lm(input_ids=ids[:1, :2]).logits.shape[-1]
    manifest = {
        "name": args.model.replace("/", "--"), "version": "hf-export", "format": "scoring-graph",
        "vocab_size": int(vocab), "context_length": int(context), "hidden_size": int(config.hidden_size),
        "bos_token_id": int(bos), "eos_token_id": tokenizer.eos_token_id, "clip_nats": args.clip,
        "sha256": {"model.onnx": sha256(model_path), "tokenizer.json": sha256(tokenizer_path)},
        "source": f"exported from {args.model} by training/export_hf.py",
    }
    with open(os.path.join(args.out, "model.json"), "w") as f:
        json.dump(manifest, f, indent=2)
    print("wrote", args.out)


if __name__ == "__main__":
    main()
