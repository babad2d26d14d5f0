package io.textprovenance.service.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.textprovenance.service.verdict.DocumentRejectedException;
import io.textprovenance.service.verdict.VerdictService;
import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * The listener tells the record's fault from the service's (issue 14): a document validation refuses
 * ({@link DocumentRejectedException}) is dead-lettered at once with its reason; an IllegalArgumentException from a
 * bug fails the record, for the error handler to retry and then dead-letter as failed, never as the record's
 * fault. The REST id limit holds for a record key that stands in for the id.
 */
class DocumentListenerTests {

    private static final String TEXT = "{\"text\": \"The committee met on Tuesday to discuss the budget.\"}";

    /** What judging a validated document throws, whatever overload the listener calls; null: nothing stubbed. */
    private RuntimeException judgingFails;
    private final VerdictService verdicts = mock(VerdictService.class, invocation -> {
        if (judgingFails != null && invocation.getMethod().getName().equals("judgeValidated")) {
            throw judgingFails;
        }
        return Answers.RETURNS_DEFAULTS.answer(invocation);
    });
    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, byte[]> template = mock(KafkaTemplate.class);
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final DocumentListener listener = new DocumentListener(verdicts, template,
            new IngestProperties(true, "documents", "verdicts", "documents.DLT", 1, 1, DataSize.ofMegabytes(1),
                    Duration.ofMinutes(2)),
            JsonMapper.builder().build(), executor, new SimpleMeterRegistry(),
            new ConsumerProgress(Clock.systemUTC(), Duration.ofMinutes(2)),
            Validation.buildDefaultValidatorFactory().getValidator());

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDeadLetterARejectedDocumentWithItsReason() throws Exception {
        when(template.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.completedFuture(null));
        when(verdicts.validate(anyString())).thenThrow(DocumentRejectedException.tooLarge("document is 9 tokens;"
                + " the limit is 8 tokens per request"));

        listener.onDocuments(List.of(record(0, "doc", TEXT)));

        assertThat(DeadLettersTests.header(sent(), DeadLetterHeaders.REASON)).isEqualTo("document is 9 tokens;"
                + " the limit is 8 tokens per request");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldApplyTheRestIdLimitToARecordKeyStandingInForTheId() throws Exception {
        when(template.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.completedFuture(null));

        listener.onDocuments(List.of(record(0, "k".repeat(257), TEXT)));

        assertThat(DeadLettersTests.header(sent(), DeadLetterHeaders.REASON))
                .startsWith("id: must be at most 256 characters").contains("record key");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldFailTheRecordNotDeadLetterItWhenScoringThrowsAnIllegalArgument() {
        when(template.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.completedFuture(null));
        when(verdicts.validate("")).thenThrow(DocumentRejectedException.invalid("text is empty"));
        IllegalArgumentException bug = new IllegalArgumentException("hiddenStateTokens must be at least 0, got -1");
        judgingFails = bug;
        ConsumerRecord<String, byte[]> empty = record(0, "empty", "{\"text\": \"\"}");
        ConsumerRecord<String, byte[]> valid = record(1, "valid", TEXT);

        BatchListenerFailedException failure = catchThrowableOfType(BatchListenerFailedException.class,
                () -> listener.onDocuments(List.of(empty, valid)));

        assertThat(failure.getRecord()).isSameAs(valid);
        assertThat(failure).hasCause(bug);
        // the empty text before it is the record's own fault: dead-lettered; the valid one is not
        assertThat(DeadLettersTests.header(sent(), DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("0");
    }

    @Test
    void shouldFailTheRecordWhenValidationItselfHasABug() {
        IllegalArgumentException bug = new IllegalArgumentException("a tokenizer bug");
        when(verdicts.validate(anyString())).thenThrow(bug);
        ConsumerRecord<String, byte[]> record = record(3, "doc", TEXT);

        BatchListenerFailedException failure = catchThrowableOfType(BatchListenerFailedException.class,
                () -> listener.onDocuments(List.of(record)));

        assertThat(failure.getRecord()).isSameAs(record);
        assertThat(failure).hasCause(bug);
    }

    /** The one record sent. */
    @SuppressWarnings("unchecked")
    private ProducerRecord<String, byte[]> sent() {
        ArgumentCaptor<ProducerRecord<String, byte[]>> sent = ArgumentCaptor.forClass(ProducerRecord.class);
        verify(template).send(sent.capture());
        assertThat(sent.getValue().topic()).isEqualTo("documents.DLT");
        return sent.getValue();
    }

    private static ConsumerRecord<String, byte[]> record(long offset, String key, String value) {
        return new ConsumerRecord<>("documents", 0, offset, key, value.getBytes(StandardCharsets.UTF_8));
    }
}
