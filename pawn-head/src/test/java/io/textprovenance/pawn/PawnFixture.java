package io.textprovenance.pawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.textprovenance.scoring.ScoredText;
import io.textprovenance.scoring.onnx.OnnxScorer;
import tools.jackson.databind.JsonNode;

/** Checks a head against a fixture of training/train_pawn.py --fixture: torch outputs on the same texts. */
final class PawnFixture {

    static final double TOLERANCE = 1e-4;

    /** Every case's probability and per-token weights within 1e-4; the weights sum to one. */
    static void assertMatches(OnnxScorer scorer, PawnHead head, JsonNode fixture) {
        assertThat(fixture.get("cases")).isNotEmpty();
        for (JsonNode testCase : fixture.get("cases")) {
            ScoredText scored = scorer.score(testCase.get("text").asString(), true);
            assertThat(scored.tokensScored()).isEqualTo(testCase.get("tokens").asInt());
            PawnResult result = head.score(scored);
            assertThat(result.probability()).isCloseTo(testCase.get("probability").asDouble(), within(TOLERANCE));
            float[] weights = result.tokenWeights();
            assertThat(weights).hasSize(testCase.get("token_weights").size());
            double total = 0;
            for (int i = 0; i < weights.length; i++) {
                assertThat((double) weights[i]).isCloseTo(testCase.get("token_weights").get(i).asDouble(),
                        within(TOLERANCE));
                total += weights[i];
            }
            assertThat(total).isCloseTo(1.0, within(TOLERANCE));
        }
    }

    private PawnFixture() {
    }
}
