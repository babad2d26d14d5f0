/**
 * ONNX Runtime: {@link io.textprovenance.scoring.onnx.OnnxScorer} owns the environment reference,
 * session options and session; {@link io.textprovenance.scoring.batch.ModelRunner}s turn a batch of
 * windows into per-position metrics for either model format.
 */
package io.textprovenance.scoring.onnx;
