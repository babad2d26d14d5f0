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
Reads calibration.json format 2 (field names: the records of verdict/.../calibration/).
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


def read_calibration(path):
    """calibration.json in format 2 (evaluation's CalibrationFile; the verdict module's records name every field)."""
    calibration = json.load(open(path))
    if calibration.get("formatVersion") != 2:
        sys.exit(f"{path}: format {calibration.get('formatVersion', 1)}; this script reads format 2 (rewrite it with"
                 " the verdict module's CalibrationFile, which reads format 1)")
    return calibration


def calibration_table(calibration):
    fpr = calibration["targetFpr"]
    lines = [f"| score | threshold | calibration humans | test humans | test FPR [95% CI] (target {fpr:.0%}) "
             "| test machine | test TPR [95% CI] |", "|---|---:|---:|---:|---:|---:|---:|"]
    for name, s in calibration["scores"].items():
        test = s["test"]
        nh, nm = test["humanTexts"], test["machineTexts"]
        fp, tp = test["falsePositives"], test["truePositives"]
        lo_f, hi_f = wilson(fp, nh)
        lo_t, hi_t = wilson(tp, nm)
        lines.append(f"| {name} | {s['threshold']:.4g} | {s['calibrationHumanTexts']} | {nh} | "
                     f"{fp / nh:.3f} [{lo_f:.3f}, {hi_f:.3f}] | {nm} | {tp / nm:.3f} [{lo_t:.3f}, {hi_t:.3f}] |")
    return "\n".join(lines)


def rate(successes, n):
    lo, hi = wilson(successes, n)
    return f"{successes / n:.3f} [{lo:.3f}, {hi:.3f}]"


def service_rule_table(calibration):
    lines = ["| score | test FPR [95% CI], references of the text's length | test TPR [95% CI] |", "|---|---:|---:|"]
    for name, s in calibration["scores"].items():
        test = s["test"]
        if "lengthMatchedFalsePositives" in test:
            lines.append(f"| {name} | {rate(test['lengthMatchedFalsePositives'], test['humanTexts'])} | "
                         f"{rate(test['lengthMatchedTruePositives'], test['machineTexts'])} |")
    return "\n".join(lines)


def length_table(calibration, cell):
    """A row per score, a column per calibration length; cell(level) gives the text ("-" when absent)."""
    lengths = sorted({level["tokens"] for s in calibration["scores"].values() for level in s.get("byLength", [])})
    lines = ["| score | " + " | ".join(f"L = {n}" for n in lengths) + " |", "|---|" + "---:|" * len(lengths)]
    for name, s in calibration["scores"].items():
        levels = {level["tokens"]: level["test"] for level in s.get("byLength", []) if "test" in level}
        lines.append(f"| {name} | " + " | ".join(cell(levels[n]) if n in levels else "-" for n in lengths) + " |")
    return "\n".join(lines)


def prefix_table(calibration):
    return length_table(calibration, lambda test: f"{test['falsePositives']}/{test['humanTexts']} "
                                                  f"({test['falsePositivesAtOverallThreshold']})")


def called_human_table(calibration):
    return length_table(calibration, lambda test: "-" if "humansCalledHuman" not in test else
                        f"{test['humansCalledHuman'] / test['humanTexts']:.0%} / "
                        f"{test['machinesCalledHuman'] / test['machineTexts']:.1%}")


def service_labels_table(calibration):
    lines = ["| score | human texts: machine / human / uncertain | machine texts: machine / human / uncertain |",
             "|---|---:|---:|"]

    def shares(counts):
        n = sum(counts.values())
        return " / ".join(f"{counts[label] / n:.1%}" for label in ("machine", "human", "uncertain"))
    for name, s in calibration["scores"].items():
        test = s["test"]
        if "labelsOfHumanTexts" in test:
            lines.append(f"| {name} | {shares(test['labelsOfHumanTexts'])} | {shares(test['labelsOfMachineTexts'])} |")
    return "\n".join(lines)


def main():
    report = json.load(open(sys.argv[1]))
    calibration = read_calibration(sys.argv[2])
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
