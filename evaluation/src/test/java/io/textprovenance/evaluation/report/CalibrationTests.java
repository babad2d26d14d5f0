package io.textprovenance.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.textprovenance.evaluation.data.LabeledText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalibrationTests {

    private static final String ARTICLE = "One two three four five six seven eight nine ten eleven twelve thirteen"
            + " fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three";

    @Test
    void shouldCalibrateOnOneHumanTextPerDocument() {
        List<ScoredDocument> documents = List.of(
                human(ARTICLE, "a", 0.1), human(ARTICLE.substring(0, ARTICLE.lastIndexOf(' ')), "b", 0.2),
                human("Another article entirely, about the harbour and its boats", "a", 0.3),
                new ScoredDocument(new LabeledText("machine text", true, "gen", "news", "a", 9), "calibration", 3,
                        Map.of("s", 0.9)));
        List<ScoredDocument> references = Calibration.onePerHumanDocument(documents);
        assertThat(references).extracting(d -> d.scores().get("s")).containsExactly(0.1, 0.3);
    }

    @Test
    void shouldCountTestErrorsPerTokenLengthBin() {
        List<ScoredDocument> test = List.of(
                scored(false, 10, 0.9), scored(false, 40, 0.1), scored(false, 100, 0.1), scored(false, 512, 0.8),
                scored(true, 63, 0.9), scored(true, 64, 0.2), scored(true, 600, 0.95));
        List<Map<String, Object>> bins = Calibration.byLength(test, "s", 0.5);
        assertThat(bins).extracting(b -> b.get("tokens")).containsExactly("0-63", "64-127", "128-255", "256-511", ">= 512");
        assertThat(bins).extracting(b -> b.get("humans")).containsExactly(2, 1, 0, 0, 1);
        assertThat(bins).extracting(b -> b.get("false_positives")).containsExactly(1L, 0L, 0L, 0L, 1L);
        assertThat(bins).extracting(b -> b.get("machines")).containsExactly(1, 1, 0, 0, 1);
        assertThat(bins).extracting(b -> b.get("true_positives")).containsExactly(1L, 0L, 0L, 0L, 1L);
    }

    @Test
    void shouldCalibrateEachLengthWithEnoughReferencesOnThePrefixesOfThatLength() {
        List<ScoredDocument> calibration = new java.util.ArrayList<>();
        for (int i = 0; i < 120; i++) {   // 120 documents reach 32 tokens, 60 of them 48: too few for 1%
            Map<Integer, Map<String, Double>> prefixes = i < 60
                    ? Map.of(32, Map.of("s", i / 100.0), 48, Map.of("s", i / 200.0)) : Map.of(32, Map.of("s", i / 100.0));
            calibration.add(new ScoredDocument(new LabeledText("calibration text " + i, false, "human", "news", "a", i),
                    "calibration", i < 60 ? 48 : 40, Map.of("s", 0.0), prefixes));
        }
        List<ScoredDocument> test = List.of(
                new ScoredDocument(new LabeledText("human short", false, "human", "news", "a", 0), "test", 32,
                        Map.of("s", 0.0), Map.of(32, Map.of("s", 1.25))),
                new ScoredDocument(new LabeledText("human low", false, "human", "news", "a", 1), "test", 40,
                        Map.of("s", 0.0), Map.of(32, Map.of("s", 0.5))),
                new ScoredDocument(new LabeledText("machine", true, "gen", "news", "a", 2), "test", 32,
                        Map.of("s", 0.0), Map.of(32, Map.of("s", 2.0))));
        List<ScoredDocument> machine = new java.util.ArrayList<>();
        for (int i = 0; i < 39; i++) {   // machine references at 32 tokens: 1.0, 1.1, ..., 4.8
            machine.add(new ScoredDocument(new LabeledText("machine text " + i, true, "gen", "news", "a", i),
                    "calibration", 32, Map.of("s", 0.0), Map.of(32, Map.of("s", 1.0 + i / 10.0))));
        }
        List<Map<String, Object>> levels = Calibration.prefixLevels(calibration, machine, test, "s", 0.01, 0.4);
        assertThat(levels).extracting(l -> l.get("tokens")).containsExactly(32);
        Map<String, Object> level = levels.get(0);
        // 120 references at 1%: floor(0.01 * 121) = 1 score may reach the threshold, so it is the largest
        assertThat(level.get("threshold")).isEqualTo(1.19);
        assertThat(level.get("calibration_human_texts")).isEqualTo(120);
        assertThat(level.get("test_false_positives")).isEqualTo(1L);
        assertThat(level.get("test_false_positives_at_overall_threshold")).isEqualTo(2L);
        assertThat(level.get("test_true_positives")).isEqualTo(1L);
        assertThat((double[]) level.get("reference_scores")).hasSize(120).isSorted();
        assertThat((double[]) level.get("machine_reference_scores")).hasSize(39).isSorted();
        // called human: below the threshold and below all but 5% of the machine texts: (1 + #{m <= s}) / 40
        // <= 0.05, i.e. at most one machine reference at or below it. 0.5 (human low) is; 1.25 is flagged.
        assertThat(level.get("test_humans_called_human")).isEqualTo(1L);
        assertThat(level.get("test_machines_called_human")).isEqualTo(0L);
    }

    @Test
    void shouldApplyTheThresholdOfEachTextsLengthAsTheServiceDoes() {
        List<Map<String, Object>> levels = List.of(Map.of("tokens", 32, "threshold", 0.9),
                Map.of("tokens", 64, "threshold", 0.5));
        List<ScoredDocument> test = List.of(scored(false, 20, 0.95), scored(false, 40, 0.7), scored(false, 63, 0.95),
                scored(false, 64, 0.7), scored(false, 500, 0.4), scored(true, 100, 0.6));
        // 20 -> 32's threshold (0.9): flagged; 40 -> 0.9: not; 63 -> 0.9: flagged; 64 -> 0.5: flagged; 500 -> 0.5: not
        assertThat(Calibration.countFlaggedByLength(test, "s", false, levels)).isEqualTo(3);
        assertThat(Calibration.countFlaggedByLength(test, "s", true, levels)).isEqualTo(1);
    }

    @Test
    void shouldLabelTestTextsAsTheServiceDoes() {
        List<Map<String, Object>> levels = List.of(
                Map.of("tokens", 32, "threshold", 0.9, "machine_reference_scores", new double[] {0.5, 0.6, 0.7}),
                Map.of("tokens", 64, "threshold", 0.5, "machine_reference_scores", new double[] {0.3, 0.4, 0.45}));
        // 20 tokens: too short; 40 -> 32's level: 0.95 machine, 0.2 below all 3 machine references (p 1/4 > 0.05)
        List<ScoredDocument> test = List.of(scored(false, 20, 0.95), scored(false, 40, 0.95), scored(false, 40, 0.2),
                scored(false, 100, 0.6));
        assertThat(Calibration.labelsByLength(test, "s", false, levels))
                .containsExactly(Map.entry("machine", 2L), Map.entry("human", 0L), Map.entry("uncertain", 2L));
        List<Map<String, Object>> many = List.of(Map.of("tokens", 32, "threshold", 0.9, "machine_reference_scores",
                java.util.stream.IntStream.range(0, 40).mapToDouble(i -> 0.5 + i / 100.0).toArray()));
        // below all 40 machine references: p = 1/41 <= 0.05: human
        assertThat(Calibration.labelsByLength(List.of(scored(false, 50, 0.2)), "s", false, many))
                .containsEntry("human", 1L);
    }

    private static ScoredDocument scored(boolean machine, int tokens, double score) {
        return new ScoredDocument(new LabeledText("text " + tokens + " " + machine, machine, machine ? "gen" : "human",
                "news", "a", tokens), "test", tokens, Map.of("s", score));
    }

    private static ScoredDocument human(String text, String source, double score) {
        return new ScoredDocument(new LabeledText(text, false, "human", "news", source, 0), "calibration", 20,
                Map.of("s", score));
    }
}
