"""Sample texts from a model for the end-to-end type-I check: temperature 1, no top-k/top-p, from BOS (id 0).

--mode says how the tokens are drawn; one function each (docs/statistics.md, "Type-I under real generation"):

exact (default): H0 exact at every length. The Java scorer prepends BOS and scores a long input in overlapping
  windows (scoring/.../window/Windower.java): token p is scored given input[start:p] of its window, not given
  the whole prefix. This mode draws token p from exactly that conditional: it plans the same windows for the
  target length and samples each window's new positions with a fresh KV cache over input[start:p]. So every
  token is drawn from the very distribution the scorer evaluates, also past the context, and the provenance
  tests' type-I guarantee applies exactly. <|endoftext|> is an ordinary token here: a sample that draws it
  continues (stopping there would make the length depend on the draws).
sliding: a real generator's sliding context: token p drawn given the previous C-1 tokens (C = the model's
  context), recomputed for every token past the context. Lengths past C make the scorer's conditionals differ.
eos: drawn as in exact with the plan of --max-len, stopped at the first end-of-text token (dropped, as
  generators return text) or at --max-len: the length is a stopping time ("stop": "eos" or "max"). With
  --max-len < C every token is still drawn from the scorer's conditional; only the length is data-dependent.
prompted: each sample continues a prompt that is not scored: the first --prompt-min..--prompt-max tokens of a
  human document of --corpora; the continuation (the sample) is drawn given BOS + prompt + continuation so far,
  within one context, and is scored from BOS alone, as the service scores a text it is sent.

Every sample records the window plan it followed ("windows", [start, end, first scored] each, in the scored
ids' coordinates, BOS = position 0) or its prompt ("prompt_ids"); the Java check (TypeOneErrorCheck) refuses a
sample whose plan is not the scorer's, or that had a prompt, unless told to score such samples
(--accept-inexact-h0 true). "retokenizes_identically" tells whether encode(decode(token_ids)) == token_ids
(only then does a scorer that tokenizes the text see exactly the sampled tokens; the check scores the ids, or
the text with --score text).

Samples come in groups of --group that share one target length (so one batch follows one window plan);
target lengths are drawn uniformly from [--min-len, --max-len] per group. Output: JSONL
{"id","mode","text","token_ids","target_len","windows",...}.

The model is the shipped ONNX export by default (its weights rebuilt in torch: model.load_onnx_model, or
llama_torch.LlamaStepper for an imported Llama graph), or a training checkpoint (--model work/ckpt.pt).
"""
import argparse
import gzip
import json
import os
import random

import torch
from tokenizers import Tokenizer

from model import load_model
from llama_torch import LlamaStepper, forward as llama_forward, is_llama_graph
from windows import plan_windows

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MODES = ("exact", "sliding", "eos", "prompted")


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
        self.bos_id = self.eos_id = 0

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
def sample_exact(stepper, batch, length, gen):
    """batch sequences of `length` tokens (BOS not included), each token drawn given its scoring window.
    Returns (sequences, the window plan followed)."""
    n = length + 1
    seqs = torch.full((batch, n), stepper.bos_id, dtype=torch.int64)  # position 0 is BOS
    windows = plan_windows(n, stepper.context_length)
    for start, end, first in windows:
        cache = stepper.new_cache()
        logits = None
        for p in range(start, first):  # prefill the window's left context input[start:first]
            logits = stepper.step(seqs[:, p], p - start, cache)
        for p in range(first, end):  # token p given input[start:p]
            seqs[:, p] = draw(logits, gen)
            if p + 1 < end:
                logits = stepper.step(seqs[:, p], p - start, cache)
    return [seqs[b, 1:].tolist() for b in range(batch)], windows


