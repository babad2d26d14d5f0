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

    private static ScoredDocument scored(boolean machine, int tokens, double score) {
        return new ScoredDocument(new LabeledText("text " + tokens + " " + machine, machine, machine ? "gen" : "human",
                "news", "a", tokens), "test", tokens, Map.of("s", score));
    }

    private static ScoredDocument human(String text, String source, double score) {
        return new ScoredDocument(new LabeledText(text, false, "human", "news", source, 0), "calibration", 20,
                Map.of("s", score));
    }
}
