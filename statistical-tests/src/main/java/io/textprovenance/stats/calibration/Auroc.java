package io.textprovenance.stats.calibration;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Area under the ROC curve, with ties counted one half, and its stratified percentile-bootstrap
 * confidence interval.
 *
 * <p>AUROC = P(X &gt; Y) + P(X = Y) / 2 for a positive score X and a negative score Y, computed from the
 * Mann-Whitney statistic with mid-ranks: AUROC = (R_+ - n_+(n_+ + 1)/2) / (n_+ n_-), where R_+ is the
 * rank sum of the positives in the pooled sample. O((n_+ + n_-) log(n_+ + n_-)).
 */
public final class Auroc {

    private Auroc() {
    }

    /**
     * @param positives scores of the positive class (machine text), at least one, finite
     * @param negatives scores of the negative class (human text), at least one, finite
     * @return AUROC in [0, 1]
     */
    public static double of(double[] positives, double[] negatives) {
        return compute(Scores.requireFiniteNonEmpty("positives", positives),
                Scores.requireFiniteNonEmpty("negatives", negatives));
    }

    /**
     * Percentile bootstrap interval, resampling each class with replacement separately (class sizes
     * fixed), seeded so that a report is reproducible.
     *
     * @param level     confidence level in (0, 1)
     * @param resamples number of bootstrap resamples, &gt;= 100
     * @param seed      random seed
     */
    public static Interval bootstrapInterval(double[] positives, double[] negatives, double level,
                                             int resamples, long seed) {
        double[] pos = Scores.requireFiniteNonEmpty("positives", positives);
        double[] neg = Scores.requireFiniteNonEmpty("negatives", negatives);
        Interval.requireLevel(level);
        if (resamples < 100) {
            throw new IllegalArgumentException("resamples must be >= 100, got " + resamples);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] estimates = new double[resamples];
        double[] posSample = new double[pos.length];
        double[] negSample = new double[neg.length];
        for (int b = 0; b < resamples; b++) {
            resample(pos, posSample, random);
            resample(neg, negSample, random);
            estimates[b] = compute(posSample, negSample);
        }
        Arrays.sort(estimates);
        double tail = (1 - level) / 2;
        return new Interval(quantile(estimates, tail), quantile(estimates, 1 - tail), level);
    }

    private static double compute(double[] positives, double[] negatives) {
        int total = positives.length + negatives.length;
        double[] pooled = new double[total];
        boolean[] positive = new boolean[total];
        Integer[] order = new Integer[total];
        for (int i = 0; i < total; i++) {
            boolean isPositive = i < positives.length;
            pooled[i] = isPositive ? positives[i] : negatives[i - positives.length];
            positive[i] = isPositive;
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(pooled[a], pooled[b]));
        double positiveRankSum = 0;
        int start = 0;
        while (start < total) {
            int end = start;
            while (end + 1 < total && pooled[order[end + 1]] == pooled[order[start]]) {
                end++;
            }
            double midRank = (start + end) / 2.0 + 1;  // ranks are 1-based
            for (int i = start; i <= end; i++) {
                if (positive[order[i]]) {
                    positiveRankSum += midRank;
                }
            }
            start = end + 1;
        }
        double nPos = positives.length;
        // U_+ = R_+ - n_+(n_+ + 1)/2; AUROC = U_+ / (n_+ n_-)
        return (positiveRankSum - nPos * (nPos + 1) / 2) / (nPos * negatives.length);
    }

    private static void resample(double[] source, double[] target, SplittableRandom random) {
        for (int i = 0; i < target.length; i++) {
            target[i] = source[random.nextInt(source.length)];
        }
    }

    /** Linear interpolation between order statistics (the "type 7" quantile of R and NumPy). */
    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double weight = position - below;
        return sorted[below] + weight * (sorted[above] - sorted[below]);
    }
}
