"""Train a byte-level BPE tokenizer (vocab 8192, <|endoftext|> = id 0) on the training split."""
import argparse
import os

from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

from corpus import iter_split

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vocab", type=int, default=8192)
    ap.add_argument("--out", default=os.path.join(ROOT, "models/tiny/tokenizer.json"))
    args = ap.parse_args()

    tok = Tokenizer(models.BPE())  # no unk token: byte-level covers every input
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)
    tok.decoder = decoders.ByteLevel()
    # no normalizer, no post-processor, no truncation, no padding
    trainer = trainers.BpeTrainer(
        vocab_size=args.vocab,
        min_frequency=2,
        special_tokens=["<|endoftext|>"],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator((d for _, d in iter_split("train")), trainer=trainer)
    tok.no_truncation()
    tok.no_padding()
    assert tok.token_to_id("<|endoftext|>") == 0
    assert tok.get_vocab_size() == args.vocab, tok.get_vocab_size()
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    tok.save(args.out)

    tests = [
        "Hello, world! This is a test.",
        "  leading spaces\nand\n\nnewlines\t tabs ",
        "Emoji 😀👍🏽 and CJK 漢字かなカナ 한국어 and Arabic مرحبا بالعالم",
        "Ünïcödé “quotes” — dashes… ½ ∑",
    ]
    for t in tests:
        ids = tok.encode(t).ids
        back = tok.decode(ids, skip_special_tokens=False)
        assert back == t, (t, back)
        assert 0 not in ids
    print("tokenizer saved to", args.out, "vocab", tok.get_vocab_size(), "round-trip OK")


if __name__ == "__main__":
    main()
