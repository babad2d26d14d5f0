package io.textprovenance.service.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.textprovenance.stats.calibration.ReferenceScores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Human reference scores and thresholds from {@code calibration.json} (written by the evaluation
 * harness): conformal p-values of a new score against human text, and the threshold at the target FPR.
 * Empty when the model directory has no calibration: the verdict then says the scores are uncalibrated.
 */
public final class CalibrationTable {

    private final double targetFpr;
    private final Map<String, ReferenceScores> references;
    private final Map<String, Double> thresholds;

    private CalibrationTable(double targetFpr, Map<String, ReferenceScores> references, Map<String, Double> thresholds) {
        this.targetFpr = targetFpr;
        this.references = Map.copyOf(references);
        this.thresholds = Map.copyOf(thresholds);
    }

    public static CalibrationTable load(Path file) {
        if (!Files.isRegularFile(file)) {
            return new CalibrationTable(Double.NaN, Map.of(), Map.of());
        }
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            Map<String, ReferenceScores> references = new HashMap<>();
            Map<String, Double> thresholds = new HashMap<>();
            root.path("scores").properties().forEach(entry -> {
                JsonNode values = entry.getValue().path("reference_scores");
                double[] scores = new double[values.size()];
                for (int i = 0; i < scores.length; i++) {
                    scores[i] = values.get(i).asDouble();
                }
                references.put(entry.getKey(), ReferenceScores.of(scores));
                thresholds.put(entry.getKey(), entry.getValue().path("threshold").asDouble());
            });
            return new CalibrationTable(root.path("targetFpr").asDouble(Double.NaN), references, thresholds);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read calibration " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    public boolean isEmpty() {
        return references.isEmpty();
    }

    public double targetFpr() {
        return targetFpr;
    }

    /** The conformal p-value of {@code score} among the human references of {@code name}, if calibrated. */
    public OptionalDouble pValue(String name, double score) {
        ReferenceScores reference = references.get(name);
        return reference == null ? OptionalDouble.empty() : OptionalDouble.of(reference.pValue(score));
    }

    /** The threshold of {@code name} at the target FPR, if calibrated. */
    public OptionalDouble threshold(String name) {
        Double threshold = thresholds.get(name);
        return threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold);
    }
}
