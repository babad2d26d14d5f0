package io.textprovenance.verdict.calibration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One score's calibration: its references of whole texts and of texts cut to each calibrated length.
 *
 * @param threshold             the conformal threshold at the file's target FPR from the whole-text human
 *                              references: "machine" when a score is above it
 * @param calibrationHumanTexts how many human texts (one per document) the references hold
 * @param calibrationUnit       what one reference is, for people (e.g. "one human text per document")
 * @param test                  what the thresholds did on the test split; null when not checked
 * @param byLength              references at each calibrated length (texts cut to it; whole texts at least that
 *                              long at the longest), by increasing length
 * @param humanReferences       the human texts' scores, sorted (at least one)
 * @param machineReferences     the machine texts' scores, sorted; empty when there are none
 */
@JsonPropertyOrder({"threshold", "calibrationHumanTexts", "calibrationUnit", "test", "byLength", "humanReferences",
        "machineReferences"})
public record ScoreCalibration(double threshold, int calibrationHumanTexts, String calibrationUnit,
                               @JsonInclude(JsonInclude.Include.NON_NULL) TestCheck test,
                               List<LengthCalibration> byLength, double[] humanReferences, double[] machineReferences) {

    /**
     * @throws IllegalArgumentException when there are no human references or the lengths are not increasing
     */
    public ScoreCalibration {
        if (humanReferences == null || humanReferences.length == 0) {
            throw new IllegalArgumentException("humanReferences is empty");
        }
        humanReferences = humanReferences.clone();
        machineReferences = machineReferences == null ? new double[0] : machineReferences.clone();
        byLength = byLength == null ? List.of() : List.copyOf(byLength);
        byLength.forEach(level -> Objects.requireNonNull(level, "byLength entry"));
        if (!byLength.stream().sorted(Comparator.comparingInt(LengthCalibration::tokens)).toList().equals(byLength)
                || byLength.stream().map(LengthCalibration::tokens).distinct().count() != byLength.size()) {
            throw new IllegalArgumentException("byLength must list each length once, by increasing tokens");
        }
    }
}
