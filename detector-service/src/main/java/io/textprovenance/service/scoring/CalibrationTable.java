package io.textprovenance.service.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.textprovenance.stats.calibration.ReferenceScores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Human reference scores and thresholds from {@code calibration.json} (written by the evaluation
 * harness): conformal p-values of a new score against human text, and the threshold at the target FPR.
 * Empty when the model directory has no calibration: the verdict then says the scores are uncalibrated.
 *
 * <p>The file pins the backbone ({@code modelSha256}) and the PAWN head ({@code pawnSha256}) whose scores
 * it holds; reference scores of another model would give p-values without meaning, so loading refuses a
 * calibration made for another backbone or head (stale after a model upgrade) instead of serving them.
 */
public final class CalibrationTable {

    /** The PAWN head's entry in calibration.json (the evaluation harness's detector name). */
    public static final String PAWN = "pawn";

    private static final String REGENERATE = "Regenerate it for this model (evaluation/run.sh Evaluate --data DIR"
            + " --model MODEL_DIR --calibration MODEL_DIR/calibration.json) or remove it to serve uncalibrated verdicts.";

    private final double targetFpr;
    private final Map<String, ReferenceScores> references;
    private final Map<String, Double> thresholds;

    private CalibrationTable(double targetFpr, Map<String, ReferenceScores> references, Map<String, Double> thresholds) {
        this.targetFpr = targetFpr;
        this.references = Map.copyOf(references);
        this.thresholds = Map.copyOf(thresholds);
    }

    /**
     * @param file        calibration.json; an empty table when it does not exist
     * @param modelSha256 the sha256 of the loaded backbone's model.onnx
     * @param pawnSha256  the sha256 of the loaded pawn.onnx, empty without a PAWN head
     * @throws IllegalStateException naming the file and the reason when it cannot be read or was made for
     *                               another backbone or PAWN head
     */
    public static CalibrationTable load(Path file, String modelSha256, Optional<String> pawnSha256) {
        if (!Files.isRegularFile(file)) {
            return new CalibrationTable(Double.NaN, Map.of(), Map.of());
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read calibration " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        requireSameModel(file, "modelSha256", root.path("modelSha256").asText(""), modelSha256, "backbone model.onnx");
        if (pawnSha256.isPresent() && root.path("scores").has(PAWN)) {
            requireSameModel(file, "pawnSha256", root.path("pawnSha256").asText(""), pawnSha256.get(), "PAWN head pawn.onnx");
        }
        try {
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
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read calibration " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static void requireSameModel(Path file, String field, String pinned, String loaded, String what) {
        if (pinned.isEmpty()) {
            throw new IllegalStateException("calibration " + file.toAbsolutePath() + " has no " + field + ": it does not"
                    + " say which model it was made for. " + REGENERATE);
        }
        if (!pinned.equalsIgnoreCase(loaded)) {
            throw new IllegalStateException("calibration " + file.toAbsolutePath() + " was made for the " + what
                    + " with sha256 " + pinned + ", but the loaded one is " + loaded + ". " + REGENERATE);
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
