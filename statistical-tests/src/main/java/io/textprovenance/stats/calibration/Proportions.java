package io.textprovenance.stats.calibration;

/** Confidence intervals for a binomial proportion. */
public final class Proportions {

    private Proportions() {
    }

    /**
     * The Wilson score interval (Wilson 1927): with p = k/n and z the (1+level)/2 normal quantile,
     * <pre>  (p + z^2/(2n) +- z sqrt(p(1-p)/n + z^2/(4n^2))) / (1 + z^2/n).</pre>
     * Unlike the Wald interval it stays inside [0, 1] and is not degenerate at k = 0 or k = n.
     *
     * @param successes k, in [0, n]
     * @param trials    n, &gt;= 1
     * @param level     confidence level in (0, 1)
     */
    public static Interval wilson(long successes, long trials, double level) {
        Interval.requireLevel(level);
        if (trials < 1 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials and trials >= 1, got "
                    + successes + " of " + trials);
        }
        double z = Normal.quantile(0.5 + level / 2);
        double n = trials;
        double p = successes / n;
        double z2n = z * z / n;
        double center = (p + z2n / 2) / (1 + z2n);
        double halfWidth = z * Math.sqrt(p * (1 - p) / n + z2n / (4 * n)) / (1 + z2n);
        return new Interval(Math.max(0, center - halfWidth), Math.min(1, center + halfWidth), level);
    }
}
