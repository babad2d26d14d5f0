package io.textprovenance.service.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.textprovenance.service.resilience.Channel;
import io.textprovenance.service.verdict.DocumentTooLargeException;
import io.textprovenance.service.verdict.Verdict;
import io.textprovenance.service.verdict.VerdictService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * documents -> verdicts, at least once. Each poll's records are parsed; invalid ones go to the dead-letter
 * topic with their reason; valid ones are scored concurrently (so the scorer's batcher groups them) and
 * their verdicts produced. The method returns only when every verdict and dead letter is acknowledged by
 * the broker, and the container commits the offsets only then. A scorer failure (circuit open, timeout)
 * throws: the batch is retried with back-off, nothing committed, nothing lost (duplicates are possible).
 */
@Component
class DocumentListener {

    static final String LISTENER_ID = "documents";
    private static final Logger log = LoggerFactory.getLogger(DocumentListener.class);

    private final VerdictService verdicts;
    private final KafkaTemplate<String, byte[]> template;
    private final IngestProperties properties;
    private final DocumentParser parser;
    private final ObjectMapper json;
    private final ExecutorService executor;
    private final MeterRegistry meters;

    DocumentListener(VerdictService verdicts, KafkaTemplate<String, byte[]> template, IngestProperties properties,
                     ObjectMapper json, ExecutorService scoringCallExecutor, MeterRegistry meters) {
        this.verdicts = verdicts;
        this.template = template;
        this.properties = properties;
        this.parser = new DocumentParser(json);
        this.json = json;
        this.executor = scoringCallExecutor;
        this.meters = meters;
    }

    @KafkaListener(id = LISTENER_ID, topics = "${detector.kafka.documents:documents}", batch = "true",
            concurrency = "${detector.kafka.concurrency:1}", autoStartup = "${detector.kafka.enabled:true}")
    void onDocuments(List<ConsumerRecord<String, byte[]>> records) throws InterruptedException, ExecutionException {
        List<CompletableFuture<?>> acknowledgements = new ArrayList<>();
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            DocumentRecord document;
            try {
                document = parser.parse(record.key(), record.value());
                verdicts.validate(document.text());
            } catch (InvalidDocumentException | IllegalArgumentException | DocumentTooLargeException e) {
                acknowledgements.add(deadLetter(record, e.getMessage()));
                continue;
            }
            outcomes.add(CompletableFuture.supplyAsync(() -> judge(record, document), executor));
        }
        RuntimeException transientFailure = null;
        for (CompletableFuture<Outcome> future : outcomes) {
            try {
                Outcome outcome = future.get();
                acknowledgements.add(outcome.verdict() != null ? produce(outcome.verdict())
                        : deadLetter(outcome.record(), outcome.reason()));
            } catch (ExecutionException e) {
                transientFailure = e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            }
        }
        for (CompletableFuture<?> acknowledgement : acknowledgements) {
            acknowledgement.get();
        }
        if (transientFailure != null) {
            throw transientFailure;
        }
    }

    private Outcome judge(ConsumerRecord<String, byte[]> record, DocumentRecord document) {
        try {
            return new Outcome(record, verdicts.judge(Channel.KAFKA, document.id(), document.text(), document.explain()), null);
        } catch (IllegalArgumentException | DocumentTooLargeException e) {
            return new Outcome(record, null, e.getMessage());
        }
    }

    private CompletableFuture<?> produce(Verdict verdict) {
        byte[] value = json.writeValueAsBytes(verdict);
        return template.send(properties.verdicts(), verdict.id(), value);
    }

    private CompletableFuture<?> deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        log.warn("dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
        meters.counter("detector.dead.letters").increment();
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(properties.deadLetter(), record.key(), record.value());
        letter.headers().add(DeadLetterHeaders.REASON, bytes(reason));
        letter.headers().add(DeadLetterHeaders.ORIGINAL_TOPIC, bytes(record.topic()));
        letter.headers().add(DeadLetterHeaders.ORIGINAL_PARTITION, bytes(String.valueOf(record.partition())));
        letter.headers().add(DeadLetterHeaders.ORIGINAL_OFFSET, bytes(String.valueOf(record.offset())));
        return template.send(letter);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private record Outcome(ConsumerRecord<String, byte[]> record, Verdict verdict, String reason) {
    }
}
