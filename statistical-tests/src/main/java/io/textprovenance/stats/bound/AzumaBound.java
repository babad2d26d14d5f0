package io.textprovenance.stats.bound;

/**
 * Azuma-Hoeffding for martingale differences that lie in a predictable interval of width c.
 *
 * <p>If D_1..D_n are martingale differences and, given the past, each D_i lies in an interval
 * [a_i, a_i + c] known in advance, then Hoeffding's lemma gives E[exp(lambda D_i) | past] &lt;=
 * exp(lambda^2 c^2 / 8), and Markov's inequality on the product gives, for t &gt;= 0,
 * <pre>  P(mean D &gt;= t) &lt;= exp(-2 n t^2 / c^2)    (one side; the same for -D).</pre>
 * The clipped differences D_i = min(s_i, c) - E_i^c lie in [-E_i^c, c - E_i^c], an interval of width c
 * fixed before x_i is drawn. References: Azuma (1967); Hoeffding (1963); Radvand et al., arXiv
 * 2501.02406 (2025).
 */
public final class AzumaBound {

    private AzumaBound() {
    }

    /**
     * Upper bound on P(mean D &gt;= t) for one side.
     *
     * @param n    number of differences, &gt;= 1
     * @param clip interval width c, &gt; 0
     * @param t    deviation of the mean; a value &lt;= 0 gives the trivial bound 1
     * @return exp(-2 n t^2 / c^2) for t &gt; 0, else 1
     */
    public static double oneSidedTail(int n, double clip, double t) {
        if (!(t > 0)) {
            return 1.0;
        }
        return Math.exp(-2.0 * n * t * t / (clip * clip));
    }

    /**
     * The smallest t with oneSidedTail(n, c, t) &lt;= alpha: t = c sqrt(ln(1/alpha) / (2n)).
     *
     * @param alpha the one-sided level, in (0, 1)
     */
    public static double oneSidedThreshold(int n, double clip, double alpha) {
        return clip * Math.sqrt(Math.log(1.0 / alpha) / (2.0 * n));
    }
}
