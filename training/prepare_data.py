"""Tokenize the corpora into uint16 arrays: work/train.bin, work/val.bin (each doc preceded by id 0)."""
import argparse
import json
import os
from collections import Counter

import numpy as np
from tokenizers import Tokenizer

from corpus import iter_split

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tokenizer", default=os.path.join(ROOT, "models/tiny/tokenizer.json"))
    ap.add_argument("--out", default=os.path.join(HERE, "work"))
    args = ap.parse_args()
    tok = Tokenizer.from_file(args.tokenizer)
    assert tok.get_vocab_size() <= 65536
    os.makedirs(args.out, exist_ok=True)
    stats = {}
    for split in ("train", "val"):
        srcs, docs = [], []
        for s, d in iter_split(split):
            srcs.append(s)
            docs.append(d)
        enc = tok.encode_batch(docs)
        per_src = Counter()
        chunks = []
        for s, e in zip(srcs, enc):
            ids = e.ids
            per_src[s] += len(ids) + 1
            chunks.append(np.asarray([0] + ids, dtype=np.uint16))
        arr = np.concatenate(chunks)
        arr.tofile(os.path.join(args.out, f"{split}.bin"))
        stats[split] = {"documents": len(docs), "tokens": int(arr.size), "tokens_per_source": dict(per_src),
                        "docs_per_source": dict(Counter(srcs))}
        print(split, stats[split], flush=True)
    with open(os.path.join(args.out, "data_stats.json"), "w") as f:
        json.dump(stats, f, indent=2)


if __name__ == "__main__":
    main()
