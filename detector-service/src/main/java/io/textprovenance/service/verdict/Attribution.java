package io.textprovenance.service.verdict;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

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
