package io.textprovenance.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.textprovenance.evaluation.data.LabeledText;
import io.textprovenance.verdict.CalibrationTable;
import io.textprovenance.verdict.Judge;
import io.textprovenance.verdict.PolicyThresholds;
import io.textprovenance.verdict.calibration.CalibrationFile;
import io.textprovenance.verdict.calibration.LengthCalibration;
import io.textprovenance.verdict.calibration.ScoreCalibration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The section from given scores: a perturbation that moves scores across the thresholds changes labels. */
class RobustnessReportTests {

    private static final String S = "fast-detectgpt";
    private static final String T = "log-rank";

    /**
     * Score S calibrated from 32 tokens at 5%: 19 human references at 0.9, so machine above 0.9 (p = 1/20); human
     * below all but one of the 40 machine references (0.5 to 0.89; p = (1 + #{m <= s}) / 41 <= 0.05), uncertain
     * between; T is not calibrated.
     */
    private static final Judge CALIBRATION = judge();

    private static final List<ScoredDocument> SAMPLE = List.of(
            document("human one", false, 50, 0.2), document("human two", false, 50, 0.2),
            document("machine one", true, 50, 0.95), document("machine two", true, 50, 0.95),
            document("short human", false, 20, 0.1));

    @Test
    void shouldCountTheTextsWhoseLabelAPerturbationChanges() {
        Map<Perturbation, List<ScoredDocument>> perturbed = new LinkedHashMap<>();
        perturbed.put(Perturbation.CRLF, List.of(
                document("human one\r\n", false, 50, 0.95),    // human -> machine
                SAMPLE.get(1),                                 // not altered
                document("machine one\r\n", true, 50, 0.7),    // machine -> uncertain
                document("machine two\r\n", true, 50, 0.96),   // machine -> machine
                document("short human\r\n", false, 20, 0.99))); // too short either way: uncertain
        perturbed.put(Perturbation.TRAILING_NEWLINE, SAMPLE);
        RobustnessReport report = RobustnessReport.of(40, SAMPLE, perturbed, CALIBRATION, 3);

        assertThat(report.labelled()).containsExactly(S);
        // before: 2 machine, 2 human, the short one uncertain
        assertThat(report.labelsBefore().get(S)).containsExactly(Map.entry("machine", 2L), Map.entry("human", 2L),
                Map.entry("uncertain", 1L));
        assertThat(report.machineTexts()).isEqualTo(2);
        assertThat(report.humanTexts()).isEqualTo(3);
        RobustnessReport.Row crlf = report.perturbations().get(0);
        assertThat(crlf.perturbation()).isEqualTo("crlf");
        assertThat(crlf.texts()).isEqualTo(5);
        assertThat(crlf.altered()).isEqualTo(4);
        assertThat(crlf.labelChanges().get(S).compared()).isEqualTo(5);
        assertThat(crlf.labelChanges().get(S).changed()).isEqualTo(2);
        RobustnessReport.Row unchanged = report.perturbations().get(1);
        assertThat(unchanged.altered()).isZero();
        assertThat(unchanged.labelChanges().get(S).changed()).isZero();
        // machine {0.95, 0.95} against human {0.2, 0.2, 0.1}: 1; after, {0.7, 0.96} against {0.95, 0.2, 0.99}: 3/6
        assertThat(report.unperturbed().get(S)).isEqualTo(1.0);
        assertThat(crlf.auroc().get(S)).isEqualTo(0.5);
        assertThat(unchanged.auroc().get(S)).isEqualTo(1.0);

        String markdown = report.markdown();
        assertThat(markdown).startsWith("## Robustness to formatting")
                .contains("5 of the 40 distinct test-split texts (2 machine, 3 human", "target FPR 5.0%", "at most 2%")
                .contains("| perturbation | texts | altered | " + S + " |\n")
                .contains("| labels before: machine / human / uncertain | 5 | - | 2 / 2 / 1 |\n")
                .contains("| crlf | 5 | 4 | 0.4000 [", "(2/5) |", "| trailing-newline | 5 | 0 | 0.0000 [", "(0/5) |")
                .contains("| texts | " + S + " | " + T + " |", "| unperturbed | 1.000 |", "| crlf | 0.500 (-0.500) |");
    }

    @Test
    void shouldReportAurocsButNoLabelsWithoutACalibration() {
        RobustnessReport report = RobustnessReport.of(5, SAMPLE, Map.of(Perturbation.ONE_LINE, SAMPLE), null, 3);
        assertThat(report.labelled()).isEmpty();
        assertThat(report.perturbations().get(0).labelChanges()).isEmpty();
        assertThat(report.markdown()).contains("Labels are not compared: run with `--calibrate-out FILE` or `--thresholds FILE`.")
                .doesNotContain("Label changes").contains("| one-line | 1.000 (+0.000) |");
    }

    @Test
    void shouldRefuseAPerturbedListThatDoesNotMatchTheSample() {
        assertThatThrownBy(() -> RobustnessReport.of(5, SAMPLE, Map.of(Perturbation.CRLF, SAMPLE.subList(0, 4)),
                CALIBRATION, 3)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("crlf");
    }

    @Test
    void shouldSaySoWhenThereIsNothingToPerturb() {
        RobustnessReport report = RobustnessReport.of(0, List.of(), Map.of(Perturbation.CRLF, List.of()), CALIBRATION, 3);
        assertThat(report.markdown()).contains("No test-split texts to perturb.");
    }

    private static Judge judge() {
        double[] human = new double[19];
        java.util.Arrays.fill(human, 0.9);
        double[] machine = IntStream.range(0, 40).mapToDouble(i -> 0.5 + i / 100.0).toArray();
        ScoreCalibration score = new ScoreCalibration(0.9, 19, "one per document", null,
                List.of(new LengthCalibration(32, 0.9, 19, null, human, machine)), human, machine);
        return new Judge(CalibrationTable.of(new CalibrationFile(2, "m", "sha", null, 512, 0.05, null, null,
                Map.of(S, score))), PolicyThresholds.DEFAULTS.withMachinePValue(0.05));
    }

    private static ScoredDocument document(String text, boolean machine, int tokens, double score) {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put(S, score);
        scores.put(T, -score);
        return new ScoredDocument(new LabeledText(text, machine, machine ? "gen" : "human", "news", "f", 0), "test",
                tokens, scores);
    }
}
