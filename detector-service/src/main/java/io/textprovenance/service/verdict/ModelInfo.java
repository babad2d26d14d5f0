package io.textprovenance.service.verdict;

import io.swagger.v3.oas.annotations.media.Schema;

/** The model: name, version, sha256 prefix, and whether PAWN and calibration are present. */
@Schema(description = "The model that answered.")
public record ModelInfo(
        @Schema(description = "Model name (models/*/model.json)") String name,
        @Schema(description = "Model version") String version,
        @Schema(description = "First hex digits of the scoring graph's sha256") String sha256,
        @Schema(description = "Whether the model has a PAWN classifier head") boolean pawn,
        @Schema(description = "Whether the model has calibration.json (reference scores behind the p-values)")
        boolean calibrated) {
}
