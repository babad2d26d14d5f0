"""Train the GPT LM on work/train.bin under a wall-clock budget, with checkpoint/resume.

LR schedule: linear warmup over --warmup steps, then cosine decay to --min-lr-frac * lr as a
function of the fraction of the wall-clock budget used (so the schedule ends when the budget ends).
"""
import argparse
import json
import math
import os
import random
import sys
import time

import numpy as np
import torch

from model import GPT, GPTConfig

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "work")


def get_args(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--budget-min", type=float, default=75.0, help="wall-clock training budget (minutes)")
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--min-lr-frac", type=float, default=0.1)
    ap.add_argument("--warmup", type=int, default=150)
    ap.add_argument("--wd", type=float, default=0.1)
    ap.add_argument("--grad-clip", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--ckpt", default=os.path.join(WORK, "ckpt.pt"))
    ap.add_argument("--ckpt-every-min", type=float, default=10.0)
    ap.add_argument("--log-every-s", type=float, default=30.0)
    ap.add_argument("--eval-every-min", type=float, default=5.0)
    ap.add_argument("--eval-windows", type=int, default=64)
    ap.add_argument("--log", default=os.path.join(WORK, "train.log"))
    ap.add_argument("--no-resume", action="store_true")
    ap.add_argument("--bench", action="store_true", help="time a few steps for several batch sizes and exit")
    return ap.parse_args(argv)


def lr_at(step, frac, a):
    if step < a.warmup:
        return a.lr * (step + 1) / a.warmup
    frac = min(max(frac, 0.0), 1.0)
    return a.lr * (a.min_lr_frac + (1 - a.min_lr_frac) * 0.5 * (1 + math.cos(math.pi * frac)))


def make_optimizer(model, a):
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2]
    return torch.optim.AdamW([{"params": decay, "weight_decay": a.wd},
                              {"params": no_decay, "weight_decay": 0.0}],
                             lr=a.lr, betas=(0.9, 0.95), eps=1e-8)


def get_batch(data, B, T, gen):
    ix = torch.randint(0, len(data) - T - 1, (B,), generator=gen).numpy()
    x = np.stack([data[i:i + T + 1] for i in ix]).astype(np.int64)
    x = torch.from_numpy(x)
    return x[:, :-1], x[:, 1:]


def val_windows(val, T, n):
    # fixed, evenly spaced windows of the held-out slice
    starts = np.linspace(0, len(val) - T - 2, n).astype(np.int64)
    x = torch.from_numpy(np.stack([val[s:s + T + 1] for s in starts]).astype(np.int64))
    return x[:, :-1], x[:, 1:]


@torch.no_grad()
def evaluate(model, vx, vy, bs=16):
    model.eval()
    tot, n = 0.0, 0
    for i in range(0, len(vx), bs):
        logits, _ = model(vx[i:i + bs])
        loss = torch.nn.functional.cross_entropy(logits.reshape(-1, logits.size(-1)), vy[i:i + bs].reshape(-1),
                                                 reduction="sum")
        tot += loss.item()
        n += vy[i:i + bs].numel()
    model.train()
    return tot / n


def save_ckpt(path, model, opt, step, tokens, elapsed, gen, a, extra):
    tmp = path + ".tmp"
    torch.save({"model": model.state_dict(), "optimizer": opt.state_dict(), "step": step, "tokens_seen": tokens,
                "elapsed_s": elapsed, "rng_torch": torch.get_rng_state(), "rng_batch": gen.get_state(),
                "rng_np": np.random.get_state(), "rng_py": random.getstate(),
                "config": model.cfg.to_dict(), "args": vars(a), **extra}, tmp)
    os.replace(tmp, path)


def main(argv=None):
    a = get_args(argv)
    torch.set_num_threads(a.threads)
    os.makedirs(WORK, exist_ok=True)
    random.seed(a.seed)
    np.random.seed(a.seed)
    torch.manual_seed(a.seed)
    cfg = GPTConfig()
    T = cfg.context_length
    train = np.memmap(os.path.join(WORK, "train.bin"), dtype=np.uint16, mode="r")
    val = np.memmap(os.path.join(WORK, "val.bin"), dtype=np.uint16, mode="r")
    model = GPT(cfg)
    opt = make_optimizer(model, a)
    gen = torch.Generator().manual_seed(a.seed)

    if a.bench:
        for B in (4, 8, 16, 32):
            x, y = get_batch(train, B, T, gen)
            for i in range(4):
                if i == 1:
                    t0 = time.time()
                logits, _ = model(x)
                loss = torch.nn.functional.cross_entropy(logits.reshape(-1, cfg.vocab_size), y.reshape(-1))
                opt.zero_grad(set_to_none=True)
                loss.backward()
                opt.step()
            dt = (time.time() - t0) / 3
            print(f"batch {B}: {dt:.2f} s/step, {B * T / dt:.0f} tokens/s", flush=True)
        return

    step, tokens, elapsed0 = 0, 0, 0.0
    last_val = None
    history = []
    if os.path.exists(a.ckpt) and not a.no_resume:
        ck = torch.load(a.ckpt, map_location="cpu")
        model.load_state_dict(ck["model"])
        opt.load_state_dict(ck["optimizer"])
        step, tokens, elapsed0 = ck["step"], ck["tokens_seen"], ck["elapsed_s"]
        torch.set_rng_state(ck["rng_torch"])
        gen.set_state(ck["rng_batch"])
        np.random.set_state(ck["rng_np"])
        random.setstate(ck["rng_py"])
        last_val = ck.get("val_loss")
        history = ck.get("history", [])
        print(f"resumed from {a.ckpt}: step {step}, tokens {tokens}, elapsed {elapsed0 / 60:.1f} min", flush=True)
    logf = open(a.log, "a")

    def log(msg):
        line = time.strftime("%Y-%m-%dT%H:%M:%SZ ", time.gmtime()) + msg
        print(line, flush=True)
        logf.write(line + "\n")
        logf.flush()

    budget = a.budget_min * 60
    vx, vy = val_windows(val, T, a.eval_windows)
    log(f"start: params {model.num_params():,} batch {a.batch}x{T} lr {a.lr} budget {a.budget_min} min "
        f"train tokens {len(train):,} val tokens {len(val):,} args {json.dumps(vars(a))}")
    t_start = time.time()
    last_log = last_ckpt = last_eval = t_start
    win_tokens, win_t0, loss_acc, loss_n = 0, t_start, 0.0, 0
    model.train()
    while True:
        elapsed = elapsed0 + (time.time() - t_start)
        if elapsed >= budget:
            break
        lr = lr_at(step, elapsed / budget, a)
        for g in opt.param_groups:
            g["lr"] = lr
        x, y = get_batch(train, a.batch, T, gen)
        logits, _ = model(x)
        loss = torch.nn.functional.cross_entropy(logits.reshape(-1, cfg.vocab_size), y.reshape(-1))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), a.grad_clip)
        opt.step()
        step += 1
        tokens += x.numel()
        win_tokens += x.numel()
        loss_acc += loss.item()
        loss_n += 1
        now = time.time()
        evald = ""
        if now - last_eval >= a.eval_every_min * 60:
            last_val = evaluate(model, vx, vy)
            last_eval = time.time()
            evald = " (evaluated)"
        if now - last_log >= a.log_every_s or evald:
            el = elapsed0 + (time.time() - t_start)
            tps = win_tokens / (time.time() - win_t0)
            tl = loss_acc / loss_n
            history.append({"step": step, "tokens": tokens, "elapsed_s": round(el, 1), "train_loss": round(tl, 4),
                            "val_loss": None if last_val is None else round(last_val, 4)})
            vs = "n/a" if last_val is None else f"{last_val:.4f}"
            log(f"step {step} tokens {tokens:,} tok/s {tps:.0f} train_loss {tl:.4f} val_loss {vs}{evald} "
                f"lr {lr:.2e} elapsed {el / 60:.1f} min ETA {max(budget - el, 0) / 60:.1f} min")
            last_log = time.time()
            win_tokens, win_t0, loss_acc, loss_n = 0, time.time(), 0.0, 0
        if time.time() - last_ckpt >= a.ckpt_every_min * 60:
            save_ckpt(a.ckpt, model, opt, step, tokens, elapsed0 + (time.time() - t_start), gen, a,
                      {"val_loss": last_val, "history": history, "done": False})
            last_ckpt = time.time()
            log(f"checkpoint saved: step {step}")
    el = elapsed0 + (time.time() - t_start)
    last_val = evaluate(model, vx, vy)
    history.append({"step": step, "tokens": tokens, "elapsed_s": round(el, 1), "train_loss": None,
                    "val_loss": round(last_val, 4)})
    save_ckpt(a.ckpt, model, opt, step, tokens, el, gen, a,
              {"val_loss": last_val, "history": history, "done": True})
    log(f"done: step {step} tokens {tokens:,} val_loss {last_val:.4f} elapsed {el / 60:.1f} min; checkpoint {a.ckpt}")


if __name__ == "__main__":
    main(sys.argv[1:])
