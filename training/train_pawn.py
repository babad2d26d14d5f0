"""Train the PAWN head from the Java feature cache and export it to ONNX.

    evaluation/run.sh CacheFeatures --data ../shared/data/detection --out training/work/features
    training/.venv/bin/python training/train_pawn.py --features training/work/features --out models/tiny
    training/.venv/bin/python training/train_pawn.py --features training/work/features --holdout domain:xsum

Recipe (paper): AdamW lr 1e-3, weight decay 0.01, gradient clip 1, label smoothing 0.2, 15% token dropout on
the gate logits, max length 512 (the cache's), cosine schedule, 5 epochs, frozen backbone (features cached).
Train on the cache's "train" split (by human document); the "calibration" split is used for monitoring and
the "test" split is left to the Java evaluation harness. --holdout GROUP (generator:NAME or domain:NAME)
trains without that group and reports AUROC on its test-split texts (leave-one-generator/domain-out);
--predict-features CACHE also predicts that group's held-out texts of another cache of the same scorer and split.
Seeded. Writes pawn.onnx and pawn.json (sha256, recipe, validation AUROC, and what it was trained on: the
scorer's text_normalization from the cache's meta.json, which the service and the evaluation require to equal
their scorer's, and the split: seed and the digest of the train documents) to --out.
"""
import argparse
import hashlib
import json
import math
import os
import time
from collections import Counter

import numpy as np
import torch

from generate_chat_texts import GENERATOR as CHAT_GENERATOR
from pawn import GATE_HIDDEN, METRIC_VIEWS, VIEW_COLUMNS, Pawn, PawnExport, view_metrics

HERE = os.path.dirname(os.path.abspath(__file__))


class Cache:
    def __init__(self, directory, columns=VIEW_COLUMNS["raw"]):
        with open(os.path.join(directory, "meta.json")) as f:
            self.meta = json.load(f)
        self.d = self.meta["hidden_size"]
        names = self.meta["metrics"]
        missing = [m for m in columns if m not in names]
        if missing:
            raise SystemExit(f"{directory}/meta.json lacks the metrics {missing}: run cache-features again")
        self.columns = [names.index(m) for m in columns]  # the metrics the head reads, in its order
        self.metrics = np.memmap(os.path.join(directory, "metrics.f32"), dtype="<f4", mode="r").reshape(-1, len(names))
        self.hidden = np.memmap(os.path.join(directory, "hidden.f32"), dtype="<f4", mode="r").reshape(-1, self.d)
        with open(os.path.join(directory, "index.jsonl")) as f:
            self.rows = [json.loads(line) for line in f if line.strip()]

    def documents(self, keep):
        """Unique (feature, label) documents among index rows where keep(row)."""
        seen, docs = set(), []
        for r in self.rows:
            key = (r["feature"], r["label"])
            if keep(r) and key not in seen and r["tokens"] > 0:
                seen.add(key)
                docs.append(r)
        return docs

    def batch(self, docs):
        T = max(r["tokens"] for r in docs)
        B = len(docs)
        m = np.zeros((B, T, len(self.columns)), np.float32)
        h = np.zeros((B, T + 1, self.d), np.float32)
        mask = np.zeros((B, T), np.float32)
        for b, r in enumerate(docs):
            n = r["tokens"]
            m[b, :n] = self.metrics[r["metrics_offset"]:r["metrics_offset"] + n][:, self.columns]
            h[b, :n + 1] = self.hidden[r["hidden_offset"]:r["hidden_offset"] + n + 1]
            mask[b, :n] = 1
        y = torch.tensor([float(r["label"]) for r in docs])
        return torch.from_numpy(m), torch.from_numpy(h), torch.from_numpy(mask), y


