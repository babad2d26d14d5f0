package io.textprovenance.stats.inference;

import io.textprovenance.stats.Alternative;
import io.textprovenance.stats.ProvenanceTest;
import io.textprovenance.stats.TestResult;
import io.textprovenance.stats.TokenSeries;
import io.textprovenance.stats.bound.LambdaGrid;

/**
 * An anytime-valid provenance test: a mixture of Bennett exponential supermartingales and Ville's
 * inequality, so a streaming consumer may look after every token and stop at the first rejection
 * without inflating the type-I error.
 *
 * <p>With a grid of K slopes lambda_k = (4/c) 2^{-k} fixed in advance (independent of n), the uniform
 * mixture M_n = (1/K) sum_k exp(lambda_k S_n - psi_c(lambda_k) W_n) is a nonnegative supermartingale
 * with M_0 = 1 under H0, so by Ville's inequality P(exists n: M_n &gt;= 1/alpha) &lt;= alpha. The two-sided
 * version mixes both signs with weight 1/2. This is the discrete method of mixtures of Howard, Ramdas,
 * McAuliffe and Sekhon, "Time-uniform, nonparametric, nonasymptotic confidence sequences", Ann. Statist.
 * 49 (2021); it pays ln K in the exponent for being valid at every n, which a fixed-horizon test does
 * not. The default K = 20 covers every optimal slope for up to about 10^11 tokens.
 */
public final class AnytimeTest implements ProvenanceTest {

    public static final String NAME = "anytime-mixture";
    public static final int DEFAULT_GRID_SIZE = 20;

    private final int gridSize;

    public AnytimeTest() {
        this(DEFAULT_GRID_SIZE);
    }

    /** @param gridSize number of mixed slopes K, &gt;= 1 */
    public AnytimeTest(int gridSize) {
        if (gridSize < 1) {
            throw new IllegalArgumentException("gridSize must be >= 1, got " + gridSize);
        }
        this.gridSize = gridSize;
    }

    /**
     * A fresh monitor for one streamed document.
     *
     * @param clip        clipping level c of the metrics that will be observed, &gt; 0
     * @param alpha       level, in (0, 1)
     * @param alternative direction to detect
     */
    public AnytimeMonitor monitor(double clip, double alpha, Alternative alternative) {
        ProvenanceTest.requireLevel(alpha);
        if (!(clip > 0) || !Double.isFinite(clip)) {
            throw new IllegalArgumentException("clip must be finite and > 0, got " + clip);
        }
        return new AnytimeMonitor(LambdaGrid.ofSize(clip, gridSize), alpha, alternative);
    }

    /**
     * Runs the monitor over every prefix of the series. {@code rejected} is true when the boundary was
     * crossed at any prefix; the p-value is the minimum over prefixes.
     */
    @Override
    public TestResult test(TokenSeries series, double alpha, Alternative alternative) {
        AnytimeMonitor monitor = monitor(series.clip(), alpha, alternative);
        series.tokens().forEach(monitor::observe);
        return monitor.result();
    }
}
