package io.textprovenance.service.verdict;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A zero-shot score; pValue is its conformal p-value among human reference texts, missPValue among machine
 * reference texts (share scored at most as high); each null when there are no such references, and both null
 * for too-short and no-content verdicts.
 */
@Schema(description = "A zero-shot score computed from the language model's token probabilities alone.")
public record ZeroShotScore(
        @Schema(description = "liketropy, fast-detectgpt, log-likelihood or log-rank",
                allowableValues = {"liketropy", "fast-detectgpt", "log-likelihood", "log-rank"}) String name,
        @Schema(description = "The score; larger = more machine-like (more predictable to the model).")
        double score,
        @Schema(types = {"number", "null"}, minimum = "0", maximum = "1", description = "Conformal p-value"
                + " among human reference texts of similar length (share scoring at least as high); small ="
                + " evidence for machine. Null without calibration and for too-short/no-content verdicts.")
        Double pValue,
        @Schema(types = {"number", "null"}, minimum = "0", maximum = "1", description = "Conformal p-value"
                + " among machine reference texts (share scoring at most as high); small = evidence for human."
                + " Null without machine references and for too-short/no-content verdicts.") Double missPValue) {
}
