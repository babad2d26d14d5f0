#!/usr/bin/env python3
"""The summary tables of docs/evaluation.md, from what Evaluate wrote:
    evaluation/summarize.py report/report.json models/tiny/calibration.json [file prefix, default fast-detect-gpt/]
1. unweighted mean AUROC over the files under the prefix, per detector (how Fast-DetectGPT averages its 0.9887
   over 5 generators x 3 domains);
2. the calibrated thresholds at the target FPR and what they reach on the test split they were not fitted on,
   with 95% Wilson intervals, whole-text references and the service's by-length references;
3. by calibration length L: the test humans' first L tokens against the threshold of length L, and against the
   whole-text threshold;
4. by calibration length L: the share of test humans and of test machine texts called "human" (not flagged, and
   below all but 5% of the calibration machine texts of length L);
5. the service's labels (its defaults) on the whole test texts, by class.
"""
import json
import math
import sys
from collections import defaultdict


def wilson(successes, n, z=1.959964):
    if n == 0:
        return float("nan"), float("nan")
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def mean_auroc(report, prefix):
    by_detector = defaultdict(list)
    for result in report["results"]:
        if result["group"].startswith("file:" + prefix):
            by_detector[result["detector"]].append(result["auroc"])
    lines = [f"| detector | files | mean AUROC over the files under `{prefix}` |", "|---|---:|---:|"]
    lines += [f"| {d} | {len(v)} | {sum(v) / len(v):.4f} |" for d, v in by_detector.items()]
    return "\n".join(lines)


def calibration_table(calibration):
    fpr = calibration["targetFpr"]
    lines = [f"| score | threshold | calibration humans | test humans | test FPR [95% CI] (target {fpr:.0%}) "
             "| test machine | test TPR [95% CI] |", "|---|---:|---:|---:|---:|---:|---:|"]
    for name, s in calibration["scores"].items():
        nh, nm = s["test_human_texts"], s["test_machine_texts"]
        fp, tp = round(s["test_fpr"] * nh), round(s["test_tpr"] * nm)
        lo_f, hi_f = wilson(fp, nh)
        lo_t, hi_t = wilson(tp, nm)
        lines.append(f"| {name} | {s['threshold']:.4g} | {s['calibration_human_texts']} | {nh} | "
                     f"{s['test_fpr']:.3f} [{lo_f:.3f}, {hi_f:.3f}] | {nm} | {s['test_tpr']:.3f} [{lo_t:.3f}, {hi_t:.3f}] |")
    return "\n".join(lines)


def rate(successes, n):
    lo, hi = wilson(successes, n)
    return f"{successes / n:.3f} [{lo:.3f}, {hi:.3f}]"


def service_rule_table(calibration):
    lines = ["| score | test FPR [95% CI], references of the text's length | test TPR [95% CI] |", "|---|---:|---:|"]
    for name, s in calibration["scores"].items():
        if "test_false_positives_length_matched" in s:
            lines.append(f"| {name} | {rate(s['test_false_positives_length_matched'], s['test_human_texts'])} | "
                         f"{rate(s['test_true_positives_length_matched'], s['test_machine_texts'])} |")
    return "\n".join(lines)


def length_table(calibration, cell):
    """A row per score, a column per calibration length; cell(level) gives the text ("-" when absent)."""
    lengths = sorted({level["tokens"] for s in calibration["scores"].values() for level in s.get("by_length", [])})
    lines = ["| score | " + " | ".join(f"L = {n}" for n in lengths) + " |", "|---|" + "---:|" * len(lengths)]
    for name, s in calibration["scores"].items():
        levels = {level["tokens"]: level for level in s.get("by_length", [])}
        lines.append(f"| {name} | " + " | ".join(cell(levels[n]) if n in levels else "-" for n in lengths) + " |")
    return "\n".join(lines)


def prefix_table(calibration):
    return length_table(calibration, lambda level: f"{level['test_false_positives']}/{level['test_human_texts']} "
                                                   f"({level['test_false_positives_at_overall_threshold']})")


def called_human_table(calibration):
    return length_table(calibration, lambda level: "-" if "test_humans_called_human" not in level else
                        f"{level['test_humans_called_human'] / level['test_human_texts']:.0%} / "
                        f"{level['test_machines_called_human'] / level['test_machine_texts']:.1%}")


def service_labels_table(calibration):
    lines = ["| score | human texts: machine / human / uncertain | machine texts: machine / human / uncertain |",
             "|---|---:|---:|"]

    def shares(counts):
        n = sum(counts.values())
        return " / ".join(f"{counts[label] / n:.1%}" for label in ("machine", "human", "uncertain"))
    for name, s in calibration["scores"].items():
        if "test_labels_human_texts" in s:
            lines.append(f"| {name} | {shares(s['test_labels_human_texts'])} | {shares(s['test_labels_machine_texts'])} |")
    return "\n".join(lines)


def main():
    report = json.load(open(sys.argv[1]))
    calibration = json.load(open(sys.argv[2]))
    prefix = sys.argv[3] if len(sys.argv) > 3 else "fast-detect-gpt/"
    print(mean_auroc(report, prefix))
    print()
    print(calibration_table(calibration))
    print()
    print(service_rule_table(calibration))
    print()
    print(prefix_table(calibration))
    print()
    print(called_human_table(calibration))
    print()
    print(service_labels_table(calibration))


if __name__ == "__main__":
    main()
