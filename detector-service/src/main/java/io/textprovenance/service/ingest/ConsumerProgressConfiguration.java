package io.textprovenance.service.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The listener's {@link ConsumerProgress} and its metrics: {@code detector.kafka.consumer.stalled} (1 while
 * stalled) and {@code detector.kafka.consumer.seconds.without.progress} (0 while progressing or idle).
 */
@Configuration(proxyBeanMethods = false)
class ConsumerProgressConfiguration {

    @Bean
    ConsumerProgress consumerProgress(IngestProperties properties, MeterRegistry meters) {
        ConsumerProgress progress = new ConsumerProgress(Clock.systemUTC(), properties.stallAfter());
        Gauge.builder("detector.kafka.consumer.stalled", progress, p -> p.stalled() ? 1 : 0)
                .description("1 while the documents listener has work it cannot get past (see detector.kafka.stall-after)")
                .strongReference(true)
                .register(meters);
        Gauge.builder("detector.kafka.consumer.seconds.without.progress", progress,
                        p -> p.withoutProgress().map(d -> d.toMillis() / 1000.0).orElse(0.0))
                .description("seconds the documents listener has been running or failing a batch without completing one")
                .strongReference(true)
                .register(meters);
        return progress;
    }
}
