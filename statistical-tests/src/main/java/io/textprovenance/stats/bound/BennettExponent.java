package io.textprovenance.stats.bound;

/**
 * Bennett's cumulant bound psi_b(lambda) = (e^{lambda b} - 1 - lambda b) / b^2.
 *
 * <p>For a difference D with E[D | past] = 0, Var[D | past] = v and D &lt;= b, Bennett's lemma gives
 * E[exp(lambda D) | past] &lt;= exp(psi_b(lambda) v) for every lambda &gt;= 0, so
 * exp(lambda S_n - psi_b(lambda) W_n), with S_n the sum of the differences and W_n the sum of their
 * conditional variances, is a nonnegative supermartingale (Freedman 1975). psi_b(lambda) ~ lambda^2/2
 * for small lambda b: the Gaussian rate with the true variance instead of Hoeffding's c^2/4.
 */
public final class BennettExponent {

    private BennettExponent() {
    }

    /**
     * @param lambda slope, &gt;= 0
     * @param bound  upper bound b &gt; 0 of the differences
     * @return psi_b(lambda), computed without cancellation for small lambda b
     */
    public static double psi(double lambda, double bound) {
        double x = lambda * bound;
        double numerator = x < 1e-4 ? x * x * (0.5 + x * (1.0 / 6 + x / 24)) : Math.expm1(x) - x;
        return numerator / (bound * bound);
    }
}
