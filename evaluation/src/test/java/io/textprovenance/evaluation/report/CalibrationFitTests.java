package io.textprovenance.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.textprovenance.evaluation.data.LabeledText;
import io.textprovenance.verdict.CalibrationTable;
import io.textprovenance.verdict.DetectorName;
import io.textprovenance.verdict.Judge;
import io.textprovenance.verdict.PolicyThresholds;
import io.textprovenance.verdict.calibration.CalibrationFile;
import io.textprovenance.verdict.calibration.LengthCalibration;
import io.textprovenance.verdict.calibration.LengthCheck;
import io.textprovenance.verdict.calibration.ScoreCalibration;
import io.textprovenance.verdict.calibration.TestCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CalibrationFitTests {

    private static final String S = DetectorName.FAST_DETECT_GPT.id();
    private static final String ARTICLE = "One two three four five six seven eight nine ten eleven twelve thirteen"
            + " fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three";

    @Test
    void shouldCalibrateOnOneHumanTextPerDocument() {
        List<ScoredDocument> documents = List.of(
                human(ARTICLE, "a", 0.1), human(ARTICLE.substring(0, ARTICLE.lastIndexOf(' ')), "b", 0.2),
                human("Another article entirely, about the harbour and its boats", "a", 0.3),
                new ScoredDocument(new LabeledText("machine text", true, "gen", "news", "a", 9), "calibration", 3,
                        Map.of(S, 0.9)));
        assertThat(CalibrationFit.onePerHumanDocument(documents)).extracting(d -> d.scores().get(S))
                .containsExactly(0.1, 0.3);
    }

    @Test
    void shouldTakeOneMachineReferencePerDocumentAndGenerator() {
        LabeledText first = new LabeledText("A continuation of the article", true, "gen", "news", "f", 0);
        LabeledText cut = new LabeledText("A continuation", true, "gen", "news", "g", 0);
        LabeledText other = new LabeledText("Another continuation", true, "other", "news", "f", 0);
        List<ScoredDocument> documents = List.of(machine(first, "doc"), machine(cut, "doc"), machine(other, "doc"));
        assertThat(CalibrationFit.machineTexts(documents, "calibration")).extracting(d -> d.text().text())
                .containsExactly("A continuation of the article", "Another continuation");
    }

    @Test
    void shouldCountTestErrorsPerTokenLengthBin() {
        List<ScoredDocument> test = List.of(
                scored(false, 10, 0.9), scored(false, 40, 0.1), scored(false, 100, 0.1), scored(false, 512, 0.8),
                scored(true, 63, 0.9), scored(true, 64, 0.2), scored(true, 600, 0.95));
        assertThat(CalibrationFit.byTokenBin(test, S, 0.5)).containsExactly(
                new TestCheck.TokenBin("0-63", 2, 1, 1, 1), new TestCheck.TokenBin("64-127", 1, 0, 1, 0),
                new TestCheck.TokenBin("128-255", 0, 0, 0, 0), new TestCheck.TokenBin("256-511", 0, 0, 0, 0),
                new TestCheck.TokenBin(">= 512", 1, 1, 1, 1));
    }

    @Test
    void shouldCalibrateEachLengthWithEnoughReferencesAndCheckItOnTheTestSplit() {
        List<ScoredDocument> documents = new ArrayList<>();
        for (int i = 0; i < 120; i++) {   // 120 documents reach 32 tokens, 60 of them 48: too few for 1%
            Map<Integer, Map<String, Double>> prefixes = i < 60
                    ? Map.of(32, Map.of(S, i / 100.0), 48, Map.of(S, i / 200.0)) : Map.of(32, Map.of(S, i / 100.0));
            documents.add(new ScoredDocument(new LabeledText("calibration text " + i, false, "human", "news", "a", i),
                    "calibration", i < 60 ? 48 : 40, Map.of(S, 0.0), prefixes));
        }
        for (int i = 0; i < 39; i++) {   // machine references at 32 tokens: 1.0, 1.1, ..., 4.8
            documents.add(new ScoredDocument(new LabeledText("machine text " + i, true, "gen", "news", "a", i),
                    "calibration", 32, Map.of(S, 0.0), Map.of(32, Map.of(S, 1.0 + i / 10.0))));
        }
        documents.add(new ScoredDocument(new LabeledText("human short", false, "human", "news", "a", 0), "test", 32,
                Map.of(S, 1.25), Map.of(32, Map.of(S, 1.25))));
        documents.add(new ScoredDocument(new LabeledText("human low", false, "human", "news", "a", 1), "test", 40,
                Map.of(S, 0.5), Map.of(32, Map.of(S, 0.5))));
        documents.add(new ScoredDocument(new LabeledText("machine", true, "gen", "news", "a", 2), "test", 32,
                Map.of(S, 2.0), Map.of(32, Map.of(S, 2.0))));
        CalibrationFile file = CalibrationFit.fit(documents, 0.01, "m", "a".repeat(64), null, 512,
                PolicyThresholds.DEFAULTS, null);
        ScoreCalibration score = file.scores().get(S);
        assertThat(score.threshold()).isEqualTo(0.0);
        assertThat(score.byLength()).extracting(LengthCalibration::tokens).containsExactly(32);
        LengthCalibration level = score.byLength().get(0);
        // 120 references at 1%: floor(0.01 * 121) = 1 score may reach the threshold, so it is the largest
        assertThat(level.threshold()).isEqualTo(1.19);
        assertThat(level.calibrationHumanTexts()).isEqualTo(120);
        assertThat(level.humanReferences()).hasSize(120).isSorted();
        assertThat(level.machineReferences()).hasSize(39).isSorted();
        // called human: not flagged and (1 + #{m <= s}) / 40 <= 0.05: 0.5 (human low) is; 1.25 is flagged
        assertThat(level.test()).isEqualTo(new LengthCheck(2, 1, 2, 1, 1, 1L, 0L));
        // whole texts at the 32-token references: 1.25 and 2.0 machine, 0.5 human
        TestCheck check = score.test();
        assertThat(check.humanTexts()).isEqualTo(2);
        assertThat(check.lengthMatchedFalsePositives()).isEqualTo(1L);
        assertThat(check.lengthMatchedTruePositives()).isEqualTo(1L);
        assertThat(check.labelsOfHumanTexts()).isEqualTo(new TestCheck.LabelCounts(1, 1, 0));
        assertThat(check.labelsOfMachineTexts()).isEqualTo(new TestCheck.LabelCounts(1, 0, 0));
        assertThat(file.testPolicy()).isEqualTo(new CalibrationFile.TestPolicy(32, 0.01, 0.05));
    }

    @Test
    void shouldTakeTheLongestLengthsReferencesFromWholeTextsOfAtLeastThatLength() {
        int longest = Prefixes.LONGEST;
        List<ScoredDocument> documents = new ArrayList<>();
        for (int i = 0; i < 120; i++) {   // 100 texts reach the longest length: whole score 1 + i, its prefix 100 + i
            int tokens = i < 100 ? longest + i : longest - 1;
            Map<Integer, Map<String, Double>> prefixes = i < 100
                    ? Map.of(32, Map.of(S, i / 100.0), longest, Map.of(S, 100.0 + i)) : Map.of(32, Map.of(S, i / 100.0));
            documents.add(new ScoredDocument(new LabeledText("calibration text " + i, false, "human", "news", "a", i),
                    "calibration", tokens, Map.of(S, 1.0 + i), prefixes));
        }
        documents.add(new ScoredDocument(new LabeledText("machine text", true, "gen", "news", "a", 0), "calibration",
                longest + 5, Map.of(S, 7.0), Map.of(longest, Map.of(S, 70.0))));
        documents.add(new ScoredDocument(new LabeledText("human long", false, "human", "news", "a", 0), "test",
                longest + 50, Map.of(S, 50.0), Map.of(longest, Map.of(S, 1000.0))));
        CalibrationFile file = CalibrationFit.fit(documents, 0.01, "m", "a".repeat(64), null, 512,
                PolicyThresholds.DEFAULTS, null);
        LengthCalibration level = file.scores().get(S).byLength().get(file.scores().get(S).byLength().size() - 1);
        assertThat(level.tokens()).isEqualTo(longest);
        assertThat(level.calibrationHumanTexts()).isEqualTo(100);
        assertThat(level.humanReferences()).containsExactly(IntStream.range(0, 100).mapToDouble(i -> 1.0 + i).toArray());
        assertThat(level.machineReferences()).containsExactly(7.0);
        // 100 references at 1%: the largest is the threshold; the test text is checked by its whole score (50),
        // not by its prefix's (1000, above it)
        assertThat(level.threshold()).isEqualTo(100.0);
        assertThat(level.test().humanTexts()).isEqualTo(1);
        assertThat(level.test().falsePositives()).isZero();
        // below the longest length the references stay the texts' first 32 tokens
        assertThat(file.scores().get(S).byLength().get(0).humanReferences()).hasSize(120).contains(1.19);
    }

    @Test
    void shouldLabelTextsAsTheServiceDoesByTheReferencesOfTheirLength() {
        // at 32 tokens: 99 human references 0.0 (machine above 0 at 1%), machine references 0.5, 0.6, 0.7;
        // at 64 tokens: 99 human references -1.0 and 40 machine references 0.50 .. 0.89
        double[] zeros = new double[99];
        double[] minusOnes = new double[99];
        Arrays.fill(minusOnes, -1.0);
        double[] many = IntStream.range(0, 40).mapToDouble(i -> 0.5 + i / 100.0).toArray();
        ScoreCalibration score = new ScoreCalibration(0.0, 99, "u", null, List.of(
                new LengthCalibration(32, 0.0, 99, null, zeros, new double[] {0.5, 0.6, 0.7}),
                new LengthCalibration(64, -1.0, 99, null, minusOnes, many)), zeros, null);
        Judge judge = new Judge(CalibrationTable.of(new CalibrationFile(2, "m", "a", null, 512, 0.01, null, null,
                Map.of(S, score))), PolicyThresholds.DEFAULTS);
        // 20 tokens: too short; 40 -> 32's references: 0.95 machine, -0.2 below all 3 machine references but
        // (1 + 0) / 4 > 0.05: uncertain; 100 -> 64's: -1.0 is not above the human references, below all 40
        // machine references: (1 + 0) / 41 <= 0.05: human
        List<ScoredDocument> texts = List.of(scored(false, 20, 0.95), scored(false, 40, 0.95), scored(false, 40, -0.2),
                scored(false, 100, -1.0));
        assertThat(ServiceLabels.labels(judge, DetectorName.FAST_DETECT_GPT, texts))
                .containsExactly("uncertain", "machine", "uncertain", "human");
        assertThat(ServiceLabels.labels(judge, DetectorName.LOG_RANK, texts)).containsOnlyNulls();
    }

    private static ScoredDocument scored(boolean machine, int tokens, double score) {
        return new ScoredDocument(new LabeledText("text " + tokens + " " + machine + " " + score, machine,
                machine ? "gen" : "human", "news", "a", tokens), "test", tokens, Map.of(S, score));
    }

    private static ScoredDocument human(String text, String source, double score) {
        return new ScoredDocument(new LabeledText(text, false, "human", "news", source, 0), "calibration", 20,
                Map.of(S, score));
    }

    private static ScoredDocument machine(LabeledText text, String document) {
        return new ScoredDocument(text, "calibration", document, 10, Map.of(S, 1.0), Map.of());
    }
}
