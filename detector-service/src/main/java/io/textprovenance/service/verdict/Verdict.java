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

    /**
     * A zero-shot score; pValue is its conformal p-value among human reference texts, missPValue among machine
     * reference texts (share scored at most as high); each null when there are no such references, and both null
     * for too-short and no-content verdicts.
     */
    @Schema(description = "A zero-shot score computed from the language model's token probabilities alone.")
    public record ZeroShotScore(
            @Schema(description = "liketropy, fast-detectgpt, log-likelihood or log-rank",
                    allowableValues = {"liketropy", "fast-detectgpt", "log-likelihood", "log-rank"}) String name,
            @Schema(description = "The score; larger = more machine-like (more predictable to the model).")
            double score,
            @Schema(types = {"number", "null"}, minimum = "0", maximum = "1", description = "Conformal p-value"
                    + " among human reference texts of similar length (share scoring at least as high); small ="
                    + " evidence for machine. Null without calibration and for too-short/no-content verdicts.")
            Double pValue,
            @Schema(types = {"number", "null"}, minimum = "0", maximum = "1", description = "Conformal p-value"
                    + " among machine reference texts (share scoring at most as high); small = evidence for human."
                    + " Null without machine references and for too-short/no-content verdicts.") Double missPValue) {
    }

    /**
     * One provenance test (docs/statistics.md), with the anytime-valid test's p-value, the null hypothesis in
     * words and which type-I guarantee holds (the fixed-length one needs a length fixed in advance).
     */
    @Schema(description = "The Freedman-Bennett test of H0 \"this text is a temperature-1 sample of this very"
            + " model\" (nullHypothesis says it in full), at the text's full length. Rejecting says the text is not"
            + " such a sample (edited, human, or another model or temperature); it is evidence, not the label. Its"
            + " false-positive rate is at most alpha for a length fixed in advance; guarantee says what holds when the"
            + " generator chose the length.")
    public record Provenance(
            @Schema(description = "The test's name", example = "freedman-bennett") String test,
            @Schema(description = "two_sided: rejects text more or less predictable than the model's own samples",
                    allowableValues = {"two_sided", "less", "greater"}) String alternative,
            @Schema(description = "Mean over tokens of (clipped surprisal - its expected value under the model),"
                    + " nats per token: below 0 = more predictable than the model's samples, above 0 = less.")
            double statistic,
            @Schema(description = "Rejection threshold on |statistic| at level alpha, nats per token (> 0)")
            double threshold,
            @Schema(description = "The level (detector.verdict.alpha)") double alpha,
            @Schema(description = "The p-value, in [0, 1]; rejected exactly when pValue <= alpha") double pValue,
            @Schema(description = "Whether H0 is rejected at level alpha") boolean rejected,
            @Schema(description = "The anytime-valid test's p-value for the same H0 (the smallest over all prefixes"
                    + " of the text), in [0, 1]: valid however the text's length was chosen, e.g. by a generator"
                    + " stopping at its end-of-text token; a little less powerful than pValue.") double anytimePValue,
            @Schema(description = "H0 in plain words: what the test assumes the text is.") String nullHypothesis,
            @Schema(description = "Which false-positive guarantee holds, and when only the anytime-valid one or"
                    + " none does.") String guarantee) {

        /** H0 in words a reader understands (docs/statistics.md, section 5). */
        public static final String NULL_HYPOTHESIS = "This text is an unedited sample of the model that answered, at"
                + " temperature 1 with nothing cut from its distribution (no top-k, top-p or lower temperature): each"
                + " token, as the model's tokenizer splits the text, drawn from the model's own next-token"
                + " probabilities given the text before it (for a text longer than the model's context: given the"
                + " part of it in the token's scoring window), with no prompt before the text.";

        /** Which type-I guarantee holds (docs/statistics.md, "Type-I under real generation"). */
        public static final String GUARANTEE = "If H0 is true, pValue <= alpha happens with probability at most"
                + " alpha when the text's length was fixed before it was generated. A generator that stopped at its"
                + " end-of-text token chose the length from its own draws: then only anytimePValue keeps that"
                + " guarantee. A prompt not included in the text, a context sliding past the model's window, or"
                + " text whose tokens differ from the ones drawn (decoded and re-tokenized) make H0 only"
                + " approximate: the rates measured for those cases are in docs/statistics.md.";

        public Provenance(String test, String alternative, double statistic, double threshold, double alpha,
                          double pValue, boolean rejected, double anytimePValue) {
            this(test, alternative, statistic, threshold, alpha, pValue, rejected, anytimePValue, NULL_HYPOTHESIS,
                    GUARANTEE);
        }
    }

    /**
     * Tokens scored and whether overlapping windows were needed; PAWN reads at most its first 512.
     * referenceTokens: the p-values compare this text with the calibration's human texts cut to this many
     * tokens (the largest calibrated length not above the text's); null when uncalibrated or calibrated on
     * whole texts only.
     */
    @Schema(description = "What was scored.")
    public record Tokens(
            @Schema(description = "Tokens scored: every token of the text, by the model's tokenizer") int scored,
            @Schema(description = "Whether the text was longer than the model's context and scored in overlapping"
                    + " windows") boolean windowed,
            @Schema(description = "Model windows needed (1 when the text fits the context)") int windows,
            @Schema(types = {"integer", "null"}, description = "The p-values compare this text with reference texts"
                    + " cut to this many tokens (the largest calibrated length not above the text's); null when"
                    + " uncalibrated or calibrated on whole texts only.") Integer referenceTokens) {
    }

    /**
     * Which tokens the label rests on: PAWN reads the first 512 tokens of a longer text; the zero-shot criterion
     * and the length rules read all of them.
     *
     * @param tokens      how many tokens, counted from the first
     * @param wholeText   whether those are all the tokens scored
     * @param start       UTF-16 offset in the text where the first of them starts
     * @param end         UTF-16 offset one past the last of them
     * @param description the same in words
     */
    @Schema(description = "Which part of the text the label rests on: the first `tokens` tokens, characters"
            + " [start, end). PAWN reads at most the first 512 tokens; the zero-shot criterion reads all.")
    public record LabelBasis(
            @Schema(description = "How many tokens, counted from the first") int tokens,
            @Schema(description = "Whether those are all the tokens scored") boolean wholeText,
            @Schema(description = "UTF-16 offset where the first of them starts") int start,
            @Schema(description = "UTF-16 offset one past the last of them") int end,
            @Schema(description = "The same in words") String description) {
    }

    /** The model: name, version, sha256 prefix, and whether PAWN and calibration are present. */
    @Schema(description = "The model that answered.")
    public record ModelInfo(
            @Schema(description = "Model name (models/*/model.json)") String name,
            @Schema(description = "Model version") String version,
            @Schema(description = "First hex digits of the scoring graph's sha256") String sha256,
            @Schema(description = "Whether the model has a PAWN classifier head") boolean pawn,
            @Schema(description = "Whether the model has calibration.json (reference scores behind the p-values)")
            boolean calibrated) {
    }

    /** Milliseconds spent scoring and in total. */
    @Schema(description = "Where the time went, in milliseconds.")
    public record Timings(@Schema(description = "Running the language model") long scoringMillis,
                          @Schema(description = "The whole verdict, scoring included") long totalMillis) {
    }

    /**
     * One token's evidence: its text and offsets, log-probability, entropy, rank and PAWN weight (if any).
     *
     * @param rank 1 + the number of vocabulary entries the model found more likely than this token
     */
    @Schema(description = "One token's evidence.")
    public record TokenEvidence(
            @Schema(description = "The token's text: text.substring(start, end)") String text,
            @Schema(description = "UTF-16 offset of its first character in the request's text (a JavaScript"
                    + " string index)") int start,
            @Schema(description = "UTF-16 offset one past its last character") int end,
            @Schema(description = "ln p(token | text before it), nats (<= 0); surprisal = -logProb") double logProb,
            @Schema(description = "Entropy of the model's next-token distribution at this position, nats: the"
                    + " surprisal expected there") double entropy,
            @Schema(description = "The token's rank among the model's predictions (1 = the most likely token);"
                    + " GLTR's buckets are top-10, top-100, top-1000 and the rest", minimum = "1") int rank,
            @Schema(types = {"number", "null"}, description = "PAWN's weight for this token (the weights of the"
                    + " tokens PAWN read sum to 1); null beyond the 512 tokens PAWN reads or without PAWN.")
            Double pawnWeight) {
    }

    /**
     * The anytime-valid provenance test (a mixture of Bennett supermartingales, valid at every prefix) sampled
     * along the document: at each point, the statistic of the tokens so far and the rejection boundary at that
     * length, on the side where the statistic lies.
     *
     * @param crossedAt the token count at which |statistic| first reached the boundary, or null
     */
    @Schema(description = "The anytime-valid provenance test (H0 as in provenance) followed token by token: at"
            + " each point the running statistic of the tokens so far and the rejection boundary at that length."
            + " Valid at every prefix, so one may stop at the first crossing; it is a little more conservative than"
            + " the fixed-length test in provenance, and the two can disagree near the boundary.")
    public record ProvenanceTrace(
            @Schema(description = "The test's name", example = "anytime-mixture") String test,
            @Schema(description = "The level, as in provenance") double alpha,
            @Schema(types = {"integer", "null"}, description = "Token count at which |statistic| first reached the"
                    + " boundary (H0 rejected from there on); null if it never did") Integer crossedAt,
            @Schema(description = "The running-minimum p-value over all prefixes, in [0, 1]") double pValue,
            @Schema(description = "Samples along the document (at most about 200, plus the crossing), in token"
                    + " order") List<TracePoint> points) {
    }

    /**
     * One sample of the trace.
     *
     * @param tokens    the prefix length
     * @param statistic mean clipped surprisal minus its expectation over the prefix, nats per token (signed)
     * @param boundary  the rejection boundary on |statistic| at this length, on the statistic's side (&gt; 0)
     */
    @Schema(description = "One point of the trace.")
    public record TracePoint(
            @Schema(description = "Prefix length in tokens") int tokens,
            @Schema(description = "Running statistic over the prefix, nats per token: below 0 = more predictable"
                    + " than the model's own samples") double statistic,
            @Schema(description = "Rejection boundary on |statistic| at this length, on the statistic's side (> 0)")
            double boundary) {
    }

    /**
     * Attribution among the hosted models (docs/statistics.md, "Attribution among hosted models"): each of the K
     * models tested at alpha / K, so a temperature-1 sample of one of them rejects that model with probability at
     * most alpha / K, and attributedTo (the models not rejected) holds the true source, when it is among them, with
     * probability at least 1 - alpha.
     */
    @Schema(description = "Which hosted models this text could be a temperature-1 sample of: each model's provenance"
            + " test at alpha / K (Bonferroni over the K models tested). attributedTo lists the models not rejected.")
    public record Attribution(
            @Schema(description = "The family level before the correction (detector.verdict.alpha)") double alpha,
            @Schema(description = "How the K tests are corrected for", allowableValues = {"bonferroni"})
            String correction,
            @Schema(description = "K, the number of models tested") int modelsTested,
            @Schema(description = "The models whose H0 is not rejected: the text is consistent with being an unedited"
                    + " temperature-1 sample of each of them. Empty: of none. Several: the text does not tell them"
                    + " apart (short texts often do not).") List<String> attributedTo,
            @Schema(description = "One test per model, in the order of the request (or of GET /v1/models)")
            List<ModelProvenance> models,
            @Schema(description = "The model under which the text is most probable (largest logLikelihood). Not a"
                    + " test and without a false-positive guarantee: it always names a hosted model, also for human text"
                    + " or text of a model that is not hosted. It tells models apart where the tests cannot: a model whose"
                    + " own entropy matches the text's surprisal under it is not rejected, however unlikely it makes the"
                    + " text compared with another model.") String mostLikely,
            @Schema(types = {"number", "null"}, description = "ln p(text) under mostLikely minus the largest under any"
                    + " other model tested, in nats (>= 0): how much more probable mostLikely makes the text. Null when"
                    + " one model is tested.") Double logLikelihoodMargin,
            @Schema(description = "What the decisions guarantee, in words") String guarantee) {

        /** The guarantee in words. */
        public static final String GUARANTEE = "Each model is tested at alpha / K, K the number of models tested"
                + " (Bonferroni). If the text is an unedited temperature-1 sample of one of them (as its null hypothesis"
                + " says), that model is rejected with probability at most alpha / K, so attributedTo contains it with"
                + " probability at least 1 - alpha. Not being rejected is not proof of authorship: the test compares the"
                + " text's surprisal with the model's own entropy, so a short text, or a model with flat predictions,"
                + " may leave a model standing that did not write the text (measured in docs/statistics.md), and a"
                + " model that is not hosted is never tested; mostLikely has no such guarantee at all. The caveats of"
                + " provenance.guarantee (length chosen by the generator, prompt, re-tokenized text) apply to each"
                + " model.";
    }

    /** One hosted model's provenance test within an attribution. */
    @Schema(description = "One model's test of H0 \"this text was sampled from this model\" within the attribution.")
    public record ModelProvenance(
            @Schema(description = "Model name (GET /v1/models)") String model,
            @Schema(description = "Model version") String version,
            @Schema(description = "First hex digits of its scoring graph's sha256") String sha256,
            @Schema(description = "Tokens of the text by this model's own tokenizer (all scored)") int tokens,
            @Schema(description = "The test's name", example = "freedman-bennett") String test,
            @Schema(description = "Mean over tokens of (clipped surprisal - its expected value under this model), nats"
                    + " per token: below 0 = more predictable than the model's own samples, above 0 = less")
            double statistic,
            @Schema(description = "Rejection threshold on |statistic| at the corrected level alpha, nats per token")
            double threshold,
            @Schema(description = "The corrected level this model is tested at: the family alpha / K") double alpha,
            @Schema(description = "The test's own p-value, in [0, 1]; rejected exactly when pValue <= alpha (the"
                    + " corrected level)") double pValue,
            @Schema(description = "min(1, K pValue), comparable with the family alpha: rejected exactly when it is at"
                    + " most the family alpha") double adjustedPValue,
            @Schema(description = "Whether H0 \"sampled from this model\" is rejected at the corrected level")
            boolean rejected,
            @Schema(description = "ln p(text) under this model, summed over its own tokens, in nats (<= 0): comparable"
                    + " across the models tested, each scoring the same text") double logLikelihood,
            @Schema(description = "H0 for this model in plain words") String nullHypothesis) {

        /** H0 for one model in words. */
        public static String nullHypothesis(String model, String version) {
            return "This text is an unedited sample of " + model + " " + version + " at temperature 1 with nothing cut"
                    + " from its distribution: each token, as that model's tokenizer splits the text, drawn from its"
                    + " next-token probabilities given the text before it, with no prompt before the text.";
        }
    }
}
