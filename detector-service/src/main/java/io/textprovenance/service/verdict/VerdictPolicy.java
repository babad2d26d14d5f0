package io.textprovenance.service.verdict;

import java.util.Locale;
import java.util.Optional;

/**
 * The labelling policy (documented in docs/verdict.md), in order:
 * <ol>
 *   <li>too-short: fewer than {@code minTokens} tokens gives "uncertain";</li>
 *   <li>pawn, when the model has a PAWN head: with a PAWN calibration, "machine" if the conformal p-value of
 *       P(machine) among human texts is at most machinePValue, "human" if above humanPValue; without one,
 *       "machine" if P(machine) &gt;= pawnMachine, "human" if below pawnHuman; else "uncertain";</li>
 *   <li>zero-shot otherwise: "machine" if the Fast-DetectGPT criterion's calibrated p-value against human
 *       text is at most machinePValue (the false-positive rate one accepts), "human" if above humanPValue,
 *       else "uncertain"; "uncertain" when the model has no calibration.</li>
 * </ol>
 */
final class VerdictPolicy {

    record Decision(String label, String policy, String reason) {
    }

    private final VerdictProperties properties;

    VerdictPolicy(VerdictProperties properties) {
        this.properties = properties;
    }

    Decision decide(int tokens, Optional<Double> machineProbability, Double machinePValue, Double criterionPValue) {
        if (tokens < properties.minTokens()) {
            return new Decision("uncertain", "too-short", tokens + " tokens is below the minimum of "
                    + properties.minTokens() + " for a verdict");
        }
        if (machineProbability.isPresent() && machinePValue != null) {
            return new Decision(byPValue(machinePValue), "pawn", String.format(Locale.ROOT,
                    "PAWN P(machine) = %.3f, p-value %.4f against human texts (machine at <= %.3f, human above %.2f)",
                    machineProbability.get(), machinePValue, properties.machinePValue(), properties.humanPValue()));
        }
        if (machineProbability.isPresent()) {
            double p = machineProbability.get();
            String label = p >= properties.pawnMachine() ? "machine" : p < properties.pawnHuman() ? "human" : "uncertain";
            return new Decision(label, "pawn", String.format(Locale.ROOT,
                    "PAWN P(machine) = %.3f (machine at >= %.2f, human below %.2f)", p, properties.pawnMachine(),
                    properties.pawnHuman()));
        }
        if (criterionPValue == null) {
            return new Decision("uncertain", "zero-shot", "the model has no calibration.json: no human reference"
                    + " scores to judge the Fast-DetectGPT criterion against");
        }
        return new Decision(byPValue(criterionPValue), "zero-shot", String.format(Locale.ROOT,
                "Fast-DetectGPT criterion p-value %.4f against human texts (machine at <= %.3f, human above %.2f)",
                criterionPValue, properties.machinePValue(), properties.humanPValue()));
    }

    private String byPValue(double pValue) {
        return pValue <= properties.machinePValue() ? "machine" : pValue > properties.humanPValue() ? "human" : "uncertain";
    }
}
