package io.textprovenance.stats.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AurocTests {

    /** Target value: sklearn.metrics.roc_auc_score, scikit-learn 1.9.1 (src/test/python/reference_values.py). */
    @Test
    void shouldCountTiesAsOneHalfLikeScikitLearn() {
        double[] positives = {0.9, 0.8, 0.8, 0.7, 0.3, 0.5, 0.5};
        double[] negatives = {0.1, 0.5, 0.5, 0.2, 0.8, 0.3};
        assertThat(Auroc.of(positives, negatives)).isCloseTo(0.7738095238095238, within(1e-12));
    }

    @Test
    void shouldEqualThePairwiseDefinitionOnRandomTiedScores() {
        SplittableRandom random = new SplittableRandom(2026);
        for (int trial = 0; trial < 20; trial++) {
            double[] positives = roundedNormals(random, 1 + random.nextInt(60), 0.7);
            double[] negatives = roundedNormals(random, 1 + random.nextInt(60), 0.0);
            assertThat(Auroc.of(positives, negatives)).as("trial %d", trial)
                    .isCloseTo(pairwise(positives, negatives), within(1e-12));
        }
    }

    @Test
    void shouldGiveOneForPerfectSeparationAndHalfForIdenticalScores() {
        assertThat(Auroc.of(new double[] {3, 4}, new double[] {1, 2})).isEqualTo(1.0);
        assertThat(Auroc.of(new double[] {1, 2}, new double[] {3, 4})).isEqualTo(0.0);
        assertThat(Auroc.of(new double[] {5, 5}, new double[] {5})).isEqualTo(0.5);
    }

    @Test
    void shouldGiveAReproducibleBootstrapIntervalAroundTheEstimate() {
        SplittableRandom random = new SplittableRandom(7);
        double[] positives = roundedNormals(random, 200, 1.0);
        double[] negatives = roundedNormals(random, 300, 0.0);
        double estimate = Auroc.of(positives, negatives);
        Interval interval = Auroc.bootstrapInterval(positives, negatives, 0.95, 1000, 42);
        assertThat(interval.lower()).isLessThan(estimate);
        assertThat(interval.upper()).isGreaterThan(estimate);
        // the standard error of an AUROC near 0.76 with 200 + 300 scores is about 0.02
        assertThat(interval.upper() - interval.lower()).isBetween(0.04, 0.12);
        assertThat(Auroc.bootstrapInterval(positives, negatives, 0.95, 1000, 42)).isEqualTo(interval);
    }

    @Test
    void shouldRejectEmptyOrNonFiniteScores() {
        assertThatThrownBy(() -> Auroc.of(new double[0], new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positives");
        assertThatThrownBy(() -> Auroc.of(new double[] {1}, new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negatives[0]");
        assertThatThrownBy(() -> Auroc.bootstrapInterval(new double[] {1}, new double[] {0}, 0.95, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resamples");
    }

    private static double pairwise(double[] positives, double[] negatives) {
        double wins = 0;
        for (double p : positives) {
            for (double n : negatives) {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        return wins / (positives.length * (double) negatives.length);
    }

    private static double[] roundedNormals(SplittableRandom random, int count, double mean) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            double u1 = 1 - random.nextDouble();
            double gaussian = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random.nextDouble());
            values[i] = Math.round((mean + gaussian) * 10) / 10.0;
        }
        return values;
    }
}
