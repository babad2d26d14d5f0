package io.textprovenance.service.verdict;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One provenance test (docs/statistics.md), with the anytime-valid test's p-value, the null hypothesis in
 * words and which type-I guarantee holds (the fixed-length one needs a length fixed in advance).
 */
@Schema(description = "The Freedman-Bennett test of H0 \"this text is a temperature-1 sample of this very"
        + " model\" (nullHypothesis says it in full), at the text's full length. Rejecting says the text is not"
        + " such a sample (edited, human, or another model or temperature); it is evidence, not the label. Its"
        + " false-positive rate is at most alpha for a length fixed in advance; guarantee says what holds when the"
        + " generator chose the length.")
public record Provenance(
        @Schema(description = "The test's name", example = "freedman-bennett") String test,
        @Schema(description = "two_sided: rejects text more or less predictable than the model's own samples",
                allowableValues = {"two_sided", "less", "greater"}) String alternative,
        @Schema(description = "Mean over tokens of (clipped surprisal - its expected value under the model),"
                + " nats per token: below 0 = more predictable than the model's samples, above 0 = less.")
        double statistic,
        @Schema(description = "Rejection threshold on |statistic| at level alpha, nats per token (> 0)")
        double threshold,
        @Schema(description = "The level (detector.verdict.alpha)") double alpha,
        @Schema(description = "The p-value, in [0, 1]; rejected exactly when pValue <= alpha") double pValue,
        @Schema(description = "Whether H0 is rejected at level alpha") boolean rejected,
        @Schema(description = "The anytime-valid test's p-value for the same H0 (the smallest over all prefixes"
                + " of the text), in [0, 1]: valid however the text's length was chosen, e.g. by a generator"
                + " stopping at its end-of-text token; a little less powerful than pValue.") double anytimePValue,
        @Schema(description = "H0 in plain words: what the test assumes the text is.") String nullHypothesis,
        @Schema(description = "Which false-positive guarantee holds, and when only the anytime-valid one or"
                + " none does.") String guarantee) {

    /** H0 in words a reader understands (docs/statistics.md, section 5). */
    public static final String NULL_HYPOTHESIS = "This text is an unedited sample of the model that answered, at"
            + " temperature 1 with nothing cut from its distribution (no top-k, top-p or lower temperature): each"
            + " token, as the model's tokenizer splits the text, drawn from the model's own next-token"
            + " probabilities given the text before it (for a text longer than the model's context: given the"
            + " part of it in the token's scoring window), with no prompt before the text.";

    /** Which type-I guarantee holds (docs/statistics.md, "Type-I under real generation"). */
    public static final String GUARANTEE = "If H0 is true, pValue <= alpha happens with probability at most"
            + " alpha when the text's length was fixed before it was generated. A generator that stopped at its"
            + " end-of-text token chose the length from its own draws: then only anytimePValue keeps that"
            + " guarantee. A prompt not included in the text, a context sliding past the model's window, or"
            + " text whose tokens differ from the ones drawn (decoded and re-tokenized) make H0 only"
            + " approximate: the rates measured for those cases are in docs/statistics.md.";

    public Provenance(String test, String alternative, double statistic, double threshold, double alpha,
                      double pValue, boolean rejected, double anytimePValue) {
        this(test, alternative, statistic, threshold, alpha, pValue, rejected, anytimePValue, NULL_HYPOTHESIS,
                GUARANTEE);
    }
}
