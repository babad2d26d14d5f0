package io.textprovenance.service.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** The pipeline against spring-kafka's in-process KRaft broker (runs everywhere). */
@SpringBootTest(properties = {
        "detector.scoring.model-dir=../scoring/src/test/resources/tiny/scoring-graph",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "detector.security.enabled=false",
        "detector.verdict.max-document-size=2KB",
        "detector.kafka.concurrency=2"})
@EmbeddedKafka(partitions = 3, topics = {"documents", "verdicts", "documents.DLT"})
class EmbeddedKafkaPipelineTests extends PipelineContract {

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Override
    String bootstrapServers() {
        return brokers;
    }

    @Test
    void shouldPauseWhileTheCircuitIsOpenAndLoseNothing() throws Exception {
        String run = "outage-" + UUID.randomUUID().toString().substring(0, 6);
        circuitBreakers.circuitBreaker("scorer").transitionToForcedOpenState();
        try {
            assertThat(listeners.getListenerContainer(DocumentListener.LISTENER_ID).isPauseRequested()).isTrue();
            send(run, 4);
            assertThat(collect(run, Duration.ofSeconds(4), 4)).isEmpty();
        } finally {
            circuitBreakers.circuitBreaker("scorer").transitionToClosedState();
        }
        assertThat(listeners.getListenerContainer(DocumentListener.LISTENER_ID).isPauseRequested()).isFalse();
        assertThat(collect(run, Duration.ofSeconds(90), 4)).hasSize(4);
    }
}
