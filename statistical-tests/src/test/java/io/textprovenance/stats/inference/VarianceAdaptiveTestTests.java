package io.textprovenance.stats.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.textprovenance.stats.Alternative;
import io.textprovenance.stats.Fixtures;
import io.textprovenance.stats.TestResult;
import io.textprovenance.stats.TokenSeries;
import org.junit.jupiter.api.Test;

class VarianceAdaptiveTestTests {

    private final VarianceAdaptiveTest test = new VarianceAdaptiveTest();
    private final AzumaTest azuma = new AzumaTest();

    @Test
    void shouldBeatAzumaWhenTheTrueVarianceIsBelowTheWorstCase() {
        // language-model-like tokens: clipped variance 3 nats^2 against Hoeffding's worst case c^2/4 = 25
        for (int n : new int[] {64, 256, 1024}) {
            TokenSeries series = Fixtures.constant(n, 0, 3);
            double ratio = test.test(series, 0.05, Alternative.TWO_SIDED).threshold()
                    / azuma.test(series, 0.05, Alternative.TWO_SIDED).threshold();
            assertThat(ratio).as("n=%d", n).isLessThan(0.6);
        }
    }

    @Test
    void shouldNeverBeFarWorseThanAzumaAtTheWorstCaseVariance() {
        TokenSeries series = Fixtures.constant(512, 0, 25);
        double ratio = test.test(series, 0.05, Alternative.TWO_SIDED).threshold()
                / azuma.test(series, 0.05, Alternative.TWO_SIDED).threshold();
        assertThat(ratio).isLessThan(1.6);
    }

    @Test
    void shouldRejectExactlyWhenThePValueIsAtMostAlpha() {
        for (double difference : new double[] {-0.8, -0.3, 0, 0.2, 0.5, 1.5}) {
            for (Alternative alternative : Alternative.values()) {
                TestResult result = test.test(Fixtures.constant(300, difference, 2), 0.05, alternative);
                boolean beyond = switch (alternative) {
                    case TWO_SIDED -> Math.abs(result.statistic()) >= result.threshold();
                    case GREATER -> result.statistic() >= result.threshold();
                    case LESS -> -result.statistic() >= result.threshold();
                };
                assertThat(result.rejected()).as("%s d=%s", alternative, difference).isEqualTo(beyond);
                assertThat(result.rejected()).isEqualTo(result.pValue() <= 0.05);
            }
        }
    }

    @Test
    void shouldGiveAPositiveThresholdEvenWithoutVariance() {
        TestResult result = test.test(Fixtures.constant(100, 0, 0), 0.01, Alternative.TWO_SIDED);
        assertThat(result.threshold()).isPositive();
        assertThat(result.rejected()).isFalse();
    }

    @Test
    void shouldRejectLevelsOutsideTheOpenUnitInterval() {
        assertThatThrownBy(() -> test.test(Fixtures.constant(10, 0, 1), 1.5, Alternative.LESS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha must be in (0, 1)");
    }
}
