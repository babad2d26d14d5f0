package io.textprovenance.scoring.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.textprovenance.scoring.ImportedModel;
import io.textprovenance.scoring.ScoredText;
import io.textprovenance.scoring.ScorerSettings;
import io.textprovenance.scoring.TokenMetrics;
import io.textprovenance.scoring.window.Window;
import io.textprovenance.scoring.window.Windower;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Java scorer on the imported pretrained model (models/smollm2-135m) reproduces an independent numpy
 * forward of the GGUF weights (training/make_imported_fixture.py: float64, llama.cpp's row layout and
 * adjacent-pair RoPE), token by token, including a text scored in four overlapping windows, line breaks
 * with CR LF, curly quotes, CJK and emoji.
 */
class ImportedModelReferenceTests {

    static final double TOLERANCE = 1e-3;
    static OnnxScorer scorer;
    static JsonNode reference;

    @BeforeAll
    static void load() throws IOException {
        scorer = OnnxScorer.open(ScorerSettings.defaults(ImportedModel.directory()));
        try (InputStream in = ImportedModelReferenceTests.class.getResourceAsStream("/reference/imported-reference.json")) {
            reference = JsonMapper.shared().readTree(in);
        }
    }

    @AfterAll
    static void close() {
        scorer.close();
    }

    @Test
    void shouldHaveAFixtureMadeFromTheImportedArtifacts() {
        assertThat(reference.get("model_onnx_sha256").asString()).isEqualTo(scorer.manifest().sha256().get("model.onnx"));
        assertThat(reference.get("tokenizer_sha256").asString()).isEqualTo(scorer.manifest().sha256().get("tokenizer.json"));
        assertThat(reference.get("bos_token_id").asLong()).isEqualTo(scorer.manifest().bosTokenId());
        assertThat(reference.get("context_length").asInt()).isEqualTo(scorer.manifest().contextLength());
        assertThat(scorer.manifest().hiddenSize()).isEqualTo(576);
    }

    @Test
    void shouldPlanTheSameWindowsAsTheReference() {
        for (JsonNode testCase : reference.get("cases")) {
            List<Window> plan = new Windower(scorer.manifest().contextLength()).plan(testCase.get("token_ids").size() + 1);
            JsonNode expected = testCase.get("windows");
            assertThat(plan).as(testCase.get("name").asString()).hasSize(expected.size());
            for (int w = 0; w < plan.size(); w++) {
                assertThat(List.of(plan.get(w).start(), plan.get(w).end(), plan.get(w).scoredFrom()))
                        .isEqualTo(List.of(expected.get(w).get(0).asInt(), expected.get(w).get(1).asInt(),
                                expected.get(w).get(2).asInt()));
            }
        }
    }

    @Test
    void shouldReproduceTheReferenceForEveryTokenOfEveryWindow() {
        int compared = 0;
        boolean sawWindows = false;
        for (JsonNode testCase : reference.get("cases")) {
            String name = testCase.get("name").asString();
            ScoredText scored = scorer.score(testCase.get("text").asString(), true);
            JsonNode ids = testCase.get("token_ids");
            assertThat(scored.tokensScored()).as(name).isEqualTo(ids.size());
            sawWindows |= scored.windowed();
            JsonNode outputs = testCase.get("outputs");
            for (int i = 0; i < ids.size(); i++) {
                TokenMetrics token = scored.tokens().get(i);
                String at = name + " token " + i;
                assertThat(token.tokenId()).as(at).isEqualTo(ids.get(i).asLong());
                close(at, "token_logprob", token, TokenMetrics::logProb, outputs, i, TOLERANCE);
                close(at, "entropy", token, TokenMetrics::entropy, outputs, i, TOLERANCE);
                close(at, "varentropy", token, TokenMetrics::varentropy, outputs, i, TOLERANCE);
                close(at, "max_logprob", token, TokenMetrics::maxLogProb, outputs, i, TOLERANCE);
                close(at, "rank_fraction", token, TokenMetrics::rankFraction, outputs, i,
                        1.5 / scorer.manifest().vocabSize());
                close(at, "top_p_mass", token, TokenMetrics::topPMass, outputs, i, TOLERANCE);
                close(at, "clipped_mean", token, TokenMetrics::clippedMean, outputs, i, TOLERANCE);
                close(at, "clipped_var", token, TokenMetrics::clippedVariance, outputs, i, TOLERANCE);
                compared++;
            }
            float[][] hidden = scored.hiddenStates().orElseThrow();
            JsonNode expectedHidden = testCase.get("hidden_states_first3x8");
            for (int p = 0; p < expectedHidden.size(); p++) {
                for (int k = 0; k < expectedHidden.get(p).size(); k++) {
                    assertThat((double) hidden[p][k]).as("%s hidden %d,%d", name, p, k)
                            .isCloseTo(expectedHidden.get(p).get(k).asDouble(), within(TOLERANCE));
                }
            }
        }
        assertThat(sawWindows).as("a text scored in several windows").isTrue();
        assertThat(compared).isGreaterThan(1000);
    }

    private static void close(String at, String metric, TokenMetrics token, Function<TokenMetrics, Float> value,
                              JsonNode outputs, int i, double tolerance) {
        assertThat((double) value.apply(token)).as("%s %s", at, metric)
                .isCloseTo(outputs.get(metric).get(i).asDouble(), within(tolerance));
    }
}
