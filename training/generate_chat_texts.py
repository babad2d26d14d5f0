"""Machine-written training texts from the served model itself (SmolLM2-135M-Instruct), in chat form.

Human excerpts come from ../shared/corpora (never from the detection sets). Each excerpt gets one task, in turn:
  continue  the model continues the excerpt's opening in the same style,
  polish    it revises the whole excerpt (grammar, flow),
  rewrite   it rewrites the excerpt in its own words,
  expand    it expands the excerpt's opening into a longer text,
at a temperature drawn in turn from --temperatures, nucleus p = --top-p, until <|im_end|> or --max-new tokens.
Prompts go through the model's chat template (system + user + assistant turn) and are decoded with a KV
cache, batched with left padding (each sequence keeps its own RoPE positions, padded keys are masked).

Output: one JSONL (a working file; the committed form is its split, see --split-into, where every row also
carries its excerpt's attribution: source, url, license) in the detection-data layout (evaluation/.../DetectionData.readJsonl), rows alternating
human_i, machine_i: {"text", "label", "generator", "domain", "task", "temperature", "doc"}; the generator is
"smollm2-135m-instruct", the domain the corpus source. Rows are appended batch by batch and a rerun resumes
with the prompts not yet done (each prompt samples from its own seeded generator). Progress goes to stderr.

  .venv/bin/python generate_chat_texts.py work/smollm2-chat.jsonl -n 2200 --rounds 7 --batch 32 --max-new 200 --threads 2
"""
import argparse
import csv
import gzip
import json
import os
import random
import re
import sys
import time

import torch
from tokenizers import Tokenizer

import corpus
from llama_torch import LlamaStepper, rotate_half_rope

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GENERATOR = "smollm2-135m-instruct"
SYSTEM = "You are a helpful AI assistant named SmolLM, trained by Hugging Face"
IM_END = 2
END_OF_TEXT = 0
TASKS = {
    "continue": "Continue the following text in the same style for a few more paragraphs. "
                "Answer with the continuation only.\n\n{opening}",
    "polish": "Polish the following text: fix grammar and improve the flow, keep the meaning. "
              "Answer with the revised text only.\n\n{excerpt}",
    "rewrite": "Rewrite the following text in your own words. Answer with the rewritten text only.\n\n{excerpt}",
    "expand": "Expand the following text into a longer, more detailed version. "
              "Answer with the text only.\n\n{opening}",
}
SENTENCE_END = re.compile(r"[.!?][\"'”’)]?(?=\s|$)")


def chat_prompt(message):
    return (f"<|im_start|>system\n{SYSTEM}<|im_end|>\n<|im_start|>user\n{message}<|im_end|>\n"
            "<|im_start|>assistant\n")


def excerpt_of(doc, min_words=90, max_words=170):
    """Leading paragraphs of a corpus document, about min..max words, cut at a sentence end; None if short."""
    words, kept = 0, []
    for paragraph in doc.split("\n"):
        n = len(paragraph.split())
        if words + n > max_words:
            cut = [m.end() for m in SENTENCE_END.finditer(paragraph)
                   if words + len(paragraph[:m.end()].split()) <= max_words]
            if cut and words + len(paragraph[:cut[-1]].split()) >= min_words:
                kept.append(paragraph[:cut[-1]])
                words = min_words
            break
        kept.append(paragraph)
        words += n
        if words >= min_words:
            break
    return "\n".join(kept) if words >= min_words else None


def opening_of(excerpt, words=45):
    """The excerpt's first sentences, about `words` words."""
    flat = " ".join(excerpt.split())
    ends = [m.end() for m in SENTENCE_END.finditer(flat)]
    for end in ends:
        if len(flat[:end].split()) >= words * 0.6:
            return flat[:end]
    return " ".join(flat.split()[:words])


