package io.textprovenance.service.verdict;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Several documents; at most detector.verdict.max-batch. */
@Schema(description = "Several documents, judged as one request (one token budget).")
public record BatchRequest(@NotEmpty(message = "documents must not be empty") List<@NotNull(message = "must be a document object, not null") @Valid VerdictRequest> documents) {
}
