"""Sample texts from the model for the end-to-end type-I check: temperature 1, no top-k/top-p, from BOS (id 0).

Exact H0 at every length. The Java scorer prepends BOS and scores a long input in overlapping windows
(scoring/.../window/Windower.java): token p is scored given input[start:p] of its window, not given the whole
prefix. This sampler draws token p from exactly that conditional: it plans the same windows for the target
length and samples each window's new positions with a fresh KV cache over input[start:p]. So every sampled
token is drawn from the very distribution the scorer evaluates, also past the 256-token context, and the
provenance tests' type-I guarantee applies exactly. The plan is written with each sample ("windows") and the
Java check refuses a sample whose plan differs from the scorer's.

<|endoftext|> (id 0) is an ordinary token here: a sample that draws it continues (as the model's own
continuation into a next document would). Stopping there would make the length depend on the draws.
"eos_tokens" counts them. "retokenizes_identically" tells whether encode(decode(token_ids)) == token_ids (only
then does a scorer that tokenizes the text see exactly the sampled tokens; the check scores the ids).

Samples come in groups of --group that share one target length (so one batch follows one window plan);
target lengths are drawn uniformly from [--min-len, --max-len] per group. Output: JSONL
{"id","text","token_ids","target_len","windows",...}.

The model is the shipped ONNX export by default (its weights rebuilt in torch: model.load_onnx_model), or a
training checkpoint (--model work/ckpt.pt).
"""
import argparse
import json
import os

import torch
from tokenizers import Tokenizer

from model import load_model
from llama_torch import LlamaStepper, is_llama_graph
from windows import plan_windows

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


@torch.no_grad()
def step_cached(model, tok_ids, pos, cache):
    """One incremental step for tokens tok_ids [B] at window position pos; cache: list of (k, v) per layer."""
    x = model.wte(tok_ids)[:, None, :] + model.wpe.weight[pos][None, None, :]
    for li, blk in enumerate(model.blocks):
        a = blk.attn
        h = blk.ln1(x)
        B, _, C = h.shape
        q, k, v = a.qkv(h).split(C, dim=2)
        q = q.view(B, 1, a.n_head, a.d_head).transpose(1, 2)
        k = k.view(B, 1, a.n_head, a.d_head).transpose(1, 2)
        v = v.view(B, 1, a.n_head, a.d_head).transpose(1, 2)
        if cache[li] is not None:
            k = torch.cat([cache[li][0], k], dim=2)
            v = torch.cat([cache[li][1], v], dim=2)
        cache[li] = (k, v)
        att = torch.softmax(torch.matmul(q, k.transpose(-2, -1)) / (a.d_head ** 0.5), dim=-1)
        y = torch.matmul(att, v).transpose(1, 2).reshape(B, 1, C)
        x = x + a.proj(y)
        x = x + blk.out(torch.nn.functional.gelu(blk.fc(blk.ln2(x))))
    h = model.ln_f(x)
    return torch.matmul(h[:, 0], model.wte.weight.t())


class GptStepper:
    """The home-trained GPT (models/tiny) behind the stepper interface of llama_torch.LlamaStepper."""

    def __init__(self, model, info):
        self.model, self.info = model, info
        self.context_length = model.cfg.context_length
        self.bos_id = 0

    def new_cache(self):
        return [None] * len(self.model.blocks)

    def step(self, tokens, pos, cache):
        return step_cached(self.model, tokens, pos, cache)


def load_stepper(path):
    if path.endswith(".onnx") and is_llama_graph(path):
        return LlamaStepper(path)
    model, info = load_model(path)
    return GptStepper(model, info)


@torch.no_grad()
def sample_group(stepper, batch, length, gen):
    """batch sequences of `length` tokens (BOS not included), each token drawn given its scoring window."""
    n = length + 1
    seqs = torch.full((batch, n), stepper.bos_id, dtype=torch.int64)  # position 0 is BOS
    windows = plan_windows(n, stepper.context_length)
    for start, end, first in windows:
        cache = stepper.new_cache()
        logits = None
        for p in range(start, first):  # prefill the window's left context input[start:first]
            logits = stepper.step(seqs[:, p], p - start, cache)
        for p in range(first, end):  # token p given input[start:p]
            probs = torch.softmax(logits.float(), dim=-1)
            seqs[:, p] = torch.multinomial(probs, 1, generator=gen)[:, 0]
            if p + 1 < end:
                logits = stepper.step(seqs[:, p], p - start, cache)
    return [seqs[b, 1:].tolist() for b in range(batch)], windows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", help="output JSONL path")
    ap.add_argument("-n", "--num", type=int, default=100, help="number of samples (rounded up to whole groups)")
    ap.add_argument("--min-len", type=int, default=64)
    ap.add_argument("--max-len", type=int, default=512)
    ap.add_argument("--group", type=int, default=8, help="samples per target length (one batch)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--model", default=os.path.join(ROOT, "models/tiny/model.onnx"),
                    help="shipped .onnx export (default) or a training checkpoint .pt")
    ap.add_argument("--tokenizer", default=os.path.join(ROOT, "models/tiny/tokenizer.json"))
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    if not 1 <= args.min_len <= args.max_len:
        ap.error("need 1 <= --min-len <= --max-len")
    torch.set_num_threads(args.threads)
    stepper = load_stepper(args.model)
    tok = Tokenizer.from_file(args.tokenizer)
    gen = torch.Generator().manual_seed(args.seed)
    groups = -(-args.num // args.group)
    lengths = torch.randint(args.min_len, args.max_len + 1, (groups,), generator=gen).tolist()
    n_same = done = 0
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        for g, length in enumerate(lengths):
            seqs, windows = sample_group(stepper, args.group, length, gen)
            for ids in seqs:
                text = tok.decode(ids, skip_special_tokens=False)
                same = tok.encode(text).ids == ids
                n_same += same
                rec = {"id": f"sample-{args.seed}-{done:05d}", "text": text, "token_ids": ids,
                       "target_len": length, "windows": [list(w) for w in windows],
                       "eos_tokens": ids.count(0), "retokenizes_identically": same, "temperature": 1.0,
                       "model": os.path.relpath(args.model, ROOT), **{k: v for k, v in stepper.info.items() if k == "step"}}
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                done += 1
            print(f"{done}/{groups * args.group} samples (target length {length}, {len(windows)} windows)",
                  flush=True)
    print(f"wrote {args.out}: {done} samples, {n_same} re-tokenize identically")


if __name__ == "__main__":
    main()
