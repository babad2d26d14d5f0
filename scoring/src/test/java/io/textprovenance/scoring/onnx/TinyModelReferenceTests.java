package io.textprovenance.scoring.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.textprovenance.scoring.TinyModel;
import io.textprovenance.scoring.ScoredText;
import io.textprovenance.scoring.ScorerSettings;
import io.textprovenance.scoring.TokenMetrics;
import io.textprovenance.stats.TokenSeries;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Java scorer on the bundled model reproduces the torch reference computed from full logits by
 * training/make_fixtures.py (scoring/src/test/resources/reference/scoring-reference.json), for the very
 * model.onnx and tokenizer.json in models/tiny (their sha256 are part of the fixture).
 */
class TinyModelReferenceTests {

    static final double TOLERANCE = 1e-4;
    static OnnxScorer scorer;
    static JsonNode reference;

    @BeforeAll
    static void load() throws IOException {
        scorer = OnnxScorer.open(ScorerSettings.defaults(TinyModel.directory()));
        try (InputStream in = TinyModelReferenceTests.class.getResourceAsStream("/reference/scoring-reference.json")) {
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
        assertThat(reference.get("tokenizer_sha256").asString())
                .isEqualTo(scorer.manifest().sha256().get("tokenizer.json"));
        assertThat(reference.get("clip_nats").asDouble()).isEqualTo(scorer.manifest().clipNats());
    }

    @Test
    void shouldReproduceTheTorchReferenceForEveryOutput() {
        int compared = 0;
        for (JsonNode testCase : reference.get("cases")) {
            String name = testCase.get("name").asString();
            String text = testCase.get("text").asString();
            JsonNode ids = testCase.get("token_ids");
            long[] fixtureIds = new long[ids.size()];
            for (int i = 0; i < ids.size(); i++) {
                fixtureIds[i] = ids.get(i).asLong();
            }
            if (text.equals(text.strip()) && text.indexOf('\n') < 0) {
                // the layout normalization leaves this text alone: the scorer's tokens are the fixture's
                assertThat(scorer.tokenize(text).ids()).as(name).isEqualTo(fixtureIds);
            }
            ScoredText scored = scorer.scoreTokens(fixtureIds, true);
            assertThat(scored.tokensScored()).as(name).isEqualTo(ids.size());
            if (!testCase.get("fits_one_window").asBoolean()) {
                // this fixture has values for single windows only; documents of 2-4 windows are checked token by
                // token in TinyModelWindowedReferenceTests (reference/windowed-reference.json)
                assertThat(scored.windowed()).as(name).isTrue();
                continue;
            }
            JsonNode outputs = testCase.get("outputs");
            for (int i = 0; i < scored.tokensScored(); i++) {
                TokenMetrics token = scored.tokens().get(i);
                String at = name + " token " + i;
                close(at, token.logProb(), outputs.get("token_logprob").get(i), TOLERANCE);
                close(at, token.entropy(), outputs.get("entropy").get(i), TOLERANCE);
                close(at, token.varentropy(), outputs.get("varentropy").get(i), TOLERANCE);
                close(at, token.maxLogProb(), outputs.get("max_logprob").get(i), TOLERANCE);
                close(at, token.rankFraction(), outputs.get("rank_fraction").get(i), 1.5 / scorer.manifest().vocabSize());
                close(at, token.topPMass(), outputs.get("top_p_mass").get(i), TOLERANCE);
                close(at, token.clippedMean(), outputs.get("clipped_mean").get(i), TOLERANCE);
                close(at, token.clippedVariance(), outputs.get("clipped_var").get(i), TOLERANCE);
                compared++;
            }
            float[][] hidden = scored.hiddenStates().orElseThrow();
            JsonNode expectedHidden = outputs.get("hidden_states_first3x8");
            for (int p = 0; p < expectedHidden.size(); p++) {
                for (int k = 0; k < expectedHidden.get(p).size(); k++) {
                    close(name + " hidden " + p + "," + k, hidden[p][k], expectedHidden.get(p).get(k), TOLERANCE);
                }
            }
            TokenSeries series = scored.toTokenSeries();
            assertThat(series.size()).isEqualTo(ids.size());
        }
        assertThat(compared).isGreaterThan(50);
    }

    private static void close(String at, float actual, JsonNode expected, double tolerance) {
        assertThat((double) actual).as(at).isCloseTo(expected.asDouble(), within(tolerance));
    }
}
