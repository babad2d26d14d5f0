"""Exit 0 when every file named in DIR/model.json exists with the sha256 it pins, else 1 (stdlib only)."""
import hashlib
import json
import os
import sys


def sha256(path):
    """Lowercase hex sha256 of a file, read in 1 MiB chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def main(folder):
    manifest = os.path.join(folder, "model.json")
    if not os.path.isfile(manifest):
        print(f"[verify] {manifest} is missing")
        return 1
    with open(manifest) as f:
        pins = json.load(f)["sha256"]
    for name, expected in sorted(pins.items()):
        path = os.path.join(folder, name)
        if not os.path.isfile(path):
            print(f"[verify] {path} is missing")
            return 1
        actual = sha256(path)
        if actual != expected:
            print(f"[verify] {path}: sha256 {actual[:12]}... but model.json pins {expected[:12]}...")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
