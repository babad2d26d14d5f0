package io.textprovenance.verdict;

import java.util.Locale;

/**
 * The labelling policy (docs/verdict.md), in order:
 * <ol>
 *   <li>no-content: a text without a letter or digit of any script (whitespace, emoji, punctuation only) gives
 *       "uncertain": its scores say nothing about who wrote language;</li>
 *   <li>too-short: fewer than {@link PolicyThresholds#minTokens()} tokens gives "uncertain";</li>
 *   <li>pawn, when the model has a PAWN head: with a PAWN calibration, by its p-values (below); without one,
 *       "machine" if P(machine) &gt;= pawnMachine, "human" if below pawnHuman, else "uncertain";</li>
 *   <li>zero-shot otherwise: the Fast-DetectGPT criterion by its p-values; "uncertain" without a calibration.</li>
 * </ol>
 * By p-values: "machine" if the p-value against human text of the text's length is at most machinePValue (the
 * false-positive rate one accepts); else "human" if the p-value against machine text of its length is at most
 * humanMissPValue (the rate at which machine text like the calibration's is called human); else "uncertain".
 * Where the calibration has no machine references at that length, nothing is evidence for "human": "uncertain".
 * A short text often gets "uncertain": its score is then likely under both.
 */
public final class VerdictPolicy {

    private final PolicyThresholds thresholds;

    public VerdictPolicy(PolicyThresholds thresholds) {
        this.thresholds = java.util.Objects.requireNonNull(thresholds, "thresholds");
    }

    public PolicyThresholds thresholds() {
        return thresholds;
    }

    /**
     * The label the policy gives {@code text} if it read score {@code name} with p-values {@code p}: the service's
     * label when {@code name} is {@link TextScores#policyScore()}; for another score, what the policy would say
     * with that score in its place (the evaluation's per-score tables).
     *
     * @throws IllegalArgumentException when the text has no score {@code name} and is long enough to need it
     */
    public Decision decide(TextScores text, DetectorName name, PValues p) {
        if (!text.hasLettersOrDigits()) {
            return new Decision(Label.UNCERTAIN, "no-content", "the text has no letter or digit of any script (only"
                    + " whitespace, punctuation, symbols or emoji): there is no language to judge");
        }
        if (text.tokens() < thresholds.minTokens()) {
            return new Decision(Label.UNCERTAIN, "too-short", text.tokens() + " tokens is below the minimum of "
                    + thresholds.minTokens() + " for a verdict");
        }
        Double score = text.scores().get(name);
        if (score == null) {
            throw new IllegalArgumentException("the text has no " + name + " score, only " + text.scores().keySet());
        }
        if (name == DetectorName.PAWN) {
            if (p.calibrated()) {
                return new Decision(byPValues(p), "pawn", String.format(Locale.ROOT,
                        "the PAWN classifier gives P(machine) = %.3f; %s", score, explain(p)));
            }
            Label label = score >= thresholds.pawnMachine() ? Label.MACHINE
                    : score < thresholds.pawnHuman() ? Label.HUMAN : Label.UNCERTAIN;
            return new Decision(label, "pawn", String.format(Locale.ROOT,
                    "the PAWN classifier gives P(machine) = %.3f, uncalibrated (machine at >= %.2f, human below %.2f;"
                    + " no PAWN calibration)", score,
                    thresholds.pawnMachine(), thresholds.pawnHuman()));
        }
        if (!p.calibrated()) {
            return new Decision(Label.UNCERTAIN, "zero-shot", "the model has no calibration.json: no human reference"
                    + " scores to judge the " + describe(name) + " against");
        }
        return new Decision(byPValues(p), "zero-shot", "the " + describe(name) + " has " + explain(p));
    }

    /**
     * The rule by p-values of a calibrated score: "machine" at a p-value against human texts at most
     * machinePValue; else "human" at a p-value against machine texts at most humanMissPValue; else
     * "uncertain" (also when there are no machine references).
     *
     * @throws IllegalArgumentException when the score is not calibrated
     */
    public Label byPValues(PValues p) {
        if (!p.calibrated()) {
            throw new IllegalArgumentException("an uncalibrated score has no p-values");
        }
        if (p.human() <= thresholds.machinePValue()) {
            return Label.MACHINE;
        }
        return p.machine() != null && p.machine() <= thresholds.humanMissPValue() ? Label.HUMAN : Label.UNCERTAIN;
    }

    private static String describe(DetectorName name) {
        return name == DetectorName.FAST_DETECT_GPT ? "Fast-DetectGPT criterion" : name.id() + " score";
    }

    private String explain(PValues p) {
        if (p.machine() == null) {
            return String.format(Locale.ROOT, "p-value %.4f against human texts (machine at <= %.3f); no machine"
                    + " references of this length, so nothing is evidence for human", p.human(), thresholds.machinePValue());
        }
        return String.format(Locale.ROOT, "p-value %.4f against human texts, %.4f against machine texts (machine at"
                + " <= %.3f against human, human at <= %.3f against machine)", p.human(), p.machine(),
                thresholds.machinePValue(), thresholds.humanMissPValue());
    }
}
