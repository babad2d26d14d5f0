package io.textprovenance.service.verdict;

import java.util.Locale;
import java.util.Optional;

/**
 * The labelling policy (documented in docs/verdict.md), in order:
 * <ol>
 *   <li>no-content: a text without a letter or digit of any script (whitespace, emoji, punctuation only) gives
 *       "uncertain": its scores say nothing about who wrote language;</li>
 *   <li>too-short: fewer than {@code minTokens} tokens gives "uncertain";</li>
 *   <li>pawn, when the model has a PAWN head: with a PAWN calibration, by its p-values (below); without
 *       one, "machine" if P(machine) &gt;= pawnMachine, "human" if below pawnHuman; else "uncertain";</li>
 *   <li>zero-shot otherwise: the Fast-DetectGPT criterion by its p-values; "uncertain" when the model has no
 *       calibration.</li>
 * </ol>
 * By p-values: "machine" if the p-value against human text is at most machinePValue (the false-positive
 * rate one accepts); else "human" if the p-value against machine text is at most humanMissPValue (the rate
 * at which machine text is called human), or, for a calibration without machine references, if the
 * p-value against human text is above humanPValue; else "uncertain". A short text often gets "uncertain":
 * its score is then likely under both.
 */
final class VerdictPolicy {

    record Decision(String label, String policy, String reason) {
    }

    /**
     * A calibrated score's p-values: against human references (null when uncalibrated) and against machine
     * references (null when the calibration has none).
     */
    record PValues(Double human, Double machine) {

        static final PValues NONE = new PValues(null, null);
    }

    private final VerdictProperties properties;

    VerdictPolicy(VerdictProperties properties) {
        this.properties = properties;
    }

    Decision decide(boolean hasLettersOrDigits, int tokens, Optional<Double> machineProbability, PValues pawn,
                    PValues criterion) {
        if (!hasLettersOrDigits) {
            return new Decision("uncertain", "no-content", "the text has no letter or digit of any script (only"
                    + " whitespace, punctuation, symbols or emoji): there is no language to judge");
        }
        if (tokens < properties.minTokens()) {
            return new Decision("uncertain", "too-short", tokens + " tokens is below the minimum of "
                    + properties.minTokens() + " for a verdict");
        }
        if (machineProbability.isPresent() && pawn.human() != null) {
            return new Decision(byPValues(pawn), "pawn", String.format(Locale.ROOT,
                    "the PAWN classifier gives P(machine) = %.3f; %s",
                    machineProbability.get(), explain(pawn)));
        }
        if (machineProbability.isPresent()) {
            double p = machineProbability.get();
            String label = p >= properties.pawnMachine() ? "machine" : p < properties.pawnHuman() ? "human" : "uncertain";
            return new Decision(label, "pawn", String.format(Locale.ROOT,
                    "the PAWN classifier gives P(machine) = %.3f,"
                    + " uncalibrated (machine at >= %.2f, human below %.2f)", p, properties.pawnMachine(),
                    properties.pawnHuman()));
        }
        if (criterion.human() == null) {
            return new Decision("uncertain", "zero-shot", "the model has no calibration.json: no human reference"
                    + " scores to judge the Fast-DetectGPT criterion against");
        }
        return new Decision(byPValues(criterion), "zero-shot", "the Fast-DetectGPT criterion has " + explain(criterion));
    }

    private String byPValues(PValues p) {
        if (p.human() <= properties.machinePValue()) {
            return "machine";
        }
        boolean human = p.machine() != null ? p.machine() <= properties.humanMissPValue()
                : p.human() > properties.humanPValue();
        return human ? "human" : "uncertain";
    }

    private String explain(PValues p) {
        if (p.machine() == null) {
            return String.format(Locale.ROOT, "p-value %.4f against human texts (machine at <= %.3f, human above %.2f;"
                    + " no machine references)", p.human(), properties.machinePValue(), properties.humanPValue());
        }
        return String.format(Locale.ROOT, "p-value %.4f against human texts, %.4f against machine texts (machine at"
                + " <= %.3f against human, human at <= %.3f against machine)", p.human(), p.machine(),
                properties.machinePValue(), properties.humanMissPValue());
    }
}
