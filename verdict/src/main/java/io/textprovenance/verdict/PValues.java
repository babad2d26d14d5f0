package io.textprovenance.verdict;

/**
 * A calibrated score's conformal p-values for one text, from the references of the text's length.
 *
 * @param human           against the calibration's human texts (small = evidence for machine); null when the
 *                        score is not calibrated
 * @param machine         against its machine texts (small = evidence for human); null when there are no machine
 *                        references for the score at that length
 * @param referenceTokens the calibrated length of the references (texts cut to it, or at the longest calibrated
 *                        length whole texts at least that long); null for whole-text references or no calibration
 */
public record PValues(Double human, Double machine, Integer referenceTokens) {

    /** An uncalibrated score. */
    public static final PValues NONE = new PValues(null, null, null);

    public PValues {
        if (human == null && (machine != null || referenceTokens != null)) {
            throw new IllegalArgumentException("a p-value against machine texts or a reference length needs a"
                    + " p-value against human texts");
        }
    }

    /** Whether the score is calibrated (has human references). */
    public boolean calibrated() {
        return human != null;
    }
}
