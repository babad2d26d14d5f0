package io.textprovenance.service.verdict;

import io.swagger.v3.oas.annotations.media.Schema;

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
