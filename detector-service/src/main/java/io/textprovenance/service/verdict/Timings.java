package io.textprovenance.service.verdict;

import io.swagger.v3.oas.annotations.media.Schema;

/** Milliseconds spent scoring and in total. */
@Schema(description = "Where the time went, in milliseconds.")
public record Timings(@Schema(description = "Running the language model") long scoringMillis,
                      @Schema(description = "The whole verdict, scoring included") long totalMillis) {
}
