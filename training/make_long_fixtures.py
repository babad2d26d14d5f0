"""Reference fixtures for the windowed scoring path and PAWN on real lengths (issue 15, item 3), for models/tiny.

1. scoring/src/test/resources/reference/windowed-reference.json: documents of 1 (the edge, BOS + 255 ids), 2, 3 and
   4 windows of the 256-token context. For each, the Java Windower's plan (training/windows.py) and, for EVERY
   token, the eight outputs of the scoring graph computed in torch (the model rebuilt from models/tiny/model.onnx,
   model.load_onnx_model) on exactly the window that scores it: window [start, end) is run alone (batch 1, no
   padding) and token p (input position p, BOS = position 0) is read at output index p - 1 - start. Hidden states
   (first 8 dims) at each window's first and last scored positions and at position 0. The torch values are
   cross-checked against onnxruntime on the same windows (max abs diff stored).
2. pawn-head/src/test/resources/default/pawn-long-fixture.json: texts of about 200 to 512 tokens (and one past
   512, where PAWN reads the first 512), features assembled window by window as the Java DocumentAssembler does
   (onnxruntime on models/tiny/model.onnx), then models/tiny/pawn.onnx run by onnxruntime: probability and
   per-token weights.

Texts: human and machine texts of ../shared/data/detection (Fast-DetectGPT XSum, MIT licence), with whitespace
collapsed to single spaces and typographic quotes folded (so the Java layout normalization leaves them alone and
the Java tokens are these ids). Run: training/.venv/bin/python training/make_long_fixtures.py
"""
import argparse
import hashlib
import json
import os
import re

import numpy as np
import onnxruntime as ort
import torch
from tokenizers import Tokenizer

from model import load_model
from pawn import MAX_LEN, METRIC_NAMES
from scoring import OUTPUT_NAMES, ScoringGraph
from windows import plan_windows

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(ROOT, "..", "shared", "data", "detection", "fast-detect-gpt", "exp_main", "xsum_gpt2-xl.raw_data.json")
METRICS = OUTPUT_NAMES[:-1]

# (name, source key, first record, target number of tokens)
WINDOWED = [("one-window-edge", "original", 0, 255), ("two-windows-edge", "original", 3, 256),
            ("two-windows", "original", 6, 330), ("three-windows", "sampled", 9, 470),
            ("four-windows", "original", 12, 600)]
PAWN = [("human-200", "original", 20, 200), ("machine-260", "sampled", 24, 260), ("human-330", "original", 28, 330),
        ("machine-420", "sampled", 32, 420), ("human-512", "original", 36, 512), ("machine-600", "sampled", 40, 600),
        ("machine-215", "sampled", 36, 215), ("machine-300", "sampled", 20, 300), ("machine-228", "sampled", 132, 228),
        ("machine-224", "sampled", 137, 224)]


def normalize(text):
    text = re.sub("[\u2018\u2019\u201a\u201b]", "'", text)
    text = re.sub("[\u201c\u201d\u201e\u201f]", '"', text)
    return re.sub(r"\s+", " ", text).strip()