@torch.no_grad()
def sample_sliding(stepper, batch, length, gen):
    """A generator's sliding context: token p drawn given the previous C-1 tokens input[p-C+1:p] (all of them
    while p < C), recomputed for every token past the context. The plan written has one window per such token;
    it differs from the scorer's overlapping windows once length >= C."""
    n, context = length + 1, stepper.context_length
    seqs = torch.full((batch, n), stepper.bos_id, dtype=torch.int64)
    cache, logits = stepper.new_cache(), None
    for p in range(1, n):
        if p < context:  # within the first window: the KV cache holds input[0:p]
            logits = stepper.step(seqs[:, p - 1], p - 1, cache)
        else:
            logits = last_logits(stepper, seqs[:, p - context + 1:p])
        seqs[:, p] = draw(logits, gen)
    windows = [(0, min(context, n), 1)] + [(p - context + 1, p + 1, p) for p in range(context, n)]
    return [seqs[b, 1:].tolist() for b in range(batch)], windows


@torch.no_grad()
def sample_eos(stepper, batch, max_length, gen):
    """Each sequence drawn as in sample_exact (the plan of max_length) and stopped at its first end-of-text
    token, which is dropped (as generators return text): the length is a stopping time. Returns (sequences,
    window plans followed, each cut to its length, "eos" or "max" per sequence)."""
    seqs, plan = sample_exact(stepper, batch, max_length, gen)
    out, plans, stops = [], [], []
    for ids in seqs:
        stop = ids.index(stepper.eos_id) if stepper.eos_id in ids else len(ids)
        out.append(ids[:stop])
        plans.append([(s, min(e, stop + 1), f) for s, e, f in plan if f < stop + 1])
        stops.append("eos" if stop < len(ids) else "max")
    return out, plans, stops


@torch.no_grad()
def sample_prompted(stepper, prompts, length, gen):
    """Continuations of `length` tokens, each drawn given BOS + its prompt + the continuation so far (one
    window: prompt + length must fit the context). The prompts (equal lengths) are not part of the result."""
    batch, k = len(prompts), len(prompts[0])
    if 1 + k + length > stepper.context_length:
        raise ValueError(f"prompt {k} + continuation {length} tokens exceed the context")
    seqs = torch.tensor([[stepper.bos_id] + p + [0] * length for p in prompts], dtype=torch.int64)
    cache, logits = stepper.new_cache(), None
    for p in range(1 + k):
        logits = stepper.step(seqs[:, p], p, cache)
    for p in range(1 + k, 1 + k + length):
        seqs[:, p] = draw(logits, gen)
        if p + 1 < seqs.shape[1]:
            logits = stepper.step(seqs[:, p], p, cache)
    return [seqs[b, 1 + k:].tolist() for b in range(batch)]


@torch.no_grad()
def last_logits(stepper, ids):
    """Next-token logits after ids [B, T] at positions 0..T-1, without a cache: a sliding context's step."""
    if isinstance(stepper, GptStepper):
        return torch.matmul(stepper.model.hidden(ids)[:, -1], stepper.model.wte.weight.t())
    return llama_forward(stepper, ids, torch.ones_like(ids))[1][:, -1] @ stepper.embed.t()


def draw(logits, gen):
    """One token per row from softmax(logits): temperature 1, the full distribution."""
    return torch.multinomial(torch.softmax(logits.float(), dim=-1), 1, generator=gen)[:, 0]


