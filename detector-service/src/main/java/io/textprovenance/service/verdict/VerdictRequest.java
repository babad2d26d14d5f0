package io.textprovenance.service.verdict;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One document to judge.
 *
 * @param id      optional caller id, echoed back (at most 200 characters)
 * @param text    the document; required, not empty
 * @param explain whether to return per-token evidence
 */
public record VerdictRequest(@Size(max = 200) String id, @NotNull(message = "text is required") String text,
                             Boolean explain) {

    boolean wantsExplanation() {
        return Boolean.TRUE.equals(explain);
    }
}
