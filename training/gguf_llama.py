"""Llama-architecture GGUF files: hyper-parameters, dequantized weights and tokenizer metadata.

The weights come back in two layouts:
- `stored`: the rows exactly as llama.cpp stores them (attn_q / attn_k permuted per head for its
  adjacent-pair RoPE). The numpy reference forward (llama_reference.py) uses this layout.
- `hf`: attn_q / attn_k rows un-permuted to the Hugging Face layout, for `rotate_half` RoPE. The ONNX
  graph (llama_onnx.py) uses this layout.
Two forwards on two layouts that agree within 1e-3 in log-prob check the permutation independently.

Numpy arrays are [out, in] (GGUF lists shapes as [in, out]); y = x @ W.T.
"""
from dataclasses import dataclass

import numpy as np
from gguf import GGUFReader, GGMLQuantizationType
from gguf.quants import dequantize

SUPPORTED_TYPES = {GGMLQuantizationType.F32, GGMLQuantizationType.F16, GGMLQuantizationType.Q8_0,
                   GGMLQuantizationType.Q4_1, GGMLQuantizationType.Q4_0}
TOKEN_TYPE_CONTROL = 3


@dataclass(frozen=True)
class LlamaConfig:
    name: str
    license: str
    layers: int
    d_model: int
    heads: int
    kv_heads: int
    ffn: int
    vocab: int
    rope_base: float
    rms_eps: float
    trained_context: int

    @property
    def head_dim(self):
        return self.d_model // self.heads

    @property
    def group(self):
        return self.heads // self.kv_heads


@dataclass(frozen=True)
class GgufTokenizerData:
    tokens: list
    merges: list
    control_ids: list
    pre: str
    bos_id: int
    eos_id: int
    add_bos: bool


def _field(reader, key, default=None):
    f = reader.fields.get(key)
    if f is None:
        if default is None:
            raise ValueError(f"GGUF metadata lacks {key}")
        return default
    return f.contents()


def read_config(reader):
    arch = _field(reader, "general.architecture")
    if arch != "llama":
        raise ValueError(f"only llama-architecture GGUF files are supported, got '{arch}'")
    cfg = LlamaConfig(
        name=_field(reader, "general.name", "unnamed"),
        license=_field(reader, "general.license", "unknown"),
        layers=int(_field(reader, "llama.block_count")),
        d_model=int(_field(reader, "llama.embedding_length")),
        heads=int(_field(reader, "llama.attention.head_count")),
        kv_heads=int(_field(reader, "llama.attention.head_count_kv")),
        ffn=int(_field(reader, "llama.feed_forward_length")),
        vocab=len(reader.fields["tokenizer.ggml.tokens"].data),
        rope_base=float(_field(reader, "llama.rope.freq_base", 10000.0)),
        rms_eps=float(_field(reader, "llama.attention.layer_norm_rms_epsilon")),
        trained_context=int(_field(reader, "llama.context_length")),
    )
    rope_dims = int(_field(reader, "llama.rope.dimension_count", cfg.head_dim))
    if rope_dims != cfg.head_dim or cfg.heads % cfg.kv_heads or cfg.d_model % cfg.heads:
        raise ValueError(f"unsupported llama variant: rope dims {rope_dims}, {cfg}")
    return cfg


def read_tokenizer(reader):
    f = reader.fields
    if _field(reader, "tokenizer.ggml.model") != "gpt2":
        raise ValueError("only byte-level BPE (tokenizer.ggml.model = gpt2) tokenizers are supported")
    tokens = [bytes(f["tokenizer.ggml.tokens"].parts[i]).decode("utf-8") for i in f["tokenizer.ggml.tokens"].data]
    merges = [bytes(f["tokenizer.ggml.merges"].parts[i]).decode("utf-8") for i in f["tokenizer.ggml.merges"].data]
    types = [int(f["tokenizer.ggml.token_type"].parts[i][0]) for i in f["tokenizer.ggml.token_type"].data]
    return GgufTokenizerData(
        tokens=tokens, merges=merges, control_ids=[i for i, t in enumerate(types) if t == TOKEN_TYPE_CONTROL],
        pre=_field(reader, "tokenizer.ggml.pre", "default"),
        bos_id=int(_field(reader, "tokenizer.ggml.bos_token_id")),
        eos_id=int(_field(reader, "tokenizer.ggml.eos_token_id")),
        add_bos=bool(_field(reader, "tokenizer.ggml.add_bos_token", False)))


def _dequantized(reader):
    out = {}
    for t in reader.tensors:
        if t.tensor_type not in SUPPORTED_TYPES:
            raise ValueError(f"tensor {t.name} has unsupported type {t.tensor_type.name}")
        w = np.asarray(dequantize(t.data, t.tensor_type), dtype=np.float32)
        expected = tuple(int(x) for x in reversed(t.shape))
        out[t.name] = w.reshape(expected)
    return out


def unpermute_rows(w, n_heads):
    """Undo llama.cpp's per-head row permutation: GGUF row 2j+s of a head is HF row s*head_dim/2 + j."""
    out_dim, in_dim = w.shape
    hd = out_dim // n_heads
    return w.reshape(n_heads, hd // 2, 2, in_dim).swapaxes(1, 2).reshape(out_dim, in_dim)


class LlamaWeights:
    """Dequantized float32 tensors of a Llama GGUF file, by llama.cpp name, in the stored layout."""

    def __init__(self, path):
        reader = GGUFReader(path)
        self.config = read_config(reader)
        self.tokenizer = read_tokenizer(reader)
        self.tensors = _dequantized(reader)
        self.tied_head = "output.weight" not in self.tensors
        self.tensor_types = sorted({t.tensor_type.name for t in reader.tensors})

    def head(self):
        return self.tensors["token_embd.weight"] if self.tied_head else self.tensors["output.weight"]

    def layer(self, i, layout):
        """The tensors of block i; layout 'stored' (llama.cpp rows) or 'hf' (q/k un-permuted)."""
        c, t = self.config, self.tensors
        p = f"blk.{i}."
        q, k = t[p + "attn_q.weight"], t[p + "attn_k.weight"]
        if layout == "hf":
            q, k = unpermute_rows(q, c.heads), unpermute_rows(k, c.kv_heads)
        elif layout != "stored":
            raise ValueError(layout)
        return {"attn_norm": t[p + "attn_norm.weight"], "q": q, "k": k, "v": t[p + "attn_v.weight"],
                "o": t[p + "attn_output.weight"], "ffn_norm": t[p + "ffn_norm.weight"],
                "gate": t[p + "ffn_gate.weight"], "up": t[p + "ffn_up.weight"], "down": t[p + "ffn_down.weight"]}
