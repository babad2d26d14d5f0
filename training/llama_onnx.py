"""Builds the scoring graph of a Llama model with the `onnx` package (no torch, byte-reproducible).

Contract (the same as training/export_onnx.py, read by the Java scorer):
  inputs  input_ids int64 [B,T], attention_mask int64 [B,T] (1 real, 0 right padding), clip_nats float32 [1]
  outputs token_logprob, entropy, varentropy, max_logprob, rank_fraction, top_p_mass, clipped_mean,
          clipped_var (float32 [B,T-1]; position j = prediction of input_ids[:, j+1]) and
          hidden_states float32 [B,T,d] (after the final RMSNorm).
Logits never leave the graph. Weights are the Hugging Face layout (q/k un-permuted), RoPE is rotate_half.
The tied output head reuses the embedding matrix through Gemm(transB=1): it is stored once.
"""
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 17
OUTPUT_NAMES = ["token_logprob", "entropy", "varentropy", "max_logprob", "rank_fraction", "top_p_mass",
                "clipped_mean", "clipped_var", "hidden_states"]
MASKED = -1.0e30


class _Builder:
    def __init__(self):
        self.nodes, self.inits, self.counter = [], [], 0

    def name(self, hint):
        self.counter += 1
        return f"{hint}_{self.counter}"

    def op(self, op_type, inputs, hint=None, **attrs):
        out = self.name(hint or op_type.lower())
        self.nodes.append(helper.make_node(op_type, inputs, [out], name=out + "_node", **attrs))
        return out

    def const(self, name, array):
        self.inits.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def ints(self, name, values):
        return self.const(name, np.asarray(values, dtype=np.int64))


def _rms_norm(b, x, weight, eps):
    ms = b.op("ReduceMean", [b.op("Mul", [x, x])], axes=[-1], keepdims=1)
    inv = b.op("Reciprocal", [b.op("Sqrt", [b.op("Add", [ms, "eps"])])])
    return b.op("Mul", [b.op("Mul", [x, inv]), weight], hint="rmsnorm")


def _rope(b, x, half):
    """rotate_half RoPE on x [..., T, hd] with the shared cos/sin [T, hd]."""
    lo = b.op("Slice", [x, "zero1", half, "minus1"])
    hi = b.op("Slice", [x, half, "big1", "minus1"])
    rotated = b.op("Concat", [b.op("Neg", [hi]), lo], axis=-1)
    return b.op("Add", [b.op("Mul", [x, "rope_cos"]), b.op("Mul", [rotated, "rope_sin"])], hint="rope")


def _attention(b, x, w, i, c):
    hd, kv, g = c.head_dim, c.kv_heads, c.group
    q = b.op("MatMul", [x, b.const(f"l{i}.q.T", w["q"].T)])
    k = b.op("MatMul", [x, b.const(f"l{i}.k.T", w["k"].T)])
    v = b.op("MatMul", [x, b.const(f"l{i}.v.T", w["v"].T)])
    # query head h = kv * group + r uses KV head h // group: [B, kv, group, T, hd] against [B, kv, 1, T, hd]
    q = b.op("Transpose", [b.op("Reshape", [q, "q_shape"])], perm=[0, 2, 3, 1, 4])
    k = b.op("Transpose", [b.op("Reshape", [k, "kv_shape"])], perm=[0, 2, 3, 1, 4])
    v = b.op("Transpose", [b.op("Reshape", [v, "kv_shape"])], perm=[0, 2, 3, 1, 4])
    q, k = _rope(b, q, "half_hd"), _rope(b, k, "half_hd")
    scores = b.op("MatMul", [q, b.op("Transpose", [k], perm=[0, 1, 2, 4, 3])])
    scores = b.op("Add", [b.op("Mul", [scores, "attn_scale"]), "attn_bias"])
    ctx = b.op("MatMul", [b.op("Softmax", [scores], axis=-1), v])
    ctx = b.op("Reshape", [b.op("Transpose", [ctx], perm=[0, 3, 1, 2, 4]), "model_shape"])
    return b.op("MatMul", [ctx, b.const(f"l{i}.o.T", w["o"].T)], hint="attn_out")


