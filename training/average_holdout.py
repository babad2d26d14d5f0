"""AUROC of held-out PAWN runs averaged: each run's P(machine) per text (train_pawn.py --holdout ... --predictions
DIR) turned into a logit, the logits of the runs averaged per text, AUROC per held-out group.

    training/.venv/bin/python training/average_holdout.py --run raw=training/work/pred-raw-s1234 \
        --run "3 seeds=training/work/pred-raw-s1234,training/work/pred-raw-s1235,training/work/pred-raw-s1236"

Prints a markdown table: one row per --run (NAME=DIR[,DIR...]), one column per group the first DIR holds. A
group some DIR of a row lacks is '-'; a text must be in every DIR of its row (the same cache and split).
--held-out-of CACHE keeps only the texts that the same group's held-out run on another feature cache tests
(matched by text sha256 and label), so that runs trained on caches of different sizes are compared on the same
texts: the document split is the same in every cache, so a smaller cache's held-out texts are a subset. With
it, the folders of one --run may come from different caches (texts matched by sha256): e.g. a head trained on
150 pairs averaged with one trained on 300, on the 150-pair held-out texts.
"""
import argparse
import glob
import json
import math
import os

from train_pawn import Cache, auroc, group_of_predictions_file, holdout_documents


def logit(p):
    """ln(p / (1 - p)), p clipped to [1e-7, 1 - 1e-7]."""
    p = min(max(p, 1e-7), 1 - 1e-7)
    return math.log(p / (1 - p))


def logits(path, keep=None):
    """{key: logit} of one run's held-out texts of one group. Without keep the key is (feature, label): runs on
    one cache. With keep, a set of (text sha256, label), only those texts, keyed by (text sha256, label, n), the
    n-th copy of that text in the file (a human text recurs in several data files), so that runs on different
    caches are matched text by text."""
    out = {}
    copies = {}
    with open(path) as f:
        for line in f:
            r = json.loads(line)
            value = logit(r["p"])
            if keep is None:
                out[(r["feature"], r["label"])] = value
                continue
            if "text_sha256" not in r:
                raise SystemExit(f"{path} does not record text_sha256 (written before --held-out-of existed): "
                                 "run its held-out run again")
            text = (r["text_sha256"], r["label"])
            if text in keep:
                copies[text] = copies.get(text, 0) + 1
                out[text + (copies[text],)] = value
    return out


def averaged_logits(dirs, file_name, keep=None):
    """{key: the mean of the runs' logits} of one group (keys as in logits), or None where some run lacks it."""
    paths = [os.path.join(d, file_name) for d in dirs]
    if not all(os.path.exists(p) for p in paths):
        return None
    runs = [logits(p, keep) for p in paths]
    if any(set(run) != set(runs[0]) for run in runs[1:]):
        raise SystemExit(f"{file_name}: the runs {dirs} hold different texts (another cache or split? runs on "
                         "different caches need --held-out-of the smaller cache)")
    return {k: sum(run[k] for run in runs) / len(runs) for k in runs[0]}


def averaged_auroc(dirs, file_name, keep=None):
    """(AUROC, texts) of the runs in dirs averaged as logits, or None where some run lacks the group."""
    averaged = averaged_logits(dirs, file_name, keep)
    if averaged is None:
        return None
    keys = sorted(averaged, key=str)
    return auroc([averaged[k] for k in keys], [k[1] for k in keys]), len(keys)


def held_out_texts(cache, group):
    """{(text sha256, label)} of the texts a held-out run of the group on cache tests."""
    return {(d["text_sha256"], d["label"]) for d in holdout_documents(cache, group)[1]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--run", action="append", required=True, help="NAME=DIR[,DIR...]: prediction folders to average")
    ap.add_argument("--held-out-of", default=None, help="a feature cache: keep only the texts its held-out run of "
                    "the same group tests")
    args = ap.parse_args()
    rows = [(spec.split("=", 1)[0], spec.split("=", 1)[1].split(",")) for spec in args.run]
    files = sorted(os.path.basename(p) for p in glob.glob(os.path.join(rows[0][1][0], "*.jsonl")))
    if not files:
        raise SystemExit(f"no <group>.jsonl in {rows[0][1][0]}")
    groups = [group_of_predictions_file(f) for f in files]
    other = Cache(args.held_out_of) if args.held_out_of else None
    keeps = [held_out_texts(other, g) if other else None for g in groups]
    print("| runs averaged | " + " | ".join(groups) + " | mean |")
    print("|---|" + "---:|" * (len(groups) + 1))
    counts = None
    for name, dirs in rows:
        results = [averaged_auroc(dirs, f, keep) for f, keep in zip(files, keeps)]
        values = [None if r is None else r[0] for r in results]
        counts = counts or [None if r is None else r[1] for r in results]
        known = [v for v in values if v is not None]
        mean = f"{sum(known) / len(known):.3f}" if len(known) == len(values) else "-"
        print(f"| {name} | " + " | ".join("-" if v is None else f"{v:.3f}" for v in values) + f" | {mean} |")
    print("\ntexts per group: " + ", ".join(f"{g} {c}" for g, c in zip(groups, counts) if c is not None)
          + (f" (only the held-out texts of {args.held_out_of})" if other else ""))


if __name__ == "__main__":
    main()
