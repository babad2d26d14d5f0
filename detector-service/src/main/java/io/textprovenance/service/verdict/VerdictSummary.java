package io.textprovenance.service.verdict;

import io.textprovenance.verdict.Decision;
import io.textprovenance.verdict.Label;
import io.textprovenance.verdict.PValues;
import java.util.Locale;

/**
 * The verdict in plain words ({@link Verdict#summary()}): what the label means, how often such a call goes wrong
 * by the calibration, and which part of the text it rests on. Written for a reader who is not a statistician; the
 * numbers behind it stay in {@link Verdict#reason()} and the fields.
 */
final class VerdictSummary {

    private final VerdictProperties properties;

    VerdictSummary(VerdictProperties properties) {
        this.properties = properties;
    }

    /**
     * @param decision the policy's decision
     * @param scored   the p-values the decision read (PAWN's when the policy is pawn, else the criterion's)
     * @param basis    the tokens the label rests on
     * @param tokens   the tokens scored
     */
    String of(Decision decision, PValues scored, LabelBasis basis, int tokens) {
        String what = switch (decision.policy()) {
            case "no-content" -> "Nothing to judge: the text has no letter or digit, so there is no language whose"
                    + " author could be told.";
            case "too-short" -> String.format(Locale.ROOT, "Too short to judge: %d tokens, and at least %d are"
                    + " needed. No probability or p-value is given, because at this length they would mostly reflect"
                    + " chance.", tokens, properties.minTokens());
            default -> scored.human() == null ? uncalibrated(decision) : calibrated(decision.label(), scored);
        };
        return basis.wholeText() ? what : what + " " + capitalize(basis.description()) + ".";
    }

    private String calibrated(Label label, PValues p) {
        String detector = "the detector";
        return switch (label) {
            case MACHINE -> String.format(Locale.ROOT, "Likely machine-written: %s scores this text higher than"
                    + " %s of human-written reference texts of similar length. Calling text machine-written on this"
                    + " evidence is wrong for at most %s of human texts like the references.", detector,
                    allBut(p.human()), percent(properties.machinePValue()));
            case HUMAN -> p.machine() == null
                    ? String.format(Locale.ROOT, "Not flagged: the score is ordinary for human-written text"
                    + " (%s of human reference texts score at least as high). There are no machine-written references"
                    + " to compare with, so this is not positive evidence of a human author.", percent(p.human()))
                    : String.format(Locale.ROOT, "Likely human-written: %s scores this text lower than %s of"
                    + " machine-written reference texts of similar length. Machine text like the references is called"
                    + " human at most %s of the time; text from a very different generator can still pass as human.",
                    detector, allBut(p.machine()), percent(properties.humanMissPValue()));
            default -> p.machine() == null
                    ? String.format(Locale.ROOT, "No call: %s of human-written reference texts of similar length score"
                    + " at least as high (calling it machine-written needs at most %s), and there are no"
                    + " machine-written references of this length to tell whether machine text scores like it, so"
                    + " nothing here is evidence of a human author.", percent(p.human()),
                    percent(properties.machinePValue()))
                    : String.format(Locale.ROOT, "No call: the score is not unusual enough for either label."
                    + " %s of human-written reference texts of similar length score at least as high (calling it"
                    + " machine-written needs at most %s), and %s of machine-written ones score at most as high"
                    + " (calling it human-written needs at most %s).", capitalize(percent(p.human())),
                    percent(properties.machinePValue()), percent(p.machine()), percent(properties.humanMissPValue()));
        };
    }

    private static String uncalibrated(Decision decision) {
        if ("zero-shot".equals(decision.policy())) {
            return "No call: this model has no calibration, so its scores cannot be compared with human-written text.";
        }
        return switch (decision.label()) {
            case MACHINE -> "Leans machine-written by the classifier's raw probability; this model has no"
                    + " calibration, so there is no bound on how often such a call is wrong.";
            case HUMAN -> "Leans human-written by the classifier's raw probability; this model has no calibration,"
                    + " so there is no bound on how often such a call is wrong.";
            default -> "No call: the classifier's raw probability is in between, and this model has no calibration.";
        };
    }

    /** "all but 0.4%" style: the share of references below a p-value. */
    private static String allBut(double pValue) {
        return pValue <= 0 ? "all" : "all but " + percent(pValue);
    }

    static String percent(double share) {
        double value = 100 * share;
        String digits = value >= 10 || value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : value >= 1 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2g", value);
        return digits + "%";
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