def auroc(scores, labels):
    """AUROC with ties counted one half (Mann-Whitney with mid-ranks)."""
    scores, labels = np.asarray(scores, float), np.asarray(labels, int)
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    s = scores[order]
    i = 0
    while i < len(s):
        j = i
        while j + 1 < len(s) and s[j + 1] == s[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    pos = labels == 1
    n1, n0 = pos.sum(), (~pos).sum()
    return float((ranks[pos].sum() - n1 * (n1 + 1) / 2) / (n1 * n0)) if n1 and n0 else float("nan")


def batches(docs, size, rng=None):
    docs = sorted(docs, key=lambda r: r["tokens"])          # length buckets keep padding low
    chunks = [docs[i:i + size] for i in range(0, len(docs), size)]
    if rng is not None:
        rng.shuffle(chunks)
    return chunks


@torch.no_grad()
def predict(model, cache, docs, size=64):
    """P(machine) and the label of each doc, in the order of docs (batches() sorts them by length)."""
    model.eval()
    position = {id(r): i for i, r in enumerate(docs)}
    probabilities = [0.0] * len(docs)
    for chunk in batches(docs, size):
        m, h, mask, _ = cache.batch(chunk)
        logit, _ = model(m, h, mask)
        for r, probability in zip(chunk, torch.sigmoid(logit).tolist()):
            probabilities[position[id(r)]] = probability
    return probabilities, [int(r["label"]) for r in docs]


def train(cache, train_docs, val_docs, args, log):
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    sample = cache.batch(train_docs[: min(len(train_docs), 512)])
    real = sample[2].bool()
    viewed = view_metrics(sample[0], args.metric_view)[real]
    mean = viewed.mean(0)
    std = viewed.std(0).clamp_min(1e-3)
    model = Pawn(cache.d, width=args.width, metric_mean=mean, metric_std=std, gate_hidden=args.gate_hidden,
                 metric_view=args.metric_view)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    steps = args.epochs * math.ceil(len(train_docs) / args.batch)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: 0.5 * (1 + math.cos(math.pi * min(s, steps) / steps)))
    step, start = 0, time.time()
    for epoch in range(args.epochs):
        model.train()
        total = 0.0
        for chunk in batches(train_docs, args.batch, rng):
            m, h, mask, y = cache.batch(chunk)
            logit, _ = model(m, h, mask, token_dropout=0.15, hidden_dropout=args.hidden_dropout)
            target = y * (1 - args.smoothing) + args.smoothing / 2
            loss = torch.nn.functional.binary_cross_entropy_with_logits(logit, target)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            total += loss.item() * len(chunk)
        p, y = predict(model, cache, val_docs) if val_docs else ([], [])
        log(f"epoch {epoch + 1}/{args.epochs} loss {total / len(train_docs):.4f} val_auroc "
            f"{auroc(p, y) if p else float('nan'):.4f} elapsed {time.time() - start:.0f}s")
    return model


FIXTURE_TEXTS = [
    "The council approved the new budget on Tuesday.",
    "I think the answer depends on what you mean by fresh.",
    "Scientists have discovered a new species of frog in the rainforest.",
    "Once upon a time, a small robot dreamed of the sea.",
]


