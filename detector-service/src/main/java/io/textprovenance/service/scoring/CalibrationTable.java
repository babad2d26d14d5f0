package io.textprovenance.service.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.textprovenance.stats.calibration.ReferenceScores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Human reference scores and thresholds from {@code calibration.json} (written by the evaluation
 * harness): conformal p-values of a new score against human text, and the threshold at the target FPR.
 * Empty when the model directory has no calibration: the verdict then says the scores are uncalibrated.
 *
 * <p>Scores of short texts spread more than those of long ones, so a text is compared with human texts cut
 * to a similar length ({@code by_length}: the largest calibrated length not above its own), not with whole
 * documents, which would make the FPR of short texts exceed the target.
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
    private final Map<String, ScoreReferences> references;

    private CalibrationTable(double targetFpr, Map<String, ScoreReferences> references) {
        this.targetFpr = targetFpr;
        this.references = Map.copyOf(references);
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
            return new CalibrationTable(Double.NaN, Map.of());
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
            Map<String, ScoreReferences> references = new HashMap<>();
            root.path("scores").properties().forEach(entry -> {
                NavigableMap<Integer, References> byLength = new TreeMap<>();
                for (JsonNode level : entry.getValue().path("by_length")) {
                    byLength.put(level.path("tokens").asInt(), References.of(level));
                }
                references.put(entry.getKey(), new ScoreReferences(References.of(entry.getValue()), byLength));
            });
            return new CalibrationTable(root.path("targetFpr").asDouble(Double.NaN), references);
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

    /**
     * The conformal p-value of {@code score}, from a text of {@code tokens} tokens, among the human references
     * of {@code name}: those cut to the largest calibrated length not above {@code tokens} (the shortest
     * when the text is shorter than all), or whole human texts when the calibration has no lengths. Empty
     * if {@code name} is not calibrated.
     */
    public OptionalDouble pValue(String name, double score, int tokens) {
        ScoreReferences reference = references.get(name);
        return reference == null ? OptionalDouble.empty()
                : OptionalDouble.of(reference.forLength(tokens).human().pValue(score));
    }

    /**
     * The length in tokens of the human references that {@link #pValue} uses for a text of {@code tokens}
     * tokens; empty when {@code name} is not calibrated or is calibrated on whole texts only.
     */
    public OptionalInt referenceTokens(String name, int tokens) {
        ScoreReferences reference = references.get(name);
        Integer length = reference == null ? null : reference.length(tokens);
        return length == null ? OptionalInt.empty() : OptionalInt.of(length);
    }

    /**
     * The conformal p-value of "machine text" for {@code score} from a text of {@code tokens} tokens: the share
     * (1 + #{m <= score}) / (M + 1) of the calibration's machine texts, cut to the same length as
     * {@link #pValue}'s human references, that {@code name} scored at most as high. Small means the text
     * scores lower than machine text of its length does: evidence for "human". Empty without machine
     * references for {@code name}.
     */
    public OptionalDouble missPValue(String name, double score, int tokens) {
        ScoreReferences reference = references.get(name);
        if (reference == null) {
            return OptionalDouble.empty();
        }
        ReferenceScores machine = reference.forLength(tokens).machine();
        return machine == null ? OptionalDouble.empty() : OptionalDouble.of(machine.pValue(-score));
    }

    /**
     * The references of one length (or of whole texts): human scores, and machine scores negated, since their
     * p-value counts the scores at or below a new one; machine is null where the calibration has none.
     */
    private record References(ReferenceScores human, ReferenceScores machine) {

        static References of(JsonNode node) {
            double[] machine = values(node.path("machine_reference_scores"), -1);
            return new References(ReferenceScores.of(values(node.path("reference_scores"), 1)),
                    machine.length == 0 ? null : ReferenceScores.of(machine));
        }

        private static double[] values(JsonNode array, double sign) {
            double[] values = new double[array.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = sign * array.get(i).asDouble();
            }
            return values;
        }
    }

    /** One score's references: of whole texts, and of texts cut to each calibrated length. */
    private record ScoreReferences(References whole, NavigableMap<Integer, References> byLength) {

        References forLength(int tokens) {
            Integer length = length(tokens);
            return length == null ? whole : byLength.get(length);
        }

        /** The largest calibrated length not above tokens (the shortest if none), null without lengths. */
        Integer length(int tokens) {
            if (byLength.isEmpty()) {
                return null;
            }
            Integer length = byLength.floorKey(tokens);
            return length == null ? byLength.firstKey() : length;
        }
    }
}
