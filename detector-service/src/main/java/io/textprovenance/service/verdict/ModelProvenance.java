package io.textprovenance.service.verdict;

import io.swagger.v3.oas.annotations.media.Schema;

/** One hosted model's provenance test within an attribution. */
@Schema(description = "One model's test of H0 \"this text was sampled from this model\" within the attribution.")
public record ModelProvenance(
        @Schema(description = "Model name (GET /v1/models)") String model,
        @Schema(description = "Model version") String version,
        @Schema(description = "First hex digits of its scoring graph's sha256") String sha256,
        @Schema(description = "Tokens of the text by this model's own tokenizer (all scored)") int tokens,
        @Schema(description = "The test's name", example = "freedman-bennett") String test,
        @Schema(description = "Mean over tokens of (clipped surprisal - its expected value under this model), nats"
                + " per token: below 0 = more predictable than the model's own samples, above 0 = less")
        double statistic,
        @Schema(description = "Rejection threshold on |statistic| at the corrected level alpha, nats per token")
        double threshold,
        @Schema(description = "The corrected level this model is tested at: the family alpha / K") double alpha,
        @Schema(description = "The test's own p-value, in [0, 1]; rejected exactly when pValue <= alpha (the"
                + " corrected level)") double pValue,
        @Schema(description = "min(1, K pValue), comparable with the family alpha: rejected exactly when it is at"
                + " most the family alpha") double adjustedPValue,
        @Schema(description = "Whether H0 \"sampled from this model\" is rejected at the corrected level")
        boolean rejected,
        @Schema(description = "ln p(text) under this model, summed over its own tokens, in nats (<= 0): comparable"
                + " across the models tested, each scoring the same text") double logLikelihood,
        @Schema(description = "H0 for this model in plain words") String nullHypothesis) {

    /** H0 for one model in words. */
    public static String nullHypothesis(String model, String version) {
        return "This text is an unedited sample of " + model + " " + version + " at temperature 1 with nothing cut"
                + " from its distribution: each token, as that model's tokenizer splits the text, drawn from its"
                + " next-token probabilities given the text before it, with no prompt before the text.";
    }
}
