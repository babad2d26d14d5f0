package io.textprovenance.pawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.textprovenance.scoring.ExecutionDevice;
import io.textprovenance.scoring.ModelManifest;
import io.textprovenance.scoring.ScoredText;
import io.textprovenance.scoring.ScorerSettings;
import io.textprovenance.scoring.batch.BatchingSettings;
import io.textprovenance.scoring.onnx.OnnxScorer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny PAWN head (width 16) trained by training/train_pawn.py on the tiny test backbone of the scoring
 * module; pawn-fixture.json holds the torch outputs on onnxruntime features of the same texts.
 */
class PawnHeadTests {

    static final Path BACKBONE = Path.of("../scoring/src/test/resources/tiny/scoring-graph").toAbsolutePath().normalize();
    static final Path HEAD = Path.of("src/test/resources/tiny").toAbsolutePath();
    static OnnxScorer scorer;
    static PawnHead head;

    @BeforeAll
    static void open() {
        scorer = OnnxScorer.open(new ScorerSettings(BACKBONE, ExecutionDevice.CPU, 2, BatchingSettings.defaults()));
        head = PawnHead.open(HEAD, scorer.manifest(), 2);
    }

    @AfterAll
    static void close() {
        head.close();
        scorer.close();
    }

    @Test
    void shouldMatchTheTorchHeadOnTheCommittedFixture() {
        PawnFixture.assertMatches(scorer, head, JsonMapper.shared().readTree(HEAD.resolve("pawn-fixture.json").toFile()));
    }

    @Test
    void shouldReadAtMostTheFirst512Tokens() {
        ScoredText scored = scorer.score("The council met again to talk about the roads. ".repeat(80), true);
        assertThat(scored.tokensScored()).isGreaterThan(512);
        PawnResult result = head.score(scored);
        assertThat(result.tokensRead()).isEqualTo(512);
        // exactly what the head says about the first 512 tokens alone (their metrics and hidden states 0..512)
        ScoredText first512 = new ScoredText(scored.tokens().subList(0, 512), scored.windows(), scored.clip(),
                scored.vocabulary(), java.util.Optional.of(java.util.Arrays.copyOf(scored.hiddenStates().orElseThrow(), 513)));
        PawnResult alone = head.score(first512);
        assertThat(result.probability()).isCloseTo(alone.probability(), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(result.tokenWeights()).hasSize(512).containsExactly(alone.tokenWeights());
    }

    @Test
    void shouldRefuseDocumentsWithoutHiddenStatesOrTokens() {
        assertThatThrownBy(() -> head.score(scorer.score("text without states", false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hidden states");
        assertThatThrownBy(() -> head.score(scorer.score("", true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    }

    @Test
    void shouldRefuseAHeadTrainedOnAnotherBackbone() {
        ModelManifest other = new ModelManifest(BACKBONE, "other", "1", scorer.manifest().format(), 8192, 32, 16, 0, 10,
                java.util.Map.of("model.onnx", "f".repeat(64), "tokenizer.json", "e".repeat(64)));
        assertThatThrownBy(() -> PawnHead.open(HEAD, other, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("retrain");
    }
}
