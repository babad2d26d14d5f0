"""Held-out perplexities: corpus held-out slice (per source) and human texts of each detection file.

Scoring: each text is tokenized, prefixed with BOS (id 0) and cut into non-overlapping 256-token windows
(window k covers sequence positions [255k, 255k+256)); every token after the BOS is predicted exactly once,
from the tokens before it inside its window. Perplexity = exp(total NLL / number of predicted tokens).
"""
import argparse
import glob
import json
import os
import time

import numpy as np
import torch
from tokenizers import Tokenizer

from corpus import SOURCES, iter_split
from model import load_checkpoint_model

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DET_DIR = "/work/shared/data/detection"
METHOD = ("each text is tokenized, prefixed with BOS (id 0) and cut into non-overlapping 256-token windows "
          "(window k covers sequence positions [255k, 255k+256)), so every token after the BOS is predicted "
          "exactly once from the tokens before it inside its window (the first window starts at BOS, later "
          "ones have up to 255 tokens of context); perplexity = exp(total NLL / predicted tokens)")


def windows(ids, T):
    seq = [0] + ids
    out = []
    k = 0
    while k * (T - 1) + 1 < len(seq):
        out.append(seq[k * (T - 1): k * (T - 1) + T])
        k += 1
    return out


@torch.no_grad()
def nll_of_windows(model, wins, bs=16):
    T = model.cfg.context_length
    tot, n = 0.0, 0
    wins = sorted(wins, key=len)
    for i in range(0, len(wins), bs):
        chunk = wins[i:i + bs]
        L = max(len(w) for w in chunk)
        ids = torch.zeros(len(chunk), L, dtype=torch.int64)
        mask = torch.zeros(len(chunk), L, dtype=torch.int64)
        for b, w in enumerate(chunk):
            ids[b, :len(w)] = torch.tensor(w)
            mask[b, :len(w)] = 1
        logits, _ = model(ids, mask)
        lp = torch.log_softmax(logits[:, :-1].float(), -1).gather(-1, ids[:, 1:, None])[..., 0]
        m = mask[:, 1:].float()
        tot += float(-(lp * m).sum())
        n += int(m.sum())
    return tot, n


def human_texts(path):
    if path.endswith(".jsonl"):
        with open(path) as f:
            return [r["text"] for r in map(json.loads, f) if r.get("label") == "human"]
    with open(path) as f:
        return list(json.load(f)["original"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", default=os.path.join(HERE, "work", "ckpt.pt"))
    ap.add_argument("--tokenizer", default=os.path.join(ROOT, "models/tiny/tokenizer.json"))
    ap.add_argument("--per-file", type=int, default=50, help="human texts per detection file (first N)")
    ap.add_argument("--max-tokens", type=int, default=1020, help="cap on tokens scored per detection text")
    ap.add_argument("--corpus-docs", type=int, default=0, help="0 = all held-out documents")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", default=os.path.join(HERE, "work", "eval.json"))
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    model, ck = load_checkpoint_model(args.ckpt)
    tok = Tokenizer.from_file(args.tokenizer)
    T = model.cfg.context_length
    t0 = time.time()
    res = {"checkpoint_step": ck["step"], "window": T, "method": METHOD, "corpus_heldout": {},
           "detection_human": {}, "per_file": args.per_file, "max_tokens_per_text": args.max_tokens}
    # corpus held-out slice, per source and total
    by_src = {s: [] for s in SOURCES}
    for i, (s, d) in enumerate(iter_split("val")):
        if args.corpus_docs and i >= args.corpus_docs:
            break
        by_src[s].append(d)
    T_nll, T_n = 0.0, 0
    for s, docs in by_src.items():
        if not docs:
            continue
        wins = [w for e in tok.encode_batch(docs) for w in windows(e.ids, T)]
        nll, n = nll_of_windows(model, wins)
        T_nll += nll
        T_n += n
        res["corpus_heldout"][s] = {"documents": len(docs), "tokens": n, "ppl": float(np.exp(nll / n))}
        print(s, res["corpus_heldout"][s], flush=True)
    res["corpus_heldout"]["all"] = {"tokens": T_n, "ppl": float(np.exp(T_nll / T_n))}
    print("corpus all", res["corpus_heldout"]["all"], flush=True)
    files = sorted(glob.glob(os.path.join(DET_DIR, "**", "*.raw_data.json"), recursive=True)) + \
        sorted(glob.glob(os.path.join(DET_DIR, "**", "*.jsonl"), recursive=True))
    for p in files:
        texts = human_texts(p)[:args.per_file]
        wins = [w for e in tok.encode_batch(texts) for w in windows(e.ids[:args.max_tokens], T)]
        nll, n = nll_of_windows(model, wins)
        rel = os.path.relpath(p, DET_DIR)
        res["detection_human"][rel] = {"texts": len(texts), "tokens": n, "ppl": float(np.exp(nll / n))}
        print(rel, res["detection_human"][rel], flush=True)
    res["seconds"] = round(time.time() - t0, 1)
    with open(args.out, "w") as f:
        json.dump(res, f, indent=2)
    print("wrote", args.out, "in", res["seconds"], "s")


if __name__ == "__main__":
    main()
