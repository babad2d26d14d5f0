package io.textprovenance.service.verdict;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The answer for one document (every field is explained in plain words in docs/verdict.md).
 *
 * @param id                 the caller's id (or one generated)
 * @param label              machine, human or uncertain
 * @param policy             the policy that produced the label: "pawn", "zero-shot", "too-short" or "no-content"
 * @param reason             the rule and its numbers in one sentence
 * @param summary            the verdict in plain words, for a reader who is not a statistician
 * @param machineProbability P(machine) from PAWN; null when the model has no PAWN head, and for too-short and
 *                           no-content verdicts (a probability there would only invite misreading)
 * @param machinePValue      the conformal p-value of machineProbability among the calibration's human
 *                           texts (the false-positive rate of flagging at this probability); null when
 *                           machineProbability is, or without a PAWN calibration
 * @param missPValue         the conformal p-value of machineProbability among the calibration's machine texts
 *                           of the same length (the share PAWN scored at most as high): small says the text
 *                           scores lower than machine text does, evidence for "human"; null when
 *                           machineProbability is, or without machine references
 * @param zeroShot           liketropy, Fast-DetectGPT criterion, ... with calibrated p-values (p-values null for
 *                           too-short and no-content verdicts)
 * @param provenance         the provenance test of H0 "sampled from this model at temperature 1"
 * @param tokens             what was scored
 * @param basis              which tokens of the text the label rests on
 * @param model              which model answered
 * @param timings            where the time went
 * @param evidence           per-token evidence, only with explain=true
 * @param trace              the anytime-valid provenance test along the document, only with explain=true
 * @param attribution        per hosted model, the provenance test of H0 "sampled from that model", Bonferroni-corrected
 *                           over the models tested; null when one model is hosted and the request named none
 */
@Schema(description = "The verdict on one document: the label, why, and the evidence behind it.")
public record Verdict(
        @Schema(description = "The caller's id, or a generated UUID when the request had none.") String id,
        @Schema(description = "The label: machine (likely machine-written), human (likely human-written) or"
                + " uncertain (no call).", allowableValues = {"machine", "human", "uncertain"}) String label,
        @Schema(description = "Which rule produced the label: pawn (the PAWN classifier, calibrated), zero-shot"
                + " (the Fast-DetectGPT criterion, calibrated), too-short (below detector.verdict.min-tokens) or"
                + " no-content (no letter or digit).",
                allowableValues = {"pawn", "zero-shot", "too-short", "no-content"}) String policy,
        @Schema(description = "The rule and its numbers in one sentence, for the record.") String reason,
        @Schema(description = "The verdict in plain words, for a reader who is not a statistician: what the label"
                + " means, how often such a call is wrong, and which part of the text it rests on.") String summary,
        @Schema(types = {"number", "null"}, minimum = "0", maximum = "1", description = "P(machine) from the PAWN"
                + " classifier head, in [0, 1]. Not calibrated by itself: read it with machinePValue and missPValue."
                + " Null without a PAWN head, and for too-short and no-content verdicts.") Double machineProbability,
        @Schema(types = {"number", "null"}, minimum = "0", maximum = "1", description = "Conformal p-value of"
                + " machineProbability among human reference texts of similar length: the share of them PAWN scored"
                + " at least as high. Small (<= detector.verdict.machine-p-value, 0.01) is evidence for machine."
                + " Null when machineProbability is null or the model has no PAWN calibration.") Double machinePValue,
        @Schema(types = {"number", "null"}, minimum = "0", maximum = "1", description = "Conformal p-value of"
                + " machineProbability among machine reference texts of similar length: the share of them PAWN scored"
                + " at most as high. Small (<= detector.verdict.human-miss-p-value, 0.05) is evidence for human."
                + " Null when machineProbability is null or the calibration has no machine references.")
        Double missPValue,
        @Schema(description = "The four zero-shot scores (larger = more machine-like), each with calibrated"
                + " p-values.") List<ZeroShotScore> zeroShot,
        @Schema(description = "The provenance test at the text's full length") Provenance provenance,
        @Schema(description = "What was scored") Tokens tokens,
        @Schema(description = "Which tokens of the text the label rests on") LabelBasis basis,
        @Schema(description = "The model that answered") ModelInfo model,
        @Schema(description = "Where the time went") Timings timings,
        @Schema(types = {"array", "null"}, description = "Per-token evidence in text order, one entry per scored"
                + " token; only with explain: true, else null.") List<TokenEvidence> evidence,
        @Schema(description = "The anytime-valid provenance test along the document; only with explain: true, else"
                + " null.") ProvenanceTrace trace,
        @Schema(description = "Attribution among the hosted models: for each model tested, the provenance test of H0"
                + " \"this text was sampled from that model\", Bonferroni-corrected over the models tested. Null when"
                + " the service hosts one model and the request names none.") Attribution attribution) {

    /** A verdict without attribution (the service hosts one model and the request named none). */
    public Verdict(String id, String label, String policy, String reason, String summary, Double machineProbability,
                   Double machinePValue, Double missPValue, List<ZeroShotScore> zeroShot, Provenance provenance,
                   Tokens tokens, LabelBasis basis, ModelInfo model, Timings timings, List<TokenEvidence> evidence,
                   ProvenanceTrace trace) {
        this(id, label, policy, reason, summary, machineProbability, machinePValue, missPValue, zeroShot, provenance,
                tokens, basis, model, timings, evidence, trace, null);
    }
}
