"""Small GPT-style causal LM: pre-LN, learned positions, GELU MLP, tied embeddings.

Attention is written explicitly (matmul + causal mask + softmax) so that the ONNX
export (opset 17, torch 1.13) is plain MatMul/Where/Softmax.
"""
import math
from dataclasses import asdict, dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class GPTConfig:
    vocab_size: int = 8192
    context_length: int = 256
    d_model: int = 256
    n_layer: int = 6
    n_head: int = 8
    d_ff: int = 1024
    ln_eps: float = 1e-5

    def to_dict(self):
        return asdict(self)


class CausalSelfAttention(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.n_head = cfg.n_head
        self.d_head = cfg.d_model // cfg.n_head
        self.qkv = nn.Linear(cfg.d_model, 3 * cfg.d_model)
        self.proj = nn.Linear(cfg.d_model, cfg.d_model)
        n = cfg.context_length
        self.register_buffer("causal", torch.tril(torch.ones(n, n, dtype=torch.bool)).view(1, 1, n, n),
                             persistent=False)

    def forward(self, x, key_mask=None):
        B, T, C = x.shape
        q, k, v = self.qkv(x).split(C, dim=2)
        q = q.view(B, T, self.n_head, self.d_head).transpose(1, 2)
        k = k.view(B, T, self.n_head, self.d_head).transpose(1, 2)
        v = v.view(B, T, self.n_head, self.d_head).transpose(1, 2)
        att = torch.matmul(q, k.transpose(-2, -1)) * (1.0 / math.sqrt(self.d_head))
        allowed = self.causal[:, :, :T, :T]
        if key_mask is not None:
            # right padding: padded keys are never attended to (real queries never see
            # them anyway because of causality, so real positions are unaffected)
            allowed = allowed & key_mask[:, None, None, :].bool()
        att = att.masked_fill(~allowed, -1e9)
        att = torch.softmax(att, dim=-1)
        y = torch.matmul(att, v)
        y = y.transpose(1, 2).reshape(B, T, C)
        return self.proj(y)


class Block(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.ln1 = nn.LayerNorm(cfg.d_model, eps=cfg.ln_eps)
        self.attn = CausalSelfAttention(cfg)
        self.ln2 = nn.LayerNorm(cfg.d_model, eps=cfg.ln_eps)
        self.fc = nn.Linear(cfg.d_model, cfg.d_ff)
        self.out = nn.Linear(cfg.d_ff, cfg.d_model)

    def forward(self, x, key_mask=None):
        x = x + self.attn(self.ln1(x), key_mask)
        x = x + self.out(F.gelu(self.fc(self.ln2(x))))
        return x


class GPT(nn.Module):
    def __init__(self, cfg: GPTConfig):
        super().__init__()
        self.cfg = cfg
        self.wte = nn.Embedding(cfg.vocab_size, cfg.d_model)
        self.wpe = nn.Embedding(cfg.context_length, cfg.d_model)
        self.blocks = nn.ModuleList([Block(cfg) for _ in range(cfg.n_layer)])
        self.ln_f = nn.LayerNorm(cfg.d_model, eps=cfg.ln_eps)
        self.apply(self._init)
        for name, p in self.named_parameters():
            if name.endswith("attn.proj.weight") or name.endswith("out.weight"):
                nn.init.normal_(p, mean=0.0, std=0.02 / math.sqrt(2 * cfg.n_layer))

    @staticmethod
    def _init(m):
        if isinstance(m, nn.Linear):
            nn.init.normal_(m.weight, mean=0.0, std=0.02)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
        elif isinstance(m, nn.Embedding):
            nn.init.normal_(m.weight, mean=0.0, std=0.02)

    def num_params(self):
        return sum(p.numel() for p in self.parameters())  # tied: wte counted once

    def hidden(self, idx, key_mask=None):
        B, T = idx.shape
        pos = torch.arange(T, device=idx.device)
        x = self.wte(idx) + self.wpe(pos)[None, :, :]
        for b in self.blocks:
            x = b(x, key_mask)
        return self.ln_f(x)

    def forward(self, idx, key_mask=None):
        h = self.hidden(idx, key_mask)
        logits = torch.matmul(h, self.wte.weight.t())  # tied embeddings
        return logits, h


def load_checkpoint_model(path, map_location="cpu"):
    ck = torch.load(path, map_location=map_location)
    cfg = GPTConfig(**ck["config"])
    m = GPT(cfg)
    m.load_state_dict(ck["model"])
    m.eval()
    return m, ck


def load_onnx_model(onnx_path):
    """Rebuilds the torch model from a shipped scoring-graph export (its initializers are the state dict
    under the prefix "lm.") and the model.json beside it, so that sampling and the PyTorch benchmark run
    on exactly the weights the Java scorer serves, without the training checkpoint."""
    import json
    import os

    import onnx
    from onnx import numpy_helper

    with open(os.path.join(os.path.dirname(os.path.abspath(onnx_path)), "model.json")) as f:
        card = json.load(f)
    cfg = GPTConfig(vocab_size=card["vocab_size"], context_length=card["context_length"],
                    d_model=card["hidden_size"], n_layer=card["num_layers"], n_head=card["num_heads"],
                    d_ff=card["ffn_size"])
    m = GPT(cfg)
    graph = onnx.load(onnx_path).graph
    state = {i.name[len("lm."):]: torch.from_numpy(numpy_helper.to_array(i).copy())
             for i in graph.initializer if i.name.startswith("lm.")}
    m.load_state_dict(state, strict=True)
    m.eval()
    steps = card.get("training", {}).get("steps")
    return m, {"step": steps, "source": onnx_path, "sha256": card["sha256"][os.path.basename(onnx_path)]}


def load_model(path):
    """A checkpoint (.pt) or a shipped scoring-graph export (.onnx); returns (model, info with "step")."""
    if path.endswith(".onnx"):
        return load_onnx_model(path)
    return load_checkpoint_model(path)
