package io.textprovenance.evaluation.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.textprovenance.stats.calibration.ReferenceScores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Thresholds for the service's verdict: for each score, the conformal threshold at the target FPR from
 * the calibration split's human texts, the sorted reference scores for p-values, and what the threshold
 * does on the test split it was not calibrated on.
 *
 * <p>One human text per document: benchmark files hold one article several times, cut to other lengths,
 * and copies of a document score alike, so they are not exchangeable draws. The conformal guarantee needs
 * independent references; with the first text of each document (in data order) it holds per document.
 */
record Calibration(String model, double targetFpr, Map<String, Map<String, Object>> scores) {

    static Calibration of(List<ScoredDocument> documents, double targetFpr, String model) {
        List<ScoredDocument> calibration = onePerHumanDocument(
                documents.stream().filter(d -> d.split().equals("calibration")).toList());
        List<ScoredDocument> test = EvaluationReport.dedupeHumans(
                documents.stream().filter(d -> d.split().equals("test")).toList());
        Set<String> detectors = new LinkedHashSet<>();
        documents.forEach(d -> detectors.addAll(d.scores().keySet()));
        Map<String, Map<String, Object>> scores = new LinkedHashMap<>();
        for (String detector : detectors) {
            double[] human = values(calibration, detector, false);
            ReferenceScores reference = ReferenceScores.of(human);
            double threshold = reference.conformalThreshold(targetFpr);
            double[] testHuman = values(test, detector, false);
            double[] testMachine = values(test, detector, true);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("threshold", threshold);
            entry.put("rule", "machine when score > threshold (conformal p-value <= target FPR)");
            entry.put("calibration_human_texts", human.length);
            entry.put("calibration_unit", "one human text per document (first 20 words)");
            entry.put("test_human_texts", testHuman.length);
            entry.put("test_fpr", fractionAbove(testHuman, threshold));
            entry.put("test_machine_texts", testMachine.length);
            entry.put("test_tpr", fractionAbove(testMachine, threshold));
            double[] sorted = human.clone();
            Arrays.sort(sorted);
            entry.put("reference_scores", sorted);
            scores.put(detector, entry);
        }
        return new Calibration(model, targetFpr, scores);
    }

    /** The human texts, the first of each document (DocumentSplit.documentKey); machine texts dropped. */
    static List<ScoredDocument> onePerHumanDocument(List<ScoredDocument> documents) {
        Set<String> seen = new HashSet<>();
        return documents.stream().filter(d -> !d.text().machine())
                .filter(d -> seen.add(DocumentSplit.documentKey(d.text().text()))).toList();
    }

    void write(Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
    }

    private static double fractionAbove(double[] values, double threshold) {
        return values.length == 0 ? Double.NaN : Arrays.stream(values).filter(v -> v > threshold).count()
                / (double) values.length;
    }

    private static double[] values(List<ScoredDocument> documents, String detector, boolean machine) {
        return documents.stream().filter(d -> d.text().machine() == machine && d.scores().containsKey(detector))
                .mapToDouble(d -> d.scores().get(detector)).toArray();
    }
}
