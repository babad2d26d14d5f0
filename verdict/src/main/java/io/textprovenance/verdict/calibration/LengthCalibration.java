package io.textprovenance.verdict.calibration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One score's references of texts cut to their first {@code tokens} tokens, or, at the longest calibrated length,
 * of the whole texts at least that long (files fitted before that rule hold texts cut there too): the service
 * compares a text with those of the largest calibrated length not above its own.
 *
 * @param tokens                the length, at least 1
 * @param threshold             the conformal threshold at the target FPR from these human references
 * @param calibrationHumanTexts how many human texts the references hold
 * @param test                  what the threshold did on the test texts at this length; null when
 *                              not checked
 * @param humanReferences       the human texts' scores at this length, sorted (at least one)
 * @param machineReferences     the machine texts' scores at this length, sorted; empty when there are none
 */
@JsonPropertyOrder({"tokens", "threshold", "calibrationHumanTexts", "test", "humanReferences", "machineReferences"})
public record LengthCalibration(int tokens, double threshold, int calibrationHumanTexts,
                                @JsonInclude(JsonInclude.Include.NON_NULL) LengthCheck test,
                                double[] humanReferences, double[] machineReferences) {

    /**
     * @throws IllegalArgumentException when the length is below 1 or there are no human references
     */
    public LengthCalibration {
        if (tokens < 1) {
            throw new IllegalArgumentException("tokens must be at least 1, got " + tokens);
        }
        if (humanReferences == null || humanReferences.length == 0) {
            throw new IllegalArgumentException("humanReferences at " + tokens + " tokens is empty");
        }
        humanReferences = humanReferences.clone();
        machineReferences = machineReferences == null ? new double[0] : machineReferences.clone();
    }
}
