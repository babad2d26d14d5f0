"""Shared corpus reading + deterministic held-out split."""
import glob
import gzip
import hashlib
import os

CORPUS_DIR = os.environ.get("CORPUS_DIR", "/work/shared/corpora")
SOURCES = ["wikipedia", "gutenberg", "stackexchange", "gum"]
HELDOUT_MOD = 100  # ~1% of documents


def iter_docs(source):
    """Yield documents of one source (blocks separated by exactly one blank line)."""
    for path in sorted(glob.glob(os.path.join(CORPUS_DIR, source, "part-*.txt.gz"))):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            text = f.read()
        for doc in text.split("\n\n"):
            doc = doc.strip("\n")
            if doc:
                yield doc


def is_heldout(source, index):
    """Deterministic ~1% split by hash of (source, document index within source)."""
    h = hashlib.sha256(f"{source}:{index}".encode()).digest()
    return int.from_bytes(h[:8], "big") % HELDOUT_MOD == 0


def iter_split(split):
    """Yield (source, doc) for split in {'train', 'val'}."""
    for s in SOURCES:
        for i, d in enumerate(iter_docs(s)):
            if is_heldout(s, i) == (split == "val"):
                yield s, d
