package io.textprovenance.stats.inference;

import io.textprovenance.stats.TokenObservation;
import io.textprovenance.stats.bound.BennettExponent;
import io.textprovenance.stats.bound.LambdaGrid;

/**
 * Running sums of the Bennett supermartingales on a grid of slopes, for both signs of the clipped
 * differences D_i = min(s_i, c) - E_i^c.
 *
 * <p>Each D_i has predictable one-sided bounds: D_i &lt;= c - E_i^c (as min(s_i, c) &lt;= c) and
 * -D_i &lt;= E_i^c (as min(s_i, c) &gt;= 0), both known before x_i is drawn. So, for every slope lambda_k,
 * <pre>  U_k = lambda_k S_n - sum_i psi_{c - E_i}(lambda_k) Var_i,
 *   L_k = -lambda_k S_n - sum_i psi_{E_i}(lambda_k) Var_i</pre>
 * are logs of nonnegative supermartingales with initial value 1 under H0. The lower side, which
 * detects text more predictable than A's samples, profits most: E_i^c is about the entropy, far below c.
 */
final class BennettSums {

    private final LambdaGrid grid;
    private final double[] upperCumulants;
    private final double[] lowerCumulants;
    private int n;
    private double sum;

    BennettSums(LambdaGrid grid) {
        this.grid = grid;
        this.upperCumulants = new double[grid.size()];
        this.lowerCumulants = new double[grid.size()];
    }

    void add(TokenObservation token) {
        double clip = grid.clip();
        double mean = token.clippedMean();
        double variance = token.clippedVariance();
        n++;
        sum += ClippedIncrements.difference(token, clip);
        if (variance > 0) {
            for (int k = 0; k < grid.size(); k++) {
                double lambda = grid.lambda(k);
                upperCumulants[k] += BennettExponent.psi(lambda, clip - mean) * variance;
                lowerCumulants[k] += BennettExponent.psi(lambda, mean) * variance;
            }
        }
    }

    int n() {
        return n;
    }

    double sum() {
        return sum;
    }

    LambdaGrid grid() {
        return grid;
    }

    /** U_k evaluated at a hypothetical sum s (the current cumulants): lambda_k s - upper_k. */
    double logUpper(int k, double s) {
        return grid.lambda(k) * s - upperCumulants[k];
    }

    /** L_k evaluated at a hypothetical sum s: -lambda_k s - lower_k. */
    double logLower(int k, double s) {
        return -grid.lambda(k) * s - lowerCumulants[k];
    }

    /** The cumulant term of side {@code upper} at slope k. */
    double cumulant(int k, boolean upper) {
        return upper ? upperCumulants[k] : lowerCumulants[k];
    }
}
