package io.textprovenance.stats.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.textprovenance.stats.Alternative;
import io.textprovenance.stats.Fixtures;
import io.textprovenance.stats.TestResult;
import io.textprovenance.stats.TokenObservation;
import io.textprovenance.stats.TokenSeries;
import org.junit.jupiter.api.Test;

class AnytimeTestTests {

    private final AnytimeTest test = new AnytimeTest();

    @Test
    void shouldStopAtTheFirstCrossingAndKeepTheDecision() {
        AnytimeMonitor monitor = test.monitor(10, 0.05, Alternative.LESS);
        TokenSeries machineLike = Fixtures.constant(400, -1.0, 2);
        for (TokenObservation token : machineLike.tokens()) {
            monitor.observe(token);
        }
        int stop = monitor.firstRejection();
        assertThat(stop).isBetween(2, 400);
        AnytimeMonitor replay = test.monitor(10, 0.05, Alternative.LESS);
        for (int i = 0; i < stop - 1; i++) {
            replay.observe(machineLike.tokens().get(i));
        }
        assertThat(replay.rejected()).isFalse();
        replay.observe(machineLike.tokens().get(stop - 1));
        assertThat(replay.rejected()).isTrue();
        assertThat(replay.result().pValue()).isLessThanOrEqualTo(0.05);
    }

    @Test
    void shouldReportARunningMinimumPValue() {
        AnytimeMonitor monitor = test.monitor(10, 0.05, Alternative.TWO_SIDED);
        double previous = 1.0;
        for (TokenObservation token : Fixtures.constant(200, 0.4, 2).tokens()) {
            monitor.observe(token);
            double p = monitor.result().pValue();
            assertThat(p).isLessThanOrEqualTo(previous).isBetween(0.0, 1.0);
            previous = p;
        }
    }

    @Test
    void shouldPlaceTheBoundaryWhereTheMixtureReachesOneOverAlpha() {
        TokenSeries series = Fixtures.constant(256, 0, 3);
        TestResult atZero = test.test(series, 0.05, Alternative.TWO_SIDED);
        double threshold = atZero.threshold();
        TestResult inside = test.test(Fixtures.constant(256, 0.98 * threshold, 3), 0.05, Alternative.TWO_SIDED);
        TestResult outside = test.test(Fixtures.constant(256, 1.02 * threshold, 3), 0.05, Alternative.TWO_SIDED);
        // a constant difference crosses first at the last token, where the boundary was computed
        assertThat(inside.rejected()).isFalse();
        assertThat(outside.rejected()).isTrue();
    }

    @Test
    void shouldCostMoreThanTheFixedHorizonTestForBeingValidAtEveryLength() {
        TokenSeries series = Fixtures.constant(512, 0, 3);
        double anytime = test.test(series, 0.05, Alternative.TWO_SIDED).threshold();
        double fixed = new VarianceAdaptiveTest().test(series, 0.05, Alternative.TWO_SIDED).threshold();
        assertThat(anytime).isGreaterThan(fixed).isLessThan(1.5 * fixed);
    }

    @Test
    void shouldRefuseAResultBeforeAnyTokenAndBadArguments() {
        assertThatThrownBy(() -> test.monitor(10, 0.05, Alternative.GREATER).result())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("n >= 1");
        assertThatThrownBy(() -> test.monitor(10, 0, Alternative.GREATER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
        assertThatThrownBy(() -> test.monitor(-1, 0.05, Alternative.GREATER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clip");
        assertThatThrownBy(() -> new AnytimeTest(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldAcceptTheSmallestGridAndCountObservedTokens() {
        AnytimeMonitor monitor = new AnytimeTest(1).monitor(10, 0.05, Alternative.GREATER);
        assertThat(monitor.observed()).isZero();
        Fixtures.constant(3, 0.1, 1).tokens().forEach(monitor::observe);
        assertThat(monitor.observed()).isEqualTo(3);
        assertThat(monitor.result().n()).isEqualTo(3);
        assertThatThrownBy(() -> test.monitor(0, 0.05, Alternative.GREATER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clip");
        assertThatThrownBy(() -> test.monitor(Double.POSITIVE_INFINITY, 0.05, Alternative.GREATER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clip");
    }

    @Test
    void shouldRefuseResultsThatCannotBeReported() {
        assertThatThrownBy(() -> new TestResult("t", Alternative.LESS, 1, 0, 0, 0.05, 1, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("threshold");
        assertThatThrownBy(() -> new TestResult("t", Alternative.LESS, 1, 0, 1, 0.05, 1.5, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("p-value");
        assertThat(io.textprovenance.stats.ProvenanceTest.requireLevel(0.05)).isEqualTo(0.05);
    }
}
