package io.textprovenance.stats.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Target values: scipy.stats.norm.ppf, SciPy 1.14.1 (src/test/python/reference_values.py). */
class NormalTests {

    @ParameterizedTest
    @CsvSource({
        "1e-9, -5.9978070150076865",
        "0.001, -3.090232306167813",
        "0.01, -2.3263478740408408",
        "0.02425, -1.972961051311885",
        "0.05, -1.6448536269514729",
        "0.3, -0.5244005127080409",
        "0.5, 0.0",
        "0.975, 1.959963984540054",
        "0.995, 2.5758293035489004",
        "0.999999999, 5.997807019601637"})
    void shouldMatchScipyQuantiles(double p, double expected) {
        assertThat(Normal.quantile(p)).isCloseTo(expected, within(1e-8 * Math.max(1, Math.abs(expected))));
    }

    @Test
    void shouldRejectProbabilitiesOutsideTheOpenUnitInterval() {
        assertThatThrownBy(() -> Normal.quantile(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> Normal.quantile(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
