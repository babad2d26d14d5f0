package io.textprovenance.stats;

/**
 * What model A says about one observed token x_i given its prefix x_&lt;i.
 *
 * @param surprisal        s_i = -ln p_A(x_i | x_&lt;i), in nats; finite and &gt;= 0
 * @param entropy          H_i = -sum_v p(v) ln p(v) of the next-token distribution; finite and &gt;= 0
 * @param varentropy       V_i = Var_{v~p}[-ln p(v)], the exact conditional variance of s_i under A; &gt;= 0
 * @param clippedMean      E_i^c = sum_v p(v) min(-ln p(v), c) for the series' clipping level c; in [0, c]
 * @param clippedVariance  sum_v p(v) min(-ln p(v), c)^2 - (E_i^c)^2; &gt;= 0
 * @param rank             1 + #{v : p(v) &gt; p(x_i)}; &gt;= 1
 */
public record TokenObservation(double surprisal, double entropy, double varentropy, double clippedMean,
                               double clippedVariance, double rank) {

    public TokenObservation {
        requireNonNegative("surprisal", surprisal);
        requireNonNegative("entropy", entropy);
        requireNonNegative("varentropy", varentropy);
        requireNonNegative("clippedMean", clippedMean);
        requireNonNegative("clippedVariance", clippedVariance);
        if (!(rank >= 1) || !Double.isFinite(rank)) {
            throw new IllegalArgumentException("rank must be a finite number >= 1, got " + rank);
        }
    }

    /** min(s_i, c): the clipped surprisal for clipping level {@code clip}. */
    public double clippedSurprisal(double clip) {
        return Math.min(surprisal, clip);
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
    }
}
