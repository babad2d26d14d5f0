package io.textprovenance.service.verdict;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

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
