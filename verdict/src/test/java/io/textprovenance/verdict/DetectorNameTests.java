package io.textprovenance.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.textprovenance.stats.score.DetectionScores;
import org.junit.jupiter.api.Test;

class DetectorNameTests {

    @Test
    void shouldKnowEachNameByItsId() {
        for (DetectorName name : DetectorName.values()) {
            assertThat(DetectorName.of(name.id())).isSameAs(name);
        }
        assertThatThrownBy(() -> DetectorName.of("fast_detectgpt")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fast-detectgpt");
    }

    @Test
    void shouldNameTheZeroShotScoresInResponseOrder() {
        assertThat(DetectorName.zeroShotScores(new DetectionScores(10, 0.1, 2.0, -3.0, -1.5)))
                .containsExactly(java.util.Map.entry(DetectorName.LIKETROPY, 0.1),
                        java.util.Map.entry(DetectorName.FAST_DETECT_GPT, 2.0),
                        java.util.Map.entry(DetectorName.LOG_LIKELIHOOD, -3.0),
                        java.util.Map.entry(DetectorName.LOG_RANK, -1.5));
        assertThat(DetectorName.ZERO_SHOT).doesNotContain(DetectorName.PAWN);
    }
}
