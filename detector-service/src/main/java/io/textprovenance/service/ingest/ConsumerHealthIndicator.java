package io.textprovenance.service.ingest;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * "consumer" health: DOWN while the documents listener is stalled ({@link ConsumerProgress}). Not part of the
 * readiness group: a stalled consumer does not stop the pod serving REST; alert on it (or on the
 * detector.kafka.consumer.stalled gauge) instead.
 */
@Component("consumerHealthIndicator")
class ConsumerHealthIndicator implements HealthIndicator {

    private final ConsumerProgress progress;
    private final IngestProperties properties;

    ConsumerHealthIndicator(ConsumerProgress progress, IngestProperties properties) {
        this.progress = progress;
        this.properties = properties;
    }

    @Override
    public Health health() {
        if (!properties.enabled()) {
            return Health.up().withDetail("pipeline", "disabled").build();
        }
        Health.Builder health = progress.stalled() ? Health.down() : Health.up();
        progress.withoutProgress().ifPresent(d -> health.withDetail("secondsWithoutProgress", d.toSeconds()));
        progress.lastCompleted().ifPresent(at -> health.withDetail("lastBatchCompleted", at.toString()));
        return health.withDetail("stallAfterSeconds", progress.stallAfter().toSeconds())
                .withDetail("failedBatches", progress.failures()).build();
    }
}
