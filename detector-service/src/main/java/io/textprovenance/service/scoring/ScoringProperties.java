package io.textprovenance.service.scoring;

import io.textprovenance.scoring.ExecutionDevice;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * detector.scoring.*: where the model is and how it runs.
 *
 * @param modelDir         model directory (model.json, model.onnx, tokenizer.json; optional pawn.onnx,
 *                         calibration.json)
 * @param device           cpu, auto (CUDA when present) or cuda
 * @param intraOpThreads   threads per model call, 0 = all cores
 * @param maxBatchTokens   padded tokens per model call
 * @param maxWait          how long a window waits for company
 * @param maxQueuedWindows back-pressure limit
 * @param workers          threads calling the model
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
