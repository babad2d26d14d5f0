package io.textprovenance.service.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.textprovenance.scoring.ScoringException;
import io.textprovenance.service.resilience.ScorerTimeoutException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/** Outages are retried without end; a record's own failure a bounded number of times, then dead-lettered. */
class TransientFailuresTests {

    @Test
    void shouldRetryOutagesWithoutLimitAndARecordsOwnFailureThreeTimes() {
        Exception outage = new ListenerExecutionFailedException("x", new BatchListenerFailedException("doc failed",
                new ScorerTimeoutException("slow", null), 3));
        Exception brokerDown = new BatchListenerFailedException("doc failed", new TimeoutException("no broker"), 0);
        Exception poison = new ListenerExecutionFailedException("x", new BatchListenerFailedException("doc failed",
                new ScoringException("ORT failed on this input", new RuntimeException()), 1));

        assertThat(TransientFailures.isTransient(outage)).isTrue();
        assertThat(TransientFailures.isTransient(brokerDown)).isTrue();
        assertThat(TransientFailures.isTransient(poison)).isFalse();
        assertThat(TransientFailures.describe(poison)).isEqualTo("RuntimeException");
        assertThat(attempts(KafkaConfiguration.recordBackOff(), 100)).isEqualTo(KafkaConfiguration.RECORD_RETRIES);
        assertThat(attempts(KafkaConfiguration.outageBackOff(), 100)).isEqualTo(100);
    }

    private static int attempts(BackOff backOff, int atMost) {
        BackOffExecution execution = backOff.start();
        int attempts = 0;
        while (attempts < atMost && execution.nextBackOff() != BackOffExecution.STOP) {
            attempts++;
        }
        return attempts;
    }
}
