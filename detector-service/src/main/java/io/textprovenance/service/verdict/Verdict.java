package io.textprovenance.service.verdict;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The answer for one document.
 *
 * @param id                 the caller's id (or one generated)
 * @param label              machine, human or uncertain
 * @param policy             the policy that produced the label: "pawn", "zero-shot", "too-short" or "no-content"
 * @param reason             one sentence on why
 * @param machineProbability P(machine) from PAWN, null when the model has no PAWN head
 * @param machinePValue      the conformal p-value of machineProbability among the calibration's human
 *                           texts (the false-positive rate of flagging at this probability), null when the
 *                           model has no PAWN head or no PAWN calibration
 * @param missPValue         the conformal p-value of machineProbability among the calibration's machine texts
 *                           of the same length (the share PAWN scored at most as high): small says the text
 *                           scores lower than machine text does, evidence for "human"; null without a PAWN
 *                           head or machine references
 * @param zeroShot           liketropy, Fast-DetectGPT criterion, ... with calibrated p-values
 * @param provenance         the provenance test of H0 "sampled from this model at temperature 1"
 * @param tokens             what was scored
 * @param model              which model answered
 * @param timings            where the time went
 * @param evidence           per-token evidence, only with explain=true
 */
public record Verdict(String id, String label, String policy, String reason,
                      @Schema(types = {"number", "null"}) Double machineProbability,
                      @Schema(types = {"number", "null"}) Double machinePValue,
                      @Schema(types = {"number", "null"}) Double missPValue,
                      List<ZeroShotScore> zeroShot, Provenance provenance, Tokens tokens, ModelInfo model,
                      Timings timings, @Schema(types = {"array", "null"}) List<TokenEvidence> evidence) {

    /**
     * A zero-shot score; pValue is its conformal p-value among human reference texts, missPValue among machine
     * reference texts (share scored at most as high); each null when there are no such references.
     */
    public record ZeroShotScore(String name, double score, @Schema(types = {"number", "null"}) Double pValue,
                                @Schema(types = {"number", "null"}) Double missPValue) {
    }

    /** One provenance test (docs/statistics.md). */
    public record Provenance(String test, String alternative, double statistic, double threshold, double alpha,
                             double pValue, boolean rejected) {
    }

    /**
     * Tokens scored and whether overlapping windows were needed; PAWN reads at most its first 512.
     * referenceTokens: the p-values compare this text with the calibration's human texts cut to this many
     * tokens (the largest calibrated length not above the text's); null when uncalibrated or calibrated on
     * whole texts only.
     */
    public record Tokens(int scored, boolean windowed, int windows,
                         @Schema(types = {"integer", "null"}) Integer referenceTokens) {
    }

    /** The model: name, version, sha256 prefix, and whether PAWN and calibration are present. */
    public record ModelInfo(String name, String version, String sha256, boolean pawn, boolean calibrated) {
    }

    /** Milliseconds spent scoring and in total. */
    public record Timings(long scoringMillis, long totalMillis) {
    }

    /** One token's evidence: its text and offsets, log-probability, entropy and PAWN weight (if any). */
    public record TokenEvidence(String text, int start, int end, double logProb, double entropy,
                                @Schema(types = {"number", "null"}) Double pawnWeight) {
    }
}
