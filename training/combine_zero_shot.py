"""Held-out AUROC of PAWN combined with the Fast-DetectGPT criterion: whether a zero-shot score, which no training
data can bias, lifts the groups PAWN misses when they are held out.

    training/.venv/bin/python training/combine_zero_shot.py \
        --run training/work/exp150/pred-raw-1234,training/work/exp300/pred-raw-1234 \
        --cache training/work/features-smollm2-135m-150-l2 --calibration models/smollm2-135m/calibration.json

Per held-out text: the runs' P(machine) averaged as logits (as average_holdout.py and the shipped averaged head do)
and the analytic Fast-DetectGPT criterion sum(log p + H) / sqrt(sum(varentropy)) from the cache's metrics (the
Java scorer's definition, over the first 511 tokens the cache holds), each standardized by the calibration's human
references of that score (median and interquartile range: known to the service, no label of the held-out group
used); the combined score is z(PAWN) + w * z(Fast-DetectGPT). Prints a markdown table: one row per group the first
folder holds, one column per --weights value (0 = PAWN alone). Only the texts the cache's held-out run of the group
tests (the --held-out-of rule of average_holdout.py), so folders from larger caches are compared on those texts.
"""
import argparse
import json
import glob
import math
import os

import numpy as np

from average_holdout import held_out_texts, logits
from train_pawn import Cache, auroc, group_of_predictions_file


def fast_detect_gpt(cache, row):
    """The analytic Fast-DetectGPT criterion of one cached text (io.textprovenance.stats's definition)."""
    names = cache.meta["metrics"]
    m = cache.metrics[row["metrics_offset"]:row["metrics_offset"] + row["tokens"]]
    centered = m[:, names.index("token_logprob")] + m[:, names.index("entropy")]
    return float(centered.sum() / math.sqrt(max(float(m[:, names.index("varentropy")].sum()), 1e-12)))


def standardizer(references):
    """(median, interquartile range) of a score's human references."""
    q1, median, q3 = np.percentile(np.asarray(references, dtype=float), [25, 50, 75])
    return median, q3 - q1


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--run", required=True, help="DIR[,DIR...]: held-out prediction folders, averaged as logits")
    ap.add_argument("--cache", required=True, help="feature cache: the texts compared and their metrics")
    ap.add_argument("--calibration", required=True, help="calibration.json with pawn and fast-detectgpt references")
    ap.add_argument("--weights", default="0,0.25,0.5,1,2", help="comma-separated weights of z(Fast-DetectGPT)")
    args = ap.parse_args()
    with open(args.calibration) as f:
        scores = json.load(f)["scores"]
    if "pawn" not in scores or "fast-detectgpt" not in scores:
        raise SystemExit(f"{args.calibration} lacks the pawn or fast-detectgpt references")
    clip = lambda p: min(max(p, 1e-7), 1 - 1e-7)  # noqa: E731
    pawn_center, pawn_scale = standardizer([math.log(clip(p) / (1 - clip(p))) for p in scores["pawn"]["humanReferences"]])
    fd_center, fd_scale = standardizer(scores["fast-detectgpt"]["humanReferences"])
    weights = [float(w) for w in args.weights.split(",")]
    dirs = args.run.split(",")
    cache = Cache(args.cache)
    row_of = {}
    for row in cache.rows:
        key = (row["text_sha256"], row["label"])
        row_of.setdefault(key, row)
    files = sorted(os.path.basename(p) for p in glob.glob(os.path.join(dirs[0], "*.jsonl")))
    if not files:
        raise SystemExit(f"no <group>.jsonl in {dirs[0]}")
    print("| held out | fast-detectgpt alone | " + " | ".join(f"PAWN + {w:g} x FD" for w in weights) + " |")
    print("|---|" + "---:|" * (len(weights) + 1))
    sums = np.zeros(len(weights) + 1)
    for name in files:
        group = group_of_predictions_file(name)
        keep = held_out_texts(cache, group)
        runs = [logits(os.path.join(d, name), keep) for d in dirs]
        keys = sorted(set.intersection(*(set(run) for run in runs)), key=str)
        pawn = np.array([(sum(run[k] for run in runs) / len(runs) - pawn_center) / pawn_scale for k in keys])
        fd = np.array([(fast_detect_gpt(cache, row_of[k[:2]]) - fd_center) / fd_scale for k in keys])
        labels = [k[1] for k in keys]
        values = [auroc(fd, labels)] + [auroc(pawn + w * fd, labels) for w in weights]
        sums += values
        print(f"| {group} | " + " | ".join(f"{v:.3f}" for v in values) + " |")
    print("| mean | " + " | ".join(f"{v / len(files):.3f}" for v in sums) + " |")


if __name__ == "__main__":
    main()
