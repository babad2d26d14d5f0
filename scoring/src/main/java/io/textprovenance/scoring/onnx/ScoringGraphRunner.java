package io.textprovenance.scoring.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.textprovenance.scoring.ModelManifest;
import io.textprovenance.scoring.ScoringException;
import io.textprovenance.scoring.TokenMetrics;
import io.textprovenance.scoring.batch.ModelRunner;
import io.textprovenance.scoring.batch.WindowResult;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the project's scoring graph: inputs {@code input_ids}, {@code attention_mask} [B,T] and
 * {@code clip_nats} [1]; outputs eight [B,T-1] metric tensors and, only when asked, {@code hidden_states}
 * [B,T,d]. Only the requested outputs are computed and copied out. A graph without the {@code clip_nats} input is
 * refused: it would clip at a level model.json does not state.
 */
final class ScoringGraphRunner implements ModelRunner {

    static final List<String> METRIC_OUTPUTS = TokenMetrics.NAMES;
    static final String HIDDEN_OUTPUT = "hidden_states";

    private final OrtEnvironment env;
    private final OrtSession session;
    private final ModelManifest manifest;
    private final AtomicLong bytesCopiedOut = new AtomicLong();

    ScoringGraphRunner(OrtEnvironment env, OrtSession session, ModelManifest manifest) {
        this.env = env;
        this.session = session;
        this.manifest = manifest;
        Set<String> missing = new LinkedHashSet<>(METRIC_OUTPUTS);
        missing.add(HIDDEN_OUTPUT);
        missing.removeAll(session.getOutputNames());
        if (!missing.isEmpty()) {
            throw new IllegalStateException(manifest.modelFile() + " is declared a scoring graph but lacks outputs "
                    + missing + "; it has " + session.getOutputNames());
        }
        if (!session.getInputNames().contains("clip_nats")) {
            // issue 14: without the input the graph clips at whatever level its export baked in, not at the
            // manifest's clip_nats that the provenance tests' bounds assume
            throw new IllegalStateException(manifest.modelFile() + " is declared a scoring graph but has no clip_nats"
                    + " input, so it cannot clip at model.json's clip_nats (" + manifest.clipNats() + "); it has inputs "
                    + session.getInputNames() + ". Export it again (training/export_onnx.py) or declare it a logits model.");
        }
    }

    @Override
    public List<WindowResult> run(List<long[]> windows, boolean withHiddenStates) {
        PaddedBatch batch = new PaddedBatch(windows, manifest.bosTokenId());
        Set<String> requested = new LinkedHashSet<>(METRIC_OUTPUTS);
        if (withHiddenStates) {
            requested.add(HIDDEN_OUTPUT);
        }
        List<WindowResult> results = new ArrayList<>(windows.size());
        for (int b = 0; b < batch.batchSize; b++) {
            results.add(WindowResult.allocate(batch.lengths[b], manifest.hiddenSize(), withHiddenStates));
        }
        try (OnnxTensor ids = batch.ids(env);
             OnnxTensor mask = batch.mask(env);
             OnnxTensor clip = OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] {(float) manifest.clipNats()}),
                     new long[] {1})) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", ids);
            inputs.put("attention_mask", mask);
            inputs.put("clip_nats", clip);
            try (OrtSession.Result output = session.run(inputs, requested)) {
                for (int m = 0; m < METRIC_OUTPUTS.size(); m++) {
                    FloatBuffer data = copyOut(output, METRIC_OUTPUTS.get(m));
                    scatterMetric(data, m, batch, results);
                }
                if (withHiddenStates) {
                    scatterHidden(copyOut(output, HIDDEN_OUTPUT), batch, results);
                }
            }
        } catch (OrtException e) {
            throw new ScoringException("ONNX Runtime failed on a batch of " + batch.batchSize + " windows of up to "
                    + batch.length + " tokens: " + e.getMessage(), e);
        }
        return results;
    }

    @Override
    public long bytesCopiedOut() {
        return bytesCopiedOut.get();
    }

    private FloatBuffer copyOut(OrtSession.Result output, String name) {
        OnnxTensor tensor = (OnnxTensor) output.get(name)
                .orElseThrow(() -> new IllegalStateException("the model returned no output " + name));
        FloatBuffer data = tensor.getFloatBuffer();
        bytesCopiedOut.addAndGet((long) data.capacity() * Float.BYTES);
        return data;
    }

    private static void scatterMetric(FloatBuffer data, int metric, PaddedBatch batch, List<WindowResult> results) {
        int stride = batch.length - 1;
        for (int b = 0; b < batch.batchSize; b++) {
            WindowResult result = results.get(b);
            float[] target = switch (metric) {
                case 0 -> result.logProb();
                case 1 -> result.entropy();
                case 2 -> result.varentropy();
                case 3 -> result.maxLogProb();
                case 4 -> result.rankFraction();
                case 5 -> result.topPMass();
                case 6 -> result.clippedMean();
                default -> result.clippedVariance();
            };
            data.get(b * stride, target, 0, target.length);
        }
    }

    private void scatterHidden(FloatBuffer data, PaddedBatch batch, List<WindowResult> results) {
        int width = manifest.hiddenSize();
        if (data.capacity() != (long) batch.batchSize * batch.length * width) {
            throw new IllegalStateException("hidden_states has " + data.capacity() + " values; model.json says"
                    + " hidden_size " + width);
        }
        for (int b = 0; b < batch.batchSize; b++) {
            float[][] rows = results.get(b).hiddenStates();
            for (int t = 0; t < rows.length; t++) {
                data.get((b * batch.length + t) * width, rows[t], 0, width);
            }
        }
    }
}
