package io.textprovenance.verdict;

import io.textprovenance.stats.calibration.ReferenceScores;
import io.textprovenance.verdict.calibration.CalibrationFile;
import io.textprovenance.verdict.calibration.LengthCalibration;
import io.textprovenance.verdict.calibration.ScoreCalibration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The reference scores of a {@link CalibrationFile}, looked up by score and length: the conformal p-values of a
 * new score against the calibration's human texts and against its machine texts. Empty when the model directory
 * has no calibration: every score is then uncalibrated.
 *
 * <p>Scores of short texts spread more than those of long ones, so a text is compared with texts cut to a
 * similar length (the largest calibrated length not above its own; the shortest when it is shorter than all),
 * not with whole documents, which would make the FPR of short texts exceed the target. At the longest calibrated
 * length the references are the whole texts at least that long, scored as the texts judged there are.
 */
public final class CalibrationTable {

    /** No calibration: every score uncalibrated. */
    public static final CalibrationTable EMPTY = new CalibrationTable(Double.NaN, Map.of());

    private static final String REGENERATE = "Regenerate it for this model (evaluation/run.sh Evaluate --data DIR"
            + " --model MODEL_DIR --calibrate-out MODEL_DIR/calibration.json) or remove it to serve uncalibrated verdicts.";

    private final double targetFpr;
    private final Map<DetectorName, ScoreReferences> references;

    private CalibrationTable(double targetFpr, Map<DetectorName, ScoreReferences> references) {
        this.targetFpr = targetFpr;
        this.references = references.isEmpty() ? Map.of() : new EnumMap<>(references);
    }

    /**
     * The table of a calibration file, whatever model it was made for.
     *
     * @throws IllegalArgumentException when it names a score that is not a {@link DetectorName}
     */
    public static CalibrationTable of(CalibrationFile file) {
        Map<DetectorName, ScoreReferences> references = new EnumMap<>(DetectorName.class);
        file.scores().forEach((name, score) -> references.put(DetectorName.of(name), ScoreReferences.of(score)));
        return new CalibrationTable(file.targetFpr(), references);
    }

    /**
     * The calibration of a model directory, refused when it was made for another backbone or PAWN head (its
     * reference scores would give p-values without meaning after a model upgrade).
     *
     * @param file        calibration.json; {@link #EMPTY} when it does not exist
     * @param modelSha256 the sha256 of the loaded backbone's model.onnx
     * @param pawnSha256  the sha256 of the loaded pawn.onnx, empty without a PAWN head
     * @throws IllegalStateException naming the file and the reason when it cannot be read or was made for
     *                               another backbone or PAWN head
     */
    public static CalibrationTable load(Path file, String modelSha256, Optional<String> pawnSha256) {
        if (!Files.isRegularFile(file)) {
            return EMPTY;
        }
        CalibrationFile calibration;
        try {
            calibration = CalibrationFile.read(file);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read calibration " + file.toAbsolutePath() + ": " + e.getMessage()
                    + ". " + REGENERATE, e);
        }
        requireSameModel(file, calibration.modelSha256(), modelSha256, "backbone model.onnx");
        if (pawnSha256.isPresent() && calibration.scores().containsKey(DetectorName.PAWN.id())) {
            if (calibration.pawnSha256() == null) {
                throw new IllegalStateException("calibration " + file.toAbsolutePath() + " has a pawn score but no"
                        + " pawnSha256: it does not say which PAWN head it was made for. " + REGENERATE);
            }
            requireSameModel(file, calibration.pawnSha256(), pawnSha256.get(), "PAWN head pawn.onnx");
        }
        try {
            return of(calibration);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read calibration " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static void requireSameModel(Path file, String pinned, String loaded, String what) {
        if (!pinned.equalsIgnoreCase(loaded)) {
            throw new IllegalStateException("calibration " + file.toAbsolutePath() + " was made for the " + what
                    + " with sha256 " + pinned + ", but the loaded one is " + loaded + ". " + REGENERATE);
        }
    }

    public boolean isEmpty() {
        return references.isEmpty();
    }

    /** The target FPR the file was fitted at; NaN when empty. */
    public double targetFpr() {
        return targetFpr;
    }

    /** The calibrated scores. */
    public Set<DetectorName> calibrated() {
        return references.keySet();
    }

    /**
     * The conformal p-values of {@code score} of a text of {@code tokens} tokens: against the human references of
     * {@code name} of the largest calibrated length not above {@code tokens} (the shortest when the text is shorter
     * than all; whole texts when the calibration has no lengths), (1 + #{h >= score}) / (H + 1); and against the
     * machine references of the same length, (1 + #{m <= score}) / (M + 1), null when there are none.
     *
     * @return {@link PValues#NONE} when {@code name} is not calibrated
     */
    public PValues pValues(DetectorName name, double score, int tokens) {
        ScoreReferences reference = references.get(name);
        if (reference == null) {
            return PValues.NONE;
        }
        Integer length = reference.length(tokens);
        References level = length == null ? reference.whole() : reference.byLength().get(length);
        return new PValues(level.human().pValue(score),
                level.negatedMachine() == null ? null : level.negatedMachine().pValue(-score), length);
    }

    /**
     * Human scores, and machine scores negated (their p-value counts the scores at or below a new one); machine
     * is null where the calibration has none.
     */
    private record References(ReferenceScores human, ReferenceScores negatedMachine) {

        static References of(double[] human, double[] machine) {
            return new References(ReferenceScores.of(human),
                    machine.length == 0 ? null : ReferenceScores.of(Arrays.stream(machine).map(v -> -v).toArray()));
        }
    }

    /** One score's references: of whole texts, and of texts cut to each calibrated length. */
    private record ScoreReferences(References whole, NavigableMap<Integer, References> byLength) {

        static ScoreReferences of(ScoreCalibration score) {
            NavigableMap<Integer, References> byLength = new TreeMap<>();
            for (LengthCalibration level : score.byLength()) {
                byLength.put(level.tokens(), References.of(level.humanReferences(), level.machineReferences()));
            }
            return new ScoreReferences(References.of(score.humanReferences(), score.machineReferences()), byLength);
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
