package io.textprovenance.service.ingest;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.textprovenance.service.verdict.DocumentRejectedException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * The pipeline's Kafka wiring: topics, the producer's max.request.size from {@code detector.kafka.max-record-size},
 * an error handler, and the pause/resume of the listener with the scorer's circuit breaker.
 *
 * <p>The error handler retries the record the listener names as failed: without limit, with exponential back-off
 * up to 30 s, while the failure is transient ({@link TransientFailures}: an outage must not lose documents); a
 * failure of the record's own (the scorer fails on it) {@value #RECORD_RETRIES} times, then the record goes to
 * the dead-letter topic with the reason and is committed, so one record never stalls its partition. A failure
 * of the service's own that is no outage (a bug, whatever its exception: an {@link IllegalArgumentException}
 * included) counts as the record's: retried, then dead-lettered as failed. Refused documents
 * ({@link DocumentRejectedException}) never get here: the listener dead-letters them with their reason.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    static final int RECORD_RETRIES = 3;
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

    /** max.request.size comes from detector.kafka.max-record-size, the value every bound is derived from. */
    @Bean
    DefaultKafkaProducerFactoryCustomizer maxRequestSize(IngestProperties properties) {
        return factory -> factory.updateConfigs(java.util.Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                properties.limits().maxRecordSize()));
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> template, IngestProperties properties,
                                          MeterRegistry meters) {
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetterRecoverer(template, properties, meters),
                recordBackOff());
        handler.setBackOffFunction((record, failure) -> TransientFailures.isTransient(failure) ? outageBackOff()
                : recordBackOff());
        handler.setCommitRecovered(true);
        // the listener dead-letters refused documents itself; should one reach the handler, no retry can help it
        handler.addNotRetryableExceptions(DocumentRejectedException.class);
        return handler;
    }

    static BackOff outageBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(1000, 2.0);
        backOff.setMaxInterval(30_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);   // never give up on a transient failure
        return backOff;
    }

    static BackOff recordBackOff() {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(RECORD_RETRIES);
        backOff.setInitialInterval(1000);
        backOff.setMultiplier(2.0);
        return backOff;
    }

    /** Publishes the dead letter of a record whose retries are spent, and waits for the broker's acknowledgement. */
    private static ConsumerRecordRecoverer deadLetterRecoverer(KafkaTemplate<String, byte[]> template,
                                                               IngestProperties properties, MeterRegistry meters) {
        Publisher publisher = new Publisher(template, new DeadLetters(properties.deadLetter(), properties.limits()),
                meters);
        return (record, failure) -> {
            @SuppressWarnings("unchecked")
            org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> typed =
                    (org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>) record;
            try {
                publisher.deadLetter(typed, "failed " + (RECORD_RETRIES + 1) + " times: "
                        + TransientFailures.describe(failure)).get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while dead-lettering", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("could not dead-letter " + record.topic() + "-" + record.partition()
                        + "@" + record.offset(), e);
            }
        };
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
