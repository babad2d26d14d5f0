"""Scoring graph: per-token statistics computed inside the model graph (logits never leave it)."""
import torch
import torch.nn as nn


def score_from_logits(logits, input_ids, clip_nats):
    """logits [B,T,V] (any dtype) -> dict of [B,T-1] float32 statistics for predicting input_ids[:,1:]."""
    V = logits.shape[-1]
    lg = logits[:, :-1, :].float()
    lp = torch.log_softmax(lg, dim=-1)                       # numerically stable
    x = input_ids[:, 1:].unsqueeze(-1)
    tok_lp = torch.gather(lp, -1, x)                          # [B,T-1,1]
    p = torch.exp(lp)
    plp = p * lp
    entropy = -plp.sum(-1)
    # centered form of sum p (ln p)^2 - entropy^2 (same value, no float32 cancellation)
    dev = lp + entropy.unsqueeze(-1)
    varentropy = torch.clamp((p * dev * dev).sum(-1), min=0.0)
    max_lp = lp.max(dim=-1)[0]
    p_x = torch.exp(tok_lp)
    higher = (p > p_x).to(torch.float32).sum(-1)
    rank_fraction = (higher + 1.0) / float(V)
    top_p_mass = (p * (p >= p_x).to(torch.float32)).sum(-1)
    c = clip_nats.reshape(1, 1, 1).to(torch.float32)
    m = torch.minimum(-lp, c)
    pm = p * m
    clipped_mean = pm.sum(-1)
    cdev = m - clipped_mean.unsqueeze(-1)  # centered form of sum p m^2 - clipped_mean^2
    clipped_var = torch.clamp((p * cdev * cdev).sum(-1), min=0.0)
    return {
        "token_logprob": tok_lp.squeeze(-1),
        "entropy": entropy,
        "varentropy": varentropy,
        "max_logprob": max_lp,
        "rank_fraction": rank_fraction,
        "top_p_mass": top_p_mass,
        "clipped_mean": clipped_mean,
        "clipped_var": clipped_var,
    }


OUTPUT_NAMES = ["token_logprob", "entropy", "varentropy", "max_logprob", "rank_fraction", "top_p_mass",
                "clipped_mean", "clipped_var", "hidden_states"]
INPUT_NAMES = ["input_ids", "attention_mask", "clip_nats"]


class ScoringGraph(nn.Module):
    def __init__(self, lm):
        super().__init__()
        self.lm = lm

    def forward(self, input_ids, attention_mask, clip_nats):
        logits, h = self.lm(input_ids, attention_mask)
        s = score_from_logits(logits, input_ids, clip_nats)
        return tuple(s[n] for n in OUTPUT_NAMES[:-1]) + (h,)
