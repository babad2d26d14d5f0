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

    private static ScoredDocument human(String text, String source, double score) {
        return new ScoredDocument(new LabeledText(text, false, "human", "news", source, 0), "calibration", 20,
                Map.of("s", score));
    }
}
