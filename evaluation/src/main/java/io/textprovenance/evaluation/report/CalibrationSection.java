package io.textprovenance.evaluation.report;

import io.textprovenance.verdict.DetectorName;
import io.textprovenance.verdict.Judge;
import io.textprovenance.verdict.Label;
import io.textprovenance.verdict.calibration.CalibrationFile;
import io.textprovenance.verdict.calibration.LengthCalibration;
import io.textprovenance.verdict.calibration.TestCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The section of report.md on a fitted calibration: per score the threshold, how many human documents fitted it,
 * and the FPR and TPR it reaches on the test split, with 95% intervals by document ({@link DocumentRate}); the
 * same by length; and the service's labels.
 */
final class CalibrationSection {

    private CalibrationSection() {
    }

    /**
     * @param file  the fitted calibration
     * @param test  the test split's texts (human texts once each)
     * @param judge the service's rule with the fitted references
     */
    static String markdown(CalibrationFile file, List<ScoredDocument> test, Judge judge) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "## Calibrated thresholds (target FPR %.1f%%)%n%n",
                100 * file.targetFpr()));
        md.append("Conformal threshold from the calibration split's human texts (one per document); machine when the"
                + " score is above it. Test FPR and TPR on the test split, which fitted nothing; 95% intervals by"
                + " document (a cluster bootstrap over documents; for 0/n or n/n, Wilson over one text per document)."
                + " The last two columns apply the service's rule instead: each test text's p-values against the"
                + " references of its length, labelled by the verdict library's policy (machine at p <= "
                + judge.thresholds().machinePValue() + ", at least " + judge.thresholds().minTokens() + " tokens).\n\n"
                + "| score | threshold | calibration humans | test FPR [95% CI] | test TPR [95% CI] | test FPR, service's"
                + " rule | test TPR, service's rule |\n|---|---|---|---|---|---|---|\n");
        file.scores().forEach((detector, score) -> {
            List<ScoredDocument> humans = members(test, detector, false);
            List<ScoredDocument> machines = members(test, detector, true);
            boolean lengths = !score.byLength().isEmpty();
            DetectorName name = DetectorName.of(detector);
            md.append("| ").append(detector).append(" | ").append(String.format(Locale.ROOT, "%.4f", score.threshold()))
                    .append(" | ").append(score.calibrationHumanTexts()).append(" | ")
                    .append(DocumentRate.of(humans, d -> d.scores().get(detector) > score.threshold()).format())
                    .append(" | ")
                    .append(DocumentRate.of(machines, d -> d.scores().get(detector) > score.threshold()).format())
                    .append(" | ").append(lengths ? flagged(humans, name, judge) : "no lengths").append(" | ")
                    .append(lengths ? flagged(machines, name, judge) : "no lengths").append(" |\n");
        });
        md.append("\nTest FPR by length (tokens scored): false positives / human texts; a short text carries less"
                + " evidence, and the threshold is one for all lengths.\n\n| score |");
        for (int bin = 0; bin <= CalibrationFit.LENGTH_BINS.length; bin++) {
            md.append(' ').append(CalibrationFit.binName(bin)).append(" |");
        }
        md.append("\n|---|").append("---|".repeat(CalibrationFit.LENGTH_BINS.length + 1)).append('\n');
        file.scores().forEach((detector, score) -> {
            md.append("| ").append(detector).append(" |");
            List<TestCheck.TokenBin> bins = score.test() == null ? List.of() : score.test().byTokenBin();
            bins.forEach(bin -> md.append(' ').append(bin.falsePositives()).append('/').append(bin.humans()).append(" |"));
            md.append('\n');
        });
        md.append("\nCalibrated by length: the test humans' first L tokens against the threshold calibrated on the"
                + " calibration humans' first L tokens (at the longest L, whole texts of at least L tokens on both"
                + " sides) (false positives / texts), and in brackets against the"
                + " all-lengths threshold above. The service compares a text with the references of the largest L"
                + " not above its length.\n\n| score |");
        lengthTable(md, file, level -> level == null || level.test() == null ? "too few references"
                : level.test().falsePositives() + "/" + level.test().humanTexts() + " ("
                + level.test().falsePositivesAtOverallThreshold() + ")");
        md.append(String.format(Locale.ROOT, "%nCalled human by length: not flagged, and a p-value against the calibration"
                + " machine texts of length L (one per document and generator) at most %s. Test humans called human /"
                + " test humans; test machine texts called human / test machine texts.%n%n| score |",
                judge.thresholds().humanMissPValue()));
        lengthTable(md, file, level -> level == null || level.test() == null || level.test().humansCalledHuman() == null
                ? "-" : level.test().humansCalledHuman() + "/" + level.test().humanTexts() + "; "
                + level.test().machinesCalledHuman() + "/" + level.test().machineTexts());
        md.append(String.format(Locale.ROOT, "%nThe service's labels on the test texts (at least %d tokens, references of"
                + " the text's length) by each score as the policy's: machine / human / uncertain.%n%n| score | human"
                + " texts | machine texts |%n|---|---|---|%n", judge.thresholds().minTokens()));
        file.scores().forEach((detector, score) -> md.append("| ").append(detector).append(" | ")
                .append(labels(score.test() == null ? null : score.test().labelsOfHumanTexts())).append(" | ")
                .append(labels(score.test() == null ? null : score.test().labelsOfMachineTexts())).append(" |\n"));
        return md.append('\n').toString();
    }

    private static String flagged(List<ScoredDocument> members, DetectorName name, Judge judge) {
        return DocumentRate.of(members, d -> ServiceLabels.labelBy(judge, name, d) == Label.MACHINE).format();
    }

    private static List<ScoredDocument> members(List<ScoredDocument> test, String detector, boolean machine) {
        return test.stream().filter(d -> d.text().machine() == machine && d.scores().containsKey(detector)).toList();
    }

    /** A table with a row per score and a column per calibration length; cell gets the level, or null. */
    private static void lengthTable(StringBuilder md, CalibrationFile file, Function<LengthCalibration, String> cell) {
        Prefixes.LENGTHS.forEach(length -> md.append(" L = ").append(length).append(" |"));
        md.append("\n|---|").append("---|".repeat(Prefixes.LENGTHS.size())).append('\n');
        file.scores().forEach((detector, score) -> {
            md.append("| ").append(detector).append(" |");
            Map<Integer, LengthCalibration> byTokens = new LinkedHashMap<>();
            score.byLength().forEach(level -> byTokens.put(level.tokens(), level));
            Prefixes.LENGTHS.forEach(length -> md.append(' ').append(cell.apply(byTokens.get(length))).append(" |"));
            md.append('\n');
        });
    }

    private static String labels(TestCheck.LabelCounts counts) {
        return counts == null ? "no lengths" : counts.machine() + " / " + counts.human() + " / " + counts.uncertain();
    }
}
