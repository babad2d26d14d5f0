package io.textprovenance.service.verdict;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Tokens scored and whether overlapping windows were needed; PAWN reads at most its first 512.
 * referenceTokens: the p-values compare this text with the calibration's human texts of this length (the
 * largest calibrated length not above the text's): cut to it, or, at the longest calibrated length, whole
 * texts at least that long; null when uncalibrated or calibrated on whole texts only.
 */
@Schema(description = "What was scored.")
public record Tokens(
        @Schema(description = "Tokens scored: every token of the text, by the model's tokenizer") int scored,
        @Schema(description = "Whether the text was longer than the model's context and scored in overlapping"
                + " windows") boolean windowed,
        @Schema(description = "Model windows needed (1 when the text fits the context)") int windows,
        @Schema(types = {"integer", "null"}, description = "The p-values compare this text with reference texts"
                + " of this many tokens (the largest calibrated length not above the text's): cut to it, or at the"
                + " longest calibrated length whole texts at least that long; null when uncalibrated or calibrated"
                + " on whole texts only.") Integer referenceTokens) {
}
