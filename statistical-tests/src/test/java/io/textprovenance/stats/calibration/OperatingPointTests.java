package io.textprovenance.stats.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperatingPointTests {

    @Test
    void shouldReportTruePositiveRateAtTheTargetFalsePositiveRate() {
        double[] negatives = new double[100];
        double[] positives = new double[50];
        for (int i = 0; i < 100; i++) {
            negatives[i] = i;            // threshold at 1% FPR: 98, one negative (99) above it
        }
        for (int i = 0; i < 50; i++) {
            positives[i] = 80 + i;       // 81..129 above 98: 31 of 50
        }
        OperatingPoint point = OperatingPoint.atFalsePositiveRate(positives, negatives, 0.01, 0.95);
        assertThat(point.threshold()).isEqualTo(98.0);
        assertThat(point.falsePositives()).isEqualTo(1);
        assertThat(point.truePositives()).isEqualTo(31);
        assertThat(point.truePositiveRate()).isEqualTo(0.62);
        assertThat(point.tprInterval()).isEqualTo(Proportions.wilson(31, 50, 0.95));
        assertThat(point.fprInterval().upper()).isGreaterThan(point.falsePositiveRate());
    }
}
