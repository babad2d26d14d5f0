package io.textprovenance.verdict.calibration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What one score's thresholds did on the test split, which fitted nothing. Human texts count once each.
 *
 * @param humanTexts                 test human texts
 * @param falsePositives             of those, scored above the whole-text threshold
 * @param machineTexts               test machine texts
 * @param truePositives              of those, scored above the whole-text threshold
 * @param byTokenBin                 the same counts by tokens scored
 * @param lengthMatchedFalsePositives human texts the service's rule flags (each against the references of its
 *                                    length); null without calibrated lengths
 * @param lengthMatchedTruePositives machine texts the service's rule flags; null without calibrated lengths
 * @param labelsOfHumanTexts         the service's labels of the human texts by this score; null without lengths
 * @param labelsOfMachineTexts       the service's labels of the machine texts by this score; null without lengths
 */
@JsonPropertyOrder({"humanTexts", "falsePositives", "machineTexts", "truePositives", "lengthMatchedFalsePositives",
        "lengthMatchedTruePositives", "labelsOfHumanTexts", "labelsOfMachineTexts", "byTokenBin"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TestCheck(int humanTexts, long falsePositives, int machineTexts, long truePositives,
                        List<TokenBin> byTokenBin, Long lengthMatchedFalsePositives, Long lengthMatchedTruePositives,
                        LabelCounts labelsOfHumanTexts, LabelCounts labelsOfMachineTexts) {

    public TestCheck {
        byTokenBin = byTokenBin == null ? List.of() : List.copyOf(byTokenBin);
    }

    /** falsePositives / humanTexts; NaN without human texts. */
    public double falsePositiveRate() {
        return humanTexts == 0 ? Double.NaN : falsePositives / (double) humanTexts;
    }

    /** truePositives / machineTexts; NaN without machine texts. */
    public double truePositiveRate() {
        return machineTexts == 0 ? Double.NaN : truePositives / (double) machineTexts;
    }

    /**
     * Test texts whose tokens scored fall in one bin.
     *
     * @param tokens e.g. "0-63" or "&gt;= 512"
     */
    public record TokenBin(String tokens, int humans, long falsePositives, int machines, long truePositives) {
    }

    /** How many texts got each label. */
    public record LabelCounts(long machine, long human, long uncertain) {

        public long total() {
            return machine + human + uncertain;
        }
    }
}
