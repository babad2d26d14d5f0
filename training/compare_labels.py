#!/usr/bin/env python3
"""Compares PAWN heads on the same texts by the labels the service gives them.

Each input is the labels.jsonl of an `Evaluate --thresholds` run (one line per text: source, pair, machine,
label, reason). Only texts every run labelled by PAWN count, so heads trained on different splits are compared
on texts none of them trained on. For each run: the service's labels (human texts called machine, machine texts
called machine and human), and the TPR at fixed FPRs with the threshold taken from these texts' own human
scores (the P(machine) of each reason), which shows the head's low-FPR end apart from its calibration, and where
the machine texts' and the human tail's P(machine) lie (a head whose human tail reaches the plateau where most
machine texts sit has an operating point that moves with a few texts); then the same labels by the text's length.

    training/compare_labels.py NAME=report-a/labels.jsonl NAME=report-b/labels.jsonl [--fpr 0.005,0.01,0.02]
"""
import argparse
import json
import re

P_MACHINE = re.compile(r"P\(machine\) = ([0-9.]+)")


def pawn_labels(path):
    """(source, pair, machine) -> (label, P(machine), tokens scored) for the texts PAWN labelled."""
    labels = {}
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise SystemExit(f"{path}:{number}: not a labels.jsonl line ({error})")
            if row.get("policy") != "pawn":
                continue
            score = P_MACHINE.search(row["reason"])
            if score is None:
                raise SystemExit(f"{path}: a pawn label without P(machine) in its reason: {row['reason']!r}")
            labels[(row["source"], row["pair"], row["machine"])] = (row["label"], float(score.group(1)), row["tokens"])
    if not labels:
        raise SystemExit(f"{path}: no PAWN labels (is it the labels.jsonl of an Evaluate --thresholds run?)")
    return labels


def tpr_at_fpr(human_scores, machine_scores, fpr):
    """TPR with the threshold that leaves floor(fpr * n) human scores strictly above it."""
    ranked = sorted(human_scores, reverse=True)
    threshold = ranked[min(int(fpr * len(ranked)), len(ranked) - 1)]
    return sum(score > threshold for score in machine_scores) / len(machine_scores)


def quantile(values, q):
    """The q-quantile of values (nearest rank)."""
    ranked = sorted(values)
    return ranked[min(int(q * len(ranked)), len(ranked) - 1)]


def count(rows, label):
    """How many of the (label, P(machine), tokens) rows carry the label."""
    return sum(row[0] == label for row in rows)


def summary(name, labels, texts, fprs):
    humans = [labels[t] for t in texts if not t[2]]
    machines = [labels[t] for t in texts if t[2]]
    cells = [name,
             f"{count(humans, 'machine')}/{len(humans)} = {count(humans, 'machine') / len(humans):.4f}",
             f"{count(machines, 'machine')}/{len(machines)} = {count(machines, 'machine') / len(machines):.3f}",
             f"{count(machines, 'human')}/{len(machines)}"]
    cells += [f"{tpr_at_fpr([h[1] for h in humans], [m[1] for m in machines], fpr):.3f}" for fpr in fprs]
    cells += [f"{quantile([m[1] for m in machines], 0.5):.3f}", f"{quantile([h[1] for h in humans], 0.99):.3f}"]
    return "| " + " | ".join(cells) + " |"


def by_length(name, labels, texts, edges):
    """One row: per token bin [edges[i], edges[i+1]), machine texts called machine and human texts called machine."""
    cells = [name]
    for low, high in zip(edges, edges[1:] + [None]):
        inside = [t for t in texts if labels[t][2] >= low and (high is None or labels[t][2] < high)]
        machines = [labels[t] for t in inside if t[2]]
        humans = [labels[t] for t in inside if not t[2]]
        tpr = f"{count(machines, 'machine') / len(machines):.3f}" if machines else "-"
        cells.append(f"{count(machines, 'machine')}/{len(machines)} = {tpr}; {count(humans, 'machine')}/{len(humans)}")
    return "| " + " | ".join(cells) + " |"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("runs", nargs="+", help="NAME=labels.jsonl of an Evaluate --thresholds run")
    ap.add_argument("--fpr", default="0.005,0.01,0.02", help="FPRs for the TPR columns (comma-separated)")
    ap.add_argument("--bins", default="32,128,192", help="token counts where the by-length table's bins start "
                    "(comma-separated, increasing; the service compares a text with the references of the largest "
                    "calibrated length not above its own)")
    args = ap.parse_args()
    fprs = [float(f) for f in args.fpr.split(",")]
    edges = [int(b) for b in args.bins.split(",")]
    if edges != sorted(set(edges)):
        raise SystemExit(f"--bins must increase: {args.bins}")
    runs = []
    for spec in args.runs:
        name, sep, path = spec.partition("=")
        if not sep:
            raise SystemExit(f"expected NAME=labels.jsonl, got {spec!r}")
        runs.append((name, pawn_labels(path)))
    texts = sorted(set.intersection(*(set(labels) for _, labels in runs)))
    machines = sum(t[2] for t in texts)
    print(f"{len(texts)} texts every run labelled by PAWN ({machines} machine, {len(texts) - machines} human)\n")
    print("| head | human texts called machine | machine texts called machine | machine texts called human | "
          + " | ".join(f"TPR at {f:.1%} FPR (these texts' threshold)" for f in fprs)
          + " | P(machine): median of machine texts | P(machine): 99th percentile of human texts |")
    print("|---|---|---|---|" + "---|" * (len(fprs) + 2))
    for name, labels in runs:
        print(summary(name, labels, texts, fprs))
    print("\nBy length (tokens scored): machine texts called machine; human texts called machine\n")
    print("| head | " + " | ".join(f"{low}-{high - 1}" for low, high in zip(edges, edges[1:]))
          + f" | >= {edges[-1]} |")
    print("|---|" + "---|" * len(edges))
    for name, labels in runs:
        print(by_length(name, labels, texts, edges))


if __name__ == "__main__":
    main()
