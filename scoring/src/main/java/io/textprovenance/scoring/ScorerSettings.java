package io.textprovenance.scoring;

import io.textprovenance.scoring.batch.BatchingSettings;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything needed to open a scorer.
 *
 * @param modelDirectory  directory holding {@code model.json}, {@code model.onnx}, {@code tokenizer.json}
 * @param device          where to run
 * @param intraOpThreads  threads per model call; 0 means one per available core
 * @param batching        how concurrent windows are grouped
 */
public record ScorerSettings(Path modelDirectory, ExecutionDevice device, int intraOpThreads,
                             BatchingSettings batching) {

    public ScorerSettings {
        Objects.requireNonNull(modelDirectory, "modelDirectory");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(batching, "batching");
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intraOpThreads must be >= 0, got " + intraOpThreads);
        }
    }

    /** CPU (or CUDA when available), all cores, default batching. */
    public static ScorerSettings defaults(Path modelDirectory) {
        return new ScorerSettings(modelDirectory, ExecutionDevice.AUTO, 0, BatchingSettings.defaults());
    }

    /** The thread count actually used. */
    public int effectiveIntraOpThreads() {
        return intraOpThreads > 0 ? intraOpThreads : Runtime.getRuntime().availableProcessors();
    }
}
