package io.textprovenance.stats.calibration;

/**
 * A detector's operating point at a target false-positive rate: the threshold taken from the negative
 * (human) scores in sample, and the true- and false-positive rates it reaches, with Wilson intervals.
 * A score above the threshold is flagged as machine.
 *
 * @param targetFpr      requested false-positive rate
 * @param threshold      in-sample threshold on the score
 * @param truePositives  positives above the threshold
 * @param positives      number of positives
 * @param falsePositives negatives above the threshold
 * @param negatives      number of negatives
 * @param tprInterval    Wilson interval of the true-positive rate
 * @param fprInterval    Wilson interval of the false-positive rate
 */
public record OperatingPoint(double targetFpr, double threshold, int truePositives, int positives,
                             int falsePositives, int negatives, Interval tprInterval, Interval fprInterval) {

    /**
     * @param positives machine-text scores
     * @param negatives human-text scores
     * @param fpr       target false-positive rate in (0, 1)
     * @param level     confidence level of the intervals
     */
    public static OperatingPoint atFalsePositiveRate(double[] positives, double[] negatives, double fpr,
                                                     double level) {
        double[] pos = Scores.requireFiniteNonEmpty("positives", positives);
        ReferenceScores reference = ReferenceScores.of(negatives);
        double threshold = reference.empiricalThreshold(fpr);
        int truePositives = countAbove(pos, threshold);
        int falsePositives = countAbove(negatives, threshold);
        return new OperatingPoint(fpr, threshold, truePositives, pos.length, falsePositives, negatives.length,
                Proportions.wilson(truePositives, pos.length, level),
                Proportions.wilson(falsePositives, negatives.length, level));
    }

    public double truePositiveRate() {
        return (double) truePositives / positives;
    }

    public double falsePositiveRate() {
        return (double) falsePositives / negatives;
    }

    private static int countAbove(double[] scores, double threshold) {
        int count = 0;
        for (double score : scores) {
            if (score > threshold) {
                count++;
            }
        }
        return count;
    }
}