def human_prompts(corpora, tok, count, max_tokens, seed):
    """`count` token-id prefixes (max_tokens each) of human documents from ../shared/corpora (one document
    per blank-line-separated block), drawn with a seed from every source's first shard."""
    docs = []
    for source in sorted(os.listdir(corpora)):
        shard = os.path.join(corpora, source, "part-00.txt.gz")
        if os.path.isfile(shard):
            with gzip.open(shard, "rt", encoding="utf-8") as f:
                docs += [d for d in f.read().split("\n\n") if len(d) > 20 * max_tokens][:2000]
    random.Random(seed).shuffle(docs)
    prompts = [tok.encode(d[:20 * max_tokens]).ids[:max_tokens] for d in docs]
    prompts = [p for p in prompts if len(p) == max_tokens]
    if len(prompts) < count:
        raise ValueError(f"only {len(prompts)} human prompts of {max_tokens} tokens in {corpora}")
    return prompts[:count]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", help="output JSONL path")
    ap.add_argument("--mode", choices=MODES, default="exact", help="how the tokens are drawn (see above)")
    ap.add_argument("-n", "--num", type=int, default=100, help="number of samples (rounded up to whole groups)")
    ap.add_argument("--min-len", type=int, default=64)
    ap.add_argument("--max-len", type=int, default=512, help="the maximum length in mode eos")
    ap.add_argument("--prompt-min", type=int, default=16, help="prompt tokens, mode prompted")
    ap.add_argument("--prompt-max", type=int, default=48)
    ap.add_argument("--corpora", default=os.path.join(os.path.dirname(ROOT), "shared/corpora"),
                    help="human documents whose beginnings are the prompts (mode prompted)")
    ap.add_argument("--group", type=int, default=8, help="samples per target length (one batch)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--model", default=os.path.join(ROOT, "models/tiny/model.onnx"),
                    help="shipped .onnx export (default) or a training checkpoint .pt")
    ap.add_argument("--tokenizer", default=os.path.join(ROOT, "models/tiny/tokenizer.json"))
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    if not 1 <= args.min_len <= args.max_len:
        ap.error("need 1 <= --min-len <= --max-len")
    if args.mode == "prompted" and not 1 <= args.prompt_min <= args.prompt_max:
        ap.error("need 1 <= --prompt-min <= --prompt-max")
    torch.set_num_threads(args.threads)
    stepper = load_stepper(args.model)
    tok = Tokenizer.from_file(args.tokenizer)
    gen = torch.Generator().manual_seed(args.seed)
    groups = -(-args.num // args.group)
    lengths = torch.randint(args.min_len, args.max_len + 1, (groups,), generator=gen).tolist()
    if args.mode == "eos":
        lengths = [args.max_len] * groups
    if args.mode == "prompted":
        prompt_lens = torch.randint(args.prompt_min, args.prompt_max + 1, (groups,), generator=gen).tolist()
        prompts = human_prompts(args.corpora, tok, groups * args.group, args.prompt_max, args.seed)
    n_same = done = 0
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        for g, length in enumerate(lengths):
            if args.mode == "exact":
                seqs, plan = sample_exact(stepper, args.group, length, gen)
                extras = [{"windows": plan}] * args.group
            elif args.mode == "sliding":
                seqs, plan = sample_sliding(stepper, args.group, length, gen)
                extras = [{"windows": plan}] * args.group
            elif args.mode == "eos":
                seqs, plans, stops = sample_eos(stepper, args.group, length, gen)
                extras = [{"windows": w, "stop": s} for w, s in zip(plans, stops)]
            else:
                group = [p[:prompt_lens[g]] for p in prompts[g * args.group:(g + 1) * args.group]]
                seqs = sample_prompted(stepper, group, length, gen)
                extras = [{"prompt_ids": p, "prompt": tok.decode(p, skip_special_tokens=False)} for p in group]
            for ids, extra in zip(seqs, extras):
                text = tok.decode(ids, skip_special_tokens=False)
                same = tok.encode(text).ids == ids
                n_same += same
                rec = {"id": f"{args.mode}-{args.seed}-{done:05d}", "mode": args.mode, "text": text,
                       "token_ids": ids, "target_len": length, **extra, "eos_tokens": ids.count(stepper.eos_id),
                       "retokenizes_identically": same, "temperature": 1.0,
                       "model": os.path.relpath(args.model, ROOT), **{k: v for k, v in stepper.info.items() if k == "step"}}
                if "windows" in rec:
                    rec["windows"] = [list(w) for w in rec["windows"]]
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                done += 1
            f.flush()
            print(f"{done}/{groups * args.group} samples ({args.mode}, length {length})", flush=True)
    print(f"wrote {args.out}: {done} samples, {n_same} re-tokenize identically")


if __name__ == "__main__":
    main()
