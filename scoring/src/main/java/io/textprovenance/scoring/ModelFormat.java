package io.textprovenance.scoring;

/** What the ONNX graph outputs. */
public enum ModelFormat {
    /**
     * The project's scoring graph: per-position metrics and the last hidden state; the [B,T,V] logits
     * never leave the runtime (see {@code training/export_onnx.py}).
     */
    SCORING_GRAPH,
    /** A plain causal-LM export with a {@code logits} [B,T,V] output; metrics are computed in Java. */
    LOGITS
}
