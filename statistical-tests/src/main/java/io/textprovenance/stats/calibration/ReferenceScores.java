package io.textprovenance.stats.calibration;

import java.util.Arrays;

/**
 * Scores of human-written reference texts (larger = more machine-like), used to calibrate a decision
 * threshold at a target false-positive rate and to give any new score a p-value.
 *
 * <p>Conformal p-value: p(s) = (1 + #{r : r &gt;= s}) / (N + 1). If a new human score is exchangeable
 * with the N references, P(p &lt;= f) &lt;= f for every f: flagging when p &lt;= f has false-positive rate
 * at most f, with no assumption on the score's distribution (Vovk, Gammerman and Shafer 2005).
 */
public final class ReferenceScores {

    private final double[] sorted;

    private ReferenceScores(double[] sorted) {
        this.sorted = sorted;
    }

    /**
     * @param humanScores at least one finite score; copied
     * @throws IllegalArgumentException if empty or if a score is NaN or infinite
     */
    public static ReferenceScores of(double[] humanScores) {
        double[] copy = Scores.requireFiniteNonEmpty("humanScores", humanScores);
        Arrays.sort(copy);
        return new ReferenceScores(copy);
    }

    public int size() {
        return sorted.length;
    }

    /** The conformal p-value (1 + #{r &gt;= score}) / (N + 1), in (0, 1]. */
    public double pValue(double score) {
        requireFinite(score);
        return (1.0 + countAtLeast(score)) / (sorted.length + 1.0);
    }

    /**
     * The threshold tau such that score &gt; tau exactly when pValue(score) &lt;= fpr: the decision rule whose
     * false-positive rate on new human text is at most fpr.
     *
     * @param fpr target false-positive rate, in (0, 1)
     * @throws IllegalArgumentException if fewer than 1/fpr - 1 references exist: no score could then
     *                                  reach p &lt;= fpr
     */
    public double conformalThreshold(double fpr) {
        Scores.requireRate("fpr", fpr);
        int allowedAtOrAbove = (int) Math.floor(fpr * (sorted.length + 1)) - 1;
        if (allowedAtOrAbove < 0) {
            throw new IllegalArgumentException("a false-positive rate of " + fpr + " needs at least "
                    + (int) Math.ceil(1 / fpr - 1) + " reference scores, got " + sorted.length);
        }
        return sorted[sorted.length - 1 - Math.min(allowedAtOrAbove, sorted.length - 1)];
    }

    /**
     * The in-sample threshold: the smallest reference value tau with #{r &gt; tau} &lt;= floor(fpr N), as
     * ROC curves report "TPR at x% FPR". It can exceed fpr on new data; prefer
     * {@link #conformalThreshold} for decisions.
     */
    public double empiricalThreshold(double fpr) {
        Scores.requireRate("fpr", fpr);
        int allowedAbove = (int) Math.floor(fpr * sorted.length);
        return sorted[sorted.length - 1 - Math.min(allowedAbove, sorted.length - 1)];
    }

    /** The fraction of references strictly above the threshold. */
    public double exceedanceRate(double threshold) {
        return (double) (sorted.length - countAtMost(threshold)) / sorted.length;
    }

    private int countAtLeast(double score) {
        int firstAtLeast = lowerBound(score);
        return sorted.length - firstAtLeast;
    }

    private int countAtMost(double threshold) {
        return lowerBound(Math.nextUp(threshold));  // elements < nextUp(t) are exactly those <= t
    }

    /** Index of the first element &gt;= value. */
    private int lowerBound(double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static void requireFinite(double score) {
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite, got " + score);
        }
    }
}
