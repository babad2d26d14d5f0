"""Write the Java reference fixture scoring/src/test/resources/reference/scoring-reference.json.

For each text: the token ids (WITHOUT the BOS), and for texts that fit in one window (BOS + ids <= 256)
every output of the scoring graph computed in torch for the sequence [BOS] + ids (batch 1, no padding),
with hidden_states reduced to the first 3 positions x first 8 dims.
"""
import argparse
import hashlib
import json
import os

import torch
from tokenizers import Tokenizer

from model import load_checkpoint_model
from scoring import OUTPUT_NAMES, ScoringGraph

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CLIP = 10.0

LONG = ("The history of the city begins with a small settlement on the northern bank of the river, where "
        "fishermen and traders built wooden houses near a natural harbour. Over the following centuries the "
        "town grew into an important market, and its merchants sent grain, wool and timber to ports along the "
        "coast. A stone bridge was completed in the thirteenth century, and a wall with six gates was built to "
        "protect the growing population from raids. The cathedral, begun in 1220 and finished more than a "
        "century later, still dominates the skyline of the old town. During the industrial period new factories "
        "appeared along the canal, and the population doubled within forty years as workers arrived from the "
        "surrounding countryside. Railways connected the city to the capital in 1851, and a university was "
        "founded soon afterwards. Today the city is known for its museums, its parks and its annual music "
        "festival, which attracts visitors from many countries every summer. Local government is led by an "
        "elected council and a mayor, who serve four-year terms, and the economy depends on services, "
        "education and tourism rather than on the heavy industry that once defined the region and its people. Visitors who arrive by train are "
        "advised to walk from the station to the old market square, which takes about fifteen minutes, and to "
        "climb the cathedral tower for a view of the river valley and the hills beyond it.")

TEXTS = [
    ("plain", "The quick brown fox jumps over the lazy dog."),
    ("sentence", "In 1905, Albert Einstein published four papers that changed our understanding of physics."),
    ("multilingual", "Great job! 🎉👍 東京は日本の首都です。 مرحبا بالعالم — café"),
    ("newlines", "First paragraph of the answer.\nSecond paragraph, with a list:\n- one\n- two\n\nThe end."),
    ("question", "How do I keep my coffee beans fresh for longer? I usually buy a bag every two weeks."),
    ("long", LONG),
]


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        h.update(f.read())
    return h.hexdigest()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", default=os.path.join(HERE, "work", "ckpt.pt"))
    ap.add_argument("--tokenizer", default=os.path.join(ROOT, "models/tiny/tokenizer.json"))
    ap.add_argument("--onnx", default=os.path.join(ROOT, "models/tiny/model.onnx"))
    ap.add_argument("--out", default=os.path.join(ROOT, "scoring/src/test/resources/reference/scoring-reference.json"))
    args = ap.parse_args()
    torch.set_num_threads(2)
    model, ck = load_checkpoint_model(args.ckpt)
    g = ScoringGraph(model).eval()
    tok = Tokenizer.from_file(args.tokenizer)
    T = model.cfg.context_length
    cases = []
    for name, text in TEXTS:
        ids = tok.encode(text).ids
        assert tok.decode(ids, skip_special_tokens=False) == text
        case = {"name": name, "text": text, "token_ids": ids, "num_tokens": len(ids),
                "fits_one_window": len(ids) + 1 <= T}
        if case["fits_one_window"]:
            x = torch.tensor([[0] + ids], dtype=torch.int64)
            with torch.no_grad():
                outs = g(x, torch.ones_like(x), torch.tensor([CLIP], dtype=torch.float32))
            o = dict(zip(OUTPUT_NAMES, outs))
            case["outputs"] = {n: [float(v) for v in o[n][0].tolist()] for n in OUTPUT_NAMES[:-1]}
            case["outputs"]["hidden_states_first3x8"] = [[float(v) for v in row[:8]] for row in o["hidden_states"][0, :3].tolist()]
        cases.append(case)
    assert any(not c["fits_one_window"] for c in cases), "the long text must exceed the context"
    ort_diff = None
    if os.path.exists(args.onnx):  # cross-check the torch values against the exported graph
        import numpy as np
        import onnxruntime as ort
        sess = ort.InferenceSession(args.onnx, providers=["CPUExecutionProvider"])
        ort_diff = 0.0
        for c in cases:
            if not c["fits_one_window"]:
                continue
            x = np.array([[0] + c["token_ids"]], dtype=np.int64)
            got = dict(zip(OUTPUT_NAMES, sess.run(None, {"input_ids": x, "attention_mask": np.ones_like(x),
                                                       "clip_nats": np.array([CLIP], dtype=np.float32)})))
            for n in OUTPUT_NAMES[:-1]:
                d = float(np.abs(got[n][0] - np.array(c["outputs"][n])).max())
                if d > 1e-4:
                    print("  fixture diff", c["name"], n, d)
                ort_diff = max(ort_diff, d)
            ort_diff = max(ort_diff, float(np.abs(got["hidden_states"][0, :3, :8] -
                                                  np.array(c["outputs"]["hidden_states_first3x8"])).max()))
        print("onnxruntime vs torch max abs diff on the fixture:", ort_diff)
    doc = {
        "description": "Reference outputs of the scoring graph computed in torch (float32) for input_ids = [0] + "
                       "token_ids, attention_mask all ones, batch 1. Output position j describes the prediction "
                       "of input_ids[j+1]. hidden_states_first3x8 = hidden_states[0, :3, :8]. Texts that do not "
                       "fit one window (BOS + ids > context_length) only carry token_ids. Expected tolerance vs "
                       "onnxruntime: 1e-4 absolute (rank_fraction/top_p_mass may differ on exact float near-ties).",
        "model": "detector-default-gpt",
        "checkpoint_step": ck["step"],
        "clip_nats": CLIP,
        "bos_token_id": 0,
        "context_length": T,
        "vocab_size": model.cfg.vocab_size,
        "hidden_size": model.cfg.d_model,
        "model_onnx_sha256": sha256(args.onnx) if os.path.exists(args.onnx) else None,
        "tokenizer_sha256": sha256(args.tokenizer),
        "onnxruntime_vs_torch_max_abs_diff": ort_diff,
        "cases": cases,
    }
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
    print("wrote", args.out, os.path.getsize(args.out), "bytes;", [(c["name"], c["num_tokens"]) for c in cases])


if __name__ == "__main__":
    main()