def _mlp(b, x, w, i):
    gate = b.op("MatMul", [x, b.const(f"l{i}.gate.T", w["gate"].T)])
    up = b.op("MatMul", [x, b.const(f"l{i}.up.T", w["up"].T)])
    act = b.op("Mul", [b.op("Mul", [gate, b.op("Sigmoid", [gate])]), up])
    return b.op("MatMul", [act, b.const(f"l{i}.down.T", w["down"].T)], hint="mlp_out")


def _constants(b, c):
    f32 = np.float32
    b.const("eps", np.array(c.rms_eps, dtype=f32))
    b.const("attn_scale", np.array(1.0 / np.sqrt(c.head_dim), dtype=f32))
    b.const("inv_freq", (c.rope_base ** (-np.arange(0, c.head_dim, 2, dtype=np.float64) / c.head_dim)).astype(f32))
    b.const("masked", np.array(MASKED, dtype=f32))
    b.const("fzero", np.array(0.0, dtype=f32))
    b.const("fone", np.array(1.0, dtype=f32))
    b.const("vocab_f", np.array(float(c.vocab), dtype=f32))
    b.ints("zero1", [0])
    b.ints("one1", [1])
    b.ints("minus1", [-1])
    b.ints("big1", [np.iinfo(np.int64).max])
    b.ints("half_hd", [c.head_dim // 2])
    b.ints("q_shape", [0, 0, c.kv_heads, c.group, c.head_dim])
    b.ints("kv_shape", [0, 0, c.kv_heads, 1, c.head_dim])
    b.ints("model_shape", [0, 0, c.d_model])
    b.ints("flat_shape", [-1, c.d_model])
    b.ints("vocab1", [c.vocab])
    b.ints("axis_last", [-1])
    b.ints("axes_mask", [1, 2, 3])
    b.ints("scalar_zero", 0)
    b.ints("scalar_one", 1)


def _positions(b):
    """rope_cos / rope_sin [T, hd] and attn_bias [B, 1, 1, T, T] (causal and key padding)."""
    shape = b.op("Shape", ["input_ids"])
    t_len = b.op("Squeeze", [b.op("Slice", [shape, "one1", b.const("two1", np.array([2], np.int64))]), "zero1"])
    pos = b.op("Range", ["scalar_zero", t_len, "scalar_one"])
    angles = b.op("Mul", [b.op("Unsqueeze", [b.op("Cast", [pos], to=TensorProto.FLOAT), "axis_last"]), "inv_freq"])
    angles = b.op("Concat", [angles, angles], axis=-1)
    b.nodes.append(helper.make_node("Cos", [angles], ["rope_cos"], name="rope_cos_node"))
    b.nodes.append(helper.make_node("Sin", [angles], ["rope_sin"], name="rope_sin_node"))
    causal = b.op("LessOrEqual", [b.op("Unsqueeze", [pos, "zero1"]), b.op("Unsqueeze", [pos, "axis_last"])])
    keys = b.op("Unsqueeze", [b.op("Cast", ["attention_mask"], to=TensorProto.BOOL), "axes_mask"])
    allowed = b.op("And", [causal, keys])
    b.nodes.append(helper.make_node("Where", [allowed, "fzero", "masked"], ["attn_bias"], name="attn_bias_node"))
    return shape


def _scores(b, logits):
    """The eight per-token statistics of training/scoring.py from logits [B, T-1, V]."""
    lp = b.op("LogSoftmax", [logits], axis=-1)
    targets = b.op("Unsqueeze", [b.op("Slice", ["input_ids", "one1", "big1", "one1"]), "axis_last"])
    tok_lp = b.op("GatherElements", [lp, targets], axis=-1)
    p = b.op("Exp", [lp])

    def total(x):
        return b.op("ReduceSum", [x, "axis_last"], keepdims=0)

    entropy = b.op("Neg", [total(b.op("Mul", [p, lp]))])
    dev = b.op("Add", [lp, b.op("Unsqueeze", [entropy, "axis_last"])])
    varentropy = b.op("Relu", [total(b.op("Mul", [p, b.op("Mul", [dev, dev])]))])
    max_lp = b.op("ReduceMax", [lp], axes=[-1], keepdims=0)
    p_x = b.op("Exp", [tok_lp])
    higher = total(b.op("Cast", [b.op("Greater", [p, p_x])], to=TensorProto.FLOAT))
    rank_fraction = b.op("Div", [b.op("Add", [higher, "fone"]), "vocab_f"])
    top_p_mass = total(b.op("Where", [b.op("GreaterOrEqual", [p, p_x]), p, "fzero"]))
    clip = b.op("Reshape", ["clip_nats", b.const("clip_shape", np.array([1, 1, 1], np.int64))])
    m = b.op("Min", [b.op("Neg", [lp]), clip])
    clipped_mean = total(b.op("Mul", [p, m]))
    cdev = b.op("Sub", [m, b.op("Unsqueeze", [clipped_mean, "axis_last"])])
    clipped_var = b.op("Relu", [total(b.op("Mul", [p, b.op("Mul", [cdev, cdev])]))])
    values = [b.op("Squeeze", [tok_lp, "axis_last"]), entropy, varentropy, max_lp, rank_fraction, top_p_mass,
              clipped_mean, clipped_var]
    for name, value in zip(OUTPUT_NAMES[:-1], values):
        b.nodes.append(helper.make_node("Identity", [value], [name], name=name + "_out"))


def build_scoring_graph(weights, graph_name):
    """The scoring-graph ModelProto of a LlamaWeights (see the module doc)."""
    c = weights.config
    b = _Builder()
    _constants(b, c)
    shape = _positions(b)
    embed = b.const("token_embd", weights.tensors["token_embd.weight"])
    head = embed if weights.tied_head else b.const("output_head", weights.head())
    x = b.op("Gather", [embed, "input_ids"], axis=0)
    for i in range(c.layers):
        w = weights.layer(i, "hf")
        attn_norm = b.const(f"l{i}.attn_norm", w["attn_norm"])
        x = b.op("Add", [x, _attention(b, _rms_norm(b, x, attn_norm, c.rms_eps), w, i, c)], hint=f"resid{i}a")
        ffn_norm = b.const(f"l{i}.ffn_norm", w["ffn_norm"])
        x = b.op("Add", [x, _mlp(b, _rms_norm(b, x, ffn_norm, c.rms_eps), w, i)], hint=f"resid{i}m")
    final = _rms_norm(b, x, b.const("output_norm", weights.tensors["output_norm.weight"]), c.rms_eps)
    b.nodes.append(helper.make_node("Identity", [final], ["hidden_states"], name="hidden_states_out"))
    # the head only for positions 0..T-2 (the last position predicts nothing that is scored)
    predicting = b.op("Slice", [final, "zero1", "minus1", "one1"])
    logits = b.op("Gemm", [b.op("Reshape", [predicting, "flat_shape"]), head], transB=1)
    lead = b.op("Shape", [predicting])
    lead = b.op("Slice", [lead, "zero1", b.const("two", np.array([2], np.int64))])
    logits = b.op("Reshape", [logits, b.op("Concat", [lead, "vocab1"], axis=0)], hint="logits")
    _scores(b, logits)
    del shape

    f = TensorProto.FLOAT
    inputs = [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "time"]),
              helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "time"]),
              helper.make_tensor_value_info("clip_nats", f, [1])]
    outputs = [helper.make_tensor_value_info(n, f, ["batch", "time_minus_1"]) for n in OUTPUT_NAMES[:-1]]
    outputs.append(helper.make_tensor_value_info("hidden_states", f, ["batch", "time", c.d_model]))
    graph = helper.make_graph(b.nodes, graph_name, inputs, outputs, initializer=b.inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                              producer_name="textprovenance-import-gguf", producer_version="1")
    model.ir_version = 8
    onnx.checker.check_model(model, full_check=False)
    return model