def write_fixture(model, scoring_dir, out_path, pawn_sha256=None):
    """Torch outputs of the trained head on features computed by onnxruntime from the scoring graph: the Java
    PawnHead must reproduce them from the Java scorer's features (single-window texts)."""
    import onnxruntime as ort
    from tokenizers import Tokenizer
    with open(os.path.join(scoring_dir, "model.json")) as f:
        manifest = json.load(f)
    tok = Tokenizer.from_file(os.path.join(scoring_dir, "tokenizer.json"))
    sess = ort.InferenceSession(os.path.join(scoring_dir, "model.onnx"), providers=["CPUExecutionProvider"])
    cases = []
    model.eval()
    for text in FIXTURE_TEXTS:
        ids = tok.encode(text).ids
        if len(ids) + 1 > manifest["context_length"]:
            raise SystemExit(f"fixture text too long for one window: {text!r}")
        x = np.array([[manifest["bos_token_id"]] + ids], dtype=np.int64)
        out = dict(zip([o.name for o in sess.get_outputs()],
                       sess.run(None, {"input_ids": x, "attention_mask": np.ones_like(x),
                                       "clip_nats": np.array([manifest["clip_nats"]], dtype=np.float32)})))
        metrics = np.stack([out[m][0] for m in VIEW_COLUMNS["raw"]], axis=-1)[None]   # a shipped head's five
        with torch.no_grad():
            logit, weights = model(torch.from_numpy(metrics), torch.from_numpy(out["hidden_states"]),
                                   torch.ones(1, len(ids)))
        cases.append({"text": text, "tokens": len(ids), "probability": float(torch.sigmoid(logit)[0]),
                      "token_weights": [float(w) for w in weights[0]]})
    with open(out_path, "w") as f:
        json.dump({"description": "torch PAWN outputs on onnxruntime features of the scoring graph in "
                   + os.path.relpath(scoring_dir, os.path.dirname(HERE)), "pawn_sha256": pawn_sha256,
                   "model_onnx_sha256": manifest["sha256"]["model.onnx"], "cases": cases}, f, indent=1)


PAWN_BEGIN, PAWN_END = "<!-- pawn:begin (written by train_pawn.py) -->", "<!-- pawn:end -->"


def data_summary(docs):
    """Machine texts per generator and texts per domain among the training documents (for pawn.json and the card)."""
    generators = Counter(r["generator"] for r in docs if r["label"] == 1)
    domains = Counter(r["domain"] for r in docs)
    return {"machine_texts_by_generator": dict(sorted(generators.items())), "texts_by_domain": dict(sorted(domains.items()))}


def data_line(data):
    """One sentence on the training data, from data_summary's counts."""
    gens = ", ".join(f"{g} {n}" for g, n in data["machine_texts_by_generator"].items())
    doms = ", ".join(f"{d} {n}" for d, n in data["texts_by_domain"].items())
    chat = (f"; generator {CHAT_GENERATOR} is `training/data/smollm2-chat/`, the rest `../shared/data/detection/`"
            if CHAT_GENERATOR in data["machine_texts_by_generator"] else "")
    return (f"labeled texts from the feature cache. Machine texts of the train split by generator: {gens}; "
            f"train-split texts by domain: {doms}{chat}")


ARCHITECTURE = """PAWN (Miralles-Gonzalez et al., 2025) on this backbone's features: per token the five metrics (log-probability
of the observed token, entropy, max log-probability, rank / V, top-p mass) go through a metric MLP; a gate MLP
on concat(h_i, h_(i+1), i / 512) of the last hidden states gives {gates} gate logits per token, softmaxed
over the sequence (padding masked); the gate-weighted sum goes through an aggregate MLP to one logit. MLPs:
width {width}, 3 residual blocks (LayerNorm, Linear, GELU)."""

LIMITS = """- **Results**: test split, leave-one-generator-out and leave-one-domain-out in `docs/evaluation.md`.
- **Limits**: a supervised head learns the generators and domains it saw; on unseen ones expect the held-out
  figures of `docs/evaluation.md`, not the in-distribution ones. Its probability is not calibrated (label
  smoothing): the service judges it by its conformal p-values among the calibration split's human and
  machine texts of the same length (`calibration.json`, which pins this head's sha256). Retrain it
  (`training/train_pawn.py`) whenever the backbone changes, then regenerate `calibration.json`: `pawn.json`
  names the backbone's sha256 and the service refuses a head trained on another."""


# (gate_hidden, metric_view) pairs a shipped head may use: the paper's, and the gate that reads the position only,
# which docs/evaluation.md measured as one of the averaged heads. The others are held-out experiments.
SHIPPABLE_VIEWS = (("raw", "raw"), ("none", "raw"))
# What the gate reads, by gate_hidden, for the card; a recipe recorded before the option existed is "raw".
GATE_INPUT = {"raw": "the gate reads the hidden states and the position",
              "none": "the gate reads the position only (its hidden-state inputs are zeros)"}


