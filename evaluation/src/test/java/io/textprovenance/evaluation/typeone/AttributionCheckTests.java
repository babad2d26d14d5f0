package io.textprovenance.evaluation.typeone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.textprovenance.scoring.ScorerSettings;
import io.textprovenance.scoring.onnx.OnnxScorer;
import io.textprovenance.stats.Alternative;
import io.textprovenance.stats.ProvenanceTest;
import io.textprovenance.stats.TestResult;
import io.textprovenance.stats.attribution.ModelTest;
import io.textprovenance.stats.inference.VarianceAdaptiveTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The attribution check scores every text under every model and tests each at alpha / K; its table reads right. */
class AttributionCheckTests {

    private static final String TEXT = "The committee met on Tuesday to discuss the budget for the coming year, and"
            + " after a long debate it agreed to fund the new library.";

    @Test
    void shouldReadEachSourceModelsSampleFiles() {
        Map<Path, List<Path>> sources = AttributionCheck.sources("models/tiny=a.jsonl, models/x/../smollm2=b.jsonl+c.jsonl");
        assertThat(sources).containsOnlyKeys(Path.of("models/tiny"), Path.of("models/smollm2"));
        assertThat(sources.get(Path.of("models/smollm2"))).containsExactly(Path.of("b.jsonl"), Path.of("c.jsonl"));
        assertThatThrownBy(() -> AttributionCheck.sources("a.jsonl")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MODEL_DIR=FILE");
        assertThatThrownBy(() -> AttributionCheck.sources("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldTestEveryModelOnItsOwnTokensAtAlphaOverK() {
        Path small = Path.of("../models/tiny").toAbsolutePath().normalize();
        Path test = Path.of("../scoring/src/test/resources/tiny/scoring-graph").toAbsolutePath().normalize();
        try (OnnxScorer a = OnnxScorer.open(ScorerSettings.defaults(small));
             OnnxScorer b = OnnxScorer.open(ScorerSettings.defaults(test))) {
            Map<Path, OnnxScorer> scorers = new LinkedHashMap<>();
            scorers.put(small, a);
            scorers.put(test, b);
            Map<Path, String> names = Map.of(small, a.manifest().name(), test, b.manifest().name());
            Sample sample = new Sample("s1", "exact", TEXT, a.tokenize(TEXT).ids(), Optional.empty(), 0,
                    Optional.empty());

            Outcome outcome = AttributionCheck.attribute(sample, a.manifest().name(), scorers, names,
                    Map.of(VarianceAdaptiveTest.NAME, new VarianceAdaptiveTest()), 0.05, a);

            List<ModelTest> tests = outcome.results().get(VarianceAdaptiveTest.NAME);
            assertThat(tests).extracting(ModelTest::model).containsExactly(a.manifest().name(), b.manifest().name());
            assertThat(tests).allSatisfy(t -> assertThat(t.alpha()).isEqualTo(0.025));
            assertThat(outcome.tokens().get(a.manifest().name())).isEqualTo(a.tokenize(TEXT).size());
            // the sampled ids re-tokenize identically here, so the ids' p-value is the text's
            assertThat(outcome.idsPValues().get(VarianceAdaptiveTest.NAME))
                    .isEqualTo(tests.get(0).result().pValue());
        }
    }

    @Test
    void shouldCountTextsAttributedToEachModel() {
        List<Outcome> outcomes = new ArrayList<>();
        // 3 texts of A: A kept for all, B kept for one; 2 texts of B: B rejected once, A never kept
        outcomes.add(outcome("A", 0.5, 0.01));
        outcomes.add(outcome("A", 0.5, 0.01));
        outcomes.add(outcome("A", 0.3, 0.2));
        outcomes.add(outcome("B", 0.001, 0.6));
        outcomes.add(outcome("B", 0.001, 0.02));

        String table = AttributionTables.confusion(outcomes, List.of("A", "B"), "t", 0.05, false);

        assertThat(table).contains("| A | 3 | 100-100 | 3/3 = 1.000 (>= 0.368) | 1/3 = 0.333 (<= 0.865) |")
                .contains("| B | 2 | 100-100 | 0/2 = 0.000 (<= 0.776) | 1/2 = 0.500 (>= 0.025) |")
                // A: 2 to A only, 1 to both; B: 1 to B only, 1 to none
                .contains("| A | 3 | 2 | 1 | 0 | 0 |").contains("| B | 2 | 1 | 0 | 0 | 1 |")
                // uncorrected: B's 0.02 rejected at 0.05 but not at 0.025
                .contains("| B | 2 | 1 | 0 |");

        // log-likelihoods -10 p under A and -5 p under B: B is the more likely for A's three texts, A for B's two
        assertThat(AttributionTables.mostLikely(outcomes, List.of("A", "B"), "t"))
                .contains("| A | 3 | 0/3 = 0.000 (>= 0.000) | 3/3 = 1.000 (<= 1.000) |")
                .contains("| B | 2 | 2/2 = 1.000 (<= 1.000) | 0/2 = 0.000 (>= 0.000) |");
    }

    /** A text of {@code source} with the given p-values under A and B, tested at 0.05 / 2. */
    private static Outcome outcome(String source, double pA, double pB) {
        List<ModelTest> tests = List.of(modelTest("A", pA), modelTest("B", pB));
        return new Outcome("x", source, 100, Map.of("A", 100, "B", 100), Map.of("t", tests), Map.of(), 2);
    }

    private static ModelTest modelTest(String model, double p) {
        ProvenanceTest.requireLevel(0.025);
        TestResult result = new TestResult("t", Alternative.TWO_SIDED, 100, 0.0, 0.1, 0.025, p, p <= 0.025);
        return new ModelTest(model, result, 2, 0.05, Math.min(1, 2 * p), model.equals("A") ? -10 * p : -5 * p);
    }
}
