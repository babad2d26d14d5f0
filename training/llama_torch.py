"""Incremental (KV-cached) torch forward of an imported Llama scoring graph, for sampling from the very
weights the service serves: they are read from the initializers of model.onnx (training/llama_onnx.py
names them l{i}.q.T, l{i}.attn_norm, token_embd, ...; W.T is stored [in, out]).

Positions restart at 0 in every window, as in the Java scorer (each window is its own model input).
"""
import json
import os

import numpy as np
import torch


def rotate_half_rope(x, cos, sin):
    """Hugging Face's rotate_half RoPE (the graph's layout): x * cos + concat(-x2, x1) * sin."""
    half = x.shape[-1] // 2
    return x * cos + torch.cat([-x[..., half:], x[..., :half]], dim=-1) * sin


def is_llama_graph(onnx_path):
    manifest = os.path.join(os.path.dirname(onnx_path), "model.json")
    if not os.path.isfile(manifest):
        return False
    with open(manifest) as f:
        return "Llama" in json.load(f).get("architecture", "")


class LlamaStepper:
    """step(tokens [B], pos, cache) -> logits [B, V]; new_cache() starts a window."""

    def __init__(self, onnx_path):
        import onnx
        from onnx import numpy_helper
        meta = json.load(open(os.path.join(os.path.dirname(onnx_path), "model.json")))
        self.layers = meta["num_layers"]
        self.heads, self.kv_heads = meta["num_heads"], meta["num_kv_heads"]
        self.d = meta["hidden_size"]
        self.hd = self.d // self.heads
        self.context_length = meta["context_length"]
        self.eos_id = meta["eos_token_id"]
        self.bos_id = meta["bos_token_id"]
        graph = onnx.load(onnx_path).graph
        w = {t.name: torch.from_numpy(numpy_helper.to_array(t).copy()) for t in graph.initializer}
        self.w = w
        self.eps = float(w["eps"])
        self.inv_freq = w["inv_freq"].double()
        self.embed = w["token_embd"]
        self.info = {"model": os.path.basename(os.path.dirname(onnx_path)), "sha256": meta["sha256"]["model.onnx"]}

    def new_cache(self):
        """Keys and values of one window, preallocated for the whole context on the first step (appending
        in place: no copy of the cache per token)."""
        return {"len": 0, "k": [None] * self.layers, "v": [None] * self.layers}

    def _rms(self, x, weight):
        return x * torch.rsqrt((x * x).mean(-1, keepdim=True) + self.eps) * weight

    def _rope(self, x, pos):
        ang = (pos * self.inv_freq).float()
        return rotate_half_rope(x, torch.cat([ang.cos(), ang.cos()]), torch.cat([ang.sin(), ang.sin()]))

    @torch.no_grad()
    def step(self, tokens, pos, cache):
        w, B, n = self.w, tokens.shape[0], cache["len"]
        x = self.embed[tokens]
        group = self.heads // self.kv_heads
        for i in range(self.layers):
            h = self._rms(x, w[f"l{i}.attn_norm"])
            # query head h reads KV head h // group: view the heads as [kv head, group]
            q = self._rope((h @ w[f"l{i}.q.T"]).view(B, self.kv_heads, group, self.hd), pos)
            k = self._rope((h @ w[f"l{i}.k.T"]).view(B, self.kv_heads, self.hd), pos)
            v = (h @ w[f"l{i}.v.T"]).view(B, self.kv_heads, self.hd)
            if cache["k"][i] is None:
                cache["k"][i] = torch.zeros(B, self.kv_heads, self.context_length, self.hd)
                cache["v"][i] = torch.zeros(B, self.kv_heads, self.context_length, self.hd)
            cache["k"][i][:, :, n] = k
            cache["v"][i][:, :, n] = v
            keys, values = cache["k"][i][:, :, :n + 1], cache["v"][i][:, :, :n + 1]
            att = torch.softmax(q @ keys.transpose(-2, -1) / (self.hd ** 0.5), dim=-1)
            x = x + (att @ values).reshape(B, self.d) @ w[f"l{i}.o.T"]
            h = self._rms(x, w[f"l{i}.ffn_norm"])
            gate = h @ w[f"l{i}.gate.T"]
            x = x + (torch.nn.functional.silu(gate) * (h @ w[f"l{i}.up.T"])) @ w[f"l{i}.down.T"]
        cache["len"] = n + 1
        return self._rms(x, w["output_norm"]) @ self.embed.t()


def check_against_graph(stepper, onnx_path, ids):
    """Max |log p| difference between stepping through ids and the ONNX graph on the same window."""
    import onnxruntime as ort
    sess = ort.InferenceSession(onnx_path, providers=["CPUExecutionProvider"])
    x = np.array([ids], dtype=np.int64)
    graph_lp = sess.run(["token_logprob"], {"input_ids": x, "attention_mask": np.ones_like(x),
                                            "clip_nats": np.array([10.0], np.float32)})[0][0]
    cache = stepper.new_cache()
    worst = 0.0
    for p in range(len(ids) - 1):
        logits = stepper.step(torch.tensor([ids[p]]), p, cache)
        lp = torch.log_softmax(logits.double(), -1)[0, ids[p + 1]].item()
        worst = max(worst, abs(lp - float(graph_lp[p])))
    return worst


@torch.no_grad()
def forward(stepper, ids, mask):
    """Full-sequence forward of a right-padded batch: ids, mask [B, T] -> (logits [B, T, V], hidden [B, T, d])."""
    w, (B, T) = stepper.w, ids.shape
    group = stepper.heads // stepper.kv_heads
    pos = torch.arange(T, dtype=torch.float64)[:, None] * stepper.inv_freq[None, :]
    cos = torch.cat([pos.cos(), pos.cos()], -1).float()
    sin = torch.cat([pos.sin(), pos.sin()], -1).float()

    def rope(x):
        return rotate_half_rope(x, cos, sin)

    allowed = torch.ones(T, T, dtype=torch.bool).tril()[None, None] & mask.bool()[:, None, None, :]
    bias = torch.zeros(allowed.shape).masked_fill(~allowed, -1e30)
    x = stepper.embed[ids]
    for i in range(stepper.layers):
        h = stepper._rms(x, w[f"l{i}.attn_norm"])
        q = rope((h @ w[f"l{i}.q.T"]).view(B, T, stepper.heads, stepper.hd).transpose(1, 2))
        k = rope((h @ w[f"l{i}.k.T"]).view(B, T, stepper.kv_heads, stepper.hd).transpose(1, 2))
        v = (h @ w[f"l{i}.v.T"]).view(B, T, stepper.kv_heads, stepper.hd).transpose(1, 2)
        k, v = k.repeat_interleave(group, dim=1), v.repeat_interleave(group, dim=1)
        att = torch.softmax(q @ k.transpose(-2, -1) / (stepper.hd ** 0.5) + bias, dim=-1)
        x = x + (att @ v).transpose(1, 2).reshape(B, T, stepper.d) @ w[f"l{i}.o.T"]
        h = stepper._rms(x, w[f"l{i}.ffn_norm"])
        x = x + (torch.nn.functional.silu(h @ w[f"l{i}.gate.T"]) * (h @ w[f"l{i}.up.T"])) @ w[f"l{i}.down.T"]
    h = stepper._rms(x, w["output_norm"])
    return h @ stepper.embed.t(), h
