package io.textprovenance.stats.attribution;

import io.textprovenance.stats.TestResult;

/**
 * The provenance test of one candidate model within an attribution among {@code models} candidates.
 *
 * @param model          the candidate's name
 * @param result         the test at the corrected level: {@code result.alpha()} is familyAlpha / models, its
 *                       threshold is the one at that level, {@code result.pValue()} the test's own (unadjusted)
 *                       p-value and {@code result.rejected()} whether pValue &lt;= familyAlpha / models
 * @param models         K, the number of candidates tested together
 * @param familyAlpha    the level of the whole attribution, before the correction
 * @param adjustedPValue min(1, K pValue): rejected exactly when adjustedPValue &lt;= familyAlpha
 * @param logLikelihood  the text's log-probability under this model, sum_i ln p(x_i | x_&lt;i) over its own tokens,
 *                       in nats: comparable across models that score the same text (each approximates ln P(text));
 *                       evidence for {@link ModelAttribution#mostLikely}, not part of the test
 */
public record ModelTest(String model, TestResult result, int models, double familyAlpha, double adjustedPValue,
                        double logLikelihood) {

    public ModelTest {
        if (models < 1) {
            throw new IllegalArgumentException("need at least one model, got " + models);
        }
        if (!(adjustedPValue >= 0 && adjustedPValue <= 1)) {
            throw new IllegalArgumentException("adjusted p-value " + adjustedPValue + " is not in [0, 1]");
        }
    }

    /** Whether H0 "the text was sampled from this model" is rejected at the corrected level. */
    public boolean rejected() {
        return result.rejected();
    }

    /** The corrected level this model was tested at: familyAlpha / models. */
    public double alpha() {
        return result.alpha();
    }
}
