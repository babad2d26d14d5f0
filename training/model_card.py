"""Write models/tiny/model.json and models/tiny/MODEL_CARD.md from the checkpoint and the reports
in training/work/ (data_stats.json, eval.json, parity.json). Run after export_onnx.py and evaluate_lm.py."""
import argparse
import hashlib
import json
import os

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MD = os.path.join(ROOT, "models", "default")
CLIP = 10.0


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for b in iter(lambda: f.read(1 << 20), b""):
            h.update(b)
    return h.hexdigest()


PAWN_BEGIN, PAWN_END = "<!-- pawn:begin (written by train_pawn.py) -->", "<!-- pawn:end -->"


def pawn_section(card_path):
    """The PAWN head's section (train_pawn.py writes it), kept when the backbone's card is rewritten."""
    if not os.path.exists(card_path):
        return ""
    with open(card_path) as f:
        old = f.read()
    if PAWN_BEGIN not in old:
        return ""
    return "\n" + old[old.index(PAWN_BEGIN):old.index(PAWN_END) + len(PAWN_END)] + "\n"


def load(p):
    with open(p) as f:
        return json.load(f)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", default=os.path.join(HERE, "work", "ckpt.pt"))
    args = ap.parse_args()
    ck = torch.load(args.ckpt, map_location="cpu")
    cfg, targs = ck["config"], ck["args"]
    n_params = sum(v.numel() for k, v in ck["model"].items())
    data = load(os.path.join(HERE, "work", "data_stats.json"))
    ev = load(os.path.join(HERE, "work", "eval.json"))
    par = load(os.path.join(HERE, "work", "parity.json"))
    onnx_p, tok_p = os.path.join(MD, "model.onnx"), os.path.join(MD, "tokenizer.json")
    assert ev["checkpoint_step"] == ck["step"] == par["checkpoint_step"], "reports are from another checkpoint"
    B_T = ["batch", "time"]
    B_T1 = ["batch", "time_minus_1"]
    hist = ck.get("history", [])
    last_train = next((h["train_loss"] for h in reversed(hist) if h.get("train_loss") is not None), None)
    meta = {
        "name": "detector-default-gpt",
        "version": "1.0.0",
        "format": "scoring-graph",  # read by the Java ModelManifest: scoring-graph | logits
        "opset": 17,
        "files": {"model": "model.onnx", "tokenizer": "tokenizer.json"},
        "sha256": {"model.onnx": sha256(onnx_p), "tokenizer.json": sha256(tok_p)},
        "size_bytes": {"model.onnx": os.path.getsize(onnx_p), "tokenizer.json": os.path.getsize(tok_p)},
        "architecture": "GPT-style causal LM, pre-LN, learned absolute position embeddings, GELU MLP, tied "
                        "input/output embeddings",
        "vocab_size": cfg["vocab_size"],
        "context_length": cfg["context_length"],
        "hidden_size": cfg["d_model"],
        "num_layers": cfg["n_layer"],
        "num_heads": cfg["n_head"],
        "ffn_size": cfg["d_ff"],
        "parameter_count": n_params,
        "bos_token_id": 0,
        "eos_token_id": 0,
        "bos_token": "<|endoftext|>",
        "tokenizer_type": "byte-level BPE (HF tokenizers); no normalizer, no post-processor (BOS is NOT added "
                          "by the tokenizer: prepend id 0 yourself), no truncation, no padding",
        "padding": "right padding only; pad positions have attention_mask 0 (any pad id; 0 recommended); "
                   "outputs at positions whose target input_ids[:, j+1] is padding are meaningless",
        "clip_nats": CLIP,
        "clip_nats_doc": "default clipping level c in nats for clipped_mean/clipped_var: "
                         "min(-ln p_v, c); fed as the clip_nats input",
        "inputs": [
            {"name": "input_ids", "dtype": "int64", "shape": B_T},
            {"name": "attention_mask", "dtype": "int64", "shape": B_T, "doc": "1 real token, 0 right padding"},
            {"name": "clip_nats", "dtype": "float32", "shape": [1]},
        ],
        "outputs": [{"name": n, "dtype": "float32", "shape": B_T1} for n in
                    ["token_logprob", "entropy", "varentropy", "max_logprob", "rank_fraction", "top_p_mass",
                     "clipped_mean", "clipped_var"]]
        + [{"name": "hidden_states", "dtype": "float32", "shape": ["batch", "time", cfg["d_model"]]}],
        "output_position_doc": "output position j (0..T-2) describes the prediction of input_ids[:, j+1] from "
                               "input_ids[:, :j+1], with p = softmax(logits[:, j]) in float32 over the full "
                               "vocabulary",
        "training": {
            "data_tokens_per_source": data["train"]["tokens_per_source"],
            "data_tokens_total": data["train"]["tokens"],
            "data_documents": data["train"]["documents"],
            "heldout_documents": data["val"]["documents"],
            "heldout_tokens": data["val"]["tokens"],
            "tokens_seen": ck["tokens_seen"],
            "epochs": round(ck["tokens_seen"] / data["train"]["tokens"], 3),
            "steps": ck["step"],
            "wall_time_s": round(ck["elapsed_s"], 1),
            "finished_budget": bool(ck.get("done", False)),
            "final_train_loss_window": last_train,
            "final_val_loss": ck.get("val_loss"),
            "hyperparameters": {k: targs[k] for k in ["budget_min", "batch", "lr", "min_lr_frac", "warmup", "wd",
                                                      "grad_clip", "seed", "threads"]},
        },
        "heldout_perplexity": {
            "corpus_slice": {k: round(v["ppl"], 2) for k, v in ev["corpus_heldout"].items()},
            "detection_human_texts": {k: round(v["ppl"], 2) for k, v in ev["detection_human"].items()},
        },
        "parity_onnxruntime_vs_torch_max_abs_diff": par["max_abs_diff"],
    }
    with open(os.path.join(MD, "model.json"), "w") as f:
        json.dump(meta, f, indent=2)

    t = meta["training"]
    hp = t["hyperparameters"]
    rows_src = "\n".join(f"| {s} | {data['train']['docs_per_source'].get(s, 0):,} | {n:,} |"
                         for s, n in t["data_tokens_per_source"].items())
    rows_corpus = "\n".join(f"| {s} | {v.get('documents', '')} | {v['tokens']:,} | {v['ppl']:.2f} |"
                            for s, v in ev["corpus_heldout"].items())
    rows_det = "\n".join(f"| {f} | {v['texts']} | {v['tokens']:,} | {v['ppl']:.2f} |"
                         for f, v in ev["detection_human"].items())
    md = f"""# detector-default-gpt 1.0.0

A tiny GPT-style causal language model used as the default **scoring model** of the AI-text detection
service. It is exported as an ONNX *scoring graph*: the graph returns per-token statistics (log-probability
of the observed token, entropy, varentropy, rank, top-p mass, clipped moments) and the final hidden states;
the [B,T,V] logits never leave the graph. It is **not** a useful text generator.

Files: `model.onnx` (opset 17, {meta['size_bytes']['model.onnx'] / 1e6:.1f} MB, fp32), `tokenizer.json`
(HF tokenizers byte-level BPE), `model.json` (machine-readable metadata incl. sha256 of both files).

## Interface (contract of model.onnx)
- Inputs: `input_ids` int64 [B,T]; `attention_mask` int64 [B,T] (1 = real token, 0 = right padding);
  `clip_nats` float32 [1] (clipping level c in nats; default **c = {CLIP}**).
- Sequences must start with BOS = id 0 (`<|endoftext|>`), which the tokenizer does **not** add. T <= {cfg['context_length']}.
- Outputs, float32, for j = 0..T-2 (prediction of `input_ids[:, j+1]` from `input_ids[:, :j+1]`,
  p = softmax(logits[:, j]) over the full vocabulary V = {cfg['vocab_size']}):
  `token_logprob` = ln p(x); `entropy` = -sum p ln p; `varentropy` = sum p (ln p)^2 - entropy^2 (>= 0);
  `max_logprob` = max ln p; `rank_fraction` = (1 + #{{v: p_v > p_x}}) / V; `top_p_mass` = sum of p_v with
  p_v >= p_x; `clipped_mean` = sum p_v min(-ln p_v, c); `clipped_var` = sum p_v min(-ln p_v, c)^2 -
  clipped_mean^2 (>= 0); `hidden_states` [B,T,{cfg['d_model']}] after the final LayerNorm.
- Right padding does not change real positions (causal attention; padded keys are additionally masked).
- Parity onnxruntime {par['onnxruntime']} vs. a plain torch computation from full logits: max abs diff
  **{par['max_abs_diff']:.2e}** over all outputs (tolerance 1e-4; padded batches; near-tie flips of
  rank_fraction/top_p_mass excused: {par['near_tie_flips_excused']}). Padding invariance: {par['padding_invariance_max_abs_diff']:.2e}.

## Model
| | |
|---|---|
| parameters | {n_params:,} (tied embeddings counted once) |
| layers / heads / d_model / d_ff | {cfg['n_layer']} / {cfg['n_head']} / {cfg['d_model']} / {cfg['d_ff']} |
| context | {cfg['context_length']} tokens (learned absolute positions) |
| vocabulary | {cfg['vocab_size']} byte-level BPE tokens, id 0 = `<|endoftext|>` (BOS, document separator) |
| norm / activation | pre-LayerNorm (eps {cfg['ln_eps']}), final LayerNorm, GELU (erf) |
| attention | explicit matmul + causal mask + softmax (no fused kernels) |

## Training data
Pre-2019 human-written English from `/work/shared/corpora` (built from pinned commits of public GitHub
repositories; details and per-document attribution in that folder's README.md and `attribution.tsv.gz`).
Nothing model-generated; the evaluation sets' human texts (XSum, SQuAD, WritingPrompts) are not included.

| source | train documents | train tokens (incl. one BOS per doc) |
|---|---:|---:|
{rows_src}
| **total** | {t['data_documents']:,} | {t['data_tokens_total']:,} |

Licenses (summary of the corpora README):
- **wikipedia**: English Wikipedia (May 2015 dump via WikiExtractor, repo `jason-feng/wikiVisual`), CC-BY-SA 3.0;
  attribution = article URL in attribution.tsv.gz.
- **gutenberg**: ~110 Project Gutenberg ebooks (repo `RU-ECE/ECE451-Parallel`), public domain in the USA;
  Gutenberg headers/footers/license boilerplate removed. A few books (e.g. Wodehouse, early Christie, Rand's
  Anthem, Gibran's The Prophet) may still be protected outside the USA.
- **stackexchange**: six Stack Exchange sites (coffee, beer, matheducators, history.meta, bicycles.meta, ai),
  posts created and last edited before 2019-01-01; CC-BY-SA 3.0 (posts from May 2018: CC-BY-SA 4.0);
  attribution = question URL.
- **gum**: GUM corpus (repo `amir-zeldes/gum`), genres news/interview (CC-BY 2.5, Wikinews), voyage
  (CC-BY-SA 3.0, Wikivoyage), bio (CC-BY-SA 3.0, Wikipedia), academic (CC-BY 4.0); NC genres excluded.

Held-out slice: a deterministic ~1% of documents (sha256 of "source:index" mod 100 == 0):
{t['heldout_documents']} documents, {t['heldout_tokens']:,} tokens. The tokenizer was trained on the training split only.

## Training recipe
- Tokenizer: byte-level BPE, vocab {cfg['vocab_size']}, min_frequency 2, special token `<|endoftext|>` = id 0,
  trained on the training documents (`training/train_tokenizer.py`).
- Data: each document tokenized and preceded by id 0, concatenated into a uint16 stream (`prepare_data.py`).
- Objective: next-token cross-entropy on uniformly random 256-token windows of the stream.
- Optimizer: AdamW, betas (0.9, 0.95), eps 1e-8, weight decay {hp['wd']} on matrices/embeddings (not on biases
  and LayerNorm), grad-norm clip {hp['grad_clip']}.
- LR: peak {hp['lr']}, linear warmup {hp['warmup']} steps, then cosine decay to {hp['min_lr_frac']} x peak as a function of
  the fraction of the wall-clock budget used.
- Batch: {hp['batch']} x 256 = {hp['batch'] * 256:,} tokens per step; no dropout; fp32; seed {hp['seed']}.
- Budget: {hp['budget_min']} min wall clock on {hp['threads']} CPU threads (torch 1.13 CPU, shared machine).
- Result: {t['steps']:,} steps, {t['tokens_seen']:,} tokens seen ({t['epochs']} epochs), wall time {t['wall_time_s'] / 60:.1f} min;
  last train loss (30 s window) {last_train if last_train is None else round(last_train, 3)}, val loss {t['final_val_loss'] if t['final_val_loss'] is None else round(t['final_val_loss'], 3)} nats/token
  (64 fixed 256-token windows of the held-out slice).

## Held-out perplexities
Method: {ev['method']}

Corpus held-out slice:

| source | documents | predicted tokens | perplexity |
|---|---:|---:|---:|
{rows_corpus}

Human texts of the detection evaluation files (`/work/shared/data/detection/`, used for evaluation only, never
for training). Subset: the first {ev['per_file']} human texts of each file, at most {ev['max_tokens_per_text']} tokens per text
(this only shortens the long PubMed articles). Human texts recur across files of the same domain, so files of
one domain give similar numbers.

| file | human texts | predicted tokens | perplexity |
|---|---:|---:|---:|
{rows_det}

## Limits
- Tiny model ({n_params / 1e6:.1f}M parameters) trained for {t['wall_time_s'] / 60:.0f} minutes on CPU on ~{t['tokens_seen'] / 1e6:.1f}M tokens: its
  probabilities are far from those of modern LLMs; it is meant as a cheap, reproducible reference scorer.
- English only; other scripts are tokenized (byte-level) but essentially unmodelled.
- Pre-2019 text: Wikipedia (2015), 19th/early-20th-century books, Stack Exchange Q&A; little news, no
  social-media or chat style. Modern topics/entities are unknown.
- Context 256 tokens: longer texts must be scored in windows.
- PubMed human texts in the detection data are lowercased and pre-tokenized, which inflates their perplexity.
"""
    card_path = os.path.join(MD, "MODEL_CARD.md")
    md += pawn_section(card_path)
    with open(card_path, "w") as f:
        f.write(md)
    print("wrote model.json and MODEL_CARD.md; sha256", meta["sha256"])


if __name__ == "__main__":
    main()
