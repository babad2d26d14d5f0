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
import glob
import json
import math
import os

import numpy as np

from average_holdout import averaged_logits, held_out_texts, logit
from train_pawn import Cache, auroc, group_of_predictions_file


def fast_detect_gpt(cache):
    """The analytic Fast-DetectGPT criterion (DetectionScores.of's definition) of a cached text, by its index row."""
    names = cache.meta["metrics"]
    logprob, entropy, varentropy = (names.index(n) for n in ("token_logprob", "entropy", "varentropy"))

    def score(row):
        m = cache.metrics[row["metrics_offset"]:row["metrics_offset"] + row["tokens"]]
        return float((m[:, logprob] + m[:, entropy]).sum() / math.sqrt(max(float(m[:, varentropy].sum()), 1e-12)))
    return score


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
    pawn_center, pawn_scale = standardizer([logit(p) for p in scores["pawn"]["humanReferences"]])
    fd_center, fd_scale = standardizer(scores["fast-detectgpt"]["humanReferences"])
    weights = [float(w) for w in args.weights.split(",")]
    dirs = args.run.split(",")
    cache = Cache(args.cache)
    criterion = fast_detect_gpt(cache)
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
        averaged = averaged_logits(dirs, name, keep)
        if averaged is None:
            raise SystemExit(f"{name}: not in every folder of --run")
        keys = sorted(averaged, key=str)
        pawn = np.array([(averaged[k] - pawn_center) / pawn_scale for k in keys])
        fd = np.array([(criterion(row_of[k[:2]]) - fd_center) / fd_scale for k in keys])
        labels = [k[1] for k in keys]
        values = [auroc(fd, labels)] + [auroc(pawn + w * fd, labels) for w in weights]
        sums += values
        print(f"| {group} | " + " | ".join(f"{v:.3f}" for v in values) + " |")
    print("| mean | " + " | ".join(f"{v / len(files):.3f}" for v in sums) + " |")


if __name__ == "__main__":
    main()