def prompts(n, seed, temperatures):
    """n prompt specs, a deterministic mix of sources, tasks and temperatures."""
    rng = random.Random(seed)
    per_source = {}
    for source in corpus.SOURCES:
        docs = list(enumerate(corpus.iter_docs(source)))
        rng.shuffle(docs)
        per_source[source] = docs
    share = {"wikipedia": 0.4, "gutenberg": 0.3, "stackexchange": 0.25, "gum": 0.05}
    specs, task_names = [], list(TASKS)
    for source in corpus.SOURCES:
        want = round(n * share[source])
        for index, doc in per_source[source]:
            if want == 0:
                break
            excerpt = excerpt_of(doc)
            if excerpt is None:
                continue
            specs.append({"domain": source, "doc": index, "excerpt": excerpt})
            want -= 1
    rng.shuffle(specs)
    for i, spec in enumerate(specs):
        spec["id"] = i
        spec["task"] = task_names[i % len(task_names)]
        spec["temperature"] = temperatures[(i // len(task_names)) % len(temperatures)]
        spec["prompt"] = chat_prompt(TASKS[spec["task"]].format(excerpt=spec["excerpt"],
                                                               opening=opening_of(spec["excerpt"])))
    return specs


def clean(text, finished):
    """Drop a short preamble line ("Here is the revised text:"), an unfinished last sentence; None if too short."""
    text = text.strip()
    lines = text.split("\n")
    if len(lines) > 1 and lines[0].rstrip().endswith(":") and len(lines[0].split()) < 20:
        text = "\n".join(lines[1:]).strip()
    if not finished:
        ends = [m.end() for m in SENTENCE_END.finditer(text)]
        text = text[:ends[-1]] if ends else ""
    return text if len(text.split()) >= 40 else None


class ChatDecoder:
    """Batched, left-padded, KV-cached decoding with the stepper's weights and per-sequence positions."""

    def __init__(self, stepper):
        self.s = stepper
        self.group = stepper.heads // stepper.kv_heads

    def _rope(self, positions):
        ang = positions[..., None].double() * self.s.inv_freq
        cos = torch.cat([ang.cos(), ang.cos()], -1).float()[:, None]
        sin = torch.cat([ang.sin(), ang.sin()], -1).float()[:, None]
        return cos, sin

    def _layers(self, x, positions, bias, cache):
        """x [B, T, d] at cache positions cache["len"]..+T (keys and values written in place)."""
        s, w = self.s, self.s.w
        B, T, _ = x.shape
        n = cache["len"]
        cos, sin = self._rope(positions)
        for i in range(s.layers):
            h = s._rms(x, w[f"l{i}.attn_norm"])
            # query head h reads KV head h // group: [B, kv heads, group * T, hd] against [B, kv heads, L, hd]
            q = rotate_half_rope((h @ w[f"l{i}.q.T"]).view(B, T, s.heads, s.hd).transpose(1, 2), cos, sin)
            k = rotate_half_rope((h @ w[f"l{i}.k.T"]).view(B, T, s.kv_heads, s.hd).transpose(1, 2), cos, sin)
            cache["k"][i][:, :, n:n + T] = k
            cache["v"][i][:, :, n:n + T] = (h @ w[f"l{i}.v.T"]).view(B, T, s.kv_heads, s.hd).transpose(1, 2)
            keys, values = cache["k"][i][:, :, :n + T], cache["v"][i][:, :, :n + T]
            q = q.reshape(B, s.kv_heads, self.group * T, s.hd)
            scores = (q @ keys.transpose(-2, -1)).view(B, s.kv_heads, self.group, T, n + T) / (s.hd ** 0.5)
            att = torch.softmax(scores + bias[:, :, None], dim=-1).view(B, s.kv_heads, self.group * T, n + T)
            out = (att @ values).view(B, s.heads, T, s.hd).transpose(1, 2).reshape(B, T, s.d)
            x = x + out @ w[f"l{i}.o.T"]
            h = s._rms(x, w[f"l{i}.ffn_norm"])
            x = x + (torch.nn.functional.silu(h @ w[f"l{i}.gate.T"]) * (h @ w[f"l{i}.up.T"])) @ w[f"l{i}.down.T"]
        cache["len"] = n + T
        return s._rms(x[:, -1], w["output_norm"]) @ s.embed.t()

    @torch.no_grad()
    def generate(self, prompt_ids, temperatures, top_p, max_new, generators):
        """Token ids generated for each prompt, and whether it ended with <|im_end|>; a finished sequence
        leaves the batch (its rows of the cache are dropped). generators: one torch.Generator per prompt."""
        B, T = len(prompt_ids), max(len(p) for p in prompt_ids)
        ids = torch.zeros(B, T, dtype=torch.long)
        mask = torch.zeros(B, T, dtype=torch.bool)
        for b, p in enumerate(prompt_ids):
            ids[b, T - len(p):] = torch.tensor(p)
            mask[b, T - len(p):] = True
        positions = (mask.long().cumsum(-1) - 1).clamp(min=0)
        allowed = torch.ones(T, T, dtype=torch.bool).tril()[None, None] & mask[:, None, None, :]
        bias = torch.zeros(allowed.shape).masked_fill(~allowed, -1e30)
        shape = (B, self.s.kv_heads, T + max_new, self.s.hd)
        cache = {"len": 0, "k": [torch.zeros(shape) for _ in range(self.s.layers)],
                 "v": [torch.zeros(shape) for _ in range(self.s.layers)]}
        logits = self._layers(self.s.embed[ids], positions, bias, cache)
        next_pos = mask.sum(-1)
        temps = torch.tensor(temperatures, dtype=torch.float32)[:, None]
        out, finished = [[] for _ in range(B)], [False] * B
        active = list(range(B))          # batch row -> prompt index
        for _ in range(max_new):
            token = self._sample(logits / temps, top_p, [generators[b] for b in active])
            keep = []
            for row, b in enumerate(active):
                t = int(token[row])
                if t in (IM_END, END_OF_TEXT):
                    finished[b] = True
                else:
                    out[b].append(t)
                    keep.append(row)
            if not keep:
                break
            if len(keep) < len(active):
                rows = torch.tensor(keep)
                cache["k"] = [k[rows] for k in cache["k"]]
                cache["v"] = [v[rows] for v in cache["v"]]
                mask, next_pos, temps, token = mask[rows], next_pos[rows], temps[rows], token[rows]
                active = [active[r] for r in keep]
            mask = torch.cat([mask, torch.ones(len(active), 1, dtype=torch.bool)], 1)
            bias = torch.zeros(len(active), 1, 1, mask.shape[1]).masked_fill(~mask[:, None, None, :], -1e30)
            logits = self._layers(self.s.embed[token][:, None, :], next_pos[:, None], bias, cache)
            next_pos = next_pos + 1
        return out, finished

    @staticmethod
    def _sample(logits, top_p, generators, candidates=4096):
        """Nucleus sampling, each row with its own generator (a prompt's draws do not depend on its batch). The
        nucleus is looked for among the row's `candidates` most probable tokens (a partial sort); a row whose
        candidates hold less than top_p of the mass is sorted in full, so the result is the full sort's."""
        logits = logits.double()
        log_total = torch.logsumexp(logits, -1, keepdim=True)
        top_logits, order = logits.topk(min(candidates, logits.shape[-1]), dim=-1)
        sorted_p = torch.exp(top_logits - log_total)
        short = sorted_p.sum(-1) < top_p
        if short.any():
            rows = short.nonzero()[:, 0]
            full_p, full_order = torch.exp(logits[rows] - log_total[rows]).sort(-1, descending=True)
            width = full_p.shape[-1]
            sorted_p = torch.cat([sorted_p, sorted_p.new_zeros(len(sorted_p), width - sorted_p.shape[-1])], -1)
            order = torch.cat([order, order.new_zeros(len(order), width - order.shape[-1])], -1)
            sorted_p[rows], order[rows] = full_p, full_order
        sorted_p = sorted_p * (sorted_p.cumsum(-1) - sorted_p < top_p)
        cdf = (sorted_p / sorted_p.sum(-1, keepdim=True)).cumsum(-1)
        u = torch.stack([torch.rand(1, generator=g, dtype=torch.float64) for g in generators])
        choice = torch.searchsorted(cdf, u).clamp(max=cdf.shape[-1] - 1)
        return order.gather(-1, choice)[:, 0]


def done_ids(progress_path):
    if not os.path.exists(progress_path):
        return set()
    with open(progress_path) as f:
        return {json.loads(line)["id"] for line in f if line.strip()}


LICENSES = {"wikipedia": "CC-BY-SA 3.0", "gutenberg": "public domain (USA)",
            "stackexchange": "CC-BY-SA 3.0 (posts from May 2018 on: CC-BY-SA 4.0)"}


def attributions(source):
    """The corpus's attribution rows of one source, by document index (0-based, the order of corpus.iter_docs):
    {"source": title or URL, "url", "license"}; CC-BY and CC-BY-SA require them beside the text."""
    path = os.path.join(corpus.CORPUS_DIR, source, "attribution.tsv.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [{"source": row.get("title") or row.get("gum_doc") or row.get("url"),
             "url": row.get("url") or row.get("source_url"),
             "license": row.get("license") or LICENSES[source]} for row in rows]


def split_by_domain_and_task(path, directory):
    """The generated pairs as one file per corpus source and task (<domain>-<task>.jsonl), so a per-file pair
    cap (CacheFeatures --max-pairs-per-file) samples every source and task. Each row gets its excerpt's
    attribution (source title, URL, license) from the corpus."""
    files, credits = {}, {}
    with open(path, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    for human, machine in zip(rows[0::2], rows[1::2]):
        assert human["label"] == "human" and machine["label"] == "machine", "rows must alternate human, machine"
        domain = machine["domain"]
        if domain not in credits:
            credits[domain] = attributions(domain)
        credit = credits[domain][machine["doc"]]
        human, machine = {**human, **credit}, {**machine, **credit}
        files.setdefault(f"{domain}-{machine['task']}.jsonl", []).extend([human, machine])
    os.makedirs(directory, exist_ok=True)
    for name, pairs in sorted(files.items()):
        with open(os.path.join(directory, name), "w", encoding="utf-8") as f:
            f.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in pairs)
        print(f"{directory}/{name}: {len(pairs) // 2} pairs", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("-n", type=int, default=1600, help="prompts (about 5%% fewer texts survive the length check)")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--model", default=os.path.join(ROOT, "models", "smollm2-135m"))
    ap.add_argument("--temperatures", default="0.7,0.9,1.0")
    ap.add_argument("--top-p", type=float, default=0.95)
    ap.add_argument("--max-new", type=int, default=200)
    ap.add_argument("--batch", type=int, default=24)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--round", type=int, default=256,
                    help="prompts per round: the prompts are done round by round, sorted by length within one")
    ap.add_argument("--rounds", type=int, default=None,
                    help="do only the first ROUNDS rounds (ids below ROUNDS x --round), then split")
    ap.add_argument("--split-only", action="store_true",
                    help="only split what OUT holds into --split-into (after a run stopped at a round's end)")
    ap.add_argument("--split-into", default=os.path.join(HERE, "data", "smollm2-chat"),
                    help="when done, write the pairs here as <domain>-<task>.jsonl (the committed form)")
    args = ap.parse_args()
    if args.split_only:
        split_by_domain_and_task(args.out, args.split_into)
        return
    torch.set_num_threads(args.threads)
    stepper = LlamaStepper(os.path.join(args.model, "model.onnx"))
    tokenizer = Tokenizer.from_file(os.path.join(args.model, "tokenizer.json"))
    decoder = ChatDecoder(stepper)
    specs = prompts(args.n, args.seed, [float(t) for t in args.temperatures.split(",")])
    for spec in specs:
        spec["prompt_ids"] = tokenizer.encode(spec["prompt"], add_special_tokens=False).ids
    # in rounds of --round prompts in id order (a random mix of sources, tasks and temperatures, so a run
    # stopped after any round is a balanced sample), batches of similar prompt length within a round (less
    # padding); the order is fixed by the seed, so reruns resume
    specs.sort(key=lambda s: (s["id"] // args.round, len(s["prompt_ids"]), s["id"]))
    progress = args.out + ".progress"
    finished_ids = done_ids(progress)
    last = len(specs) if args.rounds is None else args.rounds * args.round
    todo = [s for s in specs if s["id"] not in finished_ids and s["id"] < last]
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    started, written = time.time(), 0
    for start in range(0, len(todo), args.batch):
        batch = todo[start:start + args.batch]
        generators = [torch.Generator().manual_seed(args.seed * 100003 + s["id"]) for s in batch]
        texts, finished = decoder.generate([s["prompt_ids"] for s in batch], [s["temperature"] for s in batch],
                                           args.top_p, args.max_new, generators)
        with open(args.out, "a", encoding="utf-8") as out, open(progress, "a") as prog:
            for spec, ids, ended in zip(batch, texts, finished):
                text = clean(tokenizer.decode(ids), ended)
                if text is not None:
                    meta = {"generator": GENERATOR, "domain": spec["domain"], "task": spec["task"],
                            "temperature": spec["temperature"], "doc": spec["doc"]}
                    out.write(json.dumps({"text": spec["excerpt"], "label": "human", **meta},
                                         ensure_ascii=False) + "\n")
                    out.write(json.dumps({"text": text, "label": "machine", **meta}, ensure_ascii=False) + "\n")
                    written += 1
                prog.write(json.dumps({"id": spec["id"], "kept": text is not None, "ended": ended,
                                       "new_tokens": len(ids)}) + "\n")
        print(f"{len(finished_ids) + start + len(batch)}/{len(specs)} prompts, {written} texts written this run, "
              f"{time.time() - started:.0f}s", file=sys.stderr, flush=True)
    split_by_domain_and_task(args.out, args.split_into)


if __name__ == "__main__":
    main()
