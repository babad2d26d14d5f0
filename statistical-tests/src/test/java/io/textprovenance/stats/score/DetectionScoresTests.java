package io.textprovenance.stats.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.textprovenance.stats.Fixtures;
import io.textprovenance.stats.TokenSeries;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionScoresTests {

    @Test
    void shouldComputeEveryScoreFromItsDefinition() {
        TokenSeries series = new TokenSeries(10, List.of(
                Fixtures.token(1.0, 2.0, 1.0, 1),
                Fixtures.token(3.0, 2.5, 2.0, 4),
                Fixtures.token(0.5, 1.5, 1.0, 2)));
        DetectionScores scores = DetectionScores.of(series);
        // sum s = 4.5, sum H = 6, sum V = 4, sum ln rank = ln 8
        assertThat(scores.tokens()).isEqualTo(3);
        assertThat(scores.liketropy()).isCloseTo(1.5 / 3, within(1e-12));
        assertThat(scores.fastDetectGpt()).isCloseTo(1.5 / 2, within(1e-12));
        assertThat(scores.meanLogLikelihood()).isCloseTo(-1.5, within(1e-12));
        assertThat(scores.logRankScore()).isCloseTo(-Math.log(8) / 3, within(1e-12));
    }

    @Test
    void shouldRefuseTheCriterionWhenEveryDistributionIsAPointMass() {
        TokenSeries degenerate = new TokenSeries(10, List.of(Fixtures.token(0, 0, 0, 1)));
        assertThatThrownBy(() -> DetectionScores.of(degenerate))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("varentropy sum is 0");
    }
}
