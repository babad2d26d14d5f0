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

    private final BennettSums sums;
    private final double alpha;
    private final Alternative alternative;
    private final double logRejectionLevel;
    private final double logMixtureWeight;
    private final double[] exponents;

    private double maxLogMixture = Double.NEGATIVE_INFINITY;
    private int firstRejection;

    AnytimeMonitor(LambdaGrid grid, double alpha, Alternative alternative) {
        this.sums = new BennettSums(grid);
        this.alpha = alpha;
        this.alternative = alternative;
        this.logRejectionLevel = Math.log(1 / alpha);
        int terms = alternative == Alternative.TWO_SIDED ? 2 * grid.size() : grid.size();
        this.logMixtureWeight = -Math.log(terms);
        this.exponents = new double[terms];
    }

    /** Adds the next token and updates the decision. */
    public void observe(TokenObservation token) {
        sums.add(token);
        double logMixture = logMixture(sums.sum());
        maxLogMixture = Math.max(maxLogMixture, logMixture);
        // M_n >= 1/alpha, decided on the p-value's own scale so that "rejected" is exactly "p <= alpha"
        if (firstRejection == 0 && Math.exp(-logMixture) <= alpha) {
            firstRejection = sums.n();
        }
    }

    /** Number of tokens observed so far. */
    public int observed() {
        return sums.n();
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
     * The result so far: statistic S_n/n, the boundary at the current n and variance (on the side where
     * the statistic lies, for a two-sided test), the running-minimum p-value min(1, 1 / max_m M_m) and
     * whether any prefix crossed.
     *
     * @throws IllegalStateException before the first token
     */
    public TestResult result() {
        int n = sums.n();
        if (n == 0) {
            throw new IllegalStateException("no token observed yet: the test needs n >= 1");
        }
        double pValue = Math.min(1.0, Math.exp(-maxLogMixture));
        return new TestResult(AnytimeTest.NAME, alternative, n, sums.sum() / n, boundary() / n, alpha, pValue,
                rejected());
    }

    /** ln M at sum s with the current cumulants, by log-sum-exp over the mixed supermartingales. */
    private double logMixture(double s) {
        int k = sums.grid().size();
        for (int i = 0; i < k; i++) {
            switch (alternative) {
                case GREATER -> exponents[i] = sums.logUpper(i, s);
                case LESS -> exponents[i] = sums.logLower(i, s);
                case TWO_SIDED -> {
                    exponents[i] = sums.logUpper(i, s);
                    exponents[k + i] = sums.logLower(i, s);
                }
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double e : exponents) {
            max = Math.max(max, e);
        }
        double total = 0;
        for (double e : exponents) {
            total += Math.exp(e - max);
        }
        return max + Math.log(total) + logMixtureWeight;
    }

    /** The |S| at which the mixture reaches 1/alpha at the current cumulants, by bisection. */
    private double boundary() {
        boolean upperSide = switch (alternative) {
            case GREATER -> true;
            case LESS -> false;
            case TWO_SIDED -> sums.sum() >= 0;
        };
        double sign = upperSide ? 1 : -1;
        LambdaGrid grid = sums.grid();
        // one mixed term alone reaches 1/alpha here, so the mixture does too
        double high = (logRejectionLevel - logMixtureWeight + sums.cumulant(0, upperSide)) / grid.lambda(0);
        double low = 0;
        for (int i = 0; i < BISECTION_STEPS && high - low > 1e-12 * high; i++) {
            double mid = 0.5 * (low + high);
            if (logMixture(sign * mid) >= logRejectionLevel) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return high;
    }
}
