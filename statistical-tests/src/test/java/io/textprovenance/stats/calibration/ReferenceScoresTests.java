package io.textprovenance.stats.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReferenceScoresTests {

    @Test
    void shouldGiveConformalPValues() {
        ReferenceScores reference = ReferenceScores.of(new double[] {1, 2, 2, 3});
        assertThat(reference.pValue(2)).isEqualTo(4.0 / 5);   // 1 + #{1 refs >= 2: 2, 2, 3} over 5
        assertThat(reference.pValue(3.5)).isEqualTo(1.0 / 5);
        assertThat(reference.pValue(0)).isEqualTo(1.0);
    }

    @Test
    void shouldFlagExactlyTheScoresWithPValueAtMostTheRate() {
        SplittableRandom random = new SplittableRandom(11);
        double[] human = new double[499];
        for (int i = 0; i < human.length; i++) {
            human[i] = Math.round(random.nextDouble() * 50) / 10.0;  // many ties
        }
        ReferenceScores reference = ReferenceScores.of(human);
        double threshold = reference.conformalThreshold(0.05);
        for (int i = 0; i < 2000; i++) {
            double score = Math.round(random.nextDouble() * 60) / 10.0;
            assertThat(score > threshold).as("score %s vs threshold %s", score, threshold)
                    .isEqualTo(reference.pValue(score) <= 0.05);
        }
    }

    @Test
    void shouldHoldTheFalsePositiveRateOnNewHumanScores() {
        SplittableRandom random = new SplittableRandom(12);
        int trials = 4000;
        int falsePositives = 0;
        for (int t = 0; t < trials; t++) {
            double[] human = new double[99];
            for (int i = 0; i < human.length; i++) {
                human[i] = random.nextDouble();
            }
            double threshold = ReferenceScores.of(human).conformalThreshold(0.05);
            if (random.nextDouble() > threshold) {
                falsePositives++;
            }
        }
        double rate = (double) falsePositives / trials;
        assertThat(rate).isLessThanOrEqualTo(0.05 + 3 * Math.sqrt(0.05 * 0.95 / trials));
    }

    @Test
    void shouldPlaceTheEmpiricalThresholdSoThatAtMostTheRateLiesAbove() {
        double[] human = new double[100];
        for (int i = 0; i < 100; i++) {
            human[i] = i;
        }
        ReferenceScores reference = ReferenceScores.of(human);
        double threshold = reference.empiricalThreshold(0.05);
        assertThat(threshold).isEqualTo(94.0);
        assertThat(reference.exceedanceRate(threshold)).isCloseTo(0.05, within(1e-12));
    }

    @Test
    void shouldRefuseARateThatTooFewReferencesCannotSupport() {
        ReferenceScores reference = ReferenceScores.of(new double[] {1, 2, 3});
        assertThatThrownBy(() -> reference.conformalThreshold(0.01))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 99 reference scores");
        assertThatThrownBy(() -> reference.conformalThreshold(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fpr");
        assertThatThrownBy(() -> reference.pValue(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReferenceScores.of(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
