package io.textprovenance.service.scoring;

import io.textprovenance.scoring.ExecutionDevice;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * detector.scoring.*: where the model is and how it runs.
 *
 * @param modelDir         model directory (model.json, model.onnx, tokenizer.json; optional pawn.onnx with
 *                         pawn.json, calibration.json): by default the imported SmolLM2-135M-Instruct
 *                         (training/import_model.sh; run-service.sh imports it on first start); models/tiny is the
 *                         6.9M model trained here
 * @param device           cpu, auto (CUDA when present) or cuda
 * @param intraOpThreads   threads per model call, 0 = all cores
 * @param maxBatchTokens   padded tokens per model call: by default one 512-token window of the default model, as a
 *                         window holds 100 MB of float32 logits (V = 49,152) and several such tensors inside the
 *                         graph (two windows per call: RSS 3.3 GB under load); batching gains little on CPU
 *                         (docs/performance.md)
 * @param maxWait          how long a window waits for company
 * @param maxQueuedWindows back-pressure limit
 * @param workers          threads calling the model
 * @param attributionModels further model directories hosted for attribution only (each its own scorer, with the
 *                         settings above): a verdict then tests H0 "sampled from M" for every hosted model, or for
 *                         those its request names (docs/statistics.md, "Attribution among hosted models"); empty by
 *                         default
 * @param pawn             how the PAWN head is accepted
 */
@Validated
@ConfigurationProperties("detector.scoring")
public record ScoringProperties(@NotNull @DefaultValue("models/smollm2-135m") Path modelDir,
                                @NotNull @DefaultValue("auto") ExecutionDevice device,
                                @Min(0) @DefaultValue("0") int intraOpThreads,
                                @Min(64) @DefaultValue("512") int maxBatchTokens,
                                @NotNull @DefaultValue("5ms") Duration maxWait,
                                @Min(1) @DefaultValue("4096") int maxQueuedWindows,
                                @Min(1) @DefaultValue("1") int workers,
                                @NotNull @DefaultValue List<Path> attributionModels,
                                @Valid @NotNull @DefaultValue Pawn pawn) {

    /**
     * detector.scoring.pawn.*: a head whose pawn.json records another text normalization than the scorer's is never
     * used (its features were other tokens); one that records none (trained before the record existed) is used only
     * when {@code requireNormalization} is false.
     *
     * @param requireNormalization refuse a head whose pawn.json records no text normalization
     */
    public record Pawn(@DefaultValue("true") boolean requireNormalization) {
    }
}
