package io.textprovenance.scoring.onnx;

import io.textprovenance.scoring.ExecutionDevice;
import io.textprovenance.scoring.ScorerSettings;
import io.textprovenance.scoring.batch.BatchingSettings;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Two tiny random GPTs with the same weights (context 32, so windows are exercised on short texts), one
 * exported as a scoring graph and one as a plain logits graph; made by training/make_test_models.py.
 */
final class TinyModels {

    private TinyModels() {
    }

    static OnnxScorer open(String format) {
        return OnnxScorer.open(new ScorerSettings(directory(format), ExecutionDevice.CPU, 2,
                new BatchingSettings(2048, Duration.ofMillis(2), 100_000, 8, 1)));
    }

    static Path directory(String format) {
        try {
            return Path.of(TinyModels.class.getResource("/tiny/" + format + "/model.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
