/**
 * Dynamic batching: concurrent callers' windows are grouped into batches by a token budget and a short
 * maximum wait, bucketed by length to keep padding low, with a bounded queue for back-pressure. The batcher calls
 * a {@link io.textprovenance.scoring.batch.ModelRunner} (implemented in {@code scoring.onnx}) and hands back its
 * {@link io.textprovenance.scoring.batch.WindowResult}s, so this package depends on no runtime.
 */
package io.textprovenance.scoring.batch;
