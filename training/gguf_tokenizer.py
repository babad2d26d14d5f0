"""A Hugging Face tokenizer.json built from a GGUF file's byte-level BPE metadata."""
from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers, processors

# llama.cpp pre-tokenizer names -> Hugging Face pre-tokenizers. 'smollm' splits every digit on its
# own, then applies the GPT-2 byte-level regex.
_PRE_TOKENIZERS = {
    "smollm": lambda: pre_tokenizers.Sequence([pre_tokenizers.Digits(individual_digits=True),
                                               pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)]),
    "gpt-2": lambda: pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True),
    "default": lambda: pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True),
}


def build_tokenizer(data):
    """Tokenizer with no normalizer, no BOS added, no truncation or padding; control tokens special."""
    if data.pre not in _PRE_TOKENIZERS:
        raise ValueError(f"unsupported GGUF pre-tokenizer '{data.pre}' (known: {sorted(_PRE_TOKENIZERS)})")
    vocab = {token: i for i, token in enumerate(data.tokens)}
    if len(vocab) != len(data.tokens):
        raise ValueError("duplicate tokens in the GGUF vocabulary")
    merges = [tuple(m.split(" ", 1)) for m in data.merges]
    tokenizer = Tokenizer(models.BPE(vocab=vocab, merges=merges, fuse_unk=False))
    tokenizer.pre_tokenizer = _PRE_TOKENIZERS[data.pre]()
    tokenizer.decoder = decoders.ByteLevel()
    tokenizer.post_processor = processors.ByteLevel(trim_offsets=False)
    tokenizer.add_special_tokens([AddedToken(data.tokens[i], special=True, normalized=False)
                                  for i in data.control_ids])
    return tokenizer
