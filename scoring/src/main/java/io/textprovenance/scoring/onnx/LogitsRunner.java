package io.textprovenance.scoring.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.textprovenance.scoring.ModelManifest;
import io.textprovenance.scoring.ScoringException;
import io.textprovenance.scoring.batch.ModelRunner;
import io.textprovenance.scoring.batch.WindowResult;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a plain causal-LM export (what Hugging Face exporters produce): inputs {@code input_ids} and
 * optionally {@code attention_mask} and {@code position_ids}, output {@code logits} [B,T,V]. The whole
 * [B,T,V] tensor is copied out and the metrics are computed in Java, so this format is slower than the
 * scoring graph and cannot give hidden states unless the graph outputs {@code last_hidden_state}.
 */
final class LogitsRunner implements ModelRunner {

    private static final Set<String> KNOWN_INPUTS = Set.of("input_ids", "attention_mask", "position_ids");
    private static final String LOGITS = "logits";
    private static final String HIDDEN = "last_hidden_state";

    private final OrtEnvironment env;
    private final OrtSession session;
    private final ModelManifest manifest;
    private final AtomicLong bytesCopiedOut = new AtomicLong();

    LogitsRunner(OrtEnvironment env, OrtSession session, ModelManifest manifest) {
        this.env = env;
        this.session = session;
        this.manifest = manifest;
        for (String input : session.getInputNames()) {
            if (!KNOWN_INPUTS.contains(input)) {
                throw new IllegalStateException(manifest.modelFile() + " needs input '" + input + "'; a logits model"
                        + " may only take " + KNOWN_INPUTS + " (export it without past key values)");
            }
        }
        if (!session.getInputNames().contains("input_ids") || !session.getOutputNames().contains(LOGITS)) {
            throw new IllegalStateException(manifest.modelFile() + " is declared a logits model but has inputs "
                    + session.getInputNames() + " and outputs " + session.getOutputNames());
        }
    }

    @Override
    public List<WindowResult> run(List<long[]> windows, boolean withHiddenStates) {
        if (withHiddenStates && !session.getOutputNames().contains(HIDDEN)) {
            throw new IllegalStateException(manifest.name() + " exposes no " + HIDDEN
                    + " output: export it as a scoring graph (training/export_hf.py) to get hidden states");
        }
        PaddedBatch batch = new PaddedBatch(windows, manifest.bosTokenId());
        int vocabulary = manifest.vocabSize();
        try (OnnxTensor ids = batch.ids(env); OnnxTensor mask = batch.mask(env);
             OnnxTensor positions = batch.positions(env)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", ids);
            putIfDeclared(inputs, "attention_mask", mask);
            putIfDeclared(inputs, "position_ids", positions);
            Set<String> requested = withHiddenStates ? Set.of(LOGITS, HIDDEN) : Set.of(LOGITS);
            try (OrtSession.Result output = session.run(inputs, requested)) {
                float[] logits = copyOut(output, LOGITS);
                if (logits.length != (long) batch.batchSize * batch.length * vocabulary) {
                    throw new IllegalStateException("logits hold " + logits.length + " values; model.json says vocab_size "
                            + vocabulary);
                }
                float[] hidden = withHiddenStates ? copyOut(output, HIDDEN) : null;
                List<WindowResult> results = new ArrayList<>(batch.batchSize);
                for (int b = 0; b < batch.batchSize; b++) {
                    results.add(window(windows.get(b), b, batch, logits, hidden));
                }
                return results;
            }
        } catch (OrtException e) {
            throw new ScoringException("ONNX Runtime failed on a batch of " + batch.batchSize + " windows: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public long bytesCopiedOut() {
        return bytesCopiedOut.get();
    }

    private WindowResult window(long[] ids, int b, PaddedBatch batch, float[] logits, float[] hidden) {
        int vocabulary = manifest.vocabSize();
        WindowResult result = WindowResult.allocate(ids.length, manifest.hiddenSize(), hidden != null);
        for (int j = 0; j < ids.length - 1; j++) {
            int offset = (b * batch.length + j) * vocabulary;
            LogitsMetrics.compute(logits, offset, vocabulary, ids[j + 1], manifest.clipNats(), result, j);
        }
        if (hidden != null) {
            int width = manifest.hiddenSize();
            for (int t = 0; t < ids.length; t++) {
                System.arraycopy(hidden, (b * batch.length + t) * width, result.hiddenStates()[t], 0, width);
            }
        }
        return result;
    }

    private void putIfDeclared(Map<String, OnnxTensor> inputs, String name, OnnxTensor tensor) {
        if (session.getInputNames().contains(name)) {
            inputs.put(name, tensor);
        }
    }

    private float[] copyOut(OrtSession.Result output, String name) {
        OnnxTensor tensor = (OnnxTensor) output.get(name)
                .orElseThrow(() -> new IllegalStateException("the model returned no output " + name));
        FloatBuffer buffer = tensor.getFloatBuffer();
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        bytesCopiedOut.addAndGet((long) values.length * Float.BYTES);
        return values;
    }
}
