#!/usr/bin/env python3
"""Summarises a schemathesis run for reliability/run.sh: cases generated, response statuses, unique failures.

usage: fuzz_summary.py REPORT_DIR COMMIT SCHEMATHESIS_EXIT_CODE [MIN_CASES]
Reads REPORT_DIR/output.txt (the CLI's summary) and the NDJSON event log; prints markdown. Exits 1 when
fewer than MIN_CASES (default 1000) test cases were generated, so a run that tested too little fails.
"""
import collections
import glob
import json
import os
import re
import sys


def main():
    out_dir, commit, exit_code = sys.argv[1], sys.argv[2], int(sys.argv[3])
    min_cases = int(sys.argv[4]) if len(sys.argv) > 4 else 1000
    text = open(os.path.join(out_dir, "output.txt"), encoding="utf-8", errors="replace").read()
    generated = re.search(r"(\d+) generated", text)
    generated = int(generated.group(1)) if generated else 0
    seconds = re.search(r" in ([0-9.]+)s =+", text)

    statuses = collections.Counter()
    cases = 0
    failures = collections.OrderedDict()
    for path in sorted(glob.glob(os.path.join(out_dir, "ndjson-*.ndjson"))):
        for line in open(path, encoding="utf-8"):
            event = json.loads(line)
            name = next(iter(event))
            if name != "ScenarioFinished":
                continue
            recorder = event[name].get("recorder") or {}
            cases += len(recorder.get("checks") or {})
            for interaction in (recorder.get("interactions") or {}).values():
                response = interaction.get("response") or {}
                if "status_code" in response:
                    statuses[response["status_code"]] += 1
            for results in (recorder.get("checks") or {}).values():
                for result in results:
                    info = (result.get("failure_info") or {}).get("failure")
                    if result.get("status") == "failure" and info:
                        key = (info.get("operation", "?"), info.get("code", "?"), info.get("title", "?"))
                        message = re.sub(r"(;\s*)+", "; ", (info.get("message") or "").replace("\n", "; ")).replace("|", "/")
                        failures.setdefault(key, message[:160])

    server_errors = sum(count for status, count in statuses.items() if status >= 500)
    print(f"## Fuzzing (schemathesis, commit {commit})\n")
    print(f"`schemathesis run` against the service's own `/v3/api-docs`, all checks, all phases; "
          f"{generated} test cases generated" + (f" in {seconds.group(1)} s" if seconds else "") +
          f"; exit code {exit_code}.\n")
    print("| test cases | responses recorded | 5xx | unique failures | result |\n|---|---|---|---|---|")
    result = "pass" if exit_code == 0 and generated >= min_cases else "**FAIL**"
    print(f"| {generated} | {sum(statuses.values())} | {server_errors} | {len(failures)} | {result} |\n")
    if statuses:
        print("Statuses of the recorded responses: " +
              ", ".join(f"{status}: {count}" for status, count in sorted(statuses.items())) + "\n")
    if failures:
        print("| operation | failure | example |\n|---|---|---|")
        for (operation, code, title), message in failures.items():
            print(f"| {operation} | {code} {title} | {message} |")
        print()
    if generated < min_cases:
        print(f"FAIL: only {generated} test cases (at least {min_cases} required)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
