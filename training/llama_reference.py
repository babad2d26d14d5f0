"""An independent numpy forward of a Llama GGUF model, on the rows as llama.cpp stores them.

It uses llama.cpp's adjacent-pair RoPE on the stored (permuted) q/k rows, while the ONNX graph uses
Hugging Face's rotate_half RoPE on un-permuted rows: the two agree only if the permutation is handled
right. Float64 by default; one sequence at a time, no padding.
"""
import numpy as np


def _rms_norm(x, w, eps):
    return x / np.sqrt((x * x).mean(-1, keepdims=True) + eps) * w


def _adjacent_pair_rope(x, base):
    """x [heads, T, hd]: rotate pairs (2j, 2j+1) by angle pos * base^(-2j/hd)."""
    _, T, hd = x.shape
    inv = base ** (-np.arange(0, hd, 2, dtype=np.float64) / hd)
    ang = np.arange(T, dtype=np.float64)[:, None] * inv[None, :]
    cos, sin = np.cos(ang), np.sin(ang)
    a, b = x[..., 0::2], x[..., 1::2]
    out = np.empty_like(x)
    out[..., 0::2] = a * cos - b * sin
    out[..., 1::2] = a * sin + b * cos
    return out


class LlamaReference:
    def __init__(self, weights, dtype=np.float64):
        self.c = weights.config
        self.dtype = dtype
        self.embed = weights.tensors["token_embd.weight"].astype(dtype)
        self.head = weights.head().astype(dtype)
        self.norm = weights.tensors["output_norm.weight"].astype(dtype)
        self.layers = [{k: v.astype(dtype) for k, v in weights.layer(i, "stored").items()}
                       for i in range(self.c.layers)]

    def forward(self, ids):
        """ids [T] -> (logits [T, V], final hidden states [T, d])."""
        c = self.c
        T, hd = len(ids), c.head_dim
        x = self.embed[np.asarray(ids)]
        causal = np.triu(np.full((T, T), -np.inf), 1)
        for w in self.layers:
            h = _rms_norm(x, w["attn_norm"], c.rms_eps)
            q = (h @ w["q"].T).reshape(T, c.heads, hd).transpose(1, 0, 2)
            k = (h @ w["k"].T).reshape(T, c.kv_heads, hd).transpose(1, 0, 2)
            v = (h @ w["v"].T).reshape(T, c.kv_heads, hd).transpose(1, 0, 2)
            q, k = _adjacent_pair_rope(q, c.rope_base), _adjacent_pair_rope(k, c.rope_base)
            heads = []
            for hq in range(c.heads):
                kv = hq // c.group
                s = q[hq] @ k[kv].T / np.sqrt(hd) + causal
                s = np.exp(s - s.max(-1, keepdims=True))
                heads.append((s / s.sum(-1, keepdims=True)) @ v[kv])
            x = x + np.concatenate(heads, axis=-1) @ w["o"].T
            h = _rms_norm(x, w["ffn_norm"], c.rms_eps)
            g = h @ w["gate"].T
            x = x + ((g / (1 + np.exp(-g))) * (h @ w["up"].T)) @ w["down"].T
        h = _rms_norm(x, self.norm, c.rms_eps)
        return h @ self.head.T, h

    def greedy(self, ids, new_tokens, stop_id=None):
        ids = list(ids)
        for _ in range(new_tokens):
            logits, _ = self.forward(ids)
            nxt = int(np.argmax(logits[-1]))
            ids.append(nxt)
            if nxt == stop_id:
                break
        return ids


def log_softmax(logits):
    z = logits - logits.max(-1, keepdims=True)
    return z - np.log(np.exp(z).sum(-1, keepdims=True))


def reference_metrics(logits, ids, clip):
    """The eight scoring-graph statistics from full logits (float64), as defined in training/scoring.py."""
    lp = log_softmax(logits[:-1].astype(np.float64))
    p = np.exp(lp)
    x = np.asarray(ids[1:])
    tok = lp[np.arange(len(x)), x]
    H = -(p * lp).sum(-1)
    m = np.minimum(-lp, clip)
    cm = (p * m).sum(-1)
    p32 = np.exp(log_softmax(logits[:-1].astype(np.float32)))
    px = p32[np.arange(len(x)), x][:, None]
    return {
        "token_logprob": tok,
        "entropy": H,
        "varentropy": np.maximum((p * (lp + H[:, None]) ** 2).sum(-1), 0),
        "max_logprob": lp.max(-1),
        "rank_fraction": (1 + (p32 > px).sum(-1)) / lp.shape[-1],
        "top_p_mass": np.where(p32 >= px, p, 0).sum(-1),
        "clipped_mean": cm,
        "clipped_var": np.maximum((p * (m - cm[:, None]) ** 2).sum(-1), 0),
    }
