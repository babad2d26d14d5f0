package io.textprovenance.service.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.core.KafkaProducerException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/** A record the broker refuses for itself is replaced by a reason-only dead letter; an outage is left to retry. */
class PublisherTests {

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, byte[]> template = mock(KafkaTemplate.class);
    private final Publisher publisher = new Publisher(template, new DeadLetters("documents.DLT", new RecordLimits(65536)),
            new SimpleMeterRegistry());
    private final ConsumerRecord<String, byte[]> origin = new ConsumerRecord<>("documents", 0, 9L, "doc", new byte[10]);

    @Test
    @SuppressWarnings("unchecked")
    void shouldDeadLetterTheReasonWhenTheBrokerRefusesTheVerdict() throws Exception {
        ProducerRecord<String, byte[]> verdict = new ProducerRecord<>("verdicts", "doc", new byte[100]);
        when(template.send(any(ProducerRecord.class))).thenReturn(failed(new RecordTooLargeException("too large")))
                .thenReturn(CompletableFuture.completedFuture(null));

        publisher.verdict(verdict, origin).get();

        ArgumentCaptor<ProducerRecord<String, byte[]>> sent = ArgumentCaptor.forClass(ProducerRecord.class);
        verify(template, times(2)).send(sent.capture());
        ProducerRecord<String, byte[]> letter = sent.getAllValues().get(1);
        assertThat(letter.topic()).isEqualTo("documents.DLT");
        assertThat(letter.value()).isEmpty();
        assertThat(DeadLettersTests.header(letter, DeadLetterHeaders.REASON))
                .contains("could not publish its verdict", "RecordTooLargeException");
        assertThat(DeadLettersTests.header(letter, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("9");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldLeaveATransientFailureToTheRetries() {
        when(template.send(any(ProducerRecord.class))).thenReturn(failed(new NotLeaderOrFollowerException("moving")));

        assertThatThrownBy(() -> publisher.verdict(new ProducerRecord<>("verdicts", "doc", new byte[1]), origin).get())
                .isInstanceOf(ExecutionException.class).hasRootCauseInstanceOf(NotLeaderOrFollowerException.class);
        verify(template, times(1)).send(any(ProducerRecord.class));
    }

    private static CompletableFuture<SendResult<String, byte[]>> failed(Exception cause) {
        return CompletableFuture.failedFuture(new KafkaProducerException(null, "send failed", cause));
    }
}
