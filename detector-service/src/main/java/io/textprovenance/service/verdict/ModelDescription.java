package io.textprovenance.service.verdict;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The model in service, as {@code GET /v1/models} describes it.
 *
 * @param name          model name (model.json)
 * @param version       model version
 * @param sha256        the scoring graph's full sha256
 * @param format        scoring-graph (per-token metrics computed in the graph) or logits
 * @param contextLength the model's context window, in tokens (longer texts are scored in overlapping windows)
 * @param vocabSize     vocabulary size
 * @param device        where it runs: cpu or cuda
 * @param pawn          whether the PAWN classifier head is present
 * @param calibrated    whether calibration.json is present
 * @param role          verdict (the model that answers) or attribution (hosted for attribution only)
 * @param pawnRefusal   why the model directory's PAWN head is not used (null when it is, or there is none)
 */
@Schema(description = "The model in service.")
public record ModelDescription(
        @Schema(description = "Model name (models/*/model.json)", example = "smollm2-135m") String name,
        @Schema(description = "Model version") String version,
        @Schema(description = "sha256 of the scoring graph (model.onnx), hex") String sha256,
        @Schema(description = "scoring_graph: per-token metrics computed inside the ONNX graph; logits: computed"
                + " from the logits in Java", allowableValues = {"scoring_graph", "logits"}) String format,
        @Schema(description = "Context window in tokens; longer texts are scored in overlapping windows")
        int contextLength,
        @Schema(description = "Vocabulary size of the tokenizer") int vocabSize,
        @Schema(description = "Where the model runs", example = "cpu") String device,
        @Schema(description = "Whether the PAWN classifier head (pawn.onnx) is present: verdicts then rest on it"
                + " (false for a model hosted for attribution only: no head of it is loaded)")
        boolean pawn,
        @Schema(description = "Whether calibration.json is present: without it there are no p-values and no"
                + " calibrated labels (false for a model hosted for attribution only)") boolean calibrated,
        @Schema(description = "verdict: the model that answers every verdict (listed first); attribution: hosted"
                + " only to be tested in a verdict's attribution (request field models)",
                allowableValues = {"verdict", "attribution"}) String role,
        @Schema(description = "Why the model directory's PAWN head (pawn.onnx) is not used, so that verdicts rest on"
                + " the zero-shot scores: it was trained under another text normalization than the scorer's, or its"
                + " pawn.json records none (detector.scoring.pawn.require-normalization); null when the head is used"
                + " or there is none", nullable = true) String pawnRefusal) {

    /** A model whose directory's PAWN head, if any, is not refused. */
    public ModelDescription(String name, String version, String sha256, String format, int contextLength,
                            int vocabSize, String device, boolean pawn, boolean calibrated, String role) {
        this(name, version, sha256, format, contextLength, vocabSize, device, pawn, calibrated, role, null);
    }

    /** The model that answers every verdict. */
    public static final String VERDICT = "verdict";
    /** A model hosted for attribution only. */
    public static final String ATTRIBUTION = "attribution";
}
