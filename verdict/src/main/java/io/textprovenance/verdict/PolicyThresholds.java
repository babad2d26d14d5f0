package io.textprovenance.verdict;

/**
 * The numbers of the labelling policy (docs/verdict.md); the service binds them from detector.verdict.*, the
 * evaluation from its command line, both with the defaults of {@link #DEFAULTS}.
 *
 * @param minTokens       below this many tokens the label is "uncertain" (too short to judge), at least 1
 * @param machinePValue   "machine" when the policy score's conformal p-value against human texts of the text's
 *                        length is at most this: the false-positive rate one accepts, in (0, 0.5]
 * @param humanMissPValue "human" when, not "machine", the p-value against machine texts of its length is at
 *                        most this: the rate at which machine text like the calibration's is called human, in
 *                        (0, 0.5]
 * @param pawnMachine     uncalibrated PAWN head only: "machine" when P(machine) is at least this, in [0, 1]
 * @param pawnHuman       uncalibrated PAWN head only: "human" when P(machine) is below this, in [0, pawnMachine]
 */
public record PolicyThresholds(int minTokens, double machinePValue, double humanMissPValue, double pawnMachine,
                               double pawnHuman) {

    /** The service's defaults (detector.verdict.*). */
    public static final PolicyThresholds DEFAULTS = new PolicyThresholds(32, 0.01, 0.05, 0.5, 0.2);

    /**
     * @throws IllegalArgumentException naming the first value out of its range
     */
    public PolicyThresholds {
        if (minTokens < 1) {
            throw new IllegalArgumentException("minTokens must be at least 1, got " + minTokens);
        }
        requireIn("machinePValue", machinePValue, 0, 0.5);
        requireIn("humanMissPValue", humanMissPValue, 0, 0.5);
        if (!(pawnMachine >= 0 && pawnMachine <= 1)) {
            throw new IllegalArgumentException("pawnMachine must be in [0, 1], got " + pawnMachine);
        }
        if (!(pawnHuman >= 0 && pawnHuman <= pawnMachine)) {
            throw new IllegalArgumentException("pawnHuman must be in [0, pawnMachine = " + pawnMachine + "], got "
                    + pawnHuman);
        }
    }

    /** These thresholds with another machinePValue. */
    public PolicyThresholds withMachinePValue(double value) {
        return new PolicyThresholds(minTokens, value, humanMissPValue, pawnMachine, pawnHuman);
    }

    /** These thresholds with another humanMissPValue. */
    public PolicyThresholds withHumanMissPValue(double value) {
        return new PolicyThresholds(minTokens, machinePValue, value, pawnMachine, pawnHuman);
    }

    /** These thresholds with another minTokens. */
    public PolicyThresholds withMinTokens(int value) {
        return new PolicyThresholds(value, machinePValue, humanMissPValue, pawnMachine, pawnHuman);
    }

    private static void requireIn(String name, double value, double exclusiveLow, double high) {
        if (!(value > exclusiveLow && value <= high)) {
            throw new IllegalArgumentException(name + " must be in (" + exclusiveLow + ", " + high + "], got " + value);
        }
    }
}
