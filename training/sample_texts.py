"""Sample texts from the model: temperature 1, no top-k/top-p, starting from BOS (id 0).

Lengths are drawn uniformly from [--min-len, --max-len] tokens. Default --max-len 255, so BOS + sample fits
one 256-token window and every sampled token is drawn from exactly the distribution the scorer evaluates
(the scorer scores each token given BOS + all preceding tokens): an exact H0 ("model-generated") sample.

--allow-long permits --max-len up to 512: tokens beyond position 255 are then sampled with a SLIDING
256-token window (the last 256 tokens, BOS dropped), i.e. conditioned on a truncated context. A scorer that
windows differently (e.g. restarts with BOS) then sees a slightly different distribution for those tokens.

If the model samples <|endoftext|> (id 0) the sample ends there (recorded as "stopped_at_eos"); id 0 is
never part of token_ids. "retokenizes_identically" tells whether encode(decode(token_ids)) == token_ids
(only then does a scorer that tokenizes the text see exactly the sampled tokens).
Output: JSONL {"id","text","token_ids", ...}.
"""
import argparse
import json
import os

import torch
from tokenizers import Tokenizer

from model import load_checkpoint_model

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


@torch.no_grad()
def step_cached(model, tok_ids, pos, cache):
    """One incremental step for tokens tok_ids [B] at absolute position pos; cache: list of (k, v) per layer."""
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


@torch.no_grad()
def sample_batch(model, lengths, gen):
    """Sample len(lengths) sequences in parallel; returns lists of ids (without BOS)."""
    B = len(lengths)
    T = model.cfg.context_length
    maxlen = max(lengths)
    seqs = torch.zeros(B, 1, dtype=torch.int64)  # BOS
    cache = [None] * len(model.blocks)
    done = torch.zeros(B, dtype=torch.bool)
    eos = torch.zeros(B, dtype=torch.bool)
    for t in range(maxlen):
        if seqs.shape[1] <= T:
            logits = step_cached(model, seqs[:, -1], seqs.shape[1] - 1, cache)
        else:  # sliding window beyond the context (only with --allow-long)
            logits, _ = model(seqs[:, -T:])
            logits = logits[:, -1]
        probs = torch.softmax(logits.float(), dim=-1)
        nxt = torch.multinomial(probs, 1, generator=gen)[:, 0]
        eos |= (~done) & (nxt == 0)
        done |= nxt == 0
        seqs = torch.cat([seqs, nxt[:, None]], dim=1)
    out = []
    for b in range(B):
        ids = seqs[b, 1:1 + lengths[b]].tolist()
        if 0 in ids:
            ids = ids[:ids.index(0)]
        out.append(ids)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", help="output JSONL path")
    ap.add_argument("-n", "--num", type=int, default=100)
    ap.add_argument("--min-len", type=int, default=64)
    ap.add_argument("--max-len", type=int, default=255)
    ap.add_argument("--allow-long", action="store_true", help="allow --max-len > 255 (sliding window)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--ckpt", default=os.path.join(HERE, "work", "ckpt.pt"))
    ap.add_argument("--tokenizer", default=os.path.join(ROOT, "models/default/tokenizer.json"))
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    T_ok = 255
    if args.max_len > T_ok and not args.allow_long:
        ap.error("--max-len > 255 needs --allow-long (tokens past the context use a sliding window)")
    if args.max_len > 512:
        ap.error("--max-len is at most 512")
    torch.set_num_threads(args.threads)
    model, ck = load_checkpoint_model(args.ckpt)
    tok = Tokenizer.from_file(args.tokenizer)
    gen = torch.Generator().manual_seed(args.seed)
    lengths = torch.randint(args.min_len, args.max_len + 1, (args.num,), generator=gen).tolist()
    n_same = 0
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        for i in range(0, args.num, args.batch):
            ls = lengths[i:i + args.batch]
            for j, ids in enumerate(sample_batch(model, ls, gen)):
                text = tok.decode(ids, skip_special_tokens=False)
                same = tok.encode(text).ids == ids
                n_same += same
                rec = {"id": f"sample-{args.seed}-{i + j:05d}", "text": text, "token_ids": ids,
                       "target_len": ls[j], "stopped_at_eos": len(ids) < ls[j],
                       "retokenizes_identically": same, "sliding_window": len(ids) > T_ok,
                       "temperature": 1.0, "checkpoint_step": ck["step"]}
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            print(f"{min(i + args.batch, args.num)}/{args.num} samples", flush=True)
    print(f"wrote {args.out}: {args.num} samples, {n_same} re-tokenize identically")


if __name__ == "__main__":
    main()