def training_bullets(card):
    """The Data and Recipe bullets of one trained head's card section, from its pawn.json fields."""
    r = card["recipe"]
    return f"""- **Data**: {data_line(card['data'])}, features computed by the Java scorer (`CacheFeatures`), split by human
  document (seed 2025): trained on the train split ({card['train_docs']:,} texts), monitored on the calibration
  split ({card['validation_docs']:,} texts, AUROC {card['validation_auroc']:.4f} after the last epoch), never on the
  test split.
- **Recipe**: {r['optimizer']} lr {r['lr']}, weight decay {r['weight_decay']}, gradient clip {r['grad_clip']},
  label smoothing {r['label_smoothing']}, token dropout {r['token_dropout']} on the gate logits, hidden-state dropout
  {r['hidden_dropout']} on the gate's inputs, {GATE_INPUT[r.get('gate_hidden', 'raw')]}, {r['epochs']}
  epochs, batch {r['batch']}, {r['schedule']} schedule, seed {r['seed']}; backbone frozen."""


def write_card_section(out_dir, card, size_bytes):
    """Puts the head's section into <out>/MODEL_CARD.md (between the markers; model_card.py keeps it)."""
    body = f"""{ARCHITECTURE.format(gates=card['gates'], width=card['width'])} {card['parameters']:,} parameters,
{size_bytes / 1e6:.2f} MB, sha256 `{card['sha256'][:12]}`; the first 512 tokens of a text are read.

{training_bullets(card)}
{LIMITS}"""
    replace_card_section(out_dir, body)


def replace_card_section(out_dir, body):
    """Writes body as the PAWN section of <out>/MODEL_CARD.md, replacing the one between the markers or appending."""
    path = os.path.join(out_dir, "MODEL_CARD.md")
    section = f"{PAWN_BEGIN}\n## PAWN head (`pawn.onnx`, `pawn.json`)\n\n{body}\n{PAWN_END}"
    old = ""
    if os.path.exists(path):
        with open(path) as f:
            old = f.read()
    if PAWN_BEGIN in old:
        new = old[:old.index(PAWN_BEGIN)] + section + old[old.index(PAWN_END) + len(PAWN_END):]
    else:
        new = old.rstrip("\n") + "\n\n" + section + "\n"
    with open(path, "w") as f:
        f.write(new)


def training_split(cache):
    """The split the head trains on, as pawn.json records it: the seed and the sha256 of the train side's hashed
    document keys, distinct, sorted and joined by newlines (PawnCard.digest in Java)."""
    documents = sorted({r["document"] for r in cache.rows if r["split"] == "train"})
    return {"seed": cache.meta["split_seed"], "train_documents": len(documents),
            "train_documents_sha256": hashlib.sha256("\n".join(documents).encode("utf-8")).hexdigest()}


def require_provenance(cache, directory):
    """A head is refused by the service unless pawn.json records the scorer's text normalization: the cache must."""
    missing = [k for k in ("text_normalization", "split_seed") if cache.meta.get(k) in (None, "")]
    if any("document" not in r for r in cache.rows):
        missing.append("each text's document in index.jsonl")
    if missing:
        raise SystemExit(f"{directory} does not record {', '.join(missing)} (a cache made before pawn.json recorded"
                         f" them): run cache-features again into a new directory, with --reuse {directory} so that"
                         " only the texts whose tokens changed are scored again")


def in_group(row, group):
    kind, name = group.split(":", 1)
    return row["domain"] == name if kind == "domain" else (row["label"] == 1 and row["generator"] == name)


