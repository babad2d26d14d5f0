"""PyTorch side of the scorer benchmark: tokens/s of the scoring graph's forward (the same computation the
ONNX graph does: LM forward + per-position metrics from full logits) at batch sizes 1, 8, 32 and T tokens,
on random ids, torch.no_grad, float32, threads = cores. Writes {"1": tok/s, "8": ..., "32": ...} as JSON.
Run by evaluation/benchmark.sh; not part of CI.
"""
import argparse
import json
import os
import time

import torch

from model import load_model
from scoring import ScoringGraph

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=os.path.join(ROOT, "models/tiny/model.onnx"),
                    help="the shipped .onnx (its weights rebuilt in torch; default) or a training checkpoint .pt")
    ap.add_argument("--length", type=int, default=256)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    torch.set_num_threads(os.cpu_count())
    model, _ = load_model(args.model)
    graph = ScoringGraph(model).eval()
    clip = torch.tensor([10.0])
    results = {}
    gen = torch.Generator().manual_seed(42)
    for batch in (1, 8, 32):
        ids = torch.randint(1, model.cfg.vocab_size, (batch, args.length), generator=gen)
        ids[:, 0] = 0
        mask = torch.ones_like(ids)
        with torch.no_grad():
            graph(ids, mask, clip)  # warm-up
            tokens, start = 0, time.time()
            while time.time() - start < args.seconds:
                graph(ids, mask, clip)
                tokens += batch * args.length
        results[str(batch)] = tokens / (time.time() - start)
        print(f"torch batch {batch}: {results[str(batch)]:.0f} tokens/s", flush=True)
    results["torch_version"] = torch.__version__
    with open(args.out, "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
