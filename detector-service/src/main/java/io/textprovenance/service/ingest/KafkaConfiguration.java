package io.textprovenance.service.ingest;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The pipeline's Kafka wiring: topics, an error handler that retries a failed batch forever with
 * exponential back-off (invalid records never reach it: the listener dead-letters them itself, so only
 * transient scorer failures do, and those must not lose documents), and the pause/resume of the listener
 * with the scorer's circuit breaker.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

    @Bean
    NewTopic documentsTopic(IngestProperties properties) {
        return TopicBuilder.name(properties.documents()).partitions(properties.partitions()).build();
    }

    @Bean
    NewTopic verdictsTopic(IngestProperties properties) {
        return TopicBuilder.name(properties.verdicts()).partitions(properties.partitions()).build();
    }

    @Bean
    NewTopic deadLetterTopic(IngestProperties properties) {
        return TopicBuilder.name(properties.deadLetter()).partitions(properties.partitions()).build();
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(1000, 2.0);
        backOff.setMaxInterval(30_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);   // never give up on a transient failure
        return new DefaultErrorHandler(backOff);
    }

    /** Pauses the documents listener while the scorer's circuit is open; resumes when it half-opens. */
    @Bean
    SmartInitializingSingleton pauseWithCircuitBreaker(CircuitBreakerRegistry circuitBreakers,
                                                       KafkaListenerEndpointRegistry listeners) {
        return () -> circuitBreakers.circuitBreaker("scorer").getEventPublisher().onStateTransition(event -> {
            Optional<MessageListenerContainer> container = Optional.ofNullable(
                    listeners.getListenerContainer(DocumentListener.LISTENER_ID));
            CircuitBreaker.State to = event.getStateTransition().getToState();
            if (to == CircuitBreaker.State.OPEN || to == CircuitBreaker.State.FORCED_OPEN) {
                log.warn("scorer circuit open: pausing the documents listener");
                container.ifPresent(MessageListenerContainer::pause);
            } else if (to == CircuitBreaker.State.HALF_OPEN || to == CircuitBreaker.State.CLOSED) {
                log.info("scorer circuit {}: resuming the documents listener", to);
                container.ifPresent(MessageListenerContainer::resume);
            }
        });
    }
}
