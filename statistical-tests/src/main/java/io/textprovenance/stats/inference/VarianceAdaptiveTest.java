package io.textprovenance.stats.inference;

import io.textprovenance.stats.Alternative;
import io.textprovenance.stats.ProvenanceTest;
import io.textprovenance.stats.TestResult;
import io.textprovenance.stats.TokenSeries;
import io.textprovenance.stats.bound.LambdaGrid;

/**
 * A variance-adaptive provenance test: Freedman's inequality with Bennett's exponent and the exact
 * predictable variance of the clipped surprisal.
 *
 * <p>Under H0 the clipped differences satisfy |D_i^c| &lt;= c and Var[D_i^c | past] = Var_i, which model
 * A gives exactly. For every slope lambda &gt;= 0, exp(lambda S_n - psi_c(lambda) W_n) is a nonnegative
 * supermartingale with mean at most 1 (see {@link io.textprovenance.stats.bound.BennettExponent}).
 * W_n is random, so the slope is not tuned to it after the fact: a grid of K slopes fixed by (n, c)
 * (see {@link LambdaGrid#forHorizon}) and a union bound give, for one side,
 * <pre>  P(exists k: lambda_k S_n - psi_k W_n &gt;= ln(K/alpha)) &lt;= alpha,</pre>
 * so H0 is rejected when S_n / n &gt;= min_k (ln(K/alpha) + psi_k W_n) / (lambda_k n), and the p-value is
 * min(1, K exp(-max_k (lambda_k S_n - psi_k W_n))). Two-sided: each side at alpha/2. For typical
 * language-model text (Var_i a few nats^2, c = 10) the threshold is about half of Azuma's.
 */
public final class VarianceAdaptiveTest implements ProvenanceTest {

    public static final String NAME = "freedman-bennett";

    @Override
    public TestResult test(TokenSeries series, double alpha, Alternative alternative) {
        ProvenanceTest.requireLevel(alpha);
        ClippedIncrements increments = ClippedIncrements.of(series);
        LambdaGrid grid = LambdaGrid.forHorizon(increments.clip(), increments.n());
        double mean = increments.mean();
        double sideLevel = alternative == Alternative.TWO_SIDED ? alpha / 2 : alpha;
        double threshold = threshold(grid, increments, sideLevel);
        double pValue = switch (alternative) {
            case GREATER -> oneSidedPValue(grid, increments.sum(), increments.varianceSum());
            case LESS -> oneSidedPValue(grid, -increments.sum(), increments.varianceSum());
            case TWO_SIDED -> Math.min(1.0, 2 * Math.min(
                    oneSidedPValue(grid, increments.sum(), increments.varianceSum()),
                    oneSidedPValue(grid, -increments.sum(), increments.varianceSum())));
        };
        return new TestResult(NAME, alternative, increments.n(), mean, threshold, alpha, pValue, pValue <= alpha);
    }

    /** min_k (ln(K/alpha) + psi_k W) / (lambda_k n): the one-sided threshold on the mean. */
    static double threshold(LambdaGrid grid, ClippedIncrements increments, double sideLevel) {
        double logBudget = Math.log(grid.size() / sideLevel);
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < grid.size(); k++) {
            double t = (logBudget + grid.psi(k) * increments.varianceSum()) / (grid.lambda(k) * increments.n());
            best = Math.min(best, t);
        }
        return best;
    }

    /** min(1, K exp(-max_k (lambda_k S - psi_k W))) for the side where S is large. */
    static double oneSidedPValue(LambdaGrid grid, double sum, double varianceSum) {
        double best = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < grid.size(); k++) {
            best = Math.max(best, grid.logMartingale(k, sum, varianceSum));
        }
        return Math.min(1.0, grid.size() * Math.exp(-best));
    }
}
