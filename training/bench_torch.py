"""PyTorch side of the scorer benchmark: tokens/s of the scoring graph's forward (the same computation the
ONNX graph does: LM forward + per-position metrics from full logits) at the given batch sizes and T tokens,
on random ids, torch.no_grad, float32, threads = cores; and the machine's float32 GEMM peak (torch.mm of
2048 x 2048 matrices), for the model-FLOP utilisation. Writes {"1": tok/s, ..., "gemm_peak_gflops": ...}.
The model is the shipped ONNX (the GPT of models/tiny rebuilt in torch, or an imported Llama graph's weights
run by llama_torch.forward). Run by evaluation/benchmark.sh; not part of CI.
"""
import argparse
import json
import os
import time

import torch

from llama_torch import LlamaStepper, forward as llama_forward, is_llama_graph
from model import load_model
from scoring import ScoringGraph, score_from_logits

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=os.path.join(ROOT, "models/tiny/model.onnx"),
                    help="the shipped .onnx (its weights rebuilt in torch; default) or a training checkpoint .pt")
    ap.add_argument("--length", type=int, default=256)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--batches", default="1,8,32")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    torch.set_num_threads(os.cpu_count())
    clip = torch.tensor([10.0])
    if is_llama_graph(args.model):
        stepper = LlamaStepper(args.model)
        vocab = stepper.embed.shape[0]

        def graph(ids, mask, clip_nats):
            logits, _ = llama_forward(stepper, ids, mask)
            return score_from_logits(logits, ids, clip_nats)
    else:
        model, _ = load_model(args.model)
        graph = ScoringGraph(model).eval()
        vocab = model.cfg.vocab_size
    results = {"gemm_peak_gflops": gemm_peak()}
    print(f"float32 GEMM peak: {results['gemm_peak_gflops']:.0f} GFLOP/s", flush=True)
    gen = torch.Generator().manual_seed(42)
    for batch in [int(b) for b in args.batches.split(",")]:
        ids = torch.randint(1, vocab, (batch, args.length), generator=gen)
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


def gemm_peak(n=2048, seconds=3.0):
    a, b = torch.randn(n, n), torch.randn(n, n)
    torch.mm(a, b)
    runs, start = 0, time.time()
    while time.time() - start < seconds:
        torch.mm(a, b)
        runs += 1
    return 2 * n ** 3 * runs / (time.time() - start) / 1e9


if __name__ == "__main__":
    main()
