package io.textprovenance.service.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.textprovenance.service.resilience.Channel;
import io.textprovenance.service.verdict.DocumentRejectedException;
import io.textprovenance.service.verdict.Verdict;
import io.textprovenance.service.verdict.VerdictRequests;
import io.textprovenance.service.verdict.VerdictService;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * documents -> verdicts, at least once. Each poll's records are parsed and validated as REST requests are;
 * the ones refused ({@link DocumentRejectedException}) go to the dead-letter topic with their reason at once;
 * valid ones are scored concurrently (so the scorer's batcher groups them) and their verdicts produced. The
 * method returns only when every verdict and dead letter is acknowledged by the broker, and the container commits
 * the offsets only then.
 *
 * <p>Nothing published can exceed the producer's limit: a verdict too large for it is refused with a dead letter
 * naming the reason ({@link VerdictRecords}), dead letters carry a bounded excerpt ({@link DeadLetters}), and a
 * record the broker still refuses is replaced by a reason-only dead letter ({@link Publisher}). When a record
 * fails otherwise (scoring failed, Kafka unavailable, a bug: an {@link IllegalArgumentException} thrown by the
 * service is not the record's fault), the method throws a {@link BatchListenerFailedException} naming the first
 * such record: the records before it are committed and the error handler retries from it (without limit for
 * transient failures, a few times then to the dead-letter topic for the others; see {@link KafkaConfiguration}).
 */
@Component
class DocumentListener {

    static final String LISTENER_ID = "documents";

    private final VerdictService verdicts;
    private final DocumentParser parser;
    private final VerdictRecords verdictRecords;
    private final Publisher publisher;
    private final ExecutorService executor;
    private final ConsumerProgress progress;
    private final IngestProperties properties;

    DocumentListener(VerdictService verdicts, KafkaTemplate<String, byte[]> template, IngestProperties properties,
                     ObjectMapper json, ExecutorService scoringCallExecutor, MeterRegistry meters,
                     ConsumerProgress progress, Validator validator) {
        this.verdicts = verdicts;
        this.progress = progress;
        this.properties = properties;
        this.parser = new DocumentParser(json, new VerdictRequests(json, validator));
        this.verdictRecords = new VerdictRecords(json, properties.verdicts(), properties.limits());
        this.publisher = new Publisher(template, new DeadLetters(properties.deadLetter(), properties.limits()), meters);
        this.executor = scoringCallExecutor;
    }

    /**
     * idIsGroup = false: the id names the container; the group is spring.kafka.consumer.group-id (one value). Topic,
     * concurrency and start come from {@link IngestProperties} (__listener is this bean), whose defaults are the only
     * ones: no placeholder repeats them.
     */
    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = "#{__listener.properties().documents()}",
            batch = "true", concurrency = "#{__listener.properties().concurrency()}",
            autoStartup = "#{__listener.properties().enabled()}")
    void onDocuments(List<ConsumerRecord<String, byte[]>> records) throws InterruptedException {
        progress.batchStarted();
        boolean completed = false;
        try {
            process(records);
            completed = true;
        } finally {
            if (completed) {
                progress.batchCompleted();
            } else {
                progress.batchFailed();
            }
        }
    }

    /** detector.kafka.*, for the listener's own settings above. */
    public IngestProperties properties() {
        return properties;
    }

    private void process(List<ConsumerRecord<String, byte[]>> records) throws InterruptedException {
        List<CompletableFuture<Void>> published = new ArrayList<>(records.size());
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            DocumentRecord document;
            try {
                document = parser.parse(record.key(), record.value());
                verdicts.validate(document.text());
                verdicts.validateModels(document.text(), document.models());
            } catch (DocumentRejectedException e) {   // the record's own fault: dead-lettered now, never retried
                outcomes.add(CompletableFuture.completedFuture(Outcome.refused(e.getMessage())));
                continue;
            } catch (RuntimeException e) {   // the service's: this record fails, and the error handler retries it
                outcomes.add(CompletableFuture.failedFuture(e));
                continue;
            }
            outcomes.add(CompletableFuture.supplyAsync(() -> Outcome.judged(verdicts.judgeValidated(Channel.KAFKA,
                    document.id(), document.text(), document.explain(), document.models())), executor));
        }
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            published.add(outcomes.get(i).thenCompose(outcome -> publish(outcome, record)));
        }
        for (int i = 0; i < records.size(); i++) {
            try {
                published.get(i).get();
            } catch (ExecutionException e) {
                CompletableFuture.allOf(published.toArray(CompletableFuture[]::new)).exceptionally(ignored -> null).join();
                throw new BatchListenerFailedException("document " + records.get(i).topic() + "-"
                        + records.get(i).partition() + "@" + records.get(i).offset() + " failed", e.getCause(),
                        records.get(i));
            }
        }
    }

    private CompletableFuture<Void> publish(Outcome outcome, ConsumerRecord<String, byte[]> record) {
        if (outcome.refusal() != null) {
            return publisher.deadLetter(record, outcome.refusal());
        }
        VerdictRecords.Encoded encoded = verdictRecords.encode(outcome.verdict());
        return encoded.record() != null ? publisher.verdict(encoded.record(), record)
                : publisher.deadLetter(record, encoded.refusal());
    }

    /** A verdict, or the reason the document gets none. */
    private record Outcome(Verdict verdict, String refusal) {

        static Outcome judged(Verdict verdict) {
            return new Outcome(verdict, null);
        }

        static Outcome refused(String reason) {
            return new Outcome(null, reason);
        }
    }
}
