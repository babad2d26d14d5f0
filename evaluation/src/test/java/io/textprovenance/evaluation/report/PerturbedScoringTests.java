package io.textprovenance.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.textprovenance.evaluation.data.LabeledText;
import io.textprovenance.scoring.ScoredText;
import io.textprovenance.scoring.TokenMetrics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PerturbedScoringTests {

    @Test
    void shouldTakeEachDistinctTestTextOnce() {
        List<ScoredDocument> documents = List.of(document("a", false, "test"), document("b", true, "train"),
                document("a", false, "test"), document("c", true, "test"), document("d", false, "calibration"));
        assertThat(PerturbedScoring.testTexts(documents)).extracting(d -> d.text().text()).containsExactly("a", "c");
    }

    @Test
    void shouldSampleBothLabelsInProportionDeterministically() {
        List<ScoredDocument> texts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            texts.add(document("text " + i, i % 3 != 0, "test"));   // 200 machine, 100 human
        }
        List<ScoredDocument> sample = PerturbedScoring.sample(texts, 30, 7);
        assertThat(sample).hasSize(30).doesNotHaveDuplicates();
        assertThat(sample.stream().filter(d -> d.text().machine()).count()).isEqualTo(20);
        assertThat(sample).isSortedAccordingTo((a, b) -> Integer.compare(texts.indexOf(a), texts.indexOf(b)));
        // drawn from each label, not its first texts
        assertThat(sample.stream().filter(d -> d.text().machine()).toList())
                .isNotEqualTo(texts.stream().filter(d -> d.text().machine()).limit(20).toList());
        assertThat(sample.stream().filter(d -> !d.text().machine()).toList())
                .isNotEqualTo(texts.stream().filter(d -> !d.text().machine()).limit(10).toList());
        assertThat(PerturbedScoring.sample(texts, 30, 7)).isEqualTo(sample);
        assertThat(PerturbedScoring.sample(texts, 30, 8)).isNotEqualTo(sample);
        assertThat(PerturbedScoring.sample(texts, 300, 7)).isEqualTo(texts);
        assertThat(PerturbedScoring.sample(texts, 0, 7)).isEmpty();
    }

    @Test
    void shouldKeepARareLabelInTheSample() {
        List<ScoredDocument> texts = new ArrayList<>();
        IntStream.range(0, 99).forEach(i -> texts.add(document("machine " + i, true, "test")));
        texts.add(document("the one human", false, "test"));
        List<ScoredDocument> sample = PerturbedScoring.sample(texts, 10, 1);
        assertThat(sample).hasSize(10).extracting(d -> d.text().text()).contains("the one human");
    }

    @Test
    void shouldScoreEachAlteredTextOnceAndKeepTheScoreOfAnUnalteredOne() {
        List<ScoredDocument> texts = List.of(document("a\nb", false, "test"), document("plain", true, "test"));
        List<String> scoredTexts = new ArrayList<>();
        List<Boolean> hiddenFlags = new ArrayList<>();
        BiFunction<String, Boolean, ScoredText> scorer = (text, hidden) -> {
            scoredTexts.add(text);
            hiddenFlags.add(hidden);
            return tokens(text.length());
        };
        Detector length = new Detector() {
            @Override
            public boolean needsHiddenStates() {
                return false;
            }

            @Override
            public Map<String, Double> scores(ScoredText scored) {
                return Map.of("length", (double) scored.tokensScored());
            }
        };
        Map<Perturbation, List<ScoredDocument>> perturbed = PerturbedScoring.score(texts,
                List.of(Perturbation.CRLF, Perturbation.TRAILING_NEWLINE, Perturbation.ONE_LINE, Perturbation.PARAGRAPHS),
                scorer, List.of(length));
        // one-line and paragraphs both give "a b": scored once; crlf leaves "plain" as it was
        assertThat(scoredTexts).containsExactlyInAnyOrder("a\r\nb", "a\nb\n", "plain\n", "a b");
        assertThat(hiddenFlags).containsOnly(false);
        List<ScoredDocument> crlf = perturbed.get(Perturbation.CRLF);
        assertThat(crlf).extracting(d -> d.text().text()).containsExactly("a\r\nb", "plain");
        assertThat(crlf).extracting(ScoredDocument::scores).containsExactly(Map.of("length", 4.0), Map.of("s", 0.5));
        assertThat(crlf).extracting(d -> d.text().machine()).containsExactly(false, true);
        assertThat(crlf).extracting(ScoredDocument::split).containsOnly("test");
        assertThat(perturbed.get(Perturbation.TRAILING_NEWLINE)).extracting(ScoredDocument::tokens).containsExactly(4, 6);
        assertThat(perturbed.keySet()).containsExactly(Perturbation.CRLF, Perturbation.TRAILING_NEWLINE,
                Perturbation.ONE_LINE, Perturbation.PARAGRAPHS);
    }

    private static ScoredText tokens(int count) {
        List<TokenMetrics> tokens = Collections.nCopies(count,
                new TokenMetrics(1, 0, 1, -1f, 1f, 0f, -0.5f, 0.1f, 0.5f, -1f, 0f));
        return new ScoredText(tokens, 1, 10, 100, Optional.empty());
    }

    private static ScoredDocument document(String text, boolean machine, String split) {
        return new ScoredDocument(new LabeledText(text, machine, machine ? "gen" : "human", "news", "f", 0), split,
                5, Map.of("s", 0.5));
    }
}
