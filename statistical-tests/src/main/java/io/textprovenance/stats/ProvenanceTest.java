package io.textprovenance.stats;

/**
 * A test of H0 "the text was sampled from model A at temperature 1". The type-I error is at most alpha for every
 * length n fixed in advance, provided the metrics are those of the token ids actually drawn, each from A's
 * conditional given exactly the context it is scored in (no unscored prompt, the scorer's window plan). A length
 * chosen by the generator (an end-of-text token), a prompt, a sliding context or re-tokenized text break that
 * premise; docs/statistics.md ("Type-I under real generation") says which guarantee remains and measures the rest.
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
