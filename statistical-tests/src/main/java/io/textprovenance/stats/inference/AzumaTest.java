package io.textprovenance.stats.inference;

import io.textprovenance.stats.Alternative;
import io.textprovenance.stats.ProvenanceTest;
import io.textprovenance.stats.TestResult;
import io.textprovenance.stats.TokenSeries;
import io.textprovenance.stats.bound.AzumaBound;

/**
 * The provenance test of Radvand et al. (arXiv 2501.02406, 2025) with clipped surprisal and the
 * Azuma-Hoeffding bound.
 *
 * <p>Under H0, D_i^c = min(s_i, c) - E_i^c are martingale differences in an interval of width c fixed
 * before x_i is drawn, so P(|mean D^c| &gt;= t) &lt;= 2 exp(-2 n t^2 / c^2). Two-sided: reject when
 * |mean D^c| &gt;= c sqrt(ln(2/alpha) / (2n)), p = min(1, 2 exp(-2 n m^2 / c^2)). One-sided tests use
 * ln(1/alpha) and the side of the alternative. Valid for any n &gt;= 1 and any c &gt; 0; conservative,
 * since it ignores that most tokens vary far less than the worst case c^2/4.
 */
public final class AzumaTest implements ProvenanceTest {

    public static final String NAME = "azuma";

    @Override
    public TestResult test(TokenSeries series, double alpha, Alternative alternative) {
        ProvenanceTest.requireLevel(alpha);
        ClippedIncrements increments = ClippedIncrements.of(series);
        int n = increments.n();
        double clip = increments.clip();
        double mean = increments.mean();
        double threshold;
        double pValue;
        switch (alternative) {
            case TWO_SIDED -> {
                threshold = AzumaBound.oneSidedThreshold(n, clip, alpha / 2);
                pValue = Math.min(1.0, 2 * AzumaBound.oneSidedTail(n, clip, Math.abs(mean)));
            }
            case GREATER -> {
                threshold = AzumaBound.oneSidedThreshold(n, clip, alpha);
                pValue = AzumaBound.oneSidedTail(n, clip, mean);
            }
            case LESS -> {
                threshold = AzumaBound.oneSidedThreshold(n, clip, alpha);
                pValue = AzumaBound.oneSidedTail(n, clip, -mean);
            }
            default -> throw new IllegalArgumentException("unknown alternative " + alternative);
        }
        return new TestResult(NAME, alternative, n, mean, threshold, alpha, pValue, pValue <= alpha);
    }
}
