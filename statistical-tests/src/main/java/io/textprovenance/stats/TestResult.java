package io.textprovenance.stats;

/**
 * The outcome of a provenance test on one document.
 *
 * <p>The statistic is mean_i (min(s_i, c) - E_i^c). H0 is rejected when the statistic lies beyond the
 * threshold in the direction of the alternative: |statistic| &gt;= threshold (two-sided), statistic
 * &lt;= -threshold ({@link Alternative#LESS}) or statistic &gt;= threshold ({@link Alternative#GREATER}).
 * For the anytime-valid test, {@code rejected} means the boundary was crossed at some prefix, and the
 * p-value is the running minimum over prefixes; both stay valid under optional stopping.
 *
 * @param test        name of the test that produced this result
 * @param alternative the alternative hypothesis
 * @param n           number of tokens tested
 * @param statistic   mean clipped martingale difference, in nats
 * @param threshold   rejection threshold on |statistic| at level alpha, in nats (&gt; 0)
 * @param alpha       the level, in (0, 1)
 * @param pValue      in [0, 1]; rejected exactly when pValue &lt;= alpha
 * @param rejected    whether H0 ("sampled from A at temperature 1") is rejected at level alpha
 */
public record TestResult(String test, Alternative alternative, int n, double statistic, double threshold,
                         double alpha, double pValue, boolean rejected) {

    public TestResult {
        if (!Double.isFinite(statistic) || !(threshold > 0) || Double.isNaN(threshold)) {
            throw new IllegalStateException("test " + test + " produced statistic " + statistic
                    + " and threshold " + threshold);
        }
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalStateException("test " + test + " produced p-value " + pValue);
        }
    }
}
