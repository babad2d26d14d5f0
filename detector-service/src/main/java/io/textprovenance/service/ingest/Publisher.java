package io.textprovenance.service.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes what one input record produced (its verdict or its dead letter). A record the broker or producer
 * refuses for itself (too large, invalid) is not retried: a small reason-only dead letter replaces it, so the
 * input record can be committed. Transient failures (see {@link TransientFailures}) complete the future
 * exceptionally for the caller to retry the input.
 */
final class Publisher {

    private static final Logger log = LoggerFactory.getLogger(Publisher.class);

    private final KafkaTemplate<String, byte[]> template;
    private final DeadLetters deadLetters;
    private final MeterRegistry meters;

    Publisher(KafkaTemplate<String, byte[]> template, DeadLetters deadLetters, MeterRegistry meters) {
        this.template = template;
        this.deadLetters = deadLetters;
        this.meters = meters;
    }

    CompletableFuture<Void> verdict(ProducerRecord<String, byte[]> verdict, ConsumerRecord<String, byte[]> origin) {
        return send(verdict, origin, "its verdict");
    }

    CompletableFuture<Void> deadLetter(ConsumerRecord<String, byte[]> origin, String reason) {
        log.warn("dead-lettering {}-{}@{}: {}", origin.topic(), origin.partition(), origin.offset(), reason);
        meters.counter("detector.dead.letters").increment();
        return send(deadLetters.of(origin, reason), origin, "its dead letter (" + reason + ")");
    }

    private CompletableFuture<Void> send(ProducerRecord<String, byte[]> record, ConsumerRecord<String, byte[]> origin,
                                         String what) {
        CompletableFuture<?> sent;
        try {
            sent = template.send(record);
        } catch (RuntimeException e) {   // the producer refused it before sending (too large, serialization)
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((result, failure) -> failure).thenCompose(failure -> {
            if (failure == null) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (TransientFailures.isTransient(cause)) {
                return CompletableFuture.<Void>failedFuture(cause);
            }
            String reason = "could not publish " + what + ": " + TransientFailures.describe(cause);
            log.warn("{}-{}@{}: {}", origin.topic(), origin.partition(), origin.offset(), reason);
            meters.counter("detector.dead.letters").increment();
            meters.counter("detector.publish.refused").increment();
            return template.send(deadLetters.reasonOnly(origin, reason)).thenApply(ignored -> (Void) null);
        });
    }
}
