package io.textprovenance.stats.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Target values: statsmodels 0.15.0 proportion_confint(method="wilson", alpha=0.05)
 * (src/test/python/reference_values.py).
 */
class ProportionsTests {

    @ParameterizedTest
    @CsvSource({
        "0, 10, 0.0, 0.27753279986288926",
        "3, 10, 0.10779126740630104, 0.6032218525388546",
        "10, 10, 0.7224672001371106, 1.0",
        "45, 500, 0.06794254788913939, 0.11830941128933345",
        "1, 1000, 0.00017654637062607765, 0.005642558597957937"})
    void shouldMatchStatsmodelsWilsonIntervals(long successes, long trials, double lower, double upper) {
        Interval interval = Proportions.wilson(successes, trials, 0.95);
        assertThat(interval.lower()).isCloseTo(lower, within(1e-8));
        assertThat(interval.upper()).isCloseTo(upper, within(1e-8));
        assertThat(interval.level()).isEqualTo(0.95);
    }

    @Test
    void shouldRejectImpossibleCounts() {
        assertThatThrownBy(() -> Proportions.wilson(11, 10, 0.95)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("11 of 10");
        assertThatThrownBy(() -> Proportions.wilson(0, 0, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proportions.wilson(1, 10, 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("confidence level");
    }
}
