package io.textprovenance.stats.bound;

/**
 * Bennett's cumulant bound psi_b(lambda) = (e^{lambda b} - 1 - lambda b) / b^2.
 *
 * <p>For a difference D with E[D | past] = 0, Var[D | past] = v and D &lt;= b, Bennett's lemma gives
 * E[exp(lambda D) | past] &lt;= exp(psi_b(lambda) v) for every lambda &gt;= 0, so
 * exp(lambda S_n - sum_i psi_{b_i}(lambda) v_i), with S_n the sum of the differences, is a nonnegative
 * supermartingale when each bound b_i is known before D_i is drawn (Freedman 1975). psi_b(lambda) ~
 * lambda^2/2 for small lambda b: the Gaussian rate with the true variance instead of Hoeffding's
 * worst case; psi is increasing in b, and its limit at b = 0 is lambda^2/2.
 */
public final class BennettExponent {

    private BennettExponent() {
    }

    /**
     * @param lambda slope, &gt;= 0
     * @param bound  upper bound b &gt;= 0 of the differences
     * @return psi_b(lambda), computed without cancellation for small lambda b
     */
    public static double psi(double lambda, double bound) {
        double x = lambda * bound;
        if (x < 1e-4) {
            return lambda * lambda * (0.5 + x * (1.0 / 6 + x / 24));
        }
        return (Math.expm1(x) - x) / (bound * bound);
    }
}
