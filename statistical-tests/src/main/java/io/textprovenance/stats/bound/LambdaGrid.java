package io.textprovenance.stats.bound;

import java.util.Arrays;

/**
 * A geometric grid of slopes lambda_k = (4/c) 2^{-k}, k = 0..K-1, for differences bounded by c.
 *
 * <p>Why a grid: the best slope depends on the variance sum W_n, which is random, so it may not be
 * chosen after seeing the data. A finite grid fixed in advance costs ln K in the exponent (union bound)
 * or, used as a uniform mixture, gives a single supermartingale (method of mixtures).
 */
public final class LambdaGrid {

    /** Largest slope, in units of 1/c: beyond it the cumulant bound grows faster than it helps. */
    static final double MAX_SLOPE_TIMES_CLIP = 4.0;

    private final double clip;
    private final double[] lambdas;

    private LambdaGrid(double clip, int size) {
        this.clip = clip;
        this.lambdas = new double[size];
        for (int k = 0; k < size; k++) {
            lambdas[k] = MAX_SLOPE_TIMES_CLIP / clip * Math.scalb(1.0, -k);
        }
    }

    /**
     * A grid of a fixed size, independent of the horizon (for anytime-valid use).
     *
     * @param clip bound c on the differences, &gt; 0
     * @param size number of slopes K, &gt;= 1
     */
    public static LambdaGrid ofSize(double clip, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("grid size must be >= 1, got " + size);
        }
        return new LambdaGrid(clip, size);
    }

    /**
     * The grid for a known horizon n: from 4/c down to the first slope at or below
     * lambda_lo = sqrt(8 ln 2 / n) / c. No smaller slope is ever optimal at a level alpha &lt;= 1/2, since
     * the optimal slope is about sqrt(2 ln(K/alpha) / W_n) and W_n &lt;= n c^2 / 4.
     *
     * @param clip bound c on the differences, &gt; 0
     * @param n    horizon, &gt;= 1
     */
    public static LambdaGrid forHorizon(double clip, int n) {
        double lowest = Math.sqrt(8 * Math.log(2) / n) / clip;
        double ratio = MAX_SLOPE_TIMES_CLIP / clip / lowest;
        int size = 1 + Math.max(0, (int) Math.ceil(Math.log(ratio) / Math.log(2)));
        return new LambdaGrid(clip, size);
    }

    public int size() {
        return lambdas.length;
    }

    public double clip() {
        return clip;
    }

    public double lambda(int k) {
        return lambdas[k];
    }

    @Override
    public String toString() {
        return "LambdaGrid[clip=" + clip + ", lambdas=" + Arrays.toString(lambdas) + "]";
    }
}