def all_groups(cache):
    """Every generator and domain of the cache; a generator that is the whole of its domain (one model per
    domain) is the same split as that domain and is listed once, as the domain."""
    generators = sorted({r["generator"] for r in cache.rows if r["label"] == 1})
    domains = sorted({r["domain"] for r in cache.rows})
    groups = [f"domain:{d}" for d in domains]
    for g in generators:
        doms = {r["domain"] for r in cache.rows if r["label"] == 1 and r["generator"] == g}
        alone = len(doms) == 1 and {r["generator"] for r in cache.rows
                                    if r["label"] == 1 and r["domain"] in doms} == {g}
        if not alone:
            groups.append(f"generator:{g}")
    return groups


HELD_OUT_SPLITS = ("calibration", "test")


def holdout_documents(cache, group):
    """(train, held-out, seen) documents of a held-out run: the train split without the group (its machine texts,
    and for a generator the human texts of its files too); the group's calibration- and test-split texts; the
    other groups' calibration- and test-split texts."""
    sources = {r["source"] for r in cache.rows if in_group(r, group)}
    is_generator = group.startswith("generator")

    def of_group(r):
        return in_group(r, group) or (is_generator and r["label"] == 0 and r["source"] in sources)

    train_docs = cache.documents(lambda r: r["split"] == "train" and not of_group(r))
    test_docs = cache.documents(lambda r: r["split"] in HELD_OUT_SPLITS and of_group(r))
    in_docs = cache.documents(lambda r: r["split"] in HELD_OUT_SPLITS and not of_group(r))
    return train_docs, test_docs, in_docs


def other_cache(args, cache):
    """The cache of --predict-features, refused unless its texts were scored and split as the training cache's."""
    if not args.predict_features:
        return None
    if not (args.holdout and args.predict_predictions):
        raise SystemExit("--predict-features needs --holdout and --predict-predictions")
    other = Cache(args.predict_features, VIEW_COLUMNS[args.metric_view])
    keys = ("model", "hidden_size", "text_normalization", "split_seed", "metrics")
    differing = [k for k in keys if other.meta.get(k) != cache.meta.get(k)]
    if differing:
        raise SystemExit(f"{args.predict_features} differs from {args.features} in {differing}: its texts were not "
                         "scored or split as the ones trained on")
    return other


def run_holdout(cache, group, args, log, other=None):
    """Trains without the group (its machine texts, and for a generator the human texts of its files too)
    on the train split, and reports AUROC on the group's held-out texts: the calibration and test splits,
    which a holdout run never trains or monitors on (a train-split text of the group shares its document
    with trained texts of other groups, so it is left out)."""
    train_docs, test_docs, in_docs = holdout_documents(cache, group)
    log(f"holdout {group}: train {len(train_docs)} docs, held-out test {len(test_docs)} docs")
    model = train(cache, train_docs, [], args, log)
    p, y = predict(model, cache, test_docs)
    p_in, y_in = predict(model, cache, in_docs)
    result = {"holdout": group, "train_docs": len(train_docs), "test_machine": int(sum(y)),
              "test_human": int(len(y) - sum(y)), "auroc": auroc(p, y), "auroc_seen_groups": auroc(p_in, y_in),
              "epochs": args.epochs, "width": args.width, "seed": args.seed, "weight_decay": args.weight_decay,
              "hidden_dropout": args.hidden_dropout, "gate_hidden": args.gate_hidden, "metric_view": args.metric_view,
              "backbone": cache.meta["model"]}
    log(json.dumps(result))
    with open(args.results, "a") as f:
        f.write(json.dumps(result) + "\n")
    if args.predictions:
        write_predictions(args.predictions, group, test_docs, p)
    if other is not None:
        other_docs = holdout_documents(other, group)[1]
        p_other, y_other = predict(model, other, other_docs)
        log(f"holdout {group}: {len(other_docs)} held-out texts of {args.predict_features}, "
            f"AUROC {auroc(p_other, y_other):.4f}")
        write_predictions(args.predict_predictions, group, other_docs, p_other)
    return result


