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
}
