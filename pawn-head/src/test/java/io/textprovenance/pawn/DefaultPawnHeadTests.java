package io.textprovenance.pawn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.textprovenance.scoring.ScorerSettings;
import io.textprovenance.scoring.onnx.OnnxScorer;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
    static void open() throws IOException {
        scorer = OnnxScorer.open(ScorerSettings.defaults(MODEL));
        head = PawnHead.open(MODEL, scorer.manifest(), 2);
        fixture = new ObjectMapper().readTree(Path.of("src/test/resources/default/pawn-fixture.json").toFile());
    }

    @AfterAll
    static void close() {
        head.close();
        scorer.close();
    }

    @Test
    void shouldHaveAFixtureMadeFromTheBundledHeadAndBackbone() throws IOException {
        JsonNode card = new ObjectMapper().readTree(MODEL.resolve("pawn.json").toFile());
        assertThat(fixture.get("pawn_sha256").asText()).isEqualTo(card.get("sha256").asText());
        assertThat(fixture.get("model_onnx_sha256").asText()).isEqualTo(scorer.manifest().sha256().get("model.onnx"));
    }

    @Test
    void shouldMatchTheTorchHeadWithin1e4() {
        PawnFixture.assertMatches(scorer, head, fixture);
    }
}
