package io.textprovenance.evaluation.report;

import io.textprovenance.evaluation.data.DocumentSplit;
import io.textprovenance.stats.calibration.ReferenceScores;
import io.textprovenance.verdict.CalibrationTable;
import io.textprovenance.verdict.DetectorName;
import io.textprovenance.verdict.Judge;
import io.textprovenance.verdict.Label;
import io.textprovenance.verdict.PolicyThresholds;
import io.textprovenance.verdict.calibration.CalibrationFile;
import io.textprovenance.verdict.calibration.LengthCalibration;
import io.textprovenance.verdict.calibration.LengthCheck;
import io.textprovenance.verdict.calibration.ScoreCalibration;
import io.textprovenance.verdict.calibration.TestCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fits calibration.json ({@code Evaluate --calibrate-out}): for each score, the conformal threshold at the target
 * FPR from the calibration split's human texts, the sorted human and machine reference scores (whole, and at
 * each of {@link Prefixes#LENGTHS}: see {@link #atLength}), and what they do on the test split, which fitted
 * nothing. The test split's labels are the service's, from the verdict library's {@link Judge} with the fitted
 * references.
 *
 * <p>One human text per document: benchmark files hold one article several times, cut to other lengths, and
 * copies of a document score alike, so they are not exchangeable draws. The conformal guarantee needs
 * independent references; with the first text of each document (in data order) it holds per document.
 */
final class CalibrationFit {

    static final String CALIBRATION_UNIT = "one human text per document (first 20 words)";

    /** Upper bounds (exclusive) of the token-length bins of the test rates; the last bin is the rest. */
    static final int[] LENGTH_BINS = {64, 128, 256, 512};

    private CalibrationFit() {
    }

    /**
     * @param documents  every scored text, with its split
     * @param targetFpr  the false-positive rate of the thresholds, in (0, 1)
     * @param policy     the policy the test split's labels are counted with
     * @param split      the split to record in the file (its seed and document hashes)
     */
    static CalibrationFile fit(List<ScoredDocument> documents, double targetFpr, String model, String modelSha256,
                               String pawnSha256, int maxTokens, PolicyThresholds policy,
                               CalibrationFile.SplitRecord split) {
        List<ScoredDocument> calibration = onePerHumanDocument(inSplit(documents, "calibration"));
        List<ScoredDocument> test = EvaluationReport.dedupeHumans(inSplit(documents, "test"));
        List<ScoredDocument> calibrationMachine = machineTexts(documents, "calibration");
        Set<String> detectors = new LinkedHashSet<>();
        documents.forEach(d -> detectors.addAll(d.scores().keySet()));
        // first the references, then the test split's labels with a table of those references
        Map<String, ScoreCalibration> references = new LinkedHashMap<>();
        for (String detector : detectors) {
            double[] human = values(calibration, detector, false);
            double threshold = ReferenceScores.of(human).conformalThreshold(targetFpr);
            List<LengthCalibration> levels = new ArrayList<>();
            for (int length : Prefixes.LENGTHS) {
                double[] humanAtLength = atLength(calibration, length, detector, false);
                if (Math.floor(targetFpr * (humanAtLength.length + 1)) >= 1) {   // else too few for the target FPR
                    levels.add(new LengthCalibration(length, ReferenceScores.of(humanAtLength).conformalThreshold(targetFpr),
                            humanAtLength.length, null, sorted(humanAtLength),
                            sorted(atLength(calibrationMachine, length, detector, true))));
                }
            }
            references.put(detector, new ScoreCalibration(threshold, human.length, CALIBRATION_UNIT, null, levels,
                    sorted(human), sorted(values(calibrationMachine, detector, true))));
        }
        CalibrationFile.TestPolicy testPolicy = new CalibrationFile.TestPolicy(policy.minTokens(), policy.machinePValue(),
                policy.humanMissPValue());
        CalibrationFile fitted = new CalibrationFile(CalibrationFile.FORMAT_VERSION, model, modelSha256, pawnSha256,
                maxTokens, targetFpr, split, testPolicy, references);
        Judge judge = new Judge(CalibrationTable.of(fitted), policy);
        Map<String, ScoreCalibration> checked = new LinkedHashMap<>();
        references.forEach((detector, score) -> checked.put(detector, checked(score, detector, test, judge)));
        return new CalibrationFile(CalibrationFile.FORMAT_VERSION, model, modelSha256, pawnSha256, maxTokens, targetFpr,
                split, testPolicy, checked);
    }

    /** The score's references with what they did on the test texts. */
    private static ScoreCalibration checked(ScoreCalibration score, String detector, List<ScoredDocument> test,
                                            Judge judge) {
        DetectorName name = DetectorName.of(detector);
        double[] testHuman = values(test, detector, false);
        double[] testMachine = values(test, detector, true);
        List<LengthCalibration> levels = score.byLength().stream()
                .map(level -> checked(level, score.threshold(), name, test, judge)).toList();
        boolean lengths = !levels.isEmpty();
        TestCheck check = new TestCheck(testHuman.length, countAbove(testHuman, score.threshold()), testMachine.length,
                countAbove(testMachine, score.threshold()), byTokenBin(test, detector, score.threshold()),
                lengths ? countLabelled(test, name, false, Label.MACHINE, judge) : null,
                lengths ? countLabelled(test, name, true, Label.MACHINE, judge) : null,
                lengths ? labelCounts(test, name, false, judge) : null,
                lengths ? labelCounts(test, name, true, judge) : null);
        return new ScoreCalibration(score.threshold(), score.calibrationHumanTexts(), score.calibrationUnit(), check,
                levels, score.humanReferences(), score.machineReferences());
    }

    /**
     * One length's references with what its threshold did on the test texts at that length ({@link #atLength}),
     * beside the whole-text threshold, and how many of them the policy calls human at that length.
     */
    private static LengthCalibration checked(LengthCalibration level, double overallThreshold, DetectorName name,
                                             List<ScoredDocument> test, Judge judge) {
        double[] testHuman = atLength(test, level.tokens(), name.id(), false);
        double[] testMachine = atLength(test, level.tokens(), name.id(), true);
        boolean machineReferences = level.machineReferences().length > 0;
        LengthCheck check = new LengthCheck(testHuman.length, countAbove(testHuman, level.threshold()),
                countAbove(testHuman, overallThreshold), testMachine.length, countAbove(testMachine, level.threshold()),
                machineReferences ? calledHuman(testHuman, name, level.tokens(), judge) : null,
                machineReferences ? calledHuman(testMachine, name, level.tokens(), judge) : null);
        return new LengthCalibration(level.tokens(), level.threshold(), level.calibrationHumanTexts(), check,
                level.humanReferences(), level.machineReferences());
    }

    private static long calledHuman(double[] scores, DetectorName name, int tokens, Judge judge) {
        return Arrays.stream(scores).filter(score -> judge.decideBy(name, prefixText(name, score, tokens)).label()
                == Label.HUMAN).count();
    }

    /** A text of exactly {@code tokens} tokens with one score: a test text's prefix of that length. */
    private static io.textprovenance.verdict.TextScores prefixText(DetectorName name, double score, int tokens) {
        return new io.textprovenance.verdict.TextScores(true, tokens, Map.of(name, score),
                name == DetectorName.PAWN ? tokens : 0);
    }

    private static long countLabelled(List<ScoredDocument> test, DetectorName name, boolean machine, Label label,
                                      Judge judge) {
        return test.stream().filter(d -> d.text().machine() == machine)
                .filter(d -> ServiceLabels.labelBy(judge, name, d) == label).count();
    }

    private static TestCheck.LabelCounts labelCounts(List<ScoredDocument> test, DetectorName name, boolean machine,
                                                     Judge judge) {
        return new TestCheck.LabelCounts(countLabelled(test, name, machine, Label.MACHINE, judge),
                countLabelled(test, name, machine, Label.HUMAN, judge),
                countLabelled(test, name, machine, Label.UNCERTAIN, judge));
    }

    /** Test texts per token-length bin: humans and false positives, machine texts and true positives. */
    static List<TestCheck.TokenBin> byTokenBin(List<ScoredDocument> test, String detector, double threshold) {
        List<TestCheck.TokenBin> bins = new ArrayList<>();
        for (int bin = 0; bin <= LENGTH_BINS.length; bin++) {
            int from = bin == 0 ? 0 : LENGTH_BINS[bin - 1];
            int to = bin == LENGTH_BINS.length ? Integer.MAX_VALUE : LENGTH_BINS[bin];
            List<ScoredDocument> members = test.stream().filter(d -> d.tokens() >= from && d.tokens() < to).toList();
            double[] human = values(members, detector, false);
            double[] machine = values(members, detector, true);
            bins.add(new TestCheck.TokenBin(binName(bin), human.length, countAbove(human, threshold), machine.length,
                    countAbove(machine, threshold)));
        }
        return bins;
    }

    static String binName(int bin) {
        if (bin == LENGTH_BINS.length) {
            return ">= " + LENGTH_BINS[bin - 1];
        }
        return (bin == 0 ? 0 : LENGTH_BINS[bin - 1]) + "-" + (LENGTH_BINS[bin] - 1);
    }

    /** The human texts, the first of each document (DocumentSplit.documentKey); machine texts dropped. */
    static List<ScoredDocument> onePerHumanDocument(List<ScoredDocument> documents) {
        Set<String> seen = new HashSet<>();
        return documents.stream().filter(d -> !d.text().machine())
                .filter(d -> seen.add(DocumentSplit.documentKey(d.text().text()))).toList();
    }

    /**
     * The machine texts of a split, one per human document and generator (the first in data order): the files
     * hold one generator's continuation of a document several times, cut to other lengths, and copies score
     * alike, so they are not independent references for the rate at which machine text is called human.
     */
    static List<ScoredDocument> machineTexts(List<ScoredDocument> documents, String split) {
        Set<String> seen = new HashSet<>();
        return documents.stream().filter(d -> d.text().machine() && d.split().equals(split))
                .filter(d -> seen.add(d.document() + "\u0000" + d.text().generator())).toList();
    }

    private static List<ScoredDocument> inSplit(List<ScoredDocument> documents, String split) {
        return documents.stream().filter(d -> d.split().equals(split)).toList();
    }

    /**
     * The scores of the texts that reach {@code length} tokens, as the service compares a text of that length
     * with them (the largest calibrated length not above its own). Below the longest calibration length, the
     * scores of the texts' first {@code length} tokens: a text of 40 tokens is judged among texts cut to 32, not
     * among whole documents, whose scores are less spread. At the longest, the scores of the whole texts of at
     * least {@code length} tokens: the texts judged there are scored whole, so these references are scored as
     * they are (cut to their first tokens, human references sit above the whole long texts they judge, and the
     * threshold with them: docs/evaluation.md measures what that cost).
     */
    private static double[] atLength(List<ScoredDocument> documents, int length, String detector, boolean machine) {
        if (length == Prefixes.LONGEST) {
            return values(documents.stream().filter(d -> d.tokens() >= length).toList(), detector, machine);
        }
        return documents.stream().filter(d -> d.text().machine() == machine)
                .map(d -> d.prefixScores().get(length)).filter(s -> s != null && s.containsKey(detector))
                .mapToDouble(s -> s.get(detector)).toArray();
    }

    static double[] values(List<ScoredDocument> documents, String detector, boolean machine) {
        return documents.stream().filter(d -> d.text().machine() == machine && d.scores().containsKey(detector))
                .mapToDouble(d -> d.scores().get(detector)).toArray();
    }

    private static double[] sorted(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    private static long countAbove(double[] values, double threshold) {
        return Arrays.stream(values).filter(v -> v > threshold).count();
    }
}
