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
public record VerdictRequest(
        @Size(max = VerdictRequest.MAX_ID_LENGTH, message = "must be at most " + VerdictRequest.MAX_ID_LENGTH
                + " characters") @JsonDeserialize(using = StrictJson.OptionalText.class)
        @Schema(maxLength = VerdictRequest.MAX_ID_LENGTH) String id,
        @NotNull(message = "text is required") @JsonDeserialize(using = StrictJson.Text.class)
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1) String text,
        @JsonDeserialize(using = StrictJson.Flag.class) Boolean explain) {

    /** Longest caller id (also a Kafka key) accepted. */
    public static final int MAX_ID_LENGTH = 256;

    boolean wantsExplanation() {
        return Boolean.TRUE.equals(explain);
    }
}
