/**
 * Text in, per-token language-model metrics out. {@link io.textprovenance.scoring.Scorer} is the one
 * entry point; {@link io.textprovenance.scoring.onnx.OnnxScorer} owns the ONNX Runtime session and the
 * tokenizer, {@link io.textprovenance.scoring.window} splits long documents into overlapping windows
 * and {@link io.textprovenance.scoring.batch} groups concurrent callers into batches.
 */
package io.textprovenance.scoring;
