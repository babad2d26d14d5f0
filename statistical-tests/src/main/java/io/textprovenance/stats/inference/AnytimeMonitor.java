package io.textprovenance.stats.inference;

import io.textprovenance.stats.Alternative;
import io.textprovenance.stats.TestResult;
import io.textprovenance.stats.TokenObservation;
import io.textprovenance.stats.bound.LambdaGrid;

/**
 * The running state of the anytime-valid test for one document: a mutable accumulator that yields
 * immutable {@link TestResult}s. Not thread-safe; one monitor per document.
 */
public final class AnytimeMonitor {

    private static final int BISECTION_STEPS = 200;

    private final LambdaGrid grid;
    private final double alpha;
    private final Alternative alternative;
    private final double logRejectionLevel;
    private final double logMixtureWeight;
    private final double[] exponents;

    private int n;
    private double sum;
    private double varianceSum;
    private double maxLogMixture = Double.NEGATIVE_INFINITY;
    private int firstRejection;

    AnytimeMonitor(LambdaGrid grid, double alpha, Alternative alternative) {
        this.grid = grid;
        this.alpha = alpha;
        this.alternative = alternative;
        this.logRejectionLevel = Math.log(1 / alpha);
        int terms = alternative == Alternative.TWO_SIDED ? 2 * grid.size() : grid.size();
        this.logMixtureWeight = -Math.log(terms);
        this.exponents = new double[terms];
    }

    /** Adds the next token and updates the decision. */
    public void observe(TokenObservation token) {
        n++;
        sum += ClippedIncrements.difference(token, grid.clip());
        varianceSum += token.clippedVariance();
        double logMixture = logMixture(sum, varianceSum);
        if (logMixture > maxLogMixture) {
            maxLogMixture = logMixture;
        }
        if (firstRejection == 0 && logMixture >= logRejectionLevel) {
            firstRejection = n;
        }
    }

    /** Number of tokens observed so far. */
    public int observed() {
        return n;
    }

    /** Whether the boundary has been crossed at some prefix so far. */
    public boolean rejected() {
        return firstRejection > 0;
    }

    /** The number of tokens at the first crossing, or 0 if the boundary has not been crossed. */
    public int firstRejection() {
        return firstRejection;
    }

    /**
     * The result so far: statistic S_n/n, the boundary at the current n and W_n, the running-minimum
     * p-value min(1, 1 / max_m M_m) and whether any prefix crossed.
     *
     * @throws IllegalStateException before the first token
     */
    public TestResult result() {
        if (n == 0) {
            throw new IllegalStateException("no token observed yet: the test needs n >= 1");
        }
        double pValue = Math.min(1.0, Math.exp(-maxLogMixture));
        return new TestResult(AnytimeTest.NAME, alternative, n, sum / n, boundary() / n, alpha, pValue,
                rejected());
    }

    /** ln M(S, W) for the monitored alternative, by log-sum-exp. */
    private double logMixture(double s, double w) {
        int k = grid.size();
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            double up = grid.logMartingale(i, s, w);
            double down = grid.logMartingale(i, -s, w);
            switch (alternative) {
                case GREATER -> exponents[i] = up;
                case LESS -> exponents[i] = down;
                case TWO_SIDED -> {
                    exponents[i] = up;
                    exponents[k + i] = down;
                }
            }
        }
        for (double e : exponents) {
            max = Math.max(max, e);
        }
        double total = 0;
        for (double e : exponents) {
            total += Math.exp(e - max);
        }
        return max + Math.log(total) + logMixtureWeight;
    }

    /** The S &gt; 0 at which the mixture reaches 1/alpha at the current W (symmetric for LESS). */
    private double boundary() {
        double sign = alternative == Alternative.LESS ? -1 : 1;
        double low = 0;
        double high = (logRejectionLevel - logMixtureWeight + grid.psi(0) * varianceSum) / grid.lambda(0);
        for (int i = 0; i < BISECTION_STEPS && high - low > 1e-12 * high; i++) {
            double mid = 0.5 * (low + high);
            if (logMixture(sign * mid, varianceSum) >= logRejectionLevel) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return high;
    }
}
