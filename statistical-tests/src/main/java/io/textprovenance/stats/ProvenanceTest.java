package io.textprovenance.stats;

/**
 * A test of H0 "the text was sampled from model A at temperature 1", with type-I error at most alpha
 * for every length n.
 */
public interface ProvenanceTest {

    /**
     * Tests one document.
     *
     * @param series      the document's per-token metrics under A
     * @param alpha       the level, in (0, 1)
     * @param alternative the direction of departure from H0 to detect
     * @return the statistic, threshold, p-value and decision
     * @throws IllegalArgumentException if alpha is not in (0, 1)
     */
    TestResult test(TokenSeries series, double alpha, Alternative alternative);

    /** Checks that alpha is a level in the open interval (0, 1). */
    static double requireLevel(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        return alpha;
    }
}
