package io.textprovenance.verdict.calibration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What one length's threshold did on the test texts at that length (cut to it, or whole at the longest length).
 *
 * @param humanTexts                        test human texts that reach the length
 * @param falsePositives                    of those, above this length's threshold
 * @param falsePositivesAtOverallThreshold  of those, above the whole-text threshold
 * @param machineTexts                      test machine texts that reach the length
 * @param truePositives                     of those, above this length's threshold
 * @param humansCalledHuman                 human texts called "human" at this length (not flagged, and a
 *                                          p-value against the machine references at most the policy's);
 *                                          null without machine references
 * @param machinesCalledHuman               machine texts called "human" at this length; null without machine
 *                                          references
 */
@JsonPropertyOrder({"humanTexts", "falsePositives", "falsePositivesAtOverallThreshold", "machineTexts",
        "truePositives", "humansCalledHuman", "machinesCalledHuman"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LengthCheck(int humanTexts, long falsePositives, long falsePositivesAtOverallThreshold,
                          int machineTexts, long truePositives, Long humansCalledHuman, Long machinesCalledHuman) {
}