def predictions_file(group):
    """The file name of a group's held-out predictions: generator:NAME -> generator-NAME.jsonl."""
    return group.replace(":", "-", 1) + ".jsonl"


def group_of_predictions_file(name):
    """The inverse of predictions_file."""
    return name[:-len(".jsonl")].replace("-", ":", 1)


def write_predictions(directory, group, docs, probabilities):
    """The held-out texts' P(machine), one JSON line per text, so that runs (seeds, recipes) can be averaged."""
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, predictions_file(group)), "w") as f:
        for doc, probability in zip(docs, probabilities):
            f.write(json.dumps({"feature": doc["feature"], "text_sha256": doc["text_sha256"], "label": doc["label"],
                                "p": probability}) + "\n")


def holdout_table(results, backbone):
    lines = [f"PAWN trained without the group, tested on the group's calibration- and test-split texts (backbone {backbone}; "
             f"{results[0]['epochs']} epochs, width {results[0]['width']}, seed {results[0]['seed']}). "
             "'seen' = the same model's AUROC on the test texts of the groups it was trained on.", "",
             "| held out | train docs | test machine / human | AUROC held out | AUROC seen |",
             "|---|---:|---:|---:|---:|"]
    for r in results:
        lines.append(f"| {r['holdout']} | {r['train_docs']} | {r['test_machine']} / {r['test_human']} | "
                     f"{r['auroc']:.3f} | {r['auroc_seen_groups']:.3f} |")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--features", default=os.path.join(HERE, "work", "features"))
    ap.add_argument("--out", default=os.path.join(os.path.dirname(HERE), "models", "smollm2-135m"))
    ap.add_argument("--width", type=int, default=128)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--smoothing", type=float, default=0.2)
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--weight-decay", type=float, default=0.01)
    ap.add_argument("--hidden-dropout", type=float, default=0.3,
                    help="share of the gate's hidden-state inputs zeroed in training, against learning the topic "
                         "(0.3, the shipped recipe, raised held-out AUROC on every group tried; docs/evaluation.md)")
    ap.add_argument("--gate-hidden", choices=GATE_HIDDEN, default="raw",
                    help="with --holdout: what the gate reads of the hidden states: raw (the paper's, shipped), "
                         "centered on each text's mean, or none (docs/evaluation.md compares them held out)")
    ap.add_argument("--metric-view", choices=METRIC_VIEWS, default="raw",
                    help="with --holdout: what the metric MLP reads: raw (the paper's five metrics, shipped), "
                         "relative to the token's entropy, or the five plus varentropy (pawn.py)")
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--holdout", default=None, help="generator:NAME, domain:NAME, a comma-separated list of them, or all "
                    "(every group in turn); with more than one group also writes the table as <results>.md")
    ap.add_argument("--results", default=os.path.join(HERE, "work", "pawn-holdout.jsonl"))
    ap.add_argument("--predictions", default=None, help="with --holdout: write each group's held-out P(machine) "
                    "per text to this folder (<group>.jsonl)")
    ap.add_argument("--predict-features", default=None, help="with --holdout: also predict the group's held-out texts "
                    "of this other feature cache (same backbone, normalization and split seed; e.g. a larger cache, "
                    "whose held-out texts no head trained here has seen)")
    ap.add_argument("--predict-predictions", default=None, help="with --predict-features: the folder for those "
                    "predictions (<group>.jsonl, keyed by that cache's features)")
    ap.add_argument("--scoring-model", default=None, help="model dir for the Java fixture (default: --out)")
    ap.add_argument("--fixture", default=None, help="write the Java parity fixture JSON here")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    cache = Cache(args.features, VIEW_COLUMNS[args.metric_view])
    log = lambda line: print(line, flush=True)  # noqa: E731

    other = other_cache(args, cache)
    if args.holdout:
        groups = all_groups(cache) if args.holdout == "all" else args.holdout.split(",")
        unknown = [g for g in groups if g not in all_groups(cache) and not any(in_group(r, g) for r in cache.rows)]
        if unknown:
            raise SystemExit(f"no texts in {unknown}; the groups are {all_groups(cache)}")
        results = [run_holdout(cache, group, args, log, other) for group in groups]
        if len(groups) > 1:
            table = holdout_table(results, cache.meta["model"])
            with open(os.path.splitext(args.results)[0] + ".md", "w") as f:
                f.write(table)
            log(table)
        return

    if (args.gate_hidden, args.metric_view) not in SHIPPABLE_VIEWS:
        raise SystemExit(f"--gate-hidden {args.gate_hidden} --metric-view {args.metric_view} is a held-out experiment "
                         f"(docs/evaluation.md): use it with --holdout; a shipped head is one of {SHIPPABLE_VIEWS}")
    require_provenance(cache, args.features)
    train_docs = cache.documents(lambda r: r["split"] == "train")
    val_docs = cache.documents(lambda r: r["split"] == "calibration")
    log(f"train {len(train_docs)} docs, validation {len(val_docs)} docs, hidden {cache.d}, width {args.width}")
    model = train(cache, train_docs, val_docs, args, log).eval()
    p, y = predict(model, cache, val_docs)
    os.makedirs(args.out, exist_ok=True)
    path = os.path.join(args.out, "pawn.onnx")
    m, h, mask, _ = cache.batch(train_docs[:2])
    axes = {"metrics": {0: "batch", 1: "time"}, "hidden": {0: "batch", 1: "time_plus_1"}, "mask": {0: "batch", 1: "time"},
            "probability": {0: "batch"}, "token_weights": {0: "batch", 1: "time"}}
    torch.onnx.export(PawnExport(model), (m, h, mask), path, input_names=["metrics", "hidden", "mask"],
                      output_names=["probability", "token_weights"], dynamic_axes=axes, opset_version=17)
    with open(path, "rb") as f:
        sha = hashlib.sha256(f.read()).hexdigest()
    card = {"name": "pawn", "file": "pawn.onnx", "sha256": sha, "backbone": cache.meta["model"],
            "text_normalization": cache.meta["text_normalization"], "split": training_split(cache),
            "width": args.width, "gates": args.width, "features": args.width, "max_len": 512,
            "inputs": {"metrics": "[B,T,5] float32: token_logprob, entropy, max_logprob, rank_fraction, top_p_mass",
                       "hidden": "[B,T+1,d] float32: last hidden states, row 0 = BOS position",
                       "mask": "[B,T] float32: 1 real token, 0 padding"},
            "outputs": {"probability": "[B] P(machine)", "token_weights": "[B,T] gate softmax weight, mean over gates"},
            "recipe": {"optimizer": "AdamW", "lr": args.lr, "weight_decay": args.weight_decay,
                       "hidden_dropout": args.hidden_dropout, "grad_clip": 1.0,
                       "label_smoothing": args.smoothing, "token_dropout": 0.15, "epochs": args.epochs,
                       "batch": args.batch, "schedule": "cosine", "seed": args.seed, "gate_hidden": args.gate_hidden},
            "train_docs": len(train_docs), "validation_docs": len(val_docs), "validation_auroc": auroc(p, y),
            "data": data_summary(train_docs),
            "parameters": sum(x.numel() for x in model.parameters())}
    with open(os.path.join(args.out, "pawn.json"), "w") as f:
        json.dump(card, f, indent=2)
    write_card_section(args.out, card, os.path.getsize(path))
    log(f"wrote {path} ({os.path.getsize(path)} bytes), validation AUROC {card['validation_auroc']:.4f}, "
        f"and its section of {args.out}/MODEL_CARD.md")
    if args.fixture:
        write_fixture(model, args.scoring_model or args.out, args.fixture, sha)
        log(f"wrote {args.fixture}")


if __name__ == "__main__":
    main()
