package io.textprovenance.scoring.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.textprovenance.scoring.ScoredText;
import io.textprovenance.scoring.ScorerSettings;
import io.textprovenance.scoring.TinyModel;
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
 * The windowed path on real lengths: documents of 1 (the edge, BOS + 255 ids), 2, 3 and 4 windows of the
 * tiny model's 256-token context, scored by the Java scorer from their text, reproduce a torch reference
 * that runs each window alone (training/make_long_fixtures.py: reference/windowed-reference.json), for
 * every token and all eight metrics within 1e-4 (rank fraction within 1.5/V: near-ties may order
 * differently), and the hidden states at every window's first and last scored positions. This checks the
 * Windower's plan, which window scores each token, the output index inside it and the reassembly.
 */
class TinyModelWindowedReferenceTests {

    static final double TOLERANCE = 1e-4;
    static OnnxScorer scorer;
    static JsonNode reference;

    @BeforeAll
    static void load() throws IOException {
        scorer = OnnxScorer.open(ScorerSettings.defaults(TinyModel.directory()));
        try (InputStream in = TinyModelWindowedReferenceTests.class.getResourceAsStream("/reference/windowed-reference.json")) {
            reference = JsonMapper.shared().readTree(in);
        }
    }

    @AfterAll
    static void close() {
        scorer.close();
    }

    @Test
    void shouldHaveAFixtureMadeFromTheBundledArtifacts() {
        assertThat(reference.get("model_onnx_sha256").asString()).isEqualTo(scorer.manifest().sha256().get("model.onnx"));
        assertThat(reference.get("tokenizer_sha256").asString()).isEqualTo(scorer.manifest().sha256().get("tokenizer.json"));
        assertThat(reference.get("context_length").asInt()).isEqualTo(scorer.manifest().contextLength());
        assertThat(reference.get("clip_nats").asDouble()).isEqualTo(scorer.manifest().clipNats());
    }

    @Test
    void shouldPlanTheReferenceWindows() {
        int maxWindows = 0;
        for (JsonNode testCase : reference.get("cases")) {
            List<Window> plan = new Windower(scorer.manifest().contextLength()).plan(testCase.get("num_tokens").asInt() + 1);
            JsonNode expected = testCase.get("windows");
            assertThat(plan).as(testCase.get("name").asString()).hasSize(expected.size());
            for (int w = 0; w < plan.size(); w++) {
                assertThat(List.of(plan.get(w).start(), plan.get(w).end(), plan.get(w).scoredFrom()))
                        .isEqualTo(List.of(expected.get(w).get(0).asInt(), expected.get(w).get(1).asInt(),
                                expected.get(w).get(2).asInt()));
            }
            maxWindows = Math.max(maxWindows, plan.size());
        }
        assertThat(maxWindows).isEqualTo(4);
    }

    @Test
    void shouldReproduceEveryTokenOfEveryWindowFromTheText() {
        int compared = 0;
        for (JsonNode testCase : reference.get("cases")) {
            String name = testCase.get("name").asString();
            ScoredText scored = scorer.score(testCase.get("text").asString(), true);
            JsonNode ids = testCase.get("token_ids");
            assertThat(scored.tokensScored()).as(name).isEqualTo(ids.size());
            assertThat(scored.windows()).as(name).isEqualTo(testCase.get("windows").size());
            assertThat(scored.windowed()).as(name).isEqualTo(testCase.get("windows").size() > 1);
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
            JsonNode positions = testCase.get("hidden_positions");
            for (int k = 0; k < positions.size(); k++) {
                int position = positions.get(k).asInt();
                JsonNode expected = testCase.get("hidden_first8").get(k);
                for (int d = 0; d < expected.size(); d++) {
                    assertThat((double) hidden[position][d]).as("%s hidden %d,%d", name, position, d)
                            .isCloseTo(expected.get(d).asDouble(), within(TOLERANCE));
                }
            }
        }
        assertThat(compared).isEqualTo(255 + 256 + 330 + 470 + 600);
    }

    @Test
    void shouldScoreTheSameIdsIdenticallyWithoutTheText() {
        JsonNode longest = reference.get("cases").get(reference.get("cases").size() - 1);
        JsonNode ids = longest.get("token_ids");
        long[] tokenIds = new long[ids.size()];
        for (int i = 0; i < tokenIds.length; i++) {
            tokenIds[i] = ids.get(i).asLong();
        }
        ScoredText fromIds = scorer.scoreTokens(tokenIds, false);
        ScoredText fromText = scorer.score(longest.get("text").asString(), false);
        assertThat(fromIds.windows()).isEqualTo(4);
        for (int i = 0; i < tokenIds.length; i++) {
            assertThat((double) fromIds.tokens().get(i).logProb()).as("token %d", i)
                    .isCloseTo(fromText.tokens().get(i).logProb(), within(1e-5));
            assertThat((double) fromIds.tokens().get(i).clippedVariance())
                    .isCloseTo(fromText.tokens().get(i).clippedVariance(), within(1e-5));
        }
    }

    private static void close(String at, String metric, TokenMetrics token, Function<TokenMetrics, Float> value,
                              JsonNode outputs, int i, double tolerance) {
        assertThat((double) value.apply(token)).as("%s %s", at, metric)
                .isCloseTo(outputs.get(metric).get(i).asDouble(), within(tolerance));
    }
}
