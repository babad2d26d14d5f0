package io.textprovenance.service.verdict;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One document to judge, the same on REST and on Kafka ({@link VerdictRequests}): strict JSON types (no
 * coercion of 42 into a string or "yes" into a flag) and the same constraints.
 *
 * @param id      optional caller id, echoed back (at most {@value #MAX_ID_LENGTH} characters); absent, not null
 * @param text    the document; required, not empty
 * @param explain whether to return per-token evidence: true or false, not null
 * @param models  hosted models to test in the verdict's attribution, by name; absent: all of them when the service
 *                hosts several (an array of strings, not null)
 */
@Schema(description = "One document to judge.")
public record VerdictRequest(
        @Size(max = VerdictRequest.MAX_ID_LENGTH, message = "must be at most " + VerdictRequest.MAX_ID_LENGTH
                + " characters") @JsonDeserialize(using = StrictJson.OptionalText.class)
        @Schema(maxLength = VerdictRequest.MAX_ID_LENGTH, description = "Your id for the document, echoed in the"
                + " verdict (on Kafka the record key stands in); optional: absent, a UUID is generated",
                example = "doc-1") String id,
        @NotNull(message = "text is required") @JsonDeserialize(using = StrictJson.Text.class)
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, description = "The document, as"
                + " written (line breaks and all). A label needs at least detector.verdict.min-tokens (32) tokens;"
                + " at most detector.verdict.max-document-size (1 MB of UTF-8) and max-tokens (4096) are accepted")
        String text,
        @Schema(description = "true: also return each token's evidence (evidence[]) and the anytime-valid test along"
                + " the text (trace); default false", defaultValue = "false")
        @JsonDeserialize(using = StrictJson.Flag.class) Boolean explain,
        @Size(min = 1, max = VerdictRequest.MAX_MODELS, message = "must name 1 to " + VerdictRequest.MAX_MODELS
                + " models")
        @JsonDeserialize(using = StrictJson.TextList.class)
        @ArraySchema(arraySchema = @Schema(description = "The hosted models to test in `attribution` (H0 \"this"
                + " text was sampled from model M\" for each, Bonferroni-corrected over the models named), by the"
                + " names GET /v1/models lists; an unknown name is a 400. Optional: absent, every hosted model is"
                + " tested when the service hosts more than one, and attribution is null when it hosts one.",
                example = "[\"smollm2-135m-instruct\", \"detector-default-gpt\"]"), maxItems = VerdictRequest.MAX_MODELS,
                minItems = 1, schema = @Schema(description = "A model name (GET /v1/models)")) List<String> models) {

    /** Most models one request may name. */
    public static final int MAX_MODELS = 16;

    /** A request without models (the attribution then covers every hosted model when there are several). */
    public VerdictRequest(String id, String text, Boolean explain) {
        this(id, text, explain, null);
    }

    /** Longest caller id (also a Kafka key) accepted. */
    public static final int MAX_ID_LENGTH = 256;

    public boolean wantsExplanation() {
        return Boolean.TRUE.equals(explain);
    }
}
