package io.textprovenance.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.textprovenance.scoring.ScoredText;
import io.textprovenance.scoring.ScorerSettings;
import io.textprovenance.scoring.TokenMetrics;
import io.textprovenance.scoring.onnx.OnnxScorer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Prefix scores on the bundled model (context 256): a prefix of a scored text is the prefix scored alone. */
class PrefixesTests {

    private static OnnxScorer scorer;
    private static long[] ids;

    @BeforeAll
    static void open() {
        scorer = OnnxScorer.open(ScorerSettings.defaults(Path.of("../models/tiny").toAbsolutePath().normalize()));
        String text = "The harbour master kept a ledger of every boat that came in, and the ledger grew. ".repeat(20);
        ids = Arrays.copyOf(scorer.tokenize(text).ids(), 250);
    }

    @AfterAll
    static void close() {
        scorer.close();
    }

    @Test
    void shouldEqualScoringThePrefixAloneForEveryCalibrationLength() {
        ScoredText whole = scorer.scoreTokens(ids, true);
        for (int length : Prefixes.LENGTHS) {
            ScoredText prefix = Prefixes.prefix(whole, length);
            ScoredText alone = scorer.scoreTokens(Arrays.copyOf(ids, length), true);
            assertThat(prefix.tokensScored()).isEqualTo(length);
            for (int i = 0; i < length; i++) {
                TokenMetrics a = prefix.tokens().get(i);
                TokenMetrics b = alone.tokens().get(i);
                assertThat(a.tokenId()).isEqualTo(b.tokenId());
                assertThat(a.logProb()).isCloseTo(b.logProb(), within(1e-4f));
                assertThat(a.entropy()).isCloseTo(b.entropy(), within(1e-4f));
                assertThat(a.rankFraction()).isCloseTo(b.rankFraction(), within(1e-6f));
            }
            float[][] hidden = prefix.hiddenStates().orElseThrow();
            float[][] hiddenAlone = alone.hiddenStates().orElseThrow();
            assertThat(hidden).hasNumberOfRows(length + 1);
            for (int p = 0; p <= length; p++) {
                for (int d = 0; d < hidden[p].length; d++) {
                    assertThat(hidden[p][d]).isCloseTo(hiddenAlone[p][d], within(1e-3f));
                }
            }
        }
    }

    @Test
    void shouldScoreOnlyTheLengthsTheTextReachesInsideTheFirstWindow() {
        ScoredText whole = scorer.scoreTokens(Arrays.copyOf(ids, 100), false);
        Map<Integer, Map<String, Double>> scores = Prefixes.scores(whole, List.of(new ZeroShotDetectors()), 256);
        assertThat(scores).containsOnlyKeys(32, 48, 64, 96);
        assertThat(scores.get(64)).containsKeys(ZeroShotDetectors.LIKETROPY, ZeroShotDetectors.LOG_RANK);
        assertThat(scores.get(32).get(ZeroShotDetectors.LOG_LIKELIHOOD))
                .isNotEqualTo(scores.get(96).get(ZeroShotDetectors.LOG_LIKELIHOOD));
        assertThat(Prefixes.scores(whole, List.of(new ZeroShotDetectors()), 60)).containsOnlyKeys(32, 48);
        assertThatThrownBy(() -> Prefixes.prefix(whole, 101)).isInstanceOf(IllegalArgumentException.class);
    }
}
