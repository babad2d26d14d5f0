package io.textprovenance.stats.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.textprovenance.stats.Alternative;
import io.textprovenance.stats.Fixtures;
import io.textprovenance.stats.TestResult;
import io.textprovenance.stats.TokenSeries;
import org.junit.jupiter.api.Test;

class AzumaTestTests {

    private final AzumaTest test = new AzumaTest();

    @Test
    void shouldUseTheHoeffdingAzumaThresholdForAnIntervalOfWidthC() {
        TestResult result = test.test(Fixtures.constant(100, 0.8, 1), 0.05, Alternative.TWO_SIDED);
        // t = c sqrt(ln(2/alpha) / (2n)) = 10 sqrt(ln 40 / 200)
        assertThat(result.threshold()).isCloseTo(10 * Math.sqrt(Math.log(40) / 200), within(1e-12));
        assertThat(result.statistic()).isCloseTo(0.8, within(1e-12));
        // p = 2 exp(-2 n m^2 / c^2) = 2 exp(-1.28)
        assertThat(result.pValue()).isCloseTo(2 * Math.exp(-1.28), within(1e-12));
        assertThat(result.rejected()).isFalse();
    }

    @Test
    void shouldRejectExactlyWhenTheStatisticPassesTheThreshold() {
        for (int n : new int[] {16, 100, 1000, 5000}) {
            TokenSeries series = Fixtures.constant(n, 0.6, 1);
            TestResult result = test.test(series, 0.05, Alternative.TWO_SIDED);
            assertThat(result.rejected()).as("n=%d", n).isEqualTo(Math.abs(result.statistic()) >= result.threshold());
            assertThat(result.rejected()).isEqualTo(result.pValue() <= 0.05);
        }
    }

    @Test
    void shouldLowerTheThresholdAsTheTextGrows() {
        double previous = Double.POSITIVE_INFINITY;
        for (int n = 1; n <= 4096; n *= 2) {
            double threshold = test.test(Fixtures.constant(n, 0, 1), 0.01, Alternative.TWO_SIDED).threshold();
            assertThat(threshold).isLessThan(previous);
            previous = threshold;
        }
    }

    @Test
    void shouldTestOnlyTheDirectionOfAOneSidedAlternative() {
        TokenSeries predictable = Fixtures.constant(2000, -1.0, 1);
        assertThat(test.test(predictable, 0.05, Alternative.LESS).rejected()).isTrue();
        assertThat(test.test(predictable, 0.05, Alternative.GREATER).pValue()).isEqualTo(1.0);
        assertThat(test.test(predictable, 0.05, Alternative.GREATER).rejected()).isFalse();
    }

    @Test
    void shouldRejectLevelsOutsideTheOpenUnitInterval() {
        TokenSeries series = Fixtures.constant(10, 0, 1);
        for (double alpha : new double[] {0, 1, -0.1, Double.NaN}) {
            assertThatThrownBy(() -> test.test(series, alpha, Alternative.TWO_SIDED))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
        }
    }
}