def document(tok, records, first, target):
    """Whole records from `first` on, joined by spaces, cut to `target` ids at a point where decode/encode
    round-trips (so the text tokenizes to exactly these ids)."""
    text, i = "", first
    while len(tok.encode(text).ids) < target + 20:
        text = (text + " " + normalize(records[i])).strip()
        i += 1
    ids = tok.encode(text).ids
    for n in range(target, target - 40, -1):
        cut = tok.decode(ids[:n])
        if cut == cut.strip() and tok.encode(cut).ids == ids[:n]:
            if n != target:
                raise SystemExit(f"no round-tripping cut at {target} ids (nearest {n}); pick another record")
            return cut, ids[:n]
    raise SystemExit(f"no round-tripping cut near {target} ids")


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def ort_window(sess, x, clip):
    names = [o.name for o in sess.get_outputs()]
    return dict(zip(names, sess.run(None, {"input_ids": x, "attention_mask": np.ones_like(x),
                                           "clip_nats": np.array([clip], dtype=np.float32)})))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model-dir", default=os.path.join(ROOT, "models/tiny"))
    ap.add_argument("--scoring-out", default=os.path.join(ROOT, "scoring/src/test/resources/reference/windowed-reference.json"))
    ap.add_argument("--pawn-out", default=os.path.join(ROOT, "pawn-head/src/test/resources/default/pawn-long-fixture.json"))
    args = ap.parse_args()
    torch.set_num_threads(1)
    onnx_path = os.path.join(args.model_dir, "model.onnx")
    with open(os.path.join(args.model_dir, "model.json")) as f:
        manifest = json.load(f)
    clip, context, bos = manifest["clip_nats"], manifest["context_length"], manifest["bos_token_id"]
    tok = Tokenizer.from_file(os.path.join(args.model_dir, "tokenizer.json"))
    with open(DATA) as f:
        data = json.load(f)
    model, _ = load_model(onnx_path)
    graph = ScoringGraph(model).eval()
    sess = ort.InferenceSession(onnx_path, providers=["CPUExecutionProvider"])

    cases, ort_diff = [], 0.0
    for name, key, first, target in WINDOWED:
        text, ids = document(tok, data[key], first, target)
        x = np.array([bos] + ids, dtype=np.int64)
        windows = plan_windows(len(x), context)
        outputs = {m: [None] * len(ids) for m in METRICS}
        hidden_positions = sorted({0} | {p for (_, end, fs) in windows for p in (fs, end - 1)})
        hidden = {}
        for start, end, fs in windows:
            xw = torch.from_numpy(x[start:end][None])
            with torch.no_grad():
                outs = dict(zip(OUTPUT_NAMES, graph(xw, torch.ones_like(xw), torch.tensor([clip], dtype=torch.float32))))
            ref = ort_window(sess, x[start:end][None], clip)
            for m in METRICS:
                ort_diff = max(ort_diff, float(np.abs(ref[m][0] - outs[m][0].numpy()).max()))
            ort_diff = max(ort_diff, float(np.abs(ref["hidden_states"][0] - outs["hidden_states"][0].numpy()).max()))
            for p in range(fs, end):
                for m in METRICS:
                    outputs[m][p - 1] = float(outs[m][0, p - 1 - start])
            for p in hidden_positions:
                if (p == 0 and start == 0) or fs <= p < end:
                    hidden[p] = [float(v) for v in outs["hidden_states"][0, p - start, :8]]
        assert all(v is not None for m in METRICS for v in outputs[m])
        cases.append({"name": name, "text": text, "token_ids": ids, "num_tokens": len(ids),
                      "windows": [list(w) for w in windows], "outputs": outputs,
                      "hidden_positions": hidden_positions, "hidden_first8": [hidden[p] for p in hidden_positions]})
        print(f"{name}: {len(ids)} tokens, {len(windows)} windows {windows}")
    doc = {
        "description": "Reference outputs of the scoring graph (torch, float32, the model rebuilt from model.onnx) "
                       "for documents scored in several windows: each window [start, end) of input = [BOS] + "
                       "token_ids run alone; outputs[m][i] is metric m of token i (input position i + 1) from the "
                       "one window that scores it (the Java Windower's plan, 'windows' = [start, end, first scored "
                       "position]). hidden_first8[k] = hidden state of input position hidden_positions[k] (first 8 "
                       "dims) from the window that scores that position (position 0: the first window). Written by "
                       "training/make_long_fixtures.py.",
        "clip_nats": clip, "bos_token_id": bos, "context_length": context,
        "model_onnx_sha256": sha256(onnx_path), "tokenizer_sha256": sha256(os.path.join(args.model_dir, "tokenizer.json")),
        "onnxruntime_vs_torch_max_abs_diff": ort_diff,
        "cases": cases,
    }
    with open(args.scoring_out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=0)
    print("wrote", args.scoring_out, os.path.getsize(args.scoring_out), "bytes; onnxruntime vs torch", ort_diff)

    pawn_path = os.path.join(args.model_dir, "pawn.onnx")
    head = ort.InferenceSession(pawn_path, providers=["CPUExecutionProvider"])
    pawn_cases = []
    for name, key, first, target in PAWN:
        text, ids = document(tok, data[key], first, target)
        x = np.array([bos] + ids, dtype=np.int64)
        metrics = np.zeros((len(ids), len(METRIC_NAMES)), np.float32)
        states = np.zeros((len(ids) + 1, manifest["hidden_size"]), np.float32)
        windows = plan_windows(len(x), context)
        for start, end, fs in windows:
            out = ort_window(sess, x[start:end][None], clip)
            if start == 0:
                states[0] = out["hidden_states"][0, 0]
            for p in range(fs, end):
                metrics[p - 1] = [out[m][0, p - 1 - start] for m in METRIC_NAMES]
                states[p] = out["hidden_states"][0, p - start]
        n = min(len(ids), MAX_LEN)
        probability, weights = head.run(None, {"metrics": metrics[None, :n], "hidden": states[None, :n + 1],
                                               "mask": np.ones((1, n), np.float32)})
        pawn_cases.append({"name": name, "text": text, "tokens": len(ids), "windows": len(windows),
                           "probability": float(probability[0]), "token_weights": [float(w) for w in weights[0]]})
        print(f"{name}: {len(ids)} tokens, {len(windows)} windows, PAWN probability {float(probability[0]):.4f}")
    with open(os.path.join(args.model_dir, "pawn.json")) as f:
        card = json.load(f)
    with open(args.pawn_out, "w", encoding="utf-8") as f:
        json.dump({"description": "onnxruntime PAWN outputs (pawn.onnx of models/tiny) on features assembled window by "
                                  "window as the Java DocumentAssembler does (onnxruntime on models/tiny/model.onnx), "
                                  "for texts of 200-600 tokens (PAWN reads the first 512). Written by "
                                  "training/make_long_fixtures.py.",
                   "pawn_sha256": card["sha256"], "model_onnx_sha256": sha256(onnx_path), "cases": pawn_cases},
                  f, ensure_ascii=False, indent=0)
    print("wrote", args.pawn_out, os.path.getsize(args.pawn_out), "bytes")


if __name__ == "__main__":
    main()
