package io.textprovenance.service.resilience;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * detector.resilience.*: the guards around the scorer.
 *
 * @param timeout              longest scoring call before it counts as failed
 * @param failureRateThreshold percent of failed calls (of the last {@code slidingWindow}) that opens the circuit
 * @param slidingWindow        calls the failure rate is computed over
 * @param openDuration         how long the circuit stays open before a trial call
 * @param restConcurrency      scoring calls REST may have in flight (its bulkhead); default twice the available
 *                             processors (on Kubernetes, the container's CPU limit), so that admitted requests do
 *                             not queue behind each other on a few cores: more wait at most
 *                             {@code restMaxWait} for a slot, then get 503 with Retry-After
 * @param kafkaConcurrency     scoring calls the Kafka listeners may have in flight (their bulkhead)
 * @param restRequestsPerSecond REST scoring calls admitted per second (rate limiter), beyond which 429: one per
 *                             document (a batch takes one per document) and one per attribution model it tests,
 *                             taken once the call holds a bulkhead slot, so calls shed with 503 use none
 * @param restMaxWait          longest a REST request waits for a free slot in its bulkhead before 503
 */
@Validated
@ConfigurationProperties("detector.resilience")
public record ResilienceProperties(@NotNull @DefaultValue("60s") Duration timeout,
                                   @DecimalMin("1") @DecimalMax("100") @DefaultValue("50") float failureRateThreshold,
                                   @Min(2) @DefaultValue("20") int slidingWindow,
                                   @NotNull @DefaultValue("30s") Duration openDuration,
                                   @Min(1) Integer restConcurrency,
                                   @Min(1) @DefaultValue("16") int kafkaConcurrency,
                                   @Min(1) @DefaultValue("50") int restRequestsPerSecond,
                                   @NotNull @DefaultValue("100ms") Duration restMaxWait) {

    /** Scoring calls in flight per core that REST admits by default. */
    public static final int REST_CALLS_PER_PROCESSOR = 2;

    public ResilienceProperties {
        if (restConcurrency == null) {
            restConcurrency = REST_CALLS_PER_PROCESSOR * Runtime.getRuntime().availableProcessors();
        }
        if (restMaxWait != null && restMaxWait.isNegative()) {
            throw new IllegalArgumentException("detector.resilience.rest-max-wait must not be negative");
        }
    }
}
