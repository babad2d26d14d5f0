#!/usr/bin/env python3
"""Writes one PAWN head that averages several: each head's P(machine) as a logit, the logits averaged, then the
sigmoid; token weights averaged. The inputs (metrics, hidden, mask) are shared, so the service and Evaluate run
the result as any other pawn.onnx.

    training/.venv/bin/python training/average_heads.py --heads training/work/heads/150-s1234,training/work/heads/300-s1234 \\
        --out models/smollm2-135m

The --out folder must hold the backbone (model.onnx, tokenizer.json, model.json). Its pawn.json is
the last head's with the new sha256 and parameter count and each head's training record (sha256, split, data,
recipe, validation AUROC) under "averaged_heads"; its MODEL_CARD.md gets the PAWN section describing all of them,
as train_pawn.py writes it for one head. The last head should be the one
trained on the most documents, because Evaluate leaves out the train split pawn.json names (a head trained on a
subset of those documents is then tested on none of its own). Calibrate the result before use
(`Evaluate --calibrate-out`): the averaged probability is another score.
"""
import argparse
import hashlib
import json
import os

import onnx
from onnx import helper

from train_pawn import ARCHITECTURE, LIMITS, replace_card_section, training_bullets

INPUTS = ("metrics", "hidden", "mask")
TRAINING_RECORD = ("sha256", "split", "train_docs", "validation_docs", "validation_auroc", "data", "recipe", "parameters")
EPSILON = 1e-7


def renamed(graph, prefix):
    """The graph's nodes and initializers with every name except the shared inputs prefixed."""
    rename = lambda name: name if name in INPUTS or name == "" else prefix + name
    nodes = []
    for node in graph.node:
        copy = onnx.NodeProto()
        copy.CopyFrom(node)
        copy.name = prefix + node.name
        copy.input[:] = [rename(n) for n in node.input]
        copy.output[:] = [rename(n) for n in node.output]
        nodes.append(copy)
    initializers = []
    for tensor in graph.initializer:
        copy = onnx.TensorProto()
        copy.CopyFrom(tensor)
        copy.name = prefix + tensor.name
        initializers.append(copy)
    return nodes, initializers


def averaged(models):
    nodes, initializers, logits, weights = [], [], [], []
    initializers.append(helper.make_tensor("avg_eps", onnx.TensorProto.FLOAT, [], [EPSILON]))
    initializers.append(helper.make_tensor("avg_one_minus_eps", onnx.TensorProto.FLOAT, [], [1 - EPSILON]))
    initializers.append(helper.make_tensor("avg_one", onnx.TensorProto.FLOAT, [], [1.0]))
    initializers.append(helper.make_tensor("avg_count", onnx.TensorProto.FLOAT, [], [float(len(models))]))
    for i, model in enumerate(models):
        prefix = f"head{i}_"
        head_nodes, head_initializers = renamed(model.graph, prefix)
        nodes += head_nodes
        initializers += head_initializers
        p = prefix + "probability"
        nodes += [helper.make_node("Clip", [p, "avg_eps", "avg_one_minus_eps"], [p + "_clipped"]),
                  helper.make_node("Sub", ["avg_one", p + "_clipped"], [p + "_complement"]),
                  helper.make_node("Div", [p + "_clipped", p + "_complement"], [p + "_odds"]),
                  helper.make_node("Log", [p + "_odds"], [p + "_logit"])]
        logits.append(p + "_logit")
        weights.append(prefix + "token_weights")
    nodes += [helper.make_node("Sum", logits, ["avg_logit_sum"]),
              helper.make_node("Div", ["avg_logit_sum", "avg_count"], ["avg_logit"]),
              helper.make_node("Sigmoid", ["avg_logit"], ["probability"]),
              helper.make_node("Sum", weights, ["avg_weight_sum"]),
              helper.make_node("Div", ["avg_weight_sum", "avg_count"], ["token_weights"])]
    first = models[0].graph
    graph = helper.make_graph(nodes, "pawn_averaged", list(first.input), list(first.output), initializers)
    merged = helper.make_model(graph, opset_imports=list(models[0].opset_import), producer_name="average_heads.py")
    merged.ir_version = models[0].ir_version
    onnx.checker.check_model(merged)
    return merged


def read_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, json.JSONDecodeError) as error:
        raise SystemExit(f"cannot read {path}: {error}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--heads", required=True, help="comma-separated folders holding pawn.onnx and pawn.json")
    ap.add_argument("--out", required=True, help="model folder to write pawn.onnx and pawn.json into")
    args = ap.parse_args()
    folders = args.heads.split(",")
    if len(folders) < 2:
        raise SystemExit("--heads needs two folders or more")
    metas = [read_json(os.path.join(f, "pawn.json")) for f in folders]
    if len({m["backbone"] for m in metas}) != 1 or len({m["text_normalization"] for m in metas}) != 1:
        raise SystemExit("the heads were trained on different backbones or normalizations")
    models = [onnx.load(os.path.join(f, "pawn.onnx")) for f in folders]
    target = os.path.join(args.out, "pawn.onnx")
    onnx.save(averaged(models), target)
    meta = dict(metas[-1])
    with open(target, "rb") as written:
        meta["sha256"] = hashlib.sha256(written.read()).hexdigest()
    meta["parameters"] = sum(m["parameters"] for m in metas)
    meta["averaged_heads"] = [{key: m[key] for key in TRAINING_RECORD} for m in metas]
    with open(os.path.join(args.out, "pawn.json"), "w") as out:
        json.dump(meta, out, indent=2)
        out.write("\n")
    replace_card_section(args.out, card_body(meta, os.path.getsize(target)))
    print(f"wrote {target} ({os.path.getsize(target)} bytes), the average of {len(models)} heads' logits, "
          f"and its section of {args.out}/MODEL_CARD.md")


def card_body(meta, size_bytes):
    """The MODEL_CARD section of an averaged head: the averaging, the shared architecture, each head's training."""
    heads = meta["averaged_heads"]
    lines = [f"The average of {len(heads)} PAWN heads (`training/average_heads.py`): each head's P(machine) as a "
             "logit, the logits\naveraged, then the sigmoid; the token weights averaged. Each head: "
             + ARCHITECTURE.format(gates=meta["gates"], width=meta["width"]),
             f"{meta['parameters']:,} parameters in all, {size_bytes / 1e6:.2f} MB, sha256 `{meta['sha256'][:12]}`; "
             "the first 512 tokens of a text are read.", ""]
    for i, head in enumerate(heads, 1):
        lines += [f"### Head {i} of {len(heads)} (sha256 `{head['sha256'][:12]}`, {head['parameters']:,} parameters)",
                  "", training_bullets(head), ""]
    lines.append(LIMITS)
    return "\n".join(lines)


if __name__ == "__main__":
    main()
