package io.textprovenance.pawn;

import static org.assertj.core.api.Assertions.assertThat;

import io.textprovenance.scoring.ScorerSettings;
import io.textprovenance.scoring.onnx.OnnxScorer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundled head (models/tiny/pawn.onnx, trained by training/train_pawn.py on the Java feature cache)
 * run by the Java scorer and PawnHead reproduces the torch head on onnxruntime features of the same texts
 * (src/test/resources/default/pawn-fixture.json, written with the head by --fixture).
 */
class DefaultPawnHeadTests {

    static final Path MODEL = Path.of("../models/tiny").toAbsolutePath().normalize();
    static OnnxScorer scorer;
    static PawnHead head;
    static JsonNode fixture;

    @BeforeAll
    static void open() {
        scorer = OnnxScorer.open(ScorerSettings.defaults(MODEL));
        head = PawnHead.open(MODEL, scorer.manifest(), 2);
        fixture = JsonMapper.shared().readTree(Path.of("src/test/resources/default/pawn-fixture.json").toFile());
    }

    @AfterAll
    static void close() {
        head.close();
        scorer.close();
    }

    @Test
    void shouldHaveAFixtureMadeFromTheBundledHeadAndBackbone() {
        JsonNode card = JsonMapper.shared().readTree(MODEL.resolve("pawn.json").toFile());
        assertThat(fixture.get("pawn_sha256").asString()).isEqualTo(card.get("sha256").asString());
        assertThat(fixture.get("model_onnx_sha256").asString()).isEqualTo(scorer.manifest().sha256().get("model.onnx"));
    }

    @Test
    void shouldMatchTheTorchHeadWithin1e4() {
        PawnFixture.assertMatches(scorer, head, fixture);
    }

    /**
     * Real lengths (src/test/resources/default/pawn-long-fixture.json, training/make_long_fixtures.py): texts of
     * 200 to 600 tokens, scored in 1 to 4 windows, their features assembled window by window in Python and
     * run through the same pawn.onnx by onnxruntime. Probability and every token weight within 1e-4; past 512
     * tokens both read the first 512.
     */
    @Test
    void shouldMatchTheOnnxHeadOnTextsOf200To600TokensScoredInSeveralWindows() {
        JsonNode longFixture = JsonMapper.shared().readTree(Path.of("src/test/resources/default/pawn-long-fixture.json").toFile());
        assertThat(longFixture.get("pawn_sha256").asString()).isEqualTo(fixture.get("pawn_sha256").asString());
        assertThat(longFixture.get("model_onnx_sha256").asString()).isEqualTo(scorer.manifest().sha256().get("model.onnx"));
        PawnFixture.assertMatches(scorer, head, longFixture);
        int maxWindows = 0;
        for (JsonNode testCase : longFixture.get("cases")) {
            int tokens = testCase.get("tokens").asInt();
            assertThat(tokens).isBetween(200, 600);
            assertThat(scorer.score(testCase.get("text").asString(), false).windows())
                    .isEqualTo(testCase.get("windows").asInt());
            assertThat(testCase.get("token_weights").size()).isEqualTo(Math.min(tokens, PawnHead.MAX_TOKENS));
            maxWindows = Math.max(maxWindows, testCase.get("windows").asInt());
        }
        assertThat(maxWindows).isEqualTo(4);
    }
}
