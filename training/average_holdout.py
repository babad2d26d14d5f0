"""AUROC of held-out PAWN runs averaged: each run's P(machine) per text (train_pawn.py --holdout ... --predictions
DIR) turned into a logit, the logits of the runs averaged per text, AUROC per held-out group.

    training/.venv/bin/python training/average_holdout.py --run raw=training/work/pred-raw-s1234 \
        --run "3 seeds=training/work/pred-raw-s1234,training/work/pred-raw-s1235,training/work/pred-raw-s1236"

Prints a markdown table: one row per --run (NAME=DIR[,DIR...]), one column per group the first DIR holds. A
group some DIR of a row lacks is '-'; a text must be in every DIR of its row (the same cache and split).
"""
import argparse
import glob
import json
import math
import os

from train_pawn import auroc, group_of_predictions_file


def logits(path):
    """{(feature, label): logit} of one run's held-out texts of one group."""
    out = {}
    with open(path) as f:
        for line in f:
            r = json.loads(line)
            p = min(max(r["p"], 1e-7), 1 - 1e-7)
            out[(r["feature"], r["label"])] = math.log(p / (1 - p))
    return out


def averaged_auroc(dirs, file_name):
    paths = [os.path.join(d, file_name) for d in dirs]
    if not all(os.path.exists(p) for p in paths):
        return None
    runs = [logits(p) for p in paths]
    keys = sorted(runs[0])
    if any(set(run) != set(keys) for run in runs[1:]):
        raise SystemExit(f"{file_name}: the runs {dirs} hold different texts (another cache or split?)")
    return auroc([sum(run[k] for run in runs) / len(runs) for k in keys], [k[1] for k in keys])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--run", action="append", required=True, help="NAME=DIR[,DIR...]: prediction folders to average")
    args = ap.parse_args()
    rows = [(spec.split("=", 1)[0], spec.split("=", 1)[1].split(",")) for spec in args.run]
    files = sorted(os.path.basename(p) for p in glob.glob(os.path.join(rows[0][1][0], "*.jsonl")))
    if not files:
        raise SystemExit(f"no <group>.jsonl in {rows[0][1][0]}")
    groups = [group_of_predictions_file(f) for f in files]
    print("| runs averaged | " + " | ".join(groups) + " | mean |")
    print("|---|" + "---:|" * (len(groups) + 1))
    for name, dirs in rows:
        values = [averaged_auroc(dirs, f) for f in files]
        known = [v for v in values if v is not None]
        mean = f"{sum(known) / len(known):.3f}" if len(known) == len(values) else "-"
        print(f"| {name} | " + " | ".join("-" if v is None else f"{v:.3f}" for v in values) + f" | {mean} |")


if __name__ == "__main__":
    main()
