package io.textprovenance.service.verdict;

import io.textprovenance.verdict.PolicyThresholds;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * detector.verdict.*: the verdict policy and request limits (see docs/verdict.md). The policy's numbers go to the
 * verdict library as {@link #thresholds()}; the evaluation labels with the same numbers
 * ({@code Evaluate --thresholds FILE --machine-p-value P ...}).
 *
 * @param alpha              level of the provenance test reported with each verdict
 * @param minTokens          below this many tokens the label is "uncertain" (too short to judge)
 * @param machinePValue      "machine" when the policy score's (PAWN's, else the Fast-DetectGPT criterion's)
 *                           calibrated p-value against human text of its length is at most this (the
 *                           false-positive rate one accepts)
 * @param humanMissPValue    "human" when the score's p-value among the calibration's machine texts of its length
 *                           is at most this (it scores lower than all but this share of machine text) and it
 *                           is not "machine"; the rate at which machine text like the calibration's is called
 *                           human
 * @param pawnMachine        uncalibrated PAWN head only: "machine" when P(machine) is at least this
 * @param pawnHuman          uncalibrated PAWN head only: "human" when P(machine) is below this; "uncertain" between
 * @param maxDocumentSize    largest document (UTF-8 bytes) accepted; larger gets 413 or a dead letter
 * @param maxBatch           most documents in one batch request
 * @param maxTokens          token budget of one request: a document (REST or one Kafka record) or a whole batch
 *                           request may hold at most this many tokens; more gets 413 or a dead letter before any
 *                           scoring (a budget the scorer can meet within detector.resilience.timeout)
 */
@Validated
@ConfigurationProperties("detector.verdict")
public record VerdictProperties(@DecimalMin("0.0001") @DecimalMax("0.5") @DefaultValue("0.05") double alpha,
                                @Min(1) @DefaultValue("32") int minTokens,
                                @DecimalMin("0.0001") @DecimalMax("0.5") @DefaultValue("0.01") double machinePValue,
                                @DecimalMin("0.0001") @DecimalMax("0.5") @DefaultValue("0.05") double humanMissPValue,
                                @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.5") double pawnMachine,
                                @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.2") double pawnHuman,
                                @NotNull @DefaultValue("1MB") DataSize maxDocumentSize,
                                @Min(1) @Max(1000) @DefaultValue("32") int maxBatch,
                                @Min(1) @DefaultValue("4096") int maxTokens) {

    /**
     * The policy's numbers for the verdict library.
     *
     * @throws IllegalArgumentException naming the value when pawn-human is above pawn-machine
     */
    public PolicyThresholds thresholds() {
        return new PolicyThresholds(minTokens, machinePValue, humanMissPValue, pawnMachine, pawnHuman);
    }
}
