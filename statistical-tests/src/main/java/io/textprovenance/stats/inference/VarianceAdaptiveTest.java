package io.textprovenance.stats.inference;

import io.textprovenance.stats.Alternative;
import io.textprovenance.stats.ProvenanceTest;
import io.textprovenance.stats.TestResult;
import io.textprovenance.stats.TokenSeries;
import io.textprovenance.stats.bound.LambdaGrid;

/**
 * A variance-adaptive provenance test: Freedman's inequality with Bennett's exponent, the exact
 * predictable variance of the clipped surprisal, and predictable one-sided bounds.
 *
 * <p>Under H0, D_i^c = min(s_i, c) - E_i^c has mean 0, variance Var_i (given exactly by model A) and
 * the bounds D_i &lt;= c - E_i^c, -D_i &lt;= E_i^c. For every slope lambda &gt;= 0,
 * exp(lambda S_n - sum_i psi_{c - E_i}(lambda) Var_i) is a nonnegative supermartingale with mean at
 * most 1 (see {@link io.textprovenance.stats.bound.BennettExponent}), and likewise for -S_n with bounds
 * E_i^c. The best slope depends on the random variance sum, so it is not tuned after the fact: a grid
 * of K slopes fixed by (n, c) ({@link LambdaGrid#forHorizon}) and a union bound give, for one side,
 * <pre>  P(exists k: lambda_k S_n - C_k &gt;= ln(K/alpha)) &lt;= alpha,   C_k = sum_i psi_{b_i}(lambda_k) Var_i,</pre>
 * so H0 is rejected when S_n / n &gt;= min_k (ln(K/alpha) + C_k) / (lambda_k n), with p-value
 * min(1, K exp(-max_k (lambda_k S_n - C_k))). Two-sided: each side at alpha/2; the two thresholds
 * differ, and the result reports the one on the side where the statistic lies.
 */
public final class VarianceAdaptiveTest implements ProvenanceTest {

    public static final String NAME = "freedman-bennett";

    @Override
    public TestResult test(TokenSeries series, double alpha, Alternative alternative) {
        ProvenanceTest.requireLevel(alpha);
        BennettSums sums = new BennettSums(LambdaGrid.forHorizon(series.clip(), series.size()));
        series.tokens().forEach(sums::add);
        double mean = sums.sum() / sums.n();
        double sideLevel = alternative == Alternative.TWO_SIDED ? alpha / 2 : alpha;
        boolean upperSide = switch (alternative) {
            case GREATER -> true;
            case LESS -> false;
            case TWO_SIDED -> mean >= 0;
        };
        double pValue = switch (alternative) {
            case GREATER -> oneSidedPValue(sums, true);
            case LESS -> oneSidedPValue(sums, false);
            case TWO_SIDED -> Math.min(1.0, 2 * Math.min(oneSidedPValue(sums, true), oneSidedPValue(sums, false)));
        };
        return new TestResult(NAME, alternative, sums.n(), mean, threshold(sums, upperSide, sideLevel), alpha,
                pValue, pValue <= alpha);
    }

    /** min_k (ln(K/alpha) + C_k) / (lambda_k n): the one-sided threshold on the mean. */
    private static double threshold(BennettSums sums, boolean upperSide, double sideLevel) {
        LambdaGrid grid = sums.grid();
        double logBudget = Math.log(grid.size() / sideLevel);
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < grid.size(); k++) {
            best = Math.min(best, (logBudget + sums.cumulant(k, upperSide)) / (grid.lambda(k) * sums.n()));
        }
        return best;
    }

    /** min(1, K exp(-max_k log M_k)) for one side. */
    private static double oneSidedPValue(BennettSums sums, boolean upperSide) {
        double best = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < sums.grid().size(); k++) {
            double logMartingale = upperSide ? sums.logUpper(k, sums.sum()) : sums.logLower(k, sums.sum());
            best = Math.max(best, logMartingale);
        }
        return Math.min(1.0, sums.grid().size() * Math.exp(-best));
    }
}
