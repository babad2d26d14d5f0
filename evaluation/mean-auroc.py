#!/usr/bin/env python3
"""Unweighted mean AUROC over the files of a report whose path starts with a prefix, per detector: how papers
average over their data sets (e.g. Fast-DetectGPT's 0.9887 over 5 generators x 3 domains).
    evaluation/mean-auroc.py report/report.json fast-detect-gpt/
"""
import json
import sys
from collections import defaultdict

report, prefix = sys.argv[1], sys.argv[2]
by_detector = defaultdict(list)
for result in json.load(open(report))["results"]:
    if result["group"].startswith("file:" + prefix):
        by_detector[result["detector"]].append(result["auroc"])
print(f"| detector | files | mean AUROC over files under {prefix} |\n|---|---:|---:|")
for detector, values in by_detector.items():
    print(f"| {detector} | {len(values)} | {sum(values) / len(values):.4f} |")
