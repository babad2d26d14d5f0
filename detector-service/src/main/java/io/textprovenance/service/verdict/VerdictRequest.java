package io.textprovenance.service.verdict;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One document to judge, the same on REST and on Kafka ({@link VerdictRequests}): strict JSON types (no
 * coercion of 42 into a string or "yes" into a flag) and the same constraints.
 *
 * @param id      optional caller id, echoed back (at most {@value #MAX_ID_LENGTH} characters); absent, not null
 * @param text    the document; required, not empty
 * @param explain whether to return per-token evidence: true or false, not null
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
        @JsonDeserialize(using = StrictJson.Flag.class) Boolean explain) {

    /** Longest caller id (also a Kafka key) accepted. */
    public static final int MAX_ID_LENGTH = 256;

    public boolean wantsExplanation() {
        return Boolean.TRUE.equals(explain);
    }
}
