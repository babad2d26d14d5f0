package io.textprovenance.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenSeriesTests {

    @Test
    void shouldRejectAnEmptySeries() {
        assertThatThrownBy(() -> new TokenSeries(10, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n = 0");
    }

    @Test
    void shouldRejectNonFiniteOrNegativeMetrics() {
        assertThatThrownBy(() -> new TokenObservation(Double.NaN, 1, 1, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surprisal");
        assertThatThrownBy(() -> new TokenObservation(1, Double.POSITIVE_INFINITY, 1, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entropy");
        assertThatThrownBy(() -> new TokenObservation(1, 1, -0.1, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("varentropy");
        assertThatThrownBy(() -> new TokenObservation(1, 1, 1, 1, -1e-9, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clippedVariance");
        assertThatThrownBy(() -> new TokenObservation(1, 1, 1, 1, 1, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rank");
    }

    @Test
    void shouldRejectClippedMomentsInconsistentWithTheClip() {
        TokenObservation token = new TokenObservation(4, 4, 2, 4, 2, 1);
        assertThatThrownBy(() -> new TokenSeries(3, List.of(token)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds the clipping level");
        TokenObservation wide = new TokenObservation(1, 1, 9, 1, 9, 1);
        assertThatThrownBy(() -> new TokenSeries(4, List.of(wide)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("c^2/4");
        assertThatThrownBy(() -> new TokenSeries(Double.NaN, List.of(token)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clip");
    }

    @Test
    void shouldCopyItsTokensAndCutPrefixes() {
        List<TokenObservation> tokens = new ArrayList<>(Fixtures.constant(5, 0.5, 1).tokens());
        TokenSeries series = new TokenSeries(10, tokens);
        tokens.clear();
        assertThat(series.size()).isEqualTo(5);
        assertThat(series.prefix(2).size()).isEqualTo(2);
        assertThatThrownBy(() -> series.prefix(6)).isInstanceOf(IllegalArgumentException.class);
        assertThat(series.tokens().get(0).clippedSurprisal(3.2)).isEqualTo(3.2);
    }

    @Test
    void shouldAcceptMomentsExactlyAtTheirLimits() {
        // E^c = c and Var = c^2/4 are possible (all mass clipped; two points 0 and c), so they are accepted
        TokenObservation atClip = new TokenObservation(4, 4, 0, 4, 0, 1);
        TokenObservation widest = new TokenObservation(0, 2, 4, 2, 4, 1);
        assertThat(new TokenSeries(4, List.of(atClip, widest)).size()).isEqualTo(2);
        assertThatThrownBy(() -> new TokenSeries(4, List.of(new TokenObservation(0, 2, 4, 2, Math.nextUp(4.0), 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds c^2/4 = 4.0");
        assertThatThrownBy(() -> new TokenSeries(0, List.of(atClip)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clip must be finite and > 0");
        assertThatThrownBy(() -> new TokenObservation(1, 1, 1, -1e-9, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clippedMean");
    }

    @Test
    void shouldCutEveryPrefixFromOneToTheWholeSeries() {
        TokenSeries series = Fixtures.constant(5, 0.5, 1);
        assertThat(series.prefix(1).size()).isEqualTo(1);
        assertThat(series.prefix(5).size()).isEqualTo(5);
        assertThatThrownBy(() -> series.prefix(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[1, 5]");
    }
}
