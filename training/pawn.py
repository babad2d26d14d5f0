"""PAWN head (Miralles-Gonzalez et al., arXiv 2501.03940), as the project uses it.

Per token i: metrics m_i (5: log-prob of the observed token, entropy, max log-prob, rank / V, top-p mass)
and gate input g_i = concat(h_i, h_{i+1}, i / max_len) from the frozen LM's last hidden states (h_i is the
state that predicts token i, h_{i+1} the state at token i). A metric MLP maps m_i to F features, a gate MLP maps
g_i to G = F gate logits; padding gets -inf and a softmax over the sequence weights each channel; the weighted
sum goes through an aggregate MLP to one logit. MLPs: input projection, 3 residual blocks (LayerNorm, Linear,
GELU), output projection.

gate_hidden says what the gate reads of the hidden states: "raw" (the paper's), "centered" (each text's mean
hidden state over its real rows subtracted first, so the gate sees how a token differs from its own text rather
than the text's topic) or "none" (the gate reads the position only). metric_view says what the metric MLP reads:
"raw" (the five metrics, the paper's), "relative" (each token's log-prob and max log-prob plus its entropy, i.e.
surprise against what the model expected there, rank fraction, top-p mass and a zero column: no absolute level
of predictability, which differs between domains more than between human and machine) or "varentropy" (the five
plus varentropy, Fast-DetectGPT's normalizing term: six columns).
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

METRIC_NAMES = ["token_logprob", "entropy", "max_logprob", "rank_fraction", "top_p_mass"]
MAX_LEN = 512
GATE_HIDDEN = ("raw", "centered", "none")
METRIC_VIEWS = ("raw", "relative", "varentropy")
# The cache columns each view reads: "varentropy" adds the variance of the token's surprisal, the term by which
# Fast-DetectGPT normalizes a text's summed log-prob + entropy (held-out experiment; no shipped head reads it).
VIEW_COLUMNS = {"raw": METRIC_NAMES, "relative": METRIC_NAMES, "varentropy": METRIC_NAMES + ["varentropy"]}


def view_metrics(metrics, view):
    """metrics [..., k] in VIEW_COLUMNS[view] order, as the metric MLP reads them under the view."""
    if view in ("raw", "varentropy"):
        return metrics
    logprob, entropy, max_logprob, rank, top_p = metrics.unbind(-1)
    return torch.stack([logprob + entropy, max_logprob + entropy, rank, top_p, torch.zeros_like(rank)], dim=-1)


class ResidualMLP(nn.Module):
    def __init__(self, d_in, width, d_out, blocks=3):
        super().__init__()
        self.inp = nn.Linear(d_in, width)
        self.norms = nn.ModuleList([nn.LayerNorm(width) for _ in range(blocks)])
        self.linears = nn.ModuleList([nn.Linear(width, width) for _ in range(blocks)])
        self.out_norm = nn.LayerNorm(width)
        self.out = nn.Linear(width, d_out)

    def forward(self, x):
        x = self.inp(x)
        for norm, linear in zip(self.norms, self.linears):
            x = x + F.gelu(linear(norm(x)))
        return self.out(self.out_norm(x))


class Pawn(nn.Module):
    def __init__(self, hidden_size, width=128, metric_mean=None, metric_std=None, gate_hidden="raw", metric_view="raw"):
        super().__init__()
        if gate_hidden not in GATE_HIDDEN:
            raise ValueError(f"gate_hidden must be one of {GATE_HIDDEN}, not {gate_hidden!r}")
        if metric_view not in METRIC_VIEWS:
            raise ValueError(f"metric_view must be one of {METRIC_VIEWS}, not {metric_view!r}")
        self.gate_hidden = gate_hidden
        self.metric_view = metric_view
        columns = len(VIEW_COLUMNS[metric_view])
        self.metric_mlp = ResidualMLP(columns, width, width)
        self.gate_mlp = ResidualMLP(2 * hidden_size + 1, width, width)
        self.aggregate = ResidualMLP(width, width, 1)
        self.register_buffer("metric_mean", torch.zeros(columns) if metric_mean is None else metric_mean)
        self.register_buffer("metric_std", torch.ones(columns) if metric_std is None else metric_std)

    def forward(self, metrics, hidden, mask, token_dropout=0.0, hidden_dropout=0.0):
        """metrics [B,T,k] (VIEW_COLUMNS[metric_view]), hidden [B,T+1,d], mask [B,T] (1 real, 0 padding) -> (logit [B],
        weights [B,T]).
        In training, token_dropout hides a share of the tokens from the gate softmax and hidden_dropout zeroes a
        share of the hidden-state features the gate reads (both off in eval and in the exported graph)."""
        B, T, _ = metrics.shape
        if self.gate_hidden == "centered":
            rows = torch.cat([torch.ones_like(mask[:, :1]), mask], dim=1).unsqueeze(-1)   # BOS row + real tokens
            hidden = hidden - (hidden * rows).sum(dim=1, keepdim=True) / rows.sum(dim=1, keepdim=True)
        elif self.gate_hidden == "none":
            hidden = torch.zeros_like(hidden)
        if hidden_dropout > 0 and self.training:
            hidden = F.dropout(hidden, p=hidden_dropout)
        position = (torch.arange(T, device=metrics.device, dtype=torch.float32) / MAX_LEN).view(1, T, 1).expand(B, T, 1)
        gate_in = torch.cat([hidden[:, :-1, :], hidden[:, 1:, :], position], dim=-1)
        gate = self.gate_mlp(gate_in)                                       # [B,T,G]
        keep = mask > 0
        if token_dropout > 0 and self.training:
            dropped = torch.rand(B, T, device=metrics.device) < token_dropout
            dropped[:, 0] = False                                          # never drop every token
            keep = keep & ~dropped
        gate = gate.masked_fill(~keep.unsqueeze(-1), float("-inf"))
        weights = torch.softmax(gate, dim=1)                                # over the sequence
        features = self.metric_mlp((view_metrics(metrics, self.metric_view) - self.metric_mean) / self.metric_std)
        pooled = (weights * features).sum(dim=1)                            # [B,F]
        logit = self.aggregate(pooled).squeeze(-1)
        return logit, weights.mean(dim=-1)


class PawnExport(nn.Module):
    """The exported graph: probability [B] and per-token weights [B,T] (mean over gate channels)."""

    def __init__(self, pawn):
        super().__init__()
        self.pawn = pawn

    def forward(self, metrics, hidden, mask):
        logit, weights = self.pawn(metrics, hidden, mask)
        return torch.sigmoid(logit), weights
